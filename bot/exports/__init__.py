"""Exports of a journey map: one entry point, one module per format.

    export(journey_map, "pdf", extras) -> ExportFile
    export_many(journey_map, "all") -> [ExportFile, ...]
    write_files(files, out_dir) -> [Path, ...]

Every format reads the same laid-out document (bot.exports.layout), so they show the same content
in the same order. Format modules load on first use: matplotlib, fpdf2, python-docx and openpyxl
are slow to import and most callers want one format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from typing import Literal

from bot.exports.base import FORMATS, OPEN_FORMATS, ExportExtras, ExportFile
from bot.model import JourneyMap

__all__ = [
    "FORMATS",
    "OPEN_FORMATS",
    "ExportExtras",
    "ExportFile",
    "export",
    "export_many",
    "write_files",
]

Renderer = Callable[[JourneyMap, ExportExtras | None], ExportFile]

# format -> (module in this package, function)
_RENDERERS: dict[str, tuple[str, str]] = {
    "markdown": ("markdown", "render"),
    "docx": ("docx", "render"),
    "pdf": ("pdf", "render"),
    "png": ("png", "render"),
    "svg": ("svg", "render"),
    "csv": ("tabular", "render_csv"),
    "xlsx": ("tabular", "render_xlsx"),
    "json": ("json", "render"),
    "mermaid": ("mermaid", "render"),
    "cjml": ("cjml", "render"),
}
ALIASES: dict[str, str] = {"md": "markdown", "word": "docx", "excel": "xlsx", "image": "png"}


def export(journey_map: JourneyMap, fmt: str, extras: ExportExtras | None = None) -> ExportFile:
    return _renderer(_format(fmt))(journey_map, extras)


def export_many(
    journey_map: JourneyMap,
    formats: Iterable[str] | Literal["all"],
    extras: ExportExtras | None = None,
) -> list[ExportFile]:
    """Export to several formats, in the order asked, each once; "all" means every format.
    All names are checked before anything is made, so a typo costs nothing."""
    if isinstance(formats, str):
        formats = FORMATS if formats.strip().lower() == "all" else [formats]
    wanted = tuple(dict.fromkeys(map(_format, formats)))
    return [_renderer(fmt)(journey_map, extras) for fmt in wanted]


def write_files(files: list[ExportFile], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for file in files:
        path = out_dir / file.filename
        path.write_bytes(file.content)
        paths.append(path)
    return paths


def _format(name: str) -> str:
    fmt = ALIASES.get(name.strip().lower(), name.strip().lower())
    if fmt not in _RENDERERS:
        choices = ", ".join((*FORMATS, *OPEN_FORMATS))
        raise ValueError(f"I can't export to {name!r}. Choose one of: {choices}.")
    return fmt


def _renderer(fmt: str) -> Renderer:
    module, function = _RENDERERS[fmt]
    return getattr(import_module(f"{__name__}.{module}"), function)
