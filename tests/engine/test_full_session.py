"""Issue 2's end-to-end test: nothing to a complete map through plain text, on both databases."""

from __future__ import annotations

import json
from pathlib import Path

from bot.engine import Engine, Turn
from bot.model import MapStatus, Step
from storage import MapKey, MapStore

from .scenario import SESSION

EXPECTED = Path(__file__).parent / "data" / "expected_full_map.json"
VOLATILE = {"id", "created_at", "updated_at"}


def comparable(map_json: dict) -> dict:
    """The map without what differs between runs: ids of the row, timestamps."""
    clean = {k: v for k, v in map_json.items() if k not in VOLATILE}
    clean["contributors"] = [[c["user"], c["summary"]] for c in map_json["contributors"]]
    return clean


def run_session(store: MapStore) -> tuple[Engine, MapKey]:
    engine = Engine(store)
    key = MapKey(workspace="T1", channel="C1", thread="1700000000.000100")
    engine.start(key, "First-time mortgage buyers", "ana")
    for user, text, expectation in SESSION:
        before = store.load(key).journey_map  # type: ignore[union-attr]
        result = engine.handle(key, Turn(user=user, text=text))
        assert result is not None
        after = store.load(key).journey_map  # type: ignore[union-attr]
        if expectation == "ok":
            assert result.reply.changed and not result.reply.errors, (text, result.reply)
            assert after.version == before.version + 1
        else:
            assert after == before, text
    return engine, key


def test_full_session_builds_the_expected_map(store: MapStore) -> None:
    engine, key = run_session(store)
    stored = store.load(key)
    assert stored is not None
    m = stored.journey_map
    assert m.status is MapStatus.COMPLETE and stored.state["step"] == Step.REVIEW.value
    assert len(m.personas) == 1 and len(m.stages) == 5 and len(m.touchpoints) == 11
    assert {e.stage_id for e in m.emotions} == {s.id for s in m.stages}
    assert len(m.pain_points) == 3 and len(m.moments_of_truth) == 1 and len(m.kpis) == 3
    assert {c.user for c in m.contributors} == {"ana", "ben", "cleo"}
    expected = json.loads(EXPECTED.read_text())
    assert comparable(json.loads(m.model_dump_json())) == expected


def test_bad_input_replies_say_which_line_and_how(store: MapStore) -> None:
    engine, key = run_session(store)
    reply = engine.handle(key, Turn(user="ana", text="objective: fine\nweather: sunny")).reply
    assert reply.errors and "Line 2" in reply.errors[0] and "Try:" in reply.errors[0]
    assert store.load(key).journey_map.scope.objective == "fine"  # type: ignore[union-attr]
    engine.handle(key, Turn(user="ana", text="undo"))  # takes back the whole message
    assert store.load(key).journey_map.scope.objective.startswith("Halve")  # type: ignore[union-attr]


def test_history_records_every_change(store: MapStore) -> None:
    _, key = run_session(store)
    m = store.load(key).journey_map  # type: ignore[union-attr]
    versions = store.history(m.id)
    assert [v.version for v in versions] == list(range(1, m.version + 1))
    undo = next(v for v in versions if v.summary.startswith("undid"))
    assert undo.parent == 2  # back to the map before the b2c stages, whose parent is v2
