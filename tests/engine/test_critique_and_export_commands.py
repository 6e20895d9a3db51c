"""`critique` and `export …` in a conversation: the engine returns the critique and the files."""

from __future__ import annotations

import json

from bot.engine import Engine, Turn
from storage import MapKey, MapStore

KEY = MapKey(workspace="T1", channel="C1", thread="1")


def started(store: MapStore) -> Engine:
    engine = Engine(store)
    engine.start(KEY, "Support journey", "ana")
    engine.handle(KEY, Turn(user="ana", text="stage: Notice, Contact\nNotice > website (web)"))
    return engine


def test_critique_command_returns_findings_and_changes_nothing(store: MapStore) -> None:
    engine = started(store)
    before = store.load(KEY).journey_map  # type: ignore[union-attr]
    reply = engine.handle(KEY, Turn(user="ben", text="critique")).reply  # type: ignore[union-attr]
    rule_ids = {f.rule_id for f in reply.critique.findings}
    assert "no-persona" in rule_ids and 0 <= reply.critique.overall <= 100
    assert store.load(KEY).journey_map == before  # type: ignore[union-attr]


def test_export_command_returns_files(store: MapStore) -> None:
    engine = started(store)
    result = engine.handle(KEY, Turn(user="ana", text="export json, md"))
    assert result is not None
    assert [f.format for f in result.files] == ["json", "markdown"]
    assert json.loads(result.files[0].content)["title"] == "Support journey"
    assert "Exported: support-journey.json" in result.reply.notices[0]


def test_unknown_export_format_is_a_friendly_error(store: MapStore) -> None:
    engine = started(store)
    result = engine.handle(KEY, Turn(user="ana", text="export gif"))
    assert result is not None and not result.files
    assert "Choose one of: markdown" in result.reply.errors[0]
