"""The map message's Canvas button, and the work `/journey canvas` shares with it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.engine import Turn
from bot.services import Services
from bot.slack.blocks.summary import CANVAS_ACTION
from bot.slack.canvas import CanvasUnavailable, create_canvas
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded, in_thread
from bot.slack.listeners.common import ack_now
from bot.slack.middleware import once
from bot.slack.payloads import action_thread
from storage import MapKey


def canvas_in_thread(services: Services, client: WebClient, key: MapKey, user: str) -> None:
    """Make or refresh the map's canvas; where Slack allows none, say why and post the PDF."""
    stored = services.store.load(key)
    if stored is None:
        return
    try:
        create_canvas(client, services.store, key, stored.journey_map)
    except CanvasUnavailable as unavailable:
        client.chat_postMessage(channel=key.channel, thread_ts=key.thread, text=str(unavailable))
        Conversation(services, client).answer(key, Turn(user=user, text="export pdf"))


def register(app: App, services: Services) -> None:
    def make_canvas(
        body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        key = action_thread(body)
        if key is None:
            return
        with guarded(in_thread(client, key.channel, key.thread)):
            canvas_in_thread(services, client, key, body["user"]["id"])

    app.action(CANVAS_ACTION)(ack=ack_now, lazy=[once(services.store)(make_canvas)])
