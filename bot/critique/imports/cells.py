"""Cleaning cell text from hostile sources: markup is removed, formulas are inert, and a cell
may hold several items."""

from __future__ import annotations

import html
import re

from bot.critique.imports.problem import MAX_CELL_CHARS

_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</li\s*>|</div\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SEPARATORS = re.compile(r"[\n;•]")
_LINES = re.compile(r"[\n•]")
_BULLET = re.compile(r"^(?:[-*·]|\d+[.)])\s+")
_SPACES = re.compile(r"[ \t\r]+")
_FORMULA_START = ("=", "+", "-", "@")
# The evidence marker our own exports put after an item: "[observed · 2]", "[assumed]".
_EVIDENCE_MARK = re.compile(r"\s*\[(?:observed|reported|assumed)(?:\s*·\s*[\d,\s]+)?\]\s*$")
# Emphasis markers at the edge of a word ("**Goals:**", "_website_"), not inside one
# ("snake_case") nor standing alone ("2 * 3"); a linear scan, whatever the input.
_EMPHASIS = re.compile(r"(?<![\w\\*_])[*_]+(?=[^\s*_])|(?<=[^\s*_\\])[*_]+(?![\w*_])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_EMPTY = frozenset({"-", "–", "—", "n/a", "na", "tbd", "?", "…", "..."})


def clean(value: str) -> str:
    """Cell text as plain text, keeping line breaks: entities decoded, script and style
    blocks dropped, every other tag removed (a <br> becomes a line break), and a leading '='
    stripped so a spreadsheet formula is only ever text. The apostrophe our exports put before
    a formula-like cell is removed first."""
    text = html.unescape(value[:MAX_CELL_CHARS])
    if text[:1] == "'" and text[1:2] in _FORMULA_START:
        text = text[1:]
    text = _SCRIPT.sub(" ", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = _CONTROL.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line).lstrip("= ")


def items(value: str, semicolons: bool = True) -> list[str]:
    """The items of a cell: split at line breaks, <br>, '•' and (unless told not to) ';',
    bullets removed; a cell holding only a dash or 'n/a' has none."""
    separators = _SEPARATORS if semicolons else _LINES
    parts = (_BULLET.sub("", p.strip()).strip() for p in separators.split(clean(value)))
    found = [_EVIDENCE_MARK.sub("", p) for p in parts if p]
    return [p for p in found if p.casefold() not in _EMPTY]


def flat(value: str) -> str:
    """The whole cell on one line, without our exports' evidence marker."""
    return _EVIDENCE_MARK.sub("", " ".join(clean(value).split()))


def is_empty(value: str) -> bool:
    return flat(value).casefold() in _EMPTY or not flat(value)


def plain(text: str) -> str:
    """Markdown inline text as plain text: emphasis markers and backslash escapes removed."""
    return _ESCAPED.sub(r"\1", _EMPHASIS.sub("", text))
