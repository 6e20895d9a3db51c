"""The chromadb collection that holds the guidance chunks, reached through langchain-chroma.

A local persistent directory by default; a Chroma server when `chroma_url` is set. Our own
embedding function is always handed to langchain-chroma, so chroma's default one (which would
download a model) is never attached to the collection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.collection_configuration import CreateCollectionConfiguration
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from knowledge.chunking import Chunk, MetadataValue

FINGERPRINT_KEY = "builtin_fingerprint"
_COLLECTION_CONFIGURATION: CreateCollectionConfiguration = {"hnsw": {"space": "cosine"}}
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

    @property
    def guide_id(self) -> str:
        return str(self.metadata.get("guide_id", ""))

    @property
    def body(self) -> str:
        start = self.metadata.get("body_start", 0)
        return self.content[int(start) :] if isinstance(start, int) else self.content


class GuidanceStore:
    def __init__(self, client: ClientAPI, collection: str, embeddings: Embeddings) -> None:
        self._client = client
        self._name = collection
        self._embeddings = embeddings
        self._vectors = Chroma(
            collection_name=collection,
            embedding_function=embeddings,
            client=client,
            collection_configuration=_COLLECTION_CONFIGURATION,
        )

    @property
    def vectors(self) -> Chroma:
        return self._vectors

    def _collection(self) -> Any:
        # langchain-chroma has no public accessor for collection metadata or count.
        return self._vectors._collection

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

    def _get(self, where: dict[str, Any] | None, documents: bool) -> list[StoredChunk]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        out: list[StoredChunk] = []
        offset = 0
        while True:
            page = self._vectors.get(where=where, limit=_PAGE, offset=offset, include=include)
            docs = page.get("documents") or [""] * len(page["ids"])
            for cid, meta, doc in zip(page["ids"], page["metadatas"], docs, strict=True):
                out.append(StoredChunk(id=cid, content=doc or "", metadata=meta or {}))
            if len(page["ids"]) < _PAGE:
                return out
            offset += _PAGE

    def chunks(self, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        return self._get(where, documents=True)

    def chunk_metadata(self, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        return self._get(where, documents=False)

    def upsert(self, chunks: Sequence[Chunk]) -> None:
        if not chunks:
            return
        docs = [Document(page_content=c.content, metadata=dict(c.metadata)) for c in chunks]
        self._vectors.add_documents(docs, ids=[c.id for c in chunks])

    def delete(self, ids: Iterable[str]) -> None:
        batch = list(ids)
        if batch:
            self._vectors.delete(ids=batch)

    def query(
        self, vector: Sequence[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks with their cosine similarity (1 - chroma's cosine distance); fewer
        than k when the collection holds fewer."""
        if k <= 0:
            return []
        hits = self._vectors.similarity_search_by_vector_with_relevance_scores(
            list(vector), k=k, filter=where
        )
        return [
            (StoredChunk(id=doc.id or "", content=doc.page_content, metadata=doc.metadata), 1.0 - d)
            for doc, d in hits
        ]
