"""Stages across the top: the header row names the stages, the first column names each row's
lane (touchpoints, emotions, pains, …). Rows with an empty name continue the row above."""

from __future__ import annotations

from collections import defaultdict

from bot.critique.imports.cells import flat, items
from bot.critique.imports.draft import Anchor, StageDraft, align
from bot.critique.imports.names import Lane, lane_of
from bot.critique.imports.problem import ImportProblem
from bot.text import truncate

# Lanes read as whole cells (one feeling per cell); every other lane is split into items.
_WHOLE = {Lane.EMOTION, Lane.EMOTION_SCORE}


def read(header: list[str], rows: list[list[str]]) -> list[StageDraft]:
    width = max(len(header), *(len(r) for r in rows))
    cells: dict[Lane, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    lane: Lane | None = None
    unknown: list[str] = []
    for row in rows:
        name = flat(row[0])
        lane = lane_of(name) if name else lane
        if lane is None:
            unknown.append(name)
            continue
        for column in range(1, len(row)):
            if row[column].strip():
                cells[lane][column] += [row[column]] if lane in _WHOLE else items(row[column])
    if not cells:
        raise _no_lanes(unknown)
    if Lane.EMOTION_SCORE in cells and Lane.EMOTION in cells:  # then "Emotion" holds the word
        cells[Lane.EMOTION_LABEL] = cells.pop(Lane.EMOTION)
    used = [c for c in range(1, width) if _column_used(header, cells, c)]
    return [_stage(_name(header, c), cells, c) for c in used]


def _column_used(header: list[str], cells: dict[Lane, dict[int, list[str]]], column: int) -> bool:
    named = column < len(header) and bool(flat(header[column]))
    return named or any(column in by_column for by_column in cells.values())


def _name(header: list[str], column: int) -> str:
    name = flat(header[column]) if column < len(header) else ""
    return name or f"Stage {column}"


def _stage(name: str, cells: dict[Lane, dict[int, list[str]]], column: int) -> StageDraft:
    def lane(which: Lane) -> list[str]:
        return cells.get(which, {}).get(column, [])

    emotion_cells = lane(Lane.EMOTION) + lane(Lane.EMOTION_SCORE)
    return StageDraft(
        name=name,
        descriptions=lane(Lane.STAGE_DESCRIPTION),
        touchpoints=align(
            lane(Lane.TOUCHPOINT),
            lane(Lane.CHANNEL),
            lane(Lane.ACTION),
            lane(Lane.THOUGHT),
            lane(Lane.OWNER),
        ),
        emotions=emotion_cells,
        emotion_labels=lane(Lane.EMOTION_LABEL),
        quotes=lane(Lane.QUOTE),
        pains=[Anchor(t) for t in lane(Lane.PAIN)],
        delights=[Anchor(t) for t in lane(Lane.DELIGHT)],
        moments=[Anchor(t) for t in lane(Lane.MOMENT)],
        opportunities=lane(Lane.OPPORTUNITY),
        kpis=lane(Lane.KPI),
    )


def _no_lanes(unknown: list[str]) -> ImportProblem:
    shown = ", ".join(f"'{truncate(n, 30)}'" for n in unknown[:5])
    return ImportProblem(
        f"I found stage names across the top, but none of the row names ({shown}) means "
        "anything to me. Name the rows Touchpoints, Channels, Doing, Thinking, Emotions, "
        "Pain points, Delights, Moments of truth, Opportunities, Owners or KPIs, then import "
        "again."
    )
