"""Reading Slack payloads, and the middleware's decisions, as pure functions."""

from __future__ import annotations

import pytest

from bot.slack.forms import Form, error_block, form_edit, form_problems
from bot.slack.middleware import delivery_key, is_noise
from bot.slack.payloads import action_thread, from_slack, new_map_title, read_message
from storage import MapKey

KEY = MapKey(workspace="T1", channel="C1", thread="1.1")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("new map for first-time mortgage buyers", "first-time mortgage buyers"),
        ("new First-time buyers", "First-time buyers"),
        ("start a journey", "a journey"),
        ("new journey map: Renewals", "Renewals"),
        ("new", ""),
        ("newsletter ideas", None),
        ("help", None),
    ],
)
def test_new_map_titles(text: str, title: str | None) -> None:
    assert new_map_title(text) == title


def test_slack_markup_becomes_what_was_typed() -> None:
    assert from_slack("a &lt; b &amp;&amp; c &gt; d") == "a < b && c > d"
    assert from_slack("see <https://x.test/a|the doc> and <https://y.test>") == (
        "see the doc (https://x.test/a) and https://y.test"
    )
    assert from_slack("<http://x.test|x.test> in <#C1|general>") == "x.test in #general"
    assert from_slack("hi <!channel> <@U1>") == "hi <!channel> <@U1>"


def test_reading_a_message_strips_the_bot_mention() -> None:
    event = {
        "type": "message",
        "user": "U1",
        "text": "<@UBOT> next",
        "ts": "2.2",
        "thread_ts": "1.1",
        "channel": "C1",
    }
    message = read_message(event, "T1", "UBOT")
    assert (message.text, message.mentions_bot, message.thread_key) == ("next", True, KEY)
    top = read_message({**event, "thread_ts": "2.2"}, "T1", "UBOT")
    assert top.thread_key is None  # a thread's root is not in a thread


def event(**fields) -> dict:  # type: ignore[no-untyped-def]
    base = {"type": "message", "user": "U1", "text": "hello", "ts": "2.2", "channel": "C1"}
    return {"type": "event_callback", "event_id": "Ev1", "team_id": "T1", "event": base | fields}


def test_noise_is_recognised_without_the_database() -> None:
    assert is_noise(event(), "UBOT")  # channel chatter
    assert not is_noise(event(thread_ts="1.1"), "UBOT")
    assert not is_noise(event(text="<@UBOT> new x"), "UBOT")
    assert is_noise(event(thread_ts="1.1", bot_id="B1"), "UBOT")
    assert is_noise(event(thread_ts="1.1", subtype="message_changed"), "UBOT")
    assert not is_noise(event(thread_ts="1.1", subtype="thread_broadcast"), "UBOT")
    assert not is_noise({"type": "block_actions"}, "UBOT")


def test_deliveries_of_one_message_share_a_key() -> None:
    as_message = event(text="<@UBOT> hi")
    as_mention = event(type="app_mention", text="<@UBOT> hi")
    as_mention["event_id"] = "Ev2"
    assert delivery_key(as_message) == delivery_key(as_mention) == "slack:msg:T1:C1:2.2"
    home = {"type": "event_callback", "event_id": "Ev9", "event": {"type": "app_home_opened"}}
    assert delivery_key(home) == "slack:event:Ev9"
    click = {"type": "block_actions", "team": {"id": "T1"}, "trigger_id": "tr1"}
    assert delivery_key(click) == "slack:trigger:T1:tr1"
    assert delivery_key({"type": "url_verification"}) is None


def test_the_thread_of_a_click() -> None:
    body = {
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "container": {"message_ts": "5.5", "thread_ts": "1.1"},
        "message": {"ts": "5.5"},
    }
    assert action_thread(body) == KEY
    root = {"team": {"id": "T1"}, "channel": {"id": "C1"}, "message": {"ts": "1.1"}}
    assert action_thread(root) == KEY


def test_forms_become_typed_edits() -> None:
    form = Form(
        "kpi",
        KEY,
        {"name": "Drop-out", "owner_user": "U1", "owner_team": "", "stage": "", "target": "19%"},
        ("name", "owner_user"),
    )
    edit = form_edit(form, owner_name="Ana Alvarez")
    assert (edit.kind, edit.owner, edit.stage, edit.target) == (
        "add_kpi",
        "Ana Alvarez",
        None,
        "19%",
    )
    both = Form("kpi", KEY, {"name": "x", "owner_user": "U1", "owner_team": "Ops"})
    assert form_problems(both) == {"owner_team": "Choose a person or type a team, not both."}
    touchpoint = Form(
        "touchpoint",
        KEY,
        {"stage": "s", "description": "d", "does": ""},
        ("stage", "description", "does"),
    )
    assert error_block(touchpoint, "customer_action: that is too long") == "does"
    assert error_block(touchpoint, "There is no stage 'Apply'. Stages: none.") == "stage"
    assert error_block(touchpoint, "something else") == "stage"


def test_export_arguments() -> None:
    from bot.slack.listeners.commands import export_formats, plan

    assert export_formats("pdf, md First-time buyers") == (["pdf", "md"], "First-time buyers")
    assert export_formats("ALL") == (["all"], "")
    assert export_formats("Mortgage") == ([], "Mortgage")
    assert "Which format?" in plan("export Mortgage").answer
    assert plan("export pdf Mortgage").work
