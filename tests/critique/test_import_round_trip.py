"""Our own exports import back: what each format carries survives the round trip."""

from __future__ import annotations

import pytest

from bot.critique.imports import import_map
from bot.exports import export
from bot.model import ItemKind, JourneyMap
from bot.samples import sample_map


def _stage(m: JourneyMap, stage_id: str) -> str:
    stage = m.stage(stage_id)
    assert stage is not None
    return stage.name


def _touchpoints(m: JourneyMap, with_owner: bool) -> set[tuple[str, ...]]:
    return {
        (_stage(m, t.stage_id), t.description, t.channel, t.customer_action, t.customer_thought)
        + ((t.owner,) if with_owner else ())
        for t in m.touchpoints
    }


def _anchored(m: JourneyMap, kind: ItemKind) -> set[tuple[str, str, str | None]]:
    return {
        (
            _stage(m, item.stage_id),
            item.text,
            m.find("touchpoint", item.touchpoint_id).description if item.touchpoint_id else None,
        )
        for item in m.items(kind)
    }


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_long_table_exports(fmt: str) -> None:
    """CSV is one row per fact; the workbook holds the same table in its Data sheet."""
    original = sample_map()
    file = export(original, fmt)
    imported = import_map(file.content, file.filename)
    assert imported.title == original.title and imported.scope == original.scope
    assert [p.name for p in imported.personas] == [original.personas[0].name]
    assert imported.personas[0].goals == original.personas[0].goals
    for kind in ("delight", "moment"):
        assert _anchored(imported, kind) == _anchored(original, kind), kind
    assert [s.name for s in imported.stages] == [s.name for s in original.stages]
    assert _touchpoints(imported, with_owner=True) == _touchpoints(original, with_owner=True)
    assert [(e.score, e.label) for e in imported.emotions] == [
        (e.score, e.label) for e in original.emotions
    ]
    assert _anchored(imported, "pain") == _anchored(original, "pain")


def test_the_markdown_export() -> None:
    original = sample_map()
    file = export(original, "markdown")
    imported = import_map(file.content, file.filename)
    assert imported.title == original.title
    assert imported.scope == original.scope
    (persona,) = imported.personas
    assert (persona.name, persona.goals, persona.data_source) == (
        "Maya, first-time buyer",
        original.personas[0].goals,
        original.personas[0].data_source,
    )
    assert [s.name for s in imported.stages] == [s.name for s in original.stages]
    assert _touchpoints(imported, with_owner=False) == _touchpoints(original, with_owner=False)
    assert [(e.score, e.label, e.quote) for e in imported.emotions] == [
        (e.score, e.label, e.quote) for e in original.emotions
    ]
    kinds: tuple[ItemKind, ...] = ("pain", "delight", "moment")
    for kind in kinds:
        assert _anchored(imported, kind) == _anchored(original, kind), kind
    assert {(a.description, a.owner) for a in imported.actions} == {
        (a.description, a.owner) for a in original.actions
    }


def test_the_json_export_is_lossless() -> None:
    original = sample_map()
    file = export(original, "json")
    assert import_map(file.content, file.filename) == original


def test_evidence_markers_of_our_exports_are_not_read_as_text() -> None:
    from bot.critique.imports.cells import flat, items

    assert items("Online form [observed · 2]<br>Advisor call [assumed]") == [
        "Online form",
        "Advisor call",
    ]
    assert flat("+1 hopeful — “quote” [reported · 3, 4]") == "+1 hopeful — “quote”"
