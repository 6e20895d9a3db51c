"""One row per touchpoint (as our CSV export writes it) or per stage (as many templates do): a
Stage column and columns such as Channel, Touchpoint, Customer action, Owner, Emotion and Pain
points. An empty Stage cell continues the stage above (merged cells in spreadsheets)."""

from __future__ import annotations

from collections.abc import Callable

from bot.critique.imports.cells import flat, items
from bot.critique.imports.draft import Anchor, Preamble, StageDraft, align
from bot.critique.imports.emotions import scale_hint
from bot.critique.imports.kpis import looks_like_kpi
from bot.critique.imports.names import Lane
from bot.critique.imports.problem import ImportProblem
from bot.critique.imports.report import ImportReport
from bot.text import truncate

Cell = Callable[[Lane], str]


def read(
    header: list[str],
    columns: list[Lane | None],
    rows: list[list[str]],
    preamble: Preamble,
    report: ImportReport,
) -> list[StageDraft]:
    if Lane.EMOTION_SCORE in columns:  # then an "Emotion" column holds the word, as we export
        columns = [Lane.EMOTION_LABEL if c is Lane.EMOTION else c for c in columns]
    _note_columns(header, columns, rows, preamble, report)
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
        for persona in items(cell(Lane.PERSONA)):
            preamble.persona(persona)
    return list(stages.values())


def _note_columns(
    header: list[str],
    columns: list[Lane | None],
    rows: list[list[str]],
    preamble: Preamble,
    report: ImportReport,
) -> None:
    for i, (name, lane) in enumerate(zip(header, columns, strict=False)):
        if lane in (Lane.EMOTION, Lane.EMOTION_SCORE) and scale_hint(name):
            preamble.scale = scale_hint(name)
            report.convert(
                f"emotions on the {preamble.scale} scale the column name gives, to −2..+2"
            )
        filled = any(i < len(row) and row[i].strip() for row in rows)
        if filled and (lane is None or lane is Lane.IGNORED):
            report.ignore(f"the column '{truncate(flat(name) or f'#{i + 1}', 40)}'")


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
    stage.sources += items(cell(Lane.EVIDENCE))
    kpi = cell(Lane.KPI)
    if kpi.strip():
        stage.kpis += items(kpi, semicolons=not looks_like_kpi(kpi))
    fields = [
        (label, flat(cell(lane)))
        for label, lane in (
            ("baseline", Lane.KPI_BASELINE),
            ("target", Lane.KPI_TARGET),
            ("owner", Lane.KPI_OWNER),
        )
    ]
    if stage.kpis and any(value for _, value in fields):
        stage.kpis[-1] += "".join(f", {label} {value}" for label, value in fields if value)
