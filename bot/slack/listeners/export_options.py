"""The map message's Export… button: a modal to choose formats and whether to add the critique;
its submission runs `export …` in the map's thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.engine import Turn
from bot.services import Services
from bot.slack.blocks.export_options import (
    EXPORT_CALLBACK,
    EXPORT_OPTIONS_ACTION,
    export_command,
    export_options_modal,
)
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded, in_thread
from bot.slack.listeners.common import ack_now
from bot.slack.middleware import once
from bot.slack.payloads import action_thread


def register(app: App, services: Services) -> None:
    def open_options(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        key = action_thread(body)
        if key is None:
            return
        with guarded(in_thread(client, key.channel, key.thread)):
            client.views_open(trigger_id=body["trigger_id"], view=export_options_modal(key))

    def check(ack: Ack, view: dict[str, Any]) -> None:
        if export_command(view) is None:
            ack(response_action="errors", errors={"formats": "Choose at least one format."})
            return
        ack()

    def run_export(
        body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        asked = export_command(view)
        if asked is None:
            return
        key, command = asked
        with guarded(in_thread(client, key.channel, key.thread)):
            if services.store.load(key) is not None:
                turn = Turn(user=body["user"]["id"], text=command)
                Conversation(services, client).answer(key, turn)

    first = once(services.store)
    app.action(EXPORT_OPTIONS_ACTION)(ack=ack_now, lazy=[first(open_options)])
    app.view(EXPORT_CALLBACK)(ack=check, lazy=[first(run_export)])
