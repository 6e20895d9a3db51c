"""A map's review reminder, posted once in its thread: who owns it, what changed since the last
review, the open actions, and a button that records the review."""

from __future__ import annotations

import re

from bot.reviews import DueReview
from bot.slack.blocks.kit import (
    COMMAND_ACTION,
    MESSAGE_TEXT,
    Block,
    actions,
    button,
    context,
    sections,
)
from bot.text import slack_escape, truncate

REVIEWED_ACTION = f"{COMMAND_ACTION}:reviewed"
LINES = 15
LINE_CHARS = 200
TITLE_CHARS = 150
# An owner typed as a mention (<@U123|maya>) or given as a bare Slack user id (U123, W123).
_MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
_USER_ID = re.compile(r"^([UW][A-Z0-9]{2,})$")


def owner_mention(owner: str) -> str | None:
    """`<@U…>` when the owner is a Slack user: the one deliberate mention the bot makes."""
    owner = owner.strip()
    match = _MENTION.match(owner) or _USER_ID.match(owner)
    return f"<@{match[1]}>" if match else None


def review_text(review: DueReview) -> str:
    mention = owner_mention(review.owner)
    who = f"{mention} " if mention else ""
    title = slack_escape(truncate(review.title, TITLE_CHARS))
    return truncate(f"{who}“{title}” is due for review.", MESSAGE_TEXT // 4)


def review_blocks(review: DueReview) -> list[Block]:
    mention = owner_mention(review.owner)
    owner = ""
    if mention:
        owner = f"\nOwner: {mention}"
    elif review.owner:
        owner = f"\nOwner: {slack_escape(truncate(review.owner, LINE_CHARS))}"
    else:
        owner = "\nNo owner yet: say `owner: @someone` in this thread."
    title = slack_escape(truncate(review.title, TITLE_CHARS))
    blocks = sections(
        f":alarm_clock: *“{title}” is due for review* "
        f"(every map should be checked against what customers do now).{owner}"
    )
    blocks += sections(_listed("Changed since the last review", review.changes, "nothing"))
    blocks += sections(_listed("Open actions", review.open_actions, "none"))
    blocks.append(
        context("Review the map with the team, then mark it reviewed (or say `reviewed`).")
    )
    blocks += actions(
        [button("Mark reviewed", REVIEWED_ACTION, value="reviewed", style="primary")],
        block_id="review-actions",
    )
    return blocks


def _listed(heading: str, lines: list[str], empty: str) -> str:
    shown = [f"• {slack_escape(truncate(line, LINE_CHARS))}" for line in lines[:LINES]]
    if len(lines) > LINES:
        shown.append(f"_…and {len(lines) - LINES} more_")
    return f"*{heading}*\n" + ("\n".join(shown) or f"_{empty}_")
