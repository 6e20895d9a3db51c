"""The scorecard: a score per area and an overall score, from one finding per problem.

Overall: 100 minus 25 per blocker, 10 per major and 3 per minor problem (minors together cost
at most 12), floored at 0; then capped at 49 while any blocker remains and at 74 while any
major remains. So a map with only minor problems scores 88 or more, and one with a blocker or
major problem at most 74 or 49. An area scores 100 minus 40 per blocker, 25 per major and 10
per minor problem in it, floored at 0. Documented in docs/critique.md."""

from __future__ import annotations

from bot.critique.findings import Area, AreaScore, Finding, Severity

OVERALL_COST: dict[Severity, int] = {Severity.BLOCKER: 25, Severity.MAJOR: 10, Severity.MINOR: 3}
AREA_COST: dict[Severity, int] = {Severity.BLOCKER: 40, Severity.MAJOR: 25, Severity.MINOR: 10}
MINORS_AT_MOST = 12
BLOCKED_CAP = 49
MAJOR_CAP = 74


def scorecard(findings: list[Finding]) -> list[AreaScore]:
    return [
        AreaScore(
            area=area,
            label=area.label,
            score=max(0, 100 - sum(AREA_COST[f.severity] for f in findings if f.area is area)),
            blockers=_count(findings, area, Severity.BLOCKER),
            majors=_count(findings, area, Severity.MAJOR),
            minors=_count(findings, area, Severity.MINOR),
        )
        for area in Area
    ]


def overall(scores: list[AreaScore]) -> int:
    blockers = sum(s.blockers for s in scores)
    majors = sum(s.majors for s in scores)
    minors = sum(s.minors for s in scores)
    cost = (
        OVERALL_COST[Severity.BLOCKER] * blockers
        + OVERALL_COST[Severity.MAJOR] * majors
        + min(MINORS_AT_MOST, OVERALL_COST[Severity.MINOR] * minors)
    )
    score = max(0, 100 - cost)
    if blockers:
        return min(score, BLOCKED_CAP)
    return min(score, MAJOR_CAP) if majors else score


def _count(findings: list[Finding], area: Area, severity: Severity) -> int:
    return sum(1 for f in findings if f.area is area and f.severity is severity)
