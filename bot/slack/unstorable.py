"""Characters no database can store (NUL, lone surrogates) are removed from every request before
a listener sees it, on SQLite as on PostgreSQL, and the person is told once, privately, after the
acknowledgement.

Lazy listeners get a copy of the request that Bolt parses again from the raw body (HTTP mode), so
the cleaned body is written back as the raw body too."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any
from urllib.parse import urlencode

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_sdk import WebClient

from bot.text import storable

log = logging.getLogger(__name__)
Next = Callable[[], BoltResponse]
NOTE = (
    "I removed {count} character(s) from what you sent that cannot be saved (such as NUL); "
    "the rest was used as written."
)


def scrub(value: Any) -> tuple[Any, int]:
    """`value` (a parsed payload) with every string made storable, and the count removed."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        pairs = [(scrub(k), scrub(v)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in pairs}, sum(a + b for (_, a), (_, b) in pairs)
    if isinstance(value, list):
        items = [scrub(item) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    return value, 0


def remove_unstorable(executor: Callable[[], Executor]) -> Callable[..., BoltResponse]:
    """Bolt middleware; the note is sent on `executor()` (the app's listener threads), after
    the acknowledgement."""

    def middleware(
        req: BoltRequest, body: dict[str, Any], context: BoltContext, next: Next
    ) -> BoltResponse:
        cleaned, removed = scrub(body)
        if not removed:
            return next()
        body.clear()
        body.update(cleaned)
        if req.mode == "http":
            req.raw_body = _raw(req, cleaned)
        log.info("removed %s unstorable character(s) from a request", removed)
        response = next()
        where = _who_and_where(body)
        client = context.client
        if where is not None and client is not None:
            executor().submit(_tell, client, *where, removed)
        return response

    return middleware


def _raw(req: BoltRequest, cleaned: dict[str, Any]) -> str:
    """The body as Slack would have sent it without those characters (JSON, or a form)."""
    content_type = (req.headers.get("content-type") or [""])[0]
    if content_type.startswith("application/json") or req.raw_body.startswith("{"):
        return json.dumps(cleaned)
    if req.raw_body.startswith("payload=") or "&payload=" in req.raw_body:
        return urlencode({"payload": json.dumps(cleaned)})
    return urlencode(cleaned)


def _who_and_where(body: dict[str, Any]) -> tuple[str, str, str | None] | None:
    """(channel, user, thread) to tell privately: events, commands and interactions."""
    event = body.get("event")
    if isinstance(event, dict) and event.get("channel") and event.get("user"):
        return event["channel"], event["user"], event.get("thread_ts")
    if body.get("channel_id") and body.get("user_id"):
        return body["channel_id"], body["user_id"], None
    channel = (
        (body.get("channel") or {}).get("id") if isinstance(body.get("channel"), dict) else None
    )
    user = (body.get("user") or {}).get("id") if isinstance(body.get("user"), dict) else None
    if channel and user:
        thread = (body.get("message") or {}).get("thread_ts")
        return channel, user, thread
    return None


def _id(value: Any) -> str | None:
    return value.get("id") if isinstance(value, dict) else None


def _tell(client: WebClient, channel: str, user: str, thread: str | None, count: int) -> None:
    try:
        client.chat_postEphemeral(
            channel=channel, user=user, thread_ts=thread, text=NOTE.format(count=count)
        )
    except Exception:
        log.exception("could not tell a person about removed characters")
