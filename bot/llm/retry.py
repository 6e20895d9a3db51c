"""Retries for transient model failures, inside one time budget per turn.

Rate limits (429, honouring Retry-After), timeouts, connection errors and 5xx are retried with
exponential backoff and jitter; no wait or attempt may end past the turn's deadline. Provider
clients are built with their own retries off (bot.llm.factory), so retries never stack."""

from __future__ import annotations

import contextvars
import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import Executor
from concurrent.futures import TimeoutError as FutureTimeout
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

from langchain_core.exceptions import ModelError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)
from tenacity.stop import stop_base
from tenacity.wait import wait_base

T = TypeVar("T")
log = logging.getLogger("bot.llm")

MAX_ATTEMPTS = 5
MIN_ATTEMPT_SECONDS = 0.2  # an attempt with less time left than this is not worth starting


class Deadline:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.ends = clock() + seconds

    def remaining(self) -> float:
        return self.ends - self.clock()


class DeadlineExceeded(TimeoutError):
    """The turn's time budget ran out while waiting for the model."""


def status_of(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    if status is None:
        status = getattr(getattr(exc, "response", None), "status_code", None)
    return status if isinstance(status, int) else None


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, ModelError):
        return exc.is_retryable
    status = status_of(exc)
    if status is not None and status > 0:
        return status in (408, 429) or status >= 500
    return isinstance(exc, TimeoutError | ConnectionError) or _is_transport_error(exc)


def _is_transport_error(exc: BaseException) -> bool:
    try:
        import httpx
    except ImportError:  # pragma: no cover - every provider client brings httpx
        return False
    return isinstance(exc, httpx.TransportError)


def retry_after(exc: BaseException) -> float | None:
    """Seconds the provider asked us to wait (Retry-After, or OpenAI's retry-after-ms)."""
    headers = getattr(getattr(exc, "response", None), "headers", None)
    if headers is None:
        return None
    if (millis := headers.get("retry-after-ms")) is not None:
        return _seconds(millis, 1000)
    if (value := headers.get("retry-after")) is not None:
        return _seconds(value, 1) or _until(value)
    return None


def _seconds(value: str, per_second: float) -> float | None:
    try:
        return max(float(value) / per_second, 0.0)
    except ValueError:
        return None


def _until(http_date: str) -> float | None:
    try:
        moment = parsedate_to_datetime(http_date)
    except (TypeError, ValueError):
        return None
    return max(moment.timestamp() - time.time(), 0.0)


class wait_for_provider(wait_base):  # noqa: N801 - tenacity's naming
    """The provider's Retry-After when it gives one, else exponential backoff plus jitter:
    first ~0.5 s, then ~1 s, ~2 s…, at most `cap` plus jitter."""

    def __init__(self, first: float = 0.5, cap: float = 8.0, jitter: float = 0.5) -> None:
        self.first, self.cap, self.jitter = first, cap, jitter

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        asked = retry_after(exc) if exc is not None else None
        if asked is not None:
            return asked
        backoff = min(self.first * 2 ** (retry_state.attempt_number - 1), self.cap)
        return backoff + random.uniform(0, self.jitter)


class stop_at_deadline(stop_base):  # noqa: N801 - tenacity's naming
    """Stop when the next wait would leave no time for a useful attempt."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.deadline.remaining() - retry_state.upcoming_sleep < MIN_ATTEMPT_SECONDS


def _log_retry(retry_state: RetryCallState) -> None:
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    log.info(
        "llm retry attempt=%d wait_s=%.2f error=%s status=%s",
        retry_state.attempt_number,
        retry_state.upcoming_sleep,
        type(exc).__name__,
        status_of(exc) if exc else None,
    )


def call_with_retries(
    fn: Callable[[], T],
    deadline: Deadline,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    retrying = Retrying(
        retry=retry_if_exception(is_transient),
        wait=wait_for_provider(),
        stop=stop_after_attempt(MAX_ATTEMPTS) | stop_at_deadline(deadline),
        before_sleep=_log_retry,
        sleep=sleep,
        reraise=True,
    )
    return retrying(fn)


def within_deadline(executor: Executor, fn: Callable[[], T], deadline: Deadline) -> T:
    """Run one attempt, giving up when the deadline passes whatever the provider client does."""
    remaining = deadline.remaining()
    if remaining <= 0:
        raise DeadlineExceeded()
    context = contextvars.copy_context()  # keep langchain's callback context in the worker
    future = executor.submit(context.run, fn)
    try:
        return future.result(timeout=remaining)
    except FutureTimeout as exc:
        if not future.done():
            future.cancel()
            raise DeadlineExceeded() from exc
        raise


def describe_error(exc: BaseException) -> dict[str, Any]:
    """What may be logged about a failure: its type and status, never its message (which can
    carry the request's text)."""
    return {"error": type(exc).__name__, "status": status_of(exc)}
