"""CSV and XLSX for spreadsheets.

CSV is one long table: a row per fact (stage, lane, item, details, owner, evidence, sources,
score), so it filters and pivots and nothing is repeated. Scope and persona rows come first with
an empty stage; the rest follows the journey, stage by stage.

XLSX has a sheet per view: Map (laid out like the canvas, stages across), Touchpoints (one row
each), Pains & actions, KPIs, Persona & scope, and Data (the long table, for pivots), plus the
critique when it was asked for. Every text cell goes through spreadsheet_safe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from bot.exports.appendix import item_line
from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.layout import (
    SCOPE_LABELS,
    Column,
    MapDocument,
    Scorecard,
    Table,
    build_document,
    clean,
    score_text,
)
from bot.exports.palette import LANE_FILLS, SCORE_FILLS
from bot.model import Evidence, EvidenceLink, JourneyMap, Stage
from bot.text import spreadsheet_safe

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as XlCell
    from openpyxl.worksheet.worksheet import Worksheet

Value = str | int | None

LONG_HEADER = ("Stage", "Lane", "Item", "Details", "Owner", "Evidence", "Sources", "Score")
TOUCHPOINT_HEADER = (
    "Stage",
    "Touchpoint",
    "Channel",
    "Owner",
    "Customer action",
    "Customer thought",
    "Emotion score",
    "Emotion",
    "Evidence",
    "Sources",
)
HIGHLIGHT_HEADER = ("Kind", "Stage", "Touchpoint", "Text", "Evidence", "Sources")
PERSONA_HEADER = ("Persona", "About", "Goals", "Needs", "Frustrations", "Source", "Evidence")
NAVY_HEX = "1F3A5F"
MIN_WIDTH = 8
MAX_WIDTH = 60
MAP_COLUMN_WIDTH = 34


# --- the long table ---------------------------------------------------------------------------


def long_rows(m: JourneyMap) -> list[tuple[Value, ...]]:
    return [tuple(_safe(v) for v in row) for row in _facts(m)]


def _facts(m: JourneyMap) -> Iterator[tuple[Value, ...]]:
    yield ("", "Map", "Title", m.title, m.owner, "", "", None)
    for name, label in SCOPE_LABELS:
        text = getattr(m.scope, name)
        if text:
            yield ("", "Scope", label, text, "", "", "", None)
    for persona in m.personas:
        yield (
            "",
            "Persona",
            persona.name,
            persona.description,
            "",
            *_evidence(persona.evidence),
            None,
        )
        for lane, values in (
            ("Persona goal", persona.goals),
            ("Persona need", persona.needs),
            ("Persona frustration", persona.frustrations),
        ):
            for value in values:
                yield ("", lane, value, persona.name, "", "", "", None)
        if persona.data_source:
            yield ("", "Persona source", persona.data_source, persona.name, "", "", "", None)
    for stage in m.stages:
        yield from _stage_facts(m, stage)
    for action in m.actions:
        if _stage_of(m, action.stage_id, action.pain_point_id) is None:
            yield (
                "",
                "Action",
                action.description,
                _action_details(m, action),
                action.owner,
                "",
                "",
                None,
            )
    for kpi in m.kpis:
        if _stage_of(m, kpi.stage_id, kpi.pain_point_id) is None:
            yield ("", "KPI", kpi.name, _kpi_details(kpi), kpi.owner, "", "", None)


def _stage_facts(m: JourneyMap, stage: Stage) -> Iterator[tuple[Value, ...]]:
    name = stage.name
    yield (name, "Stage", name, stage.description, "", "", "", None)
    for tp in m.touchpoints_in(stage.id):
        yield (
            name,
            "Touchpoint",
            tp.description,
            tp.channel,
            tp.owner,
            *_evidence(tp.evidence),
            None,
        )
        if tp.customer_action:
            yield (name, "Customer action", tp.customer_action, tp.description, "", "", "", None)
        if tp.customer_thought:
            yield (name, "Customer thought", tp.customer_thought, tp.description, "", "", "", None)
    emotion = m.emotion_for(stage.id)
    if emotion is not None:
        yield (
            name,
            "Emotion",
            emotion.label,
            emotion.quote,
            "",
            *_evidence(emotion.evidence),
            emotion.score,
        )
    for lane, items in (
        ("Pain point", m.pain_points),
        ("Delight", m.delight_points),
        ("Moment of truth", m.moments_of_truth),
    ):
        for item in items:
            if item.stage_id == stage.id:
                on = m.find("touchpoint", item.touchpoint_id) if item.touchpoint_id else None
                where = on.description if on else ""
                yield (name, lane, item.text, where, "", *_evidence(item.evidence), None)
    for action in m.actions:
        if _stage_of(m, action.stage_id, action.pain_point_id) == stage.id:
            yield (
                name,
                "Action",
                action.description,
                _action_details(m, action),
                action.owner,
                "",
                "",
                None,
            )
    for kpi in m.kpis:
        if _stage_of(m, kpi.stage_id, kpi.pain_point_id) == stage.id:
            yield (name, "KPI", kpi.name, _kpi_details(kpi), kpi.owner, "", "", None)


def _stage_of(m: JourneyMap, stage_id: str | None, pain_id: str | None) -> str | None:
    if stage_id is not None:
        return stage_id
    pain = m.find("pain", pain_id) if pain_id else None
    return pain.stage_id if pain else None


def _action_details(m: JourneyMap, action: Any) -> str:
    pain = m.find("pain", action.pain_point_id) if action.pain_point_id else None
    parts = [
        f"due {action.due:%Y-%m-%d}" if action.due else "",
        f"for: {pain.text}" if pain else "",
        "done" if action.done else "open",
    ]
    return "; ".join(p for p in parts if p)


def _kpi_details(kpi: Any) -> str:
    figures = (
        " → ".join(p or "?" for p in (kpi.baseline, kpi.target))
        if kpi.baseline or kpi.target
        else ""
    )
    return "; ".join(p for p in (figures, kpi.definition) if p)


def _evidence(evidence: Evidence) -> tuple[str, str]:
    return evidence.level.value, "; ".join(_link(link) for link in evidence.links)


def _link(link: EvidenceLink) -> str:
    """'data: application funnel analytics', 'slack: “We never got the email” <https://…>'."""
    text = f"“{link.text}”" if link.kind == "quote" else link.text
    return f"{link.kind}: {text}" + (f" <{link.url}>" if link.url else "")


def _safe(value: Value) -> Value:
    return spreadsheet_safe(clean(value)) if isinstance(value, str) else value


def render_csv(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    """UTF-8 with a byte-order mark, which Excel needs to read non-ASCII text right."""
    rows = long_rows(journey_map)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LONG_HEADER)
    writer.writerows(rows)
    content = buffer.getvalue().encode("utf-8-sig")
    return export_file(journey_map.title, "csv", content, f"CSV, {count(len(rows), 'row')}")


# --- the workbook -----------------------------------------------------------------------------


def touchpoint_rows(m: JourneyMap) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for stage in m.stages:
        emotion = m.emotion_for(stage.id)
        for tp in m.touchpoints_in(stage.id):
            rows.append(
                tuple(
                    _safe(v)
                    for v in (
                        stage.name,
                        tp.description,
                        tp.channel,
                        tp.owner,
                        tp.customer_action,
                        tp.customer_thought,
                        emotion.score if emotion else None,
                        emotion.label if emotion else "",
                        *_evidence(tp.evidence),
                    )
                )
            )
    return rows


def render_xlsx(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    from openpyxl import Workbook

    document = build_document(journey_map, extras)
    book = Workbook()
    _map_sheet(book.worksheets[0], document)
    touchpoints = touchpoint_rows(journey_map)
    sheet = book.create_sheet("Touchpoints")
    _write_table(sheet, 1, TOUCHPOINT_HEADER, touchpoints)
    _filtered(sheet)
    _pains_and_actions(book.create_sheet("Pains & actions"), document)
    sheet = book.create_sheet("KPIs")
    _write_table(sheet, 1, document.kpis.header, _cells(document.kpis))
    _filtered(sheet)
    _persona_and_scope(book.create_sheet("Persona & scope"), document)
    data = book.create_sheet("Data")
    _write_table(data, 1, LONG_HEADER, long_rows(journey_map))
    _filtered(data)
    if document.scorecard is not None:
        _scorecard(book.create_sheet("Critique"), document.scorecard)
    for sheet in book.worksheets[1:]:
        _fit_columns(sheet)
    for sheet in book.worksheets:
        _print_landscape_one_page_wide(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    summary = (
        f"Excel workbook, {count(len(document.columns), 'stage')}, "
        f"{count(len(touchpoints), 'touchpoint')}, {count(len(document.kpis.rows), 'KPI')}, "
        f"{count(len(document.actions.rows), 'action')}"
        + (", with the critique" if document.scorecard else "")
    )
    return export_file(journey_map.title, "xlsx", buffer.getvalue(), summary)


def _map_sheet(sheet: Worksheet, document: MapDocument) -> None:
    """As on the canvas: title, the persona and scope line, stages across with only the lanes
    that have content, then the KPI strip."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.title = "Map"
    _put(sheet, 1, 1, document.title).font = Font(bold=True, size=16, color=NAVY_HEX)
    _put(sheet, 2, 1, document.subtitle).font = Font(italic=True, color="607D8B")
    _put(sheet, 3, 1, _safe(_persona_and_scope_line(document)))
    header = ("Lane", *(column.name for column in document.columns))
    _write_table(sheet, 4, header, [])
    row = 5
    for lane in document.lanes:
        if not any(lane.cells):
            continue
        _put(sheet, row, 1, lane.title).font = Font(bold=True, color=NAVY_HEX)
        for index, items in enumerate(lane.cells):
            if lane.key == "emotion":
                column = document.columns[index]
                text = "\n".join([_feeling(column), *(i.note for i in items if i.note)])
            else:
                text = "\n".join(f"• {item_line(lane.key, item)}" for item in items)
            cell = _put(sheet, row, index + 2, _safe(text))
            fill = None
            if lane.key == "emotion" and document.columns[index].score is not None:
                fill = SCORE_FILLS[document.columns[index].score or 0]
            elif lane.key in LANE_FILLS and items:
                fill = LANE_FILLS[lane.key]
            if fill:
                cell.fill = PatternFill("solid", start_color=fill.lstrip("#"))
        row += 1
    for index, kpi in enumerate(document.kpis.rows):
        name, _definition, baseline, target, owner, stage = kpi
        figures = " → ".join(p or "?" for p in (baseline, target))
        text = "\n".join(p for p in (name, figures, f"Owner: {owner}" if owner else "", stage) if p)
        if index == 0:
            _put(sheet, row + 1, 1, "KPIs").font = Font(bold=True, color=NAVY_HEX)
        _put(sheet, row + 1, index + 2, _safe(text)).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 20
    for index in range(len(document.columns)):
        sheet.column_dimensions[get_column_letter(index + 2)].width = MAP_COLUMN_WIDTH
    sheet.freeze_panes = "B5"


def _persona_and_scope_line(document: MapDocument) -> str:
    """'Maya, first-time buyer — goal: … · Objective: … · Scenario: … · Journey: … → …'."""
    parts = []
    if document.personas:
        persona = document.personas[0]
        parts.append(persona.name + (f" — goal: {persona.goal}" if persona.goal else ""))
    scope = dict(document.scope)
    journey = " → ".join(p for p in (scope.get("Journey starts"), scope.get("Journey ends")) if p)
    for label, text in (
        ("Objective", scope.get("Objective", "")),
        ("Scenario", scope.get("Scenario", "")),
        ("Journey", journey),
    ):
        if text:
            parts.append(f"{label}: {text}")
    return " · ".join(parts)


def _feeling(column: Column) -> str:
    """'anxious (−2)': the word first, so no cell starts like a formula."""
    if column.score is None:
        return column.feeling
    score = score_text(column.score).replace("-", "−")  # a minus sign
    return f"{column.feeling} ({score})" if column.feeling else f"({score})"


def _pains_and_actions(sheet: Worksheet, document: MapDocument) -> None:
    rows = [
        (h.kind, *h.where.split(" › ", 1), h.text)
        if " › " in h.where
        else (h.kind, h.where, "", h.text)
        for h in document.highlights
    ]
    table = Table(HIGHLIGHT_HEADER[:4], tuple(tuple(r) for r in rows), (1, 1, 1, 1))
    row = _titled_table(sheet, 1, "Pain points, delights and moments of truth", table)
    _titled_table(sheet, row + 1, "Actions", document.actions)
    sheet.freeze_panes = "A3"


def _persona_and_scope(sheet: Worksheet, document: MapDocument) -> None:
    scope = Table(("Scope", ""), document.scope, (1, 3))
    row = _titled_table(sheet, 1, "Scope", scope)
    people = []
    for persona in document.personas:
        facts = dict(persona.facts)
        people.append(
            (
                persona.name,
                persona.description,
                *(
                    facts.get(k, "")
                    for k in ("Goals", "Needs", "Frustrations", "Source", "Evidence")
                ),
            )
        )
    _titled_table(sheet, row + 1, "Personas", Table(PERSONA_HEADER, tuple(people), (1,) * 7))


def _scorecard(sheet: Worksheet, card: Scorecard) -> None:
    from openpyxl.styles import Font

    areas = [(_safe(area), int(score)) for area, score in card.areas.rows]
    row = _write_table(sheet, 1, card.areas.header, areas)
    if card.overall is not None:
        _put(sheet, row, 1, "Overall").font = Font(bold=True, size=13)
        _put(sheet, row, 2, card.overall).font = Font(bold=True, size=13)
        row += 1
    if card.findings:
        findings = Table(("Finding",), tuple((finding,) for finding in card.findings), (1,))
        _titled_table(sheet, row + 1, "Top findings", findings)
    sheet.freeze_panes = "A2"


def _cells(table: Table) -> list[tuple[Value, ...]]:
    return [tuple(_safe(c) for c in r) for r in table.rows]


def _titled_table(sheet: Worksheet, row: int, title: str, table: Table) -> int:
    """Write a title line and the table from `row`; return the first free row after it."""
    from openpyxl.styles import Font

    _put(sheet, row, 1, title).font = Font(bold=True, size=13)
    return _write_table(sheet, row + 1, table.header, _cells(table)) + 1


def _write_table(
    sheet: Worksheet, row: int, header: Sequence[str], rows: Sequence[Sequence[Value]]
) -> int:
    from openpyxl.styles import Font, PatternFill

    for column, name in enumerate(header, 1):
        cell = _put(sheet, row, column, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", start_color=NAVY_HEX)
    for offset, values in enumerate(rows, 1):
        for column, value in enumerate(values, 1):
            _put(sheet, row + offset, column, value)
    return row + len(rows) + 1


def _filtered(sheet: Worksheet) -> None:
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _put(sheet: Worksheet, row: int, column: int, value: Value) -> XlCell:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment

    cell = cast("XlCell", sheet.cell(row=row, column=column))  # never a merged one: we merge none
    if isinstance(value, str):
        # Set after the value, which makes openpyxl guess a type (a leading '=' means formula).
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _fit_columns(sheet: Worksheet) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.column is None:
                continue
            longest = max((len(line) for line in str(cell.value or "").split("\n")), default=0)
            if cell.column is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _print_landscape_one_page_wide(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
