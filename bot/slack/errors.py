"""When a listener fails: log the stack (never the message text or the exception's words, which may
quote what someone typed), and tell the thread with a short apology and an error id."""

from __future__ import annotations

import logging
import traceback
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import exc as sa_exc

from bot.engine import ConcurrentEditError
from bot.slack.payloads import action_thread

log = logging.getLogger(__name__)

Tell = Callable[[str], object]

APOLOGY = (
    ":face_with_head_bandage: Sorry, something went wrong on my side and I couldn't finish that. "
    "Please try again; if it keeps failing, tell your admin error id `{error_id}`."
)
BUSY = "Several people changed the map at the same moment; please send that again."
DATABASE_DOWN = (
    ":electric_plug: I can't reach the database right now, so I couldn't do that and nothing "
    "was changed. Please try again in a minute; if it keeps failing, tell your admin error id "
    "`{error_id}`."
)
# What a database that is down, restarting or unreachable raises (SQLAlchemy wraps the driver's).
UNREACHABLE = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
)


def new_error_id() -> str:
    return uuid.uuid4().hex[:10]


def log_failure(error: BaseException, where: str) -> str:
    error_id = new_error_id()
    detail = type(error).__qualname__
    if isinstance(error, SlackApiError):
        detail += f" ({error.response.get('error')})"
    stack = "".join(traceback.format_tb(error.__traceback__))
    log.error("%s failed, error id %s: %s\n%s", where, error_id, detail, stack)
    return error_id


def apologize(tell: Tell | None, error: BaseException, where: str = "listener") -> str:
    error_id = log_failure(error, where)
    if isinstance(error, ConcurrentEditError):
        text = BUSY
    elif is_database_unreachable(error):
        text = DATABASE_DOWN.format(error_id=error_id)
    else:
        text = APOLOGY.format(error_id=error_id)
    if tell is not None:
        try:
            tell(text)
        except Exception as failed:  # the apology is best effort: Slack may be what failed
            log_failure(failed, "apology")
    return error_id


def is_database_unreachable(error: BaseException) -> bool:
    return isinstance(error, UNREACHABLE)


def in_thread(client: WebClient, channel: str, thread_ts: str | None) -> Tell:
    """Tell a thread (or the channel, without a thread)."""
    return lambda text: client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text)


@contextmanager
def guarded(tell: Tell | None) -> Iterator[None]:
    """Run a listener's work; on failure log it and apologize through `tell` instead of raising."""
    try:
        yield
    except Exception as error:
        apologize(tell, error)


def where(body: dict[str, Any]) -> tuple[str | None, str | None]:
    """The channel and thread a (verified) request came from, if any (opening the Home tab comes
    from the app's own DM, which is no place to answer)."""
    event = body.get("event") or {}
    if event.get("channel") and event.get("type") != "app_home_opened":
        return event["channel"], event.get("thread_ts") or event.get("ts")
    key = action_thread(body)
    if key is not None:
        return key.channel, key.thread
    return None, None


def tell_for(
    body: dict[str, Any], client: WebClient | None, respond: Respond | None = None
) -> Tell | None:
    """How to answer whoever sent `body`: privately through a command's response_url, else in
    the thread (or channel) it came from."""
    if respond is not None and body.get("response_url"):
        return lambda text: respond(text=text, response_type="ephemeral", replace_original=False)
    channel, thread = where(body)
    return in_thread(client, channel, thread) if channel and client else None
