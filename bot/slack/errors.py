"""When a listener fails: log the stack (never the message text or the exception's words, which may
quote what someone typed), and tell the thread with a short apology and an error id."""

from __future__ import annotations

import logging
import traceback
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.engine import ConcurrentEditError

log = logging.getLogger(__name__)

Tell = Callable[[str], object]

APOLOGY = (
    ":face_with_head_bandage: Sorry, something went wrong on my side and I couldn't finish that. "
    "Please try again; if it keeps failing, tell your admin error id `{error_id}`."
)
BUSY = "Several people changed the map at the same moment; please send that again."


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
    text = BUSY if isinstance(error, ConcurrentEditError) else APOLOGY.format(error_id=error_id)
    if tell is not None:
        try:
            tell(text)
        except Exception as failed:  # the apology is best effort: Slack may be what failed
            log_failure(failed, "apology")
    return error_id


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
