"""Guidance in a thread: the one tip of a step, the answer to a question, and the whole section
behind either when someone presses More. Guide Markdown goes through knowledge.markdown, which
escapes it and turns lists, checklists, bold and tables into mrkdwn."""

from __future__ import annotations

from bot.slack.blocks.kit import Block, button, context, section, sections
from bot.text import slack_escape, truncate
from knowledge.markdown import render
from knowledge.types import Answer, Passage, Tip, source_line

GUIDANCE_MORE_ACTION = "guidance-more"  # the button's value is the section key
TIP_CHARS = 320


def _more(key: str) -> dict[str, object]:
    return button("More", GUIDANCE_MORE_ACTION, value=key)


def _where(title: str, heading: str) -> str:
    where = f"_{slack_escape(title)}_"
    return f"{where} › {slack_escape(heading)}" if heading else where


def tip_block(tip: Tip) -> Block:
    text = truncate(render(tip.text, "mrkdwn"), TIP_CHARS)
    return section(f":bulb: {text}\n— {_where(tip.title, tip.heading)}", accessory=_more(tip.key))


def answer_blocks(answer: Answer) -> list[Block]:
    best = answer.best
    if best is None:
        return []
    blocks = [section(render(answer.summary, "mrkdwn"), accessory=_more(best.key))]
    credit = f":books: From {_where(best.title, best.heading)}"
    if answer.sources:
        credit += f" · Sources: {slack_escape(source_line(answer.sources))}"
    lines = [credit]
    others = [f"{_where(p.title, p.heading)}" for p in answer.passages[1:]]
    if others:
        lines.append("See also: " + "; ".join(others))
    blocks.append(context(*lines))
    return blocks


def full_section_blocks(passage: Passage) -> list[Block]:
    """The whole section behind a tip or an answer, as its own message in the thread."""
    blocks = sections(
        f"*{_where(passage.title, passage.heading)}*\n{render(passage.text, 'mrkdwn')}"
    )
    if passage.sources:
        blocks.append(context(f"Sources: {slack_escape(source_line(passage.sources))}"))
    return blocks
