"""Fitting passages into one Slack message."""

from __future__ import annotations

import re

from knowledge.types import Passage

# Room each passage needs besides its text when rendered: title, heading, sources, markup.
PASSAGE_OVERHEAD = 60
MIN_USEFUL_CHARS = 160
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


def rendered_size(passage: Passage) -> int:
    return len(passage.title) + len(passage.heading) + len(passage.text) + PASSAGE_OVERHEAD


def fit_passages(passages: list[Passage], max_chars: int) -> list[Passage]:
    """Keep passages in order while their rendered size fits; trim the last one that half-fits."""
    out: list[Passage] = []
    left = max_chars
    for passage in passages:
        frame = rendered_size(passage) - len(passage.text)
        room = left - frame
        if room >= len(passage.text):
            out.append(passage)
        elif room >= MIN_USEFUL_CHARS or not out:
            out.append(passage.model_copy(update={"text": trim_text(passage.text, max(room, 0))}))
            break
        else:
            break
        left -= rendered_size(out[-1])
    return [p for p in out if p.text]
