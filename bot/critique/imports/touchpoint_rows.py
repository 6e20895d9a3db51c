"""One row per touchpoint, as our CSV export writes it: a Stage column and columns such as
Channel, Touchpoint, Customer action, Customer thought, Owner, Emotion score, Emotion label and
Pains. An empty Stage cell continues the stage above (merged cells in spreadsheets)."""

from __future__ import annotations

from collections.abc import Callable

from bot.critique.imports.cells import flat, items
from bot.critique.imports.draft import Anchor, StageDraft, align
from bot.critique.imports.names import Lane
from bot.critique.imports.problem import ImportProblem

Cell = Callable[[Lane], str]


def read(columns: list[Lane | None], rows: list[list[str]]) -> list[StageDraft]:
    if Lane.EMOTION_SCORE in columns:  # then an "Emotion" column holds the word, as we export
        columns = [Lane.EMOTION_LABEL if c is Lane.EMOTION else c for c in columns]
    stages: dict[str, StageDraft] = {}
    current: StageDraft | None = None
    for row in rows:
        cell = _reader(columns, row)
        name = flat(cell(Lane.STAGE))
        if name:
            current = stages.setdefault(name.casefold(), StageDraft(name=name))
        elif current is None:
            raise ImportProblem(
                "The first row under the header has no stage. Fill in its Stage cell (later rows "
                "with an empty Stage belong to the stage above), then import again."
            )
        _add_row(current, cell)
    return list(stages.values())


def _reader(columns: list[Lane | None], row: list[str]) -> Cell:
    def cell(lane: Lane) -> str:
        return "\n".join(row[i] for i, c in enumerate(columns) if c is lane and i < len(row))

    return cell


def _add_row(stage: StageDraft, cell: Cell) -> None:
    first = len(stage.touchpoints)
    added = align(
        items(cell(Lane.TOUCHPOINT)),
        items(cell(Lane.CHANNEL)),
        items(cell(Lane.ACTION)),
        items(cell(Lane.THOUGHT)),
        items(cell(Lane.OWNER)),
    )
    stage.touchpoints += added
    anchor = first if len(added) == 1 else None
    stage.descriptions += items(cell(Lane.STAGE_DESCRIPTION))
    stage.emotions += [c for c in (cell(Lane.EMOTION), cell(Lane.EMOTION_SCORE)) if c.strip()]
    stage.emotion_labels += items(cell(Lane.EMOTION_LABEL))
    stage.quotes += items(cell(Lane.QUOTE))
    stage.pains += [Anchor(t, anchor) for t in items(cell(Lane.PAIN))]
    stage.delights += [Anchor(t, anchor) for t in items(cell(Lane.DELIGHT))]
    stage.moments += [Anchor(t, anchor) for t in items(cell(Lane.MOMENT))]
    stage.opportunities += items(cell(Lane.OPPORTUNITY))
    stage.kpis += items(cell(Lane.KPI))
