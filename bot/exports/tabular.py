"""CSV and XLSX: one row per touchpoint, for filtering and pivoting in a spreadsheet.

A row's pain points are those anchored on its touchpoint, plus those anchored on its stage but on
no touchpoint (they concern the whole stage). A stage without touchpoints still gets one row, so
its emotion and pain points are not lost. The last two columns are the touchpoint's evidence level
and its sources. Every text cell goes through spreadsheet_safe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.layout import MapDocument, Scorecard, Table, build_document, clean
from bot.model import EvidenceLink, JourneyMap, Stage, Touchpoint
from bot.text import spreadsheet_safe

Value = str | int | None

TOUCHPOINT_HEADER = (
    "Stage",
    "Channel",
    "Touchpoint",
    "Customer action",
    "Customer thought",
    "Owner",
    "Emotion score",
    "Emotion",
    "Pain points",
    "Evidence",
    "Sources",
)
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="1F3A5F")
TITLE_FONT = Font(bold=True, size=13)
MIN_WIDTH = 8
MAX_WIDTH = 60


def touchpoint_rows(journey_map: JourneyMap) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for stage in journey_map.stages:
        touchpoints = journey_map.touchpoints_in(stage.id)
        slots: list[Touchpoint | None] = [*touchpoints] or [None]  # an empty stage keeps a row
        rows += [_row(journey_map, stage, tp) for tp in slots]
    return rows


def _row(journey_map: JourneyMap, stage: Stage, tp: Touchpoint | None) -> tuple[Value, ...]:
    emotion = journey_map.emotion_for(stage.id)
    tp_id = tp.id if tp else None
    pains = [
        p.text
        for p in journey_map.pain_points
        if p.stage_id == stage.id and p.touchpoint_id in (None, tp_id)
    ]
    texts = (
        (tp.channel, tp.description, tp.customer_action, tp.customer_thought, tp.owner)
        if tp
        else ("",) * 5
    )
    return (
        _text(stage.name),
        *(_text(t) for t in texts),
        emotion.score if emotion else None,
        _text(emotion.label if emotion else ""),
        _text("; ".join(pains)),
        _text(tp.evidence.level.value if tp else ""),
        _text("; ".join(_link(link) for link in tp.evidence.links) if tp else ""),
    )


def _link(link: EvidenceLink) -> str:
    """'data: application funnel analytics', 'slack: “We never got the email” <https://…>'."""
    text = f"“{link.text}”" if link.kind == "quote" else link.text
    return f"{link.kind}: {text}" + (f" <{link.url}>" if link.url else "")


def _text(text: str) -> str:
    return spreadsheet_safe(clean(text))


def render_csv(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    """UTF-8 with a byte-order mark, which Excel needs to read non-ASCII text right."""
    rows = touchpoint_rows(journey_map)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TOUCHPOINT_HEADER)
    writer.writerows(rows)
    content = buffer.getvalue().encode("utf-8-sig")
    return export_file(journey_map.title, "csv", content, f"CSV, {count(len(rows), 'row')}")


def render_xlsx(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    book = Workbook()
    journey = book.worksheets[0]
    journey.title = "Journey"
    rows = touchpoint_rows(journey_map)
    _write_table(journey, 1, TOUCHPOINT_HEADER, rows)
    journey.freeze_panes = "A2"
    journey.auto_filter.ref = journey.dimensions
    _kpis_and_actions(book.create_sheet("KPIs and actions"), document)
    if document.scorecard is not None:
        _scorecard(book.create_sheet("Scorecard"), document.scorecard)
    for sheet in book.worksheets:
        _fit_columns(sheet)
        _print_landscape_one_page_wide(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    summary = (
        f"Excel workbook, {count(len(rows), 'touchpoint row')}, "
        f"{count(len(document.kpis.rows), 'KPI')}, {count(len(document.actions.rows), 'action')}"
    )
    return export_file(journey_map.title, "xlsx", buffer.getvalue(), summary)


def _kpis_and_actions(sheet: Worksheet, document: MapDocument) -> None:
    row = _titled_table(sheet, 1, "KPIs", document.kpis)
    _titled_table(sheet, row, "Actions", document.actions)
    sheet.freeze_panes = "A3"


def _scorecard(sheet: Worksheet, card: Scorecard) -> None:
    areas = [(_text(area), int(score)) for area, score in card.areas.rows]
    row = _write_table(sheet, 1, card.areas.header, areas)
    if card.overall is not None:
        _put(sheet, row, 1, "Overall").font = TITLE_FONT
        _put(sheet, row, 2, card.overall).font = TITLE_FONT
        row += 1
    if card.findings:
        findings = Table(("Finding",), tuple((finding,) for finding in card.findings), (1,))
        _titled_table(sheet, row + 1, "Top findings", findings)
    sheet.freeze_panes = "A2"


def _titled_table(sheet: Worksheet, row: int, title: str, table: Table) -> int:
    """Write a title line and the table from `row`; return the first free row after it."""
    _put(sheet, row, 1, title).font = TITLE_FONT
    cells = [tuple(_text(c) for c in r) for r in table.rows]
    return _write_table(sheet, row + 1, table.header, cells) + 1


def _write_table(
    sheet: Worksheet, row: int, header: Sequence[str], rows: Sequence[Sequence[Value]]
) -> int:
    for column, name in enumerate(header, 1):
        cell = _put(sheet, row, column, name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for offset, values in enumerate(rows, 1):
        for column, value in enumerate(values, 1):
            _put(sheet, row + offset, column, value)
    return row + len(rows) + 1


def _put(sheet: Worksheet, row: int, column: int, value: Value) -> XlCell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, XlCell)  # nothing here is merged
    if isinstance(value, str):
        # Set after the value, which makes openpyxl guess a type (a leading '=' means formula).
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _fit_columns(sheet: Worksheet) -> None:
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            longest = max((len(line) for line in str(cell.value or "").split("\n")), default=0)
            if cell.column is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _print_landscape_one_page_wide(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
