"""A table as rows of cell text, whichever file it came from: read within limits, then turned
into a map from either layout (stages across the top, or one row per touchpoint)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from bot.critique.imports import lanes, long_rows, touchpoint_rows
from bot.critique.imports.build import build_map
from bot.critique.imports.cells import flat
from bot.critique.imports.draft import Preamble
from bot.critique.imports.names import PERSONA_HEADINGS, Lane, lane_of, normalise, preamble_key
from bot.critique.imports.problem import (
    MAX_COLUMNS,
    MAX_ROWS,
    ImportProblem,
    too_many_columns,
    too_many_rows,
)
from bot.model import JourneyMap

Grid = list[list[str]]
HEADER_SEARCH = 20  # rows scanned for a header; anything above it is preamble


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


def map_from_grid(grid: Grid, title_hint: str = "", above: Grid | None = None) -> JourneyMap:
    """`above` holds lines that came before the table (a Markdown document's text)."""
    if not grid:
        raise ImportProblem(_NO_TABLE)
    for i, row in enumerate(grid[:HEADER_SEARCH]):
        if long_rows.is_long_header(row):  # our CSV: one row per fact
            stages, described = long_rows.read(row, grid[i + 1 :])
            return build_map(stages, described, title_hint)
        columns = [lane_of(cell) for cell in row]
        preamble = _preamble([*(above or []), *grid[:i]])
        if Lane.STAGE in columns and sum(c is not None for c in columns) >= 2:
            stages = touchpoint_rows.read(columns, grid[i + 1 :])
            return build_map(stages, preamble, title_hint)
        if i + 1 < len(grid) and lane_of(grid[i + 1][0]) not in (None, Lane.STAGE):
            stages = lanes.read(row, grid[i + 1 :])
            return build_map(stages, preamble, title_hint)
    raise ImportProblem(_NO_TABLE)


_NO_TABLE = (
    "I could not find a journey map table. Either put stage names across the top row with row "
    "names down the left (Touchpoints, Channels, Doing, Thinking, Emotions, Pain points, "
    "Opportunities, Moments of truth), or use one row per touchpoint with columns such as "
    "Stage, Channel, Touchpoint, Customer action, Owner, Emotion score and Pains."
)


def _preamble(rows: Grid) -> Preamble:
    """Lines such as 'Objective: …' or a row ['Scenario', '…'] above the table. The first
    other line is the title; under a 'Personas' heading, the next heading names the persona."""
    preamble = Preamble()
    under_personas = False
    for row in rows:
        heading = row[0].lstrip().startswith("#")
        first = flat(row[0]).lstrip("#").strip()
        key, value = _key_value(first, [flat(cell) for cell in row[1:] if cell.strip()])
        if heading and under_personas and not preamble.persona:
            key, value = "persona", first
        if heading:
            under_personas = normalise(first) in PERSONA_HEADINGS
        if key == "goals":
            preamble.goals += [goal.strip() for goal in value.split(";") if goal.strip()]
        elif key in ("persona", "owner", "title", "source"):
            setattr(preamble, key, getattr(preamble, key) or value)
        elif key:
            preamble.scope[key] = value
        elif first and not preamble.title:
            preamble.title = first.strip(" *_")
    return preamble


def _key_value(first: str, rest: list[str]) -> tuple[str | None, str]:
    key = preamble_key(first)
    if key:
        return key, " ".join(rest)
    head, colon, tail = first.partition(":")
    key = preamble_key(head) if colon else None
    return key, " ".join((tail.strip(" *_"), *rest)).strip()


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
