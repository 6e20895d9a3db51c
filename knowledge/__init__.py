"""Mapping guidance: chunks of knowledge/guides/*.md (and teams' own playbooks) in a chromadb
store with local embeddings, served as tips per step, search results and answers.

The heavy parts (onnxruntime, chromadb) are imported on first use of an export, so importing
`knowledge.types` stays cheap for the rest of the bot.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from knowledge.types import Answer, GuideSummary, Passage, Source, StoreLocation, Tip

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase, open_knowledge_base
    from knowledge.ingest import IngestReport

_LAZY = {
    "KnowledgeBase": "knowledge.base",
    "open_knowledge_base": "knowledge.base",
    "IngestReport": "knowledge.ingest",
}

__all__ = [
    "Answer",
    "GuideSummary",
    "IngestReport",
    "KnowledgeBase",
    "Passage",
    "Source",
    "StoreLocation",
    "Tip",
    "open_knowledge_base",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
