"""Evidence, team emotion votes, summary, future state and the review rhythm, through the engine."""

from __future__ import annotations

import json

import pytest

from bot.engine import Engine, Turn
from bot.model import EvidenceLevel, JourneyMap
from bot.samples import sample_map
from storage import MapKey, MapStore

KEY = MapKey(workspace="T1", channel="C1", thread="1")


@pytest.fixture
def engine(store: MapStore) -> Engine:
    engine = Engine(store)
    engine.start(KEY, "Mortgage", "ana")
    for text in (
        "stage: Dream, Apply",
        "go to touchpoints",
        "Apply > Online form (web) | source: 2026 funnel analytics\nDream > Calculator (web)",
    ):
        engine.handle(KEY, Turn(user="ana", text=text))
    return engine


def say(engine: Engine, text: str, user: str = "ana"):  # type: ignore[no-untyped-def]
    result = engine.handle(KEY, Turn(user=user, text=text))
    assert result is not None
    return result


def current(engine: Engine) -> JourneyMap:
    return engine.load(KEY).journey_map  # type: ignore[union-attr]


def test_new_items_are_assumed_unless_a_source_is_named(engine: Engine) -> None:
    form, calculator = current(engine).touchpoints
    assert form.evidence.level is EvidenceLevel.OBSERVED
    assert form.evidence.links[0].text == "2026 funnel analytics"
    assert calculator.evidence.level is EvidenceLevel.ASSUMED
    say(engine, "go to emotions")
    say(
        engine,
        'pain: Apply > Slow | quote: "I waited two weeks"\nApply: -1 worried | source: NPS survey',
    )
    m = current(engine)
    assert m.pain_points[0].evidence.level is EvidenceLevel.REPORTED
    assert m.emotions[0].evidence.level is EvidenceLevel.OBSERVED


def test_evidence_command_attaches_links_and_raises_the_level(engine: Engine) -> None:
    calculator = current(engine).touchpoints[1]
    reply = say(engine, f'evidence {calculator.id}: quote "I just want the monthly number"').reply
    assert reply.changed
    item = current(engine).touchpoints[1]
    assert item.evidence.level is EvidenceLevel.REPORTED and item.evidence.links[0].kind == "quote"
    say(engine, f"evidence {calculator.id}: observed usability test, 8 people")
    assert current(engine).touchpoints[1].evidence.level is EvidenceLevel.OBSERVED
    assert say(engine, "evidence stage Apply: survey").reply.errors


def test_outline_shows_how_much_is_assumed(engine: Engine) -> None:
    sections = say(engine, "show map").reply.sections
    evidence = next(s for s in sections if s.heading == "Evidence")
    assert "Overall: 50% assumed (1 observed, 0 reported, 1 assumed)" in evidence.body
    assert "Dream: 100% assumed" in evidence.body


def test_votes_spread_and_settling(engine: Engine) -> None:
    say(engine, "vote Apply -2", user="ana")
    reply = say(engine, "vote Apply 1", user="ben").reply
    assert "spread 3" in reply.sections[0].body and "disagrees" in reply.sections[0].body
    say(engine, "vote Apply -1", user="ana")  # changing a vote replaces it
    assert len(current(engine).emotion_votes) == 2
    say(engine, "vote Apply 2", user="cleo")
    refused = say(engine, "settle Apply").reply
    assert refused.errors and "disagrees" in refused.errors[0] and not current(engine).emotions
    settled = say(engine, "settle Apply -1 because the forms are long for most of us").reply
    assert settled.changed
    emotion = current(engine).emotions[0]
    assert emotion.score == -1 and emotion.reason == "the forms are long for most of us"
    say(engine, "vote Dream 1", user="ana")
    say(engine, "vote Dream 2", user="ben")
    say(engine, "settle Dream")
    assert current(engine).emotion_for(current(engine).stages[0].id).score == 2  # round(1.5)
    assert say(engine, "vote Apply 5").reply.errors


def test_summary_fits_one_screen(engine: Engine) -> None:
    say(engine, "go to emotions")
    say(engine, "Apply: -2 anxious\npain: Apply > Slow\nmoment: Apply > First upload")
    say(engine, "action: Faster checks | owner: Ops | pain: Slow")
    headings = [s.heading for s in say(engine, "summary").reply.sections]
    assert headings == [
        "Scope",
        "Lows of the emotion curve",
        "Top pains",
        "Moments of truth",
        "Open actions",
        "Evidence",
    ]
    body = {s.heading: s.body for s in say(engine, "summary").reply.sections}
    assert body["Lows of the emotion curve"] == "Apply: -2 anxious"
    assert body["Open actions"] == "Faster checks — Ops"


def test_future_state_is_a_linked_copy(engine: Engine, store: MapStore) -> None:
    reply = say(engine, "future state").reply
    assert reply.spawn == "future"
    future_key = MapKey(workspace="T1", channel="C1", thread="2")
    result = engine.start_future(KEY, future_key, "ben")
    future = result.journey_map
    assert future.state_of == "future" and future.linked_map_id == current(engine).id
    assert [t.description for t in future.touchpoints] == ["Online form", "Calculator"]
    assert engine.load(future_key).state["step"] == "touchpoints"  # type: ignore[union-attr]
    tp = future.touchpoints[0].id
    engine.handle(future_key, Turn(user="ben", text="action: Pre-filled form | owner: Digital"))
    action = store.load(future_key).journey_map.actions[0]  # type: ignore[union-attr]
    engine.handle(future_key, Turn(user="ben", text=f"edit {action.id} changes: {tp}"))
    assert store.load(future_key).journey_map.actions[0].changes == tp  # type: ignore[union-attr]
    bad = engine.handle(future_key, Turn(user="ben", text=f"edit {action.id} changes: tp-999"))
    assert bad is not None and bad.reply.errors
    again = engine.handle(future_key, Turn(user="ben", text="future state"))
    assert again is not None and again.reply.errors


def test_owner_and_review_rhythm(engine: Engine) -> None:
    say(engine, "owner: <@U123>")
    say(engine, "review every 30 days")
    assert say(engine, "review every 3 days").reply.errors
    say(engine, "reviewed")
    m = current(engine)
    assert m.owner == "<@U123>" and m.review_every_days == 30 and m.last_reviewed_at is not None


def test_version_1_maps_are_upgraded_on_read() -> None:
    data = json.loads(sample_map().model_dump_json())
    del data["schema_version"]
    for item in (*data["personas"], *data["emotions"], *data["touchpoints"]):
        del item["evidence"]
    upgraded = JourneyMap.model_validate(data)
    assert upgraded.schema_version == 2
    assert upgraded.personas[0].evidence.level is EvidenceLevel.OBSERVED
    assert upgraded.emotions[0].evidence.links[0].kind == "quote"
    assert upgraded.touchpoints[0].evidence.level is EvidenceLevel.ASSUMED


def test_exports_of_either_state_overlay_the_other(engine: Engine, store: MapStore) -> None:
    future_key = MapKey(workspace="T1", channel="C1", thread="2")
    engine.start_future(KEY, future_key, "ben")
    current_map, future_map = current(engine), store.load(future_key).journey_map  # type: ignore[union-attr]
    assert store.find_linked(current_map.id).journey_map.id == future_map.id  # type: ignore[union-attr]
    assert engine._other_state(future_map).id == current_map.id  # type: ignore[union-attr]
    assert engine._other_state(current_map).id == future_map.id  # type: ignore[union-attr]
    result = engine.handle(future_key, Turn(user="ben", text="export docx"))
    assert result is not None and result.files[0].format == "docx"
