"""One line: what its key, its stage or its step says it is; chatter is told apart here."""

from __future__ import annotations

import re

from bot.domain.chatter import ChatterKind, chatter_kind
from bot.domain.edits import (
    AddKpi,
    SetReview,
    SetTitle,
)
from bot.domain.names import closest, simple
from bot.domain.vocabulary import (
    ANCHORED_PREFIXES,
    PERSONA_KEYS,
    SCOPE_KEYS,
)
from bot.engine.reading.common import (
    KEY,
    LineProblem,
    LineReading,
    example_line,
    label,
    scope_edit,
    with_note,
)
from bot.engine.reading.items import (
    action_line,
    anchored_line,
    feeling_line,
    kpi_line,
    stage_line,
    table_row,
    touchpoint_line,
)
from bot.engine.reading.personas import (
    PERSONA_CUE,
    persona_block,
    persona_from_fields,
    persona_from_line,
    persona_sentence,
    split_name,
)
from bot.engine.reading.scope_cues import read_scope_cues
from bot.engine.reading.stages import STAGES_KEY, find_stage, leading_stage, no_stage, stage_list
from bot.model import JourneyMap, Scope, Step

_FROM_TO = re.compile(r"^(?P<name>.+?)\s+from\s+(?P<base>\S+)\s+to\s+(?P<target>\S+)$", re.I)
_FILLER = re.compile(r"^(?:hey|hi|so|ok|okay|right|well|basically|yeah|um|alright|and)$")


def line_chatter(m: JourneyMap, line: str) -> ChatterKind | None:
    """A question, request or remark; never a line that says what it is (`key: …`, `a > b`)."""
    if ">" in line:
        return None
    keyed = KEY.match(line)
    if keyed and keyed["value"].strip() and known_key(m, keyed["key"]):
        return None
    return chatter_kind(line)


def message_chatter(m: JourneyMap, text: str) -> ChatterKind | None:
    """The message is a question, a request or small talk when every line of it is."""
    lines = [line for line in text.splitlines() if line.strip()]
    kinds = [line_chatter(m, line) for line in lines]
    if not lines or any(kind is None for kind in kinds):
        return None
    return "question" if "question" in kinds else kinds[0]


def known_key(m: JourneyMap, key: str) -> bool:
    word = simple(key)
    return (
        word in SCOPE_KEYS
        or word in PERSONA_KEYS
        or word in ANCHORED_PREFIXES
        or word in OTHER_KEYS
        or bool(STAGES_KEY.match(word))
        or find_stage(m, key) is not None
    )


# Persona keys that mean something else outside the persona step (`pains:` is no frustration
# of the persona at the emotions step, `source:` belongs to an item).
NOT_PERSONA_ELSEWHERE = {"pains", "source", "data", "data source"}

OTHER_KEYS = {
    "title", "owner", "map owner", "kpi", "kpis", "metric", "action", "actions", "opportunity",
    "persona", "touchpoint", "tp",
}  # fmt: skip


def read_line(m: JourneyMap, step: Step, text: str) -> LineReading:
    if not re.search(r"\w", text):
        raise LineProblem("I couldn't read anything in this line.", example_line(m, step))
    keyed = KEY.match(text)
    if keyed and keyed["value"].strip():
        reading = read_keyed(m, step, keyed["key"], keyed["sep"].strip(), keyed["value"].strip())
        if reading is not None:
            return reading
    elif keyed and simple(keyed["key"]):
        raise LineProblem(
            f"There is nothing after `{keyed['key'].strip()}:`.",
            example_line(m, step),
        )
    if "\t" in text:
        return table_row(m, step, text)
    if ">" in text:
        left, right = (part.strip() for part in text.split(">", 1))
        stage = find_stage(m, left)
        if stage is not None:
            return touchpoint_line(stage[0], right, stage[1])
        if step is Step.STAGES:
            return stage_list(m, text)
        raise no_stage(m, left, f" > {right}")
    leading = leading_stage(m, text)
    if leading is not None:
        feeling = feeling_line(leading[0], leading[2], strict=step is Step.EMOTIONS)
        if feeling is not None:
            return with_note(feeling, leading[1])
    return step_default(m, step, text)


def read_keyed(m: JourneyMap, step: Step, key: str, sep: str, value: str) -> LineReading | None:
    word = simple(key)
    if word == "title":
        return LineReading([SetTitle(title=value)])
    if word in {"owner", "map owner"} and step is not Step.PERSONAS:
        return LineReading([SetReview(owner=value)])
    if word in ANCHORED_PREFIXES:
        return anchored_line(m, ANCHORED_PREFIXES[word], value, word)
    if word in {"kpi", "kpis", "metric"}:
        return LineReading([kpi_line(m, value)])
    if word in {"action", "actions", "opportunity"}:
        return LineReading([action_line(value)])
    if word == "persona":
        return LineReading([persona_from_line(value)])
    if STAGES_KEY.match(word):
        return stage_list(m, value)
    if word in {"touchpoint", "tp"}:
        return read_line(m, Step.TOUCHPOINTS, value)
    stage = find_stage(m, key)
    if word in SCOPE_KEYS and (step is Step.SCOPE or stage is None):
        return LineReading([scope_edit(SCOPE_KEYS[word], value)])
    if stage is not None:
        return stage_line(m, step, stage[0], value, sep, stage[1])
    if word in PERSONA_KEYS and step is not Step.PERSONAS and word in NOT_PERSONA_ELSEWHERE:
        first = m.stages[0].name if m.stages else "Apply"
        raise LineProblem(
            f"`{key.strip()}:` is a persona field, and this is not the persona step.",
            f"pain: {first} > {value}"
            if word == "pains"
            else f"evidence {m.personas[0].id if m.personas else 'persona-1'}: {value}",
        )
    if word in PERSONA_KEYS:
        return persona_block(m, [f"{key}: {value}"])
    if step is Step.SCOPE and sep == ":":
        near = closest(word, list(SCOPE_KEYS))
        raise LineProblem(
            f"I don't know the scope field '{key.strip()}'"
            + (f" (did you mean `{near[0]}`?)." if near else "."),
            f"{near[0] if near else 'objective'}: {value}",
        )
    if step in {Step.TOUCHPOINTS, Step.EMOTIONS} and sep == ":" and len(word.split()) <= 4:
        raise no_stage(m, key, f": {value}")
    return None


def step_default(m: JourneyMap, step: Step, text: str) -> LineReading:
    if step is Step.SCOPE:
        return scope_default(m, text)
    if step is Step.PERSONAS:
        cue = PERSONA_CUE.match(text)
        if cue and (named := split_name(text[cue.end() :])):
            return LineReading([persona_from_fields(named)])  # "our persona is Sam, a …"
        split = split_name(text)
        if split and len(text.split()) <= 25:
            return LineReading([persona_from_fields(split)])
        return LineReading(proposed=[persona_sentence(text)])
    if step is Step.STAGES:
        return stage_list(m, text)
    if step is Step.KPIS and (match := _FROM_TO.match(text)):
        kpi = AddKpi(
            name=label(match["name"]), baseline=match["base"], target=match["target"].rstrip(".")
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


def scope_default(m: JourneyMap, text: str) -> LineReading:
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
