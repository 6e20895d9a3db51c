"""Drafts to a validated JourneyMap, within the limits; nothing half-built leaves here."""

from __future__ import annotations

import re

from pydantic import ValidationError

from bot.critique.imports.draft import Anchor, Preamble, StageDraft, TouchpointDraft
from bot.critique.imports.emotions import read_emotion
from bot.critique.imports.problem import MAX_ITEMS, MAX_STAGES, MAX_TOUCHPOINTS, ImportProblem
from bot.model import (
    KNOWN_CHANNELS,
    LONG,
    SHORT,
    Action,
    DelightPoint,
    Emotion,
    JourneyMap,
    Kpi,
    MomentOfTruth,
    PainPoint,
    Persona,
    Scope,
    Stage,
    Touchpoint,
)
from bot.text import truncate

DEFAULT_TITLE = "Imported journey map"
_TRAILING_CHANNEL = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


def build_map(stages: list[StageDraft], preamble: Preamble, title_hint: str) -> JourneyMap:
    _check_limits(stages)
    try:
        m = JourneyMap(
            title=_short(preamble.title or title_hint or DEFAULT_TITLE),
            scope=Scope(**{key: _long(value) for key, value in preamble.scope.items()}),
            owner=_short(preamble.owner),
        )
        if preamble.persona:
            m.personas.append(Persona(id=m.new_id("persona"), name=_short(preamble.persona)))
        for draft in stages:
            _add_stage(m, draft)
        return JourneyMap.model_validate(m.model_dump())
    except ValidationError as exc:  # a gap in the readers rather than in the file
        raise ImportProblem(
            f"The table could not be turned into a valid map ({exc.errors()[0]['msg']}). "
            "Check that every stage and touchpoint has a name, then import again."
        ) from exc


def _check_limits(stages: list[StageDraft]) -> None:
    if not stages:
        raise ImportProblem(
            "I found no stages. Put the stage names across the top row of the table (with row "
            "names such as Touchpoints, Emotions and Pain points down the left), or use one row "
            "per touchpoint with a Stage column, then import again."
        )
    if len(stages) > MAX_STAGES:
        raise ImportProblem(
            f"The table has {len(stages)} stages; a journey map holds at most {MAX_STAGES}. "
            "Merge stages into the phases a customer would recognise, or split the journey."
        )
    touchpoints = sum(len(s.touchpoints) for s in stages)
    if touchpoints > MAX_TOUCHPOINTS:
        raise ImportProblem(
            f"The table has {touchpoints} touchpoints; a journey map holds at most "
            f"{MAX_TOUCHPOINTS}. Split the journey into several maps, then import again."
        )
    for lane in ("pains", "delights", "moments", "opportunities", "kpis"):
        count = sum(len(getattr(s, lane)) for s in stages)
        if count > MAX_ITEMS:
            raise ImportProblem(
                f"The table has {count} {lane}; a journey map holds at most {MAX_ITEMS}. Keep "
                "the ones that matter most, then import again."
            )


def _add_stage(m: JourneyMap, draft: StageDraft) -> None:
    stage = Stage(
        id=m.new_id("stage"),
        name=_short(draft.name),
        description=_long(" ".join(_distinct(draft.descriptions))),
    )
    m.stages.append(stage)
    touchpoints = [_touchpoint(m, stage.id, t) for t in draft.touchpoints]
    m.touchpoints += touchpoints
    emotion = _emotion(stage, draft)
    if emotion is not None:
        m.emotions.append(emotion)
    elif draft.quotes:
        quotes = " ".join(f"“{q}”" for q in _distinct(draft.quotes))
        stage.description = _long(f"{stage.description} Customers say: {quotes}".strip())
    ids = [t.id for t in touchpoints]
    for kind, cls, anchors in (
        ("pain", PainPoint, draft.pains),
        ("delight", DelightPoint, draft.delights),
        ("moment", MomentOfTruth, draft.moments),
    ):
        collection = m.items(kind)  # type: ignore[arg-type]
        for anchor in _unique(anchors):
            touchpoint = ids[anchor.touchpoint] if anchor.touchpoint is not None else None
            collection.append(
                cls(
                    id=m.new_id(kind),
                    text=_short(anchor.text),
                    stage_id=stage.id,  # type: ignore[arg-type]
                    touchpoint_id=touchpoint,
                )  # fmt: skip
            )
    for text in draft.opportunities:
        m.actions.append(Action(id=m.new_id("action"), description=_short(text), stage_id=stage.id))
    for text in draft.kpis:
        m.kpis.append(Kpi(id=m.new_id("kpi"), name=_short(text), stage_id=stage.id))


def _touchpoint(m: JourneyMap, stage_id: str, draft: TouchpointDraft) -> Touchpoint:
    description, channel = draft.description, draft.channel
    named = _TRAILING_CHANNEL.match(description)
    in_brackets = named.group(2).strip().casefold() if named else ""
    if in_brackets in KNOWN_CHANNELS and channel.casefold() in ("", in_brackets):
        description, channel = named.group(1), in_brackets  # type: ignore[union-attr]
    return Touchpoint(
        id=m.new_id("touchpoint"),
        stage_id=stage_id,
        description=_short(description),
        channel=_short(channel),
        customer_action=_long(draft.action),
        customer_thought=_long(draft.thought),
        owner=_short(draft.owner),
    )


def _emotion(stage: Stage, draft: StageDraft) -> Emotion | None:
    """One emotion per stage: the rounded mean of the scores found (halves to even), with the
    first label given."""
    read = [read_emotion(cell, stage.name) for cell in draft.emotions]
    if not read:
        return None
    score = round(sum(s for s, _ in read) / len(read))
    label = next((x for x in (*draft.emotion_labels, *(label for _, label in read)) if x), "")
    quote = " ".join(_distinct(draft.quotes))
    return Emotion(stage_id=stage.id, score=score, label=_short(label), quote=_long(quote))


def _distinct(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _unique(anchors: list[Anchor]) -> list[Anchor]:
    seen: set[str] = set()
    kept = []
    for anchor in anchors:
        key = anchor.text.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(anchor)
    return kept


def _short(text: str) -> str:
    return truncate(text.strip(), SHORT)


def _long(text: str) -> str:
    return truncate(text.strip(), LONG)
