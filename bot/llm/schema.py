"""What the model fills in when it reads prose: a tool schema that mirrors our map edits, with
stages referenced by name. bot.llm.proposal turns it into validated edits."""

from __future__ import annotations

from typing import Any

from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, Field

STAGE_REF = "Name of a stage listed in <map>, or of a stage added in this same reply."


class ScopeItem(BaseModel):
    """What the map is about; leave fields empty when the answer doesn't say."""

    objective: str = Field("", description="Why the team maps this journey.")
    scenario: str = Field("", description="The one situation the map follows.")
    journey_start: str = Field("", description="Where the journey starts.")
    journey_end: str = Field("", description="Where the journey ends.")
    audience: str = Field("", description="Who the map is for.")


class PersonaItem(BaseModel):
    name: str
    description: str = ""
    goals: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    frustrations: list[str] = Field(default_factory=list)


class StageItem(BaseModel):
    name: str
    description: str = ""


class TouchpointItem(BaseModel):
    stage: str = Field(description=STAGE_REF)
    description: str = Field(description="Where the customer meets us, in a few words.")
    channel: str = ""
    customer_action: str = Field("", description="What the customer does.")
    customer_thought: str = Field("", description="What the customer thinks.")
    owner: str = Field("", description="The team that owns it, only when the answer says.")


class EmotionItem(BaseModel):
    stage: str = Field(description=STAGE_REF)
    score: int = Field(description="-2 very negative, -1, 0 neutral, 1, 2 very positive.")
    label: str = Field("", description="The feeling in a word or two, e.g. 'anxious'.")
    quote: str = Field("", description="The customer's words, only when the answer quotes them.")


class AnchoredItem(BaseModel):
    stage: str = Field(description=STAGE_REF)
    text: str
    touchpoint: str | None = Field(None, description="A touchpoint of that stage, if one fits.")


class KpiItem(BaseModel):
    name: str
    definition: str = ""
    baseline: str = ""
    target: str = ""
    owner: str = ""
    stage: str | None = Field(None, description=STAGE_REF)


class ActionItem(BaseModel):
    description: str
    owner: str = ""
    stage: str | None = Field(None, description=STAGE_REF)


class MapItems(BaseModel):
    """Journey-map items stated in a team member's answer. Leave lists empty when the answer
    states nothing of that kind."""

    scope: ScopeItem | None = None
    personas: list[PersonaItem] = Field(default_factory=list)
    stages: list[StageItem] = Field(default_factory=list)
    touchpoints: list[TouchpointItem] = Field(default_factory=list)
    emotions: list[EmotionItem] = Field(default_factory=list)
    pain_points: list[AnchoredItem] = Field(default_factory=list)
    delight_points: list[AnchoredItem] = Field(default_factory=list)
    moments_of_truth: list[AnchoredItem] = Field(default_factory=list)
    kpis: list[KpiItem] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)
    note: str = Field("", description="One short sentence on what didn't fit, if anything.")


# The tool as a ready dict: langchain re-derives a pydantic class's JSON schema on every call
# (for tracing metadata), some 10 ms a turn; a dict costs nothing. We validate the reply ourselves.
MAP_ITEMS_TOOL: dict[str, Any] = convert_to_openai_tool(MapItems)
