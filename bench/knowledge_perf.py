"""Knowledge base speed and memory, each figure from its own process so peaks don't mix:

- ingest: a fresh build of the guides folder; its peak RSS (VmHWM) and time;
- serving: a process that opens the built store and answers questions; its peak RSS, and query
  latency p50/p95 of `KnowledgeBase.ask` (retrieval + direct answer) while another process keeps
  one core busy;
- cold search: wall time of `journeybot knowledge search` in a new process on the built store.

    .venv/bin/python bench/knowledge_perf.py [--queries 200]

Targets (issue 13): peak RSS < 500 MB for ingest and for serving; query p95 < 40 ms with the
other core busy; cold `knowledge search` < 1.5 s. The machine's load average is printed: on a
shared machine every time here is longer than on an idle one.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

QUESTIONS = [
    "how many personas should one map have?",
    "stages for an enterprise saas deal that include implementation and renewal",
    "what is the difference between a touchpoint and a channel",
    "how do we measure whether the map changed anything",
    "how to capture emotions without making them up",
    "who should own a touchpoint that spans several teams",
    "our personas are marketing segments, is that a problem?",
    "how often should we review the map",
    "write me a poem",
    "what's the weather in Lisbon tomorrow",
]


def peak_rss_mb() -> float:
    """The process's high-water mark of resident memory (VmHWM), not its current RSS."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _location(data: Path):  # type: ignore[no-untyped-def]
    from knowledge.types import StoreLocation

    return StoreLocation(chroma_dir=data / "chroma")


def ingest_child(data: Path) -> dict[str, float]:
    from knowledge.base import open_knowledge_base

    started = time.perf_counter()
    kb = open_knowledge_base(_location(data))
    report = kb.ingest()
    return {
        "seconds": time.perf_counter() - started,
        "sections": float(report.added),
        "peak_rss_mb": peak_rss_mb(),
    }


def _spin(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    while not stop.is_set():
        sum(range(10_000))


def serving_child(data: Path, queries: int) -> dict[str, float]:
    from knowledge.base import open_knowledge_base

    kb = open_knowledge_base(_location(data))
    kb.build()
    for question in QUESTIONS:  # warm-up: snapshot, heading vectors, model
        kb.ask(question)
    stop = multiprocessing.Event()
    busy = multiprocessing.Process(target=_spin, args=(stop,), daemon=True)
    busy.start()
    timings: list[float] = []
    try:
        for i in range(queries):
            question = f"{QUESTIONS[i % len(QUESTIONS)]} ({i})"  # each one new to the caches
            started = time.perf_counter()
            kb.ask(question)
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        stop.set()
        busy.join(timeout=5)
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "max_ms": max(timings),
        "peak_rss_mb": peak_rss_mb(),
    }


def _in_child(role: str, data: Path, queries: int) -> dict[str, float]:
    code = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "import bench.knowledge_perf as p;"
        "r = p.ingest_child(Path(sys.argv[3])) if sys.argv[2] == 'ingest' "
        "else p.serving_child(Path(sys.argv[3]), int(sys.argv[4]));"
        "print(json.dumps(r))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), role, str(data), str(queries)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def cold_search(data: Path) -> float:
    env = {**os.environ, "JOURNEYBOT_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "knowledge", "search", "how many personas per map?"],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        ingest = _in_child("ingest", data, 0)
        print(
            f"ingest of the guides folder: {ingest['seconds']:.1f} s for "
            f"{ingest['sections']:.0f} sections, peak RSS {ingest['peak_rss_mb']:.0f} MB"
        )
        serving = _in_child("serving", data, args.queries)
        print(
            f"serving, {args.queries} answers with the other core busy: "
            f"p50 {serving['p50_ms']:.1f} ms, p95 {serving['p95_ms']:.1f} ms, "
            f"max {serving['max_ms']:.1f} ms; peak RSS {serving['peak_rss_mb']:.0f} MB"
        )
        cold = [cold_search(data) for _ in range(3)]
        print(
            "cold `journeybot knowledge search` (new process, built store): "
            f"best {min(cold):.2f} s, median {statistics.median(cold):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
