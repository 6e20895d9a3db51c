"""A touchpoint's written name, read the same everywhere (chat, importers, the model's
proposals): `Online form (web)` is the touchpoint `Online form` on the channel `website`."""

from __future__ import annotations

import re

from bot.domain.vocabulary import channel_of

_CHANNEL_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def clean_label(text: str) -> str:
    """A name without stray punctuation around it."""
    return " ".join(text.split()).strip(" ,;:.!-–—*_").strip()


def split_channel(text: str, channel: str = "") -> tuple[str, str]:
    """(name, channel): a trailing `(channel)` moves into the channel, normalised to the known
    channels when it is one; an explicit `channel` wins over the suffix only when it is set."""
    suffix = _CHANNEL_SUFFIX.match(text)
    if suffix and not channel:
        text, channel = suffix.group(1), suffix.group(2)
    elif suffix and channel_of(suffix.group(2)) == channel_of(channel):
        text = suffix.group(1)
    return clean_label(text), channel_of(channel) if channel else ""
