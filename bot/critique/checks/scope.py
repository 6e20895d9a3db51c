"""Scope: objective, scenario, who the map is for, and whether it tries to cover too much."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.critique.view import Hit, MapView, quoted

_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(.+)$", re.MULTILINE)
# Separators that join alternatives: "renew or switch", "; ", "and/or", "as well as", " / ".
_ALTERNATIVES = re.compile(r"\s*;\s*|\s+and/or\s+|\s+or\s+|\s+as well as\s+|\s+/\s+", re.I)
# "and" only starts a new scenario when a new subject follows: "... and existing customers ...".
_AND_NEW_SUBJECT = re.compile(
    r"\s+and\s+(?=(?:another|other|existing|new|returning|also|when|if)\b"
    r"|(?:a|an)\s+\S+\s+\S+\s+\S+\s+\S+)",
    re.I,
)
# An alternative that is only a channel or manner ("online or by phone") is not a scenario.
_MANNER = re.compile(
    r"^(?:by|via|in|on|at|through|with|from|over|using|online|offline|not)\b", re.I
)
_MIN_WORDS = 3


def distinct_scenarios(text: str) -> list[str]:
    """The separate scenarios a scenario text lists; empty when it reads as one.

    A bulleted or numbered list of two or more items is several scenarios. Otherwise the text
    is split at alternatives (";", "or", "and/or", "as well as", " / ") and at "and" followed
    by a new subject (another, other, existing, new, returning, also, when, if; or a/an
    followed by at least four more words, a clause of its own). Parts
    shorter than three words, and parts that begin with a manner ("by phone", "online"), are
    not scenarios of their own; two or more remaining parts are.
    """
    items = _LIST_ITEM.findall(text)
    if len(items) >= 2:
        return [item.strip() for item in items]
    parts = [p for chunk in _ALTERNATIVES.split(text) for p in _AND_NEW_SUBJECT.split(chunk)]
    scenarios = [
        p.strip(" ,.")
        for p in parts
        if len(p.split()) >= _MIN_WORDS and not _MANNER.match(p.strip())
    ]
    return scenarios if len(scenarios) >= 2 else []


def no_objective(v: MapView) -> Iterator[Hit]:
    if not v.m.scope.objective:
        yield Hit(
            v.at_scope("objective"),
            "The map has no objective, so nothing says which decision or change it should drive.",
            "Write one measurable objective, e.g. `edit scope objective: <what should change "
            f"for customers{_at_worst(v)}, by how much and by when>`.",
        )


def no_scenario(v: MapView) -> Iterator[Hit]:
    if not v.m.scope.scenario:
        yield Hit(
            v.at_scope("scenario"),
            "The map has no scenario: readers cannot tell which situation the journey follows.",
            "Describe one concrete situation, e.g. `edit scope scenario: <who, in what "
            f"situation, from {_first_and_last(v)}>`.",
        )


def no_owner_or_audience(v: MapView) -> Iterator[Hit]:
    if not v.m.owner and not v.m.scope.audience:
        yield Hit(
            v.at_scope("audience"),
            "Nobody is named as the map's owner or audience, so nobody is answerable for acting "
            "on it or keeping it current.",
            "Say who the map is for and who keeps it alive, e.g. `edit scope for: <the people "
            "who will act on it>` and `owner: <the person who keeps it current>`.",
        )


def no_map_owner(v: MapView) -> Iterator[Hit]:
    """The audience is named (else no-owner-or-audience) but nobody keeps the map alive."""
    if not v.m.owner and v.m.scope.audience:
        yield Hit(
            v.at_map(),
            f"The map is for {quoted(v.m.scope.audience)}, but nobody is named as its owner: "
            "nobody convenes its reviews, updates it or retires it, so it goes stale after "
            "the workshop.",
            "Name the person who keeps it alive, someone close to the journey such as its "
            "service owner or CX lead, e.g. `owner: <their name>`.",
        )


def several_personas(v: MapView) -> Iterator[Hit]:
    personas = v.m.personas
    if len(personas) > 1:
        names = ", ".join(quoted(p.name) for p in personas)
        yield Hit(
            v.at_map(),
            f"The map follows {len(personas)} personas ({names}); every row becomes an average "
            "of different journeys.",
            f"Keep one primary persona (e.g. {quoted(personas[0].name)}) and start a separate "
            "map for each of the others.",
        )


def several_scenarios(v: MapView) -> Iterator[Hit]:
    scenarios = distinct_scenarios(v.m.scope.scenario)
    if scenarios:
        listed = "; ".join(quoted(s) for s in scenarios)
        yield Hit(
            v.at_scope("scenario"),
            f"The scenario covers {len(scenarios)} situations at once: {listed}.",
            f"Keep one scenario in this map (e.g. {quoted(scenarios[0])}) and map the others "
            "separately.",
        )


def _at_worst(v: MapView) -> str:
    stage = v.lowest_stage()
    return f" at {quoted(stage.name)}" if stage is not None and v.emotions else ""


def _first_and_last(v: MapView) -> str:
    if not v.m.stages:
        return "the trigger to the end of the journey"
    return f"{quoted(v.m.stages[0].name)} to {quoted(v.m.stages[-1].name)}"
