"""What a thread remembers between turns, and what one turn produces."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from bot.domain.edits import Edit
from bot.engine.reply import Reply
from bot.exports.base import ExportFile
from bot.model import ItemKind, JourneyMap, Step


class PendingRemoval(BaseModel):
    item: ItemKind
    item_id: str


class FacilitationState(BaseModel):
    step: Step = Step.SCOPE
    shown_tips: list[str] = Field(default_factory=list)
    pending_removal: PendingRemoval | None = None
    pending_proposal: list[Edit] | None = None


class Turn(BaseModel):
    """One message from the team: free text, or edits from a form (a Slack modal)."""

    user: str
    text: str = ""
    edits: list[Edit] = Field(default_factory=list)


@dataclass
class Pending:
    """What the previous turn left waiting for a yes or no."""

    removal: PendingRemoval | None = None
    proposal: list[Edit] | None = None


@dataclass
class Outcome:
    journey_map: JourneyMap
    state: FacilitationState
    reply: Reply
    summary: str = ""
    parent: int | None = None
    files: list[ExportFile] = field(default_factory=list)
