"""The direct answer without an LLM: the one to three sentences of a section that best answer
a question, in the order the guide has them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.markdown import is_table_rule, table_cells, table_lines

MAX_SUMMARY_CHARS = 420
MAX_ITEMS = 3  # list items shown after a lead-in
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'(\[*])")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")

EmbedTexts = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Sentence:
    text: str
    is_item: bool  # a list item or table row rather than prose

    @property
    def leads_in(self) -> bool:
        return self.text.rstrip().endswith(":")


def sentences(section: str) -> list[Sentence]:
    """Prose split into sentences; list items kept whole, and each table row as one item
    ("first cell — Header: value; …")."""
    out: list[Sentence] = []
    for block in re.split(r"\n\s*\n", section):
        prose: list[str] = []
        table: list[list[str]] = []
        for line in block.splitlines():
            stripped = line.strip()
            if stripped.startswith("|"):
                if not is_table_rule(stripped):
                    table.append(table_cells(stripped))
                continue
            if table:
                out.extend(Sentence(row, True) for row in table_lines(table))
                table = []
            if not stripped:
                continue
            if _LIST_MARK.match(line):
                out.extend(Sentence(p, False) for p in _split(" ".join(prose)))
                prose = []
                out.append(Sentence(_LIST_MARK.sub("", line).strip(), True))
            else:
                prose.append(stripped)
        out.extend(Sentence(p, False) for p in _split(" ".join(prose)))
        if table:
            out.extend(Sentence(row, True) for row in table_lines(table))
    return [s for s in out if s.text]


def _split(text: str) -> list[str]:
    return [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]


def _plain(text: str) -> str:
    return text.replace("**", "").replace("__", "")


@dataclass(frozen=True)
class SectionSentences:
    """A section's sentences with their unit vectors, computed once per section."""

    parts: list[Sentence]
    vectors: np.ndarray

    @classmethod
    def of(cls, section: str, embed: EmbedTexts) -> SectionSentences:
        parts = sentences(section)
        return cls(parts, embed([_plain(p.text) for p in parts]))


def key_sentences(
    question: Sequence[float], section: SectionSentences, limit: int = MAX_SUMMARY_CHARS
) -> str:
    """The sentence closest in meaning to the question (its vector), with what it needs around
    it: the list items after a lead-in ("Typical rhythms:") or the next sentence when it is very
    short; at most `limit` characters."""
    parts = section.parts
    if not parts:
        return ""
    similarity = section.vectors @ np.asarray(question, dtype=np.float32)
    return _join(_around(parts, int(np.argmax(similarity))), limit)


def opening(section: str, limit: int = MAX_SUMMARY_CHARS) -> str:
    """The first sentences of a section (when there is no model to pick better ones)."""
    parts = sentences(section)
    return _join(_around(parts, 0), limit) if parts else ""


def _around(parts: list[Sentence], best: int) -> list[Sentence]:
    """The chosen sentence, the next one too if it is very short, and the list items after a
    lead-in ("Typical rhythms:"); a lead-in whose items do not follow is left out."""
    chosen = [best]
    after = best + 1
    # A very short sentence needs the next; a lead-in next ("Typical rhythms:") continues the
    # thought with the list that follows it.
    continues = after < len(parts) and not parts[after].is_item and not parts[best].leads_in
    if continues and (len(parts[best].text) < 90 or parts[after].leads_in):
        chosen.append(after)
    if parts[chosen[-1]].leads_in:
        lead = len(chosen)
        follow = chosen[-1] + 1
        while follow < len(parts) and parts[follow].is_item and len(chosen) - lead < MAX_ITEMS:
            chosen.append(follow)
            follow += 1
        if follow < len(parts) and parts[follow].is_item:  # more items than shown
            return [*(parts[i] for i in chosen), Sentence("…", True)]
    if len(chosen) > 1 and parts[chosen[-1]].leads_in:
        chosen.pop()
    return [parts[i] for i in chosen]


def _join(parts: list[Sentence], limit: int) -> str:
    text = ""
    for part in parts:
        piece = _plain(part.text)
        candidate = f"{text} {piece}".strip() if text else piece
        if part.is_item and text:
            candidate = f"{text}\n• {piece}"
        if len(candidate) > limit and text:
            break
        text = candidate
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
