"""The knowledge base the bot talks to: tips per step, search, answers, ingest, listing."""

from __future__ import annotations

import atexit
import json
import logging
import threading
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.settings import Settings
from knowledge.chunking import split_guide
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
    folder_fingerprint,
    ingest_path,
    ingest_paths,
)
from knowledge.retrieval import Hit, MemoryChunks, Mode, Retriever
from knowledge.store import GuidanceStore, StoredChunk, http_client, persistent_client
from knowledge.trim import fit_passages
from knowledge.types import GuideSummary, Passage, Source

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
# Cosine similarity of the best chunk below which a question gets no answer, and of any
# further passage below which it is dropped; measured on the eval set (docs/knowledge.md).
ANSWER_MIN_SIMILARITY = 0.30
PASSAGE_MIN_SIMILARITY = 0.25
SEARCH_MAX_PER_GUIDE = 1

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

    def _ready(self, build: bool = True) -> tuple[GuidanceStore, Retriever]:
        with self._lock:
            if self._store is None or self._retriever is None:
                store = self._open_store()
                if build and self._auto_build:
                    self._build_if_stale(store)
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

    def _build_if_stale(self, store: GuidanceStore) -> None:
        current = folder_fingerprint(self._guides_dir)
        if store.fingerprint() == current:
            return
        report = ingest_path(store, self._guides_dir)
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
        """Best passages for free text, one per guide; store errors propagate."""
        _, retriever = self._ready()
        hits = retriever.rank(query, k=k, max_per_guide=SEARCH_MAX_PER_GUIDE)
        return [to_passage(h) for h in hits]

    def tips(
        self,
        step: str,
        context: str = "",
        exclude: set[str] | frozenset[str] = frozenset(),
        k: int = 2,
    ) -> list[Passage]:
        """Guidance for a conversation step, biased towards the map's context; never raises."""
        try:
            return self._tips(step, context, exclude, k)
        except Exception:
            log.exception("knowledge base: tips for %r failed; continuing without", step)
            return []

    def _tips(
        self, step: str, context: str, exclude: set[str] | frozenset[str], k: int
    ) -> list[Passage]:
        if step not in STEPS or k <= 0:
            return []
        retriever, mode = self._for_turn()
        query = STEP_QUERIES[step] + (f" for {context.strip()}" if context.strip() else "")
        hidden = set(exclude) | {c.id for c in retriever.chunks() if _legacy_key(c) in exclude}
        hits = retriever.rank(query, k=k, mode=mode, step=step, exclude=hidden, max_per_guide=1)
        return [to_passage(h) for h in hits]

    def answer(self, question: str, k: int = 3, max_chars: int = 2500) -> list[Passage]:
        """Passages that answer a question, trimmed to fit one Slack message; [] when nothing in
        the guidance is relevant or the store fails."""
        try:
            return self._answer(question, k, max_chars)
        except Exception:
            log.exception("knowledge base: answering failed; continuing without")
            return []

    def _answer(self, question: str, k: int, max_chars: int) -> list[Passage]:
        if not question.strip() or k <= 0:
            return []
        _, retriever = self._ready()
        hits = retriever.rank(question, k=k * 3, max_per_guide=SEARCH_MAX_PER_GUIDE)
        best = max((h.similarity or 0.0 for h in hits), default=0.0)
        if best < ANSWER_MIN_SIMILARITY:
            return []
        relevant = [h for h in hits if (h.similarity or 0.0) >= PASSAGE_MIN_SIMILARITY][:k]
        return fit_passages([to_passage(h) for h in relevant], max_chars)

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

    def ingest(self, paths: Iterable[Path | str] | None = None) -> IngestReport:
        """Sync files or folders into the store; no paths means the built-in guides."""
        store, retriever = self._ready(build=paths is not None)
        try:
            if paths is None:
                report = ingest_path(store, self._guides_dir)
                store.set_fingerprint(folder_fingerprint(self._guides_dir))
                return report
            return ingest_paths(store, [Path(p) for p in paths])
        finally:
            retriever.invalidate()


def store_factory(settings: Settings, embeddings: MiniLMEmbeddings) -> StoreFactory:
    def open_store() -> GuidanceStore:
        if settings.chroma_url:
            client = http_client(settings.chroma_url)
        else:
            client = persistent_client(settings.chroma_dir)
        return GuidanceStore(client, settings.knowledge_collection, embeddings)

    return open_store


def open_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The knowledge base for these settings: nothing is opened or loaded until first use."""
    embeddings = shared_embeddings()
    return KnowledgeBase(store_factory(settings, embeddings), embeddings, background_build=True)
