"""Time to critique a large map (12 stages, 60 touchpoints): median and p95 of many runs.

Usage: python bench/critique_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime

from bot.critique import critique
from bot.samples import large_map

NOW = datetime(2026, 11, 20, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    journey_map = large_map(12, 60)
    start = time.perf_counter()
    critique(journey_map, now=NOW)  # the first run also reads the guides' titles, once
    first = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        critique(journey_map, now=NOW)
        timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"critique of large_map(12, 60) over {args.runs} runs: "
        f"median {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms (target < 200 ms); "
        f"first run {first:.1f} ms"
    )


if __name__ == "__main__":
    main()
