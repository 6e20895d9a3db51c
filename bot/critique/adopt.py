"""Adopting an imported map: it becomes a saved map in a thread (Slack) or in the terminal's
list, at the review step, keeping every item id, so the commands a critique suggests
(`edit tp-4 owner: …`) work on it."""

from __future__ import annotations

from bot.model import Contribution, JourneyMap, Step
from bot.text import truncate
from storage import MapKey, MapStore, StoredMap


def adopt(
    store: MapStore, key: MapKey, journey_map: JourneyMap, author: str, source: str
) -> StoredMap:
    """Save the imported map under `key` (a thread with no map yet: MapExists otherwise)."""
    summary = truncate(f"imported the map from {source}", 200)
    adopted = journey_map.model_copy(deep=True)
    adopted.contributors.append(Contribution(user=truncate(author, 200), summary=summary))
    return store.create(key, adopted, {"step": Step.REVIEW.value}, author)
