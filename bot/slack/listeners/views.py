"""Modal submissions. The acknowledgement validates (Slack shows errors next to the inputs);
the lazy listener resolves the owner's name and applies the typed edit as one engine turn."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.engine import Turn
from bot.model import SHORT
from bot.services import Services
from bot.slack.blocks.modals import (
    FORM_CALLBACK,
    NEW_MAP_CALLBACK,
    new_map_modal,
    notice_modal,
)
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded, in_thread
from bot.slack.forms import Form, error_block, form_edit, form_problems, read_form, view_values
from bot.slack.listeners.common import ack_now
from bot.slack.middleware import once
from bot.slack.payloads import team_of
from bot.text import slack_escape, truncate

ACCEPTED = "journeybot_form_accepted"  # set on the context by the ack, read by the lazy listener
ERROR_CHARS = 150
NEW_MAP_SHORTCUT = "new_map"


def register(app: App, services: Services) -> None:
    def check_form(ack: Ack, view: dict[str, Any], context: BoltContext) -> None:
        form = read_form(view)
        problems = form_problems(form) if form else {}
        if form is not None and not problems:
            problems = _dry_run(services, form)
        if problems:
            ack(response_action="errors", errors=problems)
            return
        context[ACCEPTED] = form is not None
        ack()

    def apply_form(
        body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        form = read_form(view)
        if form is None or not context.get(ACCEPTED):
            return
        key = form.key
        with guarded(in_thread(client, key.channel, key.thread)):
            edit = form_edit(form, owner_name=_person(client, form.owner_user))
            turn = Turn(user=body["user"]["id"], edits=[edit])
            Conversation(services, client).answer(key, turn)

    def open_new_map(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        with guarded(None):
            client.views_open(trigger_id=body["trigger_id"], view=new_map_modal())

    def check_new_map(ack: Ack, view: dict[str, Any], context: BoltContext) -> None:
        """No Web API call here: whether the bot is in the channel is checked after the ack,
        which shows a "starting" notice in the modal meanwhile."""
        values = view_values(view)
        title = values.get("title", "").strip()
        if not title or len(title) > SHORT:
            ack(response_action="errors", errors={"title": f"A title of 1 to {SHORT} characters."})
            return
        if not values.get("channel"):
            ack(response_action="errors", errors={"channel": "Choose a channel."})
            return
        context[ACCEPTED] = True
        starting = f"Starting “{slack_escape(title)}” in <#{values['channel']}>…"
        ack(response_action="update", view=notice_modal("New journey map", starting))

    def start_new_map(
        body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        if not context.get(ACCEPTED):
            return
        values = view_values(view)
        title, channel = values["title"].strip(), values["channel"]

        def tell(text: str) -> None:  # in the modal, which still shows "Starting…"
            client.views_update(view_id=view["id"], view=notice_modal("New journey map", text))

        with guarded(tell):
            if not _bot_is_member(client, channel):
                problem = "Invite me to that channel first (/invite @JourneyBot), then press Start."
                again = new_map_modal(title, channel, problem)
                client.views_update(view_id=view["id"], view=again)
                return
            Conversation(services, client).start(team_of(body), channel, title, body["user"]["id"])
            tell(f"Started “{slack_escape(title)}” in <#{channel}>: answer in its thread.")

    first = once(services.store)
    app.view(re.compile(rf"^{FORM_CALLBACK}:"))(ack=check_form, lazy=[first(apply_form)])
    app.shortcut(NEW_MAP_SHORTCUT)(ack=ack_now, lazy=[first(open_new_map)])
    app.view(NEW_MAP_CALLBACK)(ack=check_new_map, lazy=[first(start_new_map)])


def _dry_run(services: Services, form: Form) -> dict[str, str]:
    """Errors the engine would give, shown on the form instead of in the thread."""
    if services.store.load(form.key) is None:
        return {form.order[0]: "This map no longer exists."} if form.order else {}
    placeholder = "owner" if form.owner_user else ""
    try:
        edit = form_edit(form, owner_name=placeholder)
    except ValueError as error:
        return {error_block(form, str(error)): truncate(str(error), ERROR_CHARS)}
    errors = services.engine.check(form.key, Turn(user="form", edits=[edit]))
    if errors:
        return {error_block(form, errors[0]): truncate(errors[0], ERROR_CHARS)}
    return {}


def _person(client: WebClient, user_id: str) -> str:
    """A person's name for an owner field (their Slack id is no name for a document)."""
    if not user_id:
        return ""
    user = client.users_info(user=user_id)["user"]
    profile = user.get("profile") or {}
    return (user.get("real_name") or profile.get("real_name") or user.get("name") or user_id)[
        :SHORT
    ]


def _bot_is_member(client: WebClient, channel: str) -> bool:
    if not channel:
        return False
    try:
        return bool(client.conversations_info(channel=channel)["channel"].get("is_member"))
    except SlackApiError:
        return False
