"""Greedy line wrapping against any measure of width (pixels, ems).

Lines are measured word by word (a line is its words plus its spaces), so each distinct word is
measured once however long the text; kerning across a space is ignored.
"""

from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "…"

Measure = Callable[[str], float]


def wrap(text: str, width: float, measure: Measure, max_lines: int) -> list[str]:
    """Words go on a line while it fits; a word wider than a line (or unspaced CJK text) breaks
    between characters. Past `max_lines` the last line ends in an ellipsis."""
    space = measure(" ")
    lines: list[list[str]] = []
    used = 0.0
    for word in text.split():
        for piece in _pieces(word, width, measure):
            size = measure(piece)
            if lines and used + space + size <= width:
                lines[-1].append(piece)
                used += space + size
            else:
                lines.append([piece])
                used = size
    joined = [" ".join(words) for words in lines]
    if len(joined) > max_lines:
        joined = joined[:max_lines]
        joined[-1] = _shorten(joined[-1], width - measure(ELLIPSIS), measure) + ELLIPSIS
    return joined


def _pieces(word: str, width: float, measure: Measure) -> list[str]:
    if measure(word) <= width:
        return [word]
    pieces = [""]
    for char in word:
        if pieces[-1] and measure(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _shorten(line: str, width: float, measure: Measure) -> str:
    while line and measure(line) > width:
        line = line[:-1]
    return line.rstrip()
