"""Slack Connect: in a channel shared with another organisation, events carry that
organisation's `team_id`; the installing workspace (`authorizations[0].team_id`) keys the map, so
external members' replies reach it."""

from __future__ import annotations

import json
import time

from bot.slack.payloads import team_of

from .harness import CHANNEL, SlackApp
from .mock_slack import BOT_USER, TEAM

EXTERNAL_TEAM = "T_PARTNER"
EXTERNAL_USER = "U_PARTNER"
OBJECTIVE = "objective: Halve drop-out between application and approval"


def shared_channel_reply(thread: str, text: str, n: int) -> str:
    ts = f"{1800000100 + n}.000100"
    event = {
        "type": "message",
        "user": EXTERNAL_USER,
        "user_team": EXTERNAL_TEAM,
        "source_team": EXTERNAL_TEAM,
        "team": EXTERNAL_TEAM,
        "text": text,
        "ts": ts,
        "thread_ts": thread,
        "channel": CHANNEL,
        "channel_type": "channel",
    }
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": EXTERNAL_TEAM,  # the organisation whose member wrote
            "context_team_id": EXTERNAL_TEAM,
            "is_ext_shared_channel": True,
            "api_app_id": "A1",
            "event": event,
            "event_id": f"EvShared{n}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        }
    )


def test_an_external_members_reply_applies_to_the_installing_workspaces_map(
    any_db_bot: SlackApp,
) -> None:
    bot = any_db_bot
    bot.slack.members[CHANNEL].add(EXTERNAL_USER)
    thread = bot.start("U_ANA", "Shared onboarding")
    before = len(bot.slack.posts(thread))
    status, _ = bot.post(shared_channel_reply(thread, OBJECTIVE, 1), "application/json")
    assert status == 200
    bot.slack.wait_for(lambda: bot.slack.posts(thread)[before:], what="the reply")
    bot.idle()
    stored = bot.services.store.load(bot.key(thread))
    assert stored is not None
    assert "Halve drop-out" in stored.journey_map.scope.objective
    assert stored.journey_map.contributors[-1].user == EXTERNAL_USER


def test_the_installing_workspace_is_chosen_as_bolt_chooses_it() -> None:
    event = {"team_id": "T_OTHER", "authorizations": [{"team_id": "T_HOME"}], "event": {}}
    assert team_of(event) == "T_HOME"
    assert team_of({"team_id": "T_ONLY"}) == "T_ONLY"
    click = {"team": {"id": "T_HOME"}, "user": {"id": "U", "team_id": "T_OTHER"}}
    assert team_of(click) == "T_HOME"
    submitted = {
        "team": {"id": "T_OTHER"},
        "view": {"team_id": "T_OTHER", "app_installed_team_id": "T_HOME"},
    }
    assert team_of(submitted) == "T_HOME"
