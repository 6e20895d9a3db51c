"""Naming map items in commands: by id (`tp-4`) or by kind and name (`stage Apply`)."""

from __future__ import annotations

from bot.domain.edits import EditError
from bot.domain.edits import describe_item as _label
from bot.model import ID_PREFIX, ItemKind, JourneyMap

KIND_WORDS: dict[str, ItemKind] = {
    "persona": "persona",
    "stage": "stage",
    "touchpoint": "touchpoint",
    "tp": "touchpoint",
    "pain": "pain",
    "pain point": "pain",
    "delight": "delight",
    "moment": "moment",
    "moment of truth": "moment",
    "action": "action",
    "kpi": "kpi",
}

FIELD_SYNONYMS: dict[str, str] = {
    "does": "customer_action",
    "thinks": "customer_thought",
    "source": "data_source",
    "stage": "stage_id",
    "pain": "pain_point_id",
    "touchpoint": "touchpoint_id",
    "channel": "channel",
    "start": "journey_start",
    "end": "journey_end",
    "for": "audience",
    "use": "usage",
    "research": "research_basis",
}

_PREFIX_KIND: dict[str, ItemKind] = {prefix: kind for kind, prefix in ID_PREFIX.items()}


def resolve_item(m: JourneyMap, ref: str) -> tuple[ItemKind, str]:
    """Find an item by id, or by a kind word and its name; raise EditError if unclear."""
    ref = ref.strip()
    prefix = ref.rsplit("-", 1)[0].lower()
    if prefix in _PREFIX_KIND and m.find(_PREFIX_KIND[prefix], ref.lower()):
        return _PREFIX_KIND[prefix], ref.lower()
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if ref.lower().startswith(word + " "):
            kind = KIND_WORDS[word]
            return kind, _by_name(m, kind, ref[len(word) :].strip())
    raise EditError(
        f"I can't tell which item '{ref}' is. Name it by id (like tp-4) or by kind and name "
        "(like `stage Apply`)."
    )


def _by_name(m: JourneyMap, kind: ItemKind, name: str) -> str:
    wanted = name.casefold()
    items = m.items(kind)
    exact = [item for item in items if _label(item).casefold() == wanted or item.id == wanted]
    if len(exact) == 1:
        return exact[0].id
    partial = [item for item in items if wanted in _label(item).casefold()]
    if len(partial) == 1:
        return partial[0].id
    if not partial:
        raise EditError(f"There is no {kind} called '{name}'.")
    options = ", ".join(f"{item.id} ({_label(item)})" for item in partial[:5])
    raise EditError(f"Several {kind}s match '{name}': {options}. Use the id.")


def split_edit(argument: str) -> tuple[str, str, str]:
    """`stage Apply name: Application` -> ("stage Apply", "name", "Application")."""
    head, colon, value = argument.partition(":")
    if not colon:
        raise EditError("Write the change as `edit <item> <field>: <new value>`.")
    words = head.split()
    if len(words) < 2:
        raise EditError("Write the change as `edit <item> <field>: <new value>`.")
    return " ".join(words[:-1]), words[-1].lower(), value.strip()
