"""Items on a stage: touchpoints (also pasted spreadsheet rows), feelings, pains, delights,
moments of truth, KPIs and actions."""

from __future__ import annotations

import re

from bot.domain.dates import read_due
from bot.domain.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddTouchpoint,
    SetEmotion,
)
from bot.domain.feelings import FeelingProblem, read_feeling
from bot.domain.fields import FieldProblem, split_fields
from bot.domain.names import closest, match_name
from bot.domain.touchpoints import split_channel
from bot.domain.vocabulary import (
    ACTION_FIELDS,
    EVIDENCE_FIELDS,
    KPI_FIELDS,
    TOUCHPOINT_FIELDS,
)
from bot.engine.reading.common import LineProblem, LineReading, example_line, label, with_note
from bot.engine.reading.stages import find_stage, no_stage
from bot.model import JourneyMap, Stage, Step


def stage_line(
    m: JourneyMap, step: Step, stage: Stage, value: str, sep: str, echo: str
) -> LineReading:
    feeling = feeling_line(stage, value, strict=step is Step.EMOTIONS)
    if feeling is not None:
        return with_note(feeling, echo)
    if step is Step.EMOTIONS:
        raise LineProblem(
            f"I couldn't read a feeling for {stage.name}.",
            f'{stage.name}: -1 frustrated "what a customer said"',
        )
    if sep != ":" or step is Step.TOUCHPOINTS or "(" in value or "|" in value:
        return touchpoint_line(stage, value, echo)
    raise LineProblem(
        f"Is this a touchpoint or a feeling in {stage.name}?",
        f"{stage.name} > {value}` for a touchpoint, or `{stage.name}: -1 frustrated",
    )


def table_row(m: JourneyMap, step: Step, text: str) -> LineReading:
    """A row pasted from a spreadsheet: stage, touchpoint, channel, owner (tab-separated)."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    stage = find_stage(m, cells[0]) if cells else None
    if stage is None or len(cells) < 2:
        raise LineProblem(
            "I read a pasted row as stage, touchpoint, channel, owner; the first cell is no "
            "stage of this map.",
            example_line(m, Step.TOUCHPOINTS, cells[1] if len(cells) > 1 else ""),
        )
    if len(cells) == 2 and (feeling := feeling_line(stage[0], cells[1], strict=False)):
        return with_note(feeling, stage[1])
    written = cells[1] + (f" ({cells[2]})" if len(cells) > 2 else "")
    written += f" | owner: {cells[3]}" if len(cells) > 3 else ""
    if len(cells) > 4:
        raise LineProblem(
            "A pasted row has at most four cells: stage, touchpoint, channel, owner.",
            f"{stage[0].name} > {cells[1]} ({cells[2]}) | owner: {cells[3]}",
        )
    return touchpoint_line(stage[0], written, stage[1])


def touchpoint_line(stage: Stage, value: str, echo: str = "") -> LineReading:
    hint = f"{stage.name} > Online form (website) | owner: Digital"
    try:
        head, fields = split_fields(value, TOUCHPOINT_FIELDS, loose_commas=False)
    except FieldProblem as problem:
        raise LineProblem(
            f"I don't know the touchpoint field '{problem.written[:30]}'.",
            f"{stage.name} > {value.split('|')[0].strip()} | does: … | thinks: … | owner: …",
        ) from None
    description, channel = split_channel(head, fields.pop("channel", ""))
    if not re.search(r"[^\W_]", description) or re.search(r"[()]", description):
        raise LineProblem("I couldn't read the touchpoint's name.", hint)
    edit = AddTouchpoint.model_validate(
        {"stage": stage.name, "description": description, "channel": channel} | fields
    )
    return with_note(LineReading([edit]), echo)


def feeling_line(stage: Stage, value: str, strict: bool) -> LineReading | None:
    head, *extras = value.split("|")
    try:
        feeling = read_feeling(head)
    except FeelingProblem as problem:
        if not strict:
            return None
        number = re.search(r"\d+", head)
        guess = f"{number.group()}/10" if number else "-1"
        raise LineProblem(
            f"{problem} Use -2..+2, or say the scale (did you mean `{stage.name}: {guess}`?).",
            f"{stage.name}: {guess}",
        ) from None
    if feeling is None:
        return None
    fields = _evidence(extras, f"{stage.name}: -1 frustrated | source: support logs")
    edit = SetEmotion(
        stage=stage.name,
        score=feeling.score,
        label=feeling.label,
        quote=fields.get("quote", feeling.quote),
        source=fields.get("source", ""),
    )
    return LineReading([edit], notes=[feeling.echo] if feeling.echo else [])


def _evidence(extras: list[str], hint: str) -> dict[str, str]:
    if not extras:
        return {}
    try:
        head, fields = split_fields("|" + "|".join(extras), EVIDENCE_FIELDS, loose_commas=False)
    except FieldProblem as problem:
        raise LineProblem(f"I don't know the field '{problem.written[:30]}'.", hint) from None
    return {name: value.strip('"“”') for name, value in fields.items()}


def anchored_line(m: JourneyMap, item: str, value: str, key: str) -> LineReading:
    head, *extras = value.split("|")
    parts = [part.strip() for part in head.split(">")]
    first = m.stages[0].name if m.stages else "Apply"
    hint = f"{key}: {first} > what happens"
    fields = _evidence(extras, f"{key}: {first} > what happens | source: support logs")
    if len(parts) not in (2, 3) or not all(parts):
        raise LineProblem(
            "I need the stage, then `>`, then what happens (a touchpoint in between is optional).",
            hint if len(parts) < 2 else f"{key}: {' > '.join(parts[:3])}",
        )
    stage = find_stage(m, parts[0])
    if stage is None:
        raise no_stage(m, parts[0], "")
    notes = [stage[1]] if stage[1] else []
    touchpoints = [t.description for t in m.touchpoints_in(stage[0].id)]
    text = label(parts[-1])
    touchpoint: str | None = None
    if len(parts) == 3:
        found = match_name(parts[1], touchpoints)
        if found is None:
            near = closest(parts[1], touchpoints) or touchpoints[:1]
            raise LineProblem(
                f"{stage[0].name} has no touchpoint '{parts[1]}'"
                + (f"; did you mean {near[0]}?" if near else "."),
                f"{key}: {stage[0].name} > {near[0] if near else ''} > {text}".replace(">  >", ">"),
            )
        touchpoint = found.name
    elif item == "moment" and (found := match_name(text, touchpoints)) is not None:
        touchpoint = found.name
        notes.append(f"linked to the touchpoint {found.name}")
    edit = AddAnchored.model_validate(
        {"item": item, "stage": stage[0].name, "touchpoint": touchpoint, "text": text} | fields
    )
    return LineReading([edit], notes=notes)


def kpi_line(m: JourneyMap, value: str) -> AddKpi:
    hint = "kpi: Drop-out rate | baseline: 38% | target: 19% | owner: Head of lending"
    try:
        name, fields = split_fields(value, KPI_FIELDS)
    except FieldProblem as problem:
        raise LineProblem(f"I don't know the KPI field '{problem.written[:30]}'.", hint) from None
    if not label(name):
        raise LineProblem("The KPI has no name.", hint)
    if "stage" in fields:
        stage = find_stage(m, fields["stage"])
        if stage is None:
            raise no_stage(m, fields["stage"], "")
        fields["stage"] = stage[0].name
    return AddKpi.model_validate({"name": label(name)} | fields)


def action_line(value: str) -> AddAction:
    hint = "action: Reuse uploaded documents | owner: Operations | due: 2027-03-31"
    try:
        description, fields = split_fields(value, ACTION_FIELDS)
    except FieldProblem as problem:
        raise LineProblem(
            f"I don't know the action field '{problem.written[:30]}'.", hint
        ) from None
    if not label(description):
        raise LineProblem("The action has no description.", hint)
    due = None
    if "due" in fields:
        written = fields.pop("due")
        due = read_due(written)
        if due is None:
            raise LineProblem(
                f"I couldn't read the date '{written}' (a date, Q1-Q4 or a month works).",
                f"action: {label(description)} | due: 2027-03-31",
            )
    return AddAction.model_validate({"description": label(description), "due": due} | fields)
