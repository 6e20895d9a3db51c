"""Ranking chunks for a query: chroma's nearest neighbours, BM25, or both fused by rank."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol

import numpy as np

from knowledge.embeddings import MiniLMEmbeddings
from knowledge.lexical import LexicalIndex
from knowledge.query import QueryReader, english_words, vocabulary_of
from knowledge.store import StoredChunk
from knowledge.summary import SectionSentences, key_sentences

Mode = Literal["vector", "bm25", "hybrid"]


@dataclass(frozen=True)
class Fusion:
    """How dense and lexical scores are combined: cosine + weight x (BM25 / best BM25).

    A linear blend keeps the cosine's scale, so a confident dense match is not pushed down by a
    keyword-heavy neighbour the way rank fusion did. Chosen on the tuning share of the eval set
    (bench/knowledge_eval.py)."""

    lexical_weight: float = 0.15
    # Checklists, "common traps" and worked examples restate a guide's other sections: they
    # match many questions broadly but rarely answer one directly.
    roundup_penalty: float = 0.1
    # The best candidates are re-scored by how close the question is to their heading alone:
    # the guides' headings read like the questions they answer ("Setting a review rhythm").
    heading_weight: float = 0.3
    rerank_depth: int = 10


DEFAULT_FUSION = Fusion()
# Dense candidates kept before fusion: enough that a strong keyword match is rarely left out
# for want of a cosine (measured: 40 lost 5 points of recall@3).
DENSE_CANDIDATES = 120
SNAPSHOT_TTL_SECONDS = 60.0


class ChunkSource(Protocol):
    """What ranking needs from a store (`GuidanceStore`, or chunks held in memory): every chunk,
    with its vector when it has one."""

    def chunks(self, where: dict[str, Any] | None = None) -> list[StoredChunk]: ...


class MemoryChunks:
    """Chunks that are not in a vector store yet (no vectors): only BM25 can rank them."""

    def __init__(self, chunks: Sequence[StoredChunk]) -> None:
        self._chunks = list(chunks)

    def chunks(self, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        return list(self._chunks)


@dataclass(frozen=True)
class Hit:
    chunk: StoredChunk
    score: float
    # Cosine similarity to the query; None when chroma did not return the chunk.
    similarity: float | None


class _Snapshot:
    """All chunks with their vectors and a BM25 index, refreshed after ingest or a short TTL.

    Cosines are computed here, on one matrix, rather than asked of chroma per query: for a few
    thousand sections that is a fraction of a millisecond against 10-15 ms for a chroma query
    that also reads back documents and metadata."""

    def __init__(self, chunks: Sequence[StoredChunk]) -> None:
        self.chunks = list(chunks)
        vectors = [c.vector for c in self.chunks if c.vector is not None]
        complete = bool(vectors) and len(vectors) == len(self.chunks)
        self.matrix = np.vstack(vectors).astype(np.float32) if complete else None
        self.index = LexicalIndex([lexical_text(c) for c in chunks])
        self.reader = QueryReader(vocabulary_of(c.content for c in self.chunks), english_words())
        self.roundup = {c.id for c in self.chunks if is_roundup(c)}
        self.taken = time.monotonic()
        self.heading_vectors: dict[str, np.ndarray] = {}
        self.sentences: dict[str, SectionSentences] = {}

    def step_mask(self, step: str | None) -> np.ndarray:
        if step is None:
            return np.ones(len(self.chunks), dtype=bool)
        return np.array([bool(c.metadata.get(f"step_{step}")) for c in self.chunks], dtype=bool)


_ROUNDUP_HEADING = re.compile(r"^(checklist|quick review checklist|common traps|examples?\b)", re.I)
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[[ xX]\]", re.M)


def is_roundup(chunk: StoredChunk) -> bool:
    """A checklist, a list of traps or a worked example, by its heading or its checkboxes."""
    heading = str(chunk.metadata.get("heading", "")).split(" > ")[-1]
    return bool(_ROUNDUP_HEADING.match(heading)) or len(_CHECKBOX.findall(chunk.body)) >= 3


def lexical_text(chunk: StoredChunk) -> str:
    """What BM25 sees: title, heading and body, plus the guide's tags."""
    tags = str(chunk.metadata.get("tags", "")).replace(",", " ").replace("-", " ")
    return f"{chunk.content}\n{tags}"


def _diversify(hits: list[Hit], k: int, max_per_guide: int | None) -> list[Hit]:
    if max_per_guide is None:
        return hits[:k]
    taken: dict[str, int] = {}
    out: list[Hit] = []
    for hit in hits:
        seen = taken.get(hit.chunk.guide_id, 0)
        if seen < max_per_guide:
            taken[hit.chunk.guide_id] = seen + 1
            out.append(hit)
        if len(out) == k:
            break
    return out


class Retriever:
    def __init__(
        self,
        store: ChunkSource,
        embeddings: MiniLMEmbeddings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._embeddings = embeddings
        self._clock = clock
        self.fusion = DEFAULT_FUSION
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        with self._lock:
            self._snapshot = None

    def _current(self) -> _Snapshot:
        with self._lock:
            snap = self._snapshot
            if snap is None or self._clock() - snap.taken > SNAPSHOT_TTL_SECONDS:
                snap = _Snapshot(self._store.chunks())
                self._snapshot = snap
            return snap

    def chunks(self) -> list[StoredChunk]:
        return self._current().chunks

    def query_vector(self, query: str) -> list[float]:
        """The question's vector as ranking saw it (the last few are kept: an answer right after
        its ranking does not embed the question twice)."""
        return self._vector(self._current().reader.read(query))

    @lru_cache(maxsize=64)  # noqa: B019 - one retriever per knowledge base, kept for its life
    def _vector(self, read_query: str) -> list[float]:
        return self._embeddings.embed_query(read_query)

    def key_sentences(self, query: str, chunk: StoredChunk, limit: int) -> str:
        """The sentences of `chunk` that best answer `query` (see knowledge.summary)."""
        snap = self._current()
        section = snap.sentences.get(chunk.id)
        if section is None:
            section = SectionSentences.of(chunk.body, self._embeddings.embed_array)
            snap.sentences[chunk.id] = section
        return key_sentences(self.query_vector(query), section, limit)

    @staticmethod
    def _dense(
        snap: _Snapshot, vector: list[float], step: str | None
    ) -> dict[str, tuple[StoredChunk, float]]:
        if snap.matrix is None:
            return {}
        similarity = snap.matrix @ np.asarray(vector, dtype=np.float32)
        similarity[~snap.step_mask(step)] = -np.inf
        best = np.argsort(-similarity)[:DENSE_CANDIDATES]
        return {
            snap.chunks[i].id: (snap.chunks[i], float(similarity[i]))
            for i in best
            if np.isfinite(similarity[i])
        }

    def _rerank_by_heading(self, snap: _Snapshot, hits: list[Hit], vector: list[float]) -> None:
        """Add heading similarity to the top candidates' scores (headings embedded once each)."""
        top = hits[: self.fusion.rerank_depth]
        missing = [h.chunk for h in top if h.chunk.id not in snap.heading_vectors]
        if missing:
            texts = [str(c.metadata.get("heading") or c.metadata.get("title", "")) for c in missing]
            for chunk, row in zip(missing, self._embeddings.embed_array(texts), strict=True):
                snap.heading_vectors[chunk.id] = row
        query = np.asarray(vector, dtype=np.float32)
        for i, hit in enumerate(top):
            bonus = self.fusion.heading_weight * float(snap.heading_vectors[hit.chunk.id] @ query)
            top[i] = Hit(chunk=hit.chunk, score=hit.score + bonus, similarity=hit.similarity)
        hits[: len(top)] = sorted(top, key=lambda h: -h.score)

    def _lexical(self, snap: _Snapshot, query: str, step: str | None) -> dict[str, float]:
        scores = snap.index.scores(query)
        mask = snap.step_mask(step) & (scores > 0)
        return {snap.chunks[i].id: float(scores[i]) for i in np.flatnonzero(mask)}

    def rank(
        self,
        query: str,
        k: int,
        mode: Mode = "hybrid",
        step: str | None = None,
        exclude: frozenset[str] | set[str] = frozenset(),
        max_per_guide: int | None = None,
    ) -> list[Hit]:
        snap = self._current()
        if not snap.chunks:
            return []
        query = snap.reader.read(query)
        dense_wanted = mode != "bm25" and snap.matrix is not None
        vector = self._vector(query) if dense_wanted else []
        dense = self._dense(snap, vector, step) if vector else {}
        lexical = self._lexical(snap, query, step) if mode != "vector" else {}
        by_id = {c.id: c for c in snap.chunks}
        fused = self._fuse({cid: s for cid, (_, s) in dense.items()}, lexical, self.fusion)
        # Keyword-only scores are raw BM25: the prior then scales with the best of them.
        scale = 1.0 if dense or not fused else max(fused.values())
        for cid in snap.roundup & fused.keys():
            fused[cid] -= self.fusion.roundup_penalty * scale
        hits = [
            Hit(chunk=by_id[cid], score=score, similarity=dense[cid][1] if cid in dense else None)
            for cid, score in sorted(fused.items(), key=lambda item: -item[1])
            if cid not in exclude and cid in by_id
        ]
        if vector and self.fusion.heading_weight:
            self._rerank_by_heading(snap, hits, vector)
        return _diversify(hits, k, max_per_guide)

    @staticmethod
    def _fuse(
        dense: dict[str, float], lexical: dict[str, float], fusion: Fusion
    ) -> dict[str, float]:
        if not lexical:
            return dict(dense)
        if not dense:
            return dict(lexical)
        top = max(lexical.values())
        fused = dict(dense)
        for cid, score in lexical.items():
            if cid in fused:  # a chunk outside the dense candidates has no cosine to add to
                fused[cid] += fusion.lexical_weight * score / top
        return fused
