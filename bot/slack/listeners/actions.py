"""Buttons: commands in a thread (their value is the command text), forms that open modals, and
the App Home's Open and Export buttons."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.engine import Turn
from bot.services import Services
from bot.slack.blocks.guidance import GUIDANCE_MORE_ACTION, full_section_blocks
from bot.slack.blocks.home import HOME_EXPORT_ACTION, HOME_OPEN_ACTION, HOME_REVIEWED_ACTION
from bot.slack.blocks.modals import FORM_KINDS, form_modal
from bot.slack.blocks.step import COMMAND_ACTION, FORM_ACTION
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded, in_thread
from bot.slack.listeners.common import ack_now
from bot.slack.listeners.events import publish_home
from bot.slack.maps import Maps
from bot.slack.middleware import once
from bot.slack.payloads import action_thread, team_of
from bot.text import slack_escape

HOME_EXPORT_FORMAT = "pdf"


def register(app: App, services: Services, maps: Maps) -> None:
    def run_command(
        body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        key = action_thread(body)
        if key is None:
            return
        clicked = (body.get("container") or {}).get("message_ts")
        with guarded(in_thread(client, key.channel, key.thread)):
            turn = Turn(user=body["user"]["id"], text=action.get("value", ""))
            Conversation(services, client).answer(key, turn, react_to=clicked)

    def open_form(
        body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        key = action_thread(body)
        kind = action.get("value", "")
        if key is None or kind not in FORM_KINDS:
            return
        with guarded(in_thread(client, key.channel, key.thread)):
            stored = services.store.load(key)
            if stored is not None:
                view = form_modal(kind, key, stored.journey_map)
                client.views_open(trigger_id=body["trigger_id"], view=view)

    def show_more(
        body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        """A More button under a tip or an answer: the whole section, in the thread."""
        key = action_thread(body)
        if key is None:
            return
        with guarded(in_thread(client, key.channel, key.thread)):
            found = (
                services.guidance.section(action.get("value", "")) if services.guidance else None
            )
            if found is None:
                text, blocks = "That guidance is no longer in the knowledge base.", None
            else:
                where = slack_escape(f"{found.title} › {found.heading}")
                text, blocks = where, full_section_blocks(found)
            client.chat_postMessage(
                channel=key.channel, thread_ts=key.thread, text=text, blocks=blocks
            )

    def from_home(command: str, done: str) -> Callable[..., None]:
        """A Home button that runs `command` in the thread of the map it names, if the person
        may see that map, then shows the Home again with `done` (formatted with the title).
        An export calls the engine's export directly: a pending yes/no in the thread stays."""

        def run(
            body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
        ) -> None:
            team, user = team_of(body), body["user"]["id"]
            with guarded(lambda text: publish_home(maps, client, team, user, notice=text)):
                stored = services.store.load_by_id(action.get("value", ""))
                if stored is None or not maps.may_see(client, team, user, stored.key):
                    notice = "That map is not one you can see."
                    publish_home(maps, client, team, user, notice=notice)
                    return
                conversation = Conversation(services, client)
                if command.startswith("export "):
                    conversation.export(stored.key, command.removeprefix("export "), user)
                else:
                    conversation.answer(stored.key, Turn(user=user, text=command))
                notice = done.format(title=stored.journey_map.title)
                publish_home(maps, client, team, user, notice=notice)

        return run

    export_from_home = from_home(
        f"export {HOME_EXPORT_FORMAT}", "Exported “{title}” to its thread."
    )
    reviewed_from_home = from_home("reviewed", "Marked “{title}” reviewed.")

    first = once(services.store)
    app.action(re.compile(rf"^{COMMAND_ACTION}:"))(ack=ack_now, lazy=[first(run_command)])
    app.action(re.compile(rf"^{FORM_ACTION}:"))(ack=ack_now, lazy=[first(open_form)])
    app.action(GUIDANCE_MORE_ACTION)(ack=ack_now, lazy=[first(show_more)])
    app.action(HOME_OPEN_ACTION)(ack_now)  # a link button: Slack still reports the click
    app.action(HOME_EXPORT_ACTION)(ack=ack_now, lazy=[first(export_from_home)])
    app.action(HOME_REVIEWED_ACTION)(ack=ack_now, lazy=[first(reviewed_from_home)])
