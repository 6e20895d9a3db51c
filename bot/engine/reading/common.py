"""What every part of the reader shares: a line's reading, a refusal with its fix, labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.domain.edits import (
    Edit,
    SetScope,
)
from bot.model import JourneyMap, Step

KEY = re.compile(
    r"^\s*(?P<key>[^:>|()\"“]{1,40}?)\s*(?P<sep>:(?![\w+-]+:)|\s[-–—]\s)\s*(?P<value>.*)$"
)


class LineProblem(Exception):
    """A line that cannot be read; `hint` is a line the team can copy and correct."""

    def __init__(self, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.hint = hint


@dataclass
class LineReading:
    edits: list[Edit] = field(default_factory=list)
    proposed: list[Edit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def with_note(reading: LineReading, note: str) -> LineReading:
    if note:
        reading.notes.insert(0, note)
    return reading


def capital(name: str) -> str:
    return name[:1].upper() + name[1:] if name == name.lower() else name


def label(text: str) -> str:
    """A name without stray punctuation around it."""
    return " ".join(text.split()).strip(" ,;:.!-–—*_").strip()


def example_line(m: JourneyMap, step: Step, text: str = "") -> str:
    """A line in the step's own form, built from the team's own map where it can be."""
    stage = m.stages[0].name if m.stages else "Apply"
    what = label(text)[:40] or "…"
    return {
        Step.SCOPE: f"objective: {what}",
        Step.PERSONAS: "name: Maya, first-time buyer",
        Step.STAGES: "stages: Discover, Compare, Buy",
        Step.TOUCHPOINTS: f"{stage} > {what} (website)",
        Step.EMOTIONS: f'{stage}: -1 frustrated "what a customer said"',
        Step.KPIS: f"kpi: {what} | baseline: 38% | target: 19% | owner: …",
        Step.REVIEW: f"edit {m.touchpoints[0].id if m.touchpoints else 'tp-4'} owner: Digital",
    }[step]


def scope_edit(field_name: str, value: str) -> SetScope:
    return SetScope.model_validate({"field": field_name, "value": value})
