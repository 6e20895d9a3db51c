"""Fonts that cover what teams type, found inside installed packages (no downloads at run time).

DejaVu Sans ships with matplotlib and covers Latin, Greek, Cyrillic and many symbols; Noto fonts
from PyPI packages fill in the rest: symbols, (monochrome) emoji, Chinese, Japanese and Korean,
and the scripts of South and South-East Asia and beyond.
A fallback is used only when the text needs it: loading the CJK font into a PDF costs a third
of a second. Nothing here imports matplotlib (slow to import): its fonts are found on disk, and
their character maps read with fontTools.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

import manimgx_fonts
import noto_cjk_sans_jp_regular


def _package_dir(name: str) -> Path:
    """Where an installed package lives, without importing it."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{name} is not installed: JourneyBot's fonts come with it")
    return Path(next(iter(spec.submodule_search_locations)))


_DEJAVU_DIR = _package_dir("matplotlib") / "mpl-data" / "fonts" / "ttf"
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


@cache
def code_points(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})
