"""Time to critique a large map (12 stages, 60 touchpoints): median and p95 of many runs; and
time to import that map from our CSV, XLSX and Markdown exports (what `journeybot critique FILE`
does before critiquing).

Usage: python bench/critique_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from bot.critique import critique
from bot.critique.imports import read_map
from bot.exports import export
from bot.samples import large_map

NOW = datetime(2026, 11, 20, tzinfo=UTC)


def timed(run: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(first, median, p95) in milliseconds."""
    start = time.perf_counter()
    run()  # the first run also reads the guides' titles or imports a reader, once
    first = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    journey_map = large_map(12, 60)
    first, median, p95 = timed(lambda: critique(journey_map, now=NOW), args.runs)
    print(
        f"critique of large_map(12, 60) over {args.runs} runs: median {median:.2f} ms, "
        f"p95 {p95:.2f} ms (target < 200 ms); first run {first:.1f} ms"
    )
    runs = max(5, args.runs // 20)
    for fmt in ("csv", "xlsx", "markdown"):
        file = export(journey_map, fmt)

        def read(content: bytes = file.content, name: str = file.filename) -> object:
            return read_map(content, name)

        first, median, p95 = timed(read, runs)
        print(
            f"import of large_map(12, 60) from our {fmt} export over {runs} runs: median "
            f"{median:.1f} ms, p95 {p95:.1f} ms; first run {first:.1f} ms"
        )


if __name__ == "__main__":
    main()
