"""A Markdown table pasted in a thread, or the first table of a Markdown document; the lines
above it may name the title (a heading) and the scope ('Objective: …')."""

from __future__ import annotations

import re

from bot.critique.imports.grid import collect, map_from_grid
from bot.critique.imports.problem import MAX_CELL_CHARS
from bot.model import JourneyMap

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_CHARS = frozenset("|:- \t")
# Emphasis markers at the edge of a word ("**Goals:**", "_website_"), not inside one
# ("snake_case") nor standing alone ("2 * 3"); a linear scan, whatever the input.
_EMPHASIS = re.compile(r"(?<![\w\\*_])[*_]+(?=[^\s*_])|(?<=[^\s*_\\])[*_]+(?![\w*_])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")


def looks_like_markdown_table(text: str) -> bool:
    return _find_table(text.splitlines()) is not None


def read_markdown(text: str, title_hint: str) -> JourneyMap:
    lines = text.splitlines()
    found = _find_table(lines)
    if found is None:
        return map_from_grid([], title_hint)
    start, end = found
    table = collect(_cells(line) for line in lines[start:end] if not _is_separator(line))
    above = [[plain(line[:MAX_CELL_CHARS])] for line in lines[:start] if line.strip()]
    return map_from_grid(table, title_hint, above)


def _find_table(lines: list[str]) -> tuple[int, int] | None:
    """(first, past-last) line of the first table: a row of pipes over a separator row."""
    for i in range(len(lines) - 1):
        if "|" in lines[i] and _is_separator(lines[i + 1]):
            end = i + 2
            while end < len(lines) and "|" in lines[end]:
                end += 1
            return i, end
    return None


def _is_separator(line: str) -> bool:
    stripped = line.strip()
    return "-" in stripped and "|" in stripped and set(stripped) <= _SEPARATOR_CHARS


def _cells(line: str) -> list[str]:
    row = line.strip().strip("`")
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [plain(cell[:MAX_CELL_CHARS]).strip() for cell in _UNESCAPED_PIPE.split(row)]


def plain(text: str) -> str:
    """Markdown inline text as plain text: emphasis markers and backslash escapes removed."""
    return _ESCAPED.sub(r"\1", _EMPHASIS.sub("", text))
