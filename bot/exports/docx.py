"""DOCX: page 1 is the one-page canvas (bot.exports.overview) as a picture; the appendix follows
(bot.exports.appendix) in real Word styles: Title, Heading 1-2, List Bullet, and the built-in
"Light Grid Accent 1" / "Medium Shading 1 Accent 1" table styles. Every page is landscape, A4
(A3 for a canvas too wide to read on A4).

Text is in Arial: Word has it, and LibreOffice sets it in Liberation Sans, which has the same
metrics, so lines and pages break alike in both.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.exports.appendix import TITLE, stage_details, vote_lines
from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.layout import MapDocument, Table, build_document
from bot.exports.overview import scene_for
from bot.exports.palette import MUTED, NAVY
from bot.exports.scene_png import scene_png
from bot.exports.sourcing import COMPACT_LEGEND_LINE
from bot.model import JourneyMap

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph

FONT = "Arial"
A3_FROM_WIDTH_PT = 1100
CANVAS_PX_PER_PT = 2.5  # a sharp picture at a modest file size
MARGIN_CM = 1.5
LABEL_TABLE_STYLE = "Light Grid Accent 1"
DATA_TABLE_STYLE = "Medium Shading 1 Accent 1"
BODY_PT = 10
TABLE_PT = 9
NOTE_PT = 8


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    from docx import Document

    document = build_document(journey_map, extras)
    scene = scene_for(document)
    word = Document()
    _setup(word, document.title, a3=scene.width > A3_FROM_WIDTH_PT)
    picture, _ = scene_png(scene, CANVAS_PX_PER_PT)
    _canvas_page(word, picture, scene.width / scene.height)
    _appendix(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    stages = count(len(document.columns), "stage")
    touchpoints = count(sum(len(cell) for cell in document.lanes[0].cells), "touchpoint")
    critique = ", with the critique" if document.scorecard else ""
    summary = f"Word document, {stages}, {touchpoints}{critique}"
    return export_file(document.title, "docx", buffer.getvalue(), summary)


def _setup(word: WordDocument, title: str, a3: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor

    word.core_properties.title = title
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet"):
        style = word.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(_qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(_qn(theme), None)
    word.styles["Normal"].font.size = Pt(BODY_PT)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12)):
        word.styles[name].font.size = Pt(size)
        word.styles[name].font.color.rgb = RGBColor.from_string(NAVY[1:])
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    long, short = (Cm(42), Cm(29.7)) if a3 else (Cm(29.7), Cm(21))
    section.page_width, section.page_height = long, short
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


def _canvas_page(word: WordDocument, picture: bytes, ratio: float) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Length

    width, height = _usable(word)
    width = min(width, int(height * 0.97 * ratio))  # leaves the page break room on the page
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.space_after = 0
    paragraph.add_run().add_picture(io.BytesIO(picture), width=Length(width))
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def _appendix(word: WordDocument, document: MapDocument) -> None:
    word.add_heading(f"{TITLE}: {document.title}", level=0)
    _muted(word.add_paragraph(), document.subtitle)
    word.add_heading("Scope", level=1)
    if document.scope:
        _label_table(word, document.scope, (1, 4))
    else:
        _none_yet(word, "No scope yet.")
    word.add_heading("Personas", level=1)
    if not document.personas:
        _none_yet(word, "No personas yet.")
    for persona in document.personas:
        word.add_heading(persona.name, level=2)
        about = [("About", persona.description)] if persona.description else []
        _label_table(word, [*about, *persona.facts], (1, 4))
    word.add_heading("Stage by stage", level=1)
    details = stage_details(document)
    if not details:
        _none_yet(word, "No stages yet.")
    _muted(word.add_paragraph(), COMPACT_LEGEND_LINE)
    for detail in details:
        word.add_heading(f"{detail.number}. {detail.name}", level=2)
        if detail.description:
            word.add_paragraph(detail.description)
        rows: list[tuple[str, str]] = [("Emotion", detail.emotion)] if detail.emotion else []
        rows += [(lane, "\n".join(f"• {line}" for line in lines)) for lane, lines in detail.rows]
        if rows:
            _label_table(word, rows, (1, 5))
    _table_section(word, "KPIs", document.kpis)
    _table_section(word, "Actions", document.actions)
    _votes(word, document)
    _evidence(word, document)
    _critique(word, document)


def _label_table(
    word: WordDocument, rows: Sequence[tuple[str, str]], weights: tuple[int, int]
) -> None:
    table = word.add_table(rows=len(rows), cols=2)
    table.style = LABEL_TABLE_STYLE
    for row, (label, text) in zip(table.rows, rows, strict=True):
        _cell_text(row.cells[0].paragraphs[0], label, bold=True)
        _cell_text(row.cells[1].paragraphs[0], text)
    _widths(word, table, weights)
    word.add_paragraph()


def _cell_text(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(TABLE_PT)


def _table_section(word: WordDocument, title: str, content: Table) -> None:
    word.add_heading(title, level=1)
    if not content.rows:
        _none_yet(word, "None yet.")
        return
    table = word.add_table(rows=1 + len(content.rows), cols=len(content.header))
    table.style = DATA_TABLE_STYLE
    _repeat_as_header(table)
    for row, values in zip(table.rows, (content.header, *content.rows), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            _cell_text(cell.paragraphs[0], value)
    _widths(word, table, content.weights)


def _repeat_as_header(table: WordTable) -> None:
    """The first row heads every page the table runs onto."""
    from docx.oxml import OxmlElement

    flag = OxmlElement("w:tblHeader")
    flag.set(_qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(flag)


def _widths(word: WordDocument, table: WordTable, weights: Sequence[float]) -> None:
    from docx.shared import Length

    unit = _usable(word)[0] / sum(weights)
    widths = [Length(int(unit * weight)) for weight in weights]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the table grid, which LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width  # each cell's own width, which Word prefers


def _usable(word: WordDocument) -> tuple[int, int]:
    """The page's width and height inside its margins, in EMU (every page is alike)."""
    section = word.sections[0]
    width, height = section.page_width or 0, section.page_height or 0
    left, right = section.left_margin or 0, section.right_margin or 0
    top, bottom = section.top_margin or 0, section.bottom_margin or 0
    return width - left - right, height - top - bottom


def _votes(word: WordDocument, document: MapDocument) -> None:
    lines = vote_lines(document)
    if not lines and document.compare is None:
        return
    word.add_heading("Emotion votes and their reasons", level=1)
    if document.compare is not None:
        _muted(word.add_paragraph(), document.compare.caption)
    for stage, line in lines:
        paragraph = word.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{stage}: ").bold = True
        paragraph.add_run(line)


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
    if summary.sources:
        word.add_heading("Sources", level=2)
    for source in summary.sources:
        paragraph = word.add_paragraph()
        paragraph.add_run(f"{source.number}. {source.label}: ").bold = True
        paragraph.add_run(f"“{source.text}”" if source.kind == "quote" else source.text)
        if source.url:
            paragraph.add_run(f" — {source.url}")
        if source.cited:
            _muted(paragraph, f" — {source.cited}")


def _critique(word: WordDocument, document: MapDocument) -> None:
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


def _muted(paragraph: Paragraph, text: str) -> None:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.font.size = Pt(NOTE_PT)
    run.font.color.rgb = RGBColor.from_string(MUTED[1:])


def _none_yet(word: WordDocument, text: str) -> None:
    word.add_paragraph().add_run(text).italic = True
