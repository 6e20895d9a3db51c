"""Team emotion votes and the current/future overlay on the emotion curve (PNG, DOCX, PDF)."""

from __future__ import annotations

import io

import docx
import pytest
from PIL import Image, ImageChops

from bot.exports import ExportExtras, export
from bot.exports.overlay import merged_axis
from bot.model import Emotion, EmotionVote, JourneyMap, Stage

from .readers import docx_text, pdf_text, squeeze

REASON = "Two of us saw the payslip loop in interviews; one had not"


@pytest.fixture
def voted(sample: JourneyMap) -> JourneyMap:
    """A copy of the sample with three votes on Apply (settled at -2, with a reason) and one on
    Dream."""
    m = sample.model_copy(deep=True)
    apply_stage, dream = m.stages[2], m.stages[0]
    m.emotion_votes = [
        EmotionVote(stage_id=apply_stage.id, user="U1", score=-2, reason="payslips three times"),
        EmotionVote(stage_id=apply_stage.id, user="U2", score=-2),
        EmotionVote(stage_id=apply_stage.id, user="U3", score=0, reason="it is a normal form"),
        EmotionVote(stage_id=dream.id, user="U1", score=1),
    ]
    m.emotion_for(apply_stage.id).reason = REASON  # type: ignore[union-attr]
    return JourneyMap.model_validate(m.model_dump())


@pytest.fixture
def future(sample: JourneyMap) -> JourneyMap:
    """The future state: Apply is fine, Approval is gone, a new Track stage comes after Apply."""
    m = JourneyMap(title="Mortgage buyers, future", state_of="future", linked_map_id=sample.id)
    for name, score in (("Dream", 1), ("Compare", 1), ("Apply", 1), ("Track", 2), ("Move in", 2)):
        stage = Stage(id=m.new_id("stage"), name=name)
        m.stages.append(stage)
        m.emotions.append(Emotion(stage_id=stage.id, score=score, label="better"))
    return JourneyMap.model_validate(m.model_dump())


def image(file_content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(file_content)).convert("RGB")


def differs(a: bytes, b: bytes) -> bool:
    first, second = image(a), image(b)
    return first.size != second.size or ImageChops.difference(first, second).getbbox() is not None


def docx_pictures(content: bytes) -> list[bytes]:
    package = docx.Document(io.BytesIO(content)).part.package
    return [p.blob for p in package.parts if p.content_type == "image/png"]


def test_png_shows_the_vote_spread(sample: JourneyMap, voted: JourneyMap) -> None:
    assert differs(export(voted, "png").content, export(sample, "png").content)


def test_docx_curve_shows_the_spread_and_lists_the_reason(
    sample: JourneyMap, voted: JourneyMap
) -> None:
    with_votes, without = export(voted, "docx"), export(sample, "docx")
    assert differs(docx_pictures(with_votes.content)[0], docx_pictures(without.content)[0])
    text = docx_text(with_votes)
    assert f"Apply: settled at -2 anxious, 3 votes, from -2 to 0. Why: {REASON}" in text
    assert "Dream: settled at +1 hopeful, 1 vote, all +1" in text


def test_pdf_lists_the_reason(voted: JourneyMap) -> None:
    assert squeeze(f"Why: {REASON}") in squeeze(pdf_text(export(voted, "pdf")))


def test_markdown_lists_the_votes(voted: JourneyMap) -> None:
    text = export(voted, "markdown").content.decode()
    assert "- **Apply:** settled at \\-2 anxious, 3 votes, from \\-2 to 0. Why: Two of us" in text


def test_stages_only_in_one_map_keep_their_place() -> None:
    axis = merged_axis(["Dream", "Compare", "Apply", "Approval"], ["dream", "Apply", "Track"])
    assert axis == [
        ("Dream", 0, 0),
        ("Compare", 1, None),
        ("Apply", 2, 1),
        ("Track", None, 2),
        ("Approval", 3, None),
    ]


def test_png_overlays_the_future_curve(sample: JourneyMap, future: JourneyMap) -> None:
    alone = export(sample, "png").content
    overlaid = export(sample, "png", ExportExtras(compare_with=future)).content
    assert differs(overlaid, alone)
    purple = (0x7E, 0x57, 0xC2)
    assert purple in {colour for _, colour in image(overlaid).getcolors(1 << 20)}


def test_docx_and_pdf_overlay_with_a_legend(sample: JourneyMap, future: JourneyMap) -> None:
    extras = ExportExtras(compare_with=future)
    with_future, alone = export(sample, "docx", extras), export(sample, "docx")
    assert differs(docx_pictures(with_future.content)[0], docx_pictures(alone.content)[0])
    caption = (
        "Navy solid line: current state (this map). Purple dashed line: future state "
        "(“Mortgage buyers, future”). Stages are matched by name."
    )
    assert caption in docx_text(with_future)
    assert squeeze(caption) in squeeze(pdf_text(export(sample, "pdf", extras)))


def test_a_future_map_compared_with_its_current_one(sample: JourneyMap, future: JourneyMap) -> None:
    text = docx_text(export(future, "docx", ExportExtras(compare_with=sample)))
    assert "Navy dashed line: future state (this map)." in text
    assert "Purple solid line: current state (“First-time mortgage buyers”)." in text
    markdown = export(future, "markdown", ExportExtras(compare_with=sample)).content.decode()
    assert "Current state (“First\\-time mortgage buyers”): `▆▄▁█▆`" in markdown
