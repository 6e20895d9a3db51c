"""Pains, delights and moments of truth: what hurts, what to protect, what decides loyalty."""

from __future__ import annotations

from collections.abc import Iterator

from bot.critique.view import Hit, MapView, quoted
from bot.model import EvidenceLevel


def no_pain_points(v: MapView) -> Iterator[Hit]:
    if v.m.stages and not v.m.pain_points:
        yield Hit(
            v.at_map(),
            "The map records no pain point, so it shows nothing to improve.",
            f"List what goes wrong for the customer in each stage, e.g. `pain: {_lowest(v)} > "
            f"<what goes wrong at {quoted(v.touchpoint_in(v.lowest_stage()))}>`.",
        )


def no_moment_of_truth(v: MapView) -> Iterator[Hit]:
    if v.m.stages and not v.m.moments_of_truth:
        yield Hit(
            v.at_map(),
            "The map marks no moment of truth: nothing says where the customer decides whether "
            "to trust, stay or leave.",
            "Mark the one or two interactions that make or break the relationship, e.g. "
            f"`moment: {_lowest(v)} > {v.touchpoint_in(v.lowest_stage())}`.",
        )


def moment_no_evidence(v: MapView) -> Iterator[Hit]:
    if v.rests_on_stated_research():
        return
    for mt in v.m.moments_of_truth:
        if mt.evidence.level is EvidenceLevel.ASSUMED:
            yield Hit(
                v.at_moment(mt),
                f"Moment of truth {quoted(mt.text)} is assumed: nothing observed or reported "
                "shows that customers decide to trust, stay or leave here, yet it is where the "
                "map asks for the most effort.",
                f"Check it before investing in it: look for drop-off, complaints or churn at "
                f"this step, or ask customers, and record it, e.g. `evidence {mt.id}: funnel "
                f'analytics, 40% drop-off here` or `evidence {mt.id}: quote "That is when I '
                'nearly gave up"`.',
            )


def no_delight_points(v: MapView) -> Iterator[Hit]:
    if v.m.stages and not v.m.delight_points:
        yield Hit(
            v.at_map(),
            "The map records no delight point, so nobody knows what works well and must be "
            "protected when things change.",
            f"Add what customers praise, e.g. `delight: {_highest(v)} > <what works well at "
            f"{quoted(v.touchpoint_in(v.highest_stage()))}>`.",
        )


def _lowest(v: MapView) -> str:
    """The stage with the lowest emotion (the first stage when none is scored)."""
    scored = [(v.emotions[s.id].score, i) for i, s in enumerate(v.m.stages) if s.id in v.emotions]
    return v.m.stages[min(scored)[1] if scored else 0].name


def _highest(v: MapView) -> str:
    scored = [(-v.emotions[s.id].score, i) for i, s in enumerate(v.m.stages) if s.id in v.emotions]
    return v.m.stages[min(scored)[1] if scored else 0].name
