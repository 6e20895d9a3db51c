"""The LLM path's own overhead per turn, beyond the model's latency (target: under 20 ms).

Runs the real langchain-openai client against the loopback OpenAI stub of tests/llm and, per
call, subtracts the time the stub spent handling the request from the time the call took.
Rows: `bare` (a tool call) and `bare_text` are langchain + the OpenAI client + HTTP alone,
prompt ready; `propose` and `answer` are the assistant's whole path (prompt files, framing,
budget check and record in SQLite, deadline thread, retries wrapper, output checks, proposal
validation); `propose_m` keeps usage in memory instead, to show what the SQLite write costs.
Usage: python bench/llm_overhead.py [--calls 300]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_openai import ChatOpenAI  # noqa: E402

from bot.engine.edits import AddStage, AddTouchpoint, apply_edits  # noqa: E402
from bot.llm import LangchainAssistant, MemoryUsageStore, SqlUsageStore  # noqa: E402
from bot.llm.factory import client_options  # noqa: E402
from bot.llm.schema import MAP_ITEMS_TOOL  # noqa: E402
from bot.model import JourneyMap, Step  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.types import Passage  # noqa: E402
from prompts import load_prompt  # noqa: E402
from storage import MapStore, create_db_engine  # noqa: E402
from tests.llm.openai_stub import OpenAIStub  # noqa: E402

PROSE = (
    "People usually find us through friends, then they check reviews on Google. Most book a "
    "viewing by phone, and they hate waiting for the agent to call back."
)
READING = {
    "touchpoints": [
        {"stage": "Stage 1", "description": "Friends' advice", "channel": "word of mouth"},
        {"stage": "Stage 1", "description": "Google reviews", "channel": "review site"},
        {"stage": "Stage 2", "description": "Viewing booked by phone", "channel": "phone"},
    ],
    "pain_points": [{"stage": "Stage 2", "text": "Waiting for a call back"}],
    "emotions": [{"stage": "Stage 2", "score": -1, "label": "impatient"}],
}
PASSAGES = [
    Passage(guide_id=f"g{n}", title=f"Guide {n}", heading="How", text="Some guidance. " * 60)
    for n in range(3)
]


def big_map() -> JourneyMap:
    edits: list[Any] = [AddStage(name=f"Stage {n}") for n in range(1, 13)]
    edits += [
        AddTouchpoint(stage=f"Stage {n % 12 + 1}", description=f"Touchpoint {n}") for n in range(60)
    ]
    return apply_edits(JourneyMap(title="Bench"), edits)[0]


TOOL_ROWS = {"bare", "propose", "propose_m"}  # the rows the stub answers with a tool call, not text


def overhead_of(stub: OpenAIStub, name: str, call: Callable[[], object]) -> float:
    """Milliseconds the call took beyond the stub's own handling of its request."""
    answer = READING if name in TOOL_ROWS else None
    stub.push(stub.tool_call(answer) if answer else stub.text("Decide (Source: Guide 1)."))
    started = time.perf_counter()
    call()
    total = time.perf_counter() - started
    return (total - stub.handling_seconds[-1]) * 1000


def report(name: str, overheads: list[float]) -> None:
    cuts = statistics.quantiles(overheads, n=100)
    print(f"{name:9s} calls={len(overheads):4d}  p50={cuts[49]:6.2f} ms  p95={cuts[94]:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    journey_map = big_map()
    with OpenAIStub() as stub, tempfile.TemporaryDirectory() as tmp:
        model = ChatOpenAI(
            model="gpt-4o-mini",
            base_url=stub.base_url,
            api_key="test",  # type: ignore[arg-type]
            **client_options("openai", 10),
        )
        store = MapStore(
            create_db_engine(f"sqlite:///{tmp}/bench.db"), JourneyMap.model_validate_json
        )
        settings = Settings(_env_file=None, llm_daily_token_budget=10**12)  # type: ignore[call-arg]
        assistant = LangchainAssistant(model, settings, SqlUsageStore(store.engine))
        in_memory = LangchainAssistant(model, settings, MemoryUsageStore())
        extractor = model.with_structured_output(MAP_ITEMS_TOOL, method="function_calling")
        messages = load_prompt("extract_map_items").format_messages(
            step="Touchpoints", channels="web", map="Stages: Stage 1", answer=PROSE
        )
        rows: dict[str, Callable[[], object]] = {
            "bare": lambda: extractor.invoke(messages),
            "bare_text": lambda: model.invoke(messages),
            "propose": lambda: assistant.propose(journey_map, Step.TOUCHPOINTS, PROSE, "T1"),
            "propose_m": lambda: in_memory.propose(journey_map, Step.TOUCHPOINTS, PROSE, "T1"),
            "answer": lambda: assistant.answer("What is a moment of truth?", PASSAGES, "T1"),
        }
        results: dict[str, list[float]] = {name: [] for name in rows}
        for n in range(args.calls + 20):  # rows interleaved, so machine noise hits them alike
            for name, call in rows.items():
                overhead = overhead_of(stub, name, call)
                if n >= 20:  # the first rounds warm up imports, connections and caches
                    results[name].append(overhead)
        for name, overheads in results.items():
            report(name, overheads)
        for row, bare in (("propose", "bare"), ("propose_m", "bare"), ("answer", "bare_text")):
            ours = statistics.median(results[row]) - statistics.median(results[bare])
            print(f"the assistant's own share of {row} (p50 {row} - p50 {bare}): {ours:.2f} ms")


if __name__ == "__main__":
    main()
