"""A Mermaid `journey` diagram: one section per stage, one task per touchpoint.

Mermaid scores tasks 1-5; a stage's settled emotion (-2..+2) maps onto that scale for every task
in the stage. Mermaid's journey syntax has no escaping, so user text loses the characters that
would break it (colons, semicolons, hashes, line breaks) and angle brackets."""

from __future__ import annotations

import re

from bot.exports.base import ExportExtras, ExportFile, export_file
from bot.model import JourneyMap

_BREAKING = re.compile(r"[:;#\r\n`]+")
_ACTOR_BREAKING = re.compile(r",+")  # actors are comma-separated: a comma in a name splits it
NEUTRAL = 3


def clean(text: str) -> str:
    """Mermaid renders labels as HTML: angle brackets become look-alikes, never tags."""
    text = _BREAKING.sub(" ", text).replace("<", "‹").replace(">", "›")
    return " ".join(text.split()) or "untitled"


def actor(name: str) -> str:
    """An actor name Mermaid reads as one actor: 'Maya, first-time buyer' -> 'Maya – first-time
    buyer'."""
    return clean(_ACTOR_BREAKING.sub(" –", name))


def mermaid_journey(m: JourneyMap) -> str:
    customer = actor(m.personas[0].name) if m.personas else "Customer"
    lines = ["journey", f"    title {clean(m.title)}"]
    for stage in m.stages:
        emotion = m.emotion_for(stage.id)
        score = emotion.score + 3 if emotion else NEUTRAL
        lines.append(f"    section {clean(stage.name)}")
        touchpoints = m.touchpoints_in(stage.id) or []
        if not touchpoints:
            lines.append(f"      {clean(stage.name)}: {score}: {customer}")
        for tp in touchpoints:
            actors = [customer] + ([actor(tp.owner)] if tp.owner else [])
            lines.append(f"      {clean(tp.description)}: {score}: {', '.join(actors)}")
    return "\n".join(lines) + "\n"


def render(m: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    summary = f"Mermaid, {len(m.stages)} sections"
    return export_file(m.title, "mermaid", mermaid_journey(m).encode("utf-8"), summary)
