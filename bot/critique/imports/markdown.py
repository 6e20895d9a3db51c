"""A Markdown (or Confluence wiki) document: the journey table in it, with key/value tables and
the lines above it describing the map; or, with no journey table, a heading per stage."""

from __future__ import annotations

import re

from bot.critique.imports import outline
from bot.critique.imports.build import Imported
from bot.critique.imports.cells import plain
from bot.critique.imports.grid import Grid, collect, map_from_grid
from bot.critique.imports.names import preamble_key
from bot.critique.imports.problem import MAX_CELL_CHARS, ImportProblem
from bot.critique.imports.report import ImportReport

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_CHARS = frozenset("|:- \t")


def looks_like_markdown_table(text: str) -> bool:
    return bool(_tables(text.splitlines()))


def read_markdown(text: str, title_hint: str) -> Imported:
    lines = text.splitlines()
    above: Grid = []
    start = 0
    for first, end in _tables(lines):
        above += [[plain(line[:MAX_CELL_CHARS])] for line in lines[start:first] if line.strip()]
        table = collect(_cells(line) for line in lines[first:end] if not _is_separator(line))
        start = end
        if _is_key_value(table):
            above += table
            continue
        report = ImportReport()
        try:
            return map_from_grid(table, title_hint, above, report, source=_kind(lines, first))
        except ImportProblem:
            if not outline.has_stages(lines):
                raise
    return outline.read(lines, title_hint)


def _tables(lines: list[str]) -> list[tuple[int, int]]:
    """(first, past-last) lines of each table: rows of pipes over a separator row (GFM), or
    two or more rows starting with a pipe (a Confluence wiki table)."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        gfm = "|" in lines[i] and i + 1 < len(lines) and _is_separator(lines[i + 1])
        wiki = lines[i].lstrip().startswith("|") and i + 1 < len(lines)
        wiki = wiki and lines[i + 1].lstrip().startswith("|")
        if gfm or wiki:
            end = i + 1
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                end += 1
            found.append((i, end))
            i = end
        else:
            i += 1
    return found


def _kind(lines: list[str], first: int) -> str:
    separated = first + 1 < len(lines) and _is_separator(lines[first + 1])
    return "Markdown table" if separated else "Confluence table"


def _is_key_value(table: Grid) -> bool:
    """A two-column table whose left column holds keys such as Objective and Persona."""
    return (
        bool(table)
        and all(len(row) <= 2 for row in table)
        and (sum(1 for row in table if preamble_key(row[0])) * 2 > len(table))
    )


def _is_separator(line: str) -> bool:
    stripped = line.strip()
    return "-" in stripped and "|" in stripped and set(stripped) <= _SEPARATOR_CHARS


def _cells(line: str) -> list[str]:
    row = line.strip().strip("`")
    if row.startswith("||"):  # Confluence header cells: ||Stage||Notice||
        row = row.replace("||", "|")
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [plain(cell[:MAX_CELL_CHARS]).strip() for cell in _UNESCAPED_PIPE.split(row)]
