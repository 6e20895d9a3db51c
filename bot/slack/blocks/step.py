"""A guided step in a thread: what was understood, problems, the question, an example, tips from
the guidance, and buttons for the next move."""

from __future__ import annotations

from bot.engine.reply import Reply, Section
from bot.model import JourneyMap, Step
from bot.slack.blocks.critique import critique_blocks
from bot.slack.blocks.guidance import answer_blocks, tip_block
from bot.slack.blocks.kit import (
    COMMAND_ACTION,
    MESSAGE_BLOCKS,
    MESSAGE_TEXT,
    Block,
    actions,
    button,
    fit,
    header,
    sections,
)
from bot.slack.blocks.votes import vote_blocks
from bot.text import slack_escape, truncate

FORM_ACTION = "form"  # action ids "form:<kind>"; opens the modal of that kind

FORMS_BY_STEP: dict[Step, list[tuple[str, str]]] = {
    Step.PERSONAS: [("persona", "Add persona")],
    Step.TOUCHPOINTS: [("touchpoint", "Add touchpoint")],
    Step.EMOTIONS: [("emotion", "Set emotion")],
    Step.KPIS: [("kpi", "Add KPI")],
}


def step_blocks(reply: Reply, m: JourneyMap | None = None) -> list[Block]:
    """The step's message; with the map, the emotions step also offers the team vote."""
    head = [header(f"Step {reply.step_number}/{reply.step_count} · {reply.step_title}")]
    head += _listed("", reply.notices)
    head += _listed(":white_check_mark: ", reply.understood)
    head += _listed(":x: ", reply.errors)
    head += _listed(":warning: ", reply.warnings)
    body = [block for s in reply.sections for block in section_blocks(s)]
    if reply.answer is not None:
        body += answer_blocks(reply.answer)
    if reply.critique is not None:
        body += critique_blocks(reply.critique)
    tail = sections(slack_escape(reply.question)) if reply.question else []
    if reply.example:
        tail += sections(f"_For example:_\n```{slack_escape(reply.example)}```")
    if reply.tip is not None:
        tail.append(tip_block(reply.tip))
    if m is not None and reply.step is Step.EMOTIONS:
        tail += vote_blocks(m)
    tail += step_actions(reply)
    return fit(head, body, tail, MESSAGE_BLOCKS)


def step_text(reply: Reply) -> str:
    """The notification text: shown where blocks cannot be (push notifications, search)."""
    first = (reply.errors or reply.understood or reply.notices or [reply.question])[0]
    text = f"Step {reply.step_number}/{reply.step_count} · {reply.step_title}: {first}"
    return truncate(slack_escape(text), MESSAGE_TEXT // 4)


def section_blocks(section: Section) -> list[Block]:
    heading = f"*{slack_escape(section.heading)}*\n" if section.heading else ""
    return sections(heading + slack_escape(section.body))


def step_actions(reply: Reply) -> list[Block]:
    elements = [
        button(s.label, f"{COMMAND_ACTION}:{n}", value=s.command)
        for n, s in enumerate(reply.suggestions)
    ]
    elements += [
        button(label, f"{FORM_ACTION}:{kind}", value=kind, style="primary")
        for kind, label in FORMS_BY_STEP.get(reply.step, [])
    ]
    return actions(elements, block_id="step-actions")


def _listed(prefix: str, lines: list[str]) -> list[Block]:
    if not lines:
        return []
    return sections("\n".join(f"{prefix}{slack_escape(line)}" for line in lines))
