"""The corpus of flawed maps loads, and the critique finds every flaw planted in it.

bench/critique_eval.py prints the full precision and recall; this keeps recall at 100% and
precision at the 90% target."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from bot.critique import RULES, critique
from bot.model import JourneyMap

CORPUS = Path(__file__).parent / "corpus"
SIDECARS = sorted(CORPUS.glob("*.planted.json"))
RULE_IDS = {rule.id for rule in RULES}


def _case(sidecar: Path) -> tuple[JourneyMap, datetime, list[dict]]:
    data = json.loads(sidecar.read_text())
    name = sidecar.name.removesuffix(".planted.json")
    journey_map = JourneyMap.model_validate_json((CORPUS / f"{name}.json").read_text())
    return journey_map, datetime.fromisoformat(data["now"]), data["planted"]


def test_the_corpus_has_enough_flawed_maps_in_varied_domains() -> None:
    flawed = [s for s in SIDECARS if _case(s)[2]]
    assert len(flawed) >= 15
    assert {p.name.removesuffix(".planted.json") for p in SIDECARS} == {
        p.stem for p in CORPUS.glob("*.json") if not p.name.endswith(".planted.json")
    }


@pytest.mark.parametrize("sidecar", SIDECARS, ids=lambda p: p.name.removesuffix(".planted.json"))
def test_every_planted_flaw_is_found(sidecar: Path) -> None:
    journey_map, now, planted = _case(sidecar)
    assert {entry["rule_id"] for entry in planted} <= RULE_IDS
    findings = {
        (f.rule_id, place.item_id)
        for f in critique(journey_map, now=now).findings
        for place in f.places
    }
    expected = {(entry["rule_id"], item) for entry in planted for item in entry["item_ids"]}
    assert expected <= findings, f"missed: {sorted(expected - findings, key=str)}"


def test_precision_over_the_corpus_meets_the_target() -> None:
    planted: set[tuple[str, str]] = set()
    found: set[tuple[str, str]] = set()
    for sidecar in SIDECARS:
        journey_map, now, entries = _case(sidecar)
        planted |= {(sidecar.name, entry["rule_id"]) for entry in entries}
        found |= {(sidecar.name, rule) for rule in critique(journey_map, now=now).rule_ids}
    assert len(planted & found) / len(found) >= 0.9, sorted(found - planted)
