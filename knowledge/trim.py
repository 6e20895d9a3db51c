"""Cutting guidance text to a length at a sentence or word boundary."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def trim_text(text: str, limit: int) -> str:
    """Cut at the last sentence (or failing that, word) boundary that fits in `limit`."""
    if len(text) <= limit:
        return text
    room = max(limit - len(ELLIPSIS), 0)
    head = text[:room]
    ends = [m.start() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= room // 2:
        return head[: ends[-1]].rstrip()
    cut = head.rsplit(None, 1)[0] if " " in head else head
    return cut.rstrip(" ,;:") + ELLIPSIS
