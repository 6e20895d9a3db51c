"""Drafts to a validated JourneyMap, within the limits; nothing half-built leaves here."""

from __future__ import annotations

import re

from pydantic import ValidationError

from bot.critique.imports.draft import Anchor, Preamble, StageDraft, TouchpointDraft
from bot.critique.imports.emotions import read_emotion
from bot.critique.imports.problem import MAX_ITEMS, MAX_STAGES, MAX_TOUCHPOINTS, ImportProblem
from bot.evidence import evidence_for
from bot.model import (
    KNOWN_CHANNELS,
    LONG,
    SHORT,
    Action,
    Anchored,
    DelightPoint,
    Emotion,
    ItemKind,
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
_DASH_NOTE = re.compile(r"^(.*\S)\s+[—–]\s+(\S.*)$")
_BRACKET_NOTE = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


def build_map(stages: list[StageDraft], preamble: Preamble, title_hint: str) -> JourneyMap:
    _check_limits(stages)
    try:
        m = JourneyMap(
            title=_short(preamble.title or title_hint or DEFAULT_TITLE),
            scope=Scope(**{key: _long(value) for key, value in preamble.scope.items()}),
            owner=_short(preamble.owner),
        )
        if preamble.persona:
            m.personas.append(
                Persona(
                    id=m.new_id("persona"),
                    name=_short(preamble.persona),
                    goals=[_short(goal) for goal in preamble.goals],
                    data_source=_short(preamble.source),
                    evidence=evidence_for(source=_short(preamble.source)),
                )
            )
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
    lanes: tuple[tuple[ItemKind, list[Anchor]], ...] = (
        ("pain", draft.pains),
        ("delight", draft.delights),
        ("moment", draft.moments),
    )
    for kind, anchors in lanes:
        m.items(kind).extend(
            _ANCHORED[kind](
                id=m.new_id(kind), text=_short(text), stage_id=stage.id, touchpoint_id=touchpoint
            )
            for text, touchpoint in _anchors(anchors, touchpoints)
        )
    for text in draft.opportunities:
        description, note = _note(text)
        owner = note.split("·")[0] if note else ""
        action = Action(
            id=m.new_id("action"),
            description=_short(description),
            owner=_short(owner),
            stage_id=stage.id,
        )
        m.actions.append(action)
    for text in draft.kpis:
        m.kpis.append(Kpi(id=m.new_id("kpi"), name=_short(text), stage_id=stage.id))


_ANCHORED: dict[ItemKind, type[Anchored]] = {
    "pain": PainPoint,
    "delight": DelightPoint,
    "moment": MomentOfTruth,
}


def _touchpoint(m: JourneyMap, stage_id: str, draft: TouchpointDraft) -> Touchpoint:
    description, note = _note(draft.description, brackets=True)
    channel = draft.channel
    if note.casefold() in KNOWN_CHANNELS and channel.casefold() in ("", note.casefold()):
        channel = note.casefold()
    else:
        description = draft.description
    return Touchpoint(
        id=m.new_id("touchpoint"),
        stage_id=stage_id,
        description=_short(description),
        channel=_short(channel),
        customer_action=_long(draft.action),
        customer_thought=_long(draft.thought),
        owner=_short(draft.owner),
    )


def _anchors(anchors: list[Anchor], touchpoints: list[Touchpoint]) -> list[tuple[str, str | None]]:
    """(text, touchpoint id) once per text. `text — touchpoint` names its touchpoint; a text
    found on rows of different touchpoints concerns the whole stage."""
    by_name = {t.description.casefold(): t.id for t in touchpoints}
    found: dict[str, tuple[str, str | None]] = {}
    for anchor in anchors:
        text, note = _note(anchor.text)
        touchpoint = by_name.get(note.casefold())
        if touchpoint is None:
            text = anchor.text
            if anchor.touchpoint is not None:
                touchpoint = touchpoints[anchor.touchpoint].id
        key = text.casefold()
        if key in found and found[key][1] != touchpoint:
            touchpoint = None
        found[key] = (found.get(key, (text, None))[0], touchpoint)
    return list(found.values())


def _emotion(stage: Stage, draft: StageDraft) -> Emotion | None:
    """One emotion per stage: the rounded mean of the scores found (halves to even), with the
    first label given and every quote."""
    read = [read_emotion(cell, stage.name) for cell in draft.emotions]
    if not read:
        return None
    score = round(sum(s for s, _, _ in read) / len(read))
    label = next((x for x in (*draft.emotion_labels, *(label for _, label, _ in read)) if x), "")
    quote = _long(" ".join(_distinct([*(q for _, _, q in read if q), *draft.quotes])))
    return Emotion(
        stage_id=stage.id,
        score=score,
        label=_short(label),
        quote=quote,
        evidence=evidence_for(quote=quote),  # as in chat: a customer's words are reported
    )


def _note(text: str, brackets: bool = False) -> tuple[str, str]:
    """'Offer letter — email' -> ('Offer letter', 'email'); also 'Offer letter (email)' when
    `brackets`. No note: (text, '')."""
    found = _DASH_NOTE.match(text) or (_BRACKET_NOTE.match(text) if brackets else None)
    return (found.group(1), found.group(2).strip()) if found else (text, "")


def _distinct(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _short(text: str) -> str:
    return truncate(text.strip(), SHORT)


def _long(text: str) -> str:
    return truncate(text.strip(), LONG)
