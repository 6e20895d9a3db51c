"""Stages across the top: the header row names the stages, the first column names each row's
lane (touchpoints, emotions, pains, …). Rows with an empty name continue the row above; a
column with an empty header continues the stage to its left (a header merged over it)."""

from __future__ import annotations

from collections import defaultdict

from bot.critique.imports.cells import flat, items
from bot.critique.imports.draft import Anchor, Preamble, StageDraft, align
from bot.critique.imports.emotions import scale_hint
from bot.critique.imports.kpis import looks_like_kpi
from bot.critique.imports.names import Lane, lane_of, preamble_key
from bot.critique.imports.problem import ImportProblem
from bot.critique.imports.report import ImportReport
from bot.text import truncate

# Lanes read as whole cells (one feeling per cell); every other lane is split into items.
_WHOLE = {Lane.EMOTION, Lane.EMOTION_SCORE}
Cells = dict[Lane, dict[int, list[str]]]


def read(
    header: list[str], rows: list[list[str]], preamble: Preamble, report: ImportReport
) -> list[StageDraft]:
    width = max(len(header), *(len(r) for r in rows)) if rows else len(header)
    cells: Cells = defaultdict(lambda: defaultdict(list))
    lane: Lane | None = None
    known_rows = 0
    for row in rows:
        name = flat(row[0])
        if name:
            lane = lane_of(name)
            if lane is not None:
                known_rows += 1
            hint = scale_hint(name) if lane in _WHOLE else None
            if hint is not None:
                preamble.scale = hint
                report.convert(f"emotions on the {hint.value} scale the row name gives, to −2..+2")
        if lane is None or lane is Lane.IGNORED:
            _ignore(name, row, preamble, report)
            continue
        for column in range(1, len(row)):
            if row[column].strip():
                cells[lane][column] += _items(lane, row[column])
    if rows and not known_rows and not cells:
        raise _no_lanes([flat(r[0]) for r in rows if flat(r[0])])
    _read_personas(cells, preamble)
    if Lane.EMOTION_SCORE in cells and Lane.EMOTION in cells:  # then "Emotion" holds the word
        cells[Lane.EMOTION_LABEL] = cells.pop(Lane.EMOTION)
    return _stages(header, cells, width, report)


def _items(lane: Lane, cell: str) -> list[str]:
    if lane in _WHOLE:
        return [cell]
    if lane is Lane.KPI and looks_like_kpi(cell):
        return items(cell, semicolons=False)
    return items(cell)


def _ignore(name: str, row: list[str], preamble: Preamble, report: ImportReport) -> None:
    if not any(flat(cell) for cell in row[1:]):
        return
    key = preamble_key(name) if name else None
    if key == "title" or key is None:
        report.ignore(f"the row '{truncate(name or '(no name)', 40)}'")
        return
    report.ignore(f"the row '{truncate(name, 40)}' (not a journey lane)")


def _read_personas(cells: Cells, preamble: Preamble) -> None:
    """A Persona row inside the table names the map's persona(s), not stages."""
    for _, names in sorted(cells.pop(Lane.PERSONA, {}).items()):
        for name in names:
            preamble.persona(name)


def _stages(header: list[str], cells: Cells, width: int, report: ImportReport) -> list[StageDraft]:
    stages: list[StageDraft] = []
    by_column: dict[int, StageDraft] = {}
    for column in range(1, width):
        name = flat(header[column]) if column < len(header) else ""
        used = any(column in by_lane for by_lane in cells.values())
        if not name and not used:
            continue
        if not name and stages:
            by_column[column] = stages[-1]
            report.guess(
                f"column {column + 1} has no stage name, so I read it as part of "
                f"'{truncate(stages[-1].name, 30)}' (a header merged over it)"
            )
            continue
        if not name:
            name = f"Stage {len(stages) + 1}"
            report.guess(f"column {column + 1} has no stage name; I called it '{name}'")
        existing = next((s for s in stages if s.name.casefold() == name.casefold()), None)
        if existing is None:
            existing = StageDraft(name=name)
            stages.append(existing)
        by_column[column] = existing
    for column, stage in by_column.items():
        _fill(stage, cells, column)
    return stages


def _fill(stage: StageDraft, cells: Cells, column: int) -> None:
    def lane(which: Lane) -> list[str]:
        return list(cells.get(which, {}).get(column, []))

    stage.descriptions += lane(Lane.STAGE_DESCRIPTION)
    stage.touchpoints += align(
        lane(Lane.TOUCHPOINT),
        lane(Lane.CHANNEL),
        lane(Lane.ACTION),
        lane(Lane.THOUGHT),
        lane(Lane.OWNER),
    )
    stage.emotions += lane(Lane.EMOTION) + lane(Lane.EMOTION_SCORE)
    stage.emotion_labels += lane(Lane.EMOTION_LABEL)
    stage.quotes += lane(Lane.QUOTE)
    stage.pains += [Anchor(t) for t in lane(Lane.PAIN)]
    stage.delights += [Anchor(t) for t in lane(Lane.DELIGHT)]
    stage.moments += [Anchor(t) for t in lane(Lane.MOMENT)]
    stage.opportunities += lane(Lane.OPPORTUNITY)
    stage.kpis += lane(Lane.KPI)
    stage.sources += lane(Lane.EVIDENCE)


def _no_lanes(unknown: list[str]) -> ImportProblem:
    shown = ", ".join(f"'{truncate(n, 30)}'" for n in unknown[:5])
    return ImportProblem(
        f"I found stage names across the top, but none of the row names ({shown}) means "
        "anything to me. Name the rows Touchpoints, Channels, Doing, Thinking, Emotions, "
        "Pain points, Delights, Moments of truth, Opportunities, Owners or KPIs, then import "
        "again."
    )
