"""Cross-cutting request handling, before any listener runs:

- noise: other bots' messages, edits, deletes, joins and channel chatter that is neither in a
  thread nor addressed to the bot are acknowledged and dropped without touching the database;
- duplicates: every delivery is claimed in the database (so the claim holds across replicas);
  the first delivery to arrive is processed and any later one (a Slack retry, or the second of the
  app_mention/message pair Slack sends for one mention) is acknowledged and dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse

from bot.slack.payloads import is_person_message, team_of
from storage import MapStore

log = logging.getLogger(__name__)

Next = Callable[[], BoltResponse]


def register_middleware(app: App, store: MapStore) -> None:
    app.use(drop_noise)
    app.use(deduplicator(store))


def drop_noise(body: dict[str, Any], context: BoltContext, next: Next) -> BoltResponse:
    if is_noise(body, context.bot_user_id):
        return BoltResponse(status=200, body="")
    return next()


def is_noise(body: dict[str, Any], bot_user_id: str | None) -> bool:
    event = body.get("event") if body.get("type") == "event_callback" else None
    if not isinstance(event, dict) or event.get("type") not in {"message", "app_mention"}:
        return False
    if not is_person_message(event):
        return True
    in_thread = bool(event.get("thread_ts")) and event.get("thread_ts") != event.get("ts")
    mentioned = bool(bot_user_id) and f"<@{bot_user_id}>" in (event.get("text") or "")
    return event["type"] == "message" and not (in_thread or mentioned)


def delivery_key(body: dict[str, Any]) -> str | None:
    """What makes two deliveries the same: a message's channel and ts (app_mention and message
    both deliver a mention), an event's id, an interaction's trigger id."""
    team = team_of(body)
    if body.get("type") == "event_callback":
        event = body.get("event") or {}
        if event.get("type") in {"message", "app_mention"} and event.get("ts"):
            return f"slack:msg:{team}:{event.get('channel')}:{event['ts']}"
        return f"slack:event:{body.get('event_id')}" if body.get("event_id") else None
    trigger = body.get("trigger_id")
    if trigger:
        return f"slack:trigger:{team}:{trigger}"
    return None


def deduplicator(store: MapStore) -> Callable[..., BoltResponse]:
    def deduplicate(body: dict[str, Any], request: BoltRequest, next: Next) -> BoltResponse:
        key = delivery_key(body)
        if key is None or store.claim_event(key):
            return next()
        retry = request.headers.get("x-slack-retry-num", ["0"])[0]
        log.info("duplicate delivery dropped (%s, retry %s)", key.split(":")[1], retry)
        return BoltResponse(status=200, body="")

    return deduplicate
