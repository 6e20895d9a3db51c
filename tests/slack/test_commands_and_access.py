"""/journey commands, App Home, and who may see which map."""

from __future__ import annotations

import json
import re

from bot.engine import Turn
from storage import MapKey

from .harness import CHANNEL, SlackApp
from .mock_slack import MockSlack

ANA, BEN, CLEO = "U_ANA", "U_BEN", "U_CLEO"
SECRET_CHANNEL = "C_SECRET"
SECRET_TITLE = "Acquisition of Initech"


def responses(slack: MockSlack) -> list[dict]:
    return [c.params for c in slack.calls_to("respond")]


def secret_map(bot: SlackApp, slack: MockSlack) -> str:
    slack.channel(SECRET_CHANNEL, CLEO)
    return bot.start(CLEO, SECRET_TITLE, channel=SECRET_CHANNEL)


def test_help_unknown_and_missing_title_are_answered_in_the_ack(bot: SlackApp) -> None:
    status, body = bot.command(ANA, "help")
    assert status == 200 and json.loads(body)["response_type"] == "ephemeral"
    assert "/journey new" in body
    assert "I don't know `frobnicate`" in bot.command(ANA, "frobnicate")[1]
    assert "Give the map a title" in bot.command(ANA, "new")[1]
    assert "&lt;b&gt;" in bot.command(ANA, "<b>")[1]
    bot.idle()
    assert [c.method for c in bot.slack.calls] == []  # auth.test ran at warm-up


def test_list_and_show_answer_only_the_asker(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Mortgage buyers")
    bot.message(ANA, "objective: Halve drop-out", thread)
    bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    bot.command(BEN, "list")
    listed = bot.slack.wait_for(lambda: responses(bot.slack))[0]
    assert listed["response_type"] == "ephemeral" and "Mortgage buyers" in json.dumps(listed)
    bot.command(BEN, "show")
    shown = bot.slack.wait_for(lambda: responses(bot.slack)[1:])[0]
    assert "Halve drop-out" in json.dumps(shown) and shown["response_type"] == "ephemeral"


def test_new_in_a_channel_without_the_bot_asks_for_an_invitation(bot: SlackApp) -> None:
    bot.slack.channel("C_NOBOT", ANA, bot=False)
    bot.command(ANA, "new Somewhere else", channel="C_NOBOT")
    answer = bot.slack.wait_for(lambda: responses(bot.slack))[0]
    assert "Invite me" in answer["text"]
    assert bot.services.store.list_maps() == []


def test_show_and_export_never_reveal_a_map_from_a_channel_you_are_not_in(
    bot: SlackApp, slack: MockSlack
) -> None:
    thread = secret_map(bot, slack)
    map_id = bot.services.store.load(bot.key(thread, SECRET_CHANNEL)).journey_map.id  # type: ignore[union-attr]
    posts = len(slack.posts(thread))
    for text in (
        f"show {SECRET_TITLE}",
        f"show {map_id}",
        f"export pdf {map_id}",
        "critique Initech",
    ):
        bot.command(BEN, text)
    answers = slack.wait_for(lambda: responses(slack)[3:] and responses(slack))
    bot.idle()
    assert len(answers) == 4
    assert all("found no map" in a["text"] and not a.get("blocks") for a in answers)
    unquoted = [re.sub(r"“[^”]*”", "", a["text"]) for a in answers]  # minus what Ben typed
    assert not any("Initech" in text for text in unquoted)
    assert len(slack.posts(thread)) == posts and not slack.calls_to("files.getUploadURLExternal")

    bot.command(CLEO, f"show {map_id}")  # a member may, from another channel too
    shown = slack.wait_for(lambda: responses(slack)[4:])[0]
    assert SECRET_TITLE in json.dumps(shown)


def test_app_home_lists_only_the_maps_you_may_see(bot: SlackApp, slack: MockSlack) -> None:
    bot.start(ANA, "Open journey")
    secret_map(bot, slack)
    other = MapKey(workspace="T9", channel=CHANNEL, thread="1.000001")
    bot.services.engine.start(other, "Another workspace's map", "U_X")
    bot.open_home(BEN)
    home = slack.wait_for(lambda: slack.calls_to("views.publish"))[0]
    text = json.dumps(home.params["view"])
    assert home.params["user_id"] == BEN
    assert "Open journey" in text
    assert SECRET_TITLE not in text and "Another workspace" not in text
    bot.open_home(CLEO)
    home = slack.wait_for(lambda: slack.calls_to("views.publish")[1:])[0]
    assert SECRET_TITLE in json.dumps(home.params["view"])  # Cleo is in both channels
    assert "Open journey" in json.dumps(home.params["view"])


def test_the_home_export_button_refuses_a_map_you_may_not_see(
    bot: SlackApp, slack: MockSlack
) -> None:
    thread = secret_map(bot, slack)
    map_id = bot.services.store.load(bot.key(thread, SECRET_CHANNEL)).journey_map.id  # type: ignore[union-attr]
    posts = len(slack.posts(thread))
    action = {
        "type": "button",
        "action_id": "home:export",
        "block_id": f"map:{map_id}",
        "value": map_id,
        "text": {"type": "plain_text", "text": "Export PDF"},
    }
    bot.interact(
        {
            "type": "block_actions",
            "user": {"id": BEN, "team_id": "T1"},
            "trigger_id": "t-home",
            "container": {"type": "view", "view_id": "V1"},
            "actions": [action],
        }
    )
    home = slack.wait_for(lambda: slack.calls_to("views.publish"))[0]
    assert "not one you can see" in json.dumps(home.params["view"])
    bot.idle()
    assert len(slack.posts(thread)) == posts


def test_commands_work_on_the_channel_latest_map_and_post_in_its_thread(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Critique me")
    bot.command(BEN, "critique")
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[1:])[0]
    assert reply.params["thread_ts"] == thread
    done = bot.slack.wait_for(lambda: responses(bot.slack))[0]
    assert "the map's thread" in done["text"]
    assert bot.services.engine.handle(bot.key(thread), Turn(user=ANA, text="show")) is not None


def test_a_future_state_opens_its_own_thread(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Today")
    bot.message(ANA, "future state", thread)
    roots = bot.slack.wait_for(
        lambda: [c for c in bot.slack.posts() if "thread_ts" not in c.params][1:]
    )
    future = roots[0].ts
    first = bot.slack.wait_for(lambda: bot.slack.posts(future))[0]
    assert "Step 4/7" in json.dumps(first.blocks)
    stored = bot.services.store.load(bot.key(future))
    assert stored is not None and stored.journey_map.state_of == "future"
    assert stored.journey_map.title == "Today (future state)"
