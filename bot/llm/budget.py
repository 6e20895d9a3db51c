"""The per-workspace daily token budget: usage is counted per UTC day, in the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from threading import Lock
from typing import NamedTuple, Protocol

from sqlalchemy import Engine

from bot.engine.assist import AssistantUnavailable
from bot.llm.notices import BUDGET_SPENT


class Usage(NamedTuple):
    tokens_in: int = 0
    tokens_out: int = 0

    @property
    def total(self) -> int:
        return self.tokens_in + self.tokens_out


class UsageStore(Protocol):
    def used(self, workspace: str, day: date) -> int: ...

    def record(self, workspace: str, day: date, usage: Usage) -> None: ...


class SqlUsageStore:
    """Usage in the `llm_usage` table (SQLite or PostgreSQL), shared by every replica."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def used(self, workspace: str, day: date) -> int:
        from storage import usage

        return usage.used(self.engine, workspace, day)

    def record(self, workspace: str, day: date, usage: Usage) -> None:
        from storage import usage as usage_table

        usage_table.record(self.engine, workspace, day, usage.tokens_in, usage.tokens_out)


class MemoryUsageStore:
    """Usage in memory: one process, forgotten on restart (tests, benches)."""

    def __init__(self) -> None:
        self._tokens: defaultdict[tuple[str, date], int] = defaultdict(int)
        self._lock = Lock()

    def used(self, workspace: str, day: date) -> int:
        return self._tokens[(workspace, day)]

    def record(self, workspace: str, day: date, usage: Usage) -> None:
        with self._lock:
            self._tokens[(workspace, day)] += usage.total


def utc_today() -> date:
    return datetime.now(UTC).date()


class TokenBudget:
    """Refuses a call once the workspace has spent its tokens for the day. A call that starts
    under the budget may end over it: the tokens a reply will take are unknown beforehand."""

    def __init__(
        self, store: UsageStore, daily_tokens: int, today: Callable[[], date] = utc_today
    ) -> None:
        self.store = store
        self.daily_tokens = daily_tokens
        self.today = today

    def check(self, workspace: str) -> None:
        if self.store.used(workspace, self.today()) >= self.daily_tokens:
            raise AssistantUnavailable(BUDGET_SPENT)

    def record(self, workspace: str, usage: Usage) -> None:
        if usage.total:
            self.store.record(workspace, self.today(), usage)
