"""Block Kit primitives that keep Slack's limits by construction: long text is split or trimmed
here, so no builder can produce a block Slack would reject.

Text given to `mrkdwn`-based helpers must already be escaped (bot.text.slack_escape)."""

from __future__ import annotations

from typing import Any

from bot.text import truncate

Block = dict[str, Any]

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
SECTION_TEXT = 3000
FIELD_TEXT = 2000
FIELDS = 10
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
OPTION_TEXT = 75
OPTION_VALUE = 150
OPTIONS = 100
CONTEXT_ELEMENTS = 10
ACTION_ELEMENTS = 25
MODAL_TEXT = 24  # title, submit and close of a modal
PLACEHOLDER_TEXT = 150
LABEL_TEXT = 2000
MESSAGE_TEXT = 4000

COMMAND_ACTION = "cmd"  # action ids "cmd:…"; the button's value is the command text to run


def mrkdwn(text: str, limit: int = SECTION_TEXT) -> dict[str, str]:
    return {"type": "mrkdwn", "text": truncate(text, limit) or " "}


def plain(text: str, limit: int = SECTION_TEXT) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit) or " ", "emoji": True}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(" ".join(text.split()), HEADER_TEXT)}


def divider() -> Block:
    return {"type": "divider"}


def section(text: str, accessory: dict[str, Any] | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if accessory is not None:
        block["accessory"] = accessory
    return block


def sections(text: str) -> list[Block]:
    """Text of any length as section blocks of at most 3,000 characters each."""
    return [section(chunk) for chunk in split_text(text, SECTION_TEXT)]


def fields_section(fields: list[str]) -> Block:
    return {"type": "section", "fields": [mrkdwn(f, FIELD_TEXT) for f in fields[:FIELDS]]}


def context(*texts: str) -> Block:
    elements = [mrkdwn(t) for t in texts if t][:CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements or [mrkdwn(" ")]}


def button(
    text: str,
    action_id: str,
    value: str | None = None,
    url: str | None = None,
    style: str | None = None,
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(text, BUTTON_TEXT),
        "action_id": action_id,
    }
    if value is not None:
        element["value"] = value[:BUTTON_VALUE]
    if url is not None:
        element["url"] = url
    if style is not None:
        element["style"] = style
    return element


def actions(elements: list[dict[str, Any]], block_id: str | None = None) -> list[Block]:
    """One actions block per 25 elements (none for no elements)."""
    blocks: list[Block] = []
    for start in range(0, len(elements), ACTION_ELEMENTS):
        block: Block = {"type": "actions", "elements": elements[start : start + ACTION_ELEMENTS]}
        if block_id is not None:
            block["block_id"] = block_id if start == 0 else f"{block_id}-{start}"
        blocks.append(block)
    return blocks


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(text, OPTION_TEXT), "value": value[:OPTION_VALUE]}


def split_text(text: str, limit: int) -> list[str]:
    """Chunks of at most `limit` characters, cut at line ends where possible."""
    text = text.strip()
    chunks: list[str] = []
    current = ""
    for line in text.splitlines():
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        chunks.append(current)
    return [c for c in chunks if c.strip()]


def fit(head: list[Block], body: list[Block], tail: list[Block], limit: int) -> list[Block]:
    """head + body + tail in at most `limit` blocks: the body is cut, with a note saying so."""
    if len(head) + len(body) + len(tail) <= limit:
        return head + body + tail
    room = max(limit - len(head) - len(tail) - 1, 0)
    dropped = len(body) - room
    note = context(f"_…{dropped} more block(s) not shown: Slack allows {limit} per message._")
    blocks = head + body[:room] + [note] + tail
    return blocks[:limit]
