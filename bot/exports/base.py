"""What an export is: the formats, the file handed back, and the extras a caller may add."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import BaseModel, Field

from bot.model import JourneyMap

FORMATS: tuple[str, ...] = ("markdown", "docx", "pdf", "png", "svg", "csv", "xlsx", "json")
# Open formats other tools read; exported when asked for by name, not by "all".
OPEN_FORMATS: tuple[str, ...] = ("mermaid", "cjml")

# format -> (file extension, MIME type)
FILE_TYPES: dict[str, tuple[str, str]] = {
    "markdown": ("md", "text/markdown"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("pdf", "application/pdf"),
    "png": ("png", "image/png"),
    "svg": ("svg", "image/svg+xml"),
    "csv": ("csv", "text/csv"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "json": ("json", "application/json"),
    "mermaid": ("mmd", "text/plain"),
    "cjml": ("xml", "application/xml"),
}

SLUG_LIMIT = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

Percent = Annotated[int, Field(ge=0, le=100)]


class ExportExtras(BaseModel):
    """What a caller adds to the map: critique results from its critique, and the linked map of
    the other state (current or future) to draw beside the emotion curve."""

    scorecard: list[tuple[str, Percent]] = Field(default_factory=list, description="(area, score)")
    overall: Percent | None = None
    top_findings: list[str] = Field(default_factory=list)
    compare_with: JourneyMap | None = Field(
        None, description="The linked map of the other state; its emotion curve is overlaid."
    )


class ExportFile(BaseModel):
    filename: str
    content: bytes
    mime_type: str
    format: str
    summary: str = Field(description='One line for people, e.g. "PDF, 3 pages".')


def count(number: int, noun: str) -> str:
    """'1 page', '3 pages'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def slug(title: str) -> str:
    """A file-name-safe, ASCII form of the title; 'journey-map' when nothing is left of it."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    cut = _NOT_SLUG.sub("-", ascii_title.lower()).strip("-")[:SLUG_LIMIT].rstrip("-")
    return cut or "journey-map"


def export_file(title: str, fmt: str, content: bytes, summary: str) -> ExportFile:
    extension, mime_type = FILE_TYPES[fmt]
    return ExportFile(
        filename=f"{slug(title)}.{extension}",
        content=content,
        mime_type=mime_type,
        format=fmt,
        summary=summary,
    )
