"""The scorecard: a score per area from its findings, and an overall score.

Each rule costs its area severity weight × min(findings, 3): blocker 40, major 15, minor 5.
An area scores 100 minus its costs, floored at 0. Overall is the rounded mean of the area
scores, capped at 49 while any blocker remains. Documented in docs/critique.md."""

from __future__ import annotations

from collections import Counter

from bot.critique.findings import Area, AreaScore, Finding, Severity

WEIGHTS: dict[Severity, int] = {Severity.BLOCKER: 40, Severity.MAJOR: 15, Severity.MINOR: 5}
REPEATS_COUNTED = 3
BLOCKED_CAP = 49


def scorecard(findings: list[Finding]) -> list[AreaScore]:
    per_rule = Counter((f.area, f.rule_id, f.severity) for f in findings)
    cost: Counter[Area] = Counter()
    for (area, _, severity), count in per_rule.items():
        cost[area] += WEIGHTS[severity] * min(count, REPEATS_COUNTED)
    return [
        AreaScore(
            area=area,
            label=area.label,
            score=max(0, 100 - cost[area]),
            blockers=_count(findings, area, Severity.BLOCKER),
            majors=_count(findings, area, Severity.MAJOR),
            minors=_count(findings, area, Severity.MINOR),
        )
        for area in Area
    ]


def overall(scores: list[AreaScore]) -> int:
    mean = round(sum(s.score for s in scores) / len(scores))
    return min(mean, BLOCKED_CAP) if any(s.blockers for s in scores) else mean


def _count(findings: list[Finding], area: Area, severity: Severity) -> int:
    return sum(1 for f in findings if f.area is area and f.severity is severity)
