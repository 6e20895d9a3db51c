"""NUL and lone surrogates (which PostgreSQL cannot store, and no UTF-8 can encode) are removed
from what people send, with a private note, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

from bot.slack.unstorable import scrub

from .harness import CHANNEL, SlackApp
from .mock_slack import TEAM

ANA = "U_ANA"


def notes(bot: SlackApp) -> list[str]:
    return [
        c.params.get("text", "")
        for c in bot.slack.calls_to("chat.postEphemeral")
        if "cannot be saved" in c.params.get("text", "")
    ]


def test_a_nul_in_a_thread_reply_is_removed_with_a_note(any_db_bot: SlackApp) -> None:
    bot = any_db_bot
    thread = bot.start(ANA, "Renters")
    before = len(bot.slack.posts(thread))
    event = {
        "type": "message",
        "user": ANA,
        "text": "objective: Halve\x00 drop-out \ud800between steps",
        "ts": "1800000999.000100",
        "thread_ts": thread,
        "channel": CHANNEL,
    }
    body = json.dumps({"type": "event_callback", "team_id": TEAM, "event": event, "event_id": "E1"})
    assert "\\u0000" in body and "\\ud800" in body  # as Slack's JSON carries them
    assert bot.post(body, "application/json")[0] == 200
    bot.slack.wait_for(lambda: bot.slack.posts(thread)[before:], what="the reply")
    bot.slack.wait_for(lambda: notes(bot), what="the note")
    bot.idle()
    stored = bot.services.store.load(bot.key(thread))
    assert stored is not None
    assert stored.journey_map.scope.objective == "Halve drop-out between steps"
    assert notes(bot) == [notes(bot)[0]] and "2 character(s)" in notes(bot)[0]
    assert not any("Sorry" in c.params.get("text", "") for c in bot.slack.posts(thread))


def test_a_nul_in_a_slash_command_title_is_removed_with_a_note(any_db_bot: SlackApp) -> None:
    bot = any_db_bot
    assert bot.command(ANA, "new First\x00-time buyers")[0] == 200
    bot.slack.wait_for(lambda: notes(bot), what="the note")
    bot.slack.wait_for(lambda: len(bot.slack.posts()) >= 2, what="the root and first step")
    bot.idle()
    [summary] = bot.services.store.list_maps(TEAM)
    assert summary.title == "First-time buyers"
    assert "1 character(s)" in notes(bot)[0]


def test_scrub_cleans_keys_values_and_lists() -> None:
    cleaned, removed = scrub({"a\x00": ["x\x00y", {"z": "\udfff"}], "n": 3, "ok": None})
    assert cleaned == {"a": ["xy", {"z": ""}], "n": 3, "ok": None} and removed == 3
    assert scrub({"text": "fine"}) == ({"text": "fine"}, 0)
