"""Every scripted conversation runs through the engine: nothing misfiled, no chatter saved,
and (on the tuned share) the final map is exactly the one its author expected."""

from __future__ import annotations

import pytest

from bot.domain import dates
from bot.model import JourneyMap
from storage import MapStore
from tests.conversations.harness import TODAY, play
from tests.conversations.held_apart import HELD_APART
from tests.conversations.held_apart_final import HELD_APART_FINAL
from tests.conversations.held_apart_late import HELD_APART_LATE
from tests.conversations.script import Conversation
from tests.conversations.tuned import TUNED


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: TODAY)


def test_there_are_enough_conversations_and_a_third_is_held_apart() -> None:
    held = len(HELD_APART) + len(HELD_APART_LATE) + len(HELD_APART_FINAL)
    assert len(TUNED) + held >= 15
    assert held * 3 >= len(TUNED) + held - 1


@pytest.mark.parametrize("conversation", TUNED, ids=lambda c: c.name)
def test_tuned_conversation_builds_the_expected_map(
    conversation: Conversation, sqlite_url: str
) -> None:
    from storage import create_db_engine

    score, final, expected = play(
        conversation, MapStore(create_db_engine(sqlite_url), read=JourneyMap.model_validate_json)
    )
    assert score.problems == []
    assert final == expected


@pytest.mark.parametrize(
    "conversation", HELD_APART + HELD_APART_LATE + HELD_APART_FINAL, ids=lambda c: c.name
)
def test_held_apart_conversation_never_misfiles_or_saves_chatter(
    conversation: Conversation, sqlite_url: str
) -> None:
    """The held-apart share is measured, not tuned on: here only the safety rules must hold."""
    from storage import create_db_engine

    score, _, _ = play(
        conversation, MapStore(create_db_engine(sqlite_url), read=JourneyMap.model_validate_json)
    )
    assert score.misfiled == 0 and score.chatter_saved == 0, score.problems
    assert score.rejected_without_fix == 0, score.problems
