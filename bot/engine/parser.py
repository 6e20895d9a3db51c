"""The deterministic parser: semi-structured answers in, typed edits out.

It reads one item per line, bullets, `key: value` fields, `Stage > touchpoint (channel)`,
emotions as a number, a word or an emoji, and comma lists. A line it cannot read becomes a
`LineError` that says which line and how to write it; then the turn changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from bot.engine.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Edit,
    SetEmotion,
    SetReview,
    SetScope,
    SetTitle,
)
from bot.engine.vocabulary import (
    ANCHORED_PREFIXES,
    DEFAULT_STAGES,
    PERSONA_KEYS,
    SCOPE_KEYS,
    channel_of,
    emotion_of,
)
from bot.model import JourneyMap, Scope, Step

BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z _]{0,30}?)\s*:\s*(.*)$")
QUOTE = re.compile(r"[\"“”](.+?)[\"“”]")
NUMBER = re.compile(r"^[+-]?\d+$")
CHANNEL_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


class LineError(BaseModel):
    line: int
    text: str
    problem: str
    hint: str

    def describe(self) -> str:
        return f"Line {self.line} (`{self.text[:60]}`): {self.problem} Try: `{self.hint}`"


@dataclass
class Parsed:
    edits: list[Edit] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


def parse_answer(journey_map: JourneyMap, step: Step, text: str) -> Parsed:
    lines = [(n, _clean(raw)) for n, raw in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line]
    parsed = Parsed()
    if step is Step.PERSONAS and _looks_like_persona_block(lines):
        _parse_persona_blocks(text, parsed)
        return parsed
    scope_order = _empty_scope_fields(journey_map)
    for number, line in lines:
        try:
            edits = _parse_line(journey_map, step, line, scope_order)
        except _LineProblem as problem:
            parsed.errors.append(
                LineError(line=number, text=line, problem=problem.problem, hint=problem.hint)
            )
            continue
        parsed.edits.extend(edits)
    return parsed


class _LineProblem(Exception):
    def __init__(self, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.hint = hint


def _clean(raw: str) -> str:
    return BULLET.sub("", raw).strip()


def _parse_line(m: JourneyMap, step: Step, line: str, scope_order: list[str]) -> list[Edit]:
    if step is Step.EMOTIONS:
        stage = _leading_stage(m, line)
        if stage is not None:
            return [_parse_emotion(stage, line[len(stage) + 1 :])]
    key_value = KEY_VALUE.match(line)
    if key_value:
        key = key_value.group(1).strip().lower()
        value = key_value.group(2).strip()
        prefixed = _parse_prefixed(m, step, key, value, key_value.group(1).strip())
        if prefixed is not None:
            return prefixed
    if ">" in line and m.stage_named(line.split(">", 1)[0]):
        return [_parse_touchpoint(line)]  # `Stage > touchpoint` reads the same at every step
    return _parse_for_step(m, step, line, scope_order)


def _parse_prefixed(
    m: JourneyMap, step: Step, key: str, value: str, written_key: str
) -> list[Edit] | None:
    """Lines that say what they are (`pain: …`, `kpi: …`, `objective: …`) work at any step."""
    if key in SCOPE_KEYS:
        _require(value, f"{key}: …", "Give a value after the colon.")
        return [SetScope(field=SCOPE_KEYS[key], value=value)]
    if key == "title":
        _require(value, "title: …", "Give the map's title after the colon.")
        return [SetTitle(title=value)]
    if key in {"owner", "map owner"} and step is not Step.PERSONAS:
        _require(value, "owner: @maya", "Name who keeps the map alive after the colon.")
        return [SetReview(owner=value)]
    if key in ANCHORED_PREFIXES:
        return [_parse_anchored(ANCHORED_PREFIXES[key], value, key)]
    if key in {"kpi", "metric"}:
        return [_parse_kpi(value)]
    if key in {"action", "opportunity"}:
        return [_parse_action(value)]
    if key in {"persona"}:
        return [_persona_from_line(value)]
    if key in {"stage", "stages"}:
        return _parse_stages(m, value)
    if key in {"touchpoint"}:
        return [_parse_touchpoint(value)]
    if step is Step.EMOTIONS:
        return None
    if step is Step.SCOPE:
        raise _LineProblem(
            f"I don't know the scope field '{written_key}'.",
            "objective: …  (or scenario, start, end, for, use, research)",
        )
    return None


def _parse_for_step(m: JourneyMap, step: Step, line: str, scope_order: list[str]) -> list[Edit]:
    if step is Step.SCOPE:
        if not scope_order:
            raise _LineProblem(
                "Every scope field is filled; say which one this replaces.", "scenario: …"
            )
        return [SetScope(field=scope_order.pop(0), value=line)]
    if step is Step.PERSONAS:
        return [_persona_from_line(line)]
    if step is Step.STAGES:
        return _parse_stages(m, line)
    if step is Step.TOUCHPOINTS:
        return [_parse_touchpoint(line)]
    if step is Step.EMOTIONS:
        raise _LineProblem(
            "I couldn't tell which stage this feeling belongs to.",
            f'{(m.stages[0].name if m.stages else "Stage")}: -1 frustrated "quote"',
        )
    raise _LineProblem(
        "I couldn't tell what this line adds.",
        "kpi: Drop-out rate | baseline: 38% | target: 19% | owner: Head of lending"
        if step is Step.KPIS
        else "edit tp-3 owner: Digital",
    )


def _require(value: str, hint: str, problem: str) -> None:
    if not value:
        raise _LineProblem(problem, hint)


# --- personas --------------------------------------------------------------------------


def _is_persona_key(line: str) -> bool:
    match = KEY_VALUE.match(line)
    return bool(match and match.group(1).strip().lower() in PERSONA_KEYS)


def _looks_like_persona_block(lines: list[tuple[int, str]]) -> bool:
    return any(_is_persona_key(line) for _, line in lines)


def _parse_persona_blocks(text: str, parsed: Parsed) -> None:
    blocks = re.split(r"\n\s*(?:\n|---+\s*\n)", text.strip())
    offset = 1
    for block in blocks:
        fields: dict[str, str] = {}
        for number, raw in enumerate(block.splitlines(), start=offset):
            line = _clean(raw)
            match = KEY_VALUE.match(line)
            if match and match.group(1).strip().lower() in PERSONA_KEYS:
                fields[PERSONA_KEYS[match.group(1).strip().lower()]] = match.group(2).strip()
            elif line and "name" not in fields:
                fields.update(_split_name(line))
            elif line:
                parsed.errors.append(
                    LineError(
                        line=number,
                        text=line,
                        problem="I couldn't tell which persona field this is.",
                        hint="goals: …  (or needs:, frustrations:, description:, source:)",
                    )
                )
        offset += block.count("\n") + 2
        if not fields:
            continue
        if not fields.get("name"):
            parsed.errors.append(
                LineError(
                    line=offset - 1,
                    text=block.splitlines()[0],
                    problem="This persona has no name.",
                    hint="name: Maya, first-time buyer",
                )
            )
            continue
        parsed.edits.append(_persona_from_fields(fields))


def _split_name(line: str) -> dict[str, str]:
    for separator in (" — ", " – ", " - ", ": "):
        if separator in line:
            name, description = line.split(separator, 1)
            return {"name": name.strip(), "description": description.strip()}
    return {"name": line}


def _persona_from_line(line: str) -> AddPersona:
    """`Maya - 31, nurse; goals: a flat, low cost; source: interviews` on one line."""
    hint = "persona: Maya - 31, nurse; goals: a flat near work; source: 12 interviews"
    head, *extras = [part.strip() for part in line.split(";")]
    _require(head, hint, "Give the persona a name.")
    fields: dict[str, str] = dict(_split_name(head))
    for extra in extras:
        match = KEY_VALUE.match(extra)
        key = match.group(1).strip().lower() if match else ""
        if match is None or key not in PERSONA_KEYS:
            raise _LineProblem(f"I don't know the persona field '{extra[:30]}'.", hint)
        fields[PERSONA_KEYS[key]] = match.group(2).strip()
    return _persona_from_fields(fields)


def _persona_from_fields(fields: dict[str, str]) -> AddPersona:
    """Persona fields as written (lists still comma-separated) to an edit."""
    lists = {name: _comma_list(fields.get(name, "")) for name in ("goals", "needs", "frustrations")}
    return AddPersona(
        name=fields["name"],
        description=fields.get("description", ""),
        data_source=fields.get("data_source", ""),
        **lists,
    )


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", value) if part.strip()]


# --- stages and touchpoints --------------------------------------------------------------


def _parse_stages(m: JourneyMap, value: str) -> list[Edit]:
    preset = re.fullmatch(r"use\s+(b2c|b2b|support)", value.strip(), re.IGNORECASE)
    names = DEFAULT_STAGES[preset.group(1).lower()] if preset else _comma_list(value)
    if not names:
        raise _LineProblem("I found no stage names here.", "Discover, Compare, Apply")
    existing = {s.name.casefold() for s in m.stages}
    fresh = [name for name in names if name.casefold() not in existing]
    if not fresh:
        raise _LineProblem("Those stages are already on the map.", "a new stage name")
    return [AddStage(name=name) for name in fresh]


def _parse_touchpoint(line: str) -> AddTouchpoint:
    head, *extras = [part.strip() for part in line.split("|")]
    if ">" not in head:
        raise _LineProblem(
            "I need the stage first, then `>`, then the touchpoint.",
            "Apply > Online application form (website) | owner: Digital",
        )
    stage, description = (part.strip() for part in head.split(">", 1))
    channel = ""
    suffix = CHANNEL_SUFFIX.match(description)
    if suffix:
        description, channel = suffix.group(1).strip(), channel_of(suffix.group(2))
    if not stage or not description:
        raise _LineProblem("The stage or the touchpoint is empty.", "Apply > Advisor call (phone)")
    fields = _pipe_fields(extras, line)
    if "channel" in fields:
        channel = channel_of(fields.pop("channel"))
    return AddTouchpoint(stage=stage, description=description, channel=channel, **fields)


_TOUCHPOINT_FIELDS = {
    "does": "customer_action",
    "doing": "customer_action",
    "action": "customer_action",
    "thinks": "customer_thought",
    "thinking": "customer_thought",
    "thought": "customer_thought",
    "owner": "owner",
    "team": "owner",
    "channel": "channel",
    "source": "source",
    "evidence": "source",
}


def _pipe_fields(extras: list[str], line: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for extra in extras:
        match = KEY_VALUE.match(extra)
        key = match.group(1).strip().lower() if match else ""
        if match is None or key not in _TOUCHPOINT_FIELDS:
            raise _LineProblem(
                f"I don't know the touchpoint field '{extra[:30]}'.",
                "… | does: … | thinks: … | owner: … | channel: …",
            )
        fields[_TOUCHPOINT_FIELDS[key]] = match.group(2).strip()
    return fields


# --- emotions, pains, delights, moments ----------------------------------------------------


def _leading_stage(m: JourneyMap, line: str) -> str | None:
    """The stage a `Stage name: feeling` line starts with (names may hold digits, dashes…)."""
    lowered = line.casefold()
    for stage in sorted(m.stages, key=lambda s: len(s.name), reverse=True):
        if lowered.startswith(stage.name.casefold() + ":"):
            return line[: len(stage.name)]
    return None


def _parse_emotion(stage: str, value: str) -> SetEmotion:
    value, *extras = [part.strip() for part in value.split("|")]
    fields = _evidence_fields(extras, f"{stage}: -1 frustrated | source: support logs")
    quote_match = QUOTE.search(value)
    quote = quote_match.group(1).strip() if quote_match else ""
    rest = QUOTE.sub("", value).strip()
    words = rest.split()
    score: int | None = None
    label_words: list[str] = []
    for word in words:
        if score is None and NUMBER.match(word):
            score = int(word)
            continue
        label_words.append(word)
    label = " ".join(label_words)
    if score is None:
        score, detected = emotion_of(label)
        if score is None:
            raise _LineProblem(
                "I couldn't read a feeling here.",
                f'{stage}: -1 frustrated "what a customer said"  (or a word like anxious, or 😀)',
            )
        label = detected or label
    if not -2 <= score <= 2:
        raise _LineProblem(f"{score} is outside the scale.", f"{stage}: a number from -2 to +2")
    return SetEmotion(
        stage=stage,
        score=score,
        label=label,
        quote=fields.get("quote", quote),
        source=fields.get("source", ""),
    )


def _parse_anchored(item: str, value: str, key: str) -> AddAnchored:
    head, *extras = [part.strip() for part in value.split("|")]
    fields = _evidence_fields(extras, f"{key}: Apply > Slow approval | source: support logs")
    parts = [part.strip() for part in head.split(">")]
    if len(parts) == 2 and all(parts):
        return AddAnchored(item=item, stage=parts[0], text=parts[1], **fields)
    if len(parts) == 3 and all(parts):
        return AddAnchored(
            item=item,
            stage=parts[0],
            touchpoint=parts[1],
            text=parts[2],
            **fields,
        )
    raise _LineProblem(
        "I need the stage, then `>`, then what happens (a touchpoint in between is optional).",
        f"{key}: Apply > Document request email > Asked for documents twice",
    )


def _evidence_fields(extras: list[str], hint: str) -> dict[str, str]:
    """`| source: 2026 NPS survey` and `| quote: "…"` after an item."""
    fields: dict[str, str] = {}
    for extra in extras:
        match = KEY_VALUE.match(extra)
        key = match.group(1).strip().lower() if match else ""
        if match is None or key not in {"source", "evidence", "quote"}:
            raise _LineProblem(f"I don't know the field '{extra[:30]}'.", hint)
        value = match.group(2).strip().strip('"“”')
        fields["quote" if key == "quote" else "source"] = value
    return fields


# --- KPIs and actions ----------------------------------------------------------------------

_KPI_FIELDS = {
    "baseline": "baseline",
    "now": "baseline",
    "target": "target",
    "goal": "target",
    "owner": "owner",
    "stage": "stage",
    "pain": "pain",
    "definition": "definition",
    "defined as": "definition",
}
_ACTION_FIELDS = {"owner": "owner", "due": "due", "stage": "stage", "pain": "pain", "by": "due"}


def _parse_fields(value: str, allowed: dict[str, str], hint: str) -> tuple[str, dict[str, str]]:
    head, *extras = [part.strip() for part in value.split("|")]
    if not head:
        raise _LineProblem("The name is missing.", hint)
    fields: dict[str, str] = {}
    for extra in extras:
        match = KEY_VALUE.match(extra)
        key = match.group(1).strip().lower() if match else ""
        if match is None or key not in allowed:
            raise _LineProblem(f"I don't know the field '{extra[:30]}'.", hint)
        fields[allowed[key]] = match.group(2).strip()
    return head, fields


def _parse_kpi(value: str) -> AddKpi:
    hint = (
        "kpi: Drop-out rate | baseline: 38% | target: 19% | owner: Head of lending | stage: Apply"
    )
    name, fields = _parse_fields(value, _KPI_FIELDS, hint)
    return AddKpi(name=name, **fields)


def _parse_action(value: str) -> AddAction:
    hint = "action: Reuse uploaded documents | owner: Operations | due: 2027-03-31 | pain: pain-4"
    description, fields = _parse_fields(value, _ACTION_FIELDS, hint)
    due = None
    if "due" in fields:
        try:
            due = date.fromisoformat(fields.pop("due"))
        except ValueError:
            raise _LineProblem("I read dates as year-month-day.", hint) from None
    return AddAction(description=description, due=due, **fields)


def _empty_scope_fields(m: JourneyMap) -> list[str]:
    """Scope fields still empty, in the order the question asks for them."""
    return [name for name in Scope.model_fields if not getattr(m.scope, name)]
