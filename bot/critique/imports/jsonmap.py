"""A map in our own JSON schema (what `export json` writes)."""

from __future__ import annotations

import json

from pydantic import ValidationError

from bot.critique.imports.problem import MAX_ITEMS, MAX_STAGES, MAX_TOUCHPOINTS, ImportProblem
from bot.model import COLLECTION, JourneyMap

# Counted before validation: the model's reference checks are quadratic in the item count.
_LIMITS: dict[str, int] = {
    **{collection: MAX_ITEMS for collection in COLLECTION.values()},
    "stages": MAX_STAGES,
    "touchpoints": MAX_TOUCHPOINTS,
    "emotions": MAX_STAGES,
    "emotion_votes": MAX_ITEMS * 10,
    "contributors": MAX_ITEMS * 20,
}


def read_json(text: str) -> JourneyMap:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportProblem(
            f"The file is not valid JSON ({_short_reason(exc)}). Export the map again with "
            "`export json`, or import a Markdown table, CSV or XLSX instead."
        ) from exc
    if not isinstance(data, dict):
        raise ImportProblem(_NOT_A_MAP)
    for collection, limit in _LIMITS.items():
        items = data.get(collection)
        if isinstance(items, list) and len(items) > limit:
            raise ImportProblem(
                f"The map has {len(items)} {collection.replace('_', ' ')}; a journey map holds "
                f"at most {limit}. Split the journey into several maps, then import again."
            )
    try:
        return JourneyMap.model_validate(data)
    except ValidationError as exc:
        raise ImportProblem(f"{_NOT_A_MAP} What did not fit: {_errors(exc)}.") from exc


_NOT_A_MAP = (
    "The JSON is not a JourneyBot map: it should be an object with a title, stages, "
    "touchpoints and so on, as `export json` writes (see `journeybot schema`)."
)


def _errors(exc: ValidationError, limit: int = 3) -> str:
    shown = [
        f"{'.'.join(str(part) for part in error['loc']) or 'map'}: {error['msg']}"
        for error in exc.errors()[:limit]
    ]
    more = exc.error_count() - len(shown)
    return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")


def _short_reason(exc: Exception) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:80]
