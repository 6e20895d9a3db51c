"""The appendix after the canvas, shared by the PDF and the Word document: everything the one-page
canvas had no room for, stage by stage, then the tables, the votes, the numbered sources, and the
critique only when it was asked for."""

from __future__ import annotations

from dataclasses import dataclass

from bot.exports.layout import Column, Item, LaneKey, MapDocument

# Lanes shown per stage, in the order of the canvas; the emotion has its own line.
STAGE_LANES: tuple[LaneKey, ...] = (
    "touchpoints",
    "doing",
    "thinking",
    "pains",
    "delights",
    "moments",
    "opportunities",
)
TITLE = "Appendix"


@dataclass(frozen=True)
class StageDetail:
    number: int
    name: str
    description: str
    emotion: str  # "-2 anxious · “quote” · 4 votes, from -2 to 0 · why: …", "" when unscored
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (lane title, item lines)


def item_line(key: LaneKey, item: Item) -> str:
    """'Online form — website ◆ 5'; a thought in quotes."""
    text = f"“{item.text}”" if key == "thinking" else item.text
    line = f"{text} — {item.note}" if item.note else text
    return f"{line} {item.compact}" if item.compact else line


def stage_details(document: MapDocument) -> list[StageDetail]:
    lanes = {lane.key: lane for lane in document.lanes}
    details = []
    for index, column in enumerate(document.columns):
        rows = []
        for key in STAGE_LANES:
            lane = lanes[key]
            items = lane.cells[index]
            if items:
                rows.append((lane.title, tuple(item_line(key, item) for item in items)))
        emotions = lanes["emotion"].cells[index]
        details.append(
            StageDetail(
                index + 1,
                column.name,
                column.description,
                emotion_line(column, emotions[0] if emotions else None),
                tuple(rows),
            )
        )
    return details


def emotion_line(column: Column, emotion: Item | None) -> str:
    parts = [column.emotion]
    if emotion is not None:
        if emotion.note:
            parts.append(emotion.note)
        if emotion.compact:
            parts.append(emotion.compact)
    return " · ".join(part for part in parts if part)


def vote_lines(document: MapDocument) -> list[tuple[str, str]]:
    """(stage, 'settled at -1 worried, 4 votes, from -2 to 0. Why: …') for stages with votes
    or a recorded reason."""
    lines = []
    for column in document.columns:
        if not (column.votes or column.reason):
            continue
        settled = f"settled at {column.emotion}" if column.emotion else "not settled"
        line = ", ".join(part for part in (settled, column.spread) if part)
        why = f". Why: {column.reason}" if column.reason else ""
        lines.append((column.name, f"{line}{why}"))
    return lines
