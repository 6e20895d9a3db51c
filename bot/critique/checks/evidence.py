"""Evidence: what the map rests on, how much of it is assumed, and whether it is kept current."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from bot.critique.view import Hit, MapView, quoted
from bot.evidence import EvidenceShare, evidence_share
from bot.model import Anchored, EvidenceLevel, Persona, Touchpoint

ASSUMED_SHARE = 60  # percent of evidence-bearing items assumed, at or above which a map leans
MIN_EVIDENCED_ITEMS = 5  # fewer items than this are too few for a share to mean much
STAGES_NAMED = 3


def assumption_only(v: MapView) -> Iterator[Hit]:
    if _is_assumption_only(v):
        yield Hit(
            v.at_scope("research basis"),
            "The map is assumption-only: no research basis, no persona data source, no customer "
            "quote and no item observed or reported.",
            "Treat it as an assumption map: mark what most needs checking, then validate it with "
            "a few customer interviews or analytics, and record them with `edit scope research: "
            "…`.",
        )


def assumption_heavy(v: MapView) -> Iterator[Hit]:
    """Most items assumed although the map rests on some research (else: assumption-only)."""
    if _is_assumption_only(v):
        return
    overall, per_stage = evidence_share(v.m)
    if overall.total < MIN_EVIDENCED_ITEMS or overall.assumed * 100 < ASSUMED_SHARE * overall.total:
        return
    where = _most_assumed(v, per_stage)
    basis = v.m.scope.research_basis
    first = "Record the research you have"
    if basis:
        first = f"If the research in the scope ({quoted(basis)}) covers them, record it"
    yield Hit(
        v.at_map(),
        f"{overall.assumed_percent}% of the map's evidence-bearing items are assumed "
        f"({overall.assumed} of {overall.total}: {overall.observed} observed, "
        f"{overall.reported} reported){where}: decisions taken from it rest on guesses.",
        f"{first} on the items, e.g. `evidence {_example_id(v)}: funnel analytics 2026`; "
        "then rank the remaining assumptions by impact and uncertainty and validate the riskiest "
        "with a few interviews or existing data.",
    )


def no_research_basis(v: MapView) -> Iterator[Hit]:
    if v.m.scope.research_basis:
        return
    if v.m.state_of == "future":
        yield Hit(
            v.at_scope("research basis"),
            "The scope does not say what research the future state is grounded in.",
            "Name the research about customer needs behind the design, e.g. `edit scope "
            "research: current-state map, 12 customer interviews (2026), concept test n=8`.",
        )
    elif _cites_evidence(v):
        yield Hit(
            v.at_scope("research basis"),
            "The scope does not say what research the map rests on, although some items cite "
            "evidence.",
            "Summarise the research behind the map, e.g. `edit scope research: 12 customer "
            "interviews (2026), funnel analytics, NPS survey n=412`.",
        )


def review_overdue(v: MapView) -> Iterator[Hit]:
    """Overdue when the last review (or, with none, the creation) plus the rhythm is past."""
    m = v.m
    reviewed = m.last_reviewed_at is not None
    base = _aware(m.last_reviewed_at or m.created_at)
    due = base + timedelta(days=m.review_every_days)
    if due < v.now:
        since = "last reviewed" if reviewed else "not reviewed since it was created"
        who = f"{m.owner} (the map owner)" if m.owner else "The team"
        late = (v.now - due).days
        yield Hit(
            v.at_map(),
            f"The map's review was due {due:%Y-%m-%d}, {late} day{'' if late == 1 else 's'} ago "
            f"({since} {base:%Y-%m-%d}, to be reviewed every {m.review_every_days} days): a map "
            "nobody checks gets quoted long after journeys, channels and pains have changed.",
            f"{who} should review it: check actions, KPIs and new evidence, upgrade assumed "
            "items, then say `reviewed`; if the journey changes more slowly, set a rhythm that "
            "fits, e.g. `review every 180 days`.",
        )


def _is_assumption_only(v: MapView) -> bool:
    return not v.m.scope.research_basis and not _cites_evidence(v)


def _most_assumed(v: MapView, per_stage: dict[str, EvidenceShare]) -> str:
    order = {s.id: i for i, s in enumerate(v.m.stages)}
    ranked = sorted(
        (stage_id for stage_id, share in per_stage.items() if share.assumed),
        key=lambda stage_id: (-per_stage[stage_id].assumed, order[stage_id]),
    )[:STAGES_NAMED]
    if not ranked:
        return ""
    named = ", ".join(
        f"{quoted(v.stage_names[s])} ({per_stage[s].assumed} of {per_stage[s].total})"
        for s in ranked
    )
    return f"; most assumed in {named}"


def _example_id(v: MapView) -> str:
    """The first assumed item with an id, for the fix's example command."""
    items: list[Anchored | Touchpoint | Persona] = [
        *v.m.moments_of_truth,
        *v.m.pain_points,
        *v.m.touchpoints,
        *v.m.personas,
    ]
    for item in items:
        if item.evidence.level is EvidenceLevel.ASSUMED:
            return item.id
    return "tp-3"


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
