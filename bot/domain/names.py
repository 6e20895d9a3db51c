"""Matching what people type to the names on their own map: case, hyphens, word stems and small
typos (`Onboarding` -> `Onboard`, `assesment` -> `Assessment`), and "did you mean" otherwise."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches

_SUFFIXES = ("ation", "ment", "ing", "als", "al", "ed", "es", "s")


def simple(text: str) -> str:
    """Lowercase without accents, hyphens and underscores as spaces, single spaces, no stray
    punctuation: `Café` and `cafe`, `Follow-up` and `follow up` are the same name."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[-_/]+", " ", text)
    text = re.sub(r"[^\w\s&+']", " ", text)
    return " ".join(text.split())


def stem(text: str) -> str:
    words = []
    for word in simple(text).split():
        for suffix in _SUFFIXES:
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        words.append(word)
    return " ".join(words)


def distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short, so the plain dynamic programme is enough)."""
    previous = list(range(len(b) + 1))
    for i, left in enumerate(a, start=1):
        current = [i]
        for j, right in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right))
            )
        previous = current
    return previous[-1]


def _allowed_typos(name: str) -> int:
    size = len(name)
    if size <= 4:
        return 0
    return 1 if size <= 8 else 2 if size <= 12 else 3


@dataclass(frozen=True)
class Match:
    name: str
    exact: bool

    def echo(self, written: str) -> str:
        return "" if self.exact else f"`{written.strip()}` → {self.name}"


def match_name(written: str, names: Iterable[str]) -> Match | None:
    """The one name `written` means: equal when simplified, the same stem, or a small typo away.
    None when nothing matches or two names match equally well."""
    wanted = simple(written)
    if not wanted:
        return None
    names = list(names)
    for name in names:
        if simple(name) == wanted:
            return Match(name, exact=True)
    stems = [name for name in names if stem(name) == stem(wanted)]
    if len(stems) == 1:
        return Match(stems[0], exact=False)
    scored = sorted(
        (distance(simple(name), wanted), name)
        for name in names
        if distance(simple(name), wanted) <= _allowed_typos(simple(name))
    )
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return Match(scored[0][1], exact=False)


def closest(written: str, names: Sequence[str], count: int = 1) -> list[str]:
    """Names that look like `written`, for a "did you mean" (looser than match_name)."""
    by_simple = {simple(name): name for name in names}
    found = get_close_matches(simple(written), list(by_simple), n=count, cutoff=0.5)
    if not found:
        found = [s for s in by_simple if simple(written) and simple(written).split()[0] in s][
            :count
        ]
    return [by_simple[s] for s in found]
