"""PNG, opened with Pillow: the one-page canvas at slide resolution, colours where they belong."""

from __future__ import annotations

import io

from PIL import Image, ImageChops

from bot.exports import export
from bot.exports.palette import LANE_FILLS, NAVY, rgb
from bot.model import JourneyMap


def picture(journey_map: JourneyMap) -> Image.Image:
    file = export(journey_map, "png")
    image = Image.open(io.BytesIO(file.content))
    assert file.summary == f"PNG image, {image.width}×{image.height} px"
    return image.convert("RGB")


def colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {colour for _, colour in image.getcolors(maxcolors=1 << 20)}


def test_sample_map_is_twice_the_old_width_in_the_iso_ratio(sample: JourneyMap) -> None:
    image = picture(sample)
    assert 2 * 1466 <= image.width <= 3000  # the old picture was 1,466 px wide
    assert abs(image.width / image.height - 2**0.5) < 0.01  # prints edge to edge on A4 or A3


def test_pains_delights_moments_and_header_are_coloured(sample: JourneyMap) -> None:
    found = colours(picture(sample))
    for colour in (NAVY, LANE_FILLS["pains"], LANE_FILLS["delights"], LANE_FILLS["moments"]):
        assert rgb(colour) in found, colour


def test_twelve_stages_stay_on_one_page_within_the_cap(large: JourneyMap) -> None:
    image = picture(large)
    assert image.width <= 4200 and abs(image.width / image.height - 2**0.5) < 0.01


def test_empty_map_is_still_a_page(title_only: JourneyMap) -> None:
    image = picture(title_only)
    assert image.width >= 2000 and image.width > image.height


def test_long_text_wraps_rather_than_widening(sample: JourneyMap) -> None:
    before = picture(sample)
    sample.touchpoints[0].description = "word " * 39
    after = picture(sample)
    assert after.size == before.size  # the page keeps its size: the words wrap in their cell
    changed = ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox()
    assert changed is not None and changed[2] - changed[0] < before.width / 2
