"""The engine's side of the optional LLM: proposals wait for a yes, failures fall back."""

from __future__ import annotations

from bot.engine import Engine, Turn
from bot.engine.assist import AssistantUnavailable, Proposal
from bot.engine.edits import AddTouchpoint
from bot.model import JourneyMap, Step
from knowledge.types import Answer, Passage
from storage import MapKey, MapStore

KEY = MapKey(workspace="T1", channel="C1", thread="1")
PROSE = "People usually find us through friends, then they check reviews on Google."


class FakeAssistant:
    def __init__(self, proposal: Proposal | None = None, down: bool = False) -> None:
        self.proposal = proposal
        self.down = down
        self.calls: list[str] = []

    def propose(self, journey_map: JourneyMap, step: Step, text: str, workspace: str) -> Proposal:
        self.calls.append(f"propose:{workspace}")
        if self.down or self.proposal is None:
            raise AssistantUnavailable(
                "The language model is unavailable; I used the plain parser."
            )
        return self.proposal

    def answer(self, question: str, passages: list[Passage], workspace: str) -> str:
        self.calls.append("answer")
        if self.down:
            raise AssistantUnavailable("The language model is unavailable.")
        return f"Grounded answer from {passages[0].title}."

    def narrate(self, journey_map, critique, passages, workspace) -> str:  # type: ignore[no-untyped-def]
        return "narrative"


MOMENTS = Passage(guide_id="moments-of-truth", title="Moments of truth", text="A moment…")


class FakeGuidance:
    def tip(self, step, context="", domain=None, exclude=frozenset()):  # type: ignore[no-untyped-def]
        return None

    def ask(self, question: str, more: int = 2) -> Answer:
        return Answer(status="answered", summary="A moment…", passages=[MOMENTS])

    def section(self, key: str) -> Passage | None:
        return MOMENTS


FRIENDS = AddTouchpoint(stage="Discover", description="Friends' advice", channel="word of mouth")
REVIEWS = AddTouchpoint(stage="Discover", description="Google reviews", channel="review site")


def started(store: MapStore, assistant: FakeAssistant) -> Engine:
    engine = Engine(store, FakeGuidance(), assistant)
    engine.start(KEY, "Map", "U1")
    engine.handle(KEY, Turn(user="U1", text="stage: Discover"))
    engine.handle(KEY, Turn(user="U1", text="go to touchpoints"))
    return engine


def touchpoints(store: MapStore) -> list[str]:
    return [t.description for t in store.load(KEY).journey_map.touchpoints]  # type: ignore[union-attr]


def test_prose_becomes_a_proposal_saved_only_on_yes(store: MapStore) -> None:
    assistant = FakeAssistant(Proposal(edits=[FRIENDS, REVIEWS]))
    engine = started(store, assistant)
    reply = engine.handle(KEY, Turn(user="U2", text=PROSE)).reply  # type: ignore[union-attr]
    assert "Discover > Friends' advice (word of mouth)" in reply.sections[0].body
    assert [s.command for s in reply.suggestions] == ["yes", "edit"]
    assert touchpoints(store) == [] and assistant.calls == ["propose:T1"]
    confirmed = engine.handle(KEY, Turn(user="U3", text="yes"))
    assert confirmed is not None and confirmed.reply.changed
    assert touchpoints(store) == ["Friends' advice", "Google reviews"]
    assert engine.handle(KEY, Turn(user="U3", text="yes")).reply.notices == [  # type: ignore[union-attr]
        "Nothing is waiting for a yes or no."
    ]


def test_no_drops_and_edit_shows_copyable_lines(store: MapStore) -> None:
    engine = started(store, FakeAssistant(Proposal(edits=[FRIENDS])))
    engine.handle(KEY, Turn(user="U1", text=PROSE))
    lines = engine.handle(KEY, Turn(user="U1", text="edit")).reply.sections[0].body  # type: ignore[union-attr]
    assert lines == "Discover > Friends' advice (word of mouth)"
    engine.handle(KEY, Turn(user="U1", text=PROSE))
    assert "Dropped it" in engine.handle(KEY, Turn(user="U1", text="no")).reply.notices[0]  # type: ignore[union-attr]
    assert touchpoints(store) == []


def test_model_down_falls_back_with_a_notice(store: MapStore) -> None:
    engine = started(store, FakeAssistant(down=True))
    reply = engine.handle(KEY, Turn(user="U1", text=PROSE)).reply  # type: ignore[union-attr]
    assert reply.notices[0].startswith("The language model is unavailable")
    assert reply.errors and touchpoints(store) == []


def test_a_proposal_that_does_not_fit_the_map_is_not_offered(store: MapStore) -> None:
    bad = AddTouchpoint(stage="Nowhere", description="x")
    engine = started(store, FakeAssistant(Proposal(edits=[bad])))
    reply = engine.handle(KEY, Turn(user="U1", text=PROSE)).reply  # type: ignore[union-attr]
    assert "didn't fit the map" in reply.notices[0] and not reply.sections
    assert engine.load(KEY).state["pending_proposal"] is None  # type: ignore[union-attr]


def test_questions_are_answered_from_guidance_with_sources(store: MapStore) -> None:
    engine = started(store, FakeAssistant())
    reply = engine.handle(KEY, Turn(user="U1", text="what's a moment of truth?")).reply  # type: ignore[union-attr]
    assert reply.answer is not None and reply.answer.paraphrased
    assert reply.answer.summary == "Grounded answer from Moments of truth."
    assert reply.answer.passages == [MOMENTS]  # the sources the renderers cite
    down = Engine(store, FakeGuidance(), FakeAssistant(down=True))
    fallback = down.handle(KEY, Turn(user="U1", text="what's a moment of truth?")).reply  # type: ignore[union-attr]
    assert fallback.answer is not None and not fallback.answer.paraphrased
    assert fallback.answer.summary == "A moment…" and "unavailable" in fallback.notices[0]


def test_a_plain_reading_that_does_not_fit_goes_to_the_model(store: MapStore) -> None:
    assistant = FakeAssistant(Proposal(edits=[FRIENDS]))
    engine = started(store, assistant)
    text = "Friends > then Google reviews, and <!channel> says hi"
    reply = engine.handle(KEY, Turn(user="U1", text=text)).reply  # type: ignore[union-attr]
    assert assistant.calls == ["propose:T1"] and reply.sections[0].heading == "Proposed"
    assert touchpoints(store) == []
