"""One turn's context: the stored map, the thread's state, who spoke, and what the engine
offers every handler (replies, applying edits, guidance, the optional model, the store)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.domain.edits import Edit, EditError, apply_edits
from bot.engine.assist import Assistant
from bot.engine.outline import map_outline
from bot.engine.reply import Reply, Suggestion
from bot.engine.repository import MapRepository, Stored
from bot.engine.state import FacilitationState, Outcome, Pending
from bot.engine.steps import SPECS, STEP_ORDER
from bot.model import Contribution, JourneyMap, Step
from knowledge.types import Passage

log = logging.getLogger(__name__)


class Guidance(Protocol):
    """What the engine needs from the knowledge base (see knowledge.KnowledgeBase)."""

    def tips(
        self, step: str, context: str = "", exclude: set[str] = ..., k: int = 2
    ) -> list[Passage]: ...

    def answer(self, question: str, k: int = 3, max_chars: int = 2500) -> list[Passage]: ...


@dataclass
class Services:
    store: MapRepository
    guidance: Guidance | None = None
    assistant: Assistant | None = None


@dataclass
class Context:
    services: Services
    stored: Stored
    state: FacilitationState
    user: str
    pending: Pending = field(default_factory=Pending)

    @property
    def map(self) -> JourneyMap:
        return self.stored.journey_map

    @property
    def workspace(self) -> str:
        return self.stored.key.workspace

    # --- outcomes ------------------------------------------------------------------------

    def same(self, reply: Reply | None = None) -> Outcome:
        """Nothing changes; the reply says why."""
        return Outcome(self.map, self.state, reply or self.reply())

    def refuse(self, error: str, show_example: bool = False) -> Outcome:
        reply = self.reply(show_example=show_example)
        reply.errors = [error]
        return self.same(reply)

    def apply(self, edits: list[Edit], parent: int | None = None) -> Outcome:
        try:
            changed, summaries = apply_edits(self.map, edits)
        except EditError as error:
            reply = self.reply(show_example=True)
            reply.errors = [str(error)]
            reply.notices.append("Nothing was saved from that message.")
            return self.same(reply)
        return self.changed(changed, summaries, parent)

    def changed(
        self, after: JourneyMap, summaries: list[str], parent: int | None = None
    ) -> Outcome:
        summary = "; ".join(summaries)
        after = after.model_copy(update={"version": self.map.version + 1})
        after.contributors.append(Contribution(user=self.user, summary=summary[:200]))
        reply = self.reply(after)
        reply.understood = summaries
        reply.changed = True
        reply.warnings = SPECS[self.state.step].checks(after)
        return Outcome(after, self.state, reply, summary=summary, parent=parent)

    # --- replies -------------------------------------------------------------------------

    def reply(
        self, m: JourneyMap | None = None, *, entered: bool = False, show_example: bool = False
    ) -> Reply:
        return build_reply(self.services, m or self.map, self.state, entered, show_example)

    def passages_for(self, question: str) -> list[Passage]:
        guidance = self.services.guidance
        if guidance is None:
            return []
        return safely(lambda: guidance.answer(question))


def build_reply(
    services: Services,
    m: JourneyMap,
    state: FacilitationState,
    entered: bool = False,
    show_example: bool = False,
) -> Reply:
    spec = SPECS[state.step]
    reply = Reply(
        step=state.step,
        step_number=STEP_ORDER.index(state.step) + 1,
        step_count=len(STEP_ORDER),
        step_title=state.step.label,
        question=spec.question,
        example=spec.example if (entered or show_example) else "",
        suggestions=suggestions(state.step),
        critique=None,
        spawn=None,
    )
    if entered:
        reply.tips = _tips(services, m, state)
        state.shown_tips += [tip_key(tip) for tip in reply.tips]
        if state.step is Step.REVIEW:
            reply.sections = map_outline(m)
            reply.warnings = spec.checks(m)
    return reply


def _tips(services: Services, m: JourneyMap, state: FacilitationState) -> list[Passage]:
    guidance = services.guidance
    if guidance is None:
        return []
    context = " ".join([m.title, m.scope.objective, m.scope.scenario])
    exclude = set(state.shown_tips)
    return safely(lambda: guidance.tips(state.step.value, context, exclude))


def safely(fetch: Callable[[], list[Passage]]) -> list[Passage]:
    try:
        return list(fetch())
    except Exception:  # retrieval must never fail a turn
        log.exception("guidance lookup failed; continuing without it")
        return []


def tip_key(passage: Passage) -> str:
    return passage.key or f"{passage.guide_id}#{passage.heading}"


def suggestions(step: Step) -> list[Suggestion]:
    if step is Step.REVIEW:
        return [
            Suggestion(label="Critique", command="critique"),
            Suggestion(label="Export", command="export all"),
            Suggestion(label="Mark complete", command="done"),
            Suggestion(label="Back", command="back"),
            Suggestion(label="Undo", command="undo"),
        ]
    return [
        Suggestion(label="Next", command="next"),
        Suggestion(label="Back", command="back"),
        Suggestion(label="Skip", command="skip"),
        Suggestion(label="Show map", command="show"),
        Suggestion(label="Undo", command="undo"),
    ]
