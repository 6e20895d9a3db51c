"""Installing in many workspaces: Slack's OAuth flow against the local Web API, installations kept
by slack-sdk's SQLAlchemy stores in the maps' database, and each workspace answered with its own
token by a client that keeps the base URL and the retry handlers."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from slack_sdk.oauth.installation_store import Installation

from bot.slack.reviews import review_scheduler
from storage import MapKey

from .harness import CHANNEL, SlackApp, settings_for
from .mock_slack import BOT_USER, MockSlack

pytest.importorskip(
    "greenlet", reason="slack-sdk's SQLAlchemy stores need greenlet on SQLAlchemy 2.1"
)


@pytest.fixture
def oauth_bot(tmp_path: Path, slack: MockSlack) -> Iterator[SlackApp]:
    settings = settings_for(
        tmp_path,
        slack,
        slack_bot_token=None,
        slack_client_id="111.222",
        slack_client_secret="client-secret",
    )
    app = SlackApp(settings, slack)
    yield app
    app.stop()
    app.services.store.engine.dispose()


def fetch(url: str, cookie: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode(), response.headers.get("Set-Cookie", "")


def test_a_workspace_installs_and_is_answered_with_its_own_token(
    oauth_bot: SlackApp, slack: MockSlack
) -> None:
    server = oauth_bot.server.url
    status, page, cookie = fetch(server + "/slack/install")
    assert status == 200 and "client_id=111.222" in page
    state = re.search(r"state=([\w-]+)", page)[1]  # type: ignore[index]
    status, done, _ = fetch(
        f"{server}/slack/oauth_redirect?code=the-code&state={state}", cookie.split(";")[0]
    )
    assert status == 200, done
    assert slack.calls_to("oauth.v2.access")[0].params["code"] == "the-code"
    with oauth_bot.services.store.engine.connect() as conn:
        tokens = conn.execute(sa.text("SELECT team_id, bot_token FROM slack_bots")).all()
    assert [tuple(row) for row in tokens] == [("T2", "xoxb-T2")]

    slack.fail("chat.postMessage", 429, retry_after=0)
    text = f"<@{BOT_USER}> new map for the second workspace"
    event = {
        "type": "app_mention",
        "user": "U2",
        "text": text,
        "ts": "1800000000.000100",
        "channel": CHANNEL,
    }
    assert oauth_bot.event(event, team="T2") == 200
    root = slack.wait_for(lambda: slack.posts(), timeout=15)[0]
    assert root.token == "xoxb-T2"
    assert [c.status for c in slack.calls_to("chat.postMessage", ok_only=False)][:2] == [429, 200]
    maps = slack.wait_for(oauth_bot.services.store.list_maps, what="the map")
    assert [m.key.workspace for m in maps] == ["T2"]


def test_a_workspace_that_never_installed_gets_nothing(
    oauth_bot: SlackApp, slack: MockSlack
) -> None:
    event = {
        "type": "app_mention",
        "user": "U9",
        "text": f"<@{BOT_USER}> new map for x",
        "ts": "1800000000.000300",
        "channel": CHANNEL,
    }
    assert oauth_bot.event(event, team="T9") == 200  # Bolt acks so Slack stops retrying
    oauth_bot.idle()
    assert not slack.posts()


def test_a_review_reminder_uses_the_workspace_bot_token(
    oauth_bot: SlackApp, slack: MockSlack
) -> None:
    store = oauth_bot.app.installation_store
    store.save(  # type: ignore[union-attr]
        Installation(app_id="A1", team_id="T2", bot_token="xoxb-T2", bot_id="B2", user_id="U2")
    )
    key = MapKey(workspace="T2", channel=CHANNEL, thread="1800000000.000500")
    m = oauth_bot.services.engine.start(key, "Second workspace map", "U2").journey_map
    due = m.created_at + timedelta(days=m.review_every_days, hours=1)
    assert review_scheduler(oauth_bot.app, oauth_bot.services).run_once(due)
    reminder = slack.wait_for(lambda: slack.posts(key.thread))[0]
    assert reminder.token == "xoxb-T2" and "due for review" in reminder.params["text"]
