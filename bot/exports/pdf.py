"""PDF: page 1 is the one-page canvas (bot.exports.overview) in vector; the appendix follows
(bot.exports.appendix). Every page is landscape and the same size: A4, or A3 for a canvas too
wide to read on A4.

Text is set in DejaVu Sans, with fallback fonts for what it lacks (see bot.exports.fonts).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.exports.appendix import TITLE, stage_details, vote_lines
from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.fonts import DEJAVU, fallbacks_for
from bot.exports.layout import MapDocument, Table, build_document, characters
from bot.exports.overview import scene_for
from bot.exports.palette import INK, LABEL_FILL, MUTED, NAVY, rgb
from bot.exports.scene_pdf import draw_scene
from bot.exports.sourcing import COMPACT_LEGEND_LINE
from bot.model import JourneyMap

if TYPE_CHECKING:
    from fpdf import FPDF

# fpdf2 subsets every font with fontTools, which logs each step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FAMILY = "dejavu"
FACES = ("", "B", "I")
A3_FROM_WIDTH_PT = 1100  # a canvas wider than this is printed on A3
BODY_PT = 9.5
TABLE_PT = 8.5
LINE_MM_PER_PT = 0.47  # 1.33 times the font size
PADDING = (1.2, 1.5)  # mm: vertical, horizontal
STAGE_WEIGHTS = (1.0, 5.0)
ROW_LIMIT_MM = 110  # well below an A4 landscape page's room for a row (about 165 mm)
CANVAS_MARGIN_MM = 7
APPENDIX_BOTTOM_MM = 16  # room for the footer


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    scene = scene_for(document)
    pdf = _new_pdf(document.title, "A3" if scene.width > A3_FROM_WIDTH_PT else "A4")
    with tempfile.TemporaryDirectory() as scratch:
        _add_fonts(pdf, "".join(characters(document)) + _scene_text(scene), Path(scratch))
        pdf.set_margins(CANVAS_MARGIN_MM, CANVAS_MARGIN_MM)
        pdf.add_page()
        draw_scene(pdf, scene, FAMILY)
        pdf.set_margins(15, 14)
        pdf.set_auto_page_break(auto=True, margin=APPENDIX_BOTTOM_MM)
        pdf.add_page()
        _appendix(pdf, document)
        content = bytes(pdf.output())
    summary = f"PDF, {count(pdf.pages_count, 'page')}" + (
        ", with the critique" if document.scorecard else ""
    )
    return export_file(document.title, "pdf", content, summary)


def _scene_text(scene: object) -> str:
    from bot.exports.scene import Scene

    assert isinstance(scene, Scene)
    return "".join(text.text for text in scene.texts())


def _new_pdf(title: str, paper: str) -> FPDF:
    from fpdf import FPDF

    class _Pdf(FPDF):
        def footer(self) -> None:
            if self.page_no() == 1:  # the canvas has its own edge
                return
            self.set_y(-10)
            self.set_font(FAMILY, size=7.5)
            self.set_text_color(*rgb(MUTED))
            self.cell(0, 5, f"{title} · appendix · page {self.page_no()}/{{nb}}", align="C")

    pdf = _Pdf(orientation="landscape", unit="mm", format=paper)
    pdf.set_auto_page_break(auto=True, margin=APPENDIX_BOTTOM_MM)
    pdf.set_title(title)
    pdf.set_creator("JourneyBot")
    return pdf


def _add_fonts(pdf: FPDF, text: str, scratch: Path) -> None:
    """DejaVu Sans, and the fallbacks the text needs; OpenType (CFF) ones as TrueType subsets
    (see bot.exports.truetype)."""
    for style in FACES:
        pdf.add_font(FAMILY, style, DEJAVU[style])
    fallbacks = fallbacks_for(text)
    for fallback in fallbacks:
        path = fallback.path
        if path.suffix != ".ttf":
            from bot.exports.truetype import truetype_subset

            path = truetype_subset(path, text, scratch / f"{fallback.key}.ttf")
        pdf.add_font(fallback.key, "", path)
    pdf.set_fallback_fonts([fallback.key for fallback in fallbacks], exact_match=False)


# --- the appendix ----------------------------------------------------------------------------


def _appendix(pdf: FPDF, document: MapDocument) -> None:
    _heading(pdf, f"{TITLE}: {document.title}", size=16)
    _paragraph(pdf, document.subtitle, colour=MUTED)
    _heading(pdf, "Scope")
    if document.scope:
        _label_table(pdf, None, document.scope)
    else:
        _paragraph(pdf, "No scope yet.", colour=MUTED)
    _heading(pdf, "Personas")
    if not document.personas:
        _paragraph(pdf, "No personas yet.", colour=MUTED)
    for persona in document.personas:
        rows = ((("About", persona.description),) if persona.description else ()) + persona.facts
        _label_table(pdf, persona.name, rows)
    _stages(pdf, document)
    _table_section(pdf, "KPIs", document.kpis)
    _table_section(pdf, "Actions", document.actions)
    _votes(pdf, document)
    _evidence(pdf, document)
    _critique(pdf, document)


def _stages(pdf: FPDF, document: MapDocument) -> None:
    _heading(pdf, "Stage by stage")
    details = stage_details(document)
    if not details:
        _paragraph(pdf, "No stages yet.", colour=MUTED)
    _paragraph(pdf, COMPACT_LEGEND_LINE, colour=MUTED)
    for detail in details:
        line_count = sum(max(len(lines), 1) for _, lines in detail.rows) + 3
        height = line_count * BODY_PT * LINE_MM_PER_PT + 12
        fits_a_page = height < pdf.eph / 2
        if fits_a_page and pdf.will_page_break(height):  # keep a short stage on one page
            pdf.add_page()
        _heading(pdf, f"{detail.number}. {detail.name}", size=11)
        if detail.description:
            _paragraph(pdf, detail.description)
        rows = []
        if detail.emotion:
            rows.append(("Emotion", detail.emotion))
        for lane, lines in detail.rows:
            for number, chunk in enumerate(_chunks(pdf, [f"• {line}" for line in lines])):
                rows.append((lane if number == 0 else f"{lane} (continued)", "\n".join(chunk)))
        if rows:
            _label_table(pdf, None, rows, weights=STAGE_WEIGHTS)


def _chunks(pdf: FPDF, lines: list[str]) -> list[list[str]]:
    """Lines in runs short enough for one page (fpdf2 cannot split a table row); a line taller
    than a run is cut to fit."""
    from fpdf.enums import MethodReturnValue

    from bot.text import truncate

    width = pdf.epw * STAGE_WEIGHTS[1] / sum(STAGE_WEIGHTS) - 2 * PADDING[1]
    line_mm = BODY_PT * LINE_MM_PER_PT
    chunks: list[list[str]] = [[]]
    used = 0.0
    pdf.set_font(FAMILY, size=BODY_PT)
    for line in lines:
        wrapped = pdf.multi_cell(width, line_mm, line, dry_run=True, output=MethodReturnValue.LINES)
        height = len(wrapped) * line_mm  # type: ignore[arg-type]  # LINES gives a list
        if height > ROW_LIMIT_MM:
            line = truncate(line, int(len(line) * ROW_LIMIT_MM / height))
            height = ROW_LIMIT_MM
        if chunks[-1] and used + height > ROW_LIMIT_MM:
            chunks.append([])
            used = 0.0
        chunks[-1].append(line)
        used += height
    return chunks


def _label_table(
    pdf: FPDF,
    title: str | None,
    rows: Sequence[tuple[str, str]],
    weights: tuple[float, float] = (1, 4),
) -> None:
    from fpdf import FontFace

    pdf.set_font(FAMILY, size=BODY_PT)
    headings = FontFace(emphasis="BOLD", color=rgb("#FFFFFF"), fill_color=rgb(NAVY))
    label = FontFace(emphasis="BOLD", fill_color=rgb(LABEL_FILL))
    with pdf.table(
        col_widths=weights,
        first_row_as_headings=title is not None,
        headings_style=headings,
        text_align="LEFT",
        v_align="TOP",
        padding=PADDING,
        line_height=BODY_PT * LINE_MM_PER_PT,
    ) as table:
        if title is not None:
            table.row().cell(title, colspan=2)
        for name, text in rows:
            row = table.row()
            row.cell(name, style=label)
            row.cell(text)
    pdf.ln(4)


def _table_section(pdf: FPDF, title: str, table: Table) -> None:
    from fpdf import FontFace
    from fpdf.enums import TableCellFillMode

    _heading(pdf, title)
    if not table.rows:
        _paragraph(pdf, "None yet.", colour=MUTED)
        return
    pdf.set_font(FAMILY, size=TABLE_PT)
    with pdf.table(
        col_widths=table.weights,
        headings_style=FontFace(emphasis="BOLD", color=rgb("#FFFFFF"), fill_color=rgb(NAVY)),
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


def _votes(pdf: FPDF, document: MapDocument) -> None:
    lines = vote_lines(document)
    if not lines and document.compare is None:
        return
    _heading(pdf, "Emotion votes and their reasons")
    if document.compare is not None:
        _paragraph(pdf, document.compare.caption, colour=MUTED)
    for stage, line in lines:
        _paragraph(pdf, f"• {stage}: {line}")


def _evidence(pdf: FPDF, document: MapDocument) -> None:
    """A compact line per stage, then the numbered sources the marks point to."""
    summary = document.evidence
    if summary is None:
        return
    _heading(pdf, "Evidence")
    _paragraph(pdf, summary.overall_line, style="B")
    for stage in summary.stages:
        _paragraph(pdf, f"• {stage.line}")
    if summary.sources:
        _heading(pdf, "Sources", size=11)
    for source in summary.sources:
        _paragraph(pdf, f"{source.number}. {source.line}")


def _critique(pdf: FPDF, document: MapDocument) -> None:
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
    from fpdf.enums import XPos, YPos

    if pdf.will_page_break(size * 0.5 + 14):  # never a heading alone at a page's foot
        pdf.add_page()
    pdf.set_font(FAMILY, "B", size)
    pdf.set_text_color(*rgb(NAVY))
    pdf.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*rgb(INK))
    pdf.ln(2)


def _paragraph(pdf: FPDF, text: str, style: str = "", colour: str = INK) -> None:
    from fpdf.enums import XPos, YPos

    pdf.set_font(FAMILY, style, BODY_PT)
    pdf.set_text_color(*rgb(colour))
    pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*rgb(INK))
    pdf.ln(2)
