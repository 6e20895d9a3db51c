"""The critique as plain terminal text: headline, scorecard table, then the most important
findings (blockers and majors first) grouped by area, each listing the items it covers."""

from __future__ import annotations

import textwrap

from bot.critique.findings import Area, AreaScore, Critique, Finding, Severity

WIDTH = 100
SHOWN = 8  # findings shown by default; the rest are counted with a way to see them
PLACES_SHOWN = 6


def shown_findings(critique: Critique, limit: int | None = SHOWN) -> list[Finding]:
    """The findings to show: the most severe first (the critique's own order), at most `limit`
    (None: all)."""
    return critique.findings if limit is None else critique.findings[:limit]


def render_text(
    critique: Critique, limit: int | None = SHOWN, more_hint: str = "ask for all findings"
) -> str:
    lines = [_headline(critique), "", *_scorecard(critique.scorecard, critique.overall)]
    shown = shown_findings(critique, limit)
    number = 0
    for area in Area:
        in_area = [f for f in shown if f.area is area]
        if not in_area:
            continue
        lines += ["", area.label]
        for finding in in_area:
            number += 1
            lines += _finding(number, finding)
    hidden = critique.findings[len(shown) :]
    if hidden:
        counts = ", ".join(
            f"{n} {s.value}" for s in Severity if (n := sum(f.severity is s for f in hidden))
        )
        lines += ["", f"{len(hidden)} more finding{'s' if len(hidden) > 1 else ''} ({counts}): "
                  f"{more_hint}."]  # fmt: skip
    if not critique.findings:
        lines += ["", "No findings: the map passes every rule."]
    return "\n".join(lines)


def _headline(critique: Critique) -> str:
    counts = ", ".join(
        f"{len(critique.by_severity(s))} {s.value}" for s in Severity if critique.by_severity(s)
    )
    title = f" of '{critique.title}'" if critique.title else ""
    return f"Critique{title}: {critique.overall}/100" + (f" ({counts})" if counts else "")


def _scorecard(scores: list[AreaScore], overall: int) -> list[str]:
    width = max(len(s.label) for s in scores) if scores else 10
    header = f"  {'Area':<{width}}  Score  Blockers  Major  Minor"
    rows = [
        f"  {s.label:<{width}}  {s.score:>5}  {s.blockers:>8}  {s.majors:>5}  {s.minors:>5}"
        for s in scores
    ]
    return [header, "  " + "-" * (len(header) - 2), *rows, f"  {'Overall':<{width}}  {overall:>5}"]


def _finding(number: int, finding: Finding) -> list[str]:
    places = finding.places
    where = places[0].label if len(places) == 1 else f"{len(places)} places"
    head = f"{number}. [{finding.severity.value}] {finding.title} ({finding.rule_id}): {where}"
    lines = textwrap.wrap(head, WIDTH, initial_indent="  ", subsequent_indent=" " * 5)
    if len(places) > 1:
        listed = "; ".join(p.label for p in places[:PLACES_SHOWN])
        more = len(places) - PLACES_SHOWN
        lines += _wrapped("Covers: ", listed + (f"; and {more} more" if more > 0 else ""))
    lines += _wrapped("Problem: ", finding.problem)
    lines += _wrapped("Fix: ", finding.fix)
    if finding.guidance:
        guides = "; ".join(f"{g.title} ({g.guide_id})" for g in finding.guidance)
        lines += _wrapped("Read: ", guides)
    return lines


def _wrapped(label: str, text: str) -> list[str]:
    indent = " " * 5
    return textwrap.wrap(
        label + text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + " " * len(label),
        break_on_hyphens=False,
    )
