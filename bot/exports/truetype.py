"""A TrueType-outline subset of an OpenType (CFF) font, for embedding in PDFs.

fpdf2 embeds a CFF font as a CID-keyed font with its own encoding CMap, which viewers render and
poppler extracts correctly, but pypdf cannot read (py-pdf/pypdf#2295): it extracts CJK text as
garbage or with NULs. A TrueType subset of the glyphs a map uses embeds the standard way instead.
Subsetting the 16 MB Noto Sans CJK font takes about 0.4 s, paid only by maps with CJK text.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERROR = 1.0  # font units allowed between a cubic curve and its quadratic approximation
_MAXP_ZEROED = (
    "maxPoints",
    "maxContours",
    "maxCompositePoints",
    "maxCompositeContours",
    "maxTwilightPoints",
    "maxStorage",
    "maxFunctionDefs",
    "maxInstructionDefs",
    "maxStackElements",
    "maxSizeOfInstructions",
    "maxComponentElements",
    "maxComponentDepth",
)


def truetype_subset(source: Path, text: str, target: Path) -> Path:
    """Write to `target` a TrueType font with the glyphs of `source` that `text` needs."""
    font = TTFont(source, lazy=True)
    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    _cubic_to_quadratic(font)
    font.save(target)
    return target


def _cubic_to_quadratic(font: TTFont) -> None:
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in _MAXP_ZEROED:
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: TrueType needs none
    font.sfntVersion = "\x00\x01\x00\x00"
