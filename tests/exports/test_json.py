"""JSON: our own schema, re-imported without loss."""

from __future__ import annotations

from bot.exports import export
from bot.model import JourneyMap


def test_round_trip_gives_an_equal_map(sample: JourneyMap) -> None:
    file = export(sample, "json")
    assert JourneyMap.model_validate_json(file.content) == sample
    assert file.mime_type == "application/json"


def test_round_trip_of_hostile_and_large_maps(hostile: JourneyMap, large: JourneyMap) -> None:
    for journey_map in (hostile, large):
        restored = JourneyMap.model_validate_json(export(journey_map, "json").content)
        assert restored == journey_map


def test_non_ascii_text_is_kept_as_is(hostile: JourneyMap) -> None:
    assert "顧客" in export(hostile, "json").content.decode()
