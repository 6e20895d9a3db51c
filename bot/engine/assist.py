"""The seam for an optional language model. The engine works fully without one; with one it also
reads free-form answers (as proposals the team confirms), answers questions from retrieved
guidance, and narrates a critique. bot.llm implements this protocol."""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, Field

from bot.domain.edits import Edit
from bot.model import JourneyMap, Step
from knowledge.types import Passage


class AssistantUnavailable(Exception):
    """The model could not help this turn (down, too slow, garbage, budget spent). The message
    is a one-line notice for the team; the turn falls back to the deterministic path."""


class Proposal(BaseModel):
    """Map edits the model read from prose; nothing is saved until the team confirms."""

    edits: list[Edit] = Field(default_factory=list)
    note: str = ""


class Assistant(Protocol):
    def propose(self, journey_map: JourneyMap, step: Step, text: str, workspace: str) -> Proposal:
        """Read map items from a free-form answer. Raises AssistantUnavailable."""
        ...

    def answer(self, question: str, passages: list[Passage], workspace: str) -> str:
        """A short answer grounded in the passages, naming them. Raises AssistantUnavailable."""
        ...

    def narrate(
        self, journey_map: JourneyMap, critique: Any, passages: list[Passage], workspace: str
    ) -> str:
        """A short narrative on top of the rule findings. Raises AssistantUnavailable."""
        ...
