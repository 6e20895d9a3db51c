"""Personas: is there one, does it have goals, does it rest on data."""

from __future__ import annotations

from collections.abc import Iterator

from bot.critique.view import Hit, MapView, quoted
from bot.text import truncate


def no_persona(v: MapView) -> Iterator[Hit]:
    if not v.m.personas:
        yield Hit(
            v.at_map(),
            "The map has no persona, so it is nobody's journey.",
            "Add the one persona this journey follows, with goals and the research it comes "
            f"from, e.g. `persona: <a name, {_who(v)}>; goals: <what they want, in their "
            "words>; source: <the interviews or data behind them>`.",
        )


def persona_no_goals(v: MapView) -> Iterator[Hit]:
    for p in v.m.personas:
        if not p.goals:
            yield Hit(
                v.at_persona(p),
                f"Persona {quoted(p.name)} has no goals, so there is no yardstick for what a good "
                "journey means to them.",
                "Add what the persona wants to achieve, in their own words, e.g. "
                f"`edit {p.id} goals: <what {truncate(p.name, 30)} wants from this journey>`.",
            )


def persona_no_data_source(v: MapView) -> Iterator[Hit]:
    for p in v.m.personas:
        if not p.data_source and not any(link.kind == "data" for link in p.evidence.links):
            yield Hit(
                v.at_persona(p),
                f"Persona {quoted(p.name)} names no data source, so it may be a stereotype rather "
                "than people you have met.",
                f"Say which research the persona comes from, e.g. `edit {p.id} source: "
                f"{_research(v)}`; if there is none yet, plan interviews.",
            )


def _who(v: MapView) -> str:
    scenario = v.m.scope.scenario
    return f"the customer in {quoted(scenario)}" if scenario else "who they are"


def _research(v: MapView) -> str:
    basis = v.m.scope.research_basis
    return f"<which of {quoted(basis)}>" if basis else "<the interviews or data, and when>"
