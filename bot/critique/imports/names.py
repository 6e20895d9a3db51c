"""Row and column names we recognise in imported tables, with their common synonyms."""

from __future__ import annotations

import re
from enum import StrEnum


class Lane(StrEnum):
    """What a row (stages across the top) or a column (one row per touchpoint) holds."""

    STAGE = "stage"
    STAGE_DESCRIPTION = "stage description"
    TOUCHPOINT = "touchpoint"
    CHANNEL = "channel"
    ACTION = "customer action"
    THOUGHT = "customer thought"
    QUOTE = "quote"
    OWNER = "owner"
    EMOTION = "emotion"
    EMOTION_SCORE = "emotion score"
    EMOTION_LABEL = "emotion label"
    PAIN = "pain points"
    DELIGHT = "delight points"
    MOMENT = "moments of truth"
    OPPORTUNITY = "opportunities"
    KPI = "kpis"


_SYNONYMS: dict[Lane, tuple[str, ...]] = {
    Lane.STAGE: ("stage", "stages", "phase", "phases", "journey stage", "journey phase",
                 "stage name"),
    Lane.STAGE_DESCRIPTION: ("stage description", "stage goal", "customer goal",
                             "customer goals"),
    Lane.TOUCHPOINT: ("touchpoint", "touchpoints", "touch point", "touch points",
                      "touchpoint description", "description", "interaction", "interactions",
                      "what happens"),
    Lane.CHANNEL: ("channel", "channels", "medium", "media", "via"),
    Lane.ACTION: ("customer action", "customer actions", "action", "actions", "doing", "does",
                  "what they do", "customer does", "activities", "activity", "behaviour",
                  "behavior", "tasks"),
    Lane.THOUGHT: ("customer thought", "customer thoughts", "thought", "thoughts", "thinking",
                   "thinks", "what they think", "mindset", "questions"),
    Lane.QUOTE: ("quote", "quotes", "customer quote", "customer quotes", "says",
                 "customer says", "what they say", "verbatim", "verbatims"),
    Lane.OWNER: ("owner", "owners", "team", "teams", "owned by", "responsible", "who owns it"),
    Lane.EMOTION: ("emotion", "emotions", "feeling", "feelings", "feels", "mood", "sentiment",
                   "emotional curve", "emotional journey"),
    Lane.EMOTION_SCORE: ("emotion score", "score", "feeling score", "sentiment score"),
    Lane.EMOTION_LABEL: ("emotion label", "label", "feeling label", "emotion word"),
    Lane.PAIN: ("pain points", "pain point", "pains", "pain", "frustrations", "problems",
                "issues", "barriers", "friction"),
    Lane.DELIGHT: ("delight points", "delight point", "delights", "delight", "highlights",
                   "positives", "gains", "moments of delight", "wow moments"),
    Lane.MOMENT: ("moments of truth", "moment of truth", "mot", "mots", "key moments",
                  "critical moments"),
    Lane.OPPORTUNITY: ("opportunities", "opportunity", "improvements", "ideas",
                       "recommendations", "next steps", "actions to take", "our actions",
                       "fixes", "improvement actions", "opportunities and actions"),
    Lane.KPI: ("kpi", "kpis", "metric", "metrics", "measure", "measures"),
}  # fmt: skip
LANES: dict[str, Lane] = {name: lane for lane, names in _SYNONYMS.items() for name in names}

# Lines or rows above a table that describe the map: "Objective: …", "Persona: …".
PREAMBLE_KEYS: dict[str, str] = {
    "title": "title",
    "journey": "title",
    "journey map": "title",
    "map": "title",
    "objective": "objective",
    "goal of the map": "objective",
    "scenario": "scenario",
    "start": "journey_start",
    "starts": "journey_start",
    "journey start": "journey_start",
    "journey starts": "journey_start",
    "end": "journey_end",
    "ends": "journey_end",
    "journey end": "journey_end",
    "journey ends": "journey_end",
    "audience": "audience",
    "for": "audience",
    "usage": "usage",
    "use": "usage",
    "how it will be used": "usage",
    "research": "research_basis",
    "research basis": "research_basis",
    "based on": "research_basis",
    "sources": "research_basis",
    "persona": "persona",
    "goals": "goals",
    "goal": "goals",
    "source": "source",
    "data source": "source",
    "owner": "owner",
    "map owner": "owner",
}
PERSONA_HEADINGS = frozenset({"persona", "personas"})

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w\s]|_")


def normalise(name: str) -> str:
    """'**Pain points** (top 3):' -> 'pain points'; 'touchpoint/description' ->
    'touchpoint description'."""
    text = _PARENTHESES.sub(" ", name.casefold())
    return " ".join(_NOT_WORD.sub(" ", text).split())


def lane_of(name: str) -> Lane | None:
    return LANES.get(normalise(name))


def preamble_key(name: str) -> str | None:
    return PREAMBLE_KEYS.get(normalise(name))
