"""Data framed for a prompt: user text, map context, guidance passages and critique findings,
each inside tags the system prompt declares to be data. Any look-alike of those tags inside the
data is removed first, so text can never close its frame and pose as instructions."""

from __future__ import annotations

import re
from typing import Any

from bot.model import JourneyMap
from bot.text import truncate
from knowledge.types import Passage

DATA_TAGS = ("answer", "question", "map", "passage", "finding", "document", "data")
_TAG_NAMES = "|".join(DATA_TAGS)
_TAG_LIKE = re.compile(rf"<\s*/?\s*(?:{_TAG_NAMES})s?\b[^>]*>?", re.IGNORECASE)
ANSWER_LIMIT = 8000
PASSAGE_LIMIT = 2500
LINE_LIMIT = 200


def as_data(text: str, limit: int = ANSWER_LIMIT) -> str:
    return truncate(_TAG_LIKE.sub(" ", text).strip(), limit)


def as_line(text: str, limit: int = LINE_LIMIT) -> str:
    return as_data(" ".join(text.split()), limit)


def _attribute(text: str) -> str:
    return as_line(text, 120).replace('"', "'").replace("<", "(").replace(">", ")")


def map_context(journey_map: JourneyMap) -> str:
    """What the model needs to place items: stage names, their touchpoints, persona names."""
    stages = " | ".join(as_line(s.name) for s in journey_map.stages) or "(none yet)"
    lines = [f"Stages, in order: {stages}"]
    for stage in journey_map.stages:
        names = [as_line(t.description) for t in journey_map.touchpoints_in(stage.id)]
        if names:
            lines.append(f"Touchpoints in {as_line(stage.name)}: {' | '.join(names)}")
    if journey_map.personas:
        lines.append("Personas: " + " | ".join(as_line(p.name) for p in journey_map.personas))
    return "\n".join(lines)


def title_context(journey_map: JourneyMap) -> str:
    return f"Title: {as_line(journey_map.title)}\n{map_context(journey_map)}"


def passages_block(passages: list[Passage]) -> str:
    return "\n\n".join(
        f'<passage n="{n}" title="{_attribute(p.title)}" section="{_attribute(p.heading)}">\n'
        f"{as_data(p.text, PASSAGE_LIMIT)}\n</passage>"
        for n, p in enumerate(passages, start=1)
    )


def findings_block(critique: Any) -> str:
    """A bot.critique.Critique (read by attribute, so the two packages stay decoupled)."""
    head = [f"Overall score: {getattr(critique, 'overall', '?')}/100"]
    for area in getattr(critique, "scorecard", []) or []:
        head.append(f"{getattr(area, 'label', area)}: {getattr(area, 'score', '?')}/100")
    findings = [_finding(n, f) for n, f in enumerate(critique.findings or [], start=1)]
    return "\n".join(head) + "\n\n" + ("\n\n".join(findings) or "(no findings)")


def _finding(n: int, finding: Any) -> str:
    where = getattr(getattr(finding, "where", None), "label", "") or "the map"
    guides = "; ".join(as_line(g.title) for g in getattr(finding, "guidance", []) or [])
    return (
        f'<finding n="{n}" severity="{_attribute(str(finding.severity))}" '
        f'where="{_attribute(where)}">\n'
        f"Problem: {as_line(finding.problem, 500)}\nFix: {as_line(finding.fix, 500)}"
        + (f"\nGuides: {guides}" if guides else "")
        + "\n</finding>"
    )
