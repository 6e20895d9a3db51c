"""PNG, opened with Pillow: a sane size, colours where they belong, bands for many stages."""

from __future__ import annotations

import io

from PIL import Image

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


def test_sample_map_size_is_sane(sample: JourneyMap) -> None:
    image = picture(sample)
    assert 1000 <= image.width <= 2000 and 800 <= image.height <= 2000


def test_pains_delights_moments_and_header_are_coloured(sample: JourneyMap) -> None:
    found = colours(picture(sample))
    for colour in (NAVY, LANE_FILLS["pains"], LANE_FILLS["delights"], LANE_FILLS["moments"]):
        assert rgb(colour) in found, colour


def test_twelve_stages_wrap_into_two_bands(sample: JourneyMap, large: JourneyMap) -> None:
    wide, tall = picture(large), picture(sample)
    assert wide.width < 2 * tall.width  # six columns, not twelve
    assert wide.height > 1.5 * tall.height


def test_empty_map_is_a_small_picture(title_only: JourneyMap) -> None:
    image = picture(title_only)
    assert image.width >= 600 and image.height < 400


def test_long_text_wraps_rather_than_widening(sample: JourneyMap) -> None:
    before = picture(sample)
    sample.touchpoints[0].description = "word " * 39
    after = picture(sample)
    assert after.width == before.width
    assert after.height > before.height  # the extra words went onto extra lines
