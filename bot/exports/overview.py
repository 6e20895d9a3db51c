"""The map on one landscape page: the canvas a team pins up and a director is shown.

Top to bottom: title; a persona card (name, goal, the customer's words) beside the scope line
(objective, scenario, start → end); the grid with stages across and only the lanes that have
content, the emotion curve in its own lane; a KPI strip (baseline → target, owner); one legend.
PNG, SVG, page 1 of the PDF and page 1 of the Word document all draw this Scene.

The page keeps the ISO landscape ratio (√2 : 1), so it prints edge to edge on A4 or A3. It grows
with the number of stages to keep columns readable; cells too full for it end in "+ n more",
and the appendix holds everything.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.exports.layout import Column, Item, Lane, LaneKey, MapDocument, characters
from bot.exports.overlay import COMPARE_COLOUR
from bot.exports.palette import (
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
from bot.exports.scene import Circle, Measure, Path, Polygon, Rect, Scene, Text, star
from bot.exports.sourcing import COMPACT_MARKS
from bot.exports.typeset import Style

ISO_RATIO = math.sqrt(2)
MIN_WIDTH = 842.0  # A4 landscape, in points
MARGIN = 24.0
GAP = 10.0
PAD = 5.0
LABEL_WIDTH = 74.0
MIN_COLUMN = 122.0
STAGE_LINES = 2
ITEM_LINES = 2
NOTE_LINES = 1
MARKER_WIDTH = 9.0
CURVE_HEIGHT = 58.0
KPI_BOX_MIN = 150.0
KPI_BOX_MAX = 270.0
WHITE = "#FFFFFF"

TITLE = Style(19, NAVY, bold=True)
SUBTITLE = Style(8, MUTED)
CARD_NAME = Style(10.5, NAVY, bold=True)
CARD_LABEL = Style(7.5, MUTED, bold=True)
CARD_TEXT = Style(8, INK)
CARD_QUOTE = Style(8, INK, italic=True)
STAGE = Style(9.5, WHITE, bold=True)
LANE_TITLE = Style(7.5, NAVY, bold=True)
BODY = Style(7.5, INK)
THOUGHT = Style(7.5, INK, italic=True)
NOTE = Style(6.5, MUTED)
OWNER_NOTE = Style(6.5, NAVY, bold=True)
MORE = Style(6.5, MUTED, italic=True)
AXIS = Style(6, MUTED)
FEELING = Style(7, INK, bold=True)
KPI_NAME = Style(7.5, INK, bold=True)
KPI_FIGURES = Style(10, NAVY, bold=True)
LEGEND = Style(6.5, MUTED)
LEGEND_GLYPH = Style(7.5, MUTED)
EMPTY = Style(10, MUTED, italic=True)

MARKERS: dict[LaneKey, tuple[str, str]] = {
    "touchpoints": ("•", NAVY),
    "doing": ("•", NAVY),
    "thinking": ("•", MUTED),
    "pains": ("●", PAIN),
    "delights": ("●", DELIGHT),
    "moments": ("★", MOMENT),
    "opportunities": ("→", NAVY),
}
# When the page is full, what the customer does and thinks yields room to the rest first.
LANE_WEIGHTS: dict[LaneKey, float] = {"doing": 0.75, "thinking": 0.75}


@dataclass(frozen=True)
class Line:
    text: str
    style: Style
    marker: tuple[str, str] | None = None


Block = list[Line]  # one item


@dataclass(frozen=True)
class LanePlan:
    lane: Lane
    blocks: list[list[Block]]  # column -> items
    natural: float  # the height everything needs


def scene_for(document: MapDocument) -> Scene:
    measure = Measure(_all_text(document))
    count = len(document.columns)
    width = max(MIN_WIDTH, 2 * MARGIN + LABEL_WIDTH + count * MIN_COLUMN)
    scene = Scene(width, round(width / ISO_RATIO, 1))
    painter = _Painter(scene, measure)
    y = painter.heading(document)
    y = painter.cards(document, y) + GAP
    legend = painter.legend_entries(document) if count else []
    legend_top = scene.height - MARGIN - LEGEND.line * len(legend)
    bottom = painter.kpis(document, legend_top - 3) - GAP if document.kpis.rows else legend_top
    if count:
        painter.grid(document, y, bottom)
    else:
        scene.add(
            Text(MARGIN, y + GAP, "No stages yet: the map fills in as the team adds them.", EMPTY)
        )
    painter.legend(legend, legend_top)
    return scene


def _all_text(document: MapDocument) -> str:
    return "".join(characters(document)) + "".join(g for g, _ in MARKERS.values()) + "◆◇○→…"


class _Painter:
    def __init__(self, scene: Scene, measure: Measure) -> None:
        self.scene = scene
        self.measure = measure
        self.inner = scene.width - 2 * MARGIN

    # --- text helpers ----------------------------------------------------------------------

    def wrap(self, text: str, style: Style, width: float, lines: int) -> list[Line]:
        return [Line(t, style) for t in self.measure.wrap(text, style, width, lines)]

    def put(self, x: float, y: float, lines: Sequence[Line]) -> float:
        for line in lines:
            if line.marker is not None:
                glyph, colour = line.marker
                self.scene.add(Text(x - MARKER_WIDTH, y, glyph, Style(line.style.size, colour)))
            self.scene.add(Text(x, y, line.text, line.style))
            y += line.style.line
        return y

    # --- title, persona and scope ------------------------------------------------------------

    def heading(self, document: MapDocument) -> float:
        y = self.put(MARGIN, MARGIN, self.wrap(document.title, TITLE, self.inner, 1))
        return self.put(MARGIN, y + 1, self.wrap(document.subtitle, SUBTITLE, self.inner, 1)) + 6

    def cards(self, document: MapDocument, top: float) -> float:
        persona_width = round(self.inner * 0.36)
        scope_width = self.inner - persona_width - GAP
        persona = self._persona_lines(document, persona_width - 2 * PAD)
        scope = self._scope_lines(document, scope_width - 2 * PAD)
        height = max(_height(persona), _height(scope)) + 2 * PAD
        self.scene.add(Rect(MARGIN, top, persona_width, height, LABEL_FILL, radius=4))
        self.scene.add(Rect(MARGIN, top, 3, height, NAVY))
        self.put(MARGIN + PAD + 2, top + PAD, persona)
        left = MARGIN + persona_width + GAP
        self.scene.add(Rect(left, top, scope_width, height, WHITE, stroke=RULE, radius=4))
        self.put(left + PAD, top + PAD, scope)
        return top + height

    def _persona_lines(self, document: MapDocument, width: float) -> list[Line]:
        if not document.personas:
            return self.wrap("No persona yet: who is this journey for?", CARD_QUOTE, width, 2)
        persona = document.personas[0]
        others = len(document.personas) - 1
        name = persona.name + (f"  (+{others} more in the appendix)" if others else "")
        lines = self.wrap(name, CARD_NAME, width, 2)
        lines += self.wrap(persona.description, NOTE, width, 1)
        if persona.goal:
            lines += self.wrap(f"Goal: {persona.goal}", CARD_TEXT, width, 2)
        if persona.quote:
            lines += self.wrap(f"“{persona.quote.strip('“”')}”", CARD_QUOTE, width, 2)
        return lines

    def _scope_lines(self, document: MapDocument, width: float) -> list[Line]:
        scope = dict(document.scope)
        journey = " → ".join(
            part
            for part in (scope.get("Journey starts", ""), scope.get("Journey ends", ""))
            if part
        )
        rows = (
            ("Objective", scope.get("Objective", "")),
            ("Scenario", scope.get("Scenario", "")),
            ("Journey", journey),
        )
        lines: list[Line] = []
        for label, text in rows:
            if text:
                wrapped = self.wrap(f"{label}: {text}", CARD_TEXT, width, 2)
                lines += [Line(line.text, CARD_TEXT) for line in wrapped]
        return lines or self.wrap("No scope yet: what is this map for?", CARD_QUOTE, width, 2)

    # --- the grid ------------------------------------------------------------------------------

    def grid(self, document: MapDocument, top: float, bottom: float) -> None:
        columns = document.columns
        column_width = (self.inner - LABEL_WIDTH) / len(columns)
        text_width = column_width - 2 * PAD - MARKER_WIDTH
        x0 = MARGIN + LABEL_WIDTH
        header = self._stage_header(columns, x0, top, column_width)
        y = top + header
        scored = any(c.score is not None for c in columns)
        plans = [
            self._plan(lane, text_width)
            for lane in document.lanes
            if lane.key != "emotion" and any(lane.cells)
        ]
        emotion_height = (CURVE_HEIGHT + FEELING.line + 2 * PAD) if scored else 0.0
        heights = _share(
            bottom - y - emotion_height,
            [p.natural for p in plans],
            [LANE_WEIGHTS.get(p.lane.key, 1.0) for p in plans],
        )
        order = [lane.key for lane in document.lanes]
        for key in order:
            if key == "emotion":
                if scored:
                    self._emotion_lane(document, x0, y, column_width, emotion_height)
                    y += emotion_height
                continue
            plan = next((p for p in plans if p.lane.key == key), None)
            if plan is None:
                continue
            height = heights[plans.index(plan)]
            self._lane(plan, x0, y, column_width, height)
            y += height
        for i in range(len(columns) + 1):
            x = x0 + i * column_width
            self.scene.add(Path(((x, top + header), (x, y)), RULE, 0.6))
        self.scene.add(Rect(MARGIN, top, self.inner, y - top, None, stroke=MUTED, stroke_width=0.8))

    def _stage_header(
        self, columns: Sequence[Column], x0: float, top: float, width: float
    ) -> float:
        names = [self.wrap(c.name, STAGE, width - 2 * PAD - 12, STAGE_LINES) for c in columns]
        height = max(_height(lines) for lines in names) + 2 * PAD
        self.scene.add(Rect(MARGIN, top, self.inner, height, NAVY))
        self.scene.add(Text(MARGIN + PAD, top + PAD, f"{len(columns)} STAGES", CARD_LABEL_WHITE))
        for i, (column, lines) in enumerate(zip(columns, names, strict=True)):
            x = x0 + i * width
            text_x = x + PAD
            if column.has_moment:  # inside its own column, before its name
                self.scene.add(Polygon(star(x + PAD + 4.5, top + PAD + 5.5, 5.5), MOMENT))
                text_x += 13
            self.put(text_x, top + PAD, lines)
        return height

    def _plan(self, lane: Lane, text_width: float) -> LanePlan:
        blocks = [[self._block(lane.key, item, text_width) for item in cell] for cell in lane.cells]
        natural = max(_cell_height(cell) for cell in blocks) + 2 * PAD
        label = self.wrap(lane.title, LANE_TITLE, LABEL_WIDTH - 2 * PAD, 3)
        return LanePlan(lane, blocks, max(natural, _height(label) + 2 * PAD))

    def _block(self, key: LaneKey, item: Item, width: float) -> Block:
        """An item's lines; a channel goes on the item's line, an action's owner below it, and
        a pain's touchpoint is left to the appendix."""
        style = THOUGHT if key == "thinking" else BODY
        text = f"“{item.text}”" if key == "thinking" else item.text
        if key == "touchpoints" and item.note:
            text = f"{text} · {item.note}"
        if item.compact:
            text = f"{text} {item.compact}"
        lines = self.wrap(text, style, width, ITEM_LINES)
        if not lines:
            return []
        lines[0] = Line(lines[0].text, style, MARKERS[key])
        if key == "opportunities" and item.note:
            lines += self.wrap(item.note, OWNER_NOTE, width, NOTE_LINES)
        return lines

    def _lane(self, plan: LanePlan, x0: float, top: float, width: float, height: float) -> None:
        key = plan.lane.key
        self.scene.add(Rect(MARGIN, top, LABEL_WIDTH, height, LABEL_FILL))
        self.put(
            MARGIN + PAD,
            top + PAD,
            self.wrap(plan.lane.title, LANE_TITLE, LABEL_WIDTH - 2 * PAD, 3),
        )
        for i, cell in enumerate(plan.blocks):
            x = x0 + i * width
            if key in LANE_FILLS and cell:
                self.scene.add(Rect(x, top, width, height, LANE_FILLS[key]))
            self._cell(cell, x + PAD + MARKER_WIDTH, top + PAD, height - 2 * PAD)
        self.scene.add(Path(((MARGIN, top), (MARGIN + self.inner, top)), RULE, 0.6))

    def _cell(self, blocks: list[Block], x: float, y: float, room: float) -> None:
        shown = _fitting(blocks, room)
        for block in blocks[:shown]:
            y = self.put(x, y, block) + ITEM_GAP
        if shown == 0 and blocks:  # not even one whole item: its first line, cut short
            first = blocks[0][0]
            cut = first.text if len(blocks[0]) == 1 else first.text.rstrip("…") + "…"
            y = self.put(x, y, [Line(cut, first.style, first.marker)]) + ITEM_GAP
            shown = 1
        if shown < len(blocks):
            self.put(x, y, [Line(f"+ {len(blocks) - shown} more in the appendix", MORE)])

    def _emotion_lane(
        self, document: MapDocument, x0: float, top: float, width: float, height: float
    ) -> None:
        self.scene.add(Rect(MARGIN, top, LABEL_WIDTH, height, LABEL_FILL))
        self.put(MARGIN + PAD, top + PAD, self.wrap("Emotion", LANE_TITLE, LABEL_WIDTH, 1))
        right = MARGIN + self.inner
        high, low = top + PAD + 6, top + PAD + CURVE_HEIGHT - 6

        def y_of(score: float) -> float:
            return high + (2 - score) / 4 * (low - high)

        middle = y_of(0)
        self.scene.add(Rect(x0, top, right - x0, middle - top, LANE_FILLS["delights"]))
        self.scene.add(
            Rect(x0, middle, right - x0, top + PAD + CURVE_HEIGHT - middle, LANE_FILLS["pains"])
        )
        self.scene.add(Path(((x0, middle), (right, middle)), SCORE_COLOURS[0], 0.6, dashed=True))
        for score in (2, 0, -2):
            label = f"{score:+d}" if score else "0"
            self.scene.add(Text(x0 - 3, y_of(score) - AXIS.size * 0.6, label, AXIS, "right"))
        columns = document.columns
        xs = [x0 + (i + 0.5) * width for i in range(len(columns))]
        self._curve(xs, [c.score for c in columns], y_of, NAVY, 2.2, dashed=_dashed_own(document))
        compare = document.compare
        if compare is not None:
            matched = [compare.score_for(c.name) for c in columns]
            scores = [score if has else None for has, score in matched]
            self._curve(xs, scores, y_of, COMPARE_COLOUR, 1.6, dashed=compare.state == "future")
        label_y = top + PAD + CURVE_HEIGHT + 2
        for x, column in zip(xs, columns, strict=True):
            if column.votes:
                self._votes(x, column.votes, y_of)
            if column.score is None:
                self.scene.add(Text(x, middle - MORE.size * 0.6, "not scored", MORE, "center"))
                continue
            y = y_of(column.score)
            if column.has_moment:
                self.scene.add(Polygon(star(x, y, 8.5), MOMENT))
            self.scene.add(Circle(x, y, 3.6, SCORE_COLOURS[column.score], stroke=WHITE))
            feeling = self.measure.wrap(column.emotion, FEELING, width - 2 * PAD, 1)
            if feeling:
                style = Style(FEELING.size, SCORE_COLOURS[column.score], bold=True)
                self.scene.add(Text(x, label_y, feeling[0], style, "center"))
        self.scene.add(Path(((MARGIN, top), (right, top)), RULE, 0.6))

    def _curve(
        self,
        xs: Sequence[float],
        scores: Sequence[int | None],
        y_of: Callable[[float], float],
        colour: str,
        width: float,
        dashed: bool,
    ) -> None:
        """The line through the scored stages; a gap where a stage has no score."""
        run: list[tuple[float, float]] = []
        for x, score in zip(xs, scores, strict=True):
            if score is None:
                if len(run) > 1:
                    self.scene.add(Path(tuple(run), colour, width, dashed))
                run = []
                continue
            run.append((x, y_of(score)))
        if len(run) > 1:
            self.scene.add(Path(tuple(run), colour, width, dashed))

    def _votes(self, x: float, votes: Sequence[int], y_of: Callable[[float], float]) -> None:
        bar = x - 10
        self.scene.add(Path(((bar, y_of(votes[0])), (bar, y_of(votes[-1]) - 0.01)), "#B0BEC5", 3.5))
        for score in sorted(set(votes)):
            self.scene.add(Circle(bar, y_of(score), 1.2 + 0.5 * votes.count(score), MUTED))

    # --- KPIs and legend ---------------------------------------------------------------------

    def kpis(self, document: MapDocument, bottom: float) -> float:
        rows = document.kpis.rows
        fits = max(1, int(self.inner // KPI_BOX_MIN))
        shown = rows[: fits if len(rows) <= fits else fits - 1]
        boxes = len(shown) + (len(rows) > len(shown))
        box_width = min((self.inner - (boxes - 1) * 6) / boxes, KPI_BOX_MAX)
        height = KPI_NAME.line + KPI_FIGURES.line + NOTE.line + 2 * PAD
        top = bottom - height
        for i, row in enumerate(shown):
            name, _definition, baseline, target, owner, stage = row
            x = MARGIN + i * (box_width + 6)
            self.scene.add(Rect(x, top, box_width, height, WHITE, stroke=RULE, radius=3))
            self.scene.add(Rect(x, top, 3, height, NAVY))
            text_width = box_width - 2 * PAD
            lines = self.wrap(name, KPI_NAME, text_width, 1)
            figures = " → ".join(part or "?" for part in (baseline, target))
            no_figures = "no baseline or target yet"
            lines += self.wrap(
                figures if baseline or target else no_figures, KPI_FIGURES, text_width, 1
            )
            who = f"Owner: {owner}" if owner else "No owner yet"
            lines += self.wrap(f"{who} · {stage}" if stage else who, NOTE, text_width, 1)
            self.put(x + PAD + 2, top + PAD, lines)
        if len(rows) > len(shown):
            x = MARGIN + len(shown) * (box_width + 6)
            more = f"+ {len(rows) - len(shown)} more KPIs in the appendix"
            self.scene.add(Rect(x, top, box_width, height, LABEL_FILL, radius=3))
            self.put(x + PAD, top + PAD, self.wrap(more, MORE, box_width - 2 * PAD, 2))
        return top

    def legend_entries(self, document: MapDocument) -> list[list[tuple[str, str, str, float]]]:
        """The legend's entries (glyph, colour, label, width), in lines that fit the page."""
        entries: list[tuple[str, str, str]] = [
            ("●", PAIN, "Pain point"),
            ("●", DELIGHT, "Delight"),
            ("★", MOMENT, "Moment of truth"),
            ("━", NAVY, _own_curve_label(document)),
        ]
        if document.compare is not None:
            entries.append(
                (
                    "┅" if document.compare.state == "future" else "━",
                    COMPARE_COLOUR,
                    f"{document.compare.label(document.compare.state)}: “{document.compare.title}”",
                )
            )
        if any(c.votes for c in document.columns):
            entries.append(("┃", MUTED, "Team votes, lowest to highest"))
        entries += [
            (COMPACT_MARKS["observed"], INK, "observed"),
            (COMPACT_MARKS["reported"], INK, "reported"),
            ("", MUTED, "unmarked: assumed · numbers: sources in the appendix"),
        ]
        lines: list[list[tuple[str, str, str, float]]] = [[]]
        used = 0.0
        for glyph, colour, label in entries:
            glyph_width = self.measure.width(glyph, LEGEND_GLYPH) + 3 if glyph else 0.0
            width = glyph_width + self.measure.width(label, LEGEND) + 12
            if lines[-1] and used + width > self.inner:
                lines.append([])
                used = 0.0
            lines[-1].append((glyph, colour, label, glyph_width))
            used += width
        return lines

    def legend(self, lines: list[list[tuple[str, str, str, float]]], y: float) -> None:
        for line in lines:
            x = MARGIN
            for glyph, colour, label, glyph_width in line:
                if glyph:
                    self.scene.add(Text(x, y, glyph, Style(LEGEND_GLYPH.size, colour)))
                self.scene.add(Text(x + glyph_width, y + 0.5, label, LEGEND))
                x += glyph_width + self.measure.width(label, LEGEND) + 12
            y += LEGEND.line


CARD_LABEL_WHITE = Style(6.5, "#C5D3E3", bold=True)
ITEM_GAP = 3.0


def _own_curve_label(document: MapDocument) -> str:
    if document.compare is None:
        return "Emotion, −2 to +2"
    return f"{document.compare.label(document.compare.own_state)} (this map), −2 to +2"


def _dashed_own(document: MapDocument) -> bool:
    return document.compare is not None and document.compare.own_state == "future"


def _height(lines: Sequence[Line]) -> float:
    return sum(line.style.line for line in lines)


def _cell_height(blocks: Sequence[Block]) -> float:
    return sum(_height(block) for block in blocks) + ITEM_GAP * max(len(blocks) - 1, 0)


def _fitting(blocks: Sequence[Block], room: float) -> int:
    """How many blocks fit in `room`, keeping a line for "+ n more" when not all do."""
    if _cell_height(blocks) <= room:
        return len(blocks)
    used, shown = MORE.line, 0
    for block in blocks:
        used += _height(block) + ITEM_GAP
        if used > room:
            break
        shown += 1
    return shown


def _share(room: float, natural: Sequence[float], weights: Sequence[float]) -> list[float]:
    """Heights for lanes that need `natural`: all of it when it fits (the rest of the room
    shared out evenly), else each lane capped at its weight times the one height that fills
    the room."""
    if not natural:
        return []
    total = sum(natural)
    if total <= room:
        extra = (room - total) / len(natural)
        return [n + extra for n in natural]
    low, high = 0.0, max(natural)
    for _ in range(40):
        cap = (low + high) / 2
        if sum(min(n, cap * w) for n, w in zip(natural, weights, strict=True)) > room:
            high = cap
        else:
            low = cap
    return [min(n, low * w) for n, w in zip(natural, weights, strict=True)]
