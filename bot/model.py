"""The journey map: a typed, validated structure whose JSON Schema is our interchange format.

Ids are short and stable (``stage-3``, ``tp-12``): one serial per map hands them out, so an id is
never reused inside a map, and the same answers always build the same map.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SHORT = 200
LONG = 2000
SCHEMA_VERSION = 2

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=SHORT)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=LONG)]
Score = Annotated[int, Field(ge=-2, le=2)]

KNOWN_CHANNELS: tuple[str, ...] = (
    "website",
    "mobile app",
    "email",
    "phone",
    "chat",
    "sms",
    "social media",
    "search",
    "review site",
    "word of mouth",
    "advert",
    "in store",
    "in person",
    "branch",
    "post",
    "partner",
    "self-service",
    "community",
    "product",
    "other",
)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Step(StrEnum):
    SCOPE = "scope"
    PERSONAS = "personas"
    STAGES = "stages"
    TOUCHPOINTS = "touchpoints"
    EMOTIONS = "emotions"
    KPIS = "kpis"
    REVIEW = "review"

    @property
    def label(self) -> str:
        return STEP_LABELS[self]

    def next(self) -> Step:
        order = list(Step)
        return order[min(order.index(self) + 1, len(order) - 1)]

    def previous(self) -> Step:
        order = list(Step)
        return order[max(order.index(self) - 1, 0)]


STEP_LABELS: dict[Step, str] = {
    Step.SCOPE: "Scope",
    Step.PERSONAS: "Persona",
    Step.STAGES: "Stages",
    Step.TOUCHPOINTS: "Touchpoints",
    Step.EMOTIONS: "Emotions, pains, delights and moments of truth",
    Step.KPIS: "KPIs and actions",
    Step.REVIEW: "Review",
}


class MapStatus(StrEnum):
    DRAFT = "draft"
    COMPLETE = "complete"


class Part(BaseModel):
    """Base of every map part: strict about unknown fields so imports cannot smuggle data in."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class EvidenceLevel(StrEnum):
    """How much we know: observed in research or analytics, reported by customers or staff,
    or assumed by the team."""

    OBSERVED = "observed"
    REPORTED = "reported"
    ASSUMED = "assumed"


class EvidenceLink(Part):
    kind: Literal["quote", "data", "slack"]
    text: LongText
    url: Annotated[str, StringConstraints(max_length=500)] = ""
    added_by: ShortText = ""


class Evidence(Part):
    level: EvidenceLevel = EvidenceLevel.ASSUMED
    links: list[EvidenceLink] = Field(default_factory=list)


class Scope(Part):
    objective: LongText = ""
    scenario: LongText = ""
    journey_start: ShortText = ""
    journey_end: ShortText = ""
    audience: ShortText = Field("", description="Who the map is for (its owner and readers).")
    usage: LongText = Field("", description="How the map will be used.")
    research_basis: LongText = Field("", description="The research the map rests on.")


class Persona(Part):
    id: str
    name: Name
    description: LongText = ""
    goals: list[ShortText] = Field(default_factory=list)
    needs: list[ShortText] = Field(default_factory=list)
    frustrations: list[ShortText] = Field(default_factory=list)
    data_source: ShortText = ""
    evidence: Evidence = Field(default_factory=Evidence)


class Stage(Part):
    id: str
    name: Name
    description: LongText = ""


class Touchpoint(Part):
    id: str
    stage_id: str
    channel: ShortText = ""
    description: Name
    customer_action: LongText = Field("", description="What the customer does.")
    customer_thought: LongText = Field("", description="What the customer thinks.")
    owner: ShortText = Field("", description="The team that owns this touchpoint.")
    evidence: Evidence = Field(default_factory=Evidence)


class Emotion(Part):
    """The settled feeling of a stage; `reason` records why, when the team disagreed."""

    stage_id: str
    score: Score
    label: ShortText = ""
    quote: LongText = ""
    reason: LongText = ""
    evidence: Evidence = Field(default_factory=Evidence)


class EmotionVote(Part):
    """One person's score for a stage; one vote per person per stage, changeable."""

    stage_id: str
    user: ShortText
    score: Score
    reason: LongText = ""
    at: datetime = Field(default_factory=utc_now)


class Anchored(Part):
    """Something tied to a stage and, optionally, to one of its touchpoints."""

    id: str
    text: Name
    stage_id: str
    touchpoint_id: str | None = None
    evidence: Evidence = Field(default_factory=Evidence)


class PainPoint(Anchored):
    pass


class DelightPoint(Anchored):
    pass


class MomentOfTruth(Anchored):
    pass


class Action(Part):
    id: str
    description: Name
    owner: ShortText = ""
    due: date | None = None
    stage_id: str | None = None
    pain_point_id: str | None = None
    done: bool = False
    changes: str | None = Field(None, description="Id of the future-state item it brings about.")


class Kpi(Part):
    id: str
    name: Name
    definition: LongText = ""
    baseline: ShortText = ""
    target: ShortText = ""
    owner: ShortText = ""
    stage_id: str | None = None
    pain_point_id: str | None = None
    changes: str | None = Field(None, description="Id of the future-state item it measures.")


class Contribution(Part):
    user: ShortText
    summary: ShortText
    at: datetime = Field(default_factory=utc_now)


ItemKind = Literal["persona", "stage", "touchpoint", "pain", "delight", "moment", "action", "kpi"]

ID_PREFIX: dict[ItemKind, str] = {
    "persona": "persona",
    "stage": "stage",
    "touchpoint": "tp",
    "pain": "pain",
    "delight": "delight",
    "moment": "mot",
    "action": "action",
    "kpi": "kpi",
}

COLLECTION: dict[ItemKind, str] = {
    "persona": "personas",
    "stage": "stages",
    "touchpoint": "touchpoints",
    "pain": "pain_points",
    "delight": "delight_points",
    "moment": "moments_of_truth",
    "action": "actions",
    "kpi": "kpis",
}


class JourneyMap(Part):
    """A customer journey map. ``version`` counts saved changes; storage keeps every version."""

    id: str = ""
    title: Name
    scope: Scope = Field(default_factory=Scope)
    personas: list[Persona] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    emotions: list[Emotion] = Field(default_factory=list)
    pain_points: list[PainPoint] = Field(default_factory=list)
    delight_points: list[DelightPoint] = Field(default_factory=list)
    moments_of_truth: list[MomentOfTruth] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    contributors: list[Contribution] = Field(default_factory=list)
    status: MapStatus = MapStatus.DRAFT
    emotion_votes: list[EmotionVote] = Field(default_factory=list)
    state_of: Literal["current", "future"] = "current"
    linked_map_id: str | None = Field(
        None, description="The current-state map a future one is for."
    )
    owner: ShortText = Field("", description="Who keeps the map alive (a Slack user id or a name).")
    review_every_days: Annotated[int, Field(ge=7, le=730)] = 90
    last_reviewed_at: datetime | None = None
    schema_version: int = SCHEMA_VERSION
    version: int = 0
    serial: int = Field(0, description="Last number handed out for an item id.")
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    @model_validator(mode="before")
    @classmethod
    def _upgrade_older_versions(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("schema_version", 1) < SCHEMA_VERSION:
            from bot.map_migrations import upgrade

            return upgrade(data)
        return data

    @model_validator(mode="after")
    def _references_resolve(self) -> JourneyMap:
        problems = list(self.reference_problems())
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # --- lookups -------------------------------------------------------------------------

    def new_id(self, kind: ItemKind) -> str:
        self.serial += 1
        return f"{ID_PREFIX[kind]}-{self.serial}"

    def items(self, kind: ItemKind) -> list[Any]:
        """The collection for a kind of item (its element type depends on the kind)."""
        items: list[Any] = getattr(self, COLLECTION[kind])
        return items

    def find(self, kind: ItemKind, item_id: str) -> Any | None:
        return next((item for item in self.items(kind) if item.id == item_id), None)

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def stage_named(self, name: str) -> Stage | None:
        wanted = name.strip().casefold()
        return next((s for s in self.stages if s.name.casefold() == wanted), None)

    def emotion_for(self, stage_id: str) -> Emotion | None:
        return next((e for e in self.emotions if e.stage_id == stage_id), None)

    def touchpoints_in(self, stage_id: str) -> list[Touchpoint]:
        return [t for t in self.touchpoints if t.stage_id == stage_id]

    def linked_items(self) -> list[Action | Kpi]:
        """Actions and KPIs: the items that may point at a stage, a pain point or any item."""
        return [*self.actions, *self.kpis]

    def anchored_in(self, stage_id: str) -> list[Anchored]:
        return [
            item
            for item in (*self.pain_points, *self.delight_points, *self.moments_of_truth)
            if item.stage_id == stage_id
        ]

    # --- integrity -----------------------------------------------------------------------

    def reference_problems(self) -> Iterator[str]:
        stage_ids = {s.id for s in self.stages}
        touchpoints = {t.id: t for t in self.touchpoints}
        pain_ids = {p.id for p in self.pain_points}
        all_ids = [item.id for kind in COLLECTION for item in self.items(kind)]
        duplicates = {i for i in all_ids if all_ids.count(i) > 1}
        if duplicates:
            yield f"duplicate ids: {', '.join(sorted(duplicates))}"
        for t in self.touchpoints:
            if t.stage_id not in stage_ids:
                yield f"touchpoint {t.id} points at unknown stage {t.stage_id}"
        seen_emotions: set[str] = set()
        for e in self.emotions:
            if e.stage_id not in stage_ids:
                yield f"emotion points at unknown stage {e.stage_id}"
            if e.stage_id in seen_emotions:
                yield f"stage {e.stage_id} has more than one emotion"
            seen_emotions.add(e.stage_id)
        for item in (*self.pain_points, *self.delight_points, *self.moments_of_truth):
            if item.stage_id not in stage_ids:
                yield f"{item.id} points at unknown stage {item.stage_id}"
            if item.touchpoint_id is not None:
                tp = touchpoints.get(item.touchpoint_id)
                if tp is None:
                    yield f"{item.id} points at unknown touchpoint {item.touchpoint_id}"
                elif tp.stage_id != item.stage_id:
                    yield f"{item.id}: touchpoint {tp.id} is not in stage {item.stage_id}"
        for vote in self.emotion_votes:
            if vote.stage_id not in stage_ids:
                yield f"a vote points at unknown stage {vote.stage_id}"
        item_ids = set(all_ids)
        for linked in self.linked_items():
            if linked.changes is not None and linked.changes not in item_ids:
                yield f"{linked.id} points at unknown item {linked.changes}"
            if linked.stage_id is not None and linked.stage_id not in stage_ids:
                yield f"{linked.id} points at unknown stage {linked.stage_id}"
            if linked.pain_point_id is not None and linked.pain_point_id not in pain_ids:
                yield f"{linked.id} points at unknown pain point {linked.pain_point_id}"

    def dependents_of(self, kind: ItemKind, item_id: str) -> list[str]:
        """Describe what would be left dangling if the item went: used to warn before removal."""
        found: list[str] = []
        if kind == "stage":
            found += [f"touchpoint {t.id} ({t.description})" for t in self.touchpoints_in(item_id)]
            found += [f"emotion of stage {item_id}" for e in self.emotions if e.stage_id == item_id]
            found += [f"{a.id} ({a.text})" for a in self.anchored_in(item_id)]
            found += [f"{x.id} ({_label(x)})" for x in self.linked_items() if x.stage_id == item_id]
        elif kind == "touchpoint":
            found += [
                f"{a.id} ({a.text})"
                for a in (*self.pain_points, *self.delight_points, *self.moments_of_truth)
                if a.touchpoint_id == item_id
            ]
        elif kind == "pain":
            found += [
                f"{x.id} ({_label(x)})" for x in self.linked_items() if x.pain_point_id == item_id
            ]
        return found


def _label(item: Action | Kpi) -> str:
    return item.description if isinstance(item, Action) else item.name


def map_json_schema() -> dict:
    return JourneyMap.model_json_schema()
