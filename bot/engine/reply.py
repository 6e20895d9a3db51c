"""What a turn returns: plain data that the terminal and Slack render, holding no logic.

Text fields may use light mrkdwn (*bold*, _italic_, `code`); renderers escape &, < and >
in every field, so user text inside them can never ping anyone or form a link."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from bot.critique.findings import Critique
from bot.exports.base import ExportFile
from bot.model import JourneyMap, Step
from knowledge.types import Answer, Tip


class Suggestion(BaseModel):
    """A next action: the label a button shows and the command it sends."""

    label: str
    command: str


class Section(BaseModel):
    heading: str = ""
    body: str


class Reply(BaseModel):
    step: Step
    step_number: int
    step_count: int
    step_title: str
    question: str = ""
    example: str = ""
    understood: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tip: Tip | None = Field(None, description="At most one tip, on entering a step.")
    answer: Answer | None = Field(None, description="The guidance's answer to a question.")
    suggestions: list[Suggestion] = Field(default_factory=list)
    show_map: bool = False
    changed: bool = False
    critique: Critique | None = Field(None, description="The critique, when one was asked for.")
    spawn: Literal["future"] | None = Field(
        None, description="The adapter should open a new thread and call Engine.start_future."
    )


class TurnResult(BaseModel):
    reply: Reply
    journey_map: JourneyMap
    version: int
    files: list[ExportFile] = Field(
        default_factory=list, description="The exported files, when an export was asked for."
    )
