"""The one-line notices the team sees when the model cannot help; the turn then falls back."""

from __future__ import annotations

from typing import Literal

Operation = Literal["propose", "answer", "narrate"]

BUDGET_SPENT = (
    "The daily LLM budget for this workspace is spent; I'll use the plain parser until tomorrow."
)
NO_PASSAGES = "I have no guidance on that in the knowledge base, so I won't guess."

TIMEOUT = "The language model took too long"
RATE_LIMITED = "The language model is rate-limited right now"
DOWN = "The language model is unavailable right now"
REFUSED = "The language model refused the request"
GARBAGE = "The language model's reply was unreadable"
UNCHECKED = "The language model's reply didn't pass my checks"
BUDGET_UNKNOWN = "I couldn't read this workspace's LLM budget"
NOT_ANSWERED = "The guidance I found doesn't answer that directly"

_FALLBACK: dict[Operation, str] = {
    "propose": "I used the plain parser",
    "answer": "here is the guidance itself",
    "narrate": "here are the findings on their own",
}


def notice(operation: Operation, reason: str) -> str:
    return f"{reason}; {_FALLBACK[operation]}."
