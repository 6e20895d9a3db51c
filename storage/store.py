"""Persistence of maps: one row per map (keyed by workspace, channel and thread), every content
change kept as a version, optimistic concurrency on a row revision.

The store knows nothing of the journey map's model: it is handed a way to read a map back from
JSON (`read`, e.g. `JourneyMap.model_validate_json`) and asks of a map only what `MapDocument`
lists. So `storage` imports nothing from `bot`."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, Protocol, Self, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy import Engine, event
from sqlalchemy.exc import IntegrityError

from storage import migrate
from storage.tables import map_canvases, map_versions, maps, processed_events, review_reminders

CONNECT_TIMEOUT_SECONDS = 5


class MapKey(BaseModel, frozen=True):
    workspace: str
    channel: str
    thread: str


class MapDocument(Protocol):
    """What the store needs of a map (a pydantic model such as bot.model.JourneyMap)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def linked_map_id(self) -> str | None: ...
    @property
    def owner(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def last_reviewed_at(self) -> datetime | None: ...
    @property
    def review_every_days(self) -> int: ...
    def model_dump_json(self) -> str: ...
    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self: ...


M = TypeVar("M", bound=MapDocument)


@dataclass
class StoredMap(Generic[M]):
    key: MapKey
    journey_map: M
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
    # A database that does not answer must fail fast (health checks, "can't reach" answers),
    # not after the operating system's TCP timeout.
    return sa.create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def utc_now() -> datetime:
    return datetime.now(UTC)


class MapStore(Generic[M]):
    """Maps of one model: `read` turns the stored JSON back into one."""

    def __init__(
        self, engine: Engine, read: Callable[[str], M], migrate_on_start: bool = True
    ) -> None:
        self.engine = engine
        self.read = read
        if migrate_on_start:
            migrate.upgrade(engine)

    # --- maps ------------------------------------------------------------------------------

    def create(
        self, key: MapKey, journey_map: M, state: dict[str, Any], author: str
    ) -> StoredMap[M]:
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
                        status=str(journey_map.status),
                        version=1,
                        revision=1,
                        map_json=payload,
                        state_json=json.dumps(state),
                        created_at=now,
                        updated_at=now,
                        **map_columns(journey_map),
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

    def load(self, key: MapKey) -> StoredMap[M] | None:
        query = sa.select(maps).where(
            maps.c.workspace == key.workspace,
            maps.c.channel == key.channel,
            maps.c.thread == key.thread,
        )
        return self._one(query)

    def load_by_id(self, map_id: str) -> StoredMap[M] | None:
        return self._one(sa.select(maps).where(maps.c.id == map_id))

    def find_linked(self, map_id: str) -> StoredMap[M] | None:
        """The newest map whose `linked_map_id` names this one (its future state)."""
        query = (
            sa.select(maps).where(maps.c.linked_map_id == map_id).order_by(maps.c.updated_at.desc())
        )
        return self._one(query)

    def due_for_review(self, now: datetime, workspace: str | None = None) -> list[StoredMap[M]]:
        """Maps whose next review date has come, the longest overdue first."""
        query = (
            sa.select(maps)
            .where(maps.c.next_review_at <= now.astimezone(UTC))
            .order_by(maps.c.next_review_at)
        )
        if workspace is not None:
            query = query.where(maps.c.workspace == workspace)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [self._stored(row) for row in rows]

    def _one(self, query: sa.Select) -> StoredMap[M] | None:
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return self._stored(row) if row is not None else None

    def _stored(self, row: Any) -> StoredMap[M]:
        return StoredMap(
            key=MapKey(workspace=row["workspace"], channel=row["channel"], thread=row["thread"]),
            journey_map=self.read(row["map_json"]),
            state=json.loads(row["state_json"]),
            revision=row["revision"],
        )

    def save(
        self,
        stored: StoredMap[M],
        journey_map: M,
        state: dict[str, Any],
        author: str,
        summary: str = "",
        parent: int | None = None,
    ) -> StoredMap[M]:
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
                    status=str(journey_map.status),
                    version=journey_map.version,
                    revision=stored.revision + 1,
                    map_json=payload,
                    state_json=json.dumps(state),
                    updated_at=now,
                    **map_columns(journey_map),
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

    def version(self, map_id: str, version: int) -> tuple[M, int | None] | None:
        """A stored version's map and the version it descends from."""
        query = sa.select(map_versions.c.map_json, map_versions.c.parent).where(
            map_versions.c.map_id == map_id, map_versions.c.version == version
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return (self.read(row.map_json), row.parent) if row else None

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

    def release_event(self, key: str) -> None:
        """Give a claim back (the work it guarded failed), so the key can be claimed again."""
        with self.engine.begin() as conn:
            conn.execute(processed_events.delete().where(processed_events.c.key == key[:200]))

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


def next_review_at(m: MapDocument) -> datetime:
    """When a map is next due for review: its last review (or creation) plus its rhythm."""
    base = m.last_reviewed_at or m.created_at
    return _aware(base) + timedelta(days=m.review_every_days)


def map_columns(m: MapDocument) -> dict[str, Any]:
    """The map's fields that have their own columns, for queries that must not parse map_json."""
    return {
        "linked_map_id": m.linked_map_id,
        "owner": m.owner,
        "next_review_at": next_review_at(m).astimezone(UTC),
    }


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
