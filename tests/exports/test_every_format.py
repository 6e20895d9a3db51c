"""Every format copes with a big map, a near-empty map and hostile, non-Latin text: each file is
opened with an independent reader and must say what the map says."""

from __future__ import annotations

import pytest

from bot.exports import FORMATS, export
from bot.model import JourneyMap

from .readers import csv_rows, png_size, readable_text, squeeze, workbook

TEXT_FORMATS = [fmt for fmt in FORMATS if fmt != "png"]
PICTURES = ["svg"]  # one canvas page: text wraps into lines, so a long item is read by its start
TABLES = ["csv", "xlsx"]  # one row per touchpoint: the title is in the file name only


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_large_map_exports_every_stage_and_the_last_touchpoint(fmt: str, large: JourneyMap) -> None:
    text = squeeze(readable_text(export(large, fmt)))
    for stage in large.stages:
        assert squeeze(stage.name) in text, stage.name
    last = large.touchpoints[-1].description
    assert squeeze(last[:20] if fmt in PICTURES else last) in text


def test_large_map_picture_is_big_enough(large: JourneyMap) -> None:
    width, height = png_size(export(large, "png"))
    assert width >= 1000 and height >= 1000


@pytest.mark.parametrize("fmt", [fmt for fmt in TEXT_FORMATS if fmt not in TABLES])
def test_title_only_map_exports_its_title(fmt: str, title_only: JourneyMap) -> None:
    assert squeeze(title_only.title) in squeeze(readable_text(export(title_only, fmt)))


@pytest.mark.parametrize("fmt", TABLES)
def test_title_only_map_is_a_table_with_headers_and_no_rows(
    fmt: str, title_only: JourneyMap
) -> None:
    file = export(title_only, fmt)
    if fmt == "csv":  # one long table: the only fact is the map's title
        assert [(r["Stage"], r["Lane"], r["Item"], r["Details"]) for r in csv_rows(file)] == [
            ("", "Map", "Title", title_only.title)
        ]
    else:
        touchpoints = workbook(file)["Touchpoints"]
        assert [c.value for c in touchpoints[1]][:3] == ["Stage", "Touchpoint", "Channel"]
        assert touchpoints.max_row == 1  # the header row alone


def test_title_only_map_is_still_a_picture(title_only: JourneyMap) -> None:
    width, height = png_size(export(title_only, "png"))
    assert width > 0 and height > 0


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_hostile_map_keeps_its_non_latin_text(fmt: str, hostile: JourneyMap) -> None:
    text = readable_text(export(hostile, fmt))
    for word in ("Café", "顧客"):
        assert word in text, word
    assert len(text.splitlines()) > 3


def test_hostile_map_is_still_a_picture(hostile: JourneyMap) -> None:
    width, height = png_size(export(hostile, "png"))
    assert width > 0 and height > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_do_not_break_a_format(fmt: str, sample: JourneyMap) -> None:
    sample.touchpoints[0].description = "Bell\x07 and null\x00 and escape\x1b"
    file = export(sample, fmt)
    if fmt == "png":
        assert png_size(file) == png_size(export(sample.model_copy(update={}), "png"))
        return
    text = readable_text(file)  # the reader still opens the file and finds the text around
    assert squeeze(sample.stages[0].name) in squeeze(text)
    assert "Bell" in text and "escape" in text
