"""A visible "working…" state that costs nothing when the work is quick: an hourglass reaction
appears only if the work takes longer than `after` seconds, and goes when it is done."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)
REACTION = "hourglass_flowing_sand"
DEFAULT_AFTER = 1.0


@contextmanager
def working(
    client: WebClient, channel: str, ts: str | None, after: float = DEFAULT_AFTER
) -> Iterator[None]:
    if ts is None:
        yield
        return
    lock = threading.Lock()
    state = {"added": False, "done": False}

    def show() -> None:
        with lock:
            if state["done"]:
                return
            state["added"] = _react(client.reactions_add, channel, ts)

    timer = threading.Timer(after, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["added"]:
                _react(client.reactions_remove, channel, ts)


def _react(method: Callable[..., object], channel: str, ts: str) -> bool:
    try:
        method(channel=channel, timestamp=ts, name=REACTION)
    except SlackApiError as error:
        log.info("reaction not changed: %s", error.response.get("error"))
        return False
    return True
