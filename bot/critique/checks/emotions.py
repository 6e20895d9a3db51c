"""Emotions: every stage has one, the curve moves, lows are explained, customers are quoted."""

from __future__ import annotations

from collections.abc import Iterator

from bot.critique.view import Hit, MapView, quoted

MIN_STAGES_FOR_A_CURVE = 3
LOW = -1


def stage_no_emotion(v: MapView) -> Iterator[Hit]:
    for s in v.m.stages:
        if s.id not in v.emotions:
            yield Hit(
                v.at_emotion(s),
                f"Stage {quoted(s.name)} has no emotion, so the curve has a gap exactly where "
                "nobody asked how the customer feels.",
                f"Score how the customer feels from -2 to +2, with their words, e.g. "
                f'`{s.name}: <-2..+2> <feeling> "<what a customer said about '
                f'{v.touchpoint_in(s)}>"`.',
            )


def flat_emotions(v: MapView) -> Iterator[Hit]:
    scores = {e.score for e in v.m.emotions}
    if len(v.m.emotions) >= MIN_STAGES_FOR_A_CURVE and len(scores) == 1:
        score = scores.pop()
        how = "neutral (0)" if score == 0 else f"{score:+d}"
        yield Hit(
            v.at_map(),
            f"All {len(v.m.emotions)} stages are scored {how}: a flat curve hides the highs "
            "and lows the map exists to find.",
            "Re-score each stage from what customers said or did (interviews, reviews, support "
            "logs); real journeys have at least one low and one high.",
        )


def low_without_pain(v: MapView) -> Iterator[Hit]:
    for s in v.m.stages:
        emotion = v.emotions.get(s.id)
        if emotion is not None and emotion.score <= LOW and not v.pains.get(s.id):
            feeling = f" ({emotion.label})" if emotion.label else ""
            yield Hit(
                v.at_emotion(s),
                f"Stage {quoted(s.name)} is an emotional low ({emotion.score:+d}{feeling}) but "
                "has no pain point saying what hurts.",
                f"Name the cause of the low, e.g. `pain: {s.name} > <what goes wrong for the "
                f"customer at {quoted(v.touchpoint_in(s))}>`.",
            )


def no_customer_quotes(v: MapView) -> Iterator[Hit]:
    if v.m.stages and not _has_quote(v):
        yield Hit(
            v.at_map(),
            "The map holds no customer quote: every feeling and thought is in the team's words.",
            "Add what customers actually said to the emotions of the key stages, e.g. "
            f'`{_stage_name(v)}: <score> <feeling> "<their words about '
            f'{v.touchpoint_in(v.lowest_stage())}>"`.',
        )


_QUOTED = ('"', "“", "„", "«")


def _has_quote(v: MapView) -> bool:
    """A quote on an emotion or as evidence, or a customer thought written in quotes."""
    if any(e.quote for e in v.m.emotions):
        return True
    if any(t.customer_thought.lstrip().startswith(_QUOTED) for t in v.m.touchpoints):
        return True
    return any(link.kind == "quote" for item in v.evidenced() for link in item.evidence.links)


def _stage_name(v: MapView) -> str:
    stage = v.lowest_stage()
    return stage.name if stage else "<stage>"
