"""What the engine needs from persistence: a small protocol, so the engine can run on any store
(storage.MapStore of JourneyMap in the app; anything with these methods in a test)."""

from __future__ import annotations

from typing import Any, Protocol

from bot.model import JourneyMap
from storage import MapKey, StoredMap

Stored = StoredMap[JourneyMap]


class MapRepository(Protocol):
    def create(
        self, key: MapKey, journey_map: JourneyMap, state: dict[str, Any], author: str
    ) -> Stored:
        """A new map in this thread; raises storage.MapExists when one is there."""
        ...

    def load(self, key: MapKey) -> Stored | None: ...

    def load_by_id(self, map_id: str) -> Stored | None: ...

    def find_linked(self, map_id: str) -> Stored | None:
        """The map whose `linked_map_id` names this one (its future state)."""
        ...

    def save(
        self,
        stored: Stored,
        journey_map: JourneyMap,
        state: dict[str, Any],
        author: str,
        summary: str = "",
        parent: int | None = None,
    ) -> Stored:
        """A new state (and version, when the content changed); raises storage.StaleRevision
        when someone saved since `stored` was loaded."""
        ...

    def version(self, map_id: str, version: int) -> tuple[JourneyMap, int | None] | None:
        """A stored version's map and the version it descends from."""
        ...
