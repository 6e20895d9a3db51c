"""Personas: blocks of fields, one-line personas and persona sentences (proposed, never
saved as a name)."""

from __future__ import annotations

import re

from bot.domain.edits import (
    AddPersona,
    Edit,
    UpdateItem,
)
from bot.domain.names import simple
from bot.domain.vocabulary import (
    PERSONA_KEYS,
)
from bot.engine.reading.common import KEY, LineProblem, LineReading, capital, label
from bot.model import JourneyMap

_PERSONA_SEPARATORS = (" - ", " — ", " – ", ": ", ", ")
PERSONA_CUE = re.compile(
    r"^(?:(?:so\s+)?(?:our|the|my)\s+(?:main\s+)?persona\s+(?:is|will be|would be)|"
    r"(?:we're|we are)\s+mapping(?:\s+for)?)\s+",
    re.IGNORECASE,
)


def persona_key(line: str) -> str | None:
    match = KEY.match(line)
    key = simple(match["key"]) if match else ""
    return PERSONA_KEYS.get(key) if match and match["sep"].strip() == ":" else None


def persona_block(m: JourneyMap, lines: list[str]) -> LineReading:
    fields: dict[str, str] = {}
    guessed = False  # the name came from a sentence: show the reading and ask first
    for line in lines:
        key = persona_key(line)
        match = KEY.match(line)
        if key and match:
            fields[key] = match["value"].strip()
        elif "name" not in fields:
            split = split_name(line)
            if split is None:
                sentence = persona_sentence(line)
                split = {"name": sentence.name, "description": sentence.description}
                guessed = True
            fields.update(split)
        else:
            raise LineProblem(
                f"I couldn't tell which persona field `{line[:40]}` is.",
                f"goals: {line[:40]}  (or needs:, frustrations:, description:, source:)",
            )
    if fields.get("name"):
        persona = persona_from_fields(fields)
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


def split_name(line: str) -> dict[str, str] | None:
    for separator in _PERSONA_SEPARATORS:
        if separator in line:
            name, description = line.split(separator, 1)
            words = name.lower().split()
            if 1 <= len(words) <= 3 and not _NOT_A_NAME.intersection(words):
                return {"name": label(name), "description": description.strip()}
    return None


def persona_from_line(value: str) -> AddPersona:
    head, *extras = [part.strip() for part in value.split(";")]
    fields: dict[str, str] = split_name(head) or {"name": label(head)}
    for extra in extras:
        key = persona_key(extra)
        match = KEY.match(extra)
        if not key or not match:
            raise LineProblem(
                f"I don't know the persona field '{extra[:30]}'.",
                "persona: Maya - 31, nurse; goals: a flat near work; source: 12 interviews",
            )
        fields[key] = match["value"].strip()
    if not fields.get("name"):
        raise LineProblem("Give the persona a name.", "persona: Maya - 31, nurse")
    return persona_from_fields(fields)


def persona_from_fields(fields: dict[str, str]) -> AddPersona:
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


def persona_sentence(text: str) -> AddPersona:
    """`priya runs a design agency` read as the persona Priya (to be confirmed)."""
    text = PERSONA_CUE.sub("", text.strip())
    head, verb, tail = text.partition(" is ")
    if verb and 1 <= len(head.split()) <= 2:
        first, rest = head, tail  # "lena is a freelance illustrator"
    else:
        first, _, rest = text.partition(" ")
    rest = re.sub(r"^(?:is\s+)?(?:an?\s+)?", "", rest.strip(), flags=re.IGNORECASE)
    return AddPersona(name=capital(label(first)), description=rest.strip())
