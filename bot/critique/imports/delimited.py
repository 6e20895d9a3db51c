"""CSV, semicolon-separated or tab-separated text, in either table layout."""

from __future__ import annotations

import csv
import io

from bot.critique.imports.build import Imported
from bot.critique.imports.grid import collect, map_from_grid
from bot.critique.imports.problem import ImportProblem

_DELIMITERS = {",": "CSV (,)", ";": "CSV (;)", "\t": "tab-separated text"}


def read_delimited(text: str, title_hint: str) -> Imported:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        grid = collect(reader)
    except csv.Error as exc:
        raise ImportProblem(
            f"The CSV file is malformed ({exc}). Check for a stray quote or a very long cell, or "
            "export it again from your spreadsheet as CSV UTF-8, then import again."
        ) from exc
    return map_from_grid(grid, title_hint, source=_DELIMITERS[delimiter])


def _delimiter(text: str) -> str:
    """The separator that occurs most often in the first line holding any (a title line may
    hold none)."""
    lines = (line for line in io.StringIO(text) if line.strip())
    first = next((line for line in lines if any(d in line for d in _DELIMITERS)), "")
    return max(_DELIMITERS, key=first.count)
