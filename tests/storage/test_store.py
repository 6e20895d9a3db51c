from __future__ import annotations

import pytest

from bot.model import JourneyMap
from bot.samples import sample_map
from storage import MapExists, MapKey, MapStore, StaleRevision

KEY = MapKey(workspace="T1", channel="C1", thread="100.1")


def test_create_load_and_versions(store: MapStore) -> None:
    stored = store.create(KEY, sample_map(), {"step": "scope"}, "U1")
    assert stored.journey_map.version == 1
    loaded = store.load(KEY)
    assert loaded is not None and loaded.journey_map == stored.journey_map

    renamed = stored.journey_map.model_copy(update={"title": "Renamed", "version": 2})
    saved = store.save(stored, renamed, {"step": "personas"}, "U2", "renamed")
    assert store.load_by_id(saved.journey_map.id).journey_map.title == "Renamed"  # type: ignore[union-attr]
    history = store.history(saved.journey_map.id)
    assert [(v.version, v.parent, v.author) for v in history] == [(1, None, "U1"), (2, 1, "U2")]
    old, parent = store.version(saved.journey_map.id, 1)  # type: ignore[misc]
    assert old.title == "First-time mortgage buyers" and parent is None


def test_state_only_save_keeps_version(store: MapStore) -> None:
    stored = store.create(KEY, JourneyMap(title="t"), {"step": "scope"}, "U1")
    saved = store.save(stored, stored.journey_map, {"step": "personas"}, "U1")
    assert saved.journey_map.version == 1
    assert [v.version for v in store.history(saved.journey_map.id)] == [1]
    assert store.load(KEY).state == {"step": "personas"}  # type: ignore[union-attr]


def test_stale_revision_is_refused(store: MapStore) -> None:
    stored = store.create(KEY, JourneyMap(title="t"), {}, "U1")
    store.save(stored, stored.journey_map.model_copy(update={"version": 2, "title": "a"}), {}, "U1")
    with pytest.raises(StaleRevision):
        store.save(
            stored, stored.journey_map.model_copy(update={"version": 2, "title": "b"}), {}, "U2"
        )
    assert store.load(KEY).journey_map.title == "a"  # type: ignore[union-attr]


def test_one_map_per_thread(store: MapStore) -> None:
    store.create(KEY, JourneyMap(title="t"), {}, "U1")
    with pytest.raises(MapExists):
        store.create(KEY, JourneyMap(title="again"), {}, "U1")


def test_listing_filters_by_workspace_and_channel(store: MapStore) -> None:
    store.create(KEY, JourneyMap(title="one"), {"step": "scope"}, "U1")
    store.create(MapKey(workspace="T1", channel="C2", thread="1"), JourneyMap(title="two"), {}, "U")
    store.create(
        MapKey(workspace="T2", channel="C1", thread="1"), JourneyMap(title="three"), {}, "U"
    )
    assert {m.title for m in store.list_maps("T1")} == {"one", "two"}
    assert [m.title for m in store.list_maps("T1", ["C1"])] == ["one"]
    assert store.list_maps("T1", []) == []


def test_claim_event_once(store: MapStore) -> None:
    assert store.claim_event("Ev1") is True
    assert store.claim_event("Ev1") is False
    assert store.claim_event("Ev2") is True
    assert store.forget_events_before() == 0


def test_a_released_claim_can_be_claimed_again(store: MapStore) -> None:
    assert store.claim_event("slack:export:m1:3:pdf")
    assert not store.claim_event("slack:export:m1:3:pdf")
    store.release_event("slack:export:m1:3:pdf")
    assert store.claim_event("slack:export:m1:3:pdf")
    store.release_event("never-claimed")  # harmless
