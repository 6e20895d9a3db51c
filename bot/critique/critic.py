"""Running the rules over a map: one finding per problem (a rule that fires on several items
gives one finding listing them all), in a stable order, then the scorecard."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.critique.findings import Area, Critique, Finding
from bot.critique.guides import guide_ref
from bot.critique.rules import RULES, Rule
from bot.critique.scoring import overall, scorecard
from bot.critique.view import Hit, MapView
from bot.model import JourneyMap

_AREA_ORDER = {area: i for i, area in enumerate(Area)}
NAMED_IN_PROBLEM = 4  # further places are named in the problem; all are in `covers`


def critique(
    journey_map: JourneyMap, now: datetime | None = None, item_evidence: bool = True
) -> Critique:
    """Every rule that applies to the map (current or future state) over it. Findings come
    blockers first, then by area and rule. `item_evidence` is False for a map imported from a
    table or document, which records no evidence per item."""
    view = MapView.of(journey_map, now or datetime.now(UTC), item_evidence)
    rules = [rule for rule in RULES if rule.applies_to(journey_map)]
    findings = [_finding(rule, hits) for rule in rules if (hits := list(rule.check(view)))]
    findings.sort(key=lambda f: (f.severity.rank, _AREA_ORDER[f.area]))
    scores = scorecard(findings)
    return Critique(
        title=journey_map.title, findings=findings, scorecard=scores, overall=overall(scores)
    )


def _finding(rule: Rule, hits: list[Hit]) -> Finding:
    first = hits[0]
    problem, fix = first.problem, first.fix
    if len(hits) > 1:
        others = [hit.where.label for hit in hits[1 : 1 + NAMED_IN_PROBLEM]]
        more = len(hits) - 1 - len(others)
        listed = "; ".join(others) + (f"; and {more} more" if more > 0 else "")
        problem += f" The same holds for {len(hits) - 1} more: {listed}."
        fix += " Do the same for the others listed."
    return Finding(
        rule_id=rule.id,
        title=rule.title,
        area=rule.area,
        severity=rule.severity,
        where=first.where,
        covers=[hit.where for hit in hits],
        problem=problem,
        fix=fix,
        guidance=[guide_ref(g) for g in rule.guides],
    )
