"""The knowledge base the bot talks to: tips per step, search, answers, ingest, listing."""

from __future__ import annotations

import atexit
import json
import logging
import threading
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from knowledge.chunking import split_guide
from knowledge.domains import Domain, foreign_domains
from knowledge.embeddings import (
    EmbeddingCancelled,
    MiniLMEmbeddings,
    shared_embeddings,
    stop_embedding,
)
from knowledge.guides import BUILTIN_GUIDES_DIR, STEPS, GuideError, guide_files, read_guide
from knowledge.ingest import (
    BUILTIN_ORIGIN,
    IngestReport,
    Progress,
    folder_fingerprint,
    ingest_path,
    ingest_paths,
)
from knowledge.relevance import is_relevant, outside_request
from knowledge.retrieval import Hit, MemoryChunks, Mode, Retriever
from knowledge.store import GuidanceStore, StoredChunk, http_client, persistent_client
from knowledge.summary import MAX_SUMMARY_CHARS, opening
from knowledge.trim import trim_text
from knowledge.types import Answer, GuideSummary, Passage, Source, StoreLocation, Tip

log = logging.getLogger(__name__)

_builders: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


@atexit.register
def _stop_builders() -> None:
    """Let background builds finish their current batch before the interpreter goes away."""
    stop_embedding()
    for thread in list(_builders):
        thread.join(timeout=30)


# What each conversation step asks the guidance for; the map's own context is appended.
STEP_QUERIES: dict[str, str] = {
    "scope": "choosing the scope and objective of a journey map: one customer, scenario and goal",
    "personas": "building personas for a journey map from research evidence",
    "stages": "choosing and naming the stages of the customer journey",
    "touchpoints": "listing the touchpoints in each stage, channels and who owns them",
    "emotions": "capturing customer emotions, pain points and moments of truth",
    "kpis": "choosing KPIs with a baseline, target and owner for each stage",
    "review": "reviewing the map, validating it with evidence and turning findings into actions",
    "general": "how to build a useful customer journey map",
}
# Further passages of an answer ("more") must come within this of the best one's score.
MORE_WITHIN = 0.12
MAX_PER_GUIDE = 3
TIP_CHARS = 300
# Tips: a section written for another kind of journey loses this much of its score.
FOREIGN_DOMAIN_PENALTY = 0.25

StoreFactory = Callable[[], GuidanceStore]


def _sources(raw: object) -> list[Source]:
    try:
        items = json.loads(str(raw)) if raw else []
        return [Source.model_validate(item) for item in items]
    except (ValueError, TypeError):
        return []


def to_passage(hit: Hit) -> Passage:
    meta = hit.chunk.metadata
    return Passage(
        guide_id=hit.chunk.guide_id,
        title=str(meta.get("title", "")),
        heading=str(meta.get("heading", "")),
        text=hit.chunk.body,
        score=round(hit.score, 6),
        sources=_sources(meta.get("sources")),
        key=hit.chunk.id,
    )


def _legacy_key(chunk: StoredChunk) -> str:
    return f"{chunk.guide_id}#{chunk.metadata.get('heading', '')}"


class KnowledgeBase:
    """Opens its store and loads the model on first use; safe to share between threads.

    With `background_build`, a store that still has to be built is built in a background
    thread on first use, and tips meanwhile come from BM25 over the guides folder, so no
    conversation turn waits for the first embedding of every guide.
    """

    def __init__(
        self,
        open_store: StoreFactory,
        embeddings: MiniLMEmbeddings | None = None,
        guides_dir: Path = BUILTIN_GUIDES_DIR,
        auto_build: bool = True,
        background_build: bool = False,
    ) -> None:
        self._open_store = open_store
        self._embeddings = embeddings or shared_embeddings()
        self._guides_dir = guides_dir
        self._auto_build = auto_build
        self._background_build = background_build
        self._store: GuidanceStore | None = None
        self._retriever: Retriever | None = None
        self._builder: threading.Thread | None = None
        self._interim: Retriever | None = None
        self._build_error: Exception | None = None
        self._lock = threading.RLock()  # opening and building, one thread at a time
        self._state_lock = threading.Lock()  # the builder thread and the interim retriever

    # -- lifecycle -------------------------------------------------------------------------

    def _ready(
        self, build: bool = True, progress: Progress | None = None
    ) -> tuple[GuidanceStore, Retriever]:
        with self._lock:
            if self._store is None or self._retriever is None:
                store = self._store or self._open_store()
                if build and self._auto_build:
                    self._build_if_stale(store, progress)
                self._store, self._retriever = store, Retriever(store, self._embeddings)
            return self._store, self._retriever

    def _for_turn(self) -> tuple[Retriever, Mode]:
        """The retriever a conversation turn may use without waiting for a build."""
        retriever = self._retriever
        if retriever is not None:
            return retriever, "hybrid"
        if not self._background_build:
            return self._ready()[1], "hybrid"
        with self._state_lock:
            failed = self._build_error
            if self._builder is None or not self._builder.is_alive():
                self._builder = self.warm_up()
            if failed is not None:
                raise failed  # the store is unreachable, not merely unbuilt: no tips
            if self._interim is None:
                self._interim = Retriever(MemoryChunks(self._guide_chunks()), self._embeddings)
            interim = self._interim
        return (self._retriever, "hybrid") if self._retriever else (interim, "bm25")

    def _guide_chunks(self) -> list[StoredChunk]:
        out: list[StoredChunk] = []
        for path in guide_files(self._guides_dir):
            try:
                guide = read_guide(path)
            except GuideError:
                continue
            for chunk in split_guide(guide, BUILTIN_ORIGIN, path.name):
                out.append(StoredChunk(id=chunk.id, content=chunk.content, metadata=chunk.metadata))
        return out

    def _build_if_stale(self, store: GuidanceStore, progress: Progress | None = None) -> None:
        current = folder_fingerprint(self._guides_dir)
        if store.fingerprint() == current:
            return
        report = ingest_path(store, self._guides_dir, progress)
        store.set_fingerprint(current)
        log.info(
            "knowledge base built: %d guides, %d chunks embedded, %d removed in %.1fs",
            len(report.guides),
            report.added,
            report.removed,
            report.seconds,
        )
        for error in report.errors:
            log.warning("guide skipped: %s", error)

    def warm_up(self, background: bool = True) -> threading.Thread | None:
        """Load the model and build the store now rather than on the first turn; errors are
        logged (the next call tries again)."""

        def run() -> None:
            try:
                self._ready()
                self._embeddings.load()
                self._build_error = None
            except EmbeddingCancelled:  # the process is exiting: the next start builds again
                log.debug("knowledge base build stopped at exit")
            except Exception as exc:
                self._build_error = exc
                log.exception("knowledge base: warm-up failed; will retry on next use")

        if not background:
            run()
            return None
        thread = threading.Thread(target=run, name="knowledge-build", daemon=True)
        _builders.add(thread)
        thread.start()
        return thread

    def close(self) -> None:
        with self._lock:
            self._store = None
            self._retriever = None

    # -- reading ---------------------------------------------------------------------------

    def search(self, query: str, k: int = 3) -> list[Passage]:
        """The best passages for free text, several of one guide when they rank; [] when
        nothing in the guidance is relevant. Store errors propagate."""
        retriever, mode = self._for_turn()
        hits = self._relevant_hits(retriever, mode, query, k)
        return [to_passage(h) for h in hits]

    def _relevant_hits(self, retriever: Retriever, mode: Mode, query: str, k: int) -> list[Hit]:
        if not query.strip() or k <= 0 or outside_request(query):
            return []
        hits = retriever.rank(query, k=k, mode=mode, max_per_guide=MAX_PER_GUIDE)
        return hits if hits and is_relevant(hits[0], mode) else []

    def ask(self, question: str, more: int = 2) -> Answer:
        """The direct answer to a question: the sentences of the best section that answer it,
        that section, and up to `more` further sections that scored nearly as well."""
        try:
            retriever, mode = self._for_turn()
            hits = self._relevant_hits(retriever, mode, question, 1 + more)
        except Exception:
            log.exception("knowledge base: answering failed; continuing without")
            return Answer(status="unavailable")
        if not hits:
            return Answer(status="outside")
        best = hits[0]
        close = [h for h in hits[1:] if best.score - h.score <= MORE_WITHIN]
        summary = self._summary(retriever, question, best, mode, MAX_SUMMARY_CHARS)
        return Answer(
            status="answered", summary=summary, passages=[to_passage(h) for h in [best, *close]]
        )

    def _summary(
        self, retriever: Retriever, question: str, hit: Hit, mode: Mode, limit: int
    ) -> str:
        if mode == "bm25" and not self._embeddings.loaded:
            # The model is still loading for the build: the section's opening is the answer.
            return opening(hit.chunk.body, limit)
        return retriever.key_sentences(question, hit.chunk, limit)

    def tip(
        self,
        step: str,
        context: str = "",
        domain: Domain | None = None,
        exclude: set[str] | frozenset[str] = frozenset(),
    ) -> Tip | None:
        """One short tip for a conversation step, fitted to the map's context and domain and
        not among `exclude` (keys of tips already shown); None when there is none. Never raises."""
        try:
            return self._tip(step, context, domain, exclude)
        except Exception:
            log.exception("knowledge base: tip for %r failed; continuing without", step)
            return None

    def _tip(
        self, step: str, context: str, domain: Domain | None, exclude: set[str] | frozenset[str]
    ) -> Tip | None:
        if step not in STEPS:
            return None
        retriever, mode = self._for_turn()
        query = STEP_QUERIES[step] + (f" for {context.strip()}" if context.strip() else "")
        hidden = set(exclude) | {c.id for c in retriever.chunks() if _legacy_key(c) in exclude}
        hits = retriever.rank(query, k=8, mode=mode, step=step, exclude=hidden)
        if not hits:
            return None
        best = max(hits, key=lambda h: h.score - _domain_penalty(h, domain))
        return Tip(
            key=best.chunk.id,
            guide_id=best.chunk.guide_id,
            title=str(best.chunk.metadata.get("title", "")),
            heading=str(best.chunk.metadata.get("heading", "")),
            text=self._summary(retriever, query, best, mode, TIP_CHARS)
            or trim_text(best.chunk.body, TIP_CHARS),
            sources=_sources(best.chunk.metadata.get("sources")),
        )

    def section(self, key: str) -> Passage | None:
        """The whole section a tip or answer came from, by its key; None when it is gone."""
        retriever, _ = self._for_turn()
        found = next((c for c in retriever.chunks() if c.id == key), None)
        return to_passage(Hit(chunk=found, score=1.0, similarity=None)) if found else None

    def guide_sections(self, guide_id: str) -> list[Passage]:
        """Every section of one guide, in the guide's order."""
        retriever, _ = self._for_turn()
        chunks = [c for c in retriever.chunks() if c.guide_id == guide_id]
        chunks.sort(key=lambda c: int(c.metadata.get("position", 0)))
        return [to_passage(Hit(chunk=c, score=1.0, similarity=None)) for c in chunks]

    def list_guides(self) -> list[GuideSummary]:
        store, _ = self._ready()
        guides: dict[str, GuideSummary] = {}
        for chunk in store.chunk_metadata():
            meta = chunk.metadata
            summary = guides.get(chunk.guide_id) or GuideSummary(
                id=chunk.guide_id,
                title=str(meta.get("title", "")),
                steps=[s for s in str(meta.get("steps", "")).split(",") if s],
                tags=[t for t in str(meta.get("tags", "")).split(",") if t],
                source_file=str(meta.get("source_file", "")),
                origin=str(meta.get("origin", "")),
            )
            summary.chunks += 1
            guides[chunk.guide_id] = summary
        return sorted(guides.values(), key=lambda g: g.id)

    # -- writing ---------------------------------------------------------------------------

    def ingest(
        self, paths: Iterable[Path | str] | None = None, progress: Progress | None = None
    ) -> IngestReport:
        """Sync files or folders into the store; no paths means the built-in guides. Chunks are
        written batch by batch, so an interrupted ingest keeps its work and the next resumes."""
        store, retriever = self._ready(build=paths is not None, progress=progress)
        try:
            if paths is None:
                report = ingest_path(store, self._guides_dir, progress)
                store.set_fingerprint(folder_fingerprint(self._guides_dir))
                return report
            return ingest_paths(store, [Path(p) for p in paths], progress)
        finally:
            retriever.invalidate()

    def needs_build(self) -> bool:
        """Whether the first use will have to embed the built-in guides."""
        if not self._auto_build:
            return False
        with self._lock:
            if self._store is None:
                self._store = self._open_store()
            return self._store.fingerprint() != folder_fingerprint(self._guides_dir)

    def build(self, progress: Progress | None = None) -> None:
        """Open the store and build it now if it is out of date, reporting progress."""
        self._ready(progress=progress)


def _domain_penalty(hit: Hit, domain: Domain | None) -> float:
    if domain is None:
        return 0.0
    meta = hit.chunk.metadata
    marks = f"{meta.get('tags', '')} {meta.get('heading', '')} {meta.get('title', '')}"
    return FOREIGN_DOMAIN_PENALTY if foreign_domains(marks.replace(",", " "), domain) else 0.0


def store_factory(location: StoreLocation, embeddings: MiniLMEmbeddings) -> StoreFactory:
    def open_store() -> GuidanceStore:
        if location.chroma_url:
            client = http_client(location.chroma_url)
        else:
            client = persistent_client(location.chroma_dir)
        return GuidanceStore(client, location.collection, embeddings)

    return open_store


def open_knowledge_base(location: StoreLocation) -> KnowledgeBase:
    """The knowledge base at this location: nothing is opened or loaded until first use."""
    embeddings = shared_embeddings()
    return KnowledgeBase(store_factory(location, embeddings), embeddings, background_build=True)
