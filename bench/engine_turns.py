"""Engine turn latency (read, validate, save) while a map grows to 12 stages x 60 touchpoints.

Prints p50/p95 per database. Usage: python bench/engine_turns.py [--postgres URL]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid

import sqlalchemy as sa

from bot.engine import Engine, Turn
from bot.model import JourneyMap
from storage import MapKey, MapStore, create_db_engine

STAGES = 12
TOUCHPOINTS = 60


def turns() -> list[str]:
    script = [
        "objective: Halve drop-out\nscenario: first flat",
        "next",
        "name: Maya\ngoals: a flat",
        "next",
        ", ".join(f"Stage {i}" for i in range(1, STAGES + 1)),
        "next",
    ]
    script += [
        f"Stage {n % STAGES + 1} > Touchpoint {n} (web) | owner: Team {n % 5}"
        for n in range(TOUCHPOINTS)
    ]
    script.append("next")
    script += [f"Stage {i}: {(i % 5) - 2} mixed" for i in range(1, STAGES + 1)]
    script += [f"pain: Stage {i} > Pain {i}" for i in range(1, STAGES + 1)]
    script.append("next")
    script += [f"action: Fix pain {i} | owner: Ops | pain: Pain {i}" for i in range(1, STAGES + 1)]
    script += ["show map", "edit stage Stage 3 name: Stage three", "undo"]
    return script


def measure(store: MapStore) -> list[float]:
    engine = Engine(store)
    key = MapKey(workspace="bench", channel="C", thread=uuid.uuid4().hex)
    engine.start(key, "Bench map", "U1")
    timings = []
    for text in turns():
        started = time.perf_counter()
        result = engine.handle(key, Turn(user="U1", text=text))
        timings.append((time.perf_counter() - started) * 1000)
        assert result is not None and not result.reply.errors, (text, result.reply.errors)
    final = store.load(key).journey_map  # type: ignore[union-attr]
    assert len(final.touchpoints) == TOUCHPOINTS and len(final.stages) == STAGES
    return timings


def report(name: str, timings: list[float]) -> None:
    cuts = statistics.quantiles(timings, n=100)
    print(
        f"{name:10s} turns={len(timings):4d}  p50={cuts[49]:6.2f} ms  p95={cuts[94]:6.2f} ms  "
        f"max={max(timings):6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = MapStore(
            create_db_engine(f"sqlite:///{tmp}/bench.db"), JourneyMap.model_validate_json
        )
        measure(store)  # warm-up: imports, caches
        report("sqlite", measure(store))
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(args.postgres)
    try:
        with admin.begin() as conn:
            conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    except sa.exc.OperationalError:
        print("postgres   not reachable; skipped")
        return
    try:
        store = MapStore(
            create_db_engine(f"{args.postgres}?options=-csearch_path%3D{schema}"),
            JourneyMap.model_validate_json,
        )
        measure(store)
        report("postgres", measure(store))
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
