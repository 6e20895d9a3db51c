"""Export time for a 12-stage x 60-touchpoint map, per format and for all formats together.

The first, cold run pays once per process for imports and font loading. The warm figures are
medians of --runs. CPU time is printed too: wall time suffers when other work shares the two
cores. Target: all formats together (the open formats too) under 2 s.
Usage: python bench/exports_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bot.exports import FORMATS, OPEN_FORMATS, ExportExtras, export, export_many
from bot.model import EmotionVote, JourneyMap
from bot.samples import large_map


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds for one fresh run of `action`."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def report(name: str, runs: list[tuple[float, float]]) -> None:
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    print(f"{name:17s} wall {wall:5.2f} s   cpu {cpu:5.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    journey_map = large_map(12, 60)
    every = [*FORMATS, *OPEN_FORMATS]
    report("cold, all", [timed(lambda: export_many(journey_map, every))])
    for fmt in every:
        report(fmt, [timed(lambda f=fmt: export(journey_map, f)) for _ in range(args.runs)])
    report("all", [timed(lambda: export_many(journey_map, every)) for _ in range(args.runs)])
    voted, extras = with_votes_and_future(journey_map)
    runs = [timed(lambda: export_many(voted, every, extras)) for _ in range(args.runs)]
    report("all+votes+future", runs)


def with_votes_and_future(journey_map: JourneyMap) -> tuple[JourneyMap, ExportExtras]:
    """Three votes on every stage, and a future state to overlay."""
    voted = journey_map.model_copy(deep=True)
    voted.emotion_votes = [
        EmotionVote(stage_id=stage.id, user=f"U{n}", score=(i + n) % 5 - 2)
        for i, stage in enumerate(voted.stages)
        for n in range(3)
    ]
    future = journey_map.model_copy(deep=True, update={"state_of": "future"})
    for emotion in future.emotions:
        emotion.score = min(emotion.score + 1, 2)
    return voted, ExportExtras(compare_with=future)


if __name__ == "__main__":
    main()
