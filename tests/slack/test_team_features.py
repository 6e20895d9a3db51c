"""Issue 8 in Slack: team emotion votes, evidence from a message, review reminders, the summary."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

import bot.slack.maps as maps_module
from bot.services import build_services
from bot.slack.reviews import review_scheduler

from .harness import SlackApp
from .mock_slack import Call
from .test_end_to_end import Thread

ANA, BEN, CLEO = "U_ANA", "U_BEN", "U_CLEO"
STAGES = "Dream, Compare, Apply, Approval, Move in"


def at_emotions(bot: SlackApp, title: str = "Votes") -> Thread:
    t = Thread(bot, bot.start(ANA, title))
    t.say(ANA, "go to stages")
    t.say(ANA, STAGES)
    t.say(ANA, "go to emotions")
    return t


def vote(t: Thread, user: str, stage: str, score: int) -> str:
    """Click the `score` button of `stage` on the thread's latest step message."""
    latest = t.replies()[-1]
    action = f"cmd:vote:{stage}:{score}"
    return json.dumps(t._after(len(t.replies()), lambda: t.bot.click(latest, action, user)).blocks)


def test_the_team_votes_with_buttons_and_settles_a_disagreement_with_a_reason(
    bot: SlackApp,
) -> None:
    t = at_emotions(bot)
    step = t.replies()[-1]
    blocks = json.dumps(step.blocks)
    assert "cmd:vote:stage-3:-2" in blocks and "cmd:settle:stage-5" in blocks
    apply = "stage-3"
    vote(t, ANA, apply, 1)
    vote(t, ANA, apply, -1)  # a changed vote replaces the first
    vote(t, BEN, apply, -2)
    shown = vote(t, CLEO, apply, 1)
    assert "Apply*: 3 vote(s), mean -0.7, spread 3" in shown
    assert "the team disagrees" in shown

    refused = json.dumps(t.press(BEN, f"cmd:settle:{apply}").blocks)
    assert "The team disagrees on Apply" in refused and "say why" in refused
    stored = bot.services.store.load(bot.key(t.thread))
    assert stored is not None and stored.journey_map.emotion_for(apply) is None

    settled = json.dumps(t.say(BEN, "settle Apply -1 because the forms repeat themselves").blocks)
    assert "settled Apply at -1" in settled
    m = bot.services.store.load(bot.key(t.thread)).journey_map  # type: ignore[union-attr]
    assert {(v.user, v.score) for v in m.emotion_votes} == {(ANA, -1), (BEN, -2), (CLEO, 1)}
    emotion = m.emotion_for(apply)
    assert emotion is not None and emotion.score == -1
    assert emotion.reason == "the forms repeat themselves"


def test_a_message_becomes_evidence_through_the_shortcut(bot: SlackApp) -> None:
    t = at_emotions(bot, "Evidence")
    t.say(ANA, "go to touchpoints")
    t.say(ANA, "Apply > Online application form (website)")
    # The root's update follows the reply: wait for it rather than read the latest one.
    bot.slack.wait_for(
        lambda: [
            c
            for c in bot.slack.calls_to("chat.update")
            if "evidence: 100% assumed" in json.dumps(c.blocks)
        ]
    )
    said = {"ts": "1800009999.000100", "thread_ts": t.thread, "text": "I gave up &amp; <@U9>"}
    assert bot.message_shortcut("use_as_evidence", BEN, said)[0] == 200
    opened = bot.slack.wait_for(lambda: bot.slack.calls_to("views.open"))[0].params["view"]
    view = json.loads(opened) if isinstance(opened, str) else opened
    assert "Touchpoint · Online application form (Apply)" in json.dumps(view, ensure_ascii=False)
    answers = {"item": "Touchpoint · Online application form (Apply)", "level": "observed"}
    status, body = bot.submit(view, BEN, answers)
    assert status == 200 and not body, body
    reply = t.slack.wait_for(lambda: [r for r in t.replies() if "evidence on" in r.params["text"]])
    assert "evidence on touchpoint" in reply[0].params["text"]
    bot.idle()
    m = bot.services.store.load(bot.key(t.thread)).journey_map  # type: ignore[union-attr]
    evidence = m.touchpoints[0].evidence
    assert evidence.level.value == "observed"
    link = evidence.links[-1]
    assert (link.kind, link.text, link.added_by) == ("slack", "I gave up & <@U9>", BEN)
    assert link.url == f"https://t1.example.com/archives/C1/p{said['ts'].replace('.', '')}"
    assert "evidence: 0% assumed" in json.dumps(bot.slack.calls_to("chat.update")[-1].blocks)


def test_the_evidence_shortcut_outside_a_map_thread_says_so(bot: SlackApp) -> None:
    said = {"ts": "1800009998.000100", "text": "just chatting"}
    bot.message_shortcut("use_as_evidence", CLEO, said)
    answer = bot.slack.wait_for(lambda: bot.slack.calls_to("chat.postEphemeral"))[0]
    assert "no journey map in this thread" in answer.params["text"]
    assert answer.params["user"] == CLEO
    bot.idle()
    assert not bot.slack.calls_to("views.open")


OWNER = "U0BEN42"  # a real-looking Slack user id (the test people's ids have underscores)


def due_map(bot: SlackApp, owner: str = f"<@{OWNER}>") -> tuple[Thread, datetime]:
    """A map with an owner, an open action and a change; returns it and a moment it is due."""
    t = Thread(bot, bot.start(ANA, "Renewals"))
    t.say(ANA, f"owner: {owner}")
    t.say(ANA, "objective: Keep customers renewing")
    m = bot.services.store.load(bot.key(t.thread)).journey_map  # type: ignore[union-attr]
    return t, m.created_at + timedelta(days=m.review_every_days, hours=1)


def reminders(bot: SlackApp, thread: str) -> list[Call]:
    return [c for c in bot.slack.posts(thread) if "due for review" in c.params["text"]]


def test_a_due_map_is_reminded_once_in_its_thread_and_marked_reviewed(bot: SlackApp) -> None:
    t, due = due_map(bot)
    assert bot.slack.calls_to("chat.postMessage")[-1].params["thread_ts"] == t.thread
    scheduler = review_scheduler(bot.app, bot.services)
    assert [r.map_id for r in scheduler.run_once(due)]
    assert scheduler.run_once(due) == []
    restarted = build_services(bot.services.settings, with_guidance=False)  # another process
    assert review_scheduler(bot.app, restarted).run_once(due) == []
    restarted.store.engine.dispose()

    [reminder] = reminders(bot, t.thread)
    assert reminder.params["channel"] == "C1"
    assert reminder.params["text"].startswith(f"<@{OWNER}> “Renewals” is due for review")
    text = json.dumps(reminder.blocks, ensure_ascii=False)
    assert "objective: Keep customers renewing" in text and "Mark reviewed" in text
    assert "<!channel>" not in text and "<!here>" not in text

    done = t._after(len(t.replies()), lambda: bot.click(reminder, "Mark reviewed", BEN))
    assert "reviewed today" in done.params["text"]
    m = bot.services.store.load(bot.key(t.thread)).journey_map  # type: ignore[union-attr]
    assert m.last_reviewed_at is not None


def test_a_failed_reminder_is_sent_on_a_later_tick(bot: SlackApp) -> None:
    t, due = due_map(bot, owner="Lending ops <!here>")
    scheduler = review_scheduler(bot.app, bot.services)
    bot.slack.fail("chat.postMessage", 500, times=3)  # the first try and both of the SDK's retries
    assert scheduler.run_once(due) == []
    assert reminders(bot, t.thread) == []
    assert [r.map_id for r in scheduler.run_once(due)]
    [reminder] = reminders(bot, t.thread)
    assert "<@" not in reminder.params["text"]  # an owner who is no Slack user is not mentioned
    assert "Lending ops &lt;!here&gt;" in json.dumps(reminder.blocks)


def test_app_home_lists_maps_due_for_review(bot: SlackApp, monkeypatch: pytest.MonkeyPatch) -> None:
    t, due = due_map(bot)
    monkeypatch.setattr(maps_module, "now", lambda: due)
    bot.open_home(ANA)
    home = bot.slack.wait_for(lambda: bot.slack.calls_to("views.publish"))[-1]
    view = json.dumps(home.params["view"])
    assert "Due for review (1)" in view and "home:reviewed" in view
    map_id = bot.services.store.load(bot.key(t.thread)).journey_map.id  # type: ignore[union-attr]
    published = len(bot.slack.calls_to("views.publish"))
    action = {
        "type": "button",
        "action_id": "home:reviewed",
        "block_id": "due",
        "value": map_id,
        "text": {"type": "plain_text", "text": "Mark reviewed"},
    }
    bot.interact(
        {
            "type": "block_actions",
            "user": {"id": ANA, "team_id": "T1"},
            "trigger_id": "t-home-reviewed",
            "container": {"type": "view", "view_id": "V1"},
            "actions": [action],
        }
    )
    home = bot.slack.wait_for(lambda: bot.slack.calls_to("views.publish")[published:])[0]
    m = bot.services.store.load(bot.key(t.thread)).journey_map  # type: ignore[union-attr]
    assert m.last_reviewed_at is not None
    view = json.dumps(home.params["view"], ensure_ascii=False)
    assert "Marked “Renewals” reviewed" in view


def test_journey_summary_posts_the_one_screen_summary_in_the_map_thread(bot: SlackApp) -> None:
    t = at_emotions(bot, "Summaries")
    t.say(BEN, "Apply: -2 anxious\npain: Apply > Asked for the same documents twice")
    status, body = bot.command(CLEO, "summary")
    assert status == 200 and "the map's thread" in body
    summary = bot.slack.wait_for(
        lambda: [r for r in t.replies() if "Lows of the emotion curve" in json.dumps(r.blocks)]
    )[0]
    text = json.dumps(summary.blocks)
    assert "Apply: -2 anxious" in text and "Asked for the same documents twice (Apply)" in text
    assert "Open actions" in text and "% assumed" in text
    bot.idle()
    assert len([c for c in bot.slack.posts() if "thread_ts" not in c.params]) == 1
