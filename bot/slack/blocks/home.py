"""App Home and `/journey list`: the maps a person may see, newest change first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.engine.steps import STEP_ORDER
from bot.model import Step
from bot.reviews import DueReview
from bot.slack.blocks.kit import (
    MESSAGE_BLOCKS,
    VIEW_BLOCKS,
    Block,
    actions,
    button,
    context,
    header,
    section,
)
from bot.text import slack_escape, truncate
from storage import MapSummary

HOME_OPEN_ACTION = "home:open"
HOME_EXPORT_ACTION = "home:export"
HOME_REVIEWED_ACTION = "home:reviewed"
DUE_SHOWN = 10
TITLE_CHARS = 150


@dataclass(frozen=True)
class MapEntry:
    summary: MapSummary
    permalink: str | None = None


def home_view(
    entries: list[MapEntry], notice: str = "", due: Sequence[DueReview] = ()
) -> dict[str, Any]:
    blocks = [
        header("Your journey maps"),
        context(
            "Maps in channels you are a member of. Start one with `/journey new <title>` "
            "or by mentioning me in a channel."
        ),
    ]
    if notice:
        blocks.append(section(slack_escape(notice)))
    blocks += due_blocks(due)
    if due:
        blocks.append(header("All your maps"))
    room = (VIEW_BLOCKS - len(blocks) - 1) // 2
    for entry in entries[:room]:
        blocks.append(section(entry_text(entry)))
        blocks += actions(home_buttons(entry), block_id=f"map:{entry.summary.id}")
    if not entries:
        blocks.append(section("_No maps yet in the channels you are in._"))
    elif len(entries) > room:
        blocks.append(context(f"_…and {len(entries) - room} older maps._"))
    return {"type": "home", "blocks": blocks}


def due_blocks(due: Sequence[DueReview]) -> list[Block]:
    """Maps due for review, oldest due date first, each with a Mark reviewed button."""
    if not due:
        return []
    ordered = sorted(due, key=lambda r: r.due_at)
    blocks = [header(f":alarm_clock: Due for review ({len(due)})")]
    for review in ordered[:DUE_SHOWN]:
        title = slack_escape(truncate(review.title, TITLE_CHARS))
        when = int(review.due_at.timestamp())
        date = f"<!date^{when}^{{date_short_pretty}}|{review.due_at:%Y-%m-%d}>"
        reviewed = button("Mark reviewed", HOME_REVIEWED_ACTION, value=review.map_id)
        blocks.append(
            section(
                f"*{title}*\n<#{review.key.channel}> · due since {date} · "
                f"{len(review.changes)} change(s), {len(review.open_actions)} open action(s)",
                accessory=reviewed,
            )
        )
    if len(due) > DUE_SHOWN:
        blocks.append(context(f"_…and {len(due) - DUE_SHOWN} more due._"))
    return blocks


def list_blocks(entries: list[MapEntry]) -> list[Block]:
    blocks = [header("Journey maps you can see")]
    room = MESSAGE_BLOCKS - len(blocks) - 1
    for entry in entries[:room]:
        accessory = (
            button("Open", HOME_OPEN_ACTION, url=entry.permalink) if entry.permalink else None
        )
        blocks.append(section(entry_text(entry), accessory=accessory))
    if not entries:
        blocks.append(section("_No maps yet. Start one with `/journey new <title>`._"))
    elif len(entries) > room:
        blocks.append(context(f"_…and {len(entries) - room} older maps (see my App Home)._"))
    return blocks


def entry_text(entry: MapEntry) -> str:
    s = entry.summary
    title = slack_escape(truncate(s.title, TITLE_CHARS))
    when = int(s.updated_at.timestamp())
    changed = f"<!date^{when}^{{date_short_pretty}} {{time}}|{s.updated_at:%Y-%m-%d %H:%M} UTC>"
    return (
        f"*{title}*\n<#{s.key.channel}> · {step_label(s.step)} · {s.status} · "
        f"version {s.version} · changed {changed}"
    )


def home_buttons(entry: MapEntry) -> list[dict[str, Any]]:
    buttons = []
    if entry.permalink:
        buttons.append(button("Open", HOME_OPEN_ACTION, url=entry.permalink))
    buttons.append(button("Export PDF", HOME_EXPORT_ACTION, value=entry.summary.id))
    return buttons


def step_label(step: str) -> str:
    try:
        current = Step(step)
    except ValueError:
        return step
    return f"step {STEP_ORDER.index(current) + 1}/{len(STEP_ORDER)} {current.label}"
