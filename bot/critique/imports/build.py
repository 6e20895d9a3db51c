"""Drafts to a validated JourneyMap through the conversation's own edits, within the limits;
nothing half-built leaves here, and everything read, converted or guessed goes in the report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bot.critique.imports.draft import Anchor, Preamble, StageDraft, TouchpointDraft
from bot.critique.imports.emotions import Feeling, Scale, guess_scale, read_feeling
from bot.critique.imports.kpis import read_kpi
from bot.critique.imports.names import channel_of
from bot.critique.imports.notes import bracket_owner, channel_note, owner_note, stage_note
from bot.critique.imports.problem import MAX_ITEMS, MAX_STAGES, MAX_TOUCHPOINTS, ImportProblem
from bot.critique.imports.report import ImportReport
from bot.domain.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Edit,
    EditError,
    SetEmotion,
    SetReview,
    SetScope,
    apply_edits,
)
from bot.model import LONG, SHORT, JourneyMap, Stage, Touchpoint
from bot.text import truncate

DEFAULT_TITLE = "Imported journey map"
_SHORT_SCOPE = {"journey_start", "journey_end", "audience"}
_WORD = re.compile(r"\w{4,}")
_DUE = re.compile(r"\bdue\s*:?\s*(.+)$", re.IGNORECASE)
_NO_OWNER = {"", "-", "–", "—", "n/a", "none", "tbd", "?"}


@dataclass
class Imported:
    """A map read from a file, with the account of how it was read."""

    map: JourneyMap
    report: ImportReport
    item_evidence: bool = False  # only our JSON keeps evidence per item


def build_map(
    stages: list[StageDraft], preamble: Preamble, title_hint: str, report: ImportReport
) -> Imported:
    _check_limits(stages)
    problems: list[str] = []
    m = JourneyMap(title=_short(preamble.title or title_hint or DEFAULT_TITLE))
    try:
        m = _apply(m, _frame(stages, preamble, report))
        scale = _scale(stages, preamble, report)
        m = _apply(m, _feelings_and_items(m, stages, scale, report, problems))
        if problems:
            raise ImportProblem.many(problems)
        m = _apply(m, _actions_and_kpis(m, stages, preamble, report))
    except EditError as exc:  # a gap in the readers rather than in the file
        raise ImportProblem(
            f"The map could not be built ({exc}). Check that every stage and touchpoint has a "
            "name, then import again."
        ) from exc
    report.count(m)
    return Imported(m, report)


def _apply(m: JourneyMap, edits: list[Edit]) -> JourneyMap:
    return apply_edits(m, edits)[0] if edits else m


def _check_limits(stages: list[StageDraft]) -> None:
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
    if not stages:
        raise ImportProblem(
            "I found no stages. Put the stage names across the top row of the table (with row "
            "names such as Touchpoints, Emotions and Pain points down the left), use one row "
            "per touchpoint with a Stage column, or a heading per stage, then import again."
        )


# --- phase 1: scope, personas, stages, touchpoints ------------------------------------------


def _frame(stages: list[StageDraft], preamble: Preamble, report: ImportReport) -> list[Edit]:
    edits: list[Edit] = [
        SetScope(field=key, value=_short(v) if key in _SHORT_SCOPE else _long(v))
        for key, v in preamble.scope.items()
    ]
    if preamble.owner:
        edits.append(SetReview(owner=_short(preamble.owner)))
    for persona in preamble.personas:
        if not persona.name:
            if persona.goals or persona.source:
                report.ignore("goals or a source given without a persona's name")
            continue
        edits.append(
            AddPersona(
                name=_short(persona.name),
                goals=[_short(goal) for goal in persona.goals],
                needs=[_short(need) for need in persona.needs],
                frustrations=[_short(frustration) for frustration in persona.frustrations],
                data_source=_short(persona.source),
            )
        )
    for draft in stages:
        description = _long(" ".join(dict.fromkeys(draft.descriptions)))
        edits.append(AddStage(name=_short(draft.name), description=description))
        edits += [_touchpoint(draft.name, t, report) for t in draft.touchpoints]
    return edits


def _touchpoint(stage: str, draft: TouchpointDraft, report: ImportReport) -> AddTouchpoint:
    description, owner = draft.description, draft.owner
    noted_by_dash = ""
    if not owner:
        description, owner = owner_note(description)
        if owner and channel_of(owner) is not None and not draft.channel:
            noted_by_dash, owner = channel_of(owner) or "", ""  # 'Offer letter — email'
    draft = _with_channel(draft, noted_by_dash)
    description, noted = channel_note(description)
    channel = _channel(draft.channel, report)
    if noted is not None and not channel:
        channel = noted
        if noted:
            report.convert("channels written in brackets after touchpoints, e.g. '(web)'")
    elif noted is not None and noted != channel:
        description = draft.description  # the bracket says something else: keep it
    return AddTouchpoint(
        stage=_short(stage),
        description=_short(description or draft.description),
        channel=_short(channel),
        customer_action=_long(draft.action),
        customer_thought=_long(draft.thought),
        owner=_short("" if owner.strip().casefold() in _NO_OWNER else owner),
    )


def _with_channel(draft: TouchpointDraft, channel: str) -> TouchpointDraft:
    if not channel:
        return draft
    return TouchpointDraft(draft.description, channel, draft.action, draft.thought, draft.owner)


def _channel(written: str, report: ImportReport) -> str:
    known = channel_of(written) if written else ""
    if known is None:
        return written.strip().casefold()
    if known and known != written.strip().casefold():
        report.convert(f"channel '{truncate(written, 20)}' read as '{known}'")
    return known


# --- phase 2: emotions, pains, delights, moments of truth -----------------------------------


def _scale(stages: list[StageDraft], preamble: Preamble, report: ImportReport) -> Scale:
    if preamble.scale is not None:
        return preamble.scale
    feelings = [f for s in stages for c in s.emotions if (f := read_feeling(c)) is not None]
    scale = guess_scale(feelings)
    if scale is not Scale.OURS:
        report.guess(f"emotions are scored {scale.value} (from the numbers), converted to −2..+2")
    return scale


def _feelings_and_items(
    m: JourneyMap,
    stages: list[StageDraft],
    scale: Scale,
    report: ImportReport,
    problems: list[str],
) -> list[Edit]:
    if scale is not Scale.OURS and not any(scale.value in note for note in report.conversions):
        report.convert(f"emotion scores from the {scale.value} scale to −2..+2")
    edits: list[Edit] = []
    for stage, draft in zip(m.stages, stages, strict=True):
        emotion = _emotion(stage, draft, scale, problems)
        source = _short("; ".join(dict.fromkeys(draft.sources)))
        if source:
            report.convert("research named per stage recorded as the evidence of its items")
        if emotion is not None:
            emotion.source = source
            edits.append(emotion)
        elif draft.quotes:
            report.ignore(f"the quotes of stage '{truncate(stage.name, 30)}' (it has no emotion)")
        touchpoints = m.touchpoints_in(stage.id)
        for kind, anchors in (
            ("pain", draft.pains),
            ("delight", draft.delights),
            ("moment", draft.moments),
        ):
            edits += [
                AddAnchored(
                    item=kind,
                    stage=stage.id,
                    text=_short(text),
                    touchpoint=touchpoint,
                    source=source,
                )
                for text, touchpoint in _anchors(anchors, touchpoints)
            ]
    return edits


def _emotion(
    stage: Stage, draft: StageDraft, scale: Scale, problems: list[str]
) -> SetEmotion | None:
    """One emotion per stage: the rounded mean of the scores read, the first label given and
    every quote."""
    scores: list[int] = []
    labels: list[str] = list(draft.emotion_labels)
    quotes: list[str] = []
    for cell in draft.emotions:
        feeling = read_feeling(cell)
        score = _score(feeling, scale) if feeling else None
        if feeling is not None and feeling.quote:
            quotes.append(feeling.quote)
        if score is None:
            if feeling is None or feeling.text:
                problems.append(_unreadable(cell, stage.name, scale))
            continue
        scores.append(score)
        if feeling and feeling.label:
            labels.append(feeling.label)
    quotes += [q.strip('"“”„ ') for q in draft.quotes]
    if not scores:
        return None
    quote = _long(" ".join(dict.fromkeys(q for q in quotes if q)))
    return SetEmotion(
        stage=stage.id,
        score=round(sum(scores) / len(scores)),
        label=_short(next((x for x in labels if x), "")),
        quote=quote,
    )


def _score(feeling: Feeling, scale: Scale) -> int | None:
    if feeling.score is not None:
        return feeling.score
    if feeling.number is None:
        return None
    used = Scale.PERCENT if feeling.percent else scale
    if not used.fits(feeling.number) or (used is Scale.OURS and not feeling.number.is_integer()):
        return None
    return used.to_ours(feeling.number)


def _unreadable(cell: str, stage: str, scale: Scale) -> str:
    return (
        f"I could not read the emotion '{truncate(' '.join(cell.split()), 40)}' in stage "
        f"'{truncate(stage, 40)}'. Use a whole number from -2 to 2 (or one scale for the whole "
        "map: 1-5, 1-10 or a percentage), a feeling word such as 'frustrated' or 'relieved', "
        "or an emoji such as 😀 🙂 😐 🙁 😡, then import again."
    )


def _anchors(anchors: list[Anchor], touchpoints: list[Touchpoint]) -> list[tuple[str, str | None]]:
    """(text, touchpoint id) once per text. `text — touchpoint` names its touchpoint; a text
    found on rows of different touchpoints concerns the whole stage."""
    by_name = {t.description.casefold(): t.id for t in touchpoints}
    found: dict[str, tuple[str, str | None]] = {}
    for anchor in anchors:
        text, note = owner_note(anchor.text)
        touchpoint = by_name.get(note.casefold()) if note else None
        if touchpoint is None:
            text = anchor.text
            if anchor.touchpoint is not None and anchor.touchpoint < len(touchpoints):
                touchpoint = touchpoints[anchor.touchpoint].id
        key = text.casefold()
        if key in found and found[key][1] != touchpoint:
            touchpoint = None
        found[key] = (found.get(key, (text, None))[0], touchpoint)
    return list(found.values())


# --- phase 3: actions linked to pains, KPIs linked to stages --------------------------------


def _actions_and_kpis(
    m: JourneyMap, stages: list[StageDraft], preamble: Preamble, report: ImportReport
) -> list[Edit]:
    edits: list[Edit] = []
    for stage, draft in zip(m.stages, stages, strict=True):
        pains = [p for p in m.pain_points if p.stage_id == stage.id]
        for text in dict.fromkeys(draft.opportunities):
            description, owner = owner_note(text)
            if not owner:
                description, owner = bracket_owner(text)
                if owner:
                    report.guess(f"'{truncate(owner, 25)}' in brackets is the owner of an action")
            owner, due = _owner_and_due(owner)
            pain = _pain_for(description, pains)
            edits.append(
                AddAction(
                    description=_short(description),
                    owner=_short("" if owner.casefold() in _NO_OWNER else owner),
                    due=due,
                    stage=stage.id,
                    pain=pain,
                )
            )
        edits += [_kpi(m, text, stage.id, report) for text in dict.fromkeys(draft.kpis)]
    edits += [_kpi(m, text, None, report) for text in dict.fromkeys(preamble.kpis)]
    return edits


def _owner_and_due(note: str) -> tuple[str, date | None]:
    """'Digital · due 30 Jun 2027' (as our Markdown export writes) -> ('Digital', 2027-06-30)."""
    owner, _, rest = note.partition("·")
    due = None
    found = _DUE.search(rest)
    if found:
        for form in ("%d %b %Y", "%d %B %Y", "%Y-%m-%d"):
            try:
                due = datetime.strptime(found.group(1).strip(), form).date()
                break
            except ValueError:
                continue
    return owner.strip(), due


def _pain_for(action: str, pains: list) -> str | None:
    """The pain an action answers: the stage's only pain, or the one sharing most words."""
    if len(pains) == 1:
        return pains[0].id
    words = set(_WORD.findall(action.casefold()))
    scored = [(len(words & set(_WORD.findall(p.text.casefold()))), p.id) for p in pains]
    best = max(scored, default=(0, None))
    return best[1] if best[0] > 0 else None


def _kpi(m: JourneyMap, text: str, stage_id: str | None, report: ImportReport) -> AddKpi:
    text, noted_stage = stage_note(text)
    kpi = read_kpi(text)
    stage = noted_stage or kpi.stage
    if stage:
        found = m.stage_named(stage)
        if found is None:
            report.guess(f"KPI '{truncate(kpi.name, 30)}' names a stage '{stage}' I do not have")
        else:
            stage_id = found.id
    if kpi.baseline or kpi.target or kpi.owner:
        report.convert("KPI baselines, targets and owners written in the KPI's cell")
    return AddKpi(
        name=_short(kpi.name),
        baseline=_short(kpi.baseline),
        target=_short(kpi.target),
        owner=_short(kpi.owner),
        stage=stage_id,
    )


def _short(text: str) -> str:
    return truncate(text.strip(), SHORT)


def _long(text: str) -> str:
    return truncate(text.strip(), LONG)
