"""The engine's seam to the mapping guidance: at most one tip per step message, fitted to the
map's domain and never repeated in a thread, and answers to questions (a direct answer from the
guides, or the model's grounded paraphrase of the same sections)."""

from __future__ import annotations

import logging
from typing import Protocol

from bot.engine.assist import Assistant, AssistantUnavailable
from bot.engine.reply import Reply
from bot.model import JourneyMap, Step
from knowledge.domains import Domain, domain_of
from knowledge.types import Answer, Passage, Tip

log = logging.getLogger(__name__)

OUTSIDE = (
    "That's outside journey mapping, so I'll leave it. Ask me about scope, personas, stages, "
    "touchpoints, emotions, KPIs or reviews, or try `help`."
)
UNAVAILABLE = "The mapping guidance is unavailable right now; try again in a minute."


class Guidance(Protocol):
    """What the engine needs from the knowledge base (see knowledge.KnowledgeBase)."""

    def tip(
        self,
        step: str,
        context: str = "",
        domain: Domain | None = None,
        exclude: set[str] | frozenset[str] = frozenset(),
    ) -> Tip | None: ...

    def ask(self, question: str, more: int = 2) -> Answer: ...

    def section(self, key: str) -> Passage | None:
        """The whole section behind a tip or an answer (the adapters' More buttons)."""


def map_domain(m: JourneyMap) -> Domain | None:
    """Consumer, B2B, support or public service, as the title and scope describe the map."""
    scope = m.scope
    return domain_of(" ".join([m.title, scope.objective, scope.scenario, scope.journey_start]))


def step_tip(guidance: Guidance | None, m: JourneyMap, step: Step, shown: list[str]) -> Tip | None:
    """One tip for the step just entered, none already shown in this thread; never raises."""
    if guidance is None:
        return None
    context = " ".join([m.title, m.scope.objective, m.scope.scenario]).strip()
    try:
        return guidance.tip(step.value, context, map_domain(m), frozenset(shown))
    except Exception:  # guidance must never fail a turn
        log.exception("guidance tip failed; continuing without it")
        return None


def ask(guidance: Guidance | None, question: str) -> Answer:
    if guidance is None:
        return Answer(status="unavailable")
    try:
        return guidance.ask(question)
    except Exception:
        log.exception("guidance answer failed; continuing without it")
        return Answer(status="unavailable")


def answer_question(
    reply: Reply,
    guidance: Guidance | None,
    assistant: Assistant | None,
    question: str,
    workspace: str,
) -> None:
    """Fill `reply` with the answer: outside journey mapping, unavailable, the model's grounded
    paraphrase, or (no model, or the model failed) the guides' own sentences."""
    answer = ask(guidance, question)
    if answer.status == "outside":
        reply.notices.append(OUTSIDE)
        return
    if answer.status == "unavailable":
        reply.notices.append(UNAVAILABLE)
        return
    if assistant is not None:
        try:
            paraphrase = assistant.answer(question, answer.passages, workspace)
        except AssistantUnavailable as unavailable:
            reply.notices.append(str(unavailable))
        else:
            answer = answer.model_copy(update={"summary": paraphrase, "paraphrased": True})
    reply.answer = answer
