"""A table as rows of cell text, whichever file it came from: read within limits, the journey
grid found among title and key/value rows, then turned into a map from either layout (stages
across the top, or one row per touchpoint or stage)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from bot.critique.imports import lanes, long_rows, touchpoint_rows
from bot.critique.imports.build import Imported, build_map
from bot.critique.imports.cells import flat
from bot.critique.imports.names import Lane, lane_of, preamble_key
from bot.critique.imports.preamble import read_preamble
from bot.critique.imports.problem import (
    MAX_COLUMNS,
    MAX_ROWS,
    ImportProblem,
    too_many_columns,
    too_many_rows,
)
from bot.critique.imports.report import ImportReport

Grid = list[list[str]]
HEADER_SEARCH = 30  # rows scanned for a header; anything above it is preamble


def collect(rows: Iterable[Iterable[object]]) -> Grid:
    """Non-empty rows as text, trailing empty cells dropped; refuses tables over the limits
    as soon as it sees them, so a huge file is never read to the end."""
    grid: Grid = []
    for row in rows:
        cells = [_text(value) for value in row]
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            continue
        if len(cells) > MAX_COLUMNS:
            raise too_many_columns()
        grid.append(cells)
        if len(grid) > MAX_ROWS:
            raise too_many_rows()
    return grid


def map_from_grid(
    grid: Grid,
    title_hint: str = "",
    above: Grid | None = None,
    report: ImportReport | None = None,
    source: str = "table",
) -> Imported:
    """`above` holds lines that came before the table (a Markdown document's text)."""
    report = report or ImportReport()
    grid = _without_empty_columns(grid)
    for i, row in enumerate(grid[:HEADER_SEARCH]):
        if long_rows.is_long_header(row):  # our CSV export: one row per fact
            report.layout = f"{source}, one row per fact (our CSV export)"
            stages, described = long_rows.read(row, grid[i + 1 :])
            return build_map(stages, described, title_hint, report)
        layout = _layout_at(grid, i)
        if layout is None:
            continue
        preamble = read_preamble([*(above or []), *grid[:i]], report)
        if layout == "rows":
            columns = [lane_of(cell) for cell in row]
            report.layout = f"{source}, one row per touchpoint or stage"
            stages = touchpoint_rows.read(row, columns, grid[i + 1 :], preamble, report)
        else:
            report.layout = f"{source}, stages across the top"
            stages = lanes.read(row, grid[i + 1 :], preamble, report)
        return build_map(stages, preamble, title_hint, report)
    raise ImportProblem(NO_TABLE)


def sheet_has_grid(grid: Grid) -> bool:
    grid = _without_empty_columns(grid)
    return any(_layout_at(grid, i) for i in range(min(len(grid), HEADER_SEARCH)))


def _layout_at(grid: Grid, i: int) -> str | None:
    """'rows' when row i is the header of one-row-per-touchpoint columns (a Stage column and
    another known column), 'lanes' when it names the stages across the top (row names such as
    Touchpoints follow, or it starts with 'Stage'), None when it is a title or key row."""
    row = grid[i]
    first = flat(row[0])
    following = next((r for r in grid[i + 1 :] if flat(r[0])), None)
    lane_follows = following is not None and lane_of(following[0]) not in (None, Lane.STAGE)
    if lane_of(first) is Lane.STAGE and lane_follows:
        return "lanes"  # 'Phase | Notice | Call | Fix' over 'Touchpoints | …'
    columns = [lane_of(cell) for cell in row]
    if Lane.STAGE in columns and sum(c is not None for c in columns) >= 2:
        return "rows"
    named = [cell for cell in row[1:] if flat(cell)]
    if not named:
        return None
    if lane_of(first) is Lane.STAGE:
        return "lanes"
    if first and (lane_of(first) is not None or preamble_key(first)):
        return None  # a lane or key row above the grid ("Owner", "Persona"), not stage names
    return "lanes" if lane_follows else None


def _without_empty_columns(grid: Grid) -> Grid:
    """Drops leading columns that are empty in every row (a padded spreadsheet)."""
    lead = 0
    while grid and all(len(row) <= lead or not row[lead].strip() for row in grid):
        lead += 1
        if lead > MAX_COLUMNS:
            return grid
    return [row[lead:] for row in grid if any(cell.strip() for cell in row[lead:])]


NO_TABLE = (
    "I could not find a journey map in it. Either put stage names across the top row with row "
    "names down the left (Touchpoints, Channels, Doing, Thinking, Emotions, Pain points, "
    "Opportunities, Moments of truth), use one row per touchpoint with columns such as "
    "Stage, Channel, Touchpoint, Owner, Emotion and Pain points, or write a heading per stage "
    "with bullets such as '- Touchpoint: Online form (website)' and '- Emotion: -1 worried'."
)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)
