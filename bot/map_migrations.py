"""Upgrades of stored map JSON from older schema versions, applied whenever a map is read.

Version 1 (before evidence): a persona's data source and an emotion's customer quote were
already evidence, so they become evidence links instead of leaving the items "assumed"."""

from __future__ import annotations

from typing import Any


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    upgraded = dict(data)
    if upgraded.get("schema_version", 1) < 2:
        upgraded = _v1_to_v2(upgraded)
    return upgraded


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    personas = []
    for persona in data.get("personas", []):
        persona = dict(persona)
        if persona.get("data_source") and "evidence" not in persona:
            persona["evidence"] = {
                "level": "observed",
                "links": [{"kind": "data", "text": persona["data_source"]}],
            }
        personas.append(persona)
    emotions = []
    for emotion in data.get("emotions", []):
        emotion = dict(emotion)
        if emotion.get("quote") and "evidence" not in emotion:
            emotion["evidence"] = {
                "level": "reported",
                "links": [{"kind": "quote", "text": emotion["quote"]}],
            }
        emotions.append(emotion)
    return {**data, "personas": personas, "emotions": emotions, "schema_version": 2}
