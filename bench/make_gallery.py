"""Regenerate docs/gallery/: the sample map exported to every format, the open ones included,
and, with --reference, the canvas picture the visual regression test compares against.

The gallery is exported as a team would export it for a review: without the critique (that is
asked for with `--with-critique`). Usage: python bench/make_gallery.py [--reference]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.exports import FORMATS, OPEN_FORMATS, export, export_many, write_files
from bot.samples import sample_map

ROOT = Path(__file__).parent.parent
GALLERY = ROOT / "docs" / "gallery"
REFERENCE = ROOT / "tests" / "exports" / "reference" / "sample-canvas.png"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", action="store_true", help="Also rewrite the PNG reference.")
    args = parser.parse_args()
    files = export_many(sample_map(), [*FORMATS, *OPEN_FORMATS])
    for path, file in zip(write_files(files, GALLERY), files, strict=True):
        print(f"{path.relative_to(ROOT)}  {file.summary}")
    if args.reference:
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        REFERENCE.write_bytes(export(sample_map(), "png").content)
        print(f"{REFERENCE.relative_to(ROOT)}  the canvas reference")


if __name__ == "__main__":
    main()
