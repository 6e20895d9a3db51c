from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.chunking import MAX_CHUNK_CHARS, chunk_id, split_guide
from knowledge.guides import GuideError, parse_guide, read_guide

FIXTURES = Path(__file__).parent / "data" / "guides"


def test_splits_along_headings_with_heading_path() -> None:
    guide = read_guide(FIXTURES / "personas.md")
    chunks = split_guide(guide, "builtin", "personas.md")
    assert [c.heading for c in chunks] == [
        "One persona per map",
        "One persona per map > Proto-personas",
    ]
    assert chunks[0].text.startswith("A journey map follows one persona")
    assert "Proto-personas" not in chunks[0].text
    assert chunks[1].content.startswith(
        "Personas from research\nOne persona per map > Proto-personas\n\n"
    )


def test_long_section_is_split_by_size_and_keeps_its_heading() -> None:
    chunks = split_guide(read_guide(FIXTURES / "emotions.md"), "builtin", "emotions.md")
    evidence = [c for c in chunks if c.heading == "Evidence for emotions"]
    assert len(evidence) >= 2
    assert all(len(c.text) <= MAX_CHUNK_CHARS for c in chunks)
    assert "\n\n" in evidence[0].text  # paragraphs survive the header splitter


def test_metadata_is_scalar_and_complete() -> None:
    guide = read_guide(FIXTURES / "stages-b2b.md")
    chunk = split_guide(guide, "builtin", "stages-b2b.md")[0]
    meta = chunk.metadata
    assert all(isinstance(v, str | int | float | bool) for v in meta.values())
    assert meta["guide_id"] == "stages-b2b"
    assert meta["title"] == "Stages for a B2B buying journey"
    assert meta["steps"] == ",stages,"
    assert meta["step_stages"] is True
    assert meta["tags"] == "stages,b2b,saas"
    assert meta["heading"] == "B2B stages follow the buying group"
    assert json.loads(str(meta["sources"])) == [
        {"title": "The B2B Buying Journey", "author": "Gartner"}
    ]
    assert chunk.content[int(meta["body_start"]) :] == chunk.text


def test_chunk_ids_derive_from_content() -> None:
    assert chunk_id("g", "h", "text") == chunk_id("g", "h", "text")
    assert (
        len(
            {
                chunk_id("g", "h", "text"),
                chunk_id("g", "h", "text!"),
                chunk_id("g2", "h", "text"),
                chunk_id("g", "h2", "text"),
            }
        )
        == 4
    )


def test_front_matter_errors_are_reported() -> None:
    with pytest.raises(GuideError, match="not valid YAML"):
        parse_guide("---\ntitle: a: b\n---\nbody", "bad")
    with pytest.raises(GuideError, match="unknown steps"):
        parse_guide("---\nid: x\nsteps: [dancing]\n---\nbody", "x")


def test_plain_text_and_pdf_playbooks(tmp_path: Path) -> None:
    from fpdf import FPDF

    text_file = tmp_path / "Our Playbook.txt"
    text_file.write_text("Call every churned customer within a week.\n\nAsk why they left.")
    guide = read_guide(text_file)
    assert (guide.id, guide.kind, guide.steps) == ("our-playbook", "text", ["general"])
    assert [c.heading for c in split_guide(guide, "x", text_file.name)] == [""]

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "Renewal calls start ninety days before the contract ends.")
    pdf_file = tmp_path / "renewals.pdf"
    pdf.output(str(pdf_file))
    guide = read_guide(pdf_file)
    assert guide.kind == "pdf" and "ninety days" in guide.body


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK")
    with pytest.raises(GuideError, match="unsupported"):
        read_guide(path)


def test_stubs_are_merged_into_the_piece_they_introduce() -> None:
    body = (
        "## Triggers\n\nTypical triggers:\n\n## Triggers > List\n\n"
        + "- a launch, a price change or a spike in complaints about the new billing system\n" * 3
        + "\n## Owners\n\nEvery map has one named owner who books the reviews and keeps the "
        "versions, so nobody has to guess who decides what changes.\n\n## End\n\nThat's all."
    )
    chunks = split_guide(parse_guide(body, "rhythm"), "x", "rhythm.md")
    assert [c.heading for c in chunks] == ["Triggers > List", "Owners"]
    assert chunks[0].text.startswith("Triggers\nTypical triggers:")
    assert chunks[1].text.endswith("That's all.")  # a trailing stub joins the piece before


def test_tags_are_searchable_with_the_text() -> None:
    from knowledge.retrieval import lexical_text
    from knowledge.store import StoredChunk

    chunk = split_guide(read_guide(FIXTURES / "stages-b2b.md"), "builtin", "stages-b2b.md")[0]
    stored = StoredChunk(id=chunk.id, content=chunk.content, metadata=chunk.metadata)
    assert lexical_text(stored).endswith("stages b2b saas")
