"""Persistence: maps keyed by workspace, channel and thread, with every version kept."""

from storage.store import (
    MapExists,
    MapKey,
    MapStore,
    MapSummary,
    StaleRevision,
    StoredMap,
    VersionInfo,
    create_db_engine,
    next_review_at,
)

__all__ = [
    "MapExists",
    "MapKey",
    "MapStore",
    "MapSummary",
    "StaleRevision",
    "StoredMap",
    "VersionInfo",
    "create_db_engine",
    "next_review_at",
    "open_store",
]


def open_store(url: str) -> MapStore:
    return MapStore(create_db_engine(url))
