"""Moved to bot.domain.vocabulary; kept so older imports keep working."""

from bot.domain.vocabulary import (
    ANCHORED_PREFIXES,
    DEFAULT_STAGES,
    PERSONA_KEYS,
    SCOPE_KEYS,
    channel_of,
    emotion_of,
)

__all__ = [
    "ANCHORED_PREFIXES",
    "DEFAULT_STAGES",
    "PERSONA_KEYS",
    "SCOPE_KEYS",
    "channel_of",
    "emotion_of",
]
