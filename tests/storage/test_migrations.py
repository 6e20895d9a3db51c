"""The migrations and the one metadata agree, on both databases; migration 0004 fills the new
columns of maps saved before it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.model import JourneyMap
from bot.reviews import due_reviews
from storage import MapKey, MapStore, create_db_engine, migrate
from storage.tables import metadata

KEY = MapKey(workspace="T1", channel="C1", thread="100.1")


def test_autogenerate_finds_no_difference_on_a_migrated_database(database_url: str) -> None:
    engine = create_db_engine(database_url)
    try:
        MapStore(engine, JourneyMap.model_validate_json)  # migrates to head
        with engine.connect() as conn:
            differences = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_server_default": True}), metadata
            )
        assert differences == []
    finally:
        engine.dispose()


def test_migration_0004_fills_the_columns_of_existing_maps(database_url: str) -> None:
    engine = create_db_engine(database_url)
    try:
        config = migrate.alembic_config(engine.url.render_as_string(hide_password=False))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0003")
        reviewed = datetime(2026, 1, 10, 9, 30, tzinfo=UTC)
        future = JourneyMap(
            id="future1",
            title="Future",
            linked_map_id="current1",
            owner="U_OWNER",
            review_every_days=30,
            last_reviewed_at=reviewed,
        )
        _insert_as_0003_did(engine, future)
        MapStore(engine, JourneyMap.model_validate_json)  # upgrades to head
        with engine.connect() as conn:
            row = conn.execute(sa.text("SELECT linked_map_id, owner FROM maps")).one()
        assert tuple(row) == ("current1", "U_OWNER")
        store = MapStore(engine, JourneyMap.model_validate_json, migrate_on_start=False)
        assert store.find_linked("current1").journey_map.id == "future1"  # type: ignore[union-attr]
        due_at = reviewed + timedelta(days=30)
        assert store.due_for_review(due_at - timedelta(minutes=1)) == []
        [due] = store.due_for_review(due_at + timedelta(minutes=1))
        assert due.journey_map.id == "future1"
    finally:
        engine.dispose()


def _insert_as_0003_did(engine: sa.Engine, m: JourneyMap) -> None:
    now = datetime.now(UTC)
    maps = sa.table(
        "maps",
        *(sa.column(name) for name in ("id", "workspace", "channel", "thread", "title", "step")),
        *(sa.column(name) for name in ("status", "version", "revision", "map_json")),
        *(sa.column(name) for name in ("state_json", "created_at", "updated_at")),
    )
    with engine.begin() as conn:
        conn.execute(
            maps.insert().values(
                id=m.id,
                **KEY.model_dump(),
                title=m.title,
                step="review",
                status=m.status.value,
                version=1,
                revision=1,
                map_json=m.model_dump_json(),
                state_json="{}",
                created_at=now,
                updated_at=now,
            )
        )


def test_due_reviews_load_only_the_maps_that_are_due(
    store: MapStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = datetime.now(UTC)
    for n, every in enumerate([30, 60, 90, 365]):
        key = KEY.model_copy(update={"thread": f"100.{n}"})
        stored = store.create(key, JourneyMap(title=f"m{n}"), {}, "U1")
        m = stored.journey_map.model_copy(update={"review_every_days": every, "version": 2})
        store.save(stored, m, {}, "U1", "rhythm")
    monkeypatch.setattr(store, "load_by_id", _no_loading)
    monkeypatch.setattr(store, "list_maps", _no_loading)
    due = due_reviews(store, created + timedelta(days=61))
    assert sorted(d.title for d in due) == ["m0", "m1"]
    assert due_reviews(store, created + timedelta(days=61), workspace="T_OTHER") == []


def test_owner_and_link_follow_every_save(store: MapStore) -> None:
    stored = store.create(KEY, JourneyMap(title="t"), {}, "U1")
    m = stored.journey_map.model_copy(
        update={"version": 2, "owner": "U_NEW", "linked_map_id": "other"}
    )
    store.save(stored, m, {}, "U1", "owner")
    with store.engine.connect() as conn:
        assert tuple(conn.execute(sa.text("SELECT owner, linked_map_id FROM maps")).one()) == (
            "U_NEW",
            "other",
        )


def _no_loading(*args: object, **kwargs: object) -> None:
    raise AssertionError("due reviews must not load every map")
