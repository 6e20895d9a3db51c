"""Events: thread replies and mentions (answers, or commands to a map-less channel), App Home."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.engine import Turn
from bot.model import SHORT
from bot.services import Services
from bot.slack.blocks.help import HELP_TEXT, help_blocks
from bot.slack.blocks.home import home_view, list_blocks
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded, in_thread
from bot.slack.listeners.common import ack_now
from bot.slack.map_import import import_into_new_thread
from bot.slack.maps import Maps
from bot.slack.middleware import once
from bot.slack.payloads import Message, new_map_title, read_message, team_of
from bot.slack.shared_files import import_shared_files


def register(app: App, services: Services, maps: Maps) -> None:
    def on_message(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        message = read_message(event, team_of(body), context.bot_user_id)
        thread = message.thread_ts or message.ts
        with guarded(in_thread(client, message.channel, thread)):
            if not import_shared_files(services, client, message, event):
                handle_message(services, maps, client, message)

    def on_home_opened(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        if event.get("tab") != "home":
            return
        with guarded(None):
            publish_home(maps, client, team_of(body), event["user"])

    # app_mention and message both deliver a mention: the delivery check lets one through.
    first = once(services.store)
    app.event("app_mention")(ack=ack_now, lazy=[first(on_message)])
    app.message()(ack=ack_now, lazy=[first(on_message)])
    # app.message() skips a message with no text: a file shared without a comment.
    app.event({"type": "message", "subtype": "file_share"})(ack=ack_now, lazy=[first(on_message)])
    app.event("app_home_opened")(ack=ack_now, lazy=[first(on_home_opened)])


def handle_message(services: Services, maps: Maps, client: WebClient, message: Message) -> None:
    conversation = Conversation(services, client)
    key = message.thread_key
    text = message.text or ("help" if message.mentions_bot else "")
    if key is not None and text:
        turn = Turn(user=message.user, text=text)
        if conversation.answer(key, turn, react_to=message.ts):
            return
    if message.mentions_bot:
        mention_command(conversation, maps, client, message)


def mention_command(
    conversation: Conversation, maps: Maps, client: WebClient, message: Message
) -> None:
    """A mention outside a map's thread: `new <title>`, `import <pasted map>`, `list`, or help."""
    pasted = _IMPORT.match(message.text.strip())
    if pasted:
        import_pasted_map(conversation, client, message, pasted[1])
        return
    title = new_map_title(message.text)
    if title:
        if len(title) > SHORT:
            _whisper(client, message, f"Keep the title under {SHORT} characters, please.")
            return
        conversation.start(message.team, message.channel, title, message.user)
        return
    if title == "":
        _whisper(client, message, "Give the map a title: `@JourneyBot new First-time buyers`.")
    elif message.text.strip().lower() == "list":
        entries = maps.visible(client, message.team, message.user)
        client.chat_postEphemeral(
            channel=message.channel,
            user=message.user,
            text="Your maps",
            blocks=list_blocks(entries),
        )
    else:
        client.chat_postEphemeral(
            channel=message.channel, user=message.user, text=HELP_TEXT, blocks=help_blocks()
        )


_IMPORT = re.compile(r"^(?:import|adopt)\b[ \t:]*\n?(.*)$", re.IGNORECASE | re.DOTALL)


def import_pasted_map(
    conversation: Conversation, client: WebClient, message: Message, pasted: str
) -> None:
    """`@JourneyBot import` + a map pasted in the message: the map becomes a new thread's map
    (ids kept, at the review step), and the thread opens with what was read and the critique."""
    if not pasted.strip():
        _whisper(client, message, IMPORT_HELP)
        return
    services = conversation.services
    problem = import_into_new_thread(
        services, client, message, pasted, None, "a map pasted in Slack"
    )
    if problem:
        _whisper(client, message, f"{problem}\n\n{IMPORT_HELP}")


IMPORT_HELP = (
    "Paste the map after `import` in the same message: a Markdown table (stages across the top "
    "or one row per stage), CSV rows, or a heading per stage with bullets. I will say what I "
    "read, critique it, and keep it as a new thread's map."
)


def publish_home(maps: Maps, client: WebClient, team: str, user: str, notice: str = "") -> None:
    entries = maps.visible(client, team, user)
    due = maps.due(client, team, user)
    client.views_publish(user_id=user, view=home_view(entries, notice, due))


def _whisper(client: WebClient, message: Message, text: str) -> None:
    client.chat_postEphemeral(channel=message.channel, user=message.user, text=text)
