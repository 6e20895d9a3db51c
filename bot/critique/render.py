"""The critique as plain terminal text: headline, scorecard table, findings by severity."""

from __future__ import annotations

import textwrap

from bot.critique.findings import AreaScore, Critique, Finding, Severity

WIDTH = 100
_HEADINGS: dict[Severity, str] = {
    Severity.BLOCKER: "Blockers: fix these first",
    Severity.MAJOR: "Major",
    Severity.MINOR: "Minor",
}


def render_text(critique: Critique) -> str:
    lines = [_headline(critique), "", *_scorecard(critique.scorecard, critique.overall)]
    number = 0
    for severity in Severity:
        findings = critique.by_severity(severity)
        if not findings:
            continue
        lines += ["", f"{_HEADINGS[severity]} ({len(findings)})"]
        for finding in findings:
            number += 1
            lines += _finding(number, finding)
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
    head = f"  {number}. [{finding.rule_id}] {finding.where.label}"
    lines = [head]
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
