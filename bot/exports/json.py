"""JSON: the map in our own schema, re-importable with JourneyMap.model_validate_json."""

from __future__ import annotations

from bot.exports.base import ExportExtras, ExportFile, export_file
from bot.model import JourneyMap


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    """The map only: critique extras are not part of the schema, so they are left out."""
    content = journey_map.model_dump_json(indent=2).encode()
    summary = f"JSON, schema v{journey_map.schema_version}, {_size(len(content))}"
    return export_file(journey_map.title, "json", content, summary)


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.0f} KB"
