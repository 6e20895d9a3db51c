"""Cross-cutting request handling:

- noise: other bots' messages, edits, deletes, joins and channel chatter that is neither in a
  thread nor addressed to the bot are acknowledged and dropped before any listener runs;
- duplicates: Slack retries unacknowledged events, and sends one mention twice (app_mention and
  message). Each delivery has a key; the first delivery to claim its key is processed, any other
  is dropped. The claim is made in two places so that no acknowledgement waits for a database
  write: the middleware drops duplicates this process has already seen (in memory), and the
  lazy listener claims the key in the database before it does anything (`once`), which holds
  across replicas sharing the database.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse

from bot.slack.errors import apologize, is_database_unreachable, tell_for
from bot.slack.payloads import is_person_message, team_of
from bot.slack.unstorable import remove_unstorable
from storage import MapStore

log = logging.getLogger(__name__)

Next = Callable[[], BoltResponse]
Work = TypeVar("Work", bound=Callable[..., None])
DELIVERY = "journeybot_delivery"  # context key: the delivery's key, claimed by `once`
REMEMBERED = 20_000


def register_middleware(app: App) -> None:
    app.use(drop_noise)
    app.use(Deliveries().middleware)
    app.use(remove_unstorable(lambda: app.listener_runner.listener_executor))


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


class Deliveries:
    """The keys of recent deliveries seen by this process (a bounded, thread-safe memory)."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._seen:
                return False
            self._seen[key] = None
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)
            return True

    def middleware(
        self, body: dict[str, Any], request: BoltRequest, context: BoltContext, next: Next
    ) -> BoltResponse:
        key = delivery_key(body)
        if key is not None and not self.first_time(key):
            _dropped(key, request)
            return BoltResponse(status=200, body="")
        context[DELIVERY] = key
        return next()


def once(store: MapStore) -> Callable[[Work], Callable[..., None]]:
    """For lazy listeners (which must take `context`): do the work only if this delivery is the
    first to claim its key in the database. When the database cannot be reached, the sender is
    told so instead (through `respond`, or `client` in the request's thread)."""

    def decorate(work: Work) -> Callable[..., None]:
        @functools.wraps(work)
        def run(**kwargs: Any) -> None:
            key = kwargs["context"].get(DELIVERY)
            try:
                first = key is None or store.claim_event(key)
            except Exception as error:
                if not is_database_unreachable(error):
                    raise
                body = kwargs.get("body") or kwargs.get("command") or {}  # a command's body
                tell = tell_for(body, kwargs.get("client"), kwargs.get("respond"))
                apologize(tell, error, "delivery claim")
                return
            if first:
                work(**kwargs)
            else:
                log.info("duplicate delivery dropped (%s, claimed elsewhere)", key.split(":")[1])

        return run

    return decorate


def _dropped(key: str, request: BoltRequest) -> None:
    retry = request.headers.get("x-slack-retry-num", ["0"])[0]
    log.info("duplicate delivery dropped (%s, retry %s)", key.split(":")[1], retry)
