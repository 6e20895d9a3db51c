"""Slack's delivery rules: retries applied once, signatures checked, rate limits honoured, noise
ignored, user text escaped, failures apologized for without touching the map."""

from __future__ import annotations

import json
import logging

import pytest

from bot.engine import Engine

from .harness import CHANNEL, SlackApp, settings_for
from .mock_slack import BOT_USER, MockSlack

ANA, BEN = "U_ANA", "U_BEN"
OBJECTIVE = "objective: Halve drop-out"


def version(bot: SlackApp, thread: str) -> int:
    return bot.services.store.load(bot.key(thread)).journey_map.version  # type: ignore[union-attr]


def everything_sent(slack: MockSlack) -> str:
    return json.dumps([c.params for c in slack.calls])


def test_an_event_delivered_three_times_is_applied_once(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Retries")
    before = len(bot.slack.posts(thread))
    event = {
        "type": "message",
        "user": ANA,
        "text": OBJECTIVE,
        "ts": "1800000001.000100",
        "channel": CHANNEL,
        "thread_ts": thread,
    }
    statuses = [bot.event(event, retry=retry, event_id="EvSame") for retry in (None, 1, 2)]
    assert statuses == [200, 200, 200]
    bot.slack.wait_for(lambda: len(bot.slack.posts(thread)) > before)
    bot.idle()
    assert len(bot.slack.posts(thread)) == before + 1
    assert version(bot, thread) == 2


def test_a_retry_is_processed_when_it_is_the_first_to_arrive(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Lost original")
    event = {
        "type": "message",
        "user": ANA,
        "text": OBJECTIVE,
        "ts": "1800000002.000100",
        "channel": CHANNEL,
        "thread_ts": thread,
    }
    assert bot.event(event, retry=2) == 200
    bot.slack.wait_for(lambda: len(bot.slack.posts(thread)) == 2)
    assert version(bot, thread) == 2


def test_a_mention_delivered_as_app_mention_and_message_starts_one_map(bot: SlackApp) -> None:
    ts, text = "1800000003.000100", f"<@{BOT_USER}> new map for first-time mortgage buyers"
    base = {"user": ANA, "text": text, "ts": ts, "channel": CHANNEL}
    assert bot.event({"type": "message", **base}) == 200
    assert bot.event({"type": "app_mention", **base}) == 200
    bot.slack.wait_for(lambda: len(bot.slack.posts()) >= 2)
    bot.idle()
    roots = [c for c in bot.slack.posts() if "thread_ts" not in c.params]
    assert len(roots) == 1
    assert "first-time mortgage buyers" in roots[0].params["text"]
    maps = bot.services.store.list_maps("T1")
    assert [m.title for m in maps] == ["first-time mortgage buyers"]


def test_a_mention_in_a_map_thread_is_an_answer(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Mentions")
    bot.mention(BEN, OBJECTIVE, thread=thread)
    bot.slack.wait_for(lambda: len(bot.slack.posts(thread)) == 2)
    assert bot.services.store.load(bot.key(thread)).journey_map.scope.objective == "Halve drop-out"  # type: ignore[union-attr]


def test_a_rate_limited_reply_waits_for_retry_after_and_is_posted_once(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Rate limits")
    bot.slack.fail("chat.postMessage", 429, retry_after=1)
    bot.message(ANA, OBJECTIVE, thread)
    bot.slack.wait_for(lambda: len(bot.slack.posts(thread)) == 2, timeout=15)
    bot.idle()
    attempts = [
        c
        for c in bot.slack.calls_to("chat.postMessage", ok_only=False)
        if c.params.get("thread_ts") == thread
    ]
    assert [c.status for c in attempts] == [200, 429, 200]
    assert attempts[2].at - attempts[1].at >= 1.0  # Retry-After: 1
    assert len(bot.slack.posts(thread)) == 2


def test_server_errors_are_retried(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Server errors")
    bot.slack.fail("chat.update", 500)
    bot.message(ANA, OBJECTIVE, thread)
    bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"), timeout=15)
    assert [c.status for c in bot.slack.calls_to("chat.update", ok_only=False)] == [500, 200]


@pytest.mark.parametrize("how", ["wrong secret", "missing"])
def test_a_request_without_a_valid_signature_gets_401_and_changes_nothing(
    bot: SlackApp, how: str
) -> None:
    thread = bot.start(ANA, "Signatures")
    calls = len(bot.slack.calls)
    event = {
        "type": "message",
        "user": ANA,
        "text": OBJECTIVE,
        "ts": "1800000004.000100",
        "channel": CHANNEL,
        "thread_ts": thread,
    }
    body = bot.event_body(event)
    if how == "missing":
        status, _ = bot.post(body, "application/json", sign=False)
    else:
        status, _ = bot.post(body, "application/json", secret="not-the-secret")
    assert status == 401
    bot.idle()
    assert len(bot.slack.calls) == calls
    assert version(bot, thread) == 1


def test_user_text_comes_back_escaped(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Escaping")
    # As Slack delivers it: & < > as entities, mentions as <!channel> and <@U123>.
    bot.message(
        ANA, "objective: Tell <!channel> and <@U123> &amp; <https://x.test|friends>", thread
    )
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[1:])[0]
    bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    saved = bot.services.store.load(bot.key(thread)).journey_map.scope.objective  # type: ignore[union-attr]
    assert saved == "Tell <!channel> and <@U123> & friends (https://x.test)"
    shown = json.dumps(reply.blocks)
    assert "&lt;!channel&gt; and &lt;@U123&gt; &amp; friends" in shown
    sent = everything_sent(bot.slack)
    assert "<!channel>" not in sent and "<@U123>" not in sent
    assert "link_names" not in sent


@pytest.mark.parametrize(
    "extra",
    [
        {"bot_id": "B999"},
        {"bot_profile": {"id": "B999"}},
        {"subtype": "bot_message", "bot_id": "B999"},
        {"subtype": "message_changed", "message": {"text": OBJECTIVE, "user": ANA}},
        {"subtype": "message_deleted"},
        {"subtype": "channel_join"},
    ],
    ids=["bot_id", "bot_profile", "bot_message", "message_changed", "deleted", "join"],
)
def test_bots_edits_and_other_subtypes_are_ignored(bot: SlackApp, extra: dict) -> None:
    thread = bot.start(ANA, "Noise")
    calls = len(bot.slack.calls)
    bot.message(ANA, OBJECTIVE, thread, **extra)
    bot.idle()
    assert len(bot.slack.calls) == calls
    assert version(bot, thread) == 1


def test_a_thread_without_a_map_and_plain_channel_chatter_are_ignored(bot: SlackApp) -> None:
    calls = len(bot.slack.calls)
    bot.message(ANA, OBJECTIVE, thread="1700000000.999999")
    bot.message(ANA, "lunch?", thread=None)
    bot.idle()
    assert len(bot.slack.calls) == calls


def test_a_failing_listener_apologizes_with_an_error_id_and_leaves_the_map(
    bot: SlackApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    thread = bot.start(ANA, "Failures")
    before = bot.services.store.load(bot.key(thread))

    def broken(self, stored, turn):  # type: ignore[no-untyped-def]
        raise RuntimeError(f"boom while reading {turn.text}")

    monkeypatch.setattr(Engine, "turn", broken)
    with caplog.at_level(logging.ERROR):
        bot.message(ANA, "objective: a secret plan", thread)
        apology = bot.slack.wait_for(lambda: bot.slack.posts(thread)[1:])[0]
    text = apology.params["text"]
    assert "Sorry" in text and "error id" in text and "boom" not in text
    error_id = text.split("`")[1]
    assert error_id in caplog.text and "secret plan" not in caplog.text
    assert bot.services.store.load(bot.key(thread)) == before


def test_deliveries_to_two_replicas_sharing_the_database_are_applied_once(
    bot: SlackApp, tmp_path, slack: MockSlack
) -> None:
    replica = SlackApp(settings_for(tmp_path, slack), slack)  # same data dir: same database
    try:
        thread = bot.start(ANA, "Replicas")
        event = {
            "type": "message",
            "user": ANA,
            "text": OBJECTIVE,
            "ts": "1800000005.000100",
            "channel": CHANNEL,
            "thread_ts": thread,
        }
        assert bot.event(event, event_id="EvR") == 200
        assert replica.event(event, retry=1, event_id="EvR") == 200
        bot.slack.wait_for(lambda: len(bot.slack.posts(thread)) == 2)
        bot.idle()
        assert len(bot.slack.posts(thread)) == 2 and version(bot, thread) == 2
    finally:
        replica.stop()
        replica.services.store.engine.dispose()
