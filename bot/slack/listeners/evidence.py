"""The "Use as evidence" message shortcut: on a message in a map's thread, a modal picks the item
it supports; on submit the message's permalink and words become evidence on that item (one
AddEvidence edit, applied as a turn by the person who submitted)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.engine import Turn
from bot.engine.edits import AddEvidence
from bot.services import Services
from bot.slack.blocks.evidence import (
    EVIDENCE_CALLBACK,
    Quoted,
    evidence_modal,
    message_text,
)
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded, in_thread
from bot.slack.forms import view_values
from bot.slack.listeners.common import ack_now
from bot.slack.middleware import once
from bot.slack.payloads import from_slack, team_of
from bot.text import truncate
from storage import MapKey

EVIDENCE_SHORTCUT = "use_as_evidence"
ACCEPTED = "journeybot_evidence_accepted"
NO_MAP = (
    "There is no journey map in this thread. Use *Use as evidence* on a message in a map's "
    "thread (or on the map's first message)."
)
ERROR_CHARS = 150


def register(app: App, services: Services) -> None:
    def open_evidence(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        user = (body.get("user") or {}).get("id", "")
        ts = message.get("ts") or body.get("message_ts") or ""
        thread = message.get("thread_ts") or ts
        with guarded(None):
            key = MapKey(workspace=team_of(body), channel=channel, thread=thread)
            stored = services.store.load(key) if channel and thread else None
            if stored is None:
                client.chat_postEphemeral(
                    channel=channel, user=user, thread_ts=message.get("thread_ts"), text=NO_MAP
                )
                return
            quoted = Quoted(key, ts, message_text(from_slack(message.get("text") or "")))
            view = evidence_modal(quoted, stored.journey_map)
            client.views_open(trigger_id=body["trigger_id"], view=view)

    def check_evidence(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
    ) -> None:
        quoted = Quoted.read(view.get("private_metadata", ""))
        if quoted is None:
            ack()
            return
        problem = _dry_run(services, quoted, evidence_edit(quoted, view, body["user"]["id"], ""))
        if problem:
            ack(response_action="errors", errors={"item": problem})
            return
        context[ACCEPTED] = True
        ack()

    def add_evidence(
        body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        quoted = Quoted.read(view.get("private_metadata", ""))
        if quoted is None or not context.get(ACCEPTED):
            return
        key = quoted.key
        with guarded(in_thread(client, key.channel, key.thread)):
            link = client.chat_getPermalink(channel=key.channel, message_ts=quoted.ts)["permalink"]
            user = body["user"]["id"]
            edit = evidence_edit(quoted, view, user, link)
            Conversation(services, client).answer(key, Turn(user=user, edits=[edit]))

    first = once(services.store)
    app.shortcut(EVIDENCE_SHORTCUT)(ack=ack_now, lazy=[first(open_evidence)])
    app.view(EVIDENCE_CALLBACK)(ack=check_evidence, lazy=[first(add_evidence)])


def evidence_edit(quoted: Quoted, view: dict[str, Any], user: str, url: str) -> AddEvidence:
    values = view_values(view)
    kind, _, item_id = values.get("item", "").partition(":")
    return AddEvidence(
        item=kind,
        item_id=item_id,
        link="slack",
        text=quoted.text.strip() or "A Slack message",
        url=url,
        level=values.get("level") or None,
        added_by=user,
    )


def _dry_run(services: Services, quoted: Quoted, edit: AddEvidence) -> str:
    errors = services.engine.check(quoted.key, Turn(user=edit.added_by, edits=[edit]))
    return truncate(errors[0], ERROR_CHARS) if errors else ""
