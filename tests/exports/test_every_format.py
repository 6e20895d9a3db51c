"""Every format copes with a big map, a near-empty map and hostile, non-Latin text."""

from __future__ import annotations

import pytest

from bot.exports import FORMATS, export
from bot.model import JourneyMap


@pytest.mark.parametrize("fmt", FORMATS)
def test_large_map_exports(fmt: str, large: JourneyMap) -> None:
    file = export(large, fmt)
    assert len(file.content) > 1000


@pytest.mark.parametrize("fmt", FORMATS)
def test_title_only_map_exports(fmt: str, title_only: JourneyMap) -> None:
    assert export(title_only, fmt).content


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_map_exports(fmt: str, hostile: JourneyMap) -> None:
    assert export(hostile, fmt).content


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_do_not_break_a_format(fmt: str, sample: JourneyMap) -> None:
    sample.touchpoints[0].description = "Bell\x07 and null\x00 and escape\x1b"
    assert export(sample, fmt).content
