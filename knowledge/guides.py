"""Reading guidance files: Markdown with YAML front-matter, plain text and PDF playbooks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator

from knowledge.types import Source

STEPS: tuple[str, ...] = (
    "scope",
    "personas",
    "stages",
    "touchpoints",
    "emotions",
    "kpis",
    "review",
    "general",
)
SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".md", ".markdown", ".txt", ".pdf"})
BUILTIN_GUIDES_DIR = Path(__file__).parent / "guides"
# Bigger files take many minutes to embed and are usually whole manuals: split them first.
MAX_FILE_BYTES = 5 * 1024 * 1024
# Tried in order: UTF-8 (with or without a byte-order mark), then Windows-1252, which reads
# Latin-1 text as well; Latin-1 itself decodes any byte.
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")

Kind = Literal["markdown", "text", "pdf"]
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)


class GuideError(ValueError):
    """A guidance file that cannot be read."""


class Guide(BaseModel):
    id: str
    title: str
    steps: list[str] = Field(default_factory=lambda: ["general"])
    tags: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    body: str
    kind: Kind = "markdown"

    @field_validator("steps")
    @classmethod
    def _known_steps(cls, steps: list[str]) -> list[str]:
        unknown = [s for s in steps if s not in STEPS]
        if unknown:
            raise ValueError(f"unknown steps {unknown}; expected some of {list(STEPS)}")
        return steps or ["general"]


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "guide"


def _title_from(body: str, fallback: str) -> str:
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip()
        if stripped:
            return stripped[:80]
    return fallback


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise GuideError(f"front-matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise GuideError("front-matter is not a mapping")
    return meta, text[match.end() :]


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list):
        return [str(v) for v in value]
    raise GuideError(f"expected a list, got {value!r}")


def _sources(value: object) -> list[Source]:
    items = value if isinstance(value, list) else []
    out: list[Source] = []
    for item in items:
        if isinstance(item, dict):
            out.append(Source(title=str(item.get("title", "")), author=str(item.get("author", ""))))
        elif isinstance(item, str):
            out.append(Source(title=item))
    return out


def parse_guide(text: str, stem: str, kind: Kind = "markdown") -> Guide:
    try:
        meta, body = split_front_matter(text) if kind == "markdown" else ({}, text)
        return Guide(
            id=slugify(str(meta.get("id") or stem)),
            title=str(meta.get("title") or _title_from(body, stem)),
            steps=_as_list(meta.get("steps")) or ["general"],
            tags=_as_list(meta.get("tags")),
            sources=_sources(meta.get("sources")),
            body=body.strip(),
            kind=kind,
        )
    except GuideError:
        raise
    except ValueError as exc:
        raise GuideError(str(exc)) from exc


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    return "\n\n".join(p for p in pages if p)


def decode_text(raw: bytes) -> str:
    """Text in whichever of the usual encodings decodes it cleanly."""
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def _read(path: Path, suffix: str) -> Guide:
    if suffix == ".pdf":
        return parse_guide(_pdf_text(path), path.stem, "pdf")
    kind: Kind = "text" if suffix == ".txt" else "markdown"
    return parse_guide(decode_text(path.read_bytes()), path.stem, kind)


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise GuideError(
            f"{path.name} is {size / 1_048_576:.1f} MB, over the "
            f"{MAX_FILE_BYTES // 1_048_576} MB limit: split it into smaller files"
        )


def read_guide(path: Path) -> Guide:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise GuideError(f"{path.name}: unsupported file type (use .md, .txt or .pdf)")
    _check_size(path)
    try:
        return _read(path, suffix)
    except Exception as exc:  # pypdf and yaml raise many kinds; all mean "unreadable file"
        raise GuideError(f"{path.name}: {exc}") from exc


def guide_files(folder: Path) -> list[Path]:
    """Supported files under a folder, in a stable order (README files are not guidance)."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and p.stem.lower() != "readme"
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
