"""Knowledge base speed and size: model load time, ingest time for the whole guides folder,
query latency (embedding + chroma search + BM25 fusion) p50/p95, process RSS after load.

    .venv/bin/python bench/knowledge_perf.py [--queries 200]

Targets: query p95 < 40 ms; RSS < 600 MB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.settings import Settings  # noqa: E402
from knowledge.base import KnowledgeBase, open_knowledge_base  # noqa: E402
from knowledge.embeddings import shared_embeddings  # noqa: E402

QUERIES = [
    "how many personas should one map have?",
    "stages for an enterprise saas deal that include implementation and renewal",
    "what is the difference between a touchpoint and a channel",
    "how do we measure whether the map changed anything",
    "how to capture emotions without making them up",
    "who should own a touchpoint that spans several teams",
    "our personas are marketing segments, is that a problem?",
    "how often should we review the map",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_queries(kb: KnowledgeBase, n: int) -> list[float]:
    timings: list[float] = []
    for i in range(n):
        query = QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f" ({i})")
        started = time.perf_counter()
        kb.search(query, k=3)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    print(f"RSS before load: {rss_mb():.0f} MB")
    started = time.perf_counter()
    shared_embeddings().load()
    print(f"model load (sha256 check + ONNX session): {time.perf_counter() - started:.2f} s")
    print(f"RSS after model load: {rss_mb():.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        kb = open_knowledge_base(Settings(journeybot_data_dir=Path(tmp), chroma_url=None))
        started = time.perf_counter()
        report = kb.ingest()
        print(
            f"ingest of the guides folder: {time.perf_counter() - started:.2f} s "
            f"({len(report.guides)} guides, {report.added} chunks embedded)"
        )
        started = time.perf_counter()
        again = kb.ingest()
        print(
            f"re-ingest, nothing changed: {time.perf_counter() - started:.2f} s "
            f"({again.added} embedded)"
        )
        time_queries(kb, 5)  # warm-up: BM25 snapshot, ONNX arena
        timings = time_queries(kb, args.queries)
        print(
            f"query latency over {len(timings)} searches: p50 {statistics.median(timings):.1f} ms, "
            f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms"
        )
        print(f"RSS after ingest and queries: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
