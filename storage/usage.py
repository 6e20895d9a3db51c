"""LLM token usage per workspace per UTC day, for the daily budget (bot.llm.budget).

The table (storage.tables.llm_usage) is created by migration 0003."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite

from storage.tables import llm_usage

_Upsert = Callable[[sa.Table], sqlite.Insert | postgresql.Insert]
_INSERTS: dict[str, _Upsert] = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def record(engine: Engine, workspace: str, day: date, tokens_in: int, tokens_out: int) -> None:
    """Add one call's tokens to the day's row, atomically (an upsert on both databases)."""
    insert = _INSERTS.get(engine.dialect.name)
    if insert is None:
        raise NotImplementedError(f"LLM usage is not supported on {engine.dialect.name}")
    now = datetime.now(UTC)
    statement = insert(llm_usage).values(
        workspace=workspace,
        day=day,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        calls=1,
        updated_at=now,
    )
    statement = statement.on_conflict_do_update(
        index_elements=[llm_usage.c.workspace, llm_usage.c.day],
        set_={
            "tokens_in": llm_usage.c.tokens_in + statement.excluded.tokens_in,
            "tokens_out": llm_usage.c.tokens_out + statement.excluded.tokens_out,
            "calls": llm_usage.c.calls + 1,
            "updated_at": now,
        },
    )
    with engine.begin() as conn:
        conn.execute(statement)


def used(engine: Engine, workspace: str, day: date) -> int:
    """Tokens (in plus out) the workspace spent on that day."""
    query = sa.select(llm_usage.c.tokens_in + llm_usage.c.tokens_out).where(
        llm_usage.c.workspace == workspace, llm_usage.c.day == day
    )
    with engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)
