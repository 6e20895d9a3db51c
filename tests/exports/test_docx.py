"""DOCX, read back with python-docx: the content, the landscape grid and the curve picture."""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.table import Table

from bot.exports import ExportExtras, export
from bot.model import JourneyMap

from .conftest import UNICODE_TEXT
from .readers import docx_text


def grid_tables(document: DocxDocument) -> list[Table]:
    return [t for t in document.tables if len(t.columns) > 2 and t.rows[0].cells[0].text == ""]


def test_content_is_all_there(sample: JourneyMap) -> None:
    text = docx_text(export(sample, "docx"))
    for expected in (
        "First-time mortgage buyers",
        "Cut drop-out between application and approval by half within a year.",
        "Maya, first-time buyer",
        "Affordability calculator",
        "Move in",
        "Asked for the same documents several times",
        "Application drop-out rate",
        "38%",
        "19%",
        "Reuse uploaded documents across the application",
    ):
        assert expected in text, expected
    assert "Critique scorecard" not in text


def test_grid_is_a_table_on_a_landscape_page(sample: JourneyMap) -> None:
    document = docx.Document(io.BytesIO(export(sample, "docx").content))
    orientations = [section.orientation for section in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    grid = next(t for t in grid_tables(document) if t.rows[0].cells[1].text == "Dream")
    assert [c.text for c in grid.rows[0].cells] == [
        "",
        "Dream",
        "Compare",
        "Apply",
        "Approval",
        "Move in",
    ]
    assert [row.cells[0].text for row in grid.rows[1:]][:4] == [
        "Touchpoints",
        "Customer actions",
        "Thoughts",
        "Emotion",
    ]
    assert grid.rows[1].cells[1].text.startswith("Affordability calculator\nwebsite")


def test_emotion_curve_is_an_embedded_picture(sample: JourneyMap) -> None:
    document = docx.Document(io.BytesIO(export(sample, "docx").content))
    assert len(document.inline_shapes) == 1
    images = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert images and images[0].blob.startswith(b"\x89PNG")


def test_scorecard_when_given(sample: JourneyMap, extras: ExportExtras) -> None:
    text = docx_text(export(sample, "docx", extras))
    assert "Critique scorecard" in text and "Emotions\n47" in text
    assert "Overall: 64/100" in text and "Name an owner for every action" in text


def test_many_stages_make_several_tables(large: JourneyMap) -> None:
    document = docx.Document(io.BytesIO(export(large, "docx").content))
    firsts = [t.rows[0].cells[1].text for t in grid_tables(document)]
    assert "Stage 1" in firsts and "Stage 7" in firsts


def test_unicode_survives(hostile: JourneyMap) -> None:
    text = docx_text(export(hostile, "docx"))
    assert UNICODE_TEXT in text and "<script>alert(1)</script>" in text
