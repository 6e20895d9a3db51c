"""CSV, semicolon-separated or tab-separated text, in either table layout."""

from __future__ import annotations

import csv
import io

from bot.critique.imports.grid import collect, map_from_grid
from bot.critique.imports.problem import ImportProblem
from bot.model import JourneyMap

_DELIMITERS = (",", ";", "\t")


def read_delimited(text: str, title_hint: str) -> JourneyMap:
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        grid = collect(reader)
    except csv.Error as exc:
        raise ImportProblem(
            f"The CSV file is malformed ({exc}). Check for a stray quote or a very long cell, or "
            "export it again from your spreadsheet as CSV UTF-8, then import again."
        ) from exc
    return map_from_grid(grid, title_hint)


def _delimiter(text: str) -> str:
    """The separator that occurs most often in the first non-empty line."""
    first = next((line for line in io.StringIO(text) if line.strip()), "")
    return max(_DELIMITERS, key=first.count)
