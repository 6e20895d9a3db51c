"""DOCX: a Word document to hand round, with the journey grid on landscape pages.

Order: title and scope, persona cards, the grid (lanes as rows, at most STAGES_PER_PAGE stages per
table), the emotion curve picture, pain points and the like, KPIs, actions, critique scorecard.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.emotion_chart import emotion_chart
from bot.exports.layout import Item, Lane, MapDocument, Table, build_document
from bot.exports.palette import LABEL_FILL, LANE_FILLS, MUTED, NAVY, SCORE_FILLS
from bot.exports.sourcing import LEGEND
from bot.model import JourneyMap

A4_SHORT, A4_LONG = Cm(21), Cm(29.7)
MARGIN = Cm(1.8)
LANE_COLUMN = Cm(3.4)
BODY_SIZE = Pt(10)
TABLE_SIZE = Pt(9)
GRID_SIZE = Pt(8.5)
SCOPE_WEIGHTS = (1, 3)
NOTE_SIZE = Pt(7.5)
WHITE = "FFFFFF"


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    word = Document()
    _setup(word, document.title)
    _front(word, document)
    _new_section(word, landscape=True)
    _grid(word, document)
    _emotion_curve(word, document)
    _new_section(word, landscape=False)
    _highlights(word, document)
    _evidence(word, document)
    _table_section(word, "KPIs", document.kpis)
    _table_section(word, "Actions", document.actions)
    _scorecard(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    stages = count(len(document.columns), "stage")
    touchpoints = count(sum(len(cell) for cell in document.lanes[0].cells), "touchpoint")
    summary = f"Word document, {stages}, {touchpoints}"
    return export_file(document.title, "docx", buffer.getvalue(), summary)


def _setup(word: WordDocument, title: str) -> None:
    word.core_properties.title = title
    word.styles["Normal"].font.size = BODY_SIZE
    section = word.sections[0]
    section.page_width, section.page_height = A4_SHORT, A4_LONG
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def _new_section(word: WordDocument, landscape: bool) -> None:
    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.page_width, section.page_height = width, height


def _usable_width(word: WordDocument) -> Length:
    section = word.sections[-1]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None  # set by our page setup
    return Length(page - left - right)


def _front(word: WordDocument, document: MapDocument) -> None:
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle).runs[0].font.color.rgb = RGBColor.from_string(MUTED[1:])
    word.add_heading("Scope", level=1)
    if document.scope:
        table = _table(word, Table((), document.scope, SCOPE_WEIGHTS), header=False)
        for row in table.rows:
            _fill(row.cells[0], LABEL_FILL)
            row.cells[0].paragraphs[0].runs[0].bold = True
    else:
        _none_yet(word, "No scope yet.")
    word.add_heading("Personas", level=1)
    if not document.personas:
        _none_yet(word, "No personas yet.")
    for persona in document.personas:
        card = word.add_table(rows=1, cols=1)
        card.style = "Table Grid"
        cell = card.cell(0, 0)
        _fill(cell, LABEL_FILL)
        name = cell.paragraphs[0].add_run(persona.name)
        name.bold, name.font.size = True, Pt(12)
        if persona.description:
            cell.add_paragraph(persona.description)
        for label, text in persona.facts:
            paragraph = cell.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
        word.add_paragraph()


def _grid(word: WordDocument, document: MapDocument) -> None:
    word.add_heading("Journey map", level=1)
    if not document.columns:
        _none_yet(word, "No stages yet.")
    pages = document.pages()
    for number, page in enumerate(pages):
        if len(pages) > 1:
            total = len(document.columns)
            word.add_heading(f"Stages {page.start + 1}–{page.stop} of {total}", level=2)
        table = word.add_table(rows=1 + len(document.lanes), cols=1 + len(page))
        table.style = "Table Grid"
        stage_width = (_usable_width(word) - LANE_COLUMN) // len(page)
        _column_widths(table, [LANE_COLUMN, *[Length(stage_width)] * len(page)])
        _header_row(table.rows[0], ["", *(document.columns[i].name for i in page)])
        for row, lane in zip(table.rows[1:], document.lanes, strict=True):
            _lane_row(row, lane, page, document)
        if number < len(pages) - 1:
            word.add_page_break()


def _lane_row(row: _Row, lane: Lane, page: range, document: MapDocument) -> None:
    title = row.cells[0]
    _fill(title, LABEL_FILL)
    _text(title.paragraphs[0], lane.title, bold=True)
    for cell, index in zip(row.cells[1:], page, strict=True):
        _items(cell, lane.cells[index])
        score = document.columns[index].score
        if lane.key == "emotion" and score is not None:
            _fill(cell, SCORE_FILLS[score])
        elif lane.key in LANE_FILLS and lane.cells[index]:
            _fill(cell, LANE_FILLS[lane.key])


def _items(cell: _Cell, items: Sequence[Item]) -> None:
    for n, item in enumerate(items):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(3)
        _text(paragraph, item.text)
        if item.note:
            note = paragraph.add_run(f"\n{item.note}")
            note.font.size, note.italic = NOTE_SIZE, True
            note.font.color.rgb = RGBColor.from_string(MUTED[1:])
        if item.mark:
            mark = paragraph.add_run(f"\n{item.mark}")
            mark.font.size = NOTE_SIZE
            mark.font.color.rgb = RGBColor.from_string(MUTED[1:])


def _text(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, GRID_SIZE


def _emotion_curve(word: WordDocument, document: MapDocument) -> None:
    word.add_heading("Emotion curve", level=1)
    picture = emotion_chart(document.columns, document.compare)
    if picture is None:
        _none_yet(word, "No emotions scored yet.")
    else:
        word.add_picture(io.BytesIO(picture), width=_usable_width(word))
    if document.compare is not None:
        _muted(word.add_paragraph(), document.compare.caption)
    for column in document.columns:
        if not (column.votes or column.reason):
            continue
        paragraph = word.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{column.name}: ").bold = True
        settled = f"settled at {column.emotion}" if column.emotion else "not settled"
        paragraph.add_run(", ".join(part for part in (settled, column.spread) if part))
        if column.reason:
            paragraph.add_run(". Why: ").italic = True
            paragraph.add_run(column.reason)


def _muted(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size = NOTE_SIZE
    run.font.color.rgb = RGBColor.from_string(MUTED[1:])


def _evidence(word: WordDocument, document: MapDocument) -> None:
    summary = document.evidence
    if summary is None:
        return
    word.add_heading("Evidence", level=1)
    word.add_paragraph().add_run(summary.overall_line).bold = True
    for stage in summary.stages:
        paragraph = word.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{stage.name}: ").bold = True
        paragraph.add_run(stage.text)
    _muted(word.add_paragraph(), LEGEND)
    if summary.sources:
        word.add_heading("Sources", level=2)
    for source in summary.sources:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(f"{source.number}. {source.label}: ").bold = True
        paragraph.add_run(f"“{source.text}”" if source.kind == "quote" else source.text)
        if source.url:
            paragraph.add_run(f" — {source.url}")
        if source.cited:
            _muted(paragraph, f" — {source.cited}")


def _highlights(word: WordDocument, document: MapDocument) -> None:
    word.add_heading("Pain points, delights and moments of truth", level=1)
    if not document.highlights:
        _none_yet(word, "None yet.")
    for highlight in document.highlights:
        paragraph = word.add_paragraph(style="List Bullet")
        paragraph.add_run(highlight.kind).bold = True
        paragraph.add_run(f" ({highlight.where}): " if highlight.where else ": ")
        paragraph.add_run(highlight.text)


def _table_section(word: WordDocument, title: str, table: Table) -> None:
    word.add_heading(title, level=1)
    if table.rows:
        _table(word, table, header=True)
    else:
        _none_yet(word, "None yet.")


def _scorecard(word: WordDocument, document: MapDocument) -> None:
    card = document.scorecard
    if card is None:
        return
    _table_section(word, "Critique scorecard", card.areas)
    if card.overall is not None:
        word.add_paragraph().add_run(f"Overall: {card.overall}/100").bold = True
    if card.findings:
        word.add_paragraph("Top findings:")
    for finding in card.findings:
        word.add_paragraph(finding, style="List Number")


def _table(word: WordDocument, content: Table, header: bool) -> WordTable:
    table = word.add_table(rows=header + len(content.rows), cols=len(content.weights))
    table.style = "Table Grid"
    if header:
        _header_row(table.rows[0], content.header)
    for row, values in zip(table.rows[header:], content.rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(value).font.size = TABLE_SIZE
    unit = _usable_width(word) / sum(content.weights)
    _column_widths(table, [Length(int(unit * weight)) for weight in content.weights])
    return table


def _header_row(row: _Row, names: Sequence[str]) -> None:
    """Navy, white and bold, repeated at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")
    for cell, name in zip(row.cells, names, strict=True):
        _fill(cell, NAVY)
        run = cell.paragraphs[0].add_run(name)
        run.bold, run.font.size = True, Pt(9.5)
        run.font.color.rgb = RGBColor.from_string(WHITE)


def _row_flag(row: _Row, name: str) -> None:
    """Set a row property python-docx has no API for."""
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _column_widths(table: WordTable, widths: Sequence[Length]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _fill(cell: _Cell, colour: str) -> None:
    """Shade a cell: python-docx has no API for it, so write the w:shd element."""
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shade)


def _none_yet(word: WordDocument, text: str) -> None:
    word.add_paragraph().add_run(text).italic = True
