"""Open exported files with independent readers and return what a person would read."""

from __future__ import annotations

import csv
import io

import docx
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from PIL import Image
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


def readable_text(file: ExportFile) -> str:
    """What a person reading the file sees as text, by format (a PNG has none: see png_size)."""
    if file.format == "docx":
        return docx_text(file)
    if file.format == "pdf":
        return pdf_text(file)
    if file.format == "xlsx":
        book = workbook(file)
        cells = (cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row)
        return "\n".join(str(cell.value) for cell in cells if cell.value is not None)
    if file.format == "png":
        return ""
    return file.content.decode("utf-8-sig")


def png_size(file: ExportFile) -> tuple[int, int]:
    with Image.open(io.BytesIO(file.content)) as image:
        image.verify()
        return image.size
