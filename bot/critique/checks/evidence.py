"""Evidence: what the map rests on, and whether it is kept current."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from bot.critique.view import Hit, MapView
from bot.model import EvidenceLevel

STALE_AFTER = timedelta(days=90)


def assumption_only(v: MapView) -> Iterator[Hit]:
    if not v.m.scope.research_basis and not _cites_evidence(v):
        yield Hit(
            v.at_scope("research basis"),
            "The map is assumption-only: no research basis, no persona data source, no customer "
            "quote and no item observed or reported.",
            "Treat it as an assumption map: mark what most needs checking, then validate it with "
            "a few customer interviews or analytics, and record them with `edit scope research: "
            "…`.",
        )


def no_research_basis(v: MapView) -> Iterator[Hit]:
    if not v.m.scope.research_basis and _cites_evidence(v):
        yield Hit(
            v.at_scope("research basis"),
            "The scope does not say what research the map rests on, although some items cite "
            "evidence.",
            "Summarise the research behind the map, e.g. `edit scope research: 12 customer "
            "interviews (2026), funnel analytics, NPS survey n=412`.",
        )


def stale_map(v: MapView) -> Iterator[Hit]:
    """Stale when neither an update nor a review (which confirms the map unchanged) is recent."""
    touched = [v.m.updated_at, *([v.m.last_reviewed_at] if v.m.last_reviewed_at else [])]
    latest = max(_aware(moment) for moment in touched)
    if v.now - latest > STALE_AFTER:
        days = (v.now - latest).days
        yield Hit(
            v.at_map(),
            f"The map was last updated or reviewed {days} days ago ({latest:%Y-%m-%d}); "
            "journeys, channels and pains change faster than that.",
            "Review it with the team: check each stage against recent data, close done actions, "
            "and set a review rhythm so it stays alive.",
        )


def _cites_evidence(v: MapView) -> bool:
    m = v.m
    if any(p.data_source for p in m.personas) or any(e.quote for e in m.emotions):
        return True
    return any(
        item.evidence.level is not EvidenceLevel.ASSUMED or item.evidence.links
        for item in v.evidenced()
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
