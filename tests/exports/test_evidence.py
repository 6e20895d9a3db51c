"""Evidence in every document: each item's level, its numbered sources, the share assumed.

Read back with the same independent readers as the other export tests."""

from __future__ import annotations

import pytest

from bot.exports import export
from bot.model import EvidenceLevel, EvidenceLink, JourneyMap

from .conftest import INJECTIONS, MARKUP
from .readers import csv_rows, docx_text, pdf_text, squeeze, workbook

SLACK_URL = "https://example.slack.com/archives/C123/p1700000000000100"
SLACK_TEXT = "Three customers said the upload page timed out"


@pytest.fixture
def cited(sample: JourneyMap) -> JourneyMap:
    """The sample, with a Slack message and a hostile quote as sources of one touchpoint."""
    touchpoint = sample.touchpoints[0]  # Dream › Affordability calculator
    touchpoint.evidence.level = EvidenceLevel.REPORTED
    touchpoint.evidence.links = [
        EvidenceLink(kind="slack", text=SLACK_TEXT, url=SLACK_URL),
        EvidenceLink(kind="quote", text=MARKUP),
        EvidenceLink(kind="data", text=INJECTIONS[0]),
    ]
    return JourneyMap.model_validate(sample.model_dump())


def test_markdown_marks_items_and_lists_sources(cited: JourneyMap) -> None:
    text = export(cited, "markdown").content.decode()
    grid = next(line for line in text.splitlines() if line.startswith("| **Touchpoints**"))
    assert "Affordability calculator — _website_ \\[reported · 2, 3, 4\\]" in grid
    assert "Online application form — _website_ \\[observed · 5\\]" in grid
    assert "Advisor call — _phone_ \\[assumed\\]" in grid
    assert "**Overall:** 36% assumed \\(8 observed, 6 reported, 8 assumed\\)" in text
    assert "- **Dream:** 33% assumed" in text
    assert f"2. **Slack:** {SLACK_TEXT} — [link]({SLACK_URL})" in text
    assert "<script>" not in text and "\\<script\\>" in text  # the quote is escaped
    assert '**Data:** =HYPERLINK\\("http://evil"\\)' in text


def test_docx_marks_items_and_lists_sources(cited: JourneyMap) -> None:
    text = docx_text(export(cited, "docx"))
    assert "• Affordability calculator — website ◇\u20092,3,4" in text
    assert "Online application form — website ◆\u20095" in text
    assert "• Advisor call — phone\n" in text  # assumed: unmarked
    assert "[assumed]" not in text and text.count("unmarked items are assumed") == 1
    assert "Overall: 36% assumed (8 observed, 6 reported, 8 assumed)" in text
    assert "Dream: 33% assumed (0 observed, 2 reported, 1 assumed)" in text
    assert f"2. Slack: {SLACK_TEXT} — {SLACK_URL}" in text
    assert "<script>alert(1)</script>" in text  # printed as typed


def test_pdf_has_a_line_per_stage_and_the_sources(cited: JourneyMap) -> None:
    text = squeeze(pdf_text(export(cited, "pdf")))
    assert squeeze("◇ 2,3,4") in text and squeeze("◆ 5") in text and "[assumed]" not in text
    assert squeeze("Overall: 36% assumed (8 observed, 6 reported, 8 assumed)") in text
    for stage in ("Dream: 33% assumed", "Apply: 14% assumed", "Move in: 67% assumed"):
        assert squeeze(f"• {stage}") in text, stage
    assert squeeze(f"2. Slack: {SLACK_TEXT} — {SLACK_URL}") in text
    assert squeeze("Data: 12 customer interviews (2026)") in text


def test_csv_has_evidence_and_sources_per_touchpoint(cited: JourneyMap) -> None:
    rows = {r["Item"]: r for r in csv_rows(export(cited, "csv")) if r["Lane"] == "Touchpoint"}
    first = rows["Affordability calculator"]
    assert first["Evidence"] == "reported"
    assert first["Sources"].startswith(f"slack: {SLACK_TEXT} <{SLACK_URL}>; quote: “<script>")
    assert rows["Online application form"]["Evidence"] == "observed"
    assert rows["Online application form"]["Sources"] == "data: application funnel analytics"
    assert (rows["Advisor call"]["Evidence"], rows["Advisor call"]["Sources"]) == ("assumed", "")


def test_xlsx_evidence_columns_are_text_never_formulas(cited: JourneyMap) -> None:
    cited.touchpoints[0].evidence.links = [EvidenceLink(kind="data", text=INJECTIONS[0])]
    sheet = workbook(export(cited, "xlsx"))["Touchpoints"]
    header = [c.value for c in sheet[1]]
    evidence, sources = header.index("Evidence") + 1, header.index("Sources") + 1
    assert sheet.cell(2, evidence).value == "reported"
    cell = sheet.cell(2, sources)
    assert cell.value == 'data: =HYPERLINK("http://evil")' and cell.data_type == "s"
    assert sheet.cell(3, evidence).value == "assumed"
