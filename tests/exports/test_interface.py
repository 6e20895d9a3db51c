"""The public interface: formats, one file per format, friendly errors, writing to disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.exports import FORMATS, ExportFile, export, export_many, write_files
from bot.exports.base import slug
from bot.model import JourneyMap


def test_formats_are_the_promised_eight() -> None:
    assert FORMATS == ("markdown", "docx", "pdf", "png", "svg", "csv", "xlsx", "json")


def test_export_many_all_gives_one_named_file_per_format(sample: JourneyMap) -> None:
    files = export_many(sample, "all")
    assert [f.format for f in files] == list(FORMATS)
    assert [f.filename for f in files] == [
        "first-time-mortgage-buyers.md",
        "first-time-mortgage-buyers.docx",
        "first-time-mortgage-buyers.pdf",
        "first-time-mortgage-buyers.png",
        "first-time-mortgage-buyers.svg",
        "first-time-mortgage-buyers.csv",
        "first-time-mortgage-buyers.xlsx",
        "first-time-mortgage-buyers.json",
    ]
    assert all(f.content and f.mime_type and f.summary for f in files)
    assert "\n" not in "".join(f.summary for f in files)


def test_summaries_say_what_the_file_is(sample: JourneyMap) -> None:
    summaries = {f.format: f.summary for f in export_many(sample, "all")}
    assert summaries["pdf"].startswith("PDF, ") and summaries["pdf"].endswith(" pages")
    assert summaries["png"].startswith("PNG image, ")
    assert summaries["csv"] == "CSV, 70 rows"  # one per fact
    assert summaries["svg"] == "SVG picture, 842×595 pt"


def test_export_many_keeps_the_order_asked_and_drops_repeats(sample: JourneyMap) -> None:
    files = export_many(sample, ["json", "MD", "json", " csv "])
    assert [f.format for f in files] == ["json", "markdown", "csv"]


def test_a_single_format_name_is_not_split_into_letters(sample: JourneyMap) -> None:
    assert [f.format for f in export_many(sample, "csv")] == ["csv"]


def test_unknown_format_is_refused_with_the_list(sample: JourneyMap) -> None:
    with pytest.raises(
        ValueError, match="Choose one of: markdown, docx, pdf, png, svg, csv, xlsx, json"
    ):
        export(sample, "pptx")


def test_export_many_checks_every_name_before_exporting(sample: JourneyMap) -> None:
    with pytest.raises(ValueError, match="'gif'"):
        export_many(sample, ["json", "gif"])


def test_write_files_puts_each_file_in_the_folder(sample: JourneyMap, tmp_path: Path) -> None:
    files = export_many(sample, ["json", "csv"])
    paths = write_files(files, tmp_path / "out")
    assert [p.name for p in paths] == [f.filename for f in files]
    assert all(p.read_bytes() == f.content for p, f in zip(paths, files, strict=True))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("First-time mortgage buyers", "first-time-mortgage-buyers"),
        ("Café ☕ crème brûlée!", "cafe-creme-brulee"),
        ("../../etc/passwd", "etc-passwd"),
        ("顧客", "journey-map"),
        ("x" * 300, "x" * 60),
    ],
)
def test_file_names_are_safe_slugs(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_export_file_is_a_pydantic_model(sample: JourneyMap) -> None:
    file = export(sample, "json")
    assert ExportFile.model_validate(file.model_dump()) == file
