"""Evidence: how much of a map rests on research, on what people said, or on assumption."""

from __future__ import annotations

import re

from pydantic import BaseModel

from bot.model import (
    Anchored,
    Emotion,
    Evidence,
    EvidenceLevel,
    EvidenceLink,
    JourneyMap,
    Touchpoint,
)

_OBSERVED = re.compile(
    r"\b(interview|analytic|survey|nps|csat|data|research|study|studies|usability|test|observ|"
    r"mystery|log|funnel|dashboard|diary|ethnograph|n\s*=\s*\d+)",
    re.IGNORECASE,
)


def level_of(link: EvidenceLink) -> EvidenceLevel:
    """A named research source is observed; quotes, messages and hearsay are reported."""
    if link.kind == "data" and _OBSERVED.search(link.text):
        return EvidenceLevel.OBSERVED
    return EvidenceLevel.REPORTED


def evidence_for(source: str = "", quote: str = "") -> Evidence:
    """Evidence from what an answer named; with nothing named, the item is assumed."""
    links = [EvidenceLink(kind="quote", text=quote)] if quote else []
    links += [EvidenceLink(kind="data", text=source)] if source else []
    level = EvidenceLevel.ASSUMED
    for link in links:
        level = strongest(level, level_of(link))
    return Evidence(level=level, links=links)


def strongest(a: EvidenceLevel, b: EvidenceLevel) -> EvidenceLevel:
    order = [EvidenceLevel.ASSUMED, EvidenceLevel.REPORTED, EvidenceLevel.OBSERVED]
    return max(a, b, key=order.index)


class EvidenceShare(BaseModel):
    """Counts of items by evidence level, for a stage or the whole map."""

    observed: int = 0
    reported: int = 0
    assumed: int = 0

    @property
    def total(self) -> int:
        return self.observed + self.reported + self.assumed

    @property
    def assumed_percent(self) -> int:
        return round(100 * self.assumed / self.total) if self.total else 0

    def add(self, level: EvidenceLevel) -> None:
        setattr(self, level.value, getattr(self, level.value) + 1)


def evidence_share(m: JourneyMap) -> tuple[EvidenceShare, dict[str, EvidenceShare]]:
    """Overall share and per stage (personas count only overall)."""
    overall = EvidenceShare()
    per_stage = {stage.id: EvidenceShare() for stage in m.stages}
    for persona in m.personas:
        overall.add(persona.evidence.level)
    staged: list[Touchpoint | Emotion | Anchored] = [
        *m.touchpoints,
        *m.emotions,
        *m.pain_points,
        *m.delight_points,
        *m.moments_of_truth,
    ]
    for item in staged:
        overall.add(item.evidence.level)
        per_stage[item.stage_id].add(item.evidence.level)
    return overall, per_stage


def describe_share(share: EvidenceShare) -> str:
    if not share.total:
        return "no items yet"
    return (
        f"{share.assumed_percent}% assumed ({share.observed} observed, {share.reported} "
        f"reported, {share.assumed} assumed)"
    )
