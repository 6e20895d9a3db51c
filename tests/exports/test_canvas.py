"""The one-page canvas: laid out once (a Scene), drawn as SVG, PNG and page 1 of PDF and DOCX."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image, ImageChops

from bot.exports import export
from bot.exports.layout import build_document
from bot.exports.overview import scene_for
from bot.exports.scene import Polygon
from bot.model import JourneyMap

from .conftest import MARKUP

SVG = "{http://www.w3.org/2000/svg}"
REFERENCE = "tests/exports/reference/sample-canvas.png"
DIFFERENT_LEVELS = 32  # of 255
MAX_DIFFERENT = 0.00002  # 0.002% of the pixels: about 120 of a 2,947 x 2,084 picture


def texts(journey_map: JourneyMap) -> list[str]:
    return [t.text for t in scene_for(build_document(journey_map)).texts()]


def test_canvas_shows_persona_scope_kpis_and_owners(sample: JourneyMap) -> None:
    shown = "\n".join(texts(sample))
    for expected in (
        "Maya, first-time buyer",
        "Goal: Buy a two-bedroom flat near work",
        "“We finally think we can afford a place of our own.”",
        "Objective: Cut drop-out between application and approval by half within a year.",
        "→ They have made their first monthly payment.",
        "38% → 19%",
        "Owner: Head of lending · Apply",
        "Marketing",  # an action's owner
    ):
        assert expected in shown, expected


def test_only_lanes_with_content_are_drawn(sample: JourneyMap) -> None:
    sample.delight_points.clear()
    shown = texts(JourneyMap.model_validate(sample.model_dump()))
    assert "Delights" not in shown and "Pain points" in shown


def test_the_moment_of_truth_star_sits_inside_its_own_stage(sample: JourneyMap) -> None:
    scene = scene_for(build_document(sample))
    header = [t for t in scene.texts() if t.text in {"Compare", "Apply", "Approval"}]
    apply, approval = sorted(header, key=lambda t: t.x)[1:]
    stars = [s for s in scene.shapes if isinstance(s, Polygon)]
    header_star = min(stars, key=lambda s: min(y for _, y in s.points))
    xs = [x for x, _ in header_star.points]
    assert min(xs) > apply.x - 20 and max(xs) < apply.x and max(xs) < approval.x


def test_one_legend_entry_each(sample: JourneyMap) -> None:
    shown = texts(sample)
    assert shown.count("Moment of truth") == 1 and shown.count("Pain point") == 1
    assert not any("[assumed]" in t for t in shown)


def test_svg_is_vector_text_and_escapes_markup(hostile: JourneyMap) -> None:
    file = export(hostile, "svg")
    root = ET.fromstring(file.content)
    assert root.tag == f"{SVG}svg" and not root.findall(f".//{SVG}image")
    words = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(MARKUP[:20] in w for w in words)
    assert b"<script>" not in file.content


def test_page_one_of_the_pdf_and_the_docx_is_the_same_canvas(sample: JourneyMap) -> None:
    from .readers import pdf_pages, squeeze

    first = squeeze(pdf_pages(export(sample, "pdf"))[0])
    scene_words = [squeeze(t) for t in texts(sample) if len(t) > 3]
    assert sum(word in first for word in scene_words) / len(scene_words) > 0.95


def test_the_canvas_png_matches_its_reference(sample: JourneyMap) -> None:
    """A visual regression test. Anti-aliasing may differ by a few levels between builds of
    FreeType or Agg, so only pixels off by more than DIFFERENT_LEVELS count, and at most
    MAX_DIFFERENT of the picture may be off: renaming one stage changes 0.012% of it, a KPI's
    target 0.006%. After an intended change: python bench/make_gallery.py --reference."""
    image = Image.open(io.BytesIO(export(sample, "png").content)).convert("L")
    reference = Image.open(REFERENCE).convert("L")
    assert image.size == reference.size
    histogram = ImageChops.difference(image, reference).histogram()
    different = sum(histogram[DIFFERENT_LEVELS + 1 :]) / (image.width * image.height)
    assert different <= MAX_DIFFERENT, f"{different:.4%} of the canvas differs from the reference"
