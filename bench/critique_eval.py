"""How well the critique does on maps written the way teams paste and export them.

Reads every map in tests/critique/real_corpus/ (Markdown, CSV, TSV, XLSX, our JSON) through the
importer, critiques it, and compares both with the map's sidecar `NAME.expect.json`, written
before the importers and rules were tuned (see that folder's README):

- import fidelity: items in the file read right (same kind, stage, text, channel, owner,
  baseline, target, score) over the items the sidecar lists; a refused file reads nothing;
- recall and precision of findings, per map and rule id (one finding per problem);
- blocker and major findings on the clean controls (target 0);
- the score gap between clean controls and maps with a planted blocker or major flaw.

Every figure is printed for all maps and for the held-out share, which was never tuned on.
The older corpus of JSON maps (tests/critique/corpus/) is scored too, by rule id per map.

Usage: python bench/critique_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.critique import Critique, Severity, critique
from bot.critique.imports import ImportProblem, read_map
from bot.critique.rules import RULES
from bot.critique.words import NO_CHANNEL
from bot.model import Anchored, JourneyMap

ROOT = Path(__file__).resolve().parent.parent
REAL_CORPUS = ROOT / "tests" / "critique" / "real_corpus"
JSON_CORPUS = ROOT / "tests" / "critique" / "corpus"
MAP_SUFFIXES = {".md", ".csv", ".tsv", ".xlsx", ".json"}
SEVERITY = {rule.id: rule.severity for rule in RULES}


@dataclass
class Case:
    name: str
    path: Path
    kind: str
    held_out: bool
    now: datetime
    items: dict[str, list[str]]
    planted: list[dict[str, str]]

    @property
    def planted_rules(self) -> set[str]:
        return {entry["rule_id"] for entry in self.planted}

    @property
    def seriously_flawed(self) -> bool:
        return any(
            SEVERITY.get(rule) in (Severity.BLOCKER, Severity.MAJOR) for rule in self.planted_rules
        )


@dataclass
class Result:
    case: Case
    journey_map: JourneyMap | None
    refused: str
    critique: Critique | None
    read_right: int = 0
    misread: list[str] = field(default_factory=list)

    @property
    def found_rules(self) -> set[str]:
        return self.critique.rule_ids if self.critique else set()

    @property
    def items_in_file(self) -> int:
        return sum(len(values) for values in self.case.items.values())


def load_cases(folder: Path = REAL_CORPUS) -> list[Case]:
    cases = []
    for sidecar in sorted(folder.glob("*.expect.json")):
        name = sidecar.name.removesuffix(".expect.json")
        paths = [p for p in folder.glob(f"{name}.*") if p.suffix in MAP_SUFFIXES and p != sidecar]
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        cases.append(
            Case(
                name=name,
                path=paths[0],
                kind=data["kind"],
                held_out=data["split"] == "held_out",
                now=datetime.fromisoformat(data["now"]).replace(tzinfo=UTC),
                items=data["items"],
                planted=data["planted"],
            )
        )
    return cases


def run(case: Case) -> Result:
    try:
        imported = read_map(case.path.read_bytes(), case.path.name)
    except ImportProblem as problem:
        result = Result(case, None, problem.message, None)
        result.misread = [f"{kind}: {item}" for kind, items in case.items.items() for item in items]
        return result
    journey_map = imported.map
    found = critique(journey_map, now=case.now, item_evidence=imported.item_evidence)
    result = Result(case, journey_map, "", found)
    for kind, items in case.items.items():
        for item in items:
            if _read_right(journey_map, kind, item):
                result.read_right += 1
            else:
                result.misread.append(f"{kind}: {item}")
    return result


# --- fidelity ------------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})


def norm(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).casefold().split())
    return text.strip(" .\"'")


def _read_right(m: JourneyMap, kind: str, item: str) -> bool:
    parts = [part.strip() for part in item.split("|")]
    stage_ids = {norm(s.name): s.id for s in m.stages}
    if kind == "stage":
        return norm(item) in stage_ids
    if kind == "persona":
        return norm(item) in {norm(p.name) for p in m.personas}
    if kind == "scope":
        return bool(m.owner) if item == "owner" else bool(getattr(m.scope, item, ""))
    if kind == "kpi":
        name, baseline, target, owner = (parts + ["", "", ""])[:4]
        return any(
            (norm(k.name), norm(k.baseline), norm(k.target), norm(k.owner))
            == (norm(name), norm(baseline), norm(target), norm(owner))
            for k in m.kpis
        )
    stage_id = stage_ids.get(norm(parts[0]))
    if stage_id is None:
        return False
    text = norm(parts[1])
    extra = norm(parts[2]) if len(parts) > 2 else ""
    if kind == "touchpoint":
        return any(
            norm(t.description) == text and _channel(t.channel) == extra
            for t in m.touchpoints_in(stage_id)
        )
    if kind in ("doing", "thinking"):
        attribute = "customer_action" if kind == "doing" else "customer_thought"
        return any(text in norm(getattr(t, attribute)) for t in m.touchpoints_in(stage_id))
    if kind == "emotion":
        emotion = m.emotion_for(stage_id)
        return emotion is not None and emotion.score == int(parts[1])
    if kind == "action":
        return any(
            a.stage_id == stage_id and norm(a.description) == text and norm(a.owner) == extra
            for a in m.actions
        )
    anchored: dict[str, list[Anchored]] = {
        "pain": list(m.pain_points),
        "delight": list(m.delight_points),
        "moment": list(m.moments_of_truth),
    }
    if kind in anchored:
        return any(norm(i.text) == text for i in anchored[kind] if i.stage_id == stage_id)
    raise ValueError(f"unknown item kind {kind!r} in a sidecar")


def _channel(channel: str) -> str:
    """A channel written as none on purpose is listed without one in the sidecars."""
    return "" if channel == NO_CHANNEL else norm(channel)


# --- figures -------------------------------------------------------------------------------


@dataclass
class Figures:
    maps: int
    refused: int
    fidelity: float
    recall: float
    precision: float
    clean_blocker_major: int
    clean_mean: float
    clean_min: int
    flawed_mean: float
    flawed_max: int

    @property
    def gap(self) -> float:
        return self.clean_mean - self.flawed_mean


def figures(results: list[Result]) -> Figures:
    planted = {(r.case.name, rule) for r in results for rule in r.case.planted_rules}
    found = {(r.case.name, rule) for r in results for rule in r.found_rules}
    hits = len(planted & found)
    clean = [r for r in results if r.case.kind == "clean"]
    flawed = [r for r in results if r.case.seriously_flawed]
    clean_scores = [r.critique.overall if r.critique else 0 for r in clean]
    flawed_scores = [r.critique.overall if r.critique else 0 for r in flawed]
    return Figures(
        maps=len(results),
        refused=sum(1 for r in results if r.refused),
        fidelity=sum(r.read_right for r in results) / max(1, sum(r.items_in_file for r in results)),
        recall=hits / len(planted) if planted else 1.0,
        precision=hits / len(found) if found else 1.0,
        clean_blocker_major=sum(
            1
            for r in clean
            if r.critique
            for f in r.critique.findings
            if f.severity in (Severity.BLOCKER, Severity.MAJOR)
        ),
        clean_mean=statistics.mean(clean_scores) if clean_scores else 0.0,
        clean_min=min(clean_scores, default=0),
        flawed_mean=statistics.mean(flawed_scores) if flawed_scores else 0.0,
        flawed_max=max(flawed_scores, default=0),
    )


def _print(label: str, f: Figures) -> None:
    print(
        f"{label:<9} {f.maps:>2} maps ({f.refused} refused)  fidelity {f.fidelity:6.1%}  "
        f"recall {f.recall:6.1%}  precision {f.precision:6.1%}  "
        f"blocker+major on clean {f.clean_blocker_major}  "
        f"score clean {f.clean_mean:.0f} (min {f.clean_min}) vs flawed {f.flawed_mean:.0f} "
        f"(max {f.flawed_max}): gap {f.gap:.0f}"
    )


def json_corpus_figures() -> tuple[float, float]:
    """Precision and recall by rule id per map on the older corpus of our own JSON maps."""
    planted: set[tuple[str, str]] = set()
    found: set[tuple[str, str]] = set()
    for sidecar in sorted(JSON_CORPUS.glob("*.planted.json")):
        name = sidecar.name.removesuffix(".planted.json")
        data = json.loads(sidecar.read_text())
        journey_map = JourneyMap.model_validate_json((JSON_CORPUS / f"{name}.json").read_text())
        planted |= {(name, entry["rule_id"]) for entry in data["planted"]}
        now = datetime.fromisoformat(data["now"])
        found |= {(name, rule) for rule in critique(journey_map, now=now).rule_ids}
    hits = len(planted & found)
    return hits / max(1, len(found)), hits / max(1, len(planted))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="List every miss per map.")
    parser.add_argument(
        "--tuning-only",
        action="store_true",
        help="Run and show only the tuning share (while tuning, never look at the held-out maps).",
    )
    args = parser.parse_args()
    cases = [c for c in load_cases() if not (args.tuning_only and c.held_out)]
    results = [run(case) for case in cases]
    if not args.tuning_only:
        _print("all", figures(results))
        _print("held-out", figures([r for r in results if r.case.held_out]))
    _print("tuned-on", figures([r for r in results if not r.case.held_out]))
    precision, recall = json_corpus_figures()
    print(f"JSON corpus (tests/critique/corpus): precision {precision:6.1%}  recall {recall:6.1%}")
    for r in results:
        missed = r.case.planted_rules - r.found_rules
        unplanted = r.found_rules - r.case.planted_rules
        score = r.critique.overall if r.critique else "-"
        flag = " [held out]" if r.case.held_out else ""
        print(
            f"  {r.case.name:<40}{flag:<11} {r.case.kind:<8} score {score!s:>3}  "
            f"read {r.read_right}/{r.items_in_file}  missed {len(missed)}  "
            f"unplanted {len(unplanted)}" + (f"  REFUSED: {r.refused[:90]}" if r.refused else "")
        )
        if args.verbose:
            for rule in sorted(missed):
                print(f"      missed    {rule}")
            for rule in sorted(unplanted):
                print(f"      unplanted {rule}")
            for item in r.misread[:12]:
                print(f"      misread   {item}")
            if len(r.misread) > 12:
                print(f"      … and {len(r.misread) - 12} more misread")


if __name__ == "__main__":
    main()
