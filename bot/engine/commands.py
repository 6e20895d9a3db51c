"""Conversation commands that work at every step: next, back, skip, show, undo, edit, remove…"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.model import Step

CommandName = Literal[
    "next",
    "back",
    "skip",
    "show",
    "undo",
    "help",
    "edit",
    "remove",
    "confirm",
    "cancel",
    "goto",
    "done",
    "critique",
    "export",
    "question",
    "vote",
    "settle",
    "votes",
    "evidence",
    "review",
    "reviewed",
    "summary",
    "future",
]

_EXACT: dict[str, CommandName] = {
    "next": "next",
    "continue": "next",
    "next step": "next",
    "nxt": "next",
    "move on": "next",
    "go on": "next",
    "done here": "next",
    "back": "back",
    "previous": "back",
    "go back": "back",
    "skip": "skip",
    "skip this": "skip",
    "skip step": "skip",
    "show": "show",
    "show map": "show",
    "show the map": "show",
    "show me the map": "show",
    "map": "show",
    "status": "show",
    "undo": "undo",
    "undo that": "undo",
    "help": "help",
    "?": "help",
    "yes": "confirm",
    "confirm": "confirm",
    "y": "confirm",
    "yep": "confirm",
    "yeah": "confirm",
    "yup": "confirm",
    "sure": "confirm",
    "ok": "confirm",
    "okay": "confirm",
    "correct": "confirm",
    "looks good": "confirm",
    "save it": "confirm",
    "no": "cancel",
    "cancel": "cancel",
    "n": "cancel",
    "nope": "cancel",
    "nah": "cancel",
    "done": "done",
    "finish": "done",
    "mark complete": "done",
    "complete": "done",
    "critique": "critique",
    "review my map": "critique",
    "critique this map": "critique",
    "critique the map": "critique",
    "edit": "edit",
    "edit it": "edit",
    "votes": "votes",
    "show votes": "votes",
    "reviewed": "reviewed",
    "review done": "reviewed",
    "mark reviewed": "reviewed",
    "summary": "summary",
    "summarise": "summary",
    "summarize": "summary",
    "future state": "future",
    "make a future state": "future",
    "create future state": "future",
}

_PREFIXED: list[tuple[re.Pattern[str], CommandName]] = [
    (re.compile(r"^edit\s+(.+)$", re.IGNORECASE | re.DOTALL), "edit"),
    (re.compile(r"^(?:remove|delete)\s+(.+)$", re.IGNORECASE), "remove"),
    (re.compile(r"^export(?:\s+(.*))?$", re.IGNORECASE), "export"),
    (re.compile(r"^(?:go ?to|jump to)\s+(.+)$", re.IGNORECASE), "goto"),
    (re.compile(r"^vote\s+(.+)$", re.IGNORECASE), "vote"),
    (re.compile(r"^settle\s+(.+)$", re.IGNORECASE), "settle"),
    (re.compile(r"^evidence\s+(.+)$", re.IGNORECASE | re.DOTALL), "evidence"),
    (re.compile(r"^review\s+every\s+(\d+)\s*days?$", re.IGNORECASE), "review"),
]


STEP_NAMES: dict[str, Step] = {
    **{step.value: step for step in Step},
    "persona": Step.PERSONAS,
    "stage": Step.STAGES,
    "touchpoint": Step.TOUCHPOINTS,
    "emotion": Step.EMOTIONS,
    "pains": Step.EMOTIONS,
    "kpi": Step.KPIS,
    "actions": Step.KPIS,
}


class Command(BaseModel):
    name: CommandName
    argument: str = ""


_FILLER_BEFORE = re.compile(
    r"^(?:(?:ok|okay|ok cool|cool|great|right|alright|so|and|then|now|yes|lets|let's)[,!.]?\s+)+",
    re.I,
)
_FILLER_AFTER = re.compile(r"(?:[,!.]?\s+(?:please|pls|plz|thanks|thx|then|now))+$", re.I)


def read_command(text: str) -> Command | None:
    """A command if the whole message is one; None means the text is an answer."""
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower().rstrip("!. ")
    for candidate in (lowered, _FILLER_AFTER.sub("", _FILLER_BEFORE.sub("", lowered))):
        if candidate in _EXACT:
            return Command(name=_EXACT[candidate])
    for pattern, name in _PREFIXED:
        match = pattern.match(text.strip())
        if match:
            return Command(name=name, argument=(match.group(1) or "").strip())
    return None
