"""Model output made safe to post: no broadcast or user mentions, no secrets, no prompt echo."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SLACK_SPECIAL = re.compile(r"<!(?:channel|here|everyone|subteam\^)[^>]*>", re.IGNORECASE)
_USER_MENTION = re.compile(r"<@[^>]*>")
_AT_BROADCAST = re.compile(r"(?<![\w@])@(?:channel|here|everyone)\b", re.IGNORECASE)
_SECRET = re.compile(
    r"\b(?:sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{8,}|xapp-[A-Za-z0-9-]{8,})"
)
_SPACES = re.compile(r"[ \t]+")
_GAP_BEFORE_PUNCTUATION = re.compile(r"[ \t]+(?=[.,;:!?](?:\s|$))")
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
ECHO_WORDS = 8
_WORD = re.compile(r"[\w@<>'-]+")


def strip_mentions(text: str) -> str:
    text = _SLACK_SPECIAL.sub("", text)
    text = _USER_MENTION.sub("", text)
    return _AT_BROADCAST.sub("", text)


def clean_output(text: str) -> str:
    """Remove mentions and anything shaped like a key; tidy the spaces left behind."""
    text = _SECRET.sub("[redacted]", strip_mentions(text))
    text = _GAP_BEFORE_PUNCTUATION.sub("", text)  # what a removed mention leaves: "thin ."
    lines = (_SPACES.sub(" ", line).strip() for line in text.strip().splitlines())
    return "\n".join(lines)


def clip_words(text: str, limit: int) -> str:
    """At most `limit` words, ending at the last full sentence when there is one."""
    words = text.split()
    if len(words) <= limit:
        return text
    clipped = " ".join(words[:limit])
    ends = [m.end() for m in _SENTENCE_END.finditer(clipped)]
    return clipped[: ends[-1]] if ends else clipped + "…"


class EchoGuard:
    """Spots output that repeats our instructions (a prompt leak): any run of ECHO_WORDS
    consecutive words of a prompt, placeholders aside, found in the output."""

    def __init__(self, instructions: Iterable[str]) -> None:
        self.shingles = {
            shingle
            for text in instructions
            for line in text.splitlines()
            if "{" not in line
            for shingle in _shingles(line)
        }

    def echoes(self, output: str) -> bool:
        return not self.shingles.isdisjoint(_shingles(output))


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[i : i + ECHO_WORDS]) for i in range(len(words) - ECHO_WORDS + 1)}
