"""Telling a question, a request to the bot or small talk from an answer for the map."""

from __future__ import annotations

import re
from typing import Literal

ChatterKind = Literal["question", "request", "small talk"]

_SMALL_TALK = set(  # noqa: SIM905 - a word list reads best as words
    [
        "hi",
        "hey",
        "hello",
        "hiya",
        "yo",
        "morning",
        "afternoon",
        "evening",
        "there",
        "all",
        "team",
        "folks",
        "thanks",
        "thank",
        "you",
        "thx",
        "ty",
        "cheers",
        "ok",
        "okay",
        "k",
        "cool",
        "nice",
        "great",
        "awesome",
        "perfect",
        "lol",
        "haha",
        "yay",
        "sounds",
        "good",
        "got",
        "it",
        "sure",
        "brb",
        "one",
        "sec",
        "moment",
        "right",
        "alright",
        "wow",
        "oh",
        "ah",
        "hmm",
    ]
)
_QUESTION_START = re.compile(
    r"^(how|what|what's|whats|why|where|which|who|whom|should|shall|can|could|do|does|did|is|"
    r"are|will|would|may|might|any)\b"
)
_QUESTION_ANYWHERE = re.compile(
    r"(?:[,;:!]\s*|\b(?:so|and|but|quick one|quick question)\s+)(how|what|why|where|which|who|"
    r"should we|should i|do we|do i|can we|can i|is it|is there|are there|are we)\b"
    r"|\b(how many|how much|how do|how does|how should|how long|what's|what is|what are|"
    r"why do|why is|should we|should i|do we need|do i need|is it ok)\b"
)
_REQUEST = re.compile(
    r"\b(can you|could you|would you|will you|write me|make me|give me|help me|remind me|"
    r"tell me|show me how|explain|quick one|quick question|any idea|i wonder|wondering|"
    r"please)\b"
)
_DECLINE = re.compile(r"\b(write me|make me|compose|poem|joke|song|story|essay|translate)\b")


def chatter_kind(line: str) -> ChatterKind | None:
    """What kind of chatter a line is; None when it may be an answer."""
    text = " ".join(line.strip().lower().split())
    if not text or not re.search(r"\w", text):
        return None
    words = re.findall(r"[a-z']+", text)
    if _DECLINE.search(text):
        return "request"
    if text.endswith("?") or _QUESTION_START.match(text) or _QUESTION_ANYWHERE.search(text):
        return "question"
    if _REQUEST.search(text):
        return "request" if _DECLINE.search(text) else "question"
    if words and len(words) <= 6 and all(word in _SMALL_TALK for word in words):
        return "small talk"
    if not words and len(text) <= 8:  # emoji only: 👍 🙏
        return "small talk"
    return None
