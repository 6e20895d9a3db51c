"""The map as a living Slack canvas: `/journey canvas` or the map message's Canvas button makes
it, and every saved version updates it.

Creating: a canvas tabbed in the map's channel (`canvases.create` with `channel_id`); where the
plan or the channel's tabs do not allow that, a standalone canvas the channel may read
(`canvases.access.set`). Either way the thread gets its link. Where canvases are off or the free
plan's limit is reached, the thread is told so and gets the PDF instead.

Updating: `refresh_canvas_after_save` is the one call made after a saved version (beside the map
message's update). It waits DEBOUNCE_SECONDS and then replaces the canvas with the newest saved
map, so a burst of edits costs one `canvases.edit`, which is safe to repeat.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.model import JourneyMap
from bot.slack.canvas_markdown import canvas_markdown, canvas_title
from storage import MapKey, MapStore

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 10.0
# canvases.create with channel_id fails so where the channel can take no (further) canvas tab
NO_CHANNEL_TAB = {
    "team_tier_cannot_create_channel_canvases",
    "free_team_canvas_tab_already_exists",
    "canvas_tab_creation_failed",
    "channel_canvas_already_exists",
    "not_in_channel",
    "channel_not_found",
}
CANVASES_OFF = "canvas_disabled_user_team"
FREE_PLAN = {
    "team_tier_cannot_create_channel_canvases",
    "free_team_canvas_tab_already_exists",
    "free_teams_cannot_create_non_tabbed_canvases",
    "team_tier_cannot_create_standalone_canvases",
}
OFF_MESSAGE = (
    "Canvases are turned off in this workspace, so I can't keep the map in one. "
    "Here is the PDF instead; an admin can turn canvases on in the workspace settings."
)
FREE_PLAN_MESSAGE = (
    "Slack's free plan allows only one canvas per channel, and this channel has it already, "
    "so here is the PDF instead. On a paid plan, `/journey canvas` makes a canvas per map."
)
SCOPE_MESSAGE = (
    "I'm missing the permission to make canvases (canvases:write). Ask an admin to reinstall "
    "JourneyBot from its manifest, then try again. Meanwhile, here is the PDF."
)


class CanvasUnavailable(Exception):
    """No canvas can be made here; the message says why, for the thread."""


def canvas_url(client: WebClient, canvas_id: str) -> str:
    identity = client.auth_test()
    return f"{identity['url']}docs/{identity['team_id']}/{canvas_id}"


def create_canvas(client: WebClient, store: MapStore, key: MapKey, m: JourneyMap) -> str:
    """Make (or, when there is one, refresh) the map's canvas and post its link in the thread.
    Returns the canvas id; raises CanvasUnavailable with a message for people."""
    existing = store.canvas_of(m.id)
    if existing is not None and _edit(client, existing, m):
        _post_link(client, key, existing, again=True)
        return existing
    canvas_id = _create(client, key, m)
    store.remember_canvas(m.id, canvas_id)
    _post_link(client, key, canvas_id, again=False)
    return canvas_id


def _create(client: WebClient, key: MapKey, m: JourneyMap) -> str:
    content = {"type": "markdown", "markdown": canvas_markdown(m)}
    title = canvas_title(m)
    try:
        answer = client.canvases_create(
            title=title, document_content=content, channel_id=key.channel
        )
        return str(answer["canvas_id"])
    except SlackApiError as error:
        reason = _reason(error)
        if reason not in NO_CHANNEL_TAB:
            raise _unavailable(reason) from error
    try:  # standalone, readable by the channel
        answer = client.canvases_create(title=title, document_content=content)
        canvas_id = str(answer["canvas_id"])
        client.canvases_access_set(
            canvas_id=canvas_id, access_level="read", channel_ids=[key.channel]
        )
        return canvas_id
    except SlackApiError as error:
        raise _unavailable(_reason(error)) from error


def _unavailable(reason: str) -> Exception:
    if reason == CANVASES_OFF:
        return CanvasUnavailable(OFF_MESSAGE)
    if reason in FREE_PLAN:
        return CanvasUnavailable(FREE_PLAN_MESSAGE)
    if reason == "missing_scope":
        return CanvasUnavailable(SCOPE_MESSAGE)
    return CanvasUnavailable(
        f"Slack would not make the canvas ({reason}). Here is the PDF instead; try "
        "`/journey canvas` again later."
    )


def _reason(error: SlackApiError) -> str:
    return str(error.response.get("error", "unknown_error"))


def _edit(client: WebClient, canvas_id: str, m: JourneyMap) -> bool:
    """Replace the canvas's content; False when the canvas is gone."""
    change = {
        "operation": "replace",
        "document_content": {"type": "markdown", "markdown": canvas_markdown(m)},
    }
    try:
        client.canvases_edit(canvas_id=canvas_id, changes=[change])
    except SlackApiError as error:
        if _reason(error) in {"canvas_not_found", "canvas_deleted", "access_denied"}:
            return False
        raise
    return True


def _post_link(client: WebClient, key: MapKey, canvas_id: str, again: bool) -> None:
    url = canvas_url(client, canvas_id)
    what = "The map's canvas is up to date" if again else "The map now has a canvas"
    client.chat_postMessage(
        channel=key.channel,
        thread_ts=key.thread,
        text=f"{what}: <{url}|open the canvas>. It updates after every saved version.",
    )


# --- updates after saves ---------------------------------------------------------------------

_timers: dict[str, threading.Timer] = {}
_timers_lock = threading.Lock()


def refresh_canvas_after_save(client: WebClient, store: MapStore, map_id: str) -> None:
    """After a saved version: update the map's canvas, if it has one, once edits pause."""
    _debounce(map_id, lambda: _refresh(client, store, map_id))


def _debounce(map_id: str, work: Callable[[], None]) -> None:
    with _timers_lock:
        waiting = _timers.pop(map_id, None)
        if waiting is not None:
            waiting.cancel()
        timer = threading.Timer(DEBOUNCE_SECONDS, _run, args=(map_id, work))
        timer.daemon = True
        _timers[map_id] = timer
        timer.start()


def _run(map_id: str, work: Callable[[], None]) -> None:
    with _timers_lock:
        _timers.pop(map_id, None)
    try:
        work()
    except Exception:  # a failed refresh must never hurt the conversation; the next save retries
        log.exception("refreshing the canvas of map %s failed", map_id)


def _refresh(client: WebClient, store: MapStore, map_id: str) -> None:
    canvas_id = store.canvas_of(map_id)
    if canvas_id is None:
        return
    stored = store.load_by_id(map_id)
    if stored is not None:
        _edit(client, canvas_id, stored.journey_map)
