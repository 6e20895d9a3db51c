"""A Scene as a PNG: shapes through matplotlib's anti-aliased Agg, text through Pillow.

matplotlib is imported here, on first use: it is slow to import and only pictures need it.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from bot.exports.scene import Circle, Path, Polygon, Rect, Scene, Text
from bot.exports.typeset import Typesetter

# matplotlib logs its font cache and backend choices at INFO; none of it is news to a user.
logging.getLogger("matplotlib").setLevel(logging.WARNING)

PNG_COMPRESSION = 3  # zlib level: twice as fast as the default for a file 15% larger
MPL_DPI = 100
POINTS_PER_INCH = 72


def scene_png(scene: Scene, px_per_pt: float) -> tuple[bytes, tuple[int, int]]:
    """The picture, and its size in pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle as MplCircle
    from matplotlib.patches import FancyBboxPatch, Rectangle
    from matplotlib.patches import Polygon as MplPolygon
    from PIL import Image, ImageDraw

    size = (round(scene.width * px_per_pt), round(scene.height * px_per_pt))
    figure = Figure(figsize=(size[0] / MPL_DPI, size[1] / MPL_DPI), dpi=MPL_DPI)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, scene.width)
    axes.set_ylim(scene.height, 0)
    axes.set_axis_off()
    line_scale = px_per_pt * POINTS_PER_INCH / MPL_DPI  # scene points -> matplotlib points
    texts: list[Text] = []
    for z, shape in enumerate(scene.shapes):
        if isinstance(shape, Text):
            texts.append(shape)
        elif isinstance(shape, Rect):
            options: dict[str, Any] = {
                "facecolor": shape.fill or "none",
                "edgecolor": shape.stroke or "none",
                "linewidth": shape.stroke_width * line_scale if shape.stroke else 0,
                "zorder": z,
            }
            if shape.radius:
                box = f"round,pad=0,rounding_size={shape.radius}"
                xy = (shape.x, shape.y)
                axes.add_patch(
                    FancyBboxPatch(xy, shape.width, shape.height, boxstyle=box, **options)
                )
            else:
                axes.add_patch(Rectangle((shape.x, shape.y), shape.width, shape.height, **options))
        elif isinstance(shape, Path):
            xs, ys = zip(*shape.points, strict=True)
            axes.plot(
                xs,
                ys,
                color=shape.colour,
                linewidth=shape.width * line_scale,
                linestyle=(0, (3, 2)) if shape.dashed else "-",
                solid_capstyle="round",
                zorder=z,
            )
        elif isinstance(shape, Polygon):
            axes.add_patch(
                MplPolygon(
                    shape.points,
                    closed=True,
                    facecolor=shape.fill,
                    edgecolor=shape.stroke or "none",
                    zorder=z,
                )
            )
        elif isinstance(shape, Circle):
            axes.add_patch(
                MplCircle(
                    (shape.x, shape.y),
                    shape.radius,
                    facecolor=shape.fill,
                    edgecolor=shape.stroke or "none",
                    linewidth=shape.stroke_width * line_scale if shape.stroke else 0,
                    zorder=z,
                )
            )
    agg = FigureCanvasAgg(figure)
    agg.draw()
    image = Image.frombuffer("RGBA", agg.get_width_height(), agg.buffer_rgba()).convert("RGB")
    draw = ImageDraw.Draw(image)
    setter = Typesetter("".join(t.text for t in texts), px_per_pt=px_per_pt)
    for text in texts:
        xy = (text.x * px_per_pt, text.y * px_per_pt)
        setter.draw(draw, xy, text.text, text.style, text.align, "top")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=PNG_COMPRESSION, dpi=(72 * px_per_pt,) * 2)
    return buffer.getvalue(), size
