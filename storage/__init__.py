"""Persistence: maps keyed by workspace, channel and thread, with every version kept."""

from collections.abc import Callable

from storage.store import (
    M,
    MapDocument,
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
    "MapDocument",
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


def open_store(url: str, read: Callable[[str], M]) -> MapStore[M]:
    """A store at this database URL (migrated to the latest schema) for maps read by `read`."""
    return MapStore(create_db_engine(url), read)
