"""Markdown: the sections in order, the grid as a table, and all user text escaped."""

from __future__ import annotations

from bot.exports import ExportExtras, export
from bot.model import JourneyMap


def markdown(journey_map: JourneyMap, extras: ExportExtras | None = None) -> str:
    return export(journey_map, "markdown", extras).content.decode()


def test_sections_come_in_order(sample: JourneyMap) -> None:
    text = markdown(sample)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Scope",
        "## Personas",
        "## Journey map",
        "## Emotion curve",
        "## Pain points, delights and moments of truth",
        "## Evidence",
        "## KPIs",
        "## Actions",
        "## Journey diagram",
    ]
    assert text.startswith("# First\\-time mortgage buyers\n")


def test_grid_has_stages_as_columns_and_lanes_as_rows(sample: JourneyMap) -> None:
    lines = markdown(sample).splitlines()
    header = next(line for line in lines if line.startswith("|  | Dream"))
    assert header == "|  | Dream | Compare | Apply | Approval | Move in |"
    lanes = [line.split(" | ")[0] for line in lines if line.startswith("| **")]
    assert lanes == [
        "| **Touchpoints**",
        "| **Customer actions**",
        "| **Thoughts**",
        "| **Emotion**",
        "| **Pain points**",
        "| **Delights**",
        "| **Moments of truth**",
        "| **Opportunities and actions**",
    ]
    touchpoints = next(line for line in lines if line.startswith("| **Touchpoints**"))
    assert "Affordability calculator — _website_" in touchpoints


def test_emotion_curve_is_a_sparkline(sample: JourneyMap) -> None:
    assert "`▆▄▁█▆` Dream \\+1 hopeful → Compare 0 overwhelmed" in markdown(sample)


def test_kpi_values_are_in_the_table(sample: JourneyMap) -> None:
    text = markdown(sample)
    assert "| Application drop\\-out rate | Started applications" in text
    assert "| 38% | 19% | Head of lending | Apply |" in text


def test_scorecard_only_when_given(sample: JourneyMap, extras: ExportExtras) -> None:
    assert "Critique scorecard" not in markdown(sample)
    text = markdown(sample, extras)
    assert "| Scope | 81 |" in text and "**Overall: 64/100**" in text
    assert "1. Add evidence to the Apply stage" in text


def test_user_text_is_escaped(hostile: JourneyMap) -> None:
    text = markdown(hostile)
    assert "<script>" not in text and "<!channel>" not in text
    assert "\\<script\\>" in text and "\\<\\!channel\\>" in text
    assert "\\*bold\\*" in text and "\\[link\\]\\(x\\)" in text
    for line in text.splitlines():
        if line.startswith("|"):
            unescaped_pipes = line.replace("\\|", "").count("|")
            assert unescaped_pipes == line.count(" | ") + 2, line


def test_many_stages_split_into_tables_of_six(large: JourneyMap) -> None:
    text = markdown(large)
    assert "### Stages 1–6 of 12" in text and "### Stages 7–12 of 12" in text
    assert "| Stage 7 | Stage 8 |" in text


def test_title_only_map_says_what_is_missing(title_only: JourneyMap) -> None:
    text = markdown(title_only)
    assert "_No stages yet._" in text and "_No personas yet._" in text
    assert "| **Touchpoints**" not in text


def test_invisible_reordering_characters_are_dropped(sample: JourneyMap) -> None:
    sample.stages[0].name = "Dre\u202eam\u200b"
    assert "| Dream |" in markdown(sample)
