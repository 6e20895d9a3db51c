"""Stages in what people type: the team's own stage names, stage lists, "did you mean"."""

from __future__ import annotations

import re

from bot.domain.edits import (
    AddStage,
    Edit,
)
from bot.domain.names import closest, match_name, simple
from bot.domain.vocabulary import (
    DEFAULT_STAGES,
)
from bot.engine.reading.common import LineProblem, LineReading, capital, label
from bot.model import JourneyMap, Stage

STAGES_KEY = re.compile(r"^(?:(?:so\s+)?(?:our|the)\s+)?stages?(?:\s+(?:are|is|would be))?$")
_STAGES_PREFIX = re.compile(
    r"^(?:(?:so\s+|ok\s+)?(?:our|the)\s+)?stages?\s+(?:are|is|would be|will be)\s*:?\s*",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|→|->|=>|⇒|>|\|)\s*|\s+then\s+|\s+[-–—]\s+", re.IGNORECASE)


def find_stage(m: JourneyMap, written: str) -> tuple[Stage, str] | None:
    found = match_name(written, [s.name for s in m.stages])
    if found is None:
        return None
    stage = m.stage_named(found.name)
    return (stage, found.echo(written)) if stage else None


def no_stage(m: JourneyMap, written: str, rest: str) -> LineProblem:
    names = [s.name for s in m.stages]
    if not names:
        return LineProblem(
            f"There are no stages yet, so I can't place '{written.strip()}'.",
            "stages: Discover, Compare, Buy",
        )
    near = closest(written, names)
    guess = near[0] if near else names[0]
    listed = ", ".join(names)
    problem = f"There is no stage '{written.strip()}' (stages: {listed})."
    if near:
        problem += f" Did you mean {guess}?"
    return LineProblem(problem, f"{guess}{rest}")


def leading_stage(m: JourneyMap, text: str) -> tuple[Stage, str, str] | None:
    """A stage name at the start of a line with no separator: `research 7/10 curious`."""
    words = text.split()
    for stage in sorted(m.stages, key=lambda s: len(s.name), reverse=True):
        size = len(stage.name.split())
        if len(words) <= size:
            continue
        found = find_stage(m, " ".join(words[:size]))
        if found is not None and found[0].id == stage.id:
            return stage, found[1], re.sub(r"^[:>–-]+\s+", "", " ".join(words[size:]))
    return None


def stage_list(m: JourneyMap, value: str) -> LineReading:
    value = _STAGES_PREFIX.sub("", value.strip())
    preset = re.fullmatch(r"use\s+(b2c|b2b|support)", value, re.IGNORECASE)
    described = _described_stage(value) if not preset else None
    if described is not None:
        names, descriptions = [described[0]], {described[0]: described[1]}
    else:
        names = DEFAULT_STAGES[preset.group(1).lower()] if preset else stage_names(value)
        descriptions = {}
    if not names:
        raise LineProblem("I found no stage names here.", "stages: Discover, Compare, Buy")
    existing = {simple(s.name) for s in m.stages}
    fresh = [name for name in names if simple(name) not in existing]
    if not fresh:
        raise LineProblem(
            "Those stages are already on the map.", f"remove stage {names[0]}  (or a new name)"
        )
    edits: list[Edit] = [
        AddStage(name=name, description=descriptions.get(name, "")) for name in fresh
    ]
    skipped = [name for name in names if name not in fresh]
    reading = LineReading()
    if any(len(name.split()) > 6 for name in fresh):
        reading.proposed = edits  # a sentence, not a list of stage names: ask first
    else:
        reading.edits = edits
    if skipped:
        reading.notes.append(f"already there: {', '.join(skipped)}")
    return reading


def _described_stage(line: str) -> tuple[str, str] | None:
    """`Discover - finds us on instagram`: one stage with a line about it."""
    match = re.match(r"^([^,;→>|]{1,60}?)\s+[-–—]\s+(.+)$|^([^,;→>|:]{1,60}?):\s+(.+)$", line)
    if match is None:
        return None
    name, description = (match[1], match[2]) if match[1] else (match[3], match[4])
    if not 1 <= len(name.split()) <= 5 or re.search(r"\s[-–—]\s", description):
        return None  # `Apply - Approval - Move in` is a list
    return capital(label(name)), description.strip()


def stage_names(value: str) -> list[str]:
    """`a, b and c`, `a then b`, `a → b`, `a > b`: the names, in order."""
    parts = [part for part in _LIST_SPLIT.split(value.strip()) if part and part.strip()]
    if len(parts) > 1 and " and " in parts[-1]:
        parts[-1:] = parts[-1].split(" and ")
    names = [label(part) for part in parts]
    return [capital(name) for name in names if name]
