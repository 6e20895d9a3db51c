"""BM25 over the stored chunks: the lexical half of hybrid retrieval, and the eval baseline."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "us",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def _stem(word: str) -> str:
    # Just enough folding that "personas"/"persona" and "stories"/"story" meet.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


class LexicalIndex:
    def __init__(self, documents: Sequence[str]) -> None:
        self._size = len(documents)
        tokens = [tokenize(d) or ["_"] for d in documents]
        self._bm25 = BM25Okapi(tokens) if tokens else None

    def scores(self, query: str) -> np.ndarray:
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return np.zeros(self._size, dtype=np.float64)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float64)
