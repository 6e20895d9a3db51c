"""Token usage per workspace per UTC day, on SQLite and PostgreSQL, and the budget it feeds."""

from __future__ import annotations

from datetime import date

import pytest

from bot.engine.assist import AssistantUnavailable
from bot.llm.budget import MemoryUsageStore, SqlUsageStore, TokenBudget, Usage
from bot.llm.notices import BUDGET_SPENT
from bot.model import JourneyMap
from storage import MapStore, create_db_engine

MONDAY, TUESDAY = date(2025, 3, 3), date(2025, 3, 4)


def test_usage_adds_up_per_workspace_and_day(database_url: str) -> None:
    engine = create_db_engine(database_url)
    MapStore(engine, JourneyMap.model_validate_json)  # runs the migrations, 0003 included
    usage = SqlUsageStore(engine)
    assert usage.used("T1", MONDAY) == 0
    usage.record("T1", MONDAY, Usage(100, 20))
    usage.record("T1", MONDAY, Usage(50, 5))
    usage.record("T1", TUESDAY, Usage(7, 0))
    usage.record("T2", MONDAY, Usage(1, 1))
    assert usage.used("T1", MONDAY) == 175
    assert usage.used("T1", TUESDAY) == 7 and usage.used("T2", MONDAY) == 2
    engine.dispose()


def test_the_budget_refuses_once_spent_and_resets_the_next_day() -> None:
    today = [MONDAY]
    budget = TokenBudget(MemoryUsageStore(), daily_tokens=150, today=lambda: today[0])
    budget.check("T1")
    budget.record("T1", Usage(120, 30))
    with pytest.raises(AssistantUnavailable) as spent:
        budget.check("T1")
    assert str(spent.value) == BUDGET_SPENT
    budget.check("T2")
    today[0] = TUESDAY
    budget.check("T1")
