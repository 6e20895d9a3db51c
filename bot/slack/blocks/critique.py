"""A critique in a thread: the scorecard, then findings grouped by severity, paged into sections
and cut to a block budget so it always fits one message next to the step."""

from __future__ import annotations

from bot.critique.findings import Critique, Finding, Severity
from bot.slack.blocks.kit import Block, context, fields_section, header, sections
from bot.text import slack_escape

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.BLOCKER: ":red_circle: Blockers",
    Severity.MAJOR: ":large_orange_circle: Major",
    Severity.MINOR: ":white_circle: Minor",
}
BUDGET = 30  # blocks a critique may use in a message (the step around it needs the rest)
SHOWN = 8  # findings shown first; the rest are counted, and `critique` in the thread shows all


def critique_blocks(
    critique: Critique, budget: int = BUDGET, limit: int | None = None
) -> list[Block]:
    """`limit` shows only the first findings (the most severe: the critique's own order)."""
    title = f"Critique · {critique.title}" if critique.title else "Critique"
    blocks = [header(title), fields_section(scorecard_fields(critique))]
    shown = critique.findings[:limit]
    for severity, label in SEVERITY_LABELS.items():
        findings = [f for f in shown if f.severity is severity]
        if findings:
            text = f"*{label} ({len(findings)})*\n\n" + "\n\n".join(map(finding_text, findings))
            blocks += sections(text)
    if not critique.findings:
        blocks += sections(":tada: No findings: the map follows the method.")
    if len(blocks) > budget:
        kept = blocks[: budget - 1]
        blocks = kept + [context("_The critique goes on: export the map for all findings._")]
    return blocks


def imported_map_blocks(report: str, critique: Critique) -> list[Block]:
    """An imported map's first reply: what was read, then the critique's top findings."""
    blocks = [*sections(slack_escape(report)), *critique_blocks(critique, BUDGET - 6, SHOWN)]
    hidden = len(critique.findings) - SHOWN
    more = f"{hidden} more finding{'s' if hidden != 1 else ''}: say `critique` here to see all. "
    blocks.append(
        context(
            (more if hidden > 0 else "")
            + "This is now the thread's map: fix it with the commands above (the ids are its own)."
        )
    )
    return blocks


def scorecard_fields(critique: Critique) -> list[str]:
    fields = [f"*Overall*\n{_bar(critique.overall)} {critique.overall}/100"]
    for score in critique.scorecard:
        label = score.label or score.area.label
        fields.append(f"*{slack_escape(label)}*\n{_bar(score.score)} {score.score}/100")
    return fields


def finding_text(finding: Finding) -> str:
    lines = [
        f"*{slack_escape(finding.title or finding.rule_id)}* · {slack_escape(finding.where.label)}",
        slack_escape(finding.problem),
        f"_Fix:_ {slack_escape(finding.fix)}",
    ]
    guides = [slack_escape(g.title) for g in finding.guidance]
    if guides:
        lines.append(":books: " + ", ".join(guides))
    return "\n".join(lines)


def _bar(score: int, width: int = 5) -> str:
    filled = max(0, min(width, round(score / 100 * width)))
    return "▰" * filled + "▱" * (width - filled)
