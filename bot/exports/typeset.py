"""Setting text in a picture with Pillow, falling back font by font, character by character.

Sizes are in points; a Typesetter draws at `px_per_pt` pixels per point. The canvas
(bot.exports.scene) measures with one and the PNG draws with another: matplotlib rasterises
every glyph afresh, which made a 12-stage map's 8,000 glyphs cost 1.5 s of CPU; Pillow sets
them in 0.1 s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Literal

from PIL import ImageDraw, ImageFont

from bot.exports.fonts import DEJAVU, code_points, fallbacks_for
from bot.exports.wrapping import wrap

LINE_SPACING = 1.25

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]


@dataclass(frozen=True)
class Style:
    size: float  # points
    colour: str
    bold: bool = False
    italic: bool = False

    @property
    def line(self) -> float:
        """Line height, in points."""
        return self.size * LINE_SPACING

    @property
    def face(self) -> str:
        return "B" if self.bold else "I" if self.italic else ""


class Typesetter:
    """Measures and draws text in DejaVu Sans, with the fallback fonts `text` needs."""

    def __init__(self, text: Iterable[str], px_per_pt: float) -> None:
        self.px_per_pt = px_per_pt
        self._fallbacks = [f.path for f in fallbacks_for(text)]
        self._fonts: dict[tuple[Path, float], ImageFont.FreeTypeFont] = {}
        self._widths: dict[tuple[str, Style], float] = {}

    def width(self, text: str, style: Style) -> float:
        key = (text, style)
        if key not in self._widths:
            runs = self._runs(text, style)
            self._widths[key] = sum(self._font(path, style).getlength(run) for path, run in runs)
        return self._widths[key]

    def wrap(self, text: str, style: Style, width: float, max_lines: int) -> list[str]:
        return wrap(text, width, lambda t: self.width(t, style), max_lines)

    def draw(
        self,
        canvas: ImageDraw.ImageDraw,
        xy: tuple[float, float],
        text: str,
        style: Style,
        align: Align = "left",
        valign: VAlign = "top",
        box: str | None = None,
    ) -> None:
        """Draw one line; `box` is the fill of a rounded box behind it."""
        x, y = xy
        width = self.width(text, style) if align != "left" or box else 0
        x -= {"left": 0, "center": width / 2, "right": width}[align]
        ascent, descent = self._font(DEJAVU[style.face], style).getmetrics()
        baseline = {"top": y + ascent, "middle": y + (ascent - descent) / 2, "bottom": y - descent}
        base = baseline[valign]
        if box is not None:
            pad = style.size * self.px_per_pt * 0.25
            corners = (x - pad, base - ascent - pad, x + width + pad, base + descent + pad)
            canvas.rounded_rectangle(corners, radius=pad, fill=box)
        for path, run in self._runs(text, style):
            font = self._font(path, style)
            canvas.text((x, base), run, font=font, fill=style.colour, anchor="ls")
            x += font.getlength(run)

    def _runs(self, text: str, style: Style) -> list[tuple[Path, str]]:
        """Split text into runs that one font can set."""
        main = DEJAVU[style.face]
        if not self._fallbacks:
            return [(main, text)]
        choices = [self._font_path_for(char, main) for char in text]
        return [
            (path, "".join(char for char, _ in group))
            for path, group in groupby(zip(text, choices, strict=True), key=lambda pair: pair[1])
        ]

    def _font_path_for(self, char: str, main: Path) -> Path:
        code = ord(char)
        if code in code_points(main):
            return main
        return next((path for path in self._fallbacks if code in code_points(path)), main)

    def _font(self, path: Path, style: Style) -> ImageFont.FreeTypeFont:
        px = style.size * self.px_per_pt
        key = (path, px)
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(str(path), px)
        return self._fonts[key]
