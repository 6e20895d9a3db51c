"""Retrieval quality on knowledge/eval/questions.yaml: recall@3 and MRR for chroma's vector
search, a BM25 baseline and the shipped retrieval (hybrid, one passage per guide), plus the
similarity figures behind the answer threshold.

    .venv/bin/python bench/knowledge_eval.py [--k 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.settings import Settings  # noqa: E402
from knowledge.base import (  # noqa: E402
    ANSWER_MIN_SIMILARITY,
    SEARCH_MAX_PER_GUIDE,
    KnowledgeBase,
    open_knowledge_base,
)
from knowledge.retrieval import Mode, Retriever  # noqa: E402

QUESTIONS = Path(__file__).resolve().parents[1] / "knowledge" / "eval" / "questions.yaml"
# Questions the guidance cannot answer: answer() must return nothing for them.
OFF_TOPIC = [
    "what's the weather like in Lisbon tomorrow?",
    "how do I bake sourdough bread at home",
    "can you recommend a good laptop for gaming under 1000 dollars",
    "what is the capital of Australia",
    "how do I reset my router password",
    "who won the football world cup in 2018",
    "write me a poem about autumn leaves",
    "how do I center a div in css",
    "what's a good recipe for vegetarian lasagna",
    "how many moons does jupiter have",
    "translate good morning into japanese",
    "how do I file my taxes as a freelancer",
    "explain quantum entanglement simply",
    "best hiking trails near denver",
    "how to fix a python import error in my django app",
]


@dataclass(frozen=True)
class Question:
    q: str
    guides: frozenset[str]


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Question(q=str(item["q"]), guides=frozenset(item["guides"])) for item in raw]


def ranked_guides(
    retriever: Retriever, q: str, mode: Mode, max_per_guide: int | None, depth: int = 10
) -> list[str]:
    return [
        h.chunk.guide_id for h in retriever.rank(q, k=depth, mode=mode, max_per_guide=max_per_guide)
    ]


def recall_at(ranked: list[str], relevant: frozenset[str], k: int) -> float:
    return len(relevant & set(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked: list[str], relevant: frozenset[str]) -> float:
    return next((1.0 / (i + 1) for i, g in enumerate(ranked) if g in relevant), 0.0)


VARIANTS: list[tuple[str, Mode, int | None]] = [
    ("vector (chroma)", "vector", None),
    ("bm25 baseline", "bm25", None),
    ("vector, 1 per guide", "vector", 1),
    ("bm25, 1 per guide", "bm25", 1),
    ("hybrid", "hybrid", None),
    ("shipped: hybrid, 1 per guide", "hybrid", SEARCH_MAX_PER_GUIDE),
]


def evaluate(retriever: Retriever, questions: list[Question], k: int) -> None:
    print(f"{'retrieval':32} recall@{k}   MRR")
    for label, mode, per_guide in VARIANTS:
        recalls, rrs = [], []
        for question in questions:
            ranked = ranked_guides(retriever, question.q, mode, per_guide)
            recalls.append(recall_at(ranked, question.guides, k))
            rrs.append(reciprocal_rank(ranked, question.guides))
        print(f"{label:32} {statistics.mean(recalls):8.3f} {statistics.mean(rrs):6.3f}")


def _best_similarity(retriever: Retriever, q: str) -> float:
    hits = retriever.rank(q, k=1, mode="vector")
    return hits[0].similarity or 0.0 if hits else 0.0


def thresholds(kb: KnowledgeBase, retriever: Retriever, questions: list[Question]) -> None:
    positives = sorted(_best_similarity(retriever, q.q) for q in questions)
    negatives = sorted(_best_similarity(retriever, q) for q in OFF_TOPIC)
    print(
        f"\nbest-chunk cosine, eval questions: min {positives[0]:.3f} "
        f"p5 {positives[len(positives) // 20]:.3f} median {statistics.median(positives):.3f}"
    )
    print(
        f"best-chunk cosine, off-topic:      max {negatives[-1]:.3f} "
        f"median {statistics.median(negatives):.3f}"
    )
    answered = sum(bool(kb.answer(q.q)) for q in questions)
    refused = sum(not kb.answer(q) for q in OFF_TOPIC)
    print(
        f"answer() at threshold {ANSWER_MIN_SIMILARITY}: answers {answered}/{len(questions)} "
        f"eval questions, returns [] for {refused}/{len(OFF_TOPIC)} off-topic ones"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--k", type=int, default=3)
    args = parser.parse_args()
    questions = load_questions()
    with tempfile.TemporaryDirectory() as tmp:
        kb = open_knowledge_base(Settings(journeybot_data_dir=Path(tmp), chroma_url=None))
        report = kb.ingest()
        known = {g.id for g in kb.list_guides()}
        store, retriever = kb._ready()
        print(f"{len(questions)} questions, {len(known)} guides, {store.count()} chunks")
        for error in report.errors:
            print(f"  skipped: {error.splitlines()[0]}")
        missing = sorted({g for q in questions for g in q.guides} - known)
        if missing:
            print(f"  guides named by questions but not ingested: {', '.join(missing)}")
        evaluate(retriever, questions, args.k)
        thresholds(kb, retriever, questions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
