"""CSV: one long table that pivots, nothing repeated. XLSX: a sheet per view, the Map laid out
like the canvas. Formulas neutralised everywhere."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.exports import ExportExtras, export
from bot.exports.tabular import LONG_HEADER, TOUCHPOINT_HEADER
from bot.model import JourneyMap

from .conftest import INJECTIONS
from .readers import csv_rows, workbook

SHEETS = ["Map", "Touchpoints", "Pains & actions", "KPIs", "Persona & scope", "Data"]


def lanes(rows: list[dict[str, str]], lane: str) -> list[dict[str, str]]:
    return [r for r in rows if r["Lane"] == lane]


def test_csv_is_one_long_table_with_every_part_of_the_map(sample: JourneyMap) -> None:
    file = export(sample, "csv")
    assert file.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = csv_rows(file)
    assert list(rows[0]) == list(LONG_HEADER)
    counts = Counter(r["Lane"] for r in rows)
    assert counts["Touchpoint"] == len(sample.touchpoints)
    assert counts["Pain point"] == len(sample.pain_points)
    assert counts["Delight"] == len(sample.delight_points)
    assert counts["Moment of truth"] == len(sample.moments_of_truth)
    assert counts["Action"] == len(sample.actions) and counts["KPI"] == len(sample.kpis)
    assert counts["Emotion"] == len(sample.emotions) and counts["Stage"] == len(sample.stages)
    assert {"Scope", "Persona", "Persona goal"} <= set(counts)
    first = lanes(rows, "Touchpoint")[0]
    assert (first["Stage"], first["Item"], first["Details"], first["Owner"]) == (
        "Dream",
        "Affordability calculator",
        "website",
        "Digital",
    )
    hopeful = lanes(rows, "Emotion")[0]
    assert (hopeful["Item"], hopeful["Score"]) == ("hopeful", "1")


def test_csv_repeats_no_row(sample: JourneyMap) -> None:
    rows = [tuple(r.values()) for r in csv_rows(export(sample, "csv"))]
    assert len(rows) == len(set(rows))
    pains = [r for r in rows if r[1] == "Pain point"]
    assert len(pains) == len({r[2] for r in pains})  # each pain once, not once per touchpoint


def test_pains_name_their_touchpoint_and_actions_their_owner(sample: JourneyMap) -> None:
    rows = csv_rows(export(sample, "csv"))
    pains = {r["Item"]: r for r in lanes(rows, "Pain point")}
    assert pains["Asked for the same documents several times"]["Details"] == (
        "Document request email"
    )
    assert pains["Fees are hard to compare between lenders"]["Details"] == ""  # whole stage
    action = lanes(rows, "Action")[0]
    assert action["Owner"] and action["Stage"]


def test_a_stage_without_touchpoints_keeps_its_row(sample: JourneyMap) -> None:
    stage = sample.stages[0]
    sample.touchpoints = [t for t in sample.touchpoints if t.stage_id != stage.id]
    rows = [r for r in csv_rows(export(sample, "csv")) if r["Stage"] == "Dream"]
    assert [r["Lane"] for r in rows][:2] == ["Stage", "Emotion"]


def test_csv_neutralises_formulas(hostile: JourneyMap) -> None:
    cells = [value for row in csv_rows(export(hostile, "csv")) for value in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "@")) or c.startswith("-3")]
    assert '\'=HYPERLINK("http://evil")' in cells and "'+1+2" in cells


def test_xlsx_sheets(sample: JourneyMap) -> None:
    book = workbook(export(sample, "xlsx"))
    assert book.sheetnames == SHEETS
    touchpoints = book["Touchpoints"]
    assert [c.value for c in touchpoints[1]] == list(TOUCHPOINT_HEADER)
    assert touchpoints.max_row == 1 + len(sample.touchpoints)
    assert touchpoints["B2"].value == "Affordability calculator"
    assert touchpoints["C2"].value == "website" and touchpoints["D2"].value == "Digital"
    assert touchpoints["G2"].value == 1  # the score stays a number
    assert touchpoints.freeze_panes == "A2" and touchpoints.auto_filter.ref


def test_xlsx_map_sheet_is_laid_out_like_the_canvas(sample: JourneyMap) -> None:
    sheet = workbook(export(sample, "xlsx"))["Map"]
    assert sheet["A1"].value == "First-time mortgage buyers"
    assert sheet["A3"].value.startswith("Maya, first-time buyer — goal: Buy a two-bedroom flat")
    assert "Journey: They start wondering" in sheet["A3"].value
    assert [c.value for c in sheet[4]] == [
        "Lane",
        "Dream",
        "Compare",
        "Apply",
        "Approval",
        "Move in",
    ]
    rows = {row[0].value: [c.value for c in row[1:]] for row in sheet.iter_rows(min_row=5)}
    assert {"Touchpoints", "Emotion", "Pain points", "Delights", "Moments of truth"} <= set(rows)
    assert rows["Emotion"][0].startswith("hopeful (+1)\n“We finally think")
    assert rows["Emotion"][2].startswith("anxious (−2)")  # a minus sign
    assert "Online application form — website" in rows["Touchpoints"][2]
    assert sheet.freeze_panes == "B5"
    assert rows["KPIs"][0] == "Application drop-out rate\n38% → 19%\nOwner: Head of lending\nApply"


def test_xlsx_pains_actions_kpis_persona_and_scope(sample: JourneyMap) -> None:
    book = workbook(export(sample, "xlsx"))

    def values(name: str) -> list[list[object]]:
        return [[c.value for c in row if c.value is not None] for row in book[name].iter_rows()]

    pains = values("Pains & actions")
    assert [
        "Delight",
        "Approval",
        "Approval call",
        "Advisor calls personally with the decision",
    ] in pains
    assert any(row[:2] == ["Add an application tracker to the app", "Digital"] for row in pains)
    kpis = values("KPIs")
    assert [
        "Application drop-out rate",
        "Started applications not submitted within 30 days",
        "38%",
        "19%",
        "Head of lending",
        "Apply",
    ] in kpis
    persona = values("Persona & scope")
    assert ["Scenario", "A couple buys their first flat with a 10% deposit."] in persona
    assert any(row[:1] == ["Maya, first-time buyer"] for row in persona)


def test_xlsx_critique_sheet_only_when_given(sample: JourneyMap, extras: ExportExtras) -> None:
    assert "Critique" not in workbook(export(sample, "xlsx")).sheetnames
    sheet = workbook(export(sample, "xlsx", extras))["Critique"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Scope", 81] in rows and ["Overall", 64] in rows
    assert ["Add evidence to the Apply stage", None] in rows


@pytest.mark.parametrize("sheet", SHEETS)
def test_xlsx_cells_are_strings_never_formulas(hostile: JourneyMap, sheet: str) -> None:
    cells = [c for row in workbook(export(hostile, "xlsx"))[sheet].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
    if sheet in {"Touchpoints", "Data"}:
        assert {f"'{text}" for text in INJECTIONS} <= set(texts)
