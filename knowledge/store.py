"""The chromadb collection that holds the guidance chunks.

A local persistent directory by default; a Chroma server when `chroma_url` is set. Vectors are
computed by our own embeddings and handed to chroma; the collection is opened with no embedding
function, so chroma's default one (which would download a model) is never attached. chromadb's
own client is used rather than langchain-chroma: the wrapper added a third of a second to every
cold `journeybot knowledge search` and nothing we use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from langchain_core.embeddings import Embeddings

from knowledge.chunking import Chunk, MetadataValue

FINGERPRINT_KEY = "builtin_fingerprint"
_COLLECTION_CONFIGURATION: dict[str, Any] = {"hnsw": {"space": "cosine"}}
_PAGE = 500


def chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False)


def persistent_client(path: Path) -> ClientAPI:
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings())


def http_client(url: str) -> ClientAPI:
    parts = urlsplit(url if "://" in url else f"http://{url}")
    ssl = parts.scheme == "https"
    port = parts.port or (443 if ssl else 8000)
    return chromadb.HttpClient(
        host=parts.hostname or "localhost", port=port, ssl=ssl, settings=chroma_settings()
    )


@dataclass(frozen=True)
class StoredChunk:
    id: str
    content: str
    metadata: Mapping[str, MetadataValue]
    # The chunk's embedding, when it was read with its vector.
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def guide_id(self) -> str:
        return str(self.metadata.get("guide_id", ""))

    @property
    def body(self) -> str:
        start = self.metadata.get("body_start", 0)
        return self.content[int(start) :] if isinstance(start, int) else self.content


Include = Literal["documents", "embeddings", "metadatas", "distances", "uris", "data"]


def _scalars(meta: Mapping[str, object] | None) -> dict[str, MetadataValue]:
    """Chunk metadata as we write it: scalars only (chroma's type allows more)."""
    return {k: v for k, v in (meta or {}).items() if isinstance(v, str | int | float | bool)}


class GuidanceStore:
    def __init__(self, client: ClientAPI, collection: str, embeddings: Embeddings) -> None:
        self._client = client
        self._name = collection
        self._embeddings = embeddings
        self._chroma = client.get_or_create_collection(
            collection,
            configuration=_COLLECTION_CONFIGURATION,  # type: ignore[arg-type]
            embedding_function=None,
        )

    def _collection(self) -> Any:
        return self._chroma

    def count(self) -> int:
        return int(self._collection().count())

    def metadata(self) -> dict[str, Any]:
        return dict(self._collection().metadata or {})

    def fingerprint(self) -> str | None:
        value = self.metadata().get(FINGERPRINT_KEY)
        return str(value) if value else None

    def set_fingerprint(self, value: str) -> None:
        meta = self.metadata()
        meta[FINGERPRINT_KEY] = value
        self._collection().modify(metadata=meta)

    def configuration(self) -> dict[str, Any]:
        return dict(self._collection().configuration_json or {})

    def _get(
        self, where: dict[str, Any] | None, documents: bool, vectors: bool = False
    ) -> list[StoredChunk]:
        include: list[Include] = ["metadatas", "documents"] if documents else ["metadatas"]
        include += ["embeddings"] if vectors else []
        out: list[StoredChunk] = []
        offset = 0
        while True:
            page = self._chroma.get(where=where, limit=_PAGE, offset=offset, include=include)
            size = len(page["ids"])
            docs = page.get("documents") or [""] * size
            rows = page.get("embeddings")
            embedded = [None] * size if rows is None else [np.asarray(r) for r in rows]
            metadatas = page.get("metadatas") or [{}] * size
            for cid, meta, doc, vector in zip(page["ids"], metadatas, docs, embedded, strict=True):
                out.append(StoredChunk(cid, doc or "", _scalars(meta), vector))
            if len(page["ids"]) < _PAGE:
                return out
            offset += _PAGE

    def chunks(self, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        """Every chunk with its text, metadata and vector."""
        return self._get(where, documents=True, vectors=True)

    def chunk_metadata(self, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        return self._get(where, documents=False)

    def upsert(self, chunks: Sequence[Chunk]) -> None:
        if not chunks:
            return
        contents = [c.content for c in chunks]
        self._chroma.upsert(
            ids=[c.id for c in chunks],
            documents=contents,
            metadatas=[dict(c.metadata) for c in chunks],
            embeddings=np.asarray(self._embeddings.embed_documents(contents), dtype=np.float32),
        )

    def delete(self, ids: Iterable[str]) -> None:
        batch = list(ids)
        if batch:
            self._chroma.delete(ids=batch)
