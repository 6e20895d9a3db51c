"""Reading Slack payloads into plain values: who said what, where; which thread a click was in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storage import MapKey

# Message subtypes that carry a person's words; edits, deletes, joins and the like do not.
ANSWER_SUBTYPES = {None, "thread_broadcast", "file_share"}

_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
_NEW_MAP = re.compile(
    r"^(?:new|start)\b(?:\s+(?:journey\s+)?map\b)?(?:\s+(?:for|about|:))?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Message:
    team: str
    channel: str
    ts: str
    thread_ts: str | None
    user: str
    text: str
    mentions_bot: bool

    @property
    def thread_key(self) -> MapKey | None:
        if self.thread_ts is None:
            return None
        return MapKey(workspace=self.team, channel=self.channel, thread=self.thread_ts)


def is_person_message(event: dict[str, Any]) -> bool:
    """A message a person wrote (not a bot, not an edit, delete, join…)."""
    return (
        event.get("subtype") in ANSWER_SUBTYPES
        and not event.get("bot_id")
        and not event.get("bot_profile")
        and not event.get("hidden")
        and bool(event.get("user"))
    )


def read_message(event: dict[str, Any], team: str, bot_user_id: str | None) -> Message:
    raw = event.get("text") or ""
    mention = f"<@{bot_user_id}>" if bot_user_id else None
    thread_ts = event.get("thread_ts")
    return Message(
        team=team,
        channel=event.get("channel", ""),
        ts=event.get("ts", ""),
        thread_ts=thread_ts if thread_ts and thread_ts != event.get("ts") else None,
        user=event.get("user", ""),
        text=from_slack(raw.replace(mention, " ") if mention else raw),
        mentions_bot=bool(mention and mention in raw),
    )


def from_slack(text: str) -> str:
    """Slack's message markup as the words a person typed: entities decoded, links and channel
    names as text. Mentions (<@U…>, <!here>…) stay as they are; renderers escape them."""
    text = _LINK.sub(lambda m: m[2] if m[2] and m[2] in m[1] else _labelled(m[1], m[2]), text)
    text = _CHANNEL.sub(r"#\1", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text.strip()


def _labelled(url: str, label: str | None) -> str:
    url = url.removeprefix("mailto:")
    return f"{label} ({url})" if label and label != url else url


def new_map_title(text: str) -> str | None:
    """The title in "new map for first-time buyers" (None when the text asks something else)."""
    match = _NEW_MAP.match(text.strip())
    if match is None:
        return None
    return match[1].strip(" :-\n") or ""


def split_command(text: str) -> tuple[str, str]:
    """`/journey export pdf Mortgage` -> ("export", "pdf Mortgage")."""
    name, _, argument = text.strip().partition(" ")
    return name.lower(), argument.strip()


def action_thread(body: dict[str, Any]) -> MapKey | None:
    """The thread a button was clicked in (the message's thread, or the message itself when it
    is the thread's root)."""
    message = body.get("message") or {}
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    thread = (
        message.get("thread_ts")
        or container.get("thread_ts")
        or message.get("ts")
        or container.get("message_ts")
    )
    team = team_of(body)
    if not (channel and thread and team):
        return None
    return MapKey(workspace=team, channel=channel, thread=thread)


def team_of(body: dict[str, Any]) -> str:
    """The workspace that installed the app, which keys its maps: in a Slack Connect channel an
    event's `team_id` may be another organisation's, so `authorizations[0].team_id` wins (the
    order Bolt uses for `context.team_id`). A modal opened in a shared channel carries
    `view.app_installed_team_id`; an interaction's `team` is the app's workspace."""
    view = body.get("view")
    if isinstance(view, dict) and view.get("app_installed_team_id"):
        return str(view["app_installed_team_id"])
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    if isinstance(team, str) and team:
        return team
    authorizations = body.get("authorizations")
    if isinstance(authorizations, list) and authorizations:
        first = authorizations[0]
        if isinstance(first, dict) and first.get("team_id"):
            return str(first["team_id"])
    user = body.get("user")
    return str(body.get("team_id") or (user.get("team_id") if isinstance(user, dict) else "") or "")
