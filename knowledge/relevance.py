"""Whether a question is one the guidance should answer at all.

Two checks: requests that are plainly not questions about journey mapping (write a poem, a
discount code, "ignore your instructions"), recognised by their form whatever words they
mention; and a floor on how well the best section matches, calibrated on the tuning share of
knowledge/eval/questions.yaml (bench/knowledge_eval.py prints the figures behind it).
"""

from __future__ import annotations

import re

from knowledge.retrieval import Hit, Mode

# Cosine similarity of the best section below which nothing in the guidance is relevant.
MIN_SIMILARITY = 0.28
# Without vectors (the index is still being built): BM25 score of the best section.
MIN_BM25 = 4.0

_OUTSIDE = [
    # Asking for writing that is not guidance.
    r"\b(write|compose|make up|draft)\b.{0,30}"
    r"\b(poem|song|limerick|haiku|story|joke|letter|essay|rap)\b",
    r"\btell me (a|another) (joke|story)\b",
    # Commerce the bot has nothing to do with.
    r"\b(discount|promo|coupon|voucher|referral) ?codes?\b",
    r"\b(get|give|issue) me a refund\b",
    # Attempts to change the bot's instructions or extract secrets.
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions|rules|guidance|prompt|above)\b",
    r"\b(system|developer) (prompt|override|message)\b",
    r"\byou are now\b",
    r"\b(api[ _-]?key|token|password|credentials?)\b.{0,20}\b(reveal|show|print|give|leak)\b",
    r"\b(reveal|show|print|give|leak)\b.{0,30}\b(api[ _-]?key|token|password|credentials?)\b",
]
_OUTSIDE_PATTERN = re.compile("|".join(f"(?:{p})" for p in _OUTSIDE), re.IGNORECASE)


def outside_request(text: str) -> bool:
    """A request the guidance must not answer whatever it mentions (poems, codes, injections)."""
    return _OUTSIDE_PATTERN.search(text) is not None


def is_relevant(best: Hit, mode: Mode) -> bool:
    """Whether the best-ranked section is close enough to the question to answer it."""
    if mode == "bm25" or best.similarity is None:
        return best.score >= MIN_BM25
    return best.similarity >= MIN_SIMILARITY
