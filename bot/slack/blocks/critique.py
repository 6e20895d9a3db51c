"""A critique in a thread: the scorecard, then findings grouped by severity, paged into sections
and cut to a block budget so it always fits one message next to the step."""

from __future__ import annotations

from typing import Any, Protocol

from bot.slack.blocks.kit import Block, context, fields_section, header, sections
from bot.text import slack_escape

SEVERITIES: tuple[tuple[str, str], ...] = (
    ("blocker", ":red_circle: Blockers"),
    ("major", ":large_orange_circle: Major"),
    ("minor", ":white_circle: Minor"),
)
BUDGET = 30  # blocks a critique may use in a message (the step around it needs the rest)


class CritiqueLike(Protocol):
    """What the builder reads from bot.critique.Critique."""

    title: str
    findings: list[Any]
    scorecard: list[Any]
    overall: int


def critique_blocks(
    critique: CritiqueLike, budget: int = BUDGET, limit: int | None = None
) -> list[Block]:
    """`limit` shows only the first findings (the most severe: the critique's own order)."""
    title = f"Critique · {critique.title}" if critique.title else "Critique"
    blocks = [header(title), fields_section(scorecard_fields(critique))]
    findings = critique.findings[:limit]
    groups = [(label, [f for f in findings if _severity(f) == key]) for key, label in SEVERITIES]
    groups += [("Other", [f for f in findings if _severity(f) not in dict(SEVERITIES)])]
    for label, findings in groups:
        if findings:
            text = f"*{label} ({len(findings)})*\n\n" + "\n\n".join(map(finding_text, findings))
            blocks += sections(text)
    if not critique.findings:
        blocks += sections(":tada: No findings: the map follows the method.")
    if len(blocks) > budget:
        shown = blocks[: budget - 1]
        blocks = shown + [context("_The critique goes on: export the map for all findings._")]
    return blocks


SHOWN = 8  # findings shown first; the rest are counted, and `critique` in the thread shows all


def imported_map_blocks(report: str, critique: CritiqueLike) -> list[Block]:
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


def scorecard_fields(critique: CritiqueLike) -> list[str]:
    fields = [f"*Overall*\n{_bar(critique.overall)} {critique.overall}/100"]
    for score in critique.scorecard:
        label = getattr(score, "label", "") or str(_value(score.area)).title()
        fields.append(f"*{slack_escape(label)}*\n{_bar(score.score)} {score.score}/100")
    return fields


def finding_text(finding: Any) -> str:
    title = getattr(finding, "title", "") or finding.rule_id
    lines = [
        f"*{slack_escape(title)}* · {slack_escape(finding.where.label)}",
        slack_escape(finding.problem),
        f"_Fix:_ {slack_escape(finding.fix)}",
    ]
    guides = [slack_escape(g.title) for g in getattr(finding, "guidance", [])]
    if guides:
        lines.append(":books: " + ", ".join(guides))
    return "\n".join(lines)


def _severity(finding: Any) -> str:
    return str(_value(finding.severity))


def _value(item: Any) -> Any:
    return getattr(item, "value", item)


def _bar(score: int, width: int = 5) -> str:
    filled = max(0, min(width, round(score / 100 * width)))
    return "▰" * filled + "▱" * (width - filled)
