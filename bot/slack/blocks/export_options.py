"""The Export… modal on the map message: which formats, and whether to add the critique (it is
left out unless asked for: exports go to people outside the team)."""

from __future__ import annotations

import json
from typing import Any

from bot.slack.blocks.kit import LABEL_TEXT, MODAL_TEXT, option, plain
from storage import MapKey

EXPORT_OPTIONS_ACTION = "export:options"  # the map message's Export… button
EXPORT_CALLBACK = "export"
CHOICE_ACTION = "choice"
FORMAT_CHOICES: tuple[tuple[str, str], ...] = (
    ("pdf", "PDF: the canvas page and an appendix"),
    ("docx", "Word document"),
    ("png", "PNG picture of the canvas, for slides"),
    ("svg", "SVG picture of the canvas, for print"),
    ("xlsx", "Excel workbook"),
    ("csv", "CSV: one row per fact, for pivots"),
    ("markdown", "Markdown"),
    ("json", "JSON, to import again"),
)
DEFAULT_FORMATS = ("pdf",)
WITH_CRITIQUE = "--with-critique"


def export_options_modal(key: MapKey) -> dict[str, Any]:
    formats = [option(label, fmt) for fmt, label in FORMAT_CHOICES]
    chosen = [o for o in formats if o["value"] in DEFAULT_FORMATS]
    critique = option("Add the critique (scorecard and top findings)", WITH_CRITIQUE)
    return {
        "type": "modal",
        "callback_id": EXPORT_CALLBACK,
        "title": plain("Export the map", MODAL_TEXT),
        "submit": plain("Export", MODAL_TEXT),
        "close": plain("Cancel", MODAL_TEXT),
        "private_metadata": json.dumps(key.model_dump()),
        "blocks": [
            {
                "type": "input",
                "block_id": "formats",
                "label": plain("Formats", LABEL_TEXT),
                "element": {
                    "type": "checkboxes",
                    "action_id": CHOICE_ACTION,
                    "options": formats,
                    "initial_options": chosen,
                },
            },
            {
                "type": "input",
                "block_id": "critique",
                "optional": True,
                "label": plain("For the team", LABEL_TEXT),
                "element": {
                    "type": "checkboxes",
                    "action_id": CHOICE_ACTION,
                    "options": [critique],
                },
            },
        ],
    }


def export_command(view: dict[str, Any]) -> tuple[MapKey, str] | None:
    """The thread and the `export …` command a submitted modal asks for; None when it names no
    known format (a forged or stale view)."""
    try:
        key = MapKey.model_validate(json.loads(view.get("private_metadata") or "{}"))
    except ValueError:
        return None
    values = (view.get("state") or {}).get("values", {})
    known = {fmt for fmt, _ in FORMAT_CHOICES}
    formats = [f for f in _chosen(values, "formats") if f in known]
    if not formats:
        return None
    critique = WITH_CRITIQUE in _chosen(values, "critique")
    return key, "export " + " ".join(formats) + (f" {WITH_CRITIQUE}" if critique else "")


def _chosen(values: dict[str, Any], block_id: str) -> list[str]:
    element = (values.get(block_id) or {}).get(CHOICE_ACTION) or {}
    return [o.get("value", "") for o in element.get("selected_options") or []]
