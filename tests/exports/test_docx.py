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


def label_tables(document: DocxDocument) -> list[Table]:
    return [t for t in document.tables if len(t.columns) == 2]


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


def test_every_page_is_landscape_and_page_one_is_the_canvas(sample: JourneyMap) -> None:
    document = docx.Document(io.BytesIO(export(sample, "docx").content))
    assert [section.orientation for section in document.sections] == [WD_ORIENT.LANDSCAPE]
    assert len(document.inline_shapes) == 1  # the canvas, and no other picture
    first = document.paragraphs[0]
    assert first._p.xpath(".//pic:pic") and "w:br" in first._p.xml  # picture, then page break
    images = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert images and images[0].blob.startswith(b"\x89PNG")


def test_appendix_has_a_table_per_stage_with_compact_evidence(sample: JourneyMap) -> None:
    document = docx.Document(io.BytesIO(export(sample, "docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [h for h in headings if h[:1].isdigit()] == [
        "1. Dream",
        "2. Compare",
        "3. Apply",
        "4. Approval",
        "5. Move in",
    ]
    apply = next(
        t for t in label_tables(document) if "Online application form" in t.cell(1, 1).text
    )
    lanes = [row.cells[0].text for row in apply.rows]
    assert lanes[:2] == ["Emotion", "Touchpoints"] and "Moments of truth" in lanes
    assert "Delights" not in lanes  # only the lanes that have content
    assert "[assumed]" not in docx_text(export(sample, "docx"))


def test_real_styles_and_a_font_word_and_libreoffice_share(sample: JourneyMap) -> None:
    document = docx.Document(io.BytesIO(export(sample, "docx").content))
    assert {t.style.name for t in document.tables} == {
        "Light Grid Accent 1",
        "Medium Shading 1 Accent 1",
    }
    assert document.styles["Normal"].font.name == "Arial"
    assert document.styles["Heading 1"].font.name == "Arial"
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= used


def test_scorecard_when_given(sample: JourneyMap, extras: ExportExtras) -> None:
    text = docx_text(export(sample, "docx", extras))
    assert "Critique scorecard" in text and "Emotions\n47" in text
    assert "Overall: 64/100" in text and "Name an owner for every action" in text


def test_many_stages_are_all_in_the_appendix(large: JourneyMap) -> None:
    text = docx_text(export(large, "docx"))
    assert all(f"Touchpoint {n} with a fairly long description" in text for n in range(1, 61))


def test_unicode_survives(hostile: JourneyMap) -> None:
    text = docx_text(export(hostile, "docx"))
    assert UNICODE_TEXT in text and "<script>alert(1)</script>" in text
