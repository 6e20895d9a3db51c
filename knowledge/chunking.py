"""Splitting a guide into chunks along its headings, with the metadata the store keeps."""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel

from knowledge.embeddings import MODEL_ID
from knowledge.guides import Guide

# Bump when the chunk text or metadata layout changes: ids (and so the stored set) follow it.
CHUNKER_VERSION = "2"
# One chunk per section: the guides' sections (200-1,000 characters) answer one question each.
# Longer sections (teams' playbooks, PDFs) are cut near the model's 256 word-piece window.
MAX_CHUNK_CHARS = 1200
CHUNK_OVERLAP = 120
# A piece shorter than this, or one that ends on a lead-in such as "Typical triggers:", says
# nothing alone: it is merged into the piece that follows it.
MIN_CHUNK_CHARS = 80
HEADING_SEPARATOR = " > "

_HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4")]

MetadataValue = str | int | float | bool


class Chunk(BaseModel):
    id: str
    guide_id: str
    heading: str
    text: str
    # What is embedded and stored: title and heading give the body its context.
    content: str
    metadata: dict[str, MetadataValue]


def chunk_id(guide_id: str, heading: str, text: str) -> str:
    material = "\x1f".join((CHUNKER_VERSION, MODEL_ID, guide_id, heading, text))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _sections(guide: Guide) -> list[tuple[str, str]]:
    """(heading path, section text) pairs; plain text and PDF have no headings."""
    if guide.kind != "markdown":
        return [("", guide.body)]
    # Imported here: searching a built store needs no splitting, and this import is slow.
    from langchain_text_splitters import MarkdownHeaderTextSplitter

    splitter = MarkdownHeaderTextSplitter(headers_to_split_on=_HEADERS, strip_headers=True)
    out: list[tuple[str, str]] = []
    for doc in splitter.split_text(guide.body):
        path = [str(doc.metadata[key]) for _, key in _HEADERS if key in doc.metadata]
        # The splitter joins paragraphs with a Markdown hard break; give them back their blank line.
        out.append((HEADING_SEPARATOR.join(path), doc.page_content.replace("  \n", "\n\n")))
    return out


def _is_stub(text: str) -> bool:
    return len(text) < MIN_CHUNK_CHARS or text.rstrip().endswith(":")


def merge_stubs(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold each stub (heading, text) into the piece after it; a trailing stub joins the one
    before. The merged piece keeps the heading of the piece that carries the substance."""
    out: list[tuple[str, str]] = []
    pending: tuple[str, str] | None = None
    for heading, text in pieces:
        if pending is not None:
            lead_heading, lead = pending
            same = lead_heading == heading or not lead_heading
            text = f"{lead}\n\n{text}" if same else f"{lead_heading}\n{lead}\n\n{text}"
            pending = None
        if _is_stub(text):
            pending = (heading, text)
            continue
        out.append((heading, text))
    if pending is not None:
        if out:
            heading, text = out[-1]
            out[-1] = (heading, f"{text}\n\n{pending[1]}")
        else:
            out.append(pending)
    return out


def _size_bounded(text: str) -> list[str]:
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=MAX_CHUNK_CHARS, chunk_overlap=CHUNK_OVERLAP
    )
    return splitter.split_text(text)


def _pieces(guide: Guide) -> list[tuple[str, str]]:
    pieces = [
        (heading, piece.strip())
        for heading, section in _sections(guide)
        for piece in _size_bounded(section.strip())
        if piece.strip()
    ]
    return merge_stubs(pieces)


def guide_metadata(guide: Guide, origin: str, source_file: str) -> dict[str, MetadataValue]:
    meta: dict[str, MetadataValue] = {
        "guide_id": guide.id,
        "title": guide.title,
        # Chroma metadata values are scalars: lists travel as delimited strings or JSON.
        "steps": "," + ",".join(guide.steps) + ",",
        "tags": ",".join(guide.tags),
        "sources": json.dumps([s.model_dump() for s in guide.sources]),
        "kind": guide.kind,
        "origin": origin,
        "source_file": source_file,
    }
    for step in guide.steps:
        meta[f"step_{step}"] = True
    return meta


def split_guide(guide: Guide, origin: str, source_file: str) -> list[Chunk]:
    base = guide_metadata(guide, origin, source_file)
    chunks: dict[str, Chunk] = {}
    for heading, text in _pieces(guide):
        cid = chunk_id(guide.id, heading, text)
        prefix = f"{guide.title}\n{heading}\n\n" if heading else f"{guide.title}\n\n"
        meta = {**base, "heading": heading, "body_start": len(prefix), "position": len(chunks)}
        chunks.setdefault(
            cid,
            Chunk(
                id=cid,
                guide_id=guide.id,
                heading=heading,
                text=text,
                content=prefix + text,
                metadata=meta,
            ),
        )
    return list(chunks.values())
