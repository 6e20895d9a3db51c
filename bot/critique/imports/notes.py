"""The notes teams write after an item: a channel in brackets, an owner after a dash or in
'(owner: …)', and a stage after 'stage:'."""

from __future__ import annotations

import re

from bot.critique.imports.names import channel_of

_OWNER_WORDS = (
    r"owner|owned by|team|responsible|responsable|verantwortlich|eigenaar|dono|responsável"
)
_OWNER_IN_BRACKETS = re.compile(rf"\s*\((?:{_OWNER_WORDS})\s*:?\s*([^()]+)\)\s*$", re.IGNORECASE)
_OWNER_AFTER_DASH = re.compile(rf"^(.*\S)\s+[—–]\s+(?:(?:{_OWNER_WORDS})\s*:?\s*)?(\S.*)$", re.I)
_STAGE_NOTE = re.compile(r"\s*[—–-]?\s*\b(?:stage|etapa|étape|phase|fase)\s*:\s*(.+)$", re.I)
_TRAILING_BRACKET = re.compile(r"^(.*\S)\s*\(([^()]{1,40})\)$")
_WORDLIKE = re.compile(r"^[^\W\d_][\w &/.'’-]*$")
_TEAMLIKE = re.compile(r"^[A-ZÀ-Ý][\w&'’/ .-]{1,40}$")


def owner_note(text: str) -> tuple[str, str]:
    """'Offer 2-hour slots — Field operations' or '… (owner: Field operations)' ->
    ('Offer 2-hour slots', 'Field operations'); no note: (text, '')."""
    found = _OWNER_IN_BRACKETS.search(text)
    if found:
        return text[: found.start()].strip(), found.group(1).strip()
    dashed = _OWNER_AFTER_DASH.match(text)
    if dashed:
        return dashed.group(1).strip(), dashed.group(2).strip()
    return text, ""


def bracket_owner(text: str) -> tuple[str, str]:
    """'Shuttle every 10 min (Airport ops)' -> ('Shuttle every 10 min', 'Airport ops') when
    the bracket reads like a team name (capitalised, no digits); else (text, '')."""
    found = _TRAILING_BRACKET.match(text)
    if found and _TEAMLIKE.match(found.group(2)) and not any(c.isdigit() for c in found.group(2)):
        return found.group(1), found.group(2).strip()
    return text, ""


def channel_note(text: str) -> tuple[str, str | None]:
    """'GP referral letter (letter)' -> ('GP referral letter', 'letter'); '(app)' -> 'mobile
    app'; '(none)' -> ''. A bracket of more than three words is part of the text (None)."""
    found = _TRAILING_BRACKET.match(text)
    if not found or len(found.group(2).split()) > 3 or not _WORDLIKE.match(found.group(2).strip()):
        return text, None
    word = found.group(2).strip()
    known = channel_of(word)
    return found.group(1), known if known is not None else word.casefold()


def stage_note(text: str) -> tuple[str, str]:
    """'… — stage: Apply' -> ('…', 'Apply')."""
    found = _STAGE_NOTE.search(text)
    if not found:
        return text, ""
    return text[: found.start()].strip(" —–-"), found.group(1).strip()
