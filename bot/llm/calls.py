"""One model call per turn: budget check, deadline, retries, usage and one log line.

Logged per call on "bot.llm": operation, model, tokens in and out (the provider's
usage_metadata), latency and attempts. Message text never reaches the log."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from threading import Lock
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.exceptions import OutputParserException
from langchain_core.messages import BaseMessage
from langchain_core.outputs import LLMResult
from langchain_core.runnables import Runnable, RunnableConfig
from pydantic import ValidationError

from bot.engine.assist import AssistantUnavailable
from bot.llm import notices
from bot.llm.budget import TokenBudget, Usage
from bot.llm.retry import (
    Deadline,
    call_with_retries,
    describe_error,
    is_transient,
    status_of,
    within_deadline,
)

log = logging.getLogger("bot.llm")
WORKERS = 16


class TokenCounter(BaseCallbackHandler):
    """Adds up the usage_metadata of every model reply in a turn, whatever the reply held: a
    structured output's parser drops the message, and tokens spent on garbage count too."""

    def __init__(self) -> None:
        self.tokens_in = 0
        self.tokens_out = 0
        self._lock = Lock()

    def on_llm_end(self, response: LLMResult, **kwargs: Any) -> None:
        for generations in response.generations:
            for generation in generations:
                message = getattr(generation, "message", None)
                metadata = getattr(message, "usage_metadata", None) or {}
                with self._lock:
                    self.tokens_in += int(metadata.get("input_tokens", 0))
                    self.tokens_out += int(metadata.get("output_tokens", 0))

    @property
    def usage(self) -> Usage:
        return Usage(self.tokens_in, self.tokens_out)


def reason_for(exc: BaseException) -> str:
    if isinstance(exc, OutputParserException | ValidationError):
        return notices.GARBAGE
    if isinstance(exc, TimeoutError) or "Timeout" in type(exc).__name__:
        return notices.TIMEOUT
    if status_of(exc) == 429 or "RateLimit" in type(exc).__name__:
        return notices.RATE_LIMITED
    return notices.DOWN if is_transient(exc) else notices.REFUSED


class ModelCaller:
    def __init__(self, model_name: str, turn_seconds: float, budget: TokenBudget) -> None:
        self.model_name = model_name
        self.turn_seconds = turn_seconds
        self.budget = budget
        self.executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="bot-llm")

    def call(
        self,
        operation: notices.Operation,
        workspace: str,
        runnable: Runnable[list[BaseMessage], Any],
        messages: list[BaseMessage],
    ) -> Any:
        """The runnable's output; AssistantUnavailable when the budget is spent or the model
        stays down past the turn's time budget."""
        self._check_budget(operation, workspace)
        deadline = Deadline(self.turn_seconds)
        counter = TokenCounter()
        config: RunnableConfig = {"callbacks": [counter]}
        attempts = 0

        def attempt() -> Any:
            nonlocal attempts
            attempts += 1
            return within_deadline(
                self.executor, lambda: runnable.invoke(messages, config=config), deadline
            )

        started = time.perf_counter()
        try:
            output = call_with_retries(attempt, deadline)
        except Exception as exc:
            self._log_failure(operation, workspace, exc, attempts, started)
            self._record(workspace, counter.usage)
            raise AssistantUnavailable(notices.notice(operation, reason_for(exc))) from exc
        self._log_success(operation, workspace, counter.usage, attempts, started)
        self._record(workspace, counter.usage)
        return output

    def _check_budget(self, operation: notices.Operation, workspace: str) -> None:
        try:
            self.budget.check(workspace)
        except AssistantUnavailable:
            raise
        except Exception as exc:
            log.exception("llm budget unreadable workspace=%s", workspace)
            raise AssistantUnavailable(notices.notice(operation, notices.BUDGET_UNKNOWN)) from exc

    def _record(self, workspace: str, usage: Usage) -> None:
        try:
            self.budget.record(workspace, usage)
        except Exception:  # the reply is worth more than one missed count
            log.exception("llm usage not recorded workspace=%s", workspace)

    def _log_success(
        self, operation: str, workspace: str, usage: Usage, attempts: int, started: float
    ) -> None:
        latency_ms = (time.perf_counter() - started) * 1000
        log.info(
            "llm call op=%s model=%s workspace=%s tokens_in=%d tokens_out=%d "
            "latency_ms=%.0f attempts=%d",
            operation,
            self.model_name,
            workspace,
            usage.tokens_in,
            usage.tokens_out,
            latency_ms,
            attempts,
            extra={
                "llm_op": operation,
                "llm_model": self.model_name,
                "llm_workspace": workspace,
                "llm_tokens_in": usage.tokens_in,
                "llm_tokens_out": usage.tokens_out,
                "llm_latency_ms": latency_ms,
                "llm_attempts": attempts,
            },
        )

    def _log_failure(
        self, operation: str, workspace: str, exc: BaseException, attempts: int, started: float
    ) -> None:
        error = describe_error(exc)
        log.warning(
            "llm call failed op=%s model=%s workspace=%s error=%s status=%s "
            "latency_ms=%.0f attempts=%d",
            operation,
            self.model_name,
            workspace,
            error["error"],
            error["status"],
            (time.perf_counter() - started) * 1000,
            attempts,
        )
