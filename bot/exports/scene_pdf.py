"""A Scene on a PDF page, as vector shapes and text, scaled to fit the page's printable area.

The caller's FPDF works in millimetres and has the fonts loaded (bot.exports.pdf): text in the
Scene's fonts, fallbacks included, stays selectable and searchable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.exports.palette import rgb
from bot.exports.scene import Circle, Path, Polygon, Rect, Scene, Text

if TYPE_CHECKING:
    from fpdf import FPDF

MM_PER_PT = 25.4 / 72
LINE_FACTOR = 1.25  # as the Scene's line height: fpdf2 centres text in a cell this tall


def draw_scene(pdf: FPDF, scene: Scene, family: str) -> None:
    """Fill the current page's area inside its margins with the Scene, centred."""
    room_w = pdf.w - pdf.l_margin - pdf.r_margin
    room_h = pdf.h - pdf.t_margin - pdf.b_margin
    k = min(room_w / scene.width, room_h / scene.height)  # mm per scene point
    left = pdf.l_margin + (room_w - scene.width * k) / 2
    top = pdf.t_margin + (room_h - scene.height * k) / 2
    auto_break = pdf.auto_page_break
    pdf.set_auto_page_break(False)
    old_margin = pdf.c_margin
    pdf.c_margin = 0
    for shape in scene.shapes:
        if isinstance(shape, Text):
            _text(pdf, shape, family, left, top, k)
        elif isinstance(shape, Rect):
            _rect(pdf, shape, left, top, k)
        elif isinstance(shape, Path):
            pdf.set_draw_color(*rgb(shape.colour))
            pdf.set_line_width(shape.width * k)
            if shape.dashed:
                pdf.set_dash_pattern(dash=shape.width * 3 * k, gap=shape.width * 2 * k)
            points = [(left + x * k, top + y * k) for x, y in shape.points]
            pdf.polyline(points, style="D")
            pdf.set_dash_pattern()
        elif isinstance(shape, Polygon):
            pdf.set_fill_color(*rgb(shape.fill))
            pdf.polygon([(left + x * k, top + y * k) for x, y in shape.points], style="F")
        elif isinstance(shape, Circle):
            pdf.set_fill_color(*rgb(shape.fill))
            style = "F"
            if shape.stroke:
                pdf.set_draw_color(*rgb(shape.stroke))
                pdf.set_line_width(shape.stroke_width * k)
                style = "DF"
            pdf.circle(left + shape.x * k, top + shape.y * k, shape.radius * k, style=style)
    pdf.c_margin = old_margin
    pdf.set_auto_page_break(auto_break, pdf.b_margin)


def _rect(pdf: FPDF, rect: Rect, left: float, top: float, k: float) -> None:
    style = ""
    if rect.fill:
        pdf.set_fill_color(*rgb(rect.fill))
        style += "F"
    if rect.stroke:
        pdf.set_draw_color(*rgb(rect.stroke))
        pdf.set_line_width(rect.stroke_width * k)
        style = "D" + style
    if not style:
        return
    pdf.rect(
        left + rect.x * k,
        top + rect.y * k,
        rect.width * k,
        rect.height * k,
        style=style,
        round_corners=rect.radius > 0,
        corner_radius=rect.radius * k,
    )


def _text(pdf: FPDF, text: Text, family: str, left: float, top: float, k: float) -> None:
    style = text.style
    pdf.set_font(
        family, "B" if style.bold else "I" if style.italic else "", style.size * k / MM_PER_PT
    )
    pdf.set_text_color(*rgb(style.colour))
    width = pdf.get_string_width(text.text)
    x = left + text.x * k
    x -= {"left": 0.0, "center": width / 2, "right": width}[text.align]
    pdf.set_xy(x, top + text.y * k)
    pdf.cell(w=width, h=style.size * LINE_FACTOR * k, text=text.text)
