"""PNG: the one-page canvas (bot.exports.overview) as a picture for slides and Slack.

An A4-sized canvas comes out about 2,950 px wide (3.5 px per point, 252 dpi on A4), twice the
width of the earlier picture; a wide map is capped at MAX_WIDTH_PX.
"""

from __future__ import annotations

from bot.exports.base import ExportExtras, ExportFile, export_file
from bot.exports.layout import build_document
from bot.exports.overview import scene_for
from bot.exports.scene_png import scene_png
from bot.model import JourneyMap

PX_PER_PT = 3.5
MAX_WIDTH_PX = 4200


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    scene = scene_for(document)
    content, (width, height) = scene_png(scene, min(PX_PER_PT, MAX_WIDTH_PX / scene.width))
    return export_file(document.title, "png", content, f"PNG image, {width}×{height} px")
