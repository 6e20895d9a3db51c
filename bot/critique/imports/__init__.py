"""Importing maps made elsewhere: a Markdown table or document, CSV, XLSX or our JSON.

Imports are hostile input. Size is checked before anything is parsed, every reader stops at
the limits in `problem.py`, and anything wrong ends in an ImportProblem listing every problem
with its fix; a map is returned only when it is whole and valid, with a report of what was
read, converted, ignored and guessed."""

from __future__ import annotations

from pathlib import PurePath

from bot.critique.imports.build import Imported
from bot.critique.imports.decode import decode
from bot.critique.imports.delimited import read_delimited
from bot.critique.imports.htmltable import looks_like_html_table, read_html
from bot.critique.imports.jsonmap import read_json
from bot.critique.imports.markdown import looks_like_markdown_table, read_markdown
from bot.critique.imports.outline import has_stages
from bot.critique.imports.problem import FORMATS, MAX_BYTES, ImportProblem, too_big
from bot.critique.imports.report import ImportReport, render_report
from bot.critique.imports.xlsx import ZIP_MAGIC, read_xlsx
from bot.model import JourneyMap

_MARKDOWN = {".md", ".markdown", ".txt"}
_DELIMITED = {".csv", ".tsv"}
_HTML = {".html", ".htm"}
_SPREADSHEETS = {".xlsx", ".xlsm"}
_REFUSED = {".xls", ".ods", ".numbers", ".pdf", ".doc", ".docx", ".ppt", ".pptx", ".png", ".jpg"}

__all__ = [
    "MAX_BYTES",
    "ImportProblem",
    "ImportReport",
    "Imported",
    "import_map",
    "read_map",
    "render_report",
    "too_big",
]


def import_map(content: bytes | str, filename: str | None = None) -> JourneyMap:
    """The map in `content`; the filename's extension, when given, says how to read it."""
    return read_map(content, filename).map


def read_map(content: bytes | str, filename: str | None = None) -> Imported:
    """The map in `content` with the report of how it was read."""
    _check_size(content)
    suffix = PurePath(filename).suffix.casefold() if filename else ""
    title_hint = _title_from(filename) if filename else ""
    if suffix in _REFUSED:
        raise ImportProblem(
            f"I cannot read {suffix} files. Save the map as {FORMATS} (a .xlsx workbook, a .csv "
            "file, a .md document, or a table pasted in the thread), then import again."
        )
    if isinstance(content, bytes) and content.startswith(ZIP_MAGIC):
        return read_xlsx(content, title_hint)
    if suffix in _SPREADSHEETS:
        raise ImportProblem(
            "The file is named like a spreadsheet but is not an XLSX workbook. Save it again "
            "as .xlsx (or export the sheet as CSV), then import again."
        )
    text = (decode(content) if isinstance(content, bytes) else content).lstrip("\ufeff")
    if not text.strip():
        raise ImportProblem(
            f"The file is empty. Paste or attach a journey map as {FORMATS}, then try again."
        )
    return _read_text(text, suffix, title_hint)


def _read_text(text: str, suffix: str, title_hint: str) -> Imported:
    if suffix == ".json" or (not suffix and text.lstrip().startswith("{")):
        journey_map = read_json(text)
        report = ImportReport(layout="JourneyBot JSON")
        report.count(journey_map)
        return Imported(journey_map, report, item_evidence=True)
    if suffix in _HTML or (suffix not in _DELIMITED and looks_like_html_table(text)):
        return read_html(text, title_hint)
    if suffix in _MARKDOWN or (
        suffix not in _DELIMITED
        and (looks_like_markdown_table(text) or has_stages(text.splitlines()))
    ):
        return read_markdown(text, title_hint)
    return read_delimited(text, title_hint)


def _title_from(filename: str) -> str:
    """'first-time_buyers.csv' -> 'First time buyers'."""
    words = PurePath(filename).stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def _check_size(content: bytes | str) -> None:
    # A str is measured in characters: never more than its size in UTF-8 bytes.
    if len(content) > MAX_BYTES:
        raise too_big()
