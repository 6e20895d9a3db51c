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
    personas = [
        _with_evidence(p, "data_source", "observed", "data") for p in data.get("personas", [])
    ]
    emotions = [_with_evidence(e, "quote", "reported", "quote") for e in data.get("emotions", [])]
    return {**data, "personas": personas, "emotions": emotions, "schema_version": 2}


def _with_evidence(item: dict[str, Any], field: str, level: str, kind: str) -> dict[str, Any]:
    """An item whose `field` already held evidence gets it as an evidence link."""
    if not item.get(field) or "evidence" in item:
        return item
    return {**item, "evidence": {"level": level, "links": [{"kind": kind, "text": item[field]}]}}
