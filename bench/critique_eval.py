"""Precision and recall of the critique against the flaws planted in tests/critique/corpus/.

Each map `<name>.json` has a sidecar `<name>.planted.json`: the day to critique it on, and the
flaws written into it on purpose (rule id, the items it concerns, how it was planted). A rule
firing where no flaw was planted counts against precision. Two levels are reported: rule ids
per map (the target), and findings per item (rule id and item id) as a stricter check.

Usage: python bench/critique_eval.py
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.critique import critique
from bot.model import JourneyMap

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "critique" / "corpus"

Key = tuple[str, str, str | None]  # map, rule id, item id


@dataclass
class Case:
    name: str
    journey_map: JourneyMap
    now: datetime
    planted: set[Key]


def load_corpus(folder: Path = CORPUS) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.planted.json")):
        name = path.name.removesuffix(".planted.json")
        sidecar = json.loads(path.read_text())
        planted = {
            (name, entry["rule_id"], item)
            for entry in sidecar["planted"]
            for item in entry["item_ids"]
        }
        journey_map = JourneyMap.model_validate_json((folder / f"{name}.json").read_text())
        cases.append(Case(name, journey_map, datetime.fromisoformat(sidecar["now"]), planted))
    return cases


def found(case: Case) -> set[Key]:
    result = critique(case.journey_map, now=case.now)
    return {(case.name, f.rule_id, f.where.item_id) for f in result.findings}


def precision_recall(planted: set, found_: set) -> tuple[float, float]:
    hits = len(planted & found_)
    precision = hits / len(found_) if found_ else 1.0
    recall = hits / len(planted) if planted else 1.0
    return precision, recall


def _rules(keys: set[Key]) -> set[tuple[str, str]]:
    return {(name, rule) for name, rule, _ in keys}


def main() -> None:
    cases = load_corpus()
    planted: set[Key] = set().union(*(c.planted for c in cases))
    got: set[Key] = set().union(*(found(c) for c in cases))
    flawed = sum(1 for c in cases if c.planted)
    print(f"{len(cases)} maps ({flawed} with planted flaws), {len(_rules(planted))} planted flaws")
    for label, p, f in (
        ("rule ids per map", _rules(planted), _rules(got)),
        ("findings per item", planted, got),
    ):
        precision, recall = precision_recall(p, f)
        print(f"  {label:<18} precision {precision:6.1%}  recall {recall:6.1%}")
    for name, rule, item in sorted(got - planted, key=str):
        print(f"  unplanted: {name} {rule} {item or ''}")
    for name, rule, item in sorted(planted - got, key=str):
        print(f"  missed:    {name} {rule} {item or ''}")


if __name__ == "__main__":
    main()
