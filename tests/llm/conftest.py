"""Fixtures for the LLM tests: settings without .env, a map with stages, a loopback stub."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.engine.edits import AddStage, AddTouchpoint, apply_edits
from bot.model import JourneyMap
from bot.settings import Settings

from .openai_stub import OpenAIStub


def make_settings(**values: object) -> Settings:
    values = {"llm_turn_timeout_seconds": 5.0, "llm_daily_token_budget": 100_000, **values}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def settings() -> Settings:
    return make_settings()


@pytest.fixture
def journey_map() -> JourneyMap:
    m, _ = apply_edits(
        JourneyMap(title="Renting a first flat"),
        [
            AddStage(name="Discover"),
            AddStage(name="Compare"),
            AddTouchpoint(stage="Discover", description="Search ads", channel="search"),
        ],
    )
    return m


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub() as running:
        yield running
