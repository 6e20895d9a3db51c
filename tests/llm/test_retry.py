"""Which failures are retried, how long we wait, and that no wait outlives the turn."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from langchain_core.exceptions import ModelAuthenticationError, ModelRateLimitError

from bot.llm.retry import (
    Deadline,
    DeadlineExceeded,
    call_with_retries,
    is_transient,
    retry_after,
    within_deadline,
)


class StatusError(Exception):
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"status {status}")
        self.status_code = status
        self.response = httpx.Response(status, headers=headers or {})


def test_transient_failures() -> None:
    assert is_transient(ModelRateLimitError()) and not is_transient(ModelAuthenticationError())
    assert is_transient(StatusError(429)) and is_transient(StatusError(503))
    assert not is_transient(StatusError(400)) and not is_transient(StatusError(401))
    assert is_transient(TimeoutError()) and is_transient(ConnectionResetError())
    assert is_transient(httpx.ConnectError("down"))
    assert not is_transient(ValueError("bad json"))


def test_retry_after_in_seconds_milliseconds_or_a_date() -> None:
    assert retry_after(StatusError(429, {"Retry-After": "2"})) == 2.0
    assert retry_after(StatusError(429, {"retry-after-ms": "250"})) == 0.25
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 < retry_after(StatusError(429, {"Retry-After": later})) <= 30  # type: ignore[operator]
    assert retry_after(StatusError(429)) is None and retry_after(ValueError()) is None


def scripted(*outcomes: object):  # type: ignore[no-untyped-def]
    queue = list(outcomes)

    def call() -> object:
        outcome = queue.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return call


def test_transient_failures_are_retried_honouring_retry_after() -> None:
    waits: list[float] = []
    call = scripted(StatusError(429, {"Retry-After": "1.5"}), StatusError(502), "ok")
    assert call_with_retries(call, Deadline(30), sleep=waits.append) == "ok"
    assert waits[0] == 1.5 and 1.0 <= waits[1] <= 1.5


def test_a_permanent_failure_is_not_retried() -> None:
    waits: list[float] = []
    with pytest.raises(StatusError):
        call_with_retries(scripted(StatusError(401), "ok"), Deadline(30), sleep=waits.append)
    assert waits == []


def test_a_wait_past_the_deadline_gives_up_at_once() -> None:
    waits: list[float] = []
    call = scripted(StatusError(429, {"Retry-After": "60"}), "ok")
    with pytest.raises(StatusError):
        call_with_retries(call, Deadline(5), sleep=waits.append)
    assert waits == []


def test_attempts_are_capped() -> None:
    waits: list[float] = []
    with pytest.raises(TimeoutError):
        call_with_retries(scripted(*[TimeoutError()] * 9), Deadline(300), sleep=waits.append)
    assert len(waits) == 4


def test_an_attempt_is_abandoned_at_the_deadline() -> None:
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        with pytest.raises(DeadlineExceeded):
            within_deadline(pool, lambda: time.sleep(0.6), Deadline(0.2))
        assert time.monotonic() - started < 1
        with pytest.raises(DeadlineExceeded):
            within_deadline(pool, lambda: "late", Deadline(-1))
        with pytest.raises(KeyError):
            within_deadline(pool, scripted(KeyError("own")), Deadline(5))
