"""The Assistant the engine asks (bot.engine.assist), on a langchain chat model.

propose() reads map items through a tool call into MapItems and returns them as a Proposal;
answer() and narrate() write short text grounded in the passages and findings they are given.
Every call goes through ModelCaller (budget, deadline, retries, usage log); every output is
checked and cleaned before the engine sees it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import ValidationError

from bot.engine.assist import AssistantUnavailable, Proposal
from bot.llm import notices
from bot.llm.budget import MemoryUsageStore, TokenBudget, UsageStore, utc_today
from bot.llm.calls import ModelCaller
from bot.llm.framing import as_data, findings_block, map_context, passages_block, title_context
from bot.llm.proposal import to_proposal
from bot.llm.sanitize import EchoGuard, clean_output, clip_words
from bot.llm.schema import MAP_ITEMS_TOOL, MapItems
from bot.model import KNOWN_CHANNELS, JourneyMap, Step
from bot.settings import Settings
from knowledge.types import Passage
from prompts import load_prompt, prompt_names, read_prompt

log = logging.getLogger("bot.llm")
NO_GUIDANCE = "NO_GUIDANCE"  # the answer_question prompt's word for "the passages don't say"
NARRATIVE_WORDS = 120
ANSWER_WORDS = 150


def model_name(model: BaseChatModel) -> str:
    for attribute in ("model_name", "model"):
        value = getattr(model, attribute, None)
        if isinstance(value, str) and value:
            return value
    return type(model).__name__


class LangchainAssistant:
    def __init__(
        self,
        model: BaseChatModel,
        settings: Settings,
        usage_store: UsageStore | None = None,
        *,
        name: str | None = None,
        today: Callable[[], date] = utc_today,
    ) -> None:
        budget = TokenBudget(
            usage_store or MemoryUsageStore(), settings.llm_daily_token_budget, today
        )
        self.caller = ModelCaller(
            name or model_name(model), settings.llm_turn_timeout_seconds, budget
        )
        self.model = model
        # include_raw would cost a thread pool per call; TokenCounter sees the usage instead.
        self.extractor = model.with_structured_output(MAP_ITEMS_TOOL, method="function_calling")
        self.echo_guard = EchoGuard(read_prompt(prompt).body for prompt in prompt_names())

    # --- the Assistant protocol --------------------------------------------------------------

    def propose(self, journey_map: JourneyMap, step: Step, text: str, workspace: str) -> Proposal:
        messages = load_prompt("extract_map_items").format_messages(
            step=step.label,
            channels=", ".join(KNOWN_CHANNELS),
            map=map_context(journey_map),
            answer=as_data(text),
        )
        output = self.caller.call("propose", workspace, self.extractor, messages)
        return to_proposal(journey_map, self._map_items(output))

    def answer(self, question: str, passages: list[Passage], workspace: str) -> str:
        if not passages:  # nothing to ground an answer in: don't spend a call on a guess
            raise AssistantUnavailable(notices.NO_PASSAGES)
        messages = load_prompt("answer_question").format_messages(
            question=as_data(question, 2000), passages=passages_block(passages)
        )
        reply = self._text("answer", workspace, messages)
        if not reply or NO_GUIDANCE in reply:
            raise AssistantUnavailable(notices.notice("answer", notices.NOT_ANSWERED))
        return with_sources(clip_words(reply, ANSWER_WORDS), passages)

    def narrate(
        self, journey_map: JourneyMap, critique: Any, passages: list[Passage], workspace: str
    ) -> str:
        messages = load_prompt("critique_narrative").format_messages(
            map=title_context(journey_map),
            findings=findings_block(critique),
            passages=passages_block(passages),
        )
        reply = self._text("narrate", workspace, messages)
        if not reply:
            raise AssistantUnavailable(notices.notice("narrate", notices.GARBAGE))
        return clip_words(reply, NARRATIVE_WORDS)

    # --- helpers -----------------------------------------------------------------------------

    def _map_items(self, parsed: Any) -> MapItems:
        """The tool call's arguments as MapItems; no call, bad JSON or a bad shape is garbage."""
        error: str = "no tool call"
        if isinstance(parsed, dict):
            try:
                return MapItems.model_validate(parsed)
            except ValidationError:
                error = "ValidationError"
        log.warning(
            "llm reply unreadable op=propose model=%s error=%s", self.caller.model_name, error
        )
        raise AssistantUnavailable(notices.notice("propose", notices.GARBAGE))

    def _text(
        self, operation: notices.Operation, workspace: str, messages: list[BaseMessage]
    ) -> str:
        message = self.caller.call(operation, workspace, self.model, messages)
        text = message.text if isinstance(message, BaseMessage) else ""
        if self.echo_guard.echoes(text):
            raise AssistantUnavailable(notices.notice(operation, notices.UNCHECKED))
        return clean_output(text)


def with_sources(reply: str, passages: list[Passage]) -> str:
    """The reply names the guides it rests on; when the model forgot to, we add them."""
    titles = list(dict.fromkeys(p.title for p in passages))
    if any(title.casefold() in reply.casefold() for title in titles):
        return reply
    return f"{reply}\n(Sources: {'; '.join(titles)})"
