"""Guidance quality on knowledge/eval/questions.yaml, by section.

For each question the top passages are compared with the guide sections written down as
answering it (before tuning). Reported for the shipped retrieval (`KnowledgeBase.search`, with
its relevance floor) and for a plain BM25 baseline scored the same way:

- answer@1: the top passage is from a section that directly answers the question;
- recall@3: such a section is among the top three;
- MRR: mean reciprocal rank of the first such section (top ten);
- false rejection: on-topic questions that got "nothing relevant";
- off-topic rejection: off-topic prompts that got "nothing relevant" (BM25's only refusal is
  a prompt that shares no word with the guides).

Figures are printed for the tuning share and, separately, for the held-out quarter, which
nothing was tuned on. `--sweep` prints the tuning-share figures behind the fusion weight and
the similarity floor.

    .venv/bin/python bench/knowledge_eval.py [--sweep]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.base import KnowledgeBase, StoreLocation, open_knowledge_base  # noqa: E402
from knowledge.lexical import LexicalIndex  # noqa: E402
from knowledge.relevance import outside_request  # noqa: E402
from knowledge.retrieval import Fusion, Retriever  # noqa: E402

QUESTIONS = Path(__file__).resolve().parents[1] / "knowledge" / "eval" / "questions.yaml"
DEPTH = 10


@dataclass(frozen=True)
class Question:
    text: str
    answers: frozenset[str]  # "guide-id#Heading"; empty for off-topic prompts
    kind: str
    heldout: bool


def load_questions(path: Path = QUESTIONS) -> tuple[list[Question], list[Question]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def read(items: list[dict[str, Any]]) -> list[Question]:
        return [
            Question(
                text=str(item["q"]),
                answers=frozenset(str(a) for a in item.get("answers") or []),
                kind=str(item.get("kind", "plain")),
                heldout=bool(item.get("heldout", False)),
            )
            for item in items
        ]

    return read(raw["on_topic"]), read(raw["off_topic"])


# A system under test: the ranked sections ("guide#Heading") for a question; [] = rejected.
Ranker = Callable[[str], list[str]]


def section_key(guide_id: str, heading: str) -> str:
    return f"{guide_id}#{heading.split(' > ')[0]}"


@dataclass(frozen=True)
class Scores:
    answer_at_1: float
    recall_at_3: float
    mrr: float
    false_rejection: float
    off_topic_rejection: float

    def row(self, label: str) -> str:
        return (
            f"  {label:40} {self.answer_at_1:9.3f} {self.recall_at_3:9.3f} {self.mrr:6.3f}"
            f" {self.false_rejection:10.3f} {self.off_topic_rejection:10.3f}"
        )


HEADER = f"  {'':40} {'answer@1':>9} {'recall@3':>9} {'MRR':>6} {'false rej':>10} {'off rej':>10}"


def score(rank: Ranker, on_topic: Sequence[Question], off_topic: Sequence[Question]) -> Scores:
    top1 = top3 = rr = rejected = 0.0
    for question in on_topic:
        ranked = rank(question.text)
        rejected += not ranked
        top1 += bool(ranked) and ranked[0] in question.answers
        top3 += any(key in question.answers for key in ranked[:3])
        rr += next((1 / (i + 1) for i, k in enumerate(ranked) if k in question.answers), 0.0)
    refused = sum(not rank(q.text) for q in off_topic)
    n = max(len(on_topic), 1)
    return Scores(top1 / n, top3 / n, rr / n, rejected / n, refused / max(len(off_topic), 1))


def shipped(kb: KnowledgeBase) -> Ranker:
    return lambda q: [section_key(p.guide_id, p.heading) for p in kb.search(q, k=DEPTH)]


def bm25(retriever: Retriever) -> Ranker:
    """Plain BM25 over the same sections' text: no tags, no query reading, no priors."""
    chunks = retriever.chunks()
    index = LexicalIndex([c.content for c in chunks])
    keys = [section_key(c.guide_id, str(c.metadata.get("heading"))) for c in chunks]

    def rank(q: str) -> list[str]:
        scores = index.scores(q)
        order = [int(i) for i in np.argsort(-scores)[:DEPTH] if scores[i] > 0]
        return [keys[i] for i in order]

    return rank


def report(
    kb: KnowledgeBase, retriever: Retriever, on: list[Question], off: list[Question]
) -> None:
    for label, heldout in (("tuning share", False), ("held-out quarter", True)):
        on_part = [q for q in on if q.heldout == heldout]
        off_part = [q for q in off if q.heldout == heldout]
        print(f"\n{label}: {len(on_part)} on-topic questions, {len(off_part)} off-topic prompts")
        print(HEADER)
        print(score(shipped(kb), on_part, off_part).row("shipped (hybrid + floor)"))
        print(score(bm25(retriever), on_part, off_part).row("BM25 baseline"))
    informal = [q for q in on if q.kind in ("casual", "misspelt", "non-english")]
    print(f"\nall {len(informal)} casual, misspelt and non-English questions")
    print(HEADER)
    print(score(shipped(kb), informal, []).row("shipped (hybrid + floor)"))
    for kind in ("non-english",):
        part = [q for q in on if q.kind == kind]
        print(score(shipped(kb), part, []).row(f"  of which {kind} ({len(part)})"))


def sweep(kb: KnowledgeBase, retriever: Retriever, on: list[Question], off: list[Question]) -> None:
    import knowledge.relevance as relevance

    tune_on = [q for q in on if not q.heldout]
    tune_off = [q for q in off if not q.heldout]
    print("\nsweep on the tuning share: fusion weights (no similarity floor)")
    print(HEADER)
    floor = relevance.MIN_SIMILARITY
    relevance.MIN_SIMILARITY = -1.0
    for weight in (0.05, 0.1, 0.15, 0.2):
        for penalty in (0.0, 0.1, 0.2):
            for heading in (0.0, 0.2, 0.3, 0.4):
                retriever.fusion = Fusion(
                    lexical_weight=weight, roundup_penalty=penalty, heading_weight=heading
                )
                label = f"lexical {weight}, roundup -{penalty}, heading {heading}"
                print(score(shipped(kb), tune_on, []).row(label))
    retriever.fusion = Fusion()
    print("\nbest-section cosine (tuning share)")
    best = {q.text: _best_similarity(retriever, q.text) for q in tune_on + tune_off}
    for floor_value in (0.2, 0.25, 0.28, 0.3, 0.32, 0.35, 0.4):
        kept = sum(best[q.text] >= floor_value for q in tune_on) / len(tune_on)
        refused = sum(
            outside_request(q.text) or best[q.text] < floor_value for q in tune_off
        ) / len(tune_off)
        print(f"  floor {floor_value:.2f}: false rejection {1 - kept:.3f}, off rej {refused:.3f}")
    lows = sorted((best[q.text], q.text) for q in tune_on)[:5]
    highs = sorted(((best[q.text], q.text) for q in tune_off), reverse=True)[:5]
    print("  lowest on-topic:", *(f"{s:.3f} {t!r}" for s, t in lows), sep="\n    ")
    print("  highest off-topic:", *(f"{s:.3f} {t!r}" for s, t in highs), sep="\n    ")
    relevance.MIN_SIMILARITY = floor


def _best_similarity(retriever: Retriever, q: str) -> float:
    hits = retriever.rank(q, k=1)
    return (hits[0].similarity or 0.0) if hits else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true", help="print the tuning figures too")
    args = parser.parse_args()
    on, off = load_questions()
    with tempfile.TemporaryDirectory() as tmp:
        kb = open_knowledge_base(StoreLocation(chroma_dir=Path(tmp)))
        kb.build()
        store, retriever = kb._ready()
        known = {
            section_key(c.guide_id, str(c.metadata.get("heading"))) for c in retriever.chunks()
        }
        missing = sorted({a for q in on for a in q.answers} - known)
        print(f"{len(on)} on-topic + {len(off)} off-topic, {store.count()} sections indexed")
        if missing:
            print(f"  sections named by questions but not indexed: {', '.join(missing)}")
        report(kb, retriever, on, off)
        if args.sweep:
            sweep(kb, retriever, on, off)
    return 0


if __name__ == "__main__":
    sys.exit(main())
