"""The first worksheet of an XLSX workbook, in either table layout.

The archive is checked before openpyxl opens it: member count, the unpacked size every member
declares, and that each member really unpacks to no more than it declares (read in chunks), so
a zip bomb is refused without ever being unpacked whole. Cells are read as the values Excel last
saved (data_only): no formula is ever evaluated, and one with no saved value reads as empty."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import openpyxl

from bot.critique.imports.grid import collect, map_from_grid
from bot.critique.imports.long_rows import is_long_header
from bot.critique.imports.problem import (
    MAX_COLUMNS,
    MAX_UNCOMPRESSED,
    MAX_ZIP_MEMBERS,
    ImportProblem,
)
from bot.model import JourneyMap

ZIP_MAGIC = b"PK\x03\x04"
MAX_SHEETS_SEARCHED = 10
_CHUNK = 64 * 1024
_BROKEN = (
    "I could not open the spreadsheet: it is damaged or not an XLSX workbook. Open it in your "
    "spreadsheet app and save it again as .xlsx (or export the sheet as CSV), then import again."
)


def read_xlsx(data: bytes, title_hint: str) -> JourneyMap:
    check_archive(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on hostile files; all mean "broken"
        raise ImportProblem(_BROKEN) from exc
    try:
        if not workbook.worksheets:
            raise ImportProblem(_BROKEN)
        sheet = _long_table_sheet(workbook) or workbook.worksheets[0]
        grid = collect(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1))
    except ImportProblem:
        raise
    except Exception as exc:
        raise ImportProblem(_BROKEN) from exc
    finally:
        workbook.close()
    return map_from_grid(grid, title_hint)


def _long_table_sheet(workbook: openpyxl.Workbook) -> Any:
    """Our export's Data sheet (one row per fact), which holds the whole map; None in other
    workbooks, whose first sheet is read. (A read-only worksheet, whose class openpyxl keeps
    private.)"""
    for sheet in workbook.worksheets[:MAX_SHEETS_SEARCHED]:
        first = next(sheet.iter_rows(values_only=True, max_row=1, max_col=12), ())
        if is_long_header([str(value or "") for value in first]):
            return sheet
    return None


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
