"""Fixtures: a MockSlack Web API and the real app over HTTP, on a fresh SQLite data dir each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import CHANNEL, SlackApp, settings_for
from .mock_slack import MockSlack

PEOPLE = ("U_ANA", "U_BEN", "U_CLEO")


@pytest.fixture
def slack() -> Iterator[MockSlack]:
    mock = MockSlack()
    mock.channel(CHANNEL, *PEOPLE)
    mock.names.update({"U_ANA": "Ana Alvarez", "U_BEN": "Ben Brown", "U_CLEO": "Cleo Chen"})
    yield mock
    mock.stop()
    assert not mock.invalid, f"Slack would have rejected: {mock.invalid}"


@pytest.fixture
def bot(tmp_path: Path, slack: MockSlack) -> Iterator[SlackApp]:
    app = SlackApp(settings_for(tmp_path, slack), slack)
    yield app
    app.stop()
    app.services.store.engine.dispose()


@pytest.fixture
def any_db_bot(tmp_path: Path, slack: MockSlack, database_url: str) -> Iterator[SlackApp]:
    """The app on SQLite, then on PostgreSQL (a fresh schema)."""
    app = SlackApp(settings_for(tmp_path, slack, database_url=database_url), slack)
    yield app
    app.stop()
    app.services.store.engine.dispose()
