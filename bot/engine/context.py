"""One turn's context: the stored map, the thread's state, who spoke, and what the engine
offers every handler (replies, applying edits, guidance, the optional model, the store)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.edits import Edit, EditError, apply_edits
from bot.engine.assist import Assistant
from bot.engine.guidance import Guidance, step_tip
from bot.engine.outline import map_outline
from bot.engine.reply import Reply, Suggestion
from bot.engine.repository import MapRepository, Stored
from bot.engine.state import FacilitationState, Outcome, Pending
from bot.engine.steps import SPECS, STEP_ORDER
from bot.model import Contribution, JourneyMap, Step

__all__ = ["Context", "Guidance", "Services", "build_reply", "suggestions"]


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
        reply.tip = step_tip(services.guidance, m, state.step, state.shown_tips)
        if reply.tip is not None:
            state.shown_tips.append(reply.tip.key)
        if state.step is Step.REVIEW:
            reply.sections = map_outline(m)
            reply.warnings = spec.checks(m)
    return reply


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
