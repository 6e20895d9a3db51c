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

from bot.domain.describe import edit_as_line
from bot.domain.edits import (
    AddAction,
    AddKpi,
    AddPersona,
    AddTouchpoint,
    Edit,
    EditError,
    SetEmotion,
    apply_edits,
)
from bot.engine.reading.common import LineProblem, LineReading, example_line
from bot.engine.reading.lines import line_chatter, read_line
from bot.engine.reading.personas import persona_block, persona_key
from bot.model import JourneyMap, Step

BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")


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


_EMPHASISED_KEY = re.compile(r"^([*_~]+)([^*_~:]{1,40}?)(?::\1|\1:)\s*")


def _clean(raw: str) -> str:
    """Without a bullet, and `*Key:*` (Slack bold) as `Key:`."""
    line = BULLET.sub("", raw).strip()
    return _EMPHASISED_KEY.sub(lambda match: match[2].strip() + ": ", line)


def _units(text: str, step: Step) -> list[_Unit]:
    numbered = [(n, _clean(raw)) for n, raw in enumerate(text.splitlines(), start=1)]
    if step is Step.PERSONAS and any(persona_key(line) for _, line in numbered):
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


def _read_unit(m: JourneyMap, step: Step, unit: _Unit) -> LineReading:
    if len(unit.lines) > 1 or (step is Step.PERSONAS and persona_key(unit.text)):
        return persona_block(m, unit.lines)
    return read_line(m, step, unit.text)


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
