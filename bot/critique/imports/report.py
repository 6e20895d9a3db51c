"""'What I read': what an import found, converted, ignored and guessed, shown before the
critique so a team can see at once whether the map was read right."""

from __future__ import annotations

import textwrap

from pydantic import BaseModel, Field

from bot.model import JourneyMap
from bot.text import truncate


class StageCount(BaseModel):
    stage: str
    touchpoints: int = 0
    emotion: bool = False
    pains: int = 0
    delights: int = 0
    moments: int = 0
    actions: int = 0


class ImportReport(BaseModel):
    layout: str = Field(
        default="", description="How the file was laid out, e.g. 'CSV (;), stages across'."
    )
    counts: dict[str, int] = Field(default_factory=dict)
    stages: list[StageCount] = Field(default_factory=list)
    conversions: list[str] = Field(default_factory=list)
    ignored: list[str] = Field(default_factory=list)
    guesses: list[str] = Field(default_factory=list)

    def convert(self, note: str) -> None:
        _add(self.conversions, note)

    def ignore(self, note: str) -> None:
        _add(self.ignored, note)

    def guess(self, note: str) -> None:
        _add(self.guesses, note)

    def count(self, m: JourneyMap) -> None:
        self.counts = {
            "personas": len(m.personas),
            "stages": len(m.stages),
            "touchpoints": len(m.touchpoints),
            "emotions": len(m.emotions),
            "pain points": len(m.pain_points),
            "delight points": len(m.delight_points),
            "moments of truth": len(m.moments_of_truth),
            "actions": len(m.actions),
            "KPIs": len(m.kpis),
        }
        emotions = {e.stage_id for e in m.emotions}
        self.stages = [
            StageCount(
                stage=s.name,
                touchpoints=len(m.touchpoints_in(s.id)),
                emotion=s.id in emotions,
                pains=sum(1 for p in m.pain_points if p.stage_id == s.id),
                delights=sum(1 for d in m.delight_points if d.stage_id == s.id),
                moments=sum(1 for x in m.moments_of_truth if x.stage_id == s.id),
                actions=sum(1 for a in m.actions if a.stage_id == s.id),
            )
            for s in m.stages
        ]


_SINGULAR = {
    "personas": "persona",
    "stages": "stage",
    "touchpoints": "touchpoint",
    "emotions": "emotion",
    "pain points": "pain point",
    "delight points": "delight point",
    "moments of truth": "moment of truth",
    "actions": "action",
    "KPIs": "KPI",
}


def _counted(n: int, what: str) -> str:
    return f"{n} {_SINGULAR.get(what, what) if n == 1 else what}"


def _add(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


MAX_NOTES = 8
WIDTH = 100


def render_report(report: ImportReport, m: JourneyMap) -> str:
    """Plain text, a few lines: what was read, per lane and per stage, then the notes."""
    scope = [name.replace("_", " ") for name, value in m.scope.model_dump().items() if value]
    counts = ", ".join(_counted(n, what) for what, n in report.counts.items())
    lines = [f"What I read ({report.layout}): {counts}."]
    lines.append(
        "Scope: "
        + (", ".join(scope) if scope else "nothing")
        + (f"; map owner {truncate(m.owner, 40)}" if m.owner else "; no map owner")
        + (
            f"; persona {', '.join(truncate(p.name, 40) for p in m.personas)}."
            if m.personas
            else "; no persona."
        )
    )
    per_stage = [
        f"{truncate(s.stage, 30)} ({s.touchpoints} tp"
        + (", emotion" if s.emotion else "")
        + (f", {s.pains} pain" if s.pains else "")
        + (f", {s.actions} action" if s.actions else "")
        + ")"
        for s in report.stages
    ]
    if per_stage:
        lines.append("Stages: " + " · ".join(per_stage) + ".")
    for label, notes in (
        ("Converted", report.conversions),
        ("Ignored", report.ignored),
        ("Guessed", report.guesses),
    ):
        if notes:
            shown = notes[:MAX_NOTES]
            more = f" (and {len(notes) - len(shown)} more)" if len(notes) > len(shown) else ""
            lines.append(f"{label}: " + "; ".join(shown) + more + ".")
    return "\n".join(
        wrapped
        for line in lines
        for wrapped in textwrap.wrap(line, WIDTH, subsequent_indent="  ", break_on_hyphens=False)
    )
