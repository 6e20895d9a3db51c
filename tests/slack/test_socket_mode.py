"""Socket Mode: the same app behind slack_sdk's built-in Socket Mode client, against a local
server speaking Slack's socket protocol. Every envelope is acknowledged with its envelope_id."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.services import build_services
from bot.slack.app import create_app
from bot.slack.cli import slack_asgi
from bot.slack.server import SlackHTTPServer

from .harness import CHANNEL, settings_for
from .mock_slack import BOT_USER, TEAM, MockSlack
from .socket_server import SocketModeServer


@pytest.fixture
def socket_server(slack: MockSlack) -> Iterator[SocketModeServer]:
    server = SocketModeServer()
    slack.socket_url = server.url
    yield server
    server.stop()


def event_payload(event: dict, event_id: str) -> dict:
    return {
        "team_id": TEAM,
        "api_app_id": "A1",
        "type": "event_callback",
        "event": event,
        "event_id": event_id,
        "event_time": int(time.time()),
    }


def test_the_app_works_over_socket_mode(
    tmp_path: Path, slack: MockSlack, socket_server: SocketModeServer
) -> None:
    settings = settings_for(tmp_path, slack, slack_app_token="xapp-test", slack_signing_secret=None)
    services = build_services(settings, with_guidance=False)
    handler = SocketModeHandler(create_app(services), settings.slack_app_token.get_secret_value())
    handler.connect()
    try:
        assert slack.calls_to("apps.connections.open")[0].token == "xapp-test"

        mention = {
            "type": "app_mention",
            "user": "U_ANA",
            "channel": CHANNEL,
            "text": f"<@{BOT_USER}> new map for socket buyers",
            "ts": "1800000000.000100",
        }
        sent = socket_server.push("events_api", event_payload(mention, "Ev1"))
        assert socket_server.ack(sent) == {"envelope_id": sent}
        step = slack.wait_for(lambda: [c for c in slack.posts() if "thread_ts" in c.params])[0]
        thread = step.params["thread_ts"]

        answer = {
            "type": "message",
            "user": "U_BEN",
            "channel": CHANNEL,
            "thread_ts": thread,
            "text": "objective: Fewer drop-outs",
            "ts": "1800000000.000200",
        }
        for retry in (None, 1):  # a redelivery carries retry_attempt; it is applied once
            sent = socket_server.push(
                "events_api", event_payload(answer, "Ev2"), retry_attempt=retry
            )
            assert socket_server.ack(sent) == {"envelope_id": sent}
        slack.wait_for(lambda: len(slack.posts(thread)) == 2)

        command = {
            "team_id": TEAM,
            "channel_id": CHANNEL,
            "user_id": "U_ANA",
            "command": "/journey",
            "text": "help",
            "trigger_id": "t1",
            "response_url": f"{slack.base}/respond/1",
        }
        sent = socket_server.push("slash_commands", command, accepts_response_payload=True)
        ack = socket_server.ack(sent)
        assert ack["envelope_id"] == sent and "/journey new" in json.dumps(ack["payload"])

        latest = slack.posts(thread)[-1]
        click = {
            "type": "block_actions",
            "team": {"id": TEAM},
            "user": {"id": "U_ANA"},
            "trigger_id": "t2",
            "channel": {"id": CHANNEL},
            "container": {
                "type": "message",
                "message_ts": latest.ts,
                "channel_id": CHANNEL,
                "thread_ts": thread,
            },
            "message": {"ts": latest.ts, "thread_ts": thread},
            "actions": [
                {
                    "type": "button",
                    "action_id": "cmd:0",
                    "value": "next",
                    "block_id": "step-actions",
                    "action_ts": "1",
                }
            ],
        }
        sent = socket_server.push("interactive", click)
        assert socket_server.ack(sent) == {"envelope_id": sent}
        reply = slack.wait_for(lambda: slack.posts(thread)[2:])[0]
        assert "Step 2/7" in json.dumps(reply.blocks)
        slack.wait_quiet()
        stored = services.store.load(services.store.list_maps()[0].key)
        assert stored is not None and stored.journey_map.version == 2
    finally:
        handler.close()
        services.store.engine.dispose()


def test_journeybot_runs_socket_mode_behind_the_health_check(
    tmp_path: Path, slack: MockSlack, socket_server: SocketModeServer
) -> None:
    """`journeybot run`'s wiring with an app token: Socket Mode connects once auth.test passes,
    /healthz reports it, HTTP requests are refused (no signing secret), and shutdown closes
    the connection after finishing the work."""
    slack.fail("auth.test", 500, times=3)  # the first start-up try fails
    settings = settings_for(tmp_path, slack, slack_app_token="xapp-test", slack_signing_secret=None)
    services = build_services(settings, with_guidance=False)
    http = SlackHTTPServer(slack_asgi(services), host="127.0.0.1", port=0).start()
    try:
        deadline = time.monotonic() + 20
        while not slack.calls_to("apps.connections.open") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert slack.calls_to("apps.connections.open"), "Socket Mode never connected"
        mention = {
            "type": "app_mention",
            "user": "U_ANA",
            "channel": CHANNEL,
            "text": f"<@{BOT_USER}> new map for socket buyers",
            "ts": "1800000000.000100",
        }
        sent = socket_server.push("events_api", event_payload(mention, "Ev1"))
        assert socket_server.ack(sent) == {"envelope_id": sent}
        slack.wait_for(lambda: [c for c in slack.posts() if "thread_ts" in c.params])
        with urllib.request.urlopen(http.url + "/healthz", timeout=5) as response:
            assert json.loads(response.read()) == {"ok": True, "database": "ok", "slack": "ok"}
        request = urllib.request.Request(http.url + "/slack/events", data=b"{}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401
    finally:
        http.stop()
        services.store.engine.dispose()
