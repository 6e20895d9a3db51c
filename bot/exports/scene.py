"""A drawing as a list of shapes and single lines of text, in points, y growing downwards.

The one-page canvas (bot.exports.overview) is laid out once as a Scene; each backend draws the
same Scene: Pillow for PNG (bot.exports.scene_png), SVG markup (bot.exports.scene_svg) and fpdf2
for page 1 of the PDF (bot.exports.scene_pdf). Text is measured here, in DejaVu Sans with its
fallbacks, so every backend breaks lines at the same places.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from bot.exports.typeset import Style, Typesetter

Align = Literal["left", "center", "right"]
Point = tuple[float, float]
MEASURE_SCALE = 10.0  # measure at ten pixels per point: hinting at tiny sizes would skew widths


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str | None
    stroke: str | None = None
    stroke_width: float = 0.5
    radius: float = 0.0


@dataclass(frozen=True)
class Path:
    points: tuple[Point, ...]
    colour: str
    width: float
    dashed: bool = False


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    fill: str
    stroke: str | None = None


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    radius: float
    fill: str
    stroke: str | None = None
    stroke_width: float = 1.0


@dataclass(frozen=True)
class Text:
    """One line; (x, y) is its top edge at the aligned end."""

    x: float
    y: float
    text: str
    style: Style
    align: Align = "left"


Shape = Rect | Path | Polygon | Circle | Text


@dataclass
class Scene:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)

    def texts(self) -> Iterable[Text]:
        return (shape for shape in self.shapes if isinstance(shape, Text))


class Measure:
    """Widths in points and line wrapping, for every backend alike."""

    def __init__(self, text: Iterable[str]) -> None:
        self.typesetter = Typesetter(text, px_per_pt=MEASURE_SCALE)

    def width(self, text: str, style: Style) -> float:
        return self.typesetter.width(text, style) / MEASURE_SCALE

    def wrap(self, text: str, style: Style, width: float, max_lines: int) -> list[str]:
        return self.typesetter.wrap(text, style, width * MEASURE_SCALE, max_lines)


def star(x: float, y: float, radius: float) -> tuple[Point, ...]:
    """The ten corners of a five-pointed star centred on (x, y), pointing up."""
    from math import cos, pi, sin

    corners = []
    for n in range(10):
        r = radius if n % 2 == 0 else radius * 0.42
        angle = -pi / 2 + n * pi / 5
        corners.append((x + r * cos(angle), y + r * sin(angle)))
    return tuple(corners)
