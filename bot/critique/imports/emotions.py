"""Reading a feeling from a cell: a number from -2 to 2, a word, or an emoji."""

from __future__ import annotations

import re

from bot.critique.imports.cells import flat
from bot.critique.imports.problem import ImportProblem
from bot.text import truncate

_NUMBER = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)(?![\d.,])\s*(.*)$")
_QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")
_LABEL_EDGES = " ()[]:-—–"
_DASHES = str.maketrans({"−": "-", "–": "-", "—": "-"})


def read_emotion(cell: str, stage: str) -> tuple[int, str, str]:
    """(score, label, quote) from '-1 frustrated "Why again?"', '+2', '😡', 'anxious';
    ImportProblem otherwise."""
    text = flat(cell)
    quoted = _QUOTE.search(text)
    quote = quoted.group(1).strip() if quoted else ""
    text = (text[: quoted.start()] + text[quoted.end() :] if quoted else text).rstrip(_LABEL_EDGES)
    score, label = _feeling(text.translate(_DASHES), stage)
    return score, label.strip(_LABEL_EDGES), quote


def _feeling(text: str, stage: str) -> tuple[int, str]:
    number = _NUMBER.match(text)
    if number:
        value = float(number.group(1).replace(",", "."))
        if value.is_integer() and -2 <= value <= 2:
            return int(value), number.group(2)
        raise _unreadable(text, stage)
    # The engine's vocabulary knows the feeling words and emoji; imported late because the
    # engine package may itself import the critique.
    from bot.engine.vocabulary import emotion_of

    score, label = emotion_of(text)
    if score is None:
        raise _unreadable(text, stage)
    return score, label


def _unreadable(text: str, stage: str) -> ImportProblem:
    return ImportProblem(
        f"I could not read the emotion '{truncate(text, 40)}' in stage '{truncate(stage, 40)}'. "
        "Use a whole number from -2 to 2, a feeling word such as 'frustrated' or 'relieved', or "
        "an emoji such as 😀 🙂 😐 🙁 😡, then import again."
    )
