"""Colours shared by the picture and the documents, so a pain is the same red everywhere."""

from __future__ import annotations

from bot.exports.layout import LaneKey

NAVY = "#1F3A5F"
INK = "#263238"
MUTED = "#607D8B"
RULE = "#CFD8DC"
LABEL_FILL = "#ECEFF1"
PAIN = "#C62828"
DELIGHT = "#2E7D32"
MOMENT = "#F2B705"
CHANNEL = "#1565C0"

SCORE_COLOURS: dict[int, str] = {
    -2: "#C62828",
    -1: "#EF8A5A",
    0: "#90A4AE",
    1: "#66BB6A",
    2: "#2E7D32",
}
SCORE_FILLS: dict[int, str] = {
    -2: "#F8D7DA",
    -1: "#FDE7DC",
    0: "#F1F3F4",
    1: "#E3F4E5",
    2: "#CDEBD2",
}
LANE_FILLS: dict[LaneKey, str] = {
    "pains": "#FDECEA",
    "delights": "#E8F5E9",
    "moments": "#FFF4D6",
}


def rgb(colour: str) -> tuple[int, int, int]:
    """'#RRGGBB' as a (red, green, blue) tuple of 0-255 integers."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
