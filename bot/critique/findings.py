"""What a critique returns: findings located on the map, a scorecard per area, an overall score.

Plain data, so any renderer (terminal, Block Kit, an LLM narrative) can present it without logic.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

LocationKind = Literal[
    "map",
    "scope",
    "persona",
    "stage",
    "touchpoint",
    "emotion",
    "pain",
    "delight",
    "moment",
    "kpi",
    "action",
]


class Severity(StrEnum):
    BLOCKER = "blocker"
    MAJOR = "major"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Area(StrEnum):
    SCOPE = "scope"
    PERSONAS = "personas"
    STAGES = "stages"
    EMOTIONS = "emotions"
    PAINS = "pains"
    KPIS = "kpis"
    EVIDENCE = "evidence"

    @property
    def label(self) -> str:
        return AREA_LABELS[self]


AREA_LABELS: dict[Area, str] = {
    Area.SCOPE: "Scope",
    Area.PERSONAS: "Personas",
    Area.STAGES: "Stages and touchpoints",
    Area.EMOTIONS: "Emotions",
    Area.PAINS: "Pains and moments of truth",
    Area.KPIS: "KPIs and actions",
    Area.EVIDENCE: "Evidence",
}


class Location(BaseModel):
    kind: LocationKind
    item_id: str | None = None
    label: str = Field(description="Human words for the place, e.g. \"Stage 'Apply'\".")


class GuideRef(BaseModel):
    guide_id: str
    title: str


class Finding(BaseModel):
    rule_id: str
    title: str = Field(description="The rule's short title, e.g. 'Touchpoint without an owner'.")
    area: Area
    severity: Severity
    where: Location = Field(description="The first (or only) place the problem is found.")
    covers: list[Location] = Field(
        default_factory=list, description="Every item the problem concerns, `where` first."
    )
    problem: str
    fix: str
    guidance: list[GuideRef] = Field(default_factory=list)

    @property
    def places(self) -> list[Location]:
        return self.covers or [self.where]


class AreaScore(BaseModel):
    area: Area
    label: str
    score: int = Field(ge=0, le=100)
    blockers: int = 0
    majors: int = 0
    minors: int = 0


class Critique(BaseModel):
    title: str = Field("", description="The critiqued map's title.")
    findings: list[Finding] = Field(default_factory=list)
    scorecard: list[AreaScore] = Field(default_factory=list)
    overall: int = Field(0, ge=0, le=100)

    def by_severity(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity is severity]

    @property
    def rule_ids(self) -> set[str]:
        return {f.rule_id for f in self.findings}
