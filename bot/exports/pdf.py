"""PDF: the same content as the Word document, the journey grid on landscape pages.

Text is set in DejaVu Sans, with fallback fonts for what it lacks (see bot.exports.fonts).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import MethodReturnValue, TableCellFillMode, XPos, YPos
from fpdf.table import Row

from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.emotion_chart import HEIGHT_IN, WIDTH_IN, emotion_chart
from bot.exports.fonts import DEJAVU, fallbacks_for
from bot.exports.layout import (
    Item,
    Lane,
    LaneKey,
    MapDocument,
    Table,
    build_document,
    characters,
)
from bot.exports.palette import INK, LABEL_FILL, LANE_FILLS, MUTED, NAVY, SCORE_FILLS, rgb
from bot.exports.sourcing import LEGEND
from bot.exports.truetype import truetype_subset
from bot.model import JourneyMap
from bot.text import truncate

FAMILY = "dejavu"
FACES = ("", "B")  # each face loaded costs 50 ms; placeholders are muted rather than italic
BODY_PT = 9.5
TABLE_PT = 8.5
GRID_PT = 7.5
LINE_MM_PER_PT = 0.47  # 1.33 times the font size
GRID_LINE_MM = GRID_PT * LINE_MM_PER_PT
ROW_LIMIT_MM = 120  # well below a landscape page's room for a row (about 165 mm)
PADDING = (1.2, 1.5)  # mm: vertical, horizontal
LANE_COLUMN_MM = 28
HEADINGS = FontFace(emphasis="BOLD", color=rgb("#FFFFFF"), fill_color=rgb(NAVY))
LABEL = FontFace(emphasis="BOLD", fill_color=rgb(LABEL_FILL))


class _Pdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.map_title = title
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title(title)
        self.set_creator("JourneyBot")

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FAMILY, size=7.5)
        self.set_text_color(*rgb(MUTED))
        self.cell(0, 5, f"{self.map_title} · page {self.page_no()}/{{nb}}", align="C")


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    pdf = _Pdf(document.title)
    with tempfile.TemporaryDirectory() as scratch:
        _add_fonts(pdf, "".join(characters(document)), Path(scratch))
        pdf.add_page()
        _front(pdf, document)
        _grid(pdf, document)
        _emotion_curve(pdf, document)
        pdf.add_page(orientation="portrait")
        _highlights(pdf, document)
        _evidence(pdf, document)
        _table_section(pdf, "KPIs", document.kpis)
        _table_section(pdf, "Actions", document.actions)
        _scorecard(pdf, document)
        content = bytes(pdf.output())
    return export_file(document.title, "pdf", content, f"PDF, {count(pdf.pages_count, 'page')}")


def _add_fonts(pdf: FPDF, text: str, scratch: Path) -> None:
    """DejaVu Sans, and the fallbacks the text needs; OpenType (CFF) ones as TrueType subsets
    (see bot.exports.truetype)."""
    for style in FACES:
        pdf.add_font(FAMILY, style, DEJAVU[style])
    fallbacks = fallbacks_for(text)
    for fallback in fallbacks:
        path = fallback.path
        if path.suffix != ".ttf":
            path = truetype_subset(path, text, scratch / f"{fallback.key}.ttf")
        pdf.add_font(fallback.key, "", path)
    pdf.set_fallback_fonts([fallback.key for fallback in fallbacks], exact_match=False)


def _front(pdf: FPDF, document: MapDocument) -> None:
    _heading(pdf, document.title, size=20)
    _paragraph(pdf, document.subtitle, colour=MUTED)
    _heading(pdf, "Scope")
    if document.scope:
        _label_table(pdf, None, document.scope)
    else:
        _none_yet(pdf, "No scope yet.")
    _heading(pdf, "Personas")
    if not document.personas:
        _none_yet(pdf, "No personas yet.")
    for persona in document.personas:
        rows = ((("About", persona.description),) if persona.description else ()) + persona.facts
        _label_table(pdf, persona.name, rows)


def _label_table(pdf: FPDF, title: str | None, rows: Sequence[tuple[str, str]]) -> None:
    pdf.set_font(FAMILY, size=BODY_PT)
    with pdf.table(
        col_widths=(1, 3),
        first_row_as_headings=title is not None,
        headings_style=HEADINGS,
        text_align="LEFT",
        padding=PADDING,
        line_height=BODY_PT * LINE_MM_PER_PT,
    ) as table:
        if title is not None:
            table.row().cell(title, colspan=2)
        for label, text in rows:
            row = table.row()
            row.cell(label, style=LABEL)
            row.cell(text)
    pdf.ln(4)


def _grid(pdf: FPDF, document: MapDocument) -> None:
    pages = document.pages()
    if not pages:
        _heading(pdf, "Journey map")
        _none_yet(pdf, "No stages yet.")
    for page in pages:
        pdf.add_page(orientation="landscape")
        part = f" · stages {page.start + 1}–{page.stop} of {len(document.columns)}"
        _heading(pdf, "Journey map" + (part if len(pages) > 1 else ""))
        pdf.set_font(FAMILY, size=GRID_PT)
        stage_mm = (pdf.epw - LANE_COLUMN_MM) / len(page)
        with pdf.table(
            col_widths=(LANE_COLUMN_MM, *[stage_mm] * len(page)),
            headings_style=HEADINGS,
            text_align="LEFT",
            v_align="TOP",
            padding=PADDING,
            line_height=GRID_LINE_MM,
        ) as table:
            header = table.row()
            header.cell("")
            for index in page:
                header.cell(document.columns[index].name)
            for lane in document.lanes:
                for number, cells in enumerate(_lane_rows(pdf, lane, page, stage_mm)):
                    title = lane.title if number == 0 else f"{lane.title} (continued)"
                    _lane_row(table.row(), title, lane.key, cells, page, document)


def _lane_rows(pdf: FPDF, lane: Lane, page: range, width_mm: float) -> list[list[list[str]]]:
    """The lane's cells as rows short enough for a page (fpdf2 cannot split a row): each
    column's items run on into the next row, in order."""
    columns = [_pack(pdf, lane.cells[index], width_mm) for index in page]
    count = max(len(chunks) for chunks in columns)
    return [[chunks[r] if r < len(chunks) else [] for chunks in columns] for r in range(count)]


def _pack(pdf: FPDF, items: Sequence[Item], width_mm: float) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    used = 0.0
    for item in items:
        text = f"• {item.line}"
        height = _height_mm(pdf, text, width_mm)
        if height > ROW_LIMIT_MM:  # one item taller than a row: cut it to fit
            text = truncate(text, int(len(text) * ROW_LIMIT_MM / height))
            height = ROW_LIMIT_MM
        if chunks[-1] and used + height > ROW_LIMIT_MM:
            chunks.append([])
            used = 0.0
        chunks[-1].append(text)
        used += height
    return chunks


def _height_mm(pdf: FPDF, text: str, width_mm: float) -> float:
    """Set as the table will set it, without printing."""
    lines = pdf.multi_cell(
        width_mm,
        GRID_LINE_MM,
        text,
        padding=PADDING,  # type: ignore[arg-type]  # fpdf2 annotates int; it takes mm floats
        dry_run=True,
        output=MethodReturnValue.LINES,
    )
    assert isinstance(lines, list)  # output=LINES gives the lines
    return len(lines) * GRID_LINE_MM


def _lane_row(
    row: Row, title: str, key: LaneKey, cells: list[list[str]], page: range, document: MapDocument
) -> None:
    row.cell(title, style=LABEL)
    for texts, index in zip(cells, page, strict=True):
        score = document.columns[index].score
        fill = None
        if key == "emotion" and score is not None:
            fill = SCORE_FILLS[score]
        elif key in LANE_FILLS and texts:
            fill = LANE_FILLS[key]
        row.cell("\n".join(texts), style=FontFace(fill_color=rgb(fill)) if fill else None)


def _emotion_curve(pdf: FPDF, document: MapDocument) -> None:
    picture = emotion_chart(document.columns, document.compare)
    if picture is None:
        return
    width = pdf.epw
    height = width * HEIGHT_IN / WIDTH_IN
    if pdf.will_page_break(height + 12):
        pdf.add_page(orientation="landscape")
    else:
        pdf.ln(4)
    _heading(pdf, "Emotion curve")
    pdf.image(io.BytesIO(picture), w=width, h=height)
    if document.compare is not None:
        _paragraph(pdf, document.compare.caption, colour=MUTED)
    for column in document.columns:
        if column.votes or column.reason:
            settled = f"settled at {column.emotion}" if column.emotion else "not settled"
            line = ", ".join(part for part in (settled, column.spread) if part)
            why = f". Why: {column.reason}" if column.reason else ""
            _paragraph(pdf, f"• {column.name}: {line}{why}")


def _evidence(pdf: FPDF, document: MapDocument) -> None:
    """A compact line per stage, then the numbered sources the grid's marks point to."""
    summary = document.evidence
    if summary is None:
        return
    _heading(pdf, "Evidence")
    _paragraph(pdf, summary.overall_line, style="B")
    for stage in summary.stages:
        _paragraph(pdf, f"• {stage.line}")
    _paragraph(pdf, LEGEND, colour=MUTED)
    if summary.sources:
        _heading(pdf, "Sources", size=11)
    for source in summary.sources:
        _paragraph(pdf, f"{source.number}. {source.line}")


def _highlights(pdf: FPDF, document: MapDocument) -> None:
    _heading(pdf, "Pain points, delights and moments of truth")
    if not document.highlights:
        _none_yet(pdf, "None yet.")
    for highlight in document.highlights:
        pdf.set_font(FAMILY, "B", BODY_PT)
        pdf.write(5, f"• {highlight.kind}")
        pdf.set_font(FAMILY, "", BODY_PT)
        where = f" ({highlight.where})" if highlight.where else ""
        pdf.write(5, f"{where}: {highlight.text}")
        pdf.ln(6)
    pdf.ln(2)


def _table_section(pdf: FPDF, title: str, table: Table) -> None:
    _heading(pdf, title)
    if not table.rows:
        _none_yet(pdf, "None yet.")
        return
    pdf.set_font(FAMILY, size=TABLE_PT)
    with pdf.table(
        col_widths=table.weights,
        headings_style=HEADINGS,
        text_align="LEFT",
        v_align="TOP",
        padding=PADDING,
        line_height=TABLE_PT * LINE_MM_PER_PT,
        cell_fill_color=rgb("#F7F9FA"),
        cell_fill_mode=TableCellFillMode.ROWS,
    ) as grid:
        for values in (table.header, *table.rows):
            row = grid.row()
            for value in values:
                row.cell(value)
    pdf.ln(4)


def _scorecard(pdf: FPDF, document: MapDocument) -> None:
    card = document.scorecard
    if card is None:
        return
    _table_section(pdf, "Critique scorecard", card.areas)
    if card.overall is not None:
        _paragraph(pdf, f"Overall: {card.overall}/100", style="B")
    if card.findings:
        _paragraph(pdf, "Top findings:")
    for number, finding in enumerate(card.findings, 1):
        _paragraph(pdf, f"{number}. {finding}")


def _heading(pdf: FPDF, text: str, size: float = 13) -> None:
    pdf.set_font(FAMILY, "B", size)
    pdf.set_text_color(*rgb(NAVY))
    pdf.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*rgb(INK))
    pdf.ln(2)


def _paragraph(pdf: FPDF, text: str, style: str = "", colour: str = INK) -> None:
    pdf.set_font(FAMILY, style, BODY_PT)
    pdf.set_text_color(*rgb(colour))
    pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*rgb(INK))
    pdf.ln(2)


def _none_yet(pdf: FPDF, text: str) -> None:
    _paragraph(pdf, text, colour=MUTED)
