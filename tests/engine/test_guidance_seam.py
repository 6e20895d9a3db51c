"""The engine's use of the guidance: at most one tip per step message, for the map's domain, never
repeated in a thread; questions answered, refused as off-topic, or told the guidance is down."""

from __future__ import annotations

from bot.engine import Engine, Turn
from bot.engine.guidance import OUTSIDE, UNAVAILABLE
from knowledge.domains import Domain
from knowledge.types import Answer, Passage, Tip
from storage import MapKey, MapStore

KEY = MapKey(workspace="T1", channel="C1", thread="1")


class RecordingGuidance:
    def __init__(self) -> None:
        self.tip_calls: list[tuple[str, Domain | None, frozenset[str]]] = []
        self.broken = False

    def tip(self, step, context="", domain=None, exclude=frozenset()):  # type: ignore[no-untyped-def]
        self.tip_calls.append((step, domain, frozenset(exclude)))
        n = len(self.tip_calls)
        return Tip(key=f"k{n}", guide_id="g", title="Guide", text=f"Tip {n}")

    def ask(self, question: str, more: int = 2) -> Answer:
        if self.broken:
            raise ConnectionError("chroma is down")
        if "poem" in question:
            return Answer(status="outside")
        passage = Passage(guide_id="g", title="Guide", text="Full section.", key="s1")
        return Answer(status="answered", summary="The answer.", passages=[passage])

    def section(self, key: str) -> Passage | None:
        return None


def test_one_tip_per_step_for_the_maps_domain_never_repeated(store: MapStore) -> None:
    guidance = RecordingGuidance()
    engine = Engine(store, guidance)
    started = engine.start(KEY, "Gym membership", "U1").reply
    assert started.tip is not None and started.tip.key == "k1"
    scope = "objective: more members stay past month three\nscenario: a member joins the gym"
    answered = engine.handle(KEY, Turn(user="U1", text=scope))
    assert answered is not None and answered.reply.tip is None  # no tip on an answer
    for step in ("personas", "stages", "touchpoints"):
        engine.handle(KEY, Turn(user="U1", text=f"go to {step}"))
    steps = [call[0] for call in guidance.tip_calls]
    assert steps == ["scope", "personas", "stages", "touchpoints"]
    assert guidance.tip_calls[-1][1] == "consumer"  # read from the scope
    assert guidance.tip_calls[-1][2] == {"k1", "k2", "k3"}  # every tip shown so far


def test_questions_are_answered_refused_or_reported_unavailable(store: MapStore) -> None:
    guidance = RecordingGuidance()
    engine = Engine(store, guidance)
    engine.start(KEY, "Map", "U1")
    ask = lambda text: engine.handle(KEY, Turn(user="U1", text=text)).reply  # type: ignore[union-attr]  # noqa: E731
    answered = ask("what is a moment of truth?")
    assert answered.answer is not None and answered.answer.summary == "The answer."
    outside = ask("can you write a poem?")
    assert outside.answer is None and outside.notices == [OUTSIDE]
    guidance.broken = True
    down = ask("what is a moment of truth?")
    assert down.answer is None and down.notices == [UNAVAILABLE]
