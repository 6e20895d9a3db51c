"""CSV and XLSX: one row per touchpoint, pain points linked, formulas neutralised."""

from __future__ import annotations

import pytest

from bot.exports import ExportExtras, export
from bot.exports.tabular import TOUCHPOINT_HEADER
from bot.model import JourneyMap

from .conftest import INJECTIONS
from .readers import csv_rows, workbook


def test_csv_has_one_row_per_touchpoint(sample: JourneyMap) -> None:
    file = export(sample, "csv")
    assert file.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = csv_rows(file)
    assert list(rows[0]) == list(TOUCHPOINT_HEADER)
    assert [r["Touchpoint"] for r in rows] == [t.description for t in sample.touchpoints]
    first = rows[0]
    assert first["Stage"] == "Dream" and first["Channel"] == "website"
    assert first["Customer action"] == "Tries three deposit amounts"
    assert first["Owner"] == "Digital"
    assert (first["Emotion score"], first["Emotion"]) == ("1", "hopeful")


def test_pains_on_a_touchpoint_or_on_its_whole_stage(sample: JourneyMap) -> None:
    rows = {r["Touchpoint"]: r["Pain points"] for r in csv_rows(export(sample, "csv"))}
    assert rows["Document request email"] == "Asked for the same documents several times"
    assert rows["Online application form"] == "No way to see where the application stands"
    assert rows["Advisor call"] == ""
    # not anchored to a touchpoint: it concerns every touchpoint of its stage
    assert rows["Rate comparison on a broker site"] == "Fees are hard to compare between lenders"
    assert rows["Mortgage rates page"] == "Fees are hard to compare between lenders"


def test_a_stage_without_touchpoints_keeps_a_row(sample: JourneyMap) -> None:
    stage = sample.stages[0]
    sample.touchpoints = [t for t in sample.touchpoints if t.stage_id != stage.id]
    rows = csv_rows(export(sample, "csv"))
    assert rows[0]["Stage"] == "Dream" and rows[0]["Touchpoint"] == ""
    assert rows[0]["Emotion"] == "hopeful"


def test_csv_neutralises_formulas(hostile: JourneyMap) -> None:
    cells = [value for row in csv_rows(export(hostile, "csv")) for value in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "@")) or c.startswith("-3")]
    assert '\'=HYPERLINK("http://evil")' in cells and "'+1+2" in cells


def test_xlsx_sheets_header_and_rows(sample: JourneyMap) -> None:
    book = workbook(export(sample, "xlsx"))
    assert book.sheetnames == ["Journey", "KPIs and actions"]
    sheet = book["Journey"]
    assert [c.value for c in sheet[1]] == list(TOUCHPOINT_HEADER)
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert sheet.max_row == 1 + len(sample.touchpoints)
    assert sheet["C2"].value == "Affordability calculator"
    assert sheet["G2"].value == 1  # the score stays a number
    assert 8 <= sheet.column_dimensions["C"].width <= 60


def test_xlsx_kpis_and_actions(sample: JourneyMap) -> None:
    values = [
        [c.value for c in row if c.value is not None]
        for row in workbook(export(sample, "xlsx"))["KPIs and actions"].iter_rows()
    ]
    assert ["KPIs"] in values and ["Actions"] in values
    assert [
        "Application drop-out rate",
        "Started applications not submitted within 30 days",
        "38%",
        "19%",
        "Head of lending",
        "Apply",
    ] in values
    assert any(row[:2] == ["Add an application tracker to the app", "Digital"] for row in values)


def test_xlsx_scorecard_sheet_when_given(sample: JourneyMap, extras: ExportExtras) -> None:
    sheet = workbook(export(sample, "xlsx", extras))["Scorecard"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Scope", 81] in rows and ["Overall", 64] in rows
    assert ["Add evidence to the Apply stage", None] in rows


@pytest.mark.parametrize("sheet", ["Journey", "KPIs and actions"])
def test_xlsx_cells_are_strings_never_formulas(hostile: JourneyMap, sheet: str) -> None:
    cells = [c for row in workbook(export(hostile, "xlsx"))[sheet].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
    if sheet == "Journey":
        assert {f"'{text}" for text in INJECTIONS} <= set(texts)
