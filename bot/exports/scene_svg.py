"""A Scene as SVG: vector shapes and real text, in points (1 SVG unit = 1 pt)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bot.exports.fonts import fallbacks_for
from bot.exports.scene import Circle, Path, Polygon, Rect, Scene, Text

ASCENT = 0.93  # DejaVu Sans: the baseline sits this many ems below a line's top
ANCHORS = {"left": "start", "center": "middle", "right": "end"}


def scene_svg(scene: Scene, title: str) -> bytes:
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": f"{scene.width:g}pt",
            "height": f"{scene.height:g}pt",
            "viewBox": f"0 0 {scene.width:g} {scene.height:g}",
        },
    )
    ET.SubElement(root, "title").text = title
    families = [
        "DejaVu Sans",
        *(f.family for f in fallbacks_for(_text_of(scene))),
        "Verdana",
        "sans-serif",
    ]
    ET.SubElement(root, "rect", {"width": "100%", "height": "100%", "fill": "#FFFFFF"})
    for shape in scene.shapes:
        if isinstance(shape, Text):
            _text(root, shape)
        else:
            _shape(root, shape)
    root.set("font-family", ", ".join(f"'{name}'" if " " in name else name for name in families))
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text_of(scene: Scene) -> str:
    return "".join(t.text for t in scene.texts())


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _shape(root: ET.Element, shape: Rect | Path | Polygon | Circle) -> None:
    if isinstance(shape, Rect):
        attributes = {
            "x": _n(shape.x),
            "y": _n(shape.y),
            "width": _n(shape.width),
            "height": _n(shape.height),
            "fill": shape.fill or "none",
        }
        if shape.radius:
            attributes["rx"] = _n(shape.radius)
        if shape.stroke:
            attributes |= {"stroke": shape.stroke, "stroke-width": _n(shape.stroke_width)}
        ET.SubElement(root, "rect", attributes)
    elif isinstance(shape, Path):
        attributes = {
            "points": " ".join(f"{_n(x)},{_n(y)}" for x, y in shape.points),
            "fill": "none",
            "stroke": shape.colour,
            "stroke-width": _n(shape.width),
            "stroke-linecap": "round",
            "stroke-linejoin": "round",
        }
        if shape.dashed:
            attributes["stroke-dasharray"] = f"{_n(shape.width * 3)} {_n(shape.width * 2)}"
        ET.SubElement(root, "polyline", attributes)
    elif isinstance(shape, Polygon):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in shape.points)
        ET.SubElement(root, "polygon", {"points": points, "fill": shape.fill})
    else:
        attributes = {
            "cx": _n(shape.x),
            "cy": _n(shape.y),
            "r": _n(shape.radius),
            "fill": shape.fill,
        }
        if shape.stroke:
            attributes |= {"stroke": shape.stroke, "stroke-width": _n(shape.stroke_width)}
        ET.SubElement(root, "circle", attributes)


def _text(root: ET.Element, text: Text) -> None:
    """ElementTree escapes &, < and >: user text is only ever text."""
    attributes = {
        "x": _n(text.x),
        "y": _n(text.y + ASCENT * text.style.size),
        "font-size": _n(text.style.size),
        "fill": text.style.colour,
    }
    if text.align != "left":
        attributes["text-anchor"] = ANCHORS[text.align]
    if text.style.bold:
        attributes["font-weight"] = "bold"
    if text.style.italic:
        attributes["font-style"] = "italic"
    ET.SubElement(root, "text", attributes).text = text.text
