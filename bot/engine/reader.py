"""The forgiving reader: a message in, the map as its lines build it out.

Lines are read in order against the map as the message builds it (stages before the touchpoints
that use them). A line that reads clearly is saved and echoed; a line whose only reading is the
step's default (a sentence as the objective, a sentence as a persona's name) is proposed and
waits for `yes`; a line that cannot be read is named with a concrete fix built from the team's
own map. Questions and small talk inside a message are left out, never saved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel

from bot.domain.chatter import ChatterKind, chatter_kind
from bot.domain.dates import read_due
from bot.domain.describe import edit_as_line
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
    SetTitle,
    UpdateItem,
    apply_edits,
)
from bot.domain.feelings import FeelingProblem, read_feeling
from bot.domain.fields import FieldProblem, split_fields
from bot.domain.names import closest, match_name, simple
from bot.domain.touchpoints import split_channel
from bot.domain.vocabulary import (
    ACTION_FIELDS,
    ANCHORED_PREFIXES,
    DEFAULT_STAGES,
    EVIDENCE_FIELDS,
    KPI_FIELDS,
    PERSONA_KEYS,
    SCOPE_KEYS,
    TOUCHPOINT_FIELDS,
)
from bot.engine.scope_cues import read_scope_cues
from bot.model import JourneyMap, Scope, Stage, Step

BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_KEY = re.compile(
    r"^\s*(?P<key>[^:>|()\"“]{1,40}?)\s*(?P<sep>:(?![\w+-]+:)|\s[-–—]\s)\s*(?P<value>.*)$"
)
_STAGES_KEY = re.compile(r"^(?:(?:so\s+)?(?:our|the)\s+)?stages?(?:\s+(?:are|is|would be))?$")
_STAGES_PREFIX = re.compile(
    r"^(?:(?:so\s+|ok\s+)?(?:our|the)\s+)?stages?\s+(?:are|is|would be|will be)\s*:?\s*",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|→|->|=>|⇒|>|\|)\s*|\s+then\s+|\s+[-–—]\s+", re.IGNORECASE)
_FROM_TO = re.compile(r"^(?P<name>.+?)\s+from\s+(?P<base>\S+)\s+to\s+(?P<target>\S+)$", re.I)
_PERSONA_SEPARATORS = (" - ", " — ", " – ", ": ", ", ")
_FILLER = re.compile(r"^(?:hey|hi|so|ok|okay|right|well|basically|yeah|um|alright|and)$")


class LineProblem(Exception):
    """A line that cannot be read; `hint` is a line the team can copy and correct."""

    def __init__(self, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.hint = hint


@dataclass
class LineReading:
    edits: list[Edit] = field(default_factory=list)
    proposed: list[Edit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class LineError(BaseModel):
    line: int
    text: str
    problem: str
    hint: str


@dataclass
class Reading:
    journey_map: JourneyMap
    edits: list[Edit] = field(default_factory=list)
    problems: list[LineError] = field(default_factory=list)
    understood: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    proposal: list[Edit] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.summaries)


@dataclass
class _Unit:
    number: int
    text: str
    lines: list[str]


def read_message(journey_map: JourneyMap, step: Step, text: str) -> Reading:
    reading = Reading(journey_map=journey_map)
    units = _units(text, step)
    for unit in units:
        if len(units) > 1 and len(unit.lines) == 1 and line_chatter(reading.journey_map, unit.text):
            reading.left_out.append(unit.text)
            continue
        try:
            line = _read_unit(reading.journey_map, step, unit)
        except LineProblem as problem:
            _refuse(reading, unit, problem.problem, problem.hint)
            continue
        reading.proposal += line.proposed
        if line.edits:
            _save(reading, unit, line, step)
    return reading


def _save(reading: Reading, unit: _Unit, line: LineReading, step: Step) -> None:
    try:
        changed, summaries = apply_edits(reading.journey_map, line.edits)
    except EditError as error:
        message = str(error)
        hint = "" if "`" in message else example_line(reading.journey_map, step)
        _refuse(reading, unit, message, hint)
        return
    reading.journey_map = changed
    reading.edits += line.edits
    reading.summaries += summaries
    echoes = [summary + _details(edit) for summary, edit in zip(summaries, line.edits, strict=True)]
    notes = f" ({'; '.join(line.notes)})" if line.notes else ""
    reading.understood += [echo + notes for echo in echoes[:1]] + echoes[1:]


def _details(edit: Edit) -> str:
    """The fields a summary leaves out (owner, baseline, due, a quote…), as the team wrote them."""
    if isinstance(edit, SetEmotion):
        return f' "{edit.quote}"' if edit.quote else ""
    if isinstance(edit, AddPersona | AddKpi | AddAction | AddTouchpoint):
        line = edit_as_line(edit)
        for separator in (" | ", "; "):
            if separator in line:
                return separator + line.split(separator, 1)[1]
    return ""


def _refuse(reading: Reading, unit: _Unit, problem: str, hint: str) -> None:
    reading.errors.append(_describe(unit, problem, hint))
    reading.problems.append(LineError(line=unit.number, text=unit.text, problem=problem, hint=hint))


def _describe(unit: _Unit, problem: str, hint: str) -> str:
    where = f"Line {unit.number}" if unit.number else "This line"
    tail = f" Try: `{hint}`" if hint else ""
    return f"{where} (`{unit.text[:60]}`): {problem}{tail}"


def line_chatter(m: JourneyMap, line: str) -> ChatterKind | None:
    """A question, request or remark; never a line that says what it is (`key: …`, `a > b`)."""
    if ">" in line:
        return None
    keyed = _KEY.match(line)
    if keyed and keyed["value"].strip() and _known_key(m, keyed["key"]):
        return None
    return chatter_kind(line)


def message_chatter(m: JourneyMap, text: str) -> ChatterKind | None:
    """The message is a question, a request or small talk when every line of it is."""
    lines = [line for line in text.splitlines() if line.strip()]
    kinds = [line_chatter(m, line) for line in lines]
    if not lines or any(kind is None for kind in kinds):
        return None
    return "question" if "question" in kinds else kinds[0]


def _known_key(m: JourneyMap, key: str) -> bool:
    word = simple(key)
    return (
        word in SCOPE_KEYS
        or word in PERSONA_KEYS
        or word in ANCHORED_PREFIXES
        or word in _OTHER_KEYS
        or bool(_STAGES_KEY.match(word))
        or _stage(m, key) is not None
    )


# Persona keys that mean something else outside the persona step (`pains:` is no frustration
# of the persona at the emotions step, `source:` belongs to an item).
_NOT_PERSONA_ELSEWHERE = {"pains", "source", "data", "data source"}

_OTHER_KEYS = {
    "title", "owner", "map owner", "kpi", "kpis", "metric", "action", "actions", "opportunity",
    "persona", "touchpoint", "tp",
}  # fmt: skip


# --- splitting a message into units ------------------------------------------------------


_EMPHASISED_KEY = re.compile(r"^([*_~]+)([^*_~:]{1,40}?)(?::\1|\1:)\s*")
_PERSONA_CUE = re.compile(
    r"^(?:(?:so\s+)?(?:our|the|my)\s+(?:main\s+)?persona\s+(?:is|will be|would be)|"
    r"(?:we're|we are)\s+mapping(?:\s+for)?)\s+",
    re.IGNORECASE,
)


def _clean(raw: str) -> str:
    """Without a bullet, and `*Key:*` (Slack bold) as `Key:`."""
    line = BULLET.sub("", raw).strip()
    return _EMPHASISED_KEY.sub(lambda match: match[2].strip() + ": ", line)


def _persona_key(line: str) -> str | None:
    match = _KEY.match(line)
    key = simple(match["key"]) if match else ""
    return PERSONA_KEYS.get(key) if match and match["sep"].strip() == ":" else None


def _units(text: str, step: Step) -> list[_Unit]:
    numbered = [(n, _clean(raw)) for n, raw in enumerate(text.splitlines(), start=1)]
    if step is Step.PERSONAS and any(_persona_key(line) for _, line in numbered):
        return _persona_blocks(numbered)
    single = len([line for _, line in numbered if line]) == 1
    return [_Unit(0 if single else n, line, [line]) for n, line in numbered if line]


def _persona_blocks(numbered: list[tuple[int, str]]) -> list[_Unit]:
    units: list[_Unit] = []
    block: list[tuple[int, str]] = []
    for number, line in [*numbered, (0, "")]:
        if line and not re.fullmatch(r"-{3,}", line):
            block.append((number, line))
            continue
        if block:
            units.append(_Unit(block[0][0], block[0][1], [text for _, text in block]))
        block = []
    return units


# --- one unit ---------------------------------------------------------------------------


def _read_unit(m: JourneyMap, step: Step, unit: _Unit) -> LineReading:
    if len(unit.lines) > 1 or (step is Step.PERSONAS and _persona_key(unit.text)):
        return _persona_block(m, unit.lines)
    return read_line(m, step, unit.text)


def read_line(m: JourneyMap, step: Step, text: str) -> LineReading:
    if not re.search(r"\w", text):
        raise LineProblem("I couldn't read anything in this line.", example_line(m, step))
    keyed = _KEY.match(text)
    if keyed and keyed["value"].strip():
        reading = _read_keyed(m, step, keyed["key"], keyed["sep"].strip(), keyed["value"].strip())
        if reading is not None:
            return reading
    elif keyed and simple(keyed["key"]):
        raise LineProblem(
            f"There is nothing after `{keyed['key'].strip()}:`.",
            example_line(m, step),
        )
    if "\t" in text:
        return _table_row(m, step, text)
    if ">" in text:
        left, right = (part.strip() for part in text.split(">", 1))
        stage = _stage(m, left)
        if stage is not None:
            return _touchpoint(stage[0], right, stage[1])
        if step is Step.STAGES:
            return _stage_list(m, text)
        raise _no_stage(m, left, f" > {right}")
    leading = _leading_stage(m, text)
    if leading is not None:
        feeling = _feeling(leading[0], leading[2], strict=step is Step.EMOTIONS)
        if feeling is not None:
            return _with_note(feeling, leading[1])
    return _step_default(m, step, text)


def _read_keyed(m: JourneyMap, step: Step, key: str, sep: str, value: str) -> LineReading | None:
    word = simple(key)
    if word == "title":
        return LineReading([SetTitle(title=value)])
    if word in {"owner", "map owner"} and step is not Step.PERSONAS:
        return LineReading([SetReview(owner=value)])
    if word in ANCHORED_PREFIXES:
        return _anchored(m, ANCHORED_PREFIXES[word], value, word)
    if word in {"kpi", "kpis", "metric"}:
        return LineReading([_kpi(m, value)])
    if word in {"action", "actions", "opportunity"}:
        return LineReading([_action(value)])
    if word == "persona":
        return LineReading([_persona_from_line(value)])
    if _STAGES_KEY.match(word):
        return _stage_list(m, value)
    if word in {"touchpoint", "tp"}:
        return read_line(m, Step.TOUCHPOINTS, value)
    stage = _stage(m, key)
    if word in SCOPE_KEYS and (step is Step.SCOPE or stage is None):
        return LineReading([scope_edit(SCOPE_KEYS[word], value)])
    if stage is not None:
        return _stage_line(m, step, stage[0], value, sep, stage[1])
    if word in PERSONA_KEYS and step is not Step.PERSONAS and word in _NOT_PERSONA_ELSEWHERE:
        first = m.stages[0].name if m.stages else "Apply"
        raise LineProblem(
            f"`{key.strip()}:` is a persona field, and this is not the persona step.",
            f"pain: {first} > {value}"
            if word == "pains"
            else f"evidence {m.personas[0].id if m.personas else 'persona-1'}: {value}",
        )
    if word in PERSONA_KEYS:
        return _persona_block(m, [f"{key}: {value}"])
    if step is Step.SCOPE and sep == ":":
        near = closest(word, list(SCOPE_KEYS))
        raise LineProblem(
            f"I don't know the scope field '{key.strip()}'"
            + (f" (did you mean `{near[0]}`?)." if near else "."),
            f"{near[0] if near else 'objective'}: {value}",
        )
    if step in {Step.TOUCHPOINTS, Step.EMOTIONS} and sep == ":" and len(word.split()) <= 4:
        raise _no_stage(m, key, f": {value}")
    return None


# --- stages -----------------------------------------------------------------------------


def _stage(m: JourneyMap, written: str) -> tuple[Stage, str] | None:
    found = match_name(written, [s.name for s in m.stages])
    if found is None:
        return None
    stage = m.stage_named(found.name)
    return (stage, found.echo(written)) if stage else None


def _no_stage(m: JourneyMap, written: str, rest: str) -> LineProblem:
    names = [s.name for s in m.stages]
    if not names:
        return LineProblem(
            f"There are no stages yet, so I can't place '{written.strip()}'.",
            "stages: Discover, Compare, Buy",
        )
    near = closest(written, names)
    guess = near[0] if near else names[0]
    listed = ", ".join(names)
    problem = f"There is no stage '{written.strip()}' (stages: {listed})."
    if near:
        problem += f" Did you mean {guess}?"
    return LineProblem(problem, f"{guess}{rest}")


def _leading_stage(m: JourneyMap, text: str) -> tuple[Stage, str, str] | None:
    """A stage name at the start of a line with no separator: `research 7/10 curious`."""
    words = text.split()
    for stage in sorted(m.stages, key=lambda s: len(s.name), reverse=True):
        size = len(stage.name.split())
        if len(words) <= size:
            continue
        found = _stage(m, " ".join(words[:size]))
        if found is not None and found[0].id == stage.id:
            return stage, found[1], re.sub(r"^[:>–-]+\s+", "", " ".join(words[size:]))
    return None


def _stage_line(
    m: JourneyMap, step: Step, stage: Stage, value: str, sep: str, echo: str
) -> LineReading:
    feeling = _feeling(stage, value, strict=step is Step.EMOTIONS)
    if feeling is not None:
        return _with_note(feeling, echo)
    if step is Step.EMOTIONS:
        raise LineProblem(
            f"I couldn't read a feeling for {stage.name}.",
            f'{stage.name}: -1 frustrated "what a customer said"',
        )
    if sep != ":" or step is Step.TOUCHPOINTS or "(" in value or "|" in value:
        return _touchpoint(stage, value, echo)
    raise LineProblem(
        f"Is this a touchpoint or a feeling in {stage.name}?",
        f"{stage.name} > {value}` for a touchpoint, or `{stage.name}: -1 frustrated",
    )


def _table_row(m: JourneyMap, step: Step, text: str) -> LineReading:
    """A row pasted from a spreadsheet: stage, touchpoint, channel, owner (tab-separated)."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    stage = _stage(m, cells[0]) if cells else None
    if stage is None or len(cells) < 2:
        raise LineProblem(
            "I read a pasted row as stage, touchpoint, channel, owner; the first cell is no "
            "stage of this map.",
            example_line(m, Step.TOUCHPOINTS, cells[1] if len(cells) > 1 else ""),
        )
    if len(cells) == 2 and (feeling := _feeling(stage[0], cells[1], strict=False)):
        return _with_note(feeling, stage[1])
    written = cells[1] + (f" ({cells[2]})" if len(cells) > 2 else "")
    written += f" | owner: {cells[3]}" if len(cells) > 3 else ""
    if len(cells) > 4:
        raise LineProblem(
            "A pasted row has at most four cells: stage, touchpoint, channel, owner.",
            f"{stage[0].name} > {cells[1]} ({cells[2]}) | owner: {cells[3]}",
        )
    return _touchpoint(stage[0], written, stage[1])


def _with_note(reading: LineReading, note: str) -> LineReading:
    if note:
        reading.notes.insert(0, note)
    return reading


def _stage_list(m: JourneyMap, value: str) -> LineReading:
    value = _STAGES_PREFIX.sub("", value.strip())
    preset = re.fullmatch(r"use\s+(b2c|b2b|support)", value, re.IGNORECASE)
    described = _described_stage(value) if not preset else None
    if described is not None:
        names, descriptions = [described[0]], {described[0]: described[1]}
    else:
        names = DEFAULT_STAGES[preset.group(1).lower()] if preset else stage_names(value)
        descriptions = {}
    if not names:
        raise LineProblem("I found no stage names here.", "stages: Discover, Compare, Buy")
    existing = {simple(s.name) for s in m.stages}
    fresh = [name for name in names if simple(name) not in existing]
    if not fresh:
        raise LineProblem(
            "Those stages are already on the map.", f"remove stage {names[0]}  (or a new name)"
        )
    edits: list[Edit] = [
        AddStage(name=name, description=descriptions.get(name, "")) for name in fresh
    ]
    skipped = [name for name in names if name not in fresh]
    reading = LineReading()
    if any(len(name.split()) > 6 for name in fresh):
        reading.proposed = edits  # a sentence, not a list of stage names: ask first
    else:
        reading.edits = edits
    if skipped:
        reading.notes.append(f"already there: {', '.join(skipped)}")
    return reading


def _described_stage(line: str) -> tuple[str, str] | None:
    """`Discover - finds us on instagram`: one stage with a line about it."""
    match = re.match(r"^([^,;→>|]{1,60}?)\s+[-–—]\s+(.+)$|^([^,;→>|:]{1,60}?):\s+(.+)$", line)
    if match is None:
        return None
    name, description = (match[1], match[2]) if match[1] else (match[3], match[4])
    if not 1 <= len(name.split()) <= 5 or re.search(r"\s[-–—]\s", description):
        return None  # `Apply - Approval - Move in` is a list
    return _capital(_label(name)), description.strip()


def stage_names(value: str) -> list[str]:
    """`a, b and c`, `a then b`, `a → b`, `a > b`: the names, in order."""
    parts = [part for part in _LIST_SPLIT.split(value.strip()) if part and part.strip()]
    if len(parts) > 1 and " and " in parts[-1]:
        parts[-1:] = parts[-1].split(" and ")
    names = [_label(part) for part in parts]
    return [_capital(name) for name in names if name]


def _capital(name: str) -> str:
    return name[0].upper() + name[1:] if name == name.lower() else name


def _label(text: str) -> str:
    """A name without stray punctuation around it."""
    return " ".join(text.split()).strip(" ,;:.!-–—*_").strip()


# --- touchpoints, feelings, anchored items ----------------------------------------------


def _touchpoint(stage: Stage, value: str, echo: str = "") -> LineReading:
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
    return _with_note(LineReading([edit]), echo)


def _feeling(stage: Stage, value: str, strict: bool) -> LineReading | None:
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


def _anchored(m: JourneyMap, item: str, value: str, key: str) -> LineReading:
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
    stage = _stage(m, parts[0])
    if stage is None:
        raise _no_stage(m, parts[0], "")
    notes = [stage[1]] if stage[1] else []
    touchpoints = [t.description for t in m.touchpoints_in(stage[0].id)]
    text = _label(parts[-1])
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


# --- KPIs and actions -------------------------------------------------------------------


def _kpi(m: JourneyMap, value: str) -> AddKpi:
    hint = "kpi: Drop-out rate | baseline: 38% | target: 19% | owner: Head of lending"
    try:
        name, fields = split_fields(value, KPI_FIELDS)
    except FieldProblem as problem:
        raise LineProblem(f"I don't know the KPI field '{problem.written[:30]}'.", hint) from None
    if not _label(name):
        raise LineProblem("The KPI has no name.", hint)
    if "stage" in fields:
        stage = _stage(m, fields["stage"])
        if stage is None:
            raise _no_stage(m, fields["stage"], "")
        fields["stage"] = stage[0].name
    return AddKpi.model_validate({"name": _label(name)} | fields)


def _action(value: str) -> AddAction:
    hint = "action: Reuse uploaded documents | owner: Operations | due: 2027-03-31"
    try:
        description, fields = split_fields(value, ACTION_FIELDS)
    except FieldProblem as problem:
        raise LineProblem(
            f"I don't know the action field '{problem.written[:30]}'.", hint
        ) from None
    if not _label(description):
        raise LineProblem("The action has no description.", hint)
    due = None
    if "due" in fields:
        written = fields.pop("due")
        due = read_due(written)
        if due is None:
            raise LineProblem(
                f"I couldn't read the date '{written}' (a date, Q1-Q4 or a month works).",
                f"action: {_label(description)} | due: 2027-03-31",
            )
    return AddAction.model_validate({"description": _label(description), "due": due} | fields)


# --- personas ---------------------------------------------------------------------------


def _persona_block(m: JourneyMap, lines: list[str]) -> LineReading:
    fields: dict[str, str] = {}
    guessed = False  # the name came from a sentence: show the reading and ask first
    for line in lines:
        key = _persona_key(line)
        match = _KEY.match(line)
        if key and match:
            fields[key] = match["value"].strip()
        elif "name" not in fields:
            split = _split_name(line)
            if split is None:
                sentence = _persona_sentence(line)
                split = {"name": sentence.name, "description": sentence.description}
                guessed = True
            fields.update(split)
        else:
            raise LineProblem(
                f"I couldn't tell which persona field `{line[:40]}` is.",
                f"goals: {line[:40]}  (or needs:, frustrations:, description:, source:)",
            )
    if fields.get("name"):
        persona = _persona_from_fields(fields)
        return LineReading(proposed=[persona]) if guessed else LineReading([persona])
    if len(m.personas) == 1:
        persona_id = m.personas[0].id
        updates: list[Edit] = [
            UpdateItem(item="persona", item_id=persona_id, field=name, value=value)
            for name, value in fields.items()
        ]
        return LineReading(updates, notes=[f"added to {m.personas[0].name}"])
    raise LineProblem(
        "Which persona is this for? Give the persona a name first.",
        "name: Maya, first-time buyer",
    )


_NOT_A_NAME = {"is", "are", "was", "she's", "he's", "they're", "i'm", "we", "our", "the", "a", "an"}


def _split_name(line: str) -> dict[str, str] | None:
    for separator in _PERSONA_SEPARATORS:
        if separator in line:
            name, description = line.split(separator, 1)
            words = name.lower().split()
            if 1 <= len(words) <= 3 and not _NOT_A_NAME.intersection(words):
                return {"name": _label(name), "description": description.strip()}
    return None


def _persona_from_line(value: str) -> AddPersona:
    head, *extras = [part.strip() for part in value.split(";")]
    fields: dict[str, str] = _split_name(head) or {"name": _label(head)}
    for extra in extras:
        key = _persona_key(extra)
        match = _KEY.match(extra)
        if not key or not match:
            raise LineProblem(
                f"I don't know the persona field '{extra[:30]}'.",
                "persona: Maya - 31, nurse; goals: a flat near work; source: 12 interviews",
            )
        fields[key] = match["value"].strip()
    if not fields.get("name"):
        raise LineProblem("Give the persona a name.", "persona: Maya - 31, nurse")
    return _persona_from_fields(fields)


def _persona_from_fields(fields: dict[str, str]) -> AddPersona:
    lists = {
        name: [part.strip() for part in re.split(r"[,;]", fields.get(name, "")) if part.strip()]
        for name in ("goals", "needs", "frustrations")
    }
    return AddPersona.model_validate(
        {
            "name": fields["name"],
            "description": fields.get("description", ""),
            "data_source": fields.get("data_source", ""),
        }
        | lists
    )


def _persona_sentence(text: str) -> AddPersona:
    """`priya runs a design agency` read as the persona Priya (to be confirmed)."""
    text = _PERSONA_CUE.sub("", text.strip())
    head, verb, tail = text.partition(" is ")
    if verb and 1 <= len(head.split()) <= 2:
        first, rest = head, tail  # "lena is a freelance illustrator"
    else:
        first, _, rest = text.partition(" ")
    rest = re.sub(r"^(?:is\s+)?(?:an?\s+)?", "", rest.strip(), flags=re.IGNORECASE)
    return AddPersona(name=_capital(_label(first)), description=rest.strip())


# --- the step's default reading ---------------------------------------------------------


def _step_default(m: JourneyMap, step: Step, text: str) -> LineReading:
    if step is Step.SCOPE:
        return _scope_default(m, text)
    if step is Step.PERSONAS:
        cue = _PERSONA_CUE.match(text)
        if cue and (named := _split_name(text[cue.end() :])):
            return LineReading([_persona_from_fields(named)])  # "our persona is Sam, a …"
        split = _split_name(text)
        if split and len(text.split()) <= 25:
            return LineReading([_persona_from_fields(split)])
        return LineReading(proposed=[_persona_sentence(text)])
    if step is Step.STAGES:
        return _stage_list(m, text)
    if step is Step.KPIS and (match := _FROM_TO.match(text)):
        kpi = AddKpi(
            name=_label(match["name"]), baseline=match["base"], target=match["target"].rstrip(".")
        )
        return LineReading([kpi])
    if step is Step.TOUCHPOINTS and m.stages:
        words = text.split()
        near = closest(words[0], [s.name for s in m.stages]) if words else []
        guess = near[0] if near else m.stages[0].name
        raise LineProblem(
            "Which stage is this touchpoint in? Put the stage first, then `>`.",
            f"{guess} > {text}",
        )
    if step is Step.EMOTIONS and m.stages:
        raise LineProblem(
            "Which stage is this feeling for? Put the stage first.",
            f'{m.stages[0].name}: -1 frustrated "what a customer said"',
        )
    raise LineProblem("I couldn't tell what this line adds.", example_line(m, step, text))


def _scope_default(m: JourneyMap, text: str) -> LineReading:
    cues = read_scope_cues(text)
    empty = [name for name in Scope.model_fields if not getattr(m.scope, name)]
    if cues is not None:
        preamble, found = cues
        reading = LineReading([scope_edit(name, value) for name, value in found])
        free = [name for name in empty if name not in dict(found)]
        words = re.findall(r"[a-z']+", preamble.lower())
        if free and preamble and not all(_FILLER.match(word) for word in words):
            reading.proposed.append(scope_edit(free[0], preamble))
        return reading
    if not empty:
        raise LineProblem(
            "Every scope field is filled; say which one this replaces.", f"scenario: {text}"
        )
    return LineReading(proposed=[scope_edit(empty[0], text)])


def scope_edit(field_name: str, value: str) -> SetScope:
    return SetScope.model_validate({"field": field_name, "value": value})


def example_line(m: JourneyMap, step: Step, text: str = "") -> str:
    """A line in the step's own form, built from the team's own map where it can be."""
    stage = m.stages[0].name if m.stages else "Apply"
    what = _label(text)[:40] or "…"
    return {
        Step.SCOPE: f"objective: {what}",
        Step.PERSONAS: "name: Maya, first-time buyer",
        Step.STAGES: "stages: Discover, Compare, Buy",
        Step.TOUCHPOINTS: f"{stage} > {what} (website)",
        Step.EMOTIONS: f'{stage}: -1 frustrated "what a customer said"',
        Step.KPIS: f"kpi: {what} | baseline: 38% | target: 19% | owner: …",
        Step.REVIEW: f"edit {m.touchpoints[0].id if m.touchpoints else 'tp-4'} owner: Digital",
    }[step]


@dataclass
class Parsed:
    """What a message reads as, without the map it builds: for tests and round trips."""

    edits: list[Edit]
    proposed: list[Edit]
    errors: list[LineError]


def parse_answer(journey_map: JourneyMap, step: Step, text: str) -> Parsed:
    reading = read_message(journey_map, step, text)
    return Parsed(reading.edits, reading.proposal, reading.problems)


def proposal_lines(edits: list[Edit]) -> list[str]:
    return [edit_as_line(edit) for edit in edits]
