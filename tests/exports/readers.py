"""Open exported files with independent readers and return what a person would read."""

from __future__ import annotations

import csv
import io

import docx
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from pypdf import PdfReader

from bot.exports import ExportFile


def pdf_pages(file: ExportFile) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(file.content)).pages]


def pdf_text(file: ExportFile) -> str:
    return "\n".join(pdf_pages(file))


def squeeze(text: str) -> str:
    """Text without whitespace, which pypdf adds or drops around font changes."""
    return "".join(text.split())


def docx_text(file: ExportFile) -> str:
    document = docx.Document(io.BytesIO(file.content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def csv_rows(file: ExportFile) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(file.content.decode("utf-8-sig"))))


def workbook(file: ExportFile) -> Workbook:
    return load_workbook(io.BytesIO(file.content))
