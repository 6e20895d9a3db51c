"""An XLSX workbook: the first sheet holding a journey grid, in either table layout; the other
sheets (an About or Persona tab) describe the map.

The archive is checked before openpyxl opens it: member count, the unpacked size every member
declares, and that each member really unpacks to no more than it declares (read in chunks), so
a zip bomb is refused without ever being unpacked whole. Cells are read as the values Excel last
saved (data_only): no formula is ever evaluated, and one with no saved value reads as empty."""

from __future__ import annotations

import io
import zipfile

from bot.critique.imports.build import Imported
from bot.critique.imports.grid import Grid, collect, map_from_grid, sheet_has_grid
from bot.critique.imports.long_rows import is_long_header
from bot.critique.imports.names import preamble_key
from bot.critique.imports.problem import (
    MAX_COLUMNS,
    MAX_UNCOMPRESSED,
    MAX_ZIP_MEMBERS,
    ImportProblem,
)
from bot.critique.imports.report import ImportReport

ZIP_MAGIC = b"PK\x03\x04"
MAX_SHEETS_SEARCHED = 10
_CHUNK = 64 * 1024
_BROKEN = (
    "I could not open the spreadsheet: it is damaged or not an XLSX workbook. Open it in your "
    "spreadsheet app and save it again as .xlsx (or export the sheet as CSV), then import again."
)


def read_xlsx(data: bytes, title_hint: str) -> Imported:
    check_archive(data)
    import openpyxl  # imported on use: it takes half a second (numpy) and most maps are text

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on hostile files; all mean "broken"
        raise ImportProblem(_BROKEN) from exc
    try:
        if not workbook.worksheets:
            raise ImportProblem(_BROKEN)
        sheets = [
            (sheet.title, collect(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)))
            for sheet in workbook.worksheets
        ]
    except ImportProblem:
        raise
    except Exception as exc:
        raise ImportProblem(_BROKEN) from exc
    finally:
        workbook.close()
    return _from_sheets(sheets, title_hint)


def _from_sheets(sheets: list[tuple[str, Grid]], title_hint: str) -> Imported:
    """The first sheet with a journey grid is the map. Sheets before it (an About or Persona
    tab) describe the map; from sheets after it only key rows (Objective, Persona, …) are read,
    and the others are named as not read."""
    report = ImportReport()
    ours = next((grid for _, grid in sheets if grid and is_long_header(grid[0])), None)
    if ours is not None:  # our own export: its Data sheet holds the whole map, one row per fact
        return map_from_grid(
            ours, title_hint, report=report, source="XLSX (our export's Data sheet)"
        )
    journey = next((i for i, (_, grid) in enumerate(sheets) if sheet_has_grid(grid)), 0)
    above: Grid = [row for _, grid in sheets[:journey] for row in grid]
    for name, grid in sheets[journey + 1 :]:
        keys = [row for row in grid if len(row) > 1 and preamble_key(row[0])]
        above += keys
        if len(keys) < len(grid):
            report.ignore(f"sheet '{name}' (apart from key rows such as Objective or Persona)")
    if len(sheets) > 1:
        report.convert(f"the map from sheet '{sheets[journey][0]}' of {len(sheets)}")
    return map_from_grid(sheets[journey][1], title_hint, above, report, source="XLSX")


def check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise _too_big(f"has {len(members)} parts")
            declared = sum(m.file_size for m in members)
            if declared > MAX_UNCOMPRESSED:
                raise _too_big(f"unpacks to {declared // (1024 * 1024)} MB")
            for member in members:
                _unpack_within(archive, member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise ImportProblem(_BROKEN) from exc


def _unpack_within(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Read a member in chunks; zipfile stops at the declared size and checks the CRC, so a
    member that lies about its size fails here instead of filling memory later."""
    with archive.open(member) as stream:
        while stream.read(_CHUNK):
            pass


def _too_big(what: str) -> ImportProblem:
    limit = MAX_UNCOMPRESSED // (1024 * 1024)
    return ImportProblem(
        f"The spreadsheet {what}, more than a journey map ever needs (the limit is {limit} MB "
        "unpacked); it may be a zip bomb. Copy the map's sheet into a new workbook, or export "
        "it as CSV, then import again."
    )
