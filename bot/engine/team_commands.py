"""Commands that turn into edits: votes, settling an emotion, evidence, the review rhythm."""

from __future__ import annotations

import re

from bot.domain.edits import (
    AddEvidence,
    CastVote,
    EditError,
    SetReview,
    SettleEmotion,
    resolve_stage,
)
from bot.domain.refs import resolve_item
from bot.model import JourneyMap

_VOTE = re.compile(
    r"^(?P<stage>.+?)\s*:?\s+(?P<score>[+-]?\d+)(?:\s+(?:because\s+)?(?P<reason>.+))?$",
    re.IGNORECASE | re.DOTALL,
)
_SETTLE = re.compile(
    r"^(?P<stage>.+?)(?:\s*:?\s+(?P<score>[+-]?\d+))?(?:\s+because\s+(?P<reason>.+))?$",
    re.IGNORECASE | re.DOTALL,
)
_LEVELS = {"observed", "reported", "assumed"}
_EVIDENCE_KINDS = {"persona", "touchpoint", "pain", "delight", "moment"}


def vote(argument: str, user: str) -> CastVote:
    match = _VOTE.match(argument.strip())
    if not match:
        raise EditError(
            "Vote like this: `vote Apply -2` or `vote Apply -2 because the forms are long`."
        )
    return CastVote(
        stage=match["stage"], user=user, score=_score(match["score"]), reason=match["reason"] or ""
    )


def settle(argument: str) -> SettleEmotion:
    match = _SETTLE.match(argument.strip())
    if not match:
        raise EditError("Settle like this: `settle Apply` or `settle Apply -1 because …`.")
    score = _score(match["score"]) if match["score"] else None
    return SettleEmotion(stage=match["stage"], score=score, reason=match["reason"] or "")


def _score(text: str) -> int:
    score = int(text)
    if not -2 <= score <= 2:
        raise EditError(f"{score} is outside the scale: use -2 to +2.")
    return score


def evidence(m: JourneyMap, argument: str, user: str) -> AddEvidence:
    """`evidence tp-4: 2026 NPS survey, n=412`, `evidence pain-7: quote "I gave up"`,
    `evidence emotion Apply: reported support tickets`."""
    ref, colon, text = argument.partition(":")
    text = text.strip()
    if not colon or not text:
        raise EditError("Add evidence like this: `evidence tp-4: 2026 NPS survey, n=412`.")
    kind, item_id = _evidence_target(m, ref.strip())
    first, _, rest = text.partition(" ")
    level = first.lower() if first.lower() in _LEVELS and rest else None
    link = "data"
    if first.lower() == "quote" and rest:
        link, text = "quote", rest
    elif level:
        text = rest
    return AddEvidence(
        item=kind,
        item_id=item_id,
        link=link,
        text=text.strip().strip('"“”'),
        level=level,
        added_by=user,
    )


def _evidence_target(m: JourneyMap, ref: str) -> tuple[str, str]:
    if ref.lower().startswith("emotion "):
        return "emotion", resolve_stage(m, ref[len("emotion ") :]).id
    kind, item_id = resolve_item(m, ref)
    if kind not in _EVIDENCE_KINDS:
        raise EditError(
            f"Evidence goes on personas, touchpoints, emotions, pains, delights and "
            f"moments of truth, not on a {kind}."
        )
    return kind, item_id


def review_rhythm(argument: str) -> SetReview:
    days = int(argument)
    if not 7 <= days <= 730:
        raise EditError("Choose a review rhythm between 7 and 730 days.")
    return SetReview(every_days=days)
