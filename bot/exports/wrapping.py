"""Greedy line wrapping against any measure of width (pixels, ems)."""

from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "…"

Measure = Callable[[str], float]


def wrap(text: str, width: float, measure: Measure, max_lines: int) -> list[str]:
    """Words go on a line while it fits; a word wider than a line (or unspaced CJK text) breaks
    between characters. Past `max_lines` the last line ends in an ellipsis."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in _pieces(word, width, measure):
            candidate = f"{line} {piece}" if line else piece
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = piece
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _shorten(lines[-1], width - measure(ELLIPSIS), measure) + ELLIPSIS
    return lines


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
