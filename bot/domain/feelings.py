"""Reading a feeling: -2..+2, a 1-5 or 0-10 scale (converted, and the conversion echoed),
a feeling word or an emoji, with an optional "quote"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.vocabulary import emotion_of, with_emoji

_QUOTE = re.compile(r"[\"“”](.+?)[\"“”]")
_SCALE = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(?:/|out of|of)\s*(5|10)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^([+-]?\d+)(?![\d/.])")


class FeelingProblem(ValueError):
    """A number that is not on any scale we read; the message says how to write it."""


@dataclass(frozen=True)
class Feeling:
    score: int
    label: str
    quote: str
    echo: str = ""


def _from_scale(value: float, top: int) -> int:
    if top == 5:
        return round(value - 3)
    return round(value * 0.4 - 2)


def read_feeling(text: str) -> Feeling | None:
    """A feeling if `text` starts with one (a score, a scale, a feeling word or an emoji)."""
    text = with_emoji(text)
    quote_match = _QUOTE.search(text)
    quote = quote_match.group(1).strip() if quote_match else ""
    rest = _QUOTE.sub("", text).strip().strip(",;: ")
    echo = ""
    score: int | None = None
    if scale := _SCALE.match(rest):
        value, top = float(scale[1]), int(scale[2])
        if not (0 if top == 10 else 1) <= value <= top:
            raise FeelingProblem(f"{scale[1]} is not on a 1-{top} scale.")
        score = max(-2, min(2, _from_scale(value, top)))
        echo = f"{scale[1]}/{top} → {score:+d}"
        rest = rest[scale.end() :]
    elif number := _NUMBER.match(rest):
        score = int(number[1])
        if not -2 <= score <= 2:
            raise FeelingProblem(f"{score} is outside the -2..+2 scale.")
        rest = rest[number.end() :]
    label = _label(rest)
    if score is None:
        detected_score, detected = emotion_of(label)
        first_word = label.split()[0] if label.split() else ""
        if detected_score is None or not _starts_with_feeling(label, first_word):
            return None
        score, label = detected_score, detected or label
    return Feeling(score=score, label=label, quote=quote, echo=echo)


def _label(text: str) -> str:
    return " ".join(text.strip().strip(",;:.-– ").split())


def _starts_with_feeling(label: str, first_word: str) -> bool:
    """Only a leading feeling counts ("confused by the plans"), not one buried in a sentence."""
    if not first_word:
        return False
    score, _ = emotion_of(first_word)
    return (
        score is not None
        or not first_word.isalpha()
        or emotion_of(label)[0] is not None
        and (len(label.split()) <= 2)
    )
