"""SVG: the one-page canvas (bot.exports.overview) as a vector picture that scales to any print."""

from __future__ import annotations

from bot.exports.base import ExportExtras, ExportFile, export_file
from bot.exports.layout import build_document
from bot.exports.overview import scene_for
from bot.exports.scene_svg import scene_svg
from bot.model import JourneyMap


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    scene = scene_for(document)
    summary = f"SVG picture, {scene.width:.0f}×{scene.height:.0f} pt"
    return export_file(document.title, "svg", scene_svg(scene, document.title), summary)
