"""Fonts that cover what teams type, found inside installed packages (no downloads at run time).

DejaVu Sans ships with matplotlib and covers Latin, Greek, Cyrillic and many symbols; Noto fonts
from PyPI packages fill in the rest: symbols, (monochrome) emoji, Chinese, Japanese and Korean,
and the scripts of South and South-East Asia and beyond.
A fallback is used only when the text needs it: every extra font slows matplotlib's text layout,
and loading the CJK font into a PDF costs a third of a second.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

import manimgx_fonts
import matplotlib
import noto_cjk_sans_jp_regular
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

_DEJAVU_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_NOTO_DIR = Path(manimgx_fonts.__file__).parent

MAIN_FAMILY = "DejaVu Sans"
# fpdf2 style -> file
DEJAVU: dict[str, Path] = {
    "": _DEJAVU_DIR / "DejaVuSans.ttf",
    "B": _DEJAVU_DIR / "DejaVuSans-Bold.ttf",
    "I": _DEJAVU_DIR / "DejaVuSans-Oblique.ttf",
}


class Fallback(NamedTuple):
    key: str
    family: str
    path: Path


# Scripts DejaVu Sans lacks or covers thinly, each with its Noto Sans in manimgx-fonts.
SCRIPTS: tuple[str, ...] = (
    "Arabic",
    "Armenian",
    "Bengali",
    "Devanagari",
    "Ethiopic",
    "Georgian",
    "Gujarati",
    "Gurmukhi",
    "Hebrew",
    "Kannada",
    "Khmer",
    "Lao",
    "Malayalam",
    "Myanmar",
    "Oriya",
    "Sinhala",
    "Tamil",
    "Telugu",
    "Thai",
)
FALLBACKS: tuple[Fallback, ...] = (
    Fallback("symbols", "Noto Sans Symbols", _NOTO_DIR / "NotoSansSymbols[wght].ttf"),
    Fallback("emoji", "Noto Emoji", _NOTO_DIR / "NotoEmoji[wght].ttf"),
    Fallback("cjk", "Noto Sans CJK JP", Path(noto_cjk_sans_jp_regular.FONT_PATH)),
    *(
        Fallback(script.lower(), f"Noto Sans {script}", _NOTO_DIR / f"NotoSans{script}[wght].ttf")
        for script in SCRIPTS
    ),
)


def fallbacks_for(text: Iterable[str]) -> list[Fallback]:
    """The fallback fonts, in order, that cover characters of `text` DejaVu Sans lacks."""
    missing = {ord(c) for c in text if c.isprintable()} - code_points(DEJAVU[""])
    chosen = []
    for fallback in FALLBACKS:
        if not missing:
            break
        covered = missing & code_points(fallback.path)
        if covered:
            chosen.append(fallback)
            missing -= covered
    return chosen


def matplotlib_family(text: Iterable[str]) -> list[str]:
    """The font family list to give matplotlib text drawn from `text`."""
    _register_with_matplotlib()
    return [MAIN_FAMILY, *(fallback.family for fallback in fallbacks_for(text))]


@cache
def code_points(path: Path) -> frozenset[int]:
    return frozenset(FT2Font(str(path)).get_charmap())


@cache
def _register_with_matplotlib() -> None:
    for fallback in FALLBACKS:
        font_manager.fontManager.addfont(str(fallback.path))
    # The fallbacks are single-weight: bold text set in them would log a warning per string.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
