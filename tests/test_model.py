from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.model import JourneyMap, map_json_schema
from bot.samples import large_map, sample_map


def test_json_round_trip_is_lossless() -> None:
    for m in (sample_map(), large_map()):
        assert JourneyMap.model_validate_json(m.model_dump_json()) == m


def test_schema_describes_the_map() -> None:
    schema = map_json_schema()
    assert schema["title"] == "JourneyMap"
    assert {"scope", "stages", "touchpoints", "kpis"} <= set(schema["properties"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["touchpoints"][0].update(stage_id="stage-99"), "unknown stage"),
        (lambda d: d["pain_points"][0].update(touchpoint_id="tp-99"), "unknown touchpoint"),
        (lambda d: d["kpis"][0].update(pain_point_id="pain-99"), "unknown pain point"),
        (lambda d: d["emotions"].append(dict(d["emotions"][0])), "more than one emotion"),
        (lambda d: d["stages"][1].update(id=d["stages"][0]["id"]), "duplicate ids"),
        (lambda d: d["emotions"][0].update(score=3), "less than or equal to 2"),
        (lambda d: d.update(surprise=1), "Extra inputs"),
    ],
)
def test_references_and_values_are_validated(change, message: str) -> None:
    data = sample_map().model_dump(mode="json")
    change(data)
    with pytest.raises(ValidationError, match=message):
        JourneyMap.model_validate(data)


def test_dependents_of_a_stage() -> None:
    m = sample_map()
    apply_stage = m.stage_named("Apply")
    assert apply_stage is not None
    found = m.dependents_of("stage", apply_stage.id)
    assert any("Online application form" in f for f in found)
    assert any("same documents" in f for f in found)
