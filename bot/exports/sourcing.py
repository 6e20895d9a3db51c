"""Evidence in the laid-out map: each item's level and numbered sources, and the share assumed.

Layout (bot.exports.layout) cites every item's evidence links in a SourceBook as it lays the map
out; the same link text on several items is one source. Formats print an item's mark
("[observed · 1, 2]") beside it and the numbered sources in an Evidence section.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.evidence import describe_share, evidence_share
from bot.model import Evidence, JourneyMap

KIND_LABELS: dict[str, str] = {"quote": "Quote", "data": "Data", "slack": "Slack"}
LEGEND = (
    "Each item is marked [observed] (in research or analytics), [reported] (by customers or "
    "staff) or [assumed] (by the team), with the numbers of its sources."
)
# The compact marker the canvas and the documents print after an item; assumed is unmarked,
# as most of a young map is, and a mark in every cell would drown the content.
COMPACT_MARKS: dict[str, str] = {"observed": "◆", "reported": "◇", "assumed": ""}
COMPACT_LEGEND: tuple[tuple[str, str], ...] = (
    ("◆", "observed in research"),
    ("◇", "reported by customers or staff"),
    ("", "unmarked: assumed by the team"),
    ("1, 2", "numbered sources in the appendix"),
)
COMPACT_LEGEND_LINE = (
    "Evidence: ◆ observed in research or analytics, ◇ reported by customers or staff, "
    "unmarked items are assumed by the team; numbers point to the sources below."
)
USED_BY_LIMIT = 3
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+")


def mark(level: str, sources: tuple[int, ...]) -> str:
    """'[observed · 1, 2]', '[assumed]', or '' for an item that carries no evidence."""
    if not level:
        return ""
    numbers = ", ".join(map(str, sources))
    return f"[{level} · {numbers}]" if numbers else f"[{level}]"


def compact_mark(level: str, sources: tuple[int, ...]) -> str:
    """'◆ 1, 2', '◇', '' for an assumed item without sources or an item carrying no evidence."""
    if not level:
        return ""
    numbers = ",".join(map(str, sources))
    glyph = COMPACT_MARKS.get(level, "")
    if level == "assumed" and numbers:
        glyph = "○"
    return f"{glyph}\u2009{numbers}" if numbers else glyph


def safe_url(url: str) -> bool:
    """A plain web address, safe to make a link of in Markdown."""
    return _SAFE_URL.fullmatch(url) is not None


@dataclass(frozen=True)
class Source:
    number: int
    kind: str  # quote | data | slack
    text: str
    url: str
    used_by: tuple[str, ...]  # where it is cited, at most USED_BY_LIMIT, then "n more"

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def line(self) -> str:
        """'Data: 12 interviews — https://… — for Maya; Apply › Online form'."""
        text = f"“{self.text}”" if self.kind == "quote" else self.text
        parts = [f"{self.label}: {text}", self.url, self.cited]
        return " — ".join(part for part in parts if part)

    @property
    def cited(self) -> str:
        return f"for {'; '.join(self.used_by)}" if self.used_by else ""


@dataclass(frozen=True)
class StageEvidence:
    name: str
    assumed_percent: int
    text: str  # "50% assumed (1 observed, 0 reported, 1 assumed)"

    @property
    def line(self) -> str:
        return f"{self.name}: {self.text}"


@dataclass(frozen=True)
class EvidenceSummary:
    overall: str
    assumed_percent: int
    stages: tuple[StageEvidence, ...]
    sources: tuple[Source, ...]

    @property
    def overall_line(self) -> str:
        return f"Overall: {self.overall}"


class SourceBook:
    """Numbers evidence links in the order they are cited; equal links share a number."""

    def __init__(self, clean: Callable[[str], str]) -> None:
        self._clean = clean
        self._numbers: dict[tuple[str, str, str], int] = {}
        self._used: dict[int, list[str]] = {}

    def cite(self, evidence: Evidence, where: str) -> tuple[int, ...]:
        numbers: list[int] = []
        for link in evidence.links:
            key = (link.kind, self._clean(link.text), self._clean(link.url).strip())
            number = self._numbers.setdefault(key, len(self._numbers) + 1)
            used = self._used.setdefault(number, [])
            if where and where not in used:
                used.append(where)
            numbers.append(number)
        return tuple(dict.fromkeys(numbers))

    def summary(self, journey_map: JourneyMap) -> EvidenceSummary:
        overall, per_stage = evidence_share(journey_map)
        stages = tuple(
            StageEvidence(
                self._clean(stage.name),
                per_stage[stage.id].assumed_percent,
                describe_share(per_stage[stage.id]),
            )
            for stage in journey_map.stages
        )
        return EvidenceSummary(
            describe_share(overall), overall.assumed_percent, stages, self._sources()
        )

    def _sources(self) -> tuple[Source, ...]:
        sources = []
        for (kind, text, url), number in self._numbers.items():
            used = self._used.get(number, [])
            shown = used[:USED_BY_LIMIT]
            if len(used) > USED_BY_LIMIT:
                shown.append(f"{len(used) - USED_BY_LIMIT} more")
            sources.append(Source(number, kind, text, url, tuple(shown)))
        return tuple(sources)
