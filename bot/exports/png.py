"""PNG: a picture of the journey map, for Slack's preview and for slides.

Stages are columns of one readable width (COLUMN_PX). A map with more than STAGES_PER_PAGE stages
wraps into bands of stages stacked top to bottom, so twelve stages make two bands of six rather
than one strip too wide to read in a preview. Items wrap and stop after MAX_ITEM_LINES with an
ellipsis: the picture is the overview, the documents carry every word.

matplotlib (Agg) draws the shapes and the emotion curve; Pillow sets the text on top (see
bot.exports.typeset for why).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image, ImageDraw

from bot.exports.base import ExportExtras, ExportFile, export_file
from bot.exports.layout import Item, Lane, LaneKey, MapDocument, build_document, characters
from bot.exports.overlay import COMPARE_COLOUR
from bot.exports.palette import (
    CHANNEL,
    DELIGHT,
    INK,
    LABEL_FILL,
    LANE_FILLS,
    MOMENT,
    MUTED,
    NAVY,
    PAIN,
    RULE,
    SCORE_COLOURS,
)
from bot.exports.typeset import Align, Style, Typesetter, VAlign
from bot.model import JourneyMap

DPI = 100
MARGIN = 28
LABEL_PX = 160
COLUMN_PX = 250
PAD = 10
MARKER_PX = 16
TEXT_PX = COLUMN_PX - 2 * PAD - MARKER_PX
MIN_WIDTH = LABEL_PX + 3 * COLUMN_PX  # room for the title above a map of one or two stages
ITEM_GAP = 6
BAND_GAP = 28
LEGEND_PX = 24
CURVE_PX = 170
CURVE_HEADROOM = 28
VOTES_OFFSET_PX = 16
MAX_ITEM_LINES = 5
MAX_NOTE_LINES = 2
PNG_COMPRESSION = 3  # zlib level: twice as fast as the default for a file 15% larger


@dataclass(frozen=True)
class Line:
    text: str
    style: Style
    marker: tuple[str, str] | None = None  # (glyph, colour) hung left of the line


Block = list[Line]  # one item's lines

TITLE = Style(24, NAVY, bold=True)
SUBTITLE = Style(11, MUTED)
STAGE = Style(13, "#FFFFFF", bold=True)
CAPTION = Style(9.5, "#FFFFFF")
LANE_TITLE = Style(10.5, NAVY, bold=True)
BODY = Style(10, INK)
THOUGHT = Style(10, INK, italic=True)
NOTE = Style(8.5, MUTED)
CHANNEL_NOTE = Style(8.5, CHANNEL)
QUOTE = Style(8.5, MUTED, italic=True)
FEELING = Style(9.5, INK, bold=True)
AXIS = Style(8, MUTED)
EMPTY = Style(12, MUTED, italic=True)
STAGE_STAR = Style(15, MOMENT)
LEGEND_TEXT = Style(9, MUTED)

MARKERS: dict[LaneKey, tuple[str, str]] = {
    "touchpoints": ("•", NAVY),
    "doing": ("•", NAVY),
    "thinking": ("•", MUTED),
    "pains": ("●", PAIN),
    "delights": ("●", DELIGHT),
    "moments": ("★", MOMENT),
    "opportunities": ("→", NAVY),
}
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("●", PAIN, "Pain point"),
    ("●", DELIGHT, "Delight"),
    ("★", MOMENT, "Moment of truth"),
    ("━", NAVY, "Emotion, from -2 to +2"),
)


@dataclass(frozen=True)
class Band:
    """A run of stage columns with every lane measured."""

    page: range
    stage_lines: list[list[Line]]
    header_px: float
    cells: dict[LaneKey, list[list[Block]]]  # lane -> column -> items
    lane_px: dict[LaneKey, float]

    @property
    def height(self) -> float:
        return self.header_px + sum(self.lane_px.values())

    @property
    def width(self) -> float:
        return LABEL_PX + COLUMN_PX * len(self.page)


@dataclass(frozen=True)
class Text:
    xy: tuple[float, float]
    text: str
    style: Style
    align: Align = "left"
    valign: VAlign = "top"
    box: str | None = None


@dataclass
class Canvas:
    """Shapes go to matplotlib axes in pixels (y growing downwards); text waits for Pillow."""

    axes: Axes
    typesetter: Typesetter
    texts: list[Text] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        style: Style,
        align: Align = "left",
        valign: VAlign = "top",
        box: str | None = None,
    ) -> None:
        self.texts.append(Text((x, y), text, style, align, valign, box))

    def lines(self, x: float, y: float, lines: Sequence[Line]) -> float:
        """Set lines top-down from (x, y); return the y below the last one."""
        for line in lines:
            if line.marker is not None:
                glyph, colour = line.marker
                self.text(x - MARKER_PX, y, glyph, Style(line.style.size, colour))
            self.text(x, y, line.text, line.style)
            y += line.style.line_px
        return y

    def rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        self.axes.add_patch(
            Rectangle((x, y), width, height, facecolor=colour, edgecolor="none", zorder=0)
        )

    def rule(self, xs: Sequence[float], ys: Sequence[float], **options: Any) -> None:
        self.axes.plot(xs, ys, **{"color": RULE, "linewidth": 1, **options})

    def png(self, figure: Figure) -> bytes:
        agg = FigureCanvasAgg(figure)
        agg.draw()
        image = Image.frombuffer("RGBA", agg.get_width_height(), agg.buffer_rgba())
        image = image.convert("RGB")
        draw = ImageDraw.Draw(image)
        for t in self.texts:
            self.typesetter.draw(draw, t.xy, t.text, t.style, t.align, t.valign, t.box)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", compress_level=PNG_COMPRESSION)
        return buffer.getvalue()


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    setter = Typesetter(characters(document))
    bands = [_band(document, page, setter) for page in document.pages()]
    width = round(2 * MARGIN + max([MIN_WIDTH, *(band.width for band in bands)]))
    heading = _wrap(setter, document.title, TITLE, width - 2 * MARGIN, 2)
    heading += _wrap(setter, document.subtitle, SUBTITLE, width - 2 * MARGIN, 2)
    body_px = sum(band.height + BAND_GAP for band in bands) or 2 * BAND_GAP
    height = round(2 * MARGIN + _lines_px(heading) + BAND_GAP + body_px + LEGEND_PX)

    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(height, 0)
    axes.set_axis_off()
    canvas = Canvas(axes, setter)
    y = canvas.lines(MARGIN, MARGIN, heading) + BAND_GAP
    for band in bands:
        y = _draw_band(canvas, document, band, y, several=len(bands) > 1) + BAND_GAP
    if bands:
        _draw_legend(canvas, y, _legend(document))
    else:
        canvas.text(MARGIN, y, "No stages yet.", EMPTY)

    summary = f"PNG image, {width}×{height} px"
    return export_file(document.title, "png", canvas.png(figure), summary)


# --- measuring -----------------------------------------------------------------------------


def _wrap(setter: Typesetter, text: str, style: Style, px: float, max_lines: int) -> list[Line]:
    return [Line(t, style) for t in setter.wrap(text, style, px, max_lines)]


def _band(document: MapDocument, page: range, setter: Typesetter) -> Band:
    stage_lines = [_wrap(setter, document.columns[i].name, STAGE, TEXT_PX, 3) for i in page]
    header_px = max(_lines_px(lines) for lines in stage_lines) + 2 * PAD
    cells: dict[LaneKey, list[list[Block]]] = {}
    lane_px: dict[LaneKey, float] = {}
    for lane in document.lanes:
        cells[lane.key] = [_blocks(lane, lane.cells[i], setter) for i in page]
        tallest = max(_blocks_px(blocks) for blocks in cells[lane.key])
        if lane.key == "emotion":
            tallest += CURVE_PX
        label_px = _lines_px(_lane_label(lane, setter))
        lane_px[lane.key] = max(tallest, label_px, BODY.line_px) + 2 * PAD
    return Band(page, stage_lines, header_px, cells, lane_px)


def _blocks(lane: Lane, items: Sequence[Item], setter: Typesetter) -> list[Block]:
    """Each item's lines; in the emotion lane only the quote, as the curve shows the rest."""
    if lane.key == "emotion":
        quotes = [item.note for item in items if item.note]
        return [_wrap(setter, quote, QUOTE, TEXT_PX, MAX_NOTE_LINES) for quote in quotes]
    style = THOUGHT if lane.key == "thinking" else BODY
    note_style = CHANNEL_NOTE if lane.key == "touchpoints" else NOTE
    blocks = []
    for item in items:
        text = f"“{item.text}”" if lane.key == "thinking" else item.text
        lines = _wrap(setter, text, style, TEXT_PX, MAX_ITEM_LINES)
        if not lines:  # nothing printable
            continue
        lines[0] = Line(lines[0].text, style, MARKERS[lane.key])
        blocks.append(lines + _wrap(setter, item.note, note_style, TEXT_PX, MAX_NOTE_LINES))
    return blocks


def _lines_px(lines: Sequence[Line]) -> float:
    return sum(line.style.line_px for line in lines)


def _blocks_px(blocks: Sequence[Block]) -> float:
    return sum(_lines_px(block) for block in blocks) + ITEM_GAP * max(len(blocks) - 1, 0)


def _lane_label(lane: Lane, setter: Typesetter) -> list[Line]:
    return _wrap(setter, lane.title, LANE_TITLE, LABEL_PX - 2 * PAD, 3)


# --- drawing -------------------------------------------------------------------------------


def _draw_band(
    canvas: Canvas, document: MapDocument, band: Band, top: float, several: bool
) -> float:
    left, first_column = MARGIN, MARGIN + LABEL_PX
    canvas.rect(left, top, band.width, band.header_px, NAVY)
    if several:
        caption = f"Stages {band.page.start + 1}–{band.page.stop} of {len(document.columns)}"
        canvas.text(left + PAD, top + PAD, caption, CAPTION)
    for i, index in enumerate(band.page):
        x = first_column + i * COLUMN_PX
        canvas.lines(x + PAD, top + PAD, band.stage_lines[i])
        if document.columns[index].has_moment:
            canvas.text(x + COLUMN_PX - PAD, top + PAD, "★", STAGE_STAR, align="right")
    y = top + band.header_px
    for lane in document.lanes:
        height = band.lane_px[lane.key]
        canvas.rect(left, y, LABEL_PX, height, LABEL_FILL)
        canvas.lines(left + PAD, y + PAD, _lane_label(lane, canvas.typesetter))
        if lane.key == "emotion":
            _draw_curve(canvas, document, band, y)
        for i, blocks in enumerate(band.cells[lane.key]):
            x = first_column + i * COLUMN_PX
            if lane.key in LANE_FILLS and blocks:
                canvas.rect(x, y, COLUMN_PX, height, LANE_FILLS[lane.key])
            below_curve = CURVE_PX if lane.key == "emotion" else 0
            _draw_blocks(canvas, x + PAD + MARKER_PX, y + PAD + below_curve, blocks)
        canvas.rule([left, left + band.width], [y, y])
        y += height
    for i in range(len(band.page) + 1):
        x = first_column + i * COLUMN_PX
        canvas.rule([x, x], [top + band.header_px, y])
    canvas.axes.add_patch(Rectangle((left, top), band.width, y - top, fill=False, edgecolor=MUTED))
    return y


def _draw_curve(canvas: Canvas, document: MapDocument, band: Band, top: float) -> None:
    """The emotion curve across the band's columns, in the top CURVE_PX of the emotion lane."""
    start, end = MARGIN + LABEL_PX, MARGIN + band.width
    high, low = top + PAD + CURVE_HEADROOM, top + CURVE_PX - CURVE_HEADROOM

    def y_of(score: float) -> float:
        return high + (2 - score) / 4 * (low - high)

    middle = y_of(0)
    canvas.rect(start, top, end - start, middle - top, LANE_FILLS["delights"])
    canvas.rect(start, middle, end - start, top + CURVE_PX - middle, LANE_FILLS["pains"])
    canvas.rule([start, end], [middle, middle], color=SCORE_COLOURS[0], linestyle="--")
    for score in (2, 0, -2):
        label = f"{score:+d}" if score else "0"
        canvas.text(start - 6, y_of(score), label, AXIS, align="right", valign="middle")
    columns = [document.columns[i] for i in band.page]
    xs = [start + (i + 0.5) * COLUMN_PX for i in range(len(columns))]
    ys = [float("nan") if c.score is None else y_of(c.score) for c in columns]
    compare = document.compare
    style = compare.style(compare.own_state) if compare else "-"
    canvas.axes.plot(
        xs, ys, color=NAVY, linewidth=3, linestyle=style, solid_capstyle="round", zorder=3
    )
    if compare is not None:  # the other state, at the stages both maps have
        matched = [(x, compare.score_for(c.name)) for x, c in zip(xs, columns, strict=True)]
        other = [(x, y_of(score)) for x, (has, score) in matched if has and score is not None]
        canvas.axes.plot(
            [x for x, _ in other],
            [y for _, y in other],
            color=COMPARE_COLOUR,
            linewidth=2.5,
            linestyle=compare.style(compare.state),
            marker="o",
            markersize=6,
            markerfacecolor="white",
            zorder=3,
        )
    for x, y, column in zip(xs, ys, columns, strict=True):
        if column.votes:
            _draw_votes(canvas, x, y, column.votes, y_of)
        if column.score is None:
            canvas.text(x, middle, "not scored", QUOTE, align="center", valign="middle")
            continue
        if column.has_moment:
            canvas.axes.scatter([x], [y], s=620, marker="*", color=MOMENT, zorder=4)
        colour = SCORE_COLOURS[column.score]
        canvas.axes.scatter([x], [y], s=120, color=colour, edgecolors="white", zorder=5)
        gap = 22 if column.has_moment else 14
        above = column.score <= 0
        label = canvas.typesetter.wrap(column.emotion, FEELING, TEXT_PX, 1)[0]
        canvas.text(
            x,
            y - gap if above else y + gap,
            label,
            FEELING,
            align="center",
            valign="bottom" if above else "top",
            box="#FFFFFF",
        )


def _draw_blocks(canvas: Canvas, x: float, y: float, blocks: Sequence[Block]) -> None:
    for block in blocks:
        y = canvas.lines(x, y, block) + ITEM_GAP


def _draw_votes(
    canvas: Canvas, x: float, y: float, votes: Sequence[int], y_of: Callable[[float], float]
) -> None:
    """The spread of the team's votes: a bar from lowest to highest, a dot per score given
    (bigger for more votes), and the count beside the settled point."""
    low, high = y_of(votes[0]), y_of(votes[-1])
    bar = x - VOTES_OFFSET_PX  # beside the curve's point, not hidden under it
    canvas.axes.plot(
        [bar, bar], [low, high], color=MUTED, linewidth=9, alpha=0.3, solid_capstyle="round"
    )
    given = sorted(set(votes))
    sizes = [18 * votes.count(score) for score in given]
    canvas.axes.scatter([bar] * len(given), [y_of(s) for s in given], s=sizes, color=MUTED)
    count = f"{len(votes)} vote{'s' if len(votes) != 1 else ''}"
    at = y if y == y else (low + high) / 2  # nan when the stage is not settled yet
    canvas.text(x + 16, at, count, NOTE, valign="middle")


def _legend(document: MapDocument) -> tuple[tuple[str, str, str], ...]:
    legend = LEGEND
    compare = document.compare
    if compare is not None:
        own, other = compare.own_state, compare.state
        legend = (
            *LEGEND[:-1],
            ("━" if own != "future" else "┅", NAVY, f"{compare.label(own)}, from -2 to +2"),
            ("━" if other != "future" else "┅", COMPARE_COLOUR, f"{compare.label(other)}"),
        )
    if any(c.votes for c in document.columns):
        legend = (*legend, ("┃", MUTED, "Team votes, lowest to highest"))
    return legend


def _draw_legend(canvas: Canvas, y: float, legend: Sequence[tuple[str, str, str]]) -> None:
    x: float = MARGIN
    for glyph, colour, label in legend:
        canvas.text(x, y, glyph, Style(LEGEND_TEXT.size + 2, colour))
        canvas.text(x + 18, y + 2, label, LEGEND_TEXT)
        x += 18 + canvas.typesetter.width(label, LEGEND_TEXT) + 24
