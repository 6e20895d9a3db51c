"""PDF, read back with pypdf: the content, landscape map pages, and unicode that extracts."""

from __future__ import annotations

import io

from pypdf import PdfReader

from bot.exports import ExportExtras, export
from bot.model import JourneyMap
from bot.samples import large_map

from .conftest import UNICODE_TEXT
from .readers import pdf_pages, pdf_text, squeeze


def test_content_is_all_there(sample: JourneyMap) -> None:
    text = squeeze(pdf_text(export(sample, "pdf")))  # table cells wrap anywhere
    for expected in (
        "First-time mortgage buyers",
        "Maya, first-time buyer",
        "Affordability calculator",
        "Move in",
        "Moments of truth",
        "Application drop-out",
        "38%",
        "14 days",
        "Reuse uploaded documents",
    ):
        assert squeeze(expected) in text, expected
    assert "Critiquescorecard" not in text


def test_the_map_is_on_landscape_pages(sample: JourneyMap) -> None:
    reader = PdfReader(io.BytesIO(export(sample, "pdf").content))
    shapes = [
        "landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in reader.pages
    ]
    assert set(shapes) == {"landscape"}
    sizes = {(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages}
    assert sizes == {(842, 595)}  # A4 throughout
    first = pdf_pages(export(sample, "pdf"))[0]
    for lane in ("Touchpoints", "Emotion", "Pain points", "Moments of truth"):
        assert squeeze(lane) in squeeze(first)  # page 1 is the canvas
    assert "Delights" in first and "Application drop-out rate" in first


def test_summary_counts_the_pages(sample: JourneyMap) -> None:
    file = export(sample, "pdf")
    pages = len(PdfReader(io.BytesIO(file.content)).pages)
    assert file.summary == f"PDF, {pages} pages"


def test_the_canvas_is_vector_not_a_picture(sample: JourneyMap) -> None:
    reader = PdfReader(io.BytesIO(export(sample, "pdf").content))
    assert sum(len(page.images) for page in reader.pages) == 0


def test_scorecard_when_given(sample: JourneyMap, extras: ExportExtras) -> None:
    text = pdf_text(export(sample, "pdf", extras))
    assert "Critique scorecard" in text and "Overall: 64/100" in text
    assert "Emotions" in text and "47" in text
    assert "2. Name an owner for every action" in text


def test_emoji_and_cjk_are_embedded_and_extractable(hostile: JourneyMap) -> None:
    file = export(hostile, "pdf")
    text = squeeze(pdf_text(file))
    assert squeeze(UNICODE_TEXT) in text
    assert "🚀launch" in text  # not in DejaVu Sans: set in Noto Emoji
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(file.content)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("NotoSansCJK" in name for name in fonts)  # as a TrueType subset
    assert any("NotoEmoji" in name for name in fonts)


def test_latin_maps_embed_no_fallback_font(sample: JourneyMap) -> None:
    reader = PdfReader(io.BytesIO(export(sample, "pdf").content))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all("DejaVu" in name for name in fonts)


def test_markup_is_printed_literally(hostile: JourneyMap) -> None:
    assert "<script>alert(1)</script>" in pdf_text(export(hostile, "pdf"))


def test_twelve_stages_fit_one_a3_canvas_and_the_appendix_has_the_rest(large: JourneyMap) -> None:
    file = export(large, "pdf")
    reader = PdfReader(io.BytesIO(file.content))
    assert {(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages} == {
        (1191, 842)  # A3 landscape
    }
    pages = pdf_pages(file)
    assert all(f"Stage {n}" in pages[0] for n in range(1, 13))
    assert squeeze("Touchpoint 60 with a fairly long description") in squeeze("".join(pages[1:]))


def test_other_scripts_get_their_noto_font(title_only: JourneyMap) -> None:
    title_only.title = "ไทย नमस्ते தமிழ்"
    text = pdf_text(export(title_only, "pdf"))
    assert "ไทย" in text and "नमस्ते" in text and "தமிழ்" in text


def test_a_crowded_stage_runs_on_over_appendix_pages() -> None:
    crowded = large_map(2, 80)
    crowded.touchpoints[0].customer_thought = "a very long thought " * 100
    text = squeeze(pdf_text(export(crowded, "pdf")))
    assert all(squeeze(t.description) in text for t in crowded.touchpoints)
