"""Persistence of maps: one row per map (keyed by workspace, channel and thread), every content
change kept as a version, optimistic concurrency on a row revision."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy import Engine, event
from sqlalchemy.exc import IntegrityError

from bot.model import JourneyMap, utc_now
from storage import migrate
from storage.tables import map_canvases, map_versions, maps, processed_events, review_reminders


class MapKey(BaseModel, frozen=True):
    workspace: str
    channel: str
    thread: str


class StoredMap(BaseModel):
    key: MapKey
    journey_map: JourneyMap
    state: dict[str, Any]
    revision: int


class MapSummary(BaseModel):
    id: str
    key: MapKey
    title: str
    step: str
    status: str
    version: int
    updated_at: datetime


class VersionInfo(BaseModel):
    version: int
    parent: int | None
    author: str
    summary: str
    created_at: datetime


class StaleRevision(Exception):
    """Someone saved the map since it was loaded: reload and re-apply, or give up."""


class MapExists(Exception):
    """A map already lives in that thread."""


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class MapStore:
    def __init__(self, engine: Engine, migrate_on_start: bool = True) -> None:
        self.engine = engine
        if migrate_on_start:
            migrate.upgrade(engine)

    # --- maps ------------------------------------------------------------------------------

    def create(
        self, key: MapKey, journey_map: JourneyMap, state: dict[str, Any], author: str
    ) -> StoredMap:
        now = utc_now()
        journey_map = journey_map.model_copy(
            update={"id": uuid.uuid4().hex[:12], "version": 1, "created_at": now, "updated_at": now}
        )
        payload = journey_map.model_dump_json()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    maps.insert().values(
                        id=journey_map.id,
                        **key.model_dump(),
                        title=journey_map.title,
                        step=str(state.get("step", "")),
                        status=journey_map.status.value,
                        version=1,
                        revision=1,
                        map_json=payload,
                        state_json=json.dumps(state),
                        created_at=now,
                        updated_at=now,
                    )
                )
                conn.execute(
                    map_versions.insert().values(
                        map_id=journey_map.id,
                        version=1,
                        parent=None,
                        author=author,
                        summary="started the map",
                        map_json=payload,
                        created_at=now,
                    )
                )
        except IntegrityError as exc:
            raise MapExists(f"A map already exists in thread {key.thread}.") from exc
        return StoredMap(key=key, journey_map=journey_map, state=state, revision=1)

    def load(self, key: MapKey) -> StoredMap | None:
        query = sa.select(maps).where(
            maps.c.workspace == key.workspace,
            maps.c.channel == key.channel,
            maps.c.thread == key.thread,
        )
        return self._one(query)

    def load_by_id(self, map_id: str) -> StoredMap | None:
        return self._one(sa.select(maps).where(maps.c.id == map_id))

    def find_linked(self, map_id: str) -> StoredMap | None:
        """The newest map whose `linked_map_id` names this one (its future state)."""
        marker = json.dumps({"linked_map_id": map_id})[1:-1]  # as pydantic writes it, no spaces
        marker = marker.replace(": ", ":")
        query = (
            sa.select(maps)
            .where(maps.c.map_json.contains(marker, autoescape=True))
            .order_by(maps.c.updated_at.desc())
        )
        return self._one(query)

    def _one(self, query: sa.Select) -> StoredMap | None:
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _stored(row) if row else None

    def save(
        self,
        stored: StoredMap,
        journey_map: JourneyMap,
        state: dict[str, Any],
        author: str,
        summary: str = "",
        parent: int | None = None,
    ) -> StoredMap:
        """Write a new state, and a new version when the map's content changed.

        `journey_map.version` decides: equal to the stored one means state only. `parent` is the
        version this content descends from (for undo); by default the stored version.
        Raises StaleRevision when the row changed since `stored` was loaded."""
        now = utc_now()
        content_changed = journey_map.version != stored.journey_map.version
        if content_changed:
            journey_map = journey_map.model_copy(update={"updated_at": now})
        payload = journey_map.model_dump_json()
        with self.engine.begin() as conn:
            result = conn.execute(
                maps.update()
                .where(maps.c.id == journey_map.id, maps.c.revision == stored.revision)
                .values(
                    title=journey_map.title,
                    step=str(state.get("step", "")),
                    status=journey_map.status.value,
                    version=journey_map.version,
                    revision=stored.revision + 1,
                    map_json=payload,
                    state_json=json.dumps(state),
                    updated_at=now,
                )
            )
            if result.rowcount != 1:
                raise StaleRevision(journey_map.id)
            if content_changed:
                conn.execute(
                    map_versions.insert().values(
                        map_id=journey_map.id,
                        version=journey_map.version,
                        parent=stored.journey_map.version if parent is None else parent,
                        author=author,
                        summary=summary[:500],
                        map_json=payload,
                        created_at=now,
                    )
                )
        return StoredMap(
            key=stored.key, journey_map=journey_map, state=state, revision=stored.revision + 1
        )

    def delete(self, map_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(map_versions.delete().where(map_versions.c.map_id == map_id))
            conn.execute(maps.delete().where(maps.c.id == map_id))

    # --- history ---------------------------------------------------------------------------

    def history(self, map_id: str) -> list[VersionInfo]:
        query = (
            sa.select(
                map_versions.c.version,
                map_versions.c.parent,
                map_versions.c.author,
                map_versions.c.summary,
                map_versions.c.created_at,
            )
            .where(map_versions.c.map_id == map_id)
            .order_by(map_versions.c.version)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [VersionInfo(**{**row, "created_at": _aware(row["created_at"])}) for row in rows]

    def version(self, map_id: str, version: int) -> tuple[JourneyMap, int | None] | None:
        """A stored version's map and the version it descends from."""
        query = sa.select(map_versions.c.map_json, map_versions.c.parent).where(
            map_versions.c.map_id == map_id, map_versions.c.version == version
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return (JourneyMap.model_validate_json(row.map_json), row.parent) if row else None

    # --- listing ---------------------------------------------------------------------------

    def list_maps(
        self, workspace: str | None = None, channels: Iterable[str] | None = None, limit: int = 200
    ) -> list[MapSummary]:
        query = (
            sa.select(
                maps.c.id,
                maps.c.workspace,
                maps.c.channel,
                maps.c.thread,
                maps.c.title,
                maps.c.step,
                maps.c.status,
                maps.c.version,
                maps.c.updated_at,
            )
            .order_by(maps.c.updated_at.desc())
            .limit(limit)
        )
        if workspace is not None:
            query = query.where(maps.c.workspace == workspace)
        if channels is not None:
            query = query.where(maps.c.channel.in_(list(channels)))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            MapSummary(
                id=row["id"],
                key=MapKey(
                    workspace=row["workspace"], channel=row["channel"], thread=row["thread"]
                ),
                title=row["title"],
                step=row["step"],
                status=row["status"],
                version=row["version"],
                updated_at=_aware(row["updated_at"]),
            )
            for row in rows
        ]

    # --- Slack event de-duplication ----------------------------------------------------------

    def claim_event(self, key: str) -> bool:
        """True the first time a key is seen, across every replica sharing the database."""
        try:
            with self.engine.begin() as conn:
                conn.execute(processed_events.insert().values(key=key[:200], seen_at=utc_now()))
        except IntegrityError:
            return False
        return True

    def forget_events_before(self, age: timedelta = timedelta(hours=24)) -> int:
        cutoff = datetime.now(UTC) - age
        with self.engine.begin() as conn:
            result = conn.execute(
                processed_events.delete().where(processed_events.c.seen_at < cutoff)
            )
        return result.rowcount

    # --- the Slack canvas of a map -------------------------------------------------------------

    def canvas_of(self, map_id: str) -> str | None:
        query = sa.select(map_canvases.c.canvas_id).where(map_canvases.c.map_id == map_id)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def remember_canvas(self, map_id: str, canvas_id: str) -> None:
        """Record (or replace) the canvas that mirrors the map."""
        with self.engine.begin() as conn:
            conn.execute(map_canvases.delete().where(map_canvases.c.map_id == map_id))
            conn.execute(
                map_canvases.insert().values(
                    map_id=map_id, canvas_id=canvas_id, created_at=utc_now()
                )
            )

    # --- review reminders ----------------------------------------------------------------------

    def claim_reminder(self, map_id: str, due_at: datetime) -> bool:
        """True for the one caller that may send the reminder of this map for this due date."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    review_reminders.insert().values(
                        map_id=map_id, due_at=due_at, sent_at=utc_now()
                    )
                )
        except IntegrityError:
            return False
        return True

    def release_reminder(self, map_id: str, due_at: datetime) -> None:
        """Give a claim back when sending failed, so the next tick tries again."""
        with self.engine.begin() as conn:
            conn.execute(
                review_reminders.delete().where(
                    review_reminders.c.map_id == map_id, review_reminders.c.due_at == due_at
                )
            )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _stored(row: Any) -> StoredMap:
    return StoredMap(
        key=MapKey(workspace=row["workspace"], channel=row["channel"], thread=row["thread"]),
        journey_map=JourneyMap.model_validate_json(row["map_json"]),
        state=json.loads(row["state_json"]),
        revision=row["revision"],
    )
