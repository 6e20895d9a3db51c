"""Bringing guidance files into the store: idempotent, and in step with the files on disk.

Every chunk records its *origin* (the folder or single file it was ingested from) and its file.
Syncing an origin embeds only new or changed chunks and deletes the ones whose text or file is
gone, so re-ingesting is cheap and a deleted file takes its chunks with it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from knowledge.chunking import CHUNKER_VERSION, Chunk, split_guide
from knowledge.embeddings import MODEL_ID
from knowledge.guides import BUILTIN_GUIDES_DIR, GuideError, guide_files, read_guide
from knowledge.store import GuidanceStore, StoredChunk

BUILTIN_ORIGIN = "builtin"
# Chunks embedded and written per batch: an interrupted ingest keeps every finished batch, and
# the next run embeds only what is missing.
WRITE_BATCH = 32

# Called with (chunks written so far, chunks to write) after each batch.
Progress = Callable[[int, int], None]


class IngestReport(BaseModel):
    guides: list[str] = []
    added: int = 0
    unchanged: int = 0
    removed: int = 0
    removed_guides: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []
    seconds: float = 0.0

    def merge(self, other: IngestReport) -> IngestReport:
        return IngestReport(
            guides=sorted({*self.guides, *other.guides}),
            added=self.added + other.added,
            unchanged=self.unchanged + other.unchanged,
            removed=self.removed + other.removed,
            removed_guides=sorted({*self.removed_guides, *other.removed_guides}),
            errors=self.errors + other.errors,
            warnings=self.warnings + other.warnings,
            seconds=self.seconds + other.seconds,
        )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def origin_for(path: Path) -> str:
    """A stable label for where chunks came from; opaque, so no local path lands in the store."""
    resolved = path.resolve()
    if resolved == BUILTIN_GUIDES_DIR.resolve():
        return BUILTIN_ORIGIN
    return f"path:{_digest(str(resolved))}"


def folder_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\x1f{MODEL_ID}".encode())
    for path in guide_files(folder) if folder.is_dir() else []:
        digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\x1f")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class _Parsed:
    chunks: list[Chunk] = field(default_factory=list)
    guides: list[str] = field(default_factory=list)
    failed_files: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _parse(files: Iterable[tuple[Path, str]], origin: str) -> _Parsed:
    parsed = _Parsed()
    seen: set[str] = set()
    for path, name in files:
        try:
            guide = read_guide(path)
        except GuideError as exc:
            parsed.failed_files.add(name)
            parsed.errors.append(str(exc))
            continue
        parsed.guides.append(guide.id)
        if not guide.body.strip():
            parsed.warnings.append(f"{name}: no text found (a scanned PDF needs OCR first)")
        for chunk in split_guide(guide, origin, name):
            if chunk.id not in seen:
                seen.add(chunk.id)
                parsed.chunks.append(chunk)
    return parsed


def _write(store: GuidanceStore, chunks: list[Chunk], progress: Progress | None) -> None:
    if progress is not None:
        progress(0, len(chunks))
    for start in range(0, len(chunks), WRITE_BATCH):
        store.upsert(chunks[start : start + WRITE_BATCH])
        if progress is not None:
            progress(min(start + WRITE_BATCH, len(chunks)), len(chunks))


def _sync(
    store: GuidanceStore, origin: str, parsed: _Parsed, progress: Progress | None = None
) -> IngestReport:
    existing: dict[str, StoredChunk] = {
        c.id: c for c in store.chunk_metadata(where={"origin": origin})
    }
    wanted = {c.id for c in parsed.chunks}
    fresh = [
        c for c in parsed.chunks if c.id not in existing or existing[c.id].metadata != c.metadata
    ]
    # A file that fails to parse keeps its previous chunks until it is fixed or deleted.
    stale = [
        c
        for cid, c in existing.items()
        if cid not in wanted and str(c.metadata.get("source_file")) not in parsed.failed_files
    ]
    _write(store, fresh, progress)
    store.delete(c.id for c in stale)
    kept_guides = set(parsed.guides)
    return IngestReport(
        guides=sorted(kept_guides),
        added=len(fresh),
        unchanged=len(parsed.chunks) - len(fresh),
        removed=len(stale),
        removed_guides=sorted({c.guide_id for c in stale} - kept_guides),
        errors=parsed.errors,
        warnings=parsed.warnings,
    )


def _files_of(path: Path) -> list[tuple[Path, str]]:
    if path.is_dir():
        return [(p, str(p.relative_to(path))) for p in guide_files(path)]
    if path.is_file():
        return [(path, path.name)]
    return []  # a file that was deleted: syncing its origin removes its chunks


def ingest_path(store: GuidanceStore, path: Path, progress: Progress | None = None) -> IngestReport:
    started = time.perf_counter()
    origin = origin_for(path)
    parsed = _parse(_files_of(path), origin)
    if not path.exists() and origin != BUILTIN_ORIGIN:
        parsed.errors.append(f"{path}: not found; its chunks, if any, were removed")
    report = _sync(store, origin, parsed, progress)
    report.seconds = time.perf_counter() - started
    return report


def ingest_paths(
    store: GuidanceStore, paths: Iterable[Path], progress: Progress | None = None
) -> IngestReport:
    report = IngestReport()
    for path in paths:
        report = report.merge(ingest_path(store, path, progress))
    return report
