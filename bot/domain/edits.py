"""Typed edits to a map. The parser, Slack modals and the LLM all produce these; one function
applies them, so every path to a change is validated the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from statistics import mean
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationError

from bot.evidence import evidence_for, strongest
from bot.model import (
    COLLECTION,
    Action,
    DelightPoint,
    Emotion,
    EmotionVote,
    EvidenceLevel,
    EvidenceLink,
    ItemKind,
    JourneyMap,
    Kpi,
    MomentOfTruth,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)


class EditError(ValueError):
    """An edit that cannot apply; the message is shown to the team as it is."""


class SetScope(BaseModel):
    kind: Literal["set_scope"] = "set_scope"
    field: Literal[
        "objective",
        "scenario",
        "journey_start",
        "journey_end",
        "audience",
        "usage",
        "research_basis",
    ]
    value: str


class SetTitle(BaseModel):
    kind: Literal["set_title"] = "set_title"
    title: str


class AddPersona(BaseModel):
    kind: Literal["add_persona"] = "add_persona"
    name: str
    description: str = ""
    goals: list[str] = []
    needs: list[str] = []
    frustrations: list[str] = []
    data_source: str = ""


class AddStage(BaseModel):
    kind: Literal["add_stage"] = "add_stage"
    name: str
    description: str = ""


class AddTouchpoint(BaseModel):
    kind: Literal["add_touchpoint"] = "add_touchpoint"
    stage: str = Field(description="Stage id or name.")
    description: str
    channel: str = ""
    customer_action: str = ""
    customer_thought: str = ""
    owner: str = ""
    source: str = ""


class SetEmotion(BaseModel):
    kind: Literal["set_emotion"] = "set_emotion"
    stage: str
    score: int
    label: str = ""
    quote: str = ""
    source: str = ""


class AddAnchored(BaseModel):
    """A pain point, delight point or moment of truth on a stage (and maybe a touchpoint)."""

    kind: Literal["add_anchored"] = "add_anchored"
    item: Literal["pain", "delight", "moment"]
    stage: str
    text: str
    touchpoint: str | None = None
    source: str = ""
    quote: str = ""


class AddKpi(BaseModel):
    kind: Literal["add_kpi"] = "add_kpi"
    name: str
    definition: str = ""
    baseline: str = ""
    target: str = ""
    owner: str = ""
    stage: str | None = None
    pain: str | None = None


class AddAction(BaseModel):
    kind: Literal["add_action"] = "add_action"
    description: str
    owner: str = ""
    due: date | None = None
    stage: str | None = None
    pain: str | None = None


class AddEvidence(BaseModel):
    """Attach a quote, a data source or a Slack message to an item (an emotion by its stage)."""

    kind: Literal["add_evidence"] = "add_evidence"
    item: Literal["persona", "touchpoint", "emotion", "pain", "delight", "moment"]
    item_id: str
    link: Literal["quote", "data", "slack"]
    text: str
    url: str = ""
    level: Literal["observed", "reported", "assumed"] | None = None
    added_by: str = ""


class CastVote(BaseModel):
    kind: Literal["cast_vote"] = "cast_vote"
    stage: str
    user: str
    score: int
    reason: str = ""


class SettleEmotion(BaseModel):
    kind: Literal["settle_emotion"] = "settle_emotion"
    stage: str
    score: int | None = None
    reason: str = ""


class SetReview(BaseModel):
    """Who keeps the map alive and how often it is reviewed; `reviewed` records a review now."""

    kind: Literal["set_review"] = "set_review"
    owner: str | None = None
    every_days: int | None = None
    reviewed: bool = False


class UpdateItem(BaseModel):
    kind: Literal["update_item"] = "update_item"
    item: ItemKind
    item_id: str
    field: str
    value: str


class RemoveItem(BaseModel):
    kind: Literal["remove_item"] = "remove_item"
    item: ItemKind
    item_id: str


Edit = Annotated[
    SetScope
    | SetTitle
    | AddPersona
    | AddStage
    | AddTouchpoint
    | SetEmotion
    | AddAnchored
    | AddKpi
    | AddAction
    | AddEvidence
    | CastVote
    | SettleEmotion
    | SetReview
    | UpdateItem
    | RemoveItem,
    Field(discriminator="kind"),
]

DISAGREEMENT = 2  # points of spread at which the team must say why before settling

LIST_FIELDS = {"goals", "needs", "frustrations"}


def apply_edits(journey_map: JourneyMap, edits: list[Edit]) -> tuple[JourneyMap, list[str]]:
    """Apply edits to a copy of the map; all or nothing. Returns the new map and what changed."""
    draft = journey_map.model_copy(deep=True)
    summaries = [_apply(draft, edit) for edit in edits]
    try:
        checked = JourneyMap.model_validate(draft.model_dump())
    except ValidationError as exc:
        raise EditError(_friendly(exc)) from exc
    return checked, summaries


def _apply(m: JourneyMap, edit: Edit) -> str:
    try:
        return _APPLIERS[edit.kind](m, edit)
    except ValidationError as exc:
        raise EditError(_friendly(exc)) from exc


def _set_scope(m: JourneyMap, edit: SetScope) -> str:
    setattr(m.scope, edit.field, edit.value)
    return f"{edit.field.replace('_', ' ')}: {edit.value}"


def _set_title(m: JourneyMap, edit: SetTitle) -> str:
    m.title = edit.title
    return f"title: {edit.title}"


def _add_persona(m: JourneyMap, edit: AddPersona) -> str:
    fields = edit.model_dump(exclude={"kind"})
    evidence = evidence_for(source=edit.data_source)
    m.personas.append(Persona(id=m.new_id("persona"), evidence=evidence, **fields))
    return f"persona {edit.name}"


def _add_stage(m: JourneyMap, edit: AddStage) -> str:
    if m.stage_named(edit.name):
        raise EditError(f"There is already a stage called '{edit.name}'.")
    m.stages.append(Stage(id=m.new_id("stage"), name=edit.name, description=edit.description))
    return f"stage {edit.name}"


def _add_touchpoint(m: JourneyMap, edit: AddTouchpoint) -> str:
    stage = resolve_stage(m, edit.stage)
    fields = edit.model_dump(exclude={"kind", "stage", "source"})
    m.touchpoints.append(
        Touchpoint(
            id=m.new_id("touchpoint"),
            stage_id=stage.id,
            evidence=evidence_for(edit.source),
            **fields,
        )
    )
    channel = f" ({edit.channel})" if edit.channel else ""
    return f"touchpoint {edit.description}{channel} in {stage.name}"


def _set_emotion(m: JourneyMap, edit: SetEmotion) -> str:
    stage = resolve_stage(m, edit.stage)
    emotion = Emotion(
        stage_id=stage.id,
        score=edit.score,
        label=edit.label,
        quote=edit.quote,
        evidence=evidence_for(edit.source, edit.quote),
    )
    m.emotions = [e for e in m.emotions if e.stage_id != stage.id] + [emotion]
    m.emotions.sort(key=lambda e: [s.id for s in m.stages].index(e.stage_id))
    label = f" ({edit.label})" if edit.label else ""
    return f"emotion in {stage.name}: {edit.score:+d}{label}"


_ANCHORED = {"pain": PainPoint, "delight": DelightPoint, "moment": MomentOfTruth}
_ANCHORED_NAME = {"pain": "pain point", "delight": "delight point", "moment": "moment of truth"}


def _add_anchored(m: JourneyMap, edit: AddAnchored) -> str:
    stage = resolve_stage(m, edit.stage)
    touchpoint_id = None
    if edit.touchpoint:
        touchpoint_id = resolve_touchpoint(m, edit.touchpoint, stage.id).id
    item = _ANCHORED[edit.item](
        id=m.new_id(edit.item),
        text=edit.text,
        stage_id=stage.id,
        touchpoint_id=touchpoint_id,
        evidence=evidence_for(edit.source, edit.quote),
    )
    m.items(edit.item).append(item)
    return f"{_ANCHORED_NAME[edit.item]} in {stage.name}: {edit.text}"


def _links(m: JourneyMap, stage: str | None, pain: str | None) -> dict[str, str | None]:
    return {
        "stage_id": resolve_stage(m, stage).id if stage else None,
        "pain_point_id": resolve_pain(m, pain).id if pain else None,
    }


def _add_kpi(m: JourneyMap, edit: AddKpi) -> str:
    fields = edit.model_dump(exclude={"kind", "stage", "pain"})
    m.kpis.append(Kpi(id=m.new_id("kpi"), **fields, **_links(m, edit.stage, edit.pain)))
    return f"KPI {edit.name}"


def _add_action(m: JourneyMap, edit: AddAction) -> str:
    fields = edit.model_dump(exclude={"kind", "stage", "pain"})
    m.actions.append(Action(id=m.new_id("action"), **fields, **_links(m, edit.stage, edit.pain)))
    return f"action {edit.description}"


def _add_evidence(m: JourneyMap, edit: AddEvidence) -> str:
    item = (
        m.emotion_for(edit.item_id) if edit.item == "emotion" else m.find(edit.item, edit.item_id)
    )
    if item is None:
        raise EditError(f"I can't find {edit.item} {edit.item_id}.")
    link = EvidenceLink(kind=edit.link, text=edit.text, url=edit.url, added_by=edit.added_by)
    implied = evidence_for(
        edit.text if edit.link == "data" else "", "x" if edit.link != "data" else ""
    )
    level = (
        EvidenceLevel(edit.level) if edit.level else strongest(item.evidence.level, implied.level)
    )
    item.evidence = item.evidence.model_copy(
        update={"level": level, "links": [*item.evidence.links, link]}
    )
    return f"evidence on {edit.item} {edit.item_id} ({level.value}): {edit.text[:80]}"


def _cast_vote(m: JourneyMap, edit: CastVote) -> str:
    stage = resolve_stage(m, edit.stage)
    vote = EmotionVote(stage_id=stage.id, user=edit.user, score=edit.score, reason=edit.reason)
    m.emotion_votes = [
        v for v in m.emotion_votes if not (v.stage_id == stage.id and v.user == edit.user)
    ] + [vote]
    return f"vote in {stage.name}: {edit.score:+d}"


def votes_for(m: JourneyMap, stage_id: str) -> list[EmotionVote]:
    return [v for v in m.emotion_votes if v.stage_id == stage_id]


def _settle_emotion(m: JourneyMap, edit: SettleEmotion) -> str:
    stage = resolve_stage(m, edit.stage)
    votes = votes_for(m, stage.id)
    if edit.score is None and not votes:
        raise EditError(f"Nobody has voted on {stage.name} yet; give a score to settle it.")
    spread = max(v.score for v in votes) - min(v.score for v in votes) if votes else 0
    reasons = [v.reason for v in votes if v.reason]
    if spread >= DISAGREEMENT and not (edit.reason or reasons):
        low, high = min(v.score for v in votes), max(v.score for v in votes)
        raise EditError(
            f"The team disagrees on {stage.name} (votes from {low:+d} to {high:+d}). "
            f"Before settling, say why: `settle {stage.name} -1 because …`, "
            "or vote again with a reason."
        )
    score = edit.score if edit.score is not None else round(mean(v.score for v in votes))
    current = m.emotion_for(stage.id)
    reason = "; ".join(filter(None, [edit.reason, *reasons]))
    settled = Emotion(
        stage_id=stage.id,
        score=score,
        # the old label described the old score; keep it only when the score stays
        label=current.label if current and current.score == score else "",
        quote=current.quote if current else "",
        reason=reason,
        evidence=current.evidence if current else evidence_for(),
    )
    m.emotions = [e for e in m.emotions if e.stage_id != stage.id] + [settled]
    m.emotions.sort(key=lambda e: [s.id for s in m.stages].index(e.stage_id))
    return f"settled {stage.name} at {score:+d}" + (f" because {reason}" if reason else "")


def _set_review(m: JourneyMap, edit: SetReview) -> str:
    said = []
    if edit.owner is not None:
        m.owner = edit.owner
        said.append(f"map owner: {edit.owner}")
    if edit.every_days is not None:
        m.review_every_days = edit.every_days
        said.append(f"review every {edit.every_days} days")
    if edit.reviewed:
        m.last_reviewed_at = datetime.now(UTC)
        said.append("reviewed today")
    return "; ".join(said)


def _update_item(m: JourneyMap, edit: UpdateItem) -> str:
    item = m.find(edit.item, edit.item_id)
    if item is None:
        raise EditError(f"I can't find {edit.item} {edit.item_id}.")
    editable = set(type(item).model_fields) - {"id"}
    if edit.field not in editable:
        raise EditError(
            f"A {edit.item} has no field '{edit.field}'. Fields: {', '.join(sorted(editable))}."
        )
    setattr(item, edit.field, _coerce(m, edit.field, edit.value))
    return f"{edit.item} {edit.item_id} {edit.field}: {edit.value}"


def _coerce(m: JourneyMap, field: str, value: str) -> object:
    if field in LIST_FIELDS:
        return [part.strip() for part in value.split(",") if part.strip()]
    if field == "stage_id":
        return resolve_stage(m, value).id
    if field == "pain_point_id":
        return resolve_pain(m, value).id
    if field == "done":
        return value.strip().lower() in {"yes", "true", "done", "1"}
    if field in {"touchpoint_id", "due"} and not value.strip():
        return None
    return value


def _remove_item(m: JourneyMap, edit: RemoveItem) -> str:
    item = m.find(edit.item, edit.item_id)
    if item is None:
        raise EditError(f"I can't find {edit.item} {edit.item_id}.")
    _remove_with_dependents(m, edit.item, edit.item_id)
    return f"removed {edit.item} {describe_item(item)} ({edit.item_id})"


def describe_item(item: object) -> str:
    for attribute in ("name", "description", "text"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value
    return ""


def _remove_with_dependents(m: JourneyMap, kind: ItemKind, item_id: str) -> None:
    """Remove an item and everything that only makes sense with it (the team confirmed)."""
    setattr(m, COLLECTION[kind], [i for i in m.items(kind) if i.id != item_id])
    if kind == "stage":
        for tp in m.touchpoints_in(item_id):
            _remove_with_dependents(m, "touchpoint", tp.id)
        m.emotions = [e for e in m.emotions if e.stage_id != item_id]
        m.emotion_votes = [v for v in m.emotion_votes if v.stage_id != item_id]
        for anchored in ANCHORED_KINDS:
            for item in [i for i in m.items(anchored) if i.stage_id == item_id]:
                _remove_with_dependents(m, anchored, item.id)
        for linked in _linked(m):
            if linked.stage_id == item_id:
                linked.stage_id = None
    elif kind == "touchpoint":
        for anchored in ANCHORED_KINDS:
            for item in m.items(anchored):
                if item.touchpoint_id == item_id:
                    item.touchpoint_id = None
    elif kind == "pain":
        for linked in _linked(m):
            if linked.pain_point_id == item_id:
                linked.pain_point_id = None


ANCHORED_KINDS: tuple[ItemKind, ...] = ("pain", "delight", "moment")


def _linked(m: JourneyMap) -> list[Action | Kpi]:
    return [*m.actions, *m.kpis]


_APPLIERS: dict[str, Callable[[JourneyMap, Any], str]] = {
    "set_scope": _set_scope,
    "set_title": _set_title,
    "add_persona": _add_persona,
    "add_stage": _add_stage,
    "add_touchpoint": _add_touchpoint,
    "set_emotion": _set_emotion,
    "add_anchored": _add_anchored,
    "add_kpi": _add_kpi,
    "add_action": _add_action,
    "add_evidence": _add_evidence,
    "cast_vote": _cast_vote,
    "settle_emotion": _settle_emotion,
    "set_review": _set_review,
    "update_item": _update_item,
    "remove_item": _remove_item,
}


# --- references by id or by name ---------------------------------------------------------


def resolve_stage(m: JourneyMap, ref: str) -> Stage:
    found = m.stage(ref.strip()) or m.stage_named(ref)
    if found is None:
        known = ", ".join(s.name for s in m.stages) or "none yet"
        raise EditError(f"There is no stage '{ref.strip()}'. Stages: {known}.")
    return found


def resolve_touchpoint(m: JourneyMap, ref: str, stage_id: str | None = None) -> Touchpoint:
    pool = m.touchpoints_in(stage_id) if stage_id else m.touchpoints
    wanted = ref.strip().casefold()
    for tp in pool:
        if tp.id == ref.strip() or tp.description.casefold() == wanted:
            return tp
    matches = [tp for tp in pool if tp.description.casefold().startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    raise EditError(
        f"There is no touchpoint '{ref.strip()}'" + (" in that stage." if stage_id else ".")
    )


def resolve_pain(m: JourneyMap, ref: str) -> PainPoint:
    wanted = ref.strip().casefold()
    for pain in m.pain_points:
        if pain.id == ref.strip() or pain.text.casefold() == wanted:
            return pain
    matches = [p for p in m.pain_points if wanted in p.text.casefold()]
    if len(matches) == 1:
        return matches[0]
    raise EditError(f"There is no pain point '{ref.strip()}'. Name it by its id (e.g. pain-4).")


def _friendly(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"] if not isinstance(p, int))
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "string_too_long":
            limit = error.get("ctx", {}).get("max_length")
            message = f"that is too long (at most {limit} characters)"
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)
