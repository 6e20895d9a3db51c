"""Running the rules over a map: findings in a stable order, then the scorecard."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.critique.findings import Area, Critique, Finding
from bot.critique.guides import guide_ref
from bot.critique.rules import RULES, Rule
from bot.critique.scoring import overall, scorecard
from bot.critique.view import Hit, MapView
from bot.model import JourneyMap

_AREA_ORDER = {area: i for i, area in enumerate(Area)}


def critique(
    journey_map: JourneyMap, now: datetime | None = None, item_evidence: bool = True
) -> Critique:
    """Every rule that applies to the map (current or future state) over it. Findings come
    blockers first, then by area, rule and map order. `item_evidence` is False for a map
    imported from a table or document, which records no evidence per item."""
    view = MapView.of(journey_map, now or datetime.now(UTC), item_evidence)
    rules = [rule for rule in RULES if rule.applies_to(journey_map)]
    findings = [_finding(rule, hit) for rule in rules for hit in rule.check(view)]
    findings.sort(key=lambda f: (f.severity.rank, _AREA_ORDER[f.area]))
    scores = scorecard(findings)
    return Critique(
        title=journey_map.title, findings=findings, scorecard=scores, overall=overall(scores)
    )


def _finding(rule: Rule, hit: Hit) -> Finding:
    return Finding(
        rule_id=rule.id,
        title=rule.title,
        area=rule.area,
        severity=rule.severity,
        where=hit.where,
        problem=hit.problem,
        fix=hit.fix,
        guidance=[guide_ref(g) for g in rule.guides],
    )
