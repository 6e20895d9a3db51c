"""Moved to bot.domain.refs; kept so older imports keep working."""

from bot.domain.refs import (
    FIELD_SYNONYMS,
    KIND_WORDS,
    resolve_item,
    split_edit,
)

__all__ = [
    "FIELD_SYNONYMS",
    "KIND_WORDS",
    "resolve_item",
    "split_edit",
]
