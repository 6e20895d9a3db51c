"""One row per fact, as our CSV export (and the workbook's Data sheet) writes it: columns Stage,
Lane, Item, Details, Owner, Evidence, Sources, Score. Rows without a stage describe the map:
its title, scope and persona."""

from __future__ import annotations

from bot.critique.imports.cells import flat
from bot.critique.imports.draft import Anchor, Preamble, StageDraft, TouchpointDraft
from bot.critique.imports.names import normalise, preamble_key

COLUMNS = ("stage", "lane", "item", "details", "owner", "score")


def is_long_header(row: list[str]) -> bool:
    names = {normalise(cell) for cell in row}
    return {"stage", "lane", "item"} <= names


def read(header: list[str], rows: list[list[str]]) -> tuple[list[StageDraft], Preamble]:
    index = {normalise(name): i for i, name in enumerate(header)}
    stages: dict[str, StageDraft] = {}
    preamble = Preamble()
    for row in rows:

        def cell(name: str, row: list[str] = row) -> str:
            i = index.get(name)
            return flat(row[i]) if i is not None and i < len(row) else ""

        stage_name, lane, item = cell("stage"), normalise(cell("lane")), cell("item")
        if not item and lane != "emotion":
            continue
        if not stage_name:
            _describe_map(preamble, lane, item, cell("details"), cell("owner"))
            continue
        stage = stages.setdefault(stage_name.casefold(), StageDraft(name=stage_name))
        _add(stage, lane, item, cell("details"), cell("owner"), cell("score"))
    return list(stages.values()), preamble


def _describe_map(preamble: Preamble, lane: str, item: str, details: str, owner: str) -> None:
    if lane == "map" and normalise(item) == "title":
        preamble.title, preamble.owner = details, owner
    elif lane == "scope":
        key = preamble_key(item)
        if key and key not in {"title", "persona", "goals", "source", "owner"}:
            preamble.scope[key] = details
    elif lane == "persona":
        preamble.persona(item)
    elif lane == "persona goal" and details:
        preamble.persona(details).goals.append(item)
    elif lane == "persona source" and details:
        preamble.persona(details).source = item


def _add(stage: StageDraft, lane: str, item: str, details: str, owner: str, score: str) -> None:
    named = {t.description: n for n, t in enumerate(stage.touchpoints)}
    if lane == "stage":
        if details:
            stage.descriptions.append(details)
    elif lane == "touchpoint":
        stage.touchpoints.append(TouchpointDraft(description=item, channel=details, owner=owner))
    elif lane in {"customer action", "customer thought"} and details in named:
        touchpoint = stage.touchpoints[named[details]]
        if lane == "customer action":
            touchpoint.action = item
        else:
            touchpoint.thought = item
    elif lane == "emotion":
        if score:
            stage.emotions.append(score)
        if item:
            stage.emotion_labels.append(item)
        if details:
            stage.quotes.append(details)
    elif lane in {"pain point", "delight", "moment of truth"}:
        anchor = Anchor(item, named.get(details))
        {"pain point": stage.pains, "delight": stage.delights, "moment of truth": stage.moments}[
            lane
        ].append(anchor)
    elif lane == "action":
        stage.opportunities.append(item)
    elif lane == "kpi":
        stage.kpis.append(item)
