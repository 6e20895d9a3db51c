"""Regenerate docs/gallery/: the sample map exported to every format.

The scorecard is illustrative (the critique fills it in for real maps), so the gallery shows
where it goes. Usage: python bench/make_gallery.py
"""

from __future__ import annotations

from pathlib import Path

from bot.exports import ExportExtras, export_many, write_files
from bot.samples import sample_map

GALLERY = Path(__file__).parent.parent / "docs" / "gallery"
EXAMPLE_EXTRAS = ExportExtras(
    scorecard=[("Scope", 90), ("Personas", 70), ("Touchpoints", 85), ("Evidence", 40)],
    overall=72,
    top_findings=[
        "Most items are assumed: back the Apply stage with interview quotes.",
        "No delight is recorded before Approval.",
    ],
)


def main() -> None:
    files = export_many(sample_map(), "all", EXAMPLE_EXTRAS)
    for path, file in zip(write_files(files, GALLERY), files, strict=True):
        print(f"{path.relative_to(GALLERY.parent.parent)}  {file.summary}")


if __name__ == "__main__":
    main()
