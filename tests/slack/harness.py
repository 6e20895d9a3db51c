"""The app under test, over HTTP on loopback: requests are signed the way Slack signs them and
sent to the real Bolt app behind bot.slack.server, whose Web API calls go to MockSlack."""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.services import Services, build_services
from bot.settings import Settings
from bot.slack.app import WORKERS, create_app
from bot.slack.health import Health
from bot.slack.server import EVENTS_PATH, SlackASGI, SlackHTTPServer
from storage import MapKey

from .mock_slack import BOT_USER, TEAM, Call, MockSlack

SECRET = "test-signing-secret"
CHANNEL = "C1"


def settings_for(data_dir: Path, slack: MockSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "journeybot_data_dir": data_dir,
        "database_url": "",
        "slack_bot_token": "xoxb-test",
        "slack_signing_secret": SECRET,
        "slack_app_token": None,
        "slack_client_id": None,
        "slack_client_secret": None,
        "slack_api_url": slack.api_url,
        "port": 0,
        "journeybot_llm": None,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class CountingExecutor(ThreadPoolExecutor):
    """The app's listener executor, counting work in progress so a test can wait until none."""

    def __init__(self, workers: int) -> None:
        super().__init__(max_workers=workers)
        self.busy = 0
        self.changed = threading.Condition()

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        with self.changed:
            self.busy += 1

        def counted():  # type: ignore[no-untyped-def]
            try:
                return fn(*args, **kwargs)
            finally:
                with self.changed:
                    self.busy -= 1
                    self.changed.notify_all()

        return super().submit(counted)

    def wait_idle(self, timeout: float = 20.0) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: self.busy == 0, timeout), "listeners still busy"


class SlackApp:
    def __init__(self, settings: Settings, slack: MockSlack, services: Services | None = None):
        self.slack = slack
        self.services = services or build_services(settings, with_guidance=False)
        self.app = create_app(self.services)
        self.work = CountingExecutor(WORKERS)
        runner = self.app.listener_runner
        runner.listener_executor = runner.lazy_listener_runner.executor = self.work  # type: ignore[attr-defined]
        self.health = Health(self.services.store)
        self.asgi = SlackASGI(self.app, self.health, SECRET)
        self.server = SlackHTTPServer(self.asgi, host="127.0.0.1", port=0).start()
        self._ids = itertools.count(1)
        self.warm_up()

    def warm_up(self) -> None:
        """Bolt checks the bot token (auth.test) on the first request, not at start-up: send one
        that is dropped as noise, so tests count only the calls their own requests cause."""
        join = {"type": "message", "subtype": "channel_join", "user": "U0", "channel": CHANNEL}
        assert self.event({**join, "ts": "1.000001"}) == 200
        self.slack.calls.clear()

    def idle(self) -> None:
        """Until every lazy listener started so far has finished."""
        self.work.wait_idle()

    def stop(self) -> None:
        self.idle()
        self.server.stop()
        self.work.shutdown()

    # --- raw HTTP ------------------------------------------------------------------------------

    def post(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        sign: bool = True,
        secret: str = SECRET,
    ) -> tuple[int, str]:
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if sign:
            stamp = str(int(time.time()))
            signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
            all_headers |= {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
        request = urllib.request.Request(
            self.server.url + EVENTS_PATH, data=body.encode(), headers=all_headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.server.url + path, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    # --- Slack's requests ----------------------------------------------------------------------

    def event_body(
        self, event: dict[str, Any], event_id: str | None = None, team: str = TEAM
    ) -> str:
        return json.dumps(
            {
                "token": "legacy",
                "team_id": team,
                "api_app_id": "A1",
                "event": event,
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(self._ids):06d}",
                "event_time": int(time.time()),
                "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True}],
            }
        )

    def event(self, event: dict[str, Any], retry: int | None = None, **kw: Any) -> int:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        status, _ = self.post(
            self.event_body(event, **kw), "application/json", headers if retry else None
        )
        return status

    def message(
        self,
        user: str,
        text: str,
        thread: str | None,
        channel: str = CHANNEL,
        ts: str | None = None,
        **extra: Any,
    ) -> str:
        """A person's message (in `thread` when given); returns its ts."""
        ts = ts or f"{1800000000 + next(self._ids)}.000100"
        event = {
            "type": "message",
            "user": user,
            "text": text,
            "ts": ts,
            "channel": channel,
            "channel_type": "channel",
            "event_ts": ts,
            **extra,
        }
        if thread:
            event["thread_ts"] = thread
        assert self.event(event) == 200
        return ts

    def mention(
        self, user: str, text: str, channel: str = CHANNEL, thread: str | None = None
    ) -> str:
        ts = f"{1800000000 + next(self._ids)}.000200"
        event = {
            "type": "app_mention",
            "user": user,
            "text": f"<@{BOT_USER}> {text}",
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
        }
        if thread:
            event["thread_ts"] = thread
        assert self.event(event) == 200
        return ts

    def command(self, user: str, text: str, channel: str = CHANNEL) -> tuple[int, str]:
        n = next(self._ids)
        body = urlencode(
            {
                "token": "legacy",
                "team_id": TEAM,
                "team_domain": "t1",
                "channel_id": channel,
                "channel_name": "journeys",
                "user_id": user,
                "user_name": user.lower(),
                "command": "/journey",
                "text": text,
                "api_app_id": "A1",
                "response_url": f"{self.slack.base}/respond/{n}",
                "trigger_id": f"trigger-{n}",
            }
        )
        return self.post(body, "application/x-www-form-urlencoded")

    def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        payload = {"token": "legacy", "api_app_id": "A1", "team": {"id": TEAM}, **payload}
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")

    def click(self, message: Call, label: str, user: str) -> tuple[int, str]:
        """Click the button labelled `label` (or with that action id) in a message the bot
        posted."""
        block_id, element = find_button(message.blocks, label)
        ts = message.ts
        thread = message.params.get("thread_ts")
        container = {
            "type": "message",
            "message_ts": ts,
            "channel_id": message.params["channel"],
            "is_ephemeral": False,
        }
        msg = {"ts": ts, "blocks": message.blocks}
        if thread:
            container["thread_ts"] = msg["thread_ts"] = thread
        n = next(self._ids)
        action = {**element, "block_id": block_id, "action_ts": f"{time.time():.6f}"}
        return self.interact(
            {
                "type": "block_actions",
                "user": {"id": user, "team_id": TEAM},
                "trigger_id": f"trigger-{n}",
                "container": container,
                "channel": {"id": message.params["channel"]},
                "message": msg,
                "actions": [action],
            }
        )

    def press(self, thread: str, action_id: str, value: str, user: str) -> tuple[int, str]:
        """Click a button with this action id and value on a message in `thread`."""
        n = next(self._ids)
        container = {
            "type": "message",
            "message_ts": thread,
            "channel_id": CHANNEL,
            "is_ephemeral": False,
            "thread_ts": thread,
        }
        return self.interact(
            {
                "type": "block_actions",
                "user": {"id": user, "team_id": TEAM},
                "trigger_id": f"trigger-{n}",
                "container": container,
                "channel": {"id": CHANNEL},
                "message": {"ts": thread, "thread_ts": thread},
                "actions": [
                    {
                        "type": "button",
                        "action_id": action_id,
                        "value": value,
                        "block_id": "b",
                        "action_ts": f"{time.time():.6f}",
                    }
                ],
            }
        )

    def message_shortcut(
        self, callback_id: str, user: str, message: dict[str, Any], channel: str = CHANNEL
    ) -> tuple[int, str]:
        """Use a message shortcut (the message's ⋮ menu) on `message` (ts, text, thread_ts…)."""
        n = next(self._ids)
        return self.interact(
            {
                "type": "message_action",
                "callback_id": callback_id,
                "trigger_id": f"trigger-{n}",
                "response_url": f"{self.slack.base}/respond/{n}",
                "user": {"id": user, "name": user.lower()},
                "channel": {"id": channel, "name": "journeys"},
                "message_ts": message["ts"],
                "message": {"type": "message", "user": user, **message},
            }
        )

    def submit(self, view: dict[str, Any], user: str, answers: dict[str, Any]) -> tuple[int, str]:
        """Submit a modal the bot opened, filling its inputs by block id (text, option text or
        value, user id)."""
        n = next(self._ids)
        submitted = {
            **view,
            "id": view.get("id", f"V{n}"),
            "hash": f"h{n}",
            "state": {"values": fill(view, answers)},
        }
        return self.interact(
            {
                "type": "view_submission",
                "user": {"id": user, "team_id": TEAM},
                "trigger_id": f"trigger-{n}",
                "view": submitted,
            }
        )

    def open_home(self, user: str) -> int:
        return self.event(
            {
                "type": "app_home_opened",
                "user": user,
                "tab": "home",
                "channel": "D1",
                "event_ts": f"{time.time():.6f}",
            }
        )

    # --- the map -------------------------------------------------------------------------------

    def key(self, thread: str, channel: str = CHANNEL) -> MapKey:
        return MapKey(workspace=TEAM, channel=channel, thread=thread)

    def start(self, user: str, title: str, channel: str = CHANNEL) -> str:
        """`/journey new <title>`; returns the thread's ts once the first step is posted."""
        status, _ = self.command(user, f"new {title}", channel)
        assert status == 200

        def roots() -> list[Call]:
            return [
                c
                for c in self.slack.posts()
                if "thread_ts" not in c.params
                and c.params.get("channel") == channel
                and title[:20] in c.params.get("text", "")
            ]

        root = self.slack.wait_for(roots, what="the root message")[-1]
        thread = root.ts
        self.slack.wait_for(lambda: self.slack.posts(thread), what="the first step")
        return thread


def find_button(blocks: list[dict[str, Any]], label: str) -> tuple[str, dict[str, Any]]:
    for block in blocks:
        elements = block.get("elements", []) if block["type"] == "actions" else []
        elements += [block["accessory"]] if block.get("accessory") else []
        for element in elements:
            if element.get("type") == "button" and label in (
                element["text"]["text"],
                element.get("action_id"),
            ):
                return block.get("block_id", ""), element
    raise AssertionError(f"no button {label!r}")


def fill(view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        answer = answers.get(block["block_id"])
        kind = element["type"]
        if kind == "plain_text_input":
            state = {"type": kind, "value": answer}
        elif kind == "static_select":
            chosen = [
                o
                for o in element["options"]
                if answer is not None and answer in (o["value"], o["text"]["text"])
            ]
            assert answer is None or chosen, f"{answer!r} is not an option of {block['block_id']}"
            state = {"type": kind, "selected_option": chosen[0] if chosen else None}
        elif kind == "users_select":
            state = {"type": kind, "selected_user": answer}
        elif kind == "conversations_select":
            state = {"type": kind, "selected_conversation": answer}
        elif kind == "checkboxes":  # answer: the values ticked
            ticked = [o for o in element["options"] if o["value"] in (answer or [])]
            state = {"type": kind, "selected_options": ticked}
        else:
            raise AssertionError(f"unexpected input {kind}")
        values[block["block_id"]] = {element["action_id"]: state}
    return values
