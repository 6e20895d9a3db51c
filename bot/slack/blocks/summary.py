"""The thread's root message: the map so far, updated in place after every change."""

from __future__ import annotations

from bot.engine.outline import map_outline
from bot.evidence import evidence_share
from bot.model import JourneyMap, MapStatus
from bot.slack.blocks.export_options import EXPORT_OPTIONS_ACTION
from bot.slack.blocks.kit import (
    MESSAGE_BLOCKS,
    MESSAGE_TEXT,
    Block,
    actions,
    button,
    context,
    fit,
    header,
    sections,
)
from bot.slack.blocks.step import section_blocks
from bot.text import slack_escape, truncate

STAGE_LINES = 20
SCOPE_CHARS = 300
FEELINGS = {
    -2: ":tired_face:",
    -1: ":slightly_frowning_face:",
    0: ":neutral_face:",
    1: ":slightly_smiling_face:",
    2: ":grinning:",
}
ROOT_ACTION = "cmd:root"
CANVAS_ACTION = "canvas:create"  # the map message's Canvas button (bot.slack.canvas)


def map_summary_blocks(m: JourneyMap) -> list[Block]:
    kind = "Future-state journey map" if m.state_of == "future" else "Customer journey map"
    people = len({c.user for c in m.contributors})
    status = "complete" if m.status is MapStatus.COMPLETE else "in progress"
    blocks = [
        header(f":world_map: {m.title}"),
        context(
            f"{kind} · {status} · version {m.version} · "
            f"{people} contributor{'s' if people != 1 else ''}"
        ),
    ]
    blocks += sections("\n".join(_scope_lines(m) + _persona_lines(m)) or "_No scope yet._")
    if m.stages:
        blocks += sections("*Stages*\n" + "\n".join(_stage_lines(m)))
    counts = _counts(m)
    if counts:
        blocks.append(context(counts))
    blocks.append(context("Answer in this thread: anyone here can help. Say `help` for commands."))
    blocks += actions(
        [
            button("Show map", f"{ROOT_ACTION}:show", value="show map"),
            button("Critique", f"{ROOT_ACTION}:critique", value="critique"),
            button("Export PDF", f"{ROOT_ACTION}:export", value="export pdf"),
            button("Export…", EXPORT_OPTIONS_ACTION, value="options"),
            button("Canvas", CANVAS_ACTION, value="canvas"),
        ],
        block_id="root-actions",
    )
    return blocks


def map_summary_text(m: JourneyMap) -> str:
    return truncate(f"Journey map: {slack_escape(m.title)}", MESSAGE_TEXT // 4)


def _scope_lines(m: JourneyMap) -> list[str]:
    fields = (("Objective", m.scope.objective), ("Scenario", m.scope.scenario))
    return [
        f"*{label}:* {slack_escape(truncate(value, SCOPE_CHARS))}"
        for label, value in fields
        if value
    ]


def _persona_lines(m: JourneyMap) -> list[str]:
    if not m.personas:
        return []
    return ["*Persona:* " + ", ".join(slack_escape(p.name) for p in m.personas)]


def _stage_lines(m: JourneyMap) -> list[str]:
    lines = []
    for number, stage in enumerate(m.stages[:STAGE_LINES], start=1):
        emotion = m.emotion_for(stage.id)
        feeling = f" {FEELINGS[emotion.score]} {emotion.score:+d}" if emotion else ""
        touchpoints = len(m.touchpoints_in(stage.id))
        pains = sum(1 for p in m.pain_points if p.stage_id == stage.id)
        detail = f"{touchpoints} touchpoint{'s' if touchpoints != 1 else ''}"
        if pains:
            detail += f", {pains} pain{'s' if pains != 1 else ''}"
        lines.append(f"{number}. {slack_escape(truncate(stage.name, 80))}{feeling} · {detail}")
    if len(m.stages) > STAGE_LINES:
        lines.append(f"…and {len(m.stages) - STAGE_LINES} more")
    return lines


def _counts(m: JourneyMap) -> str:
    parts = [
        (len(m.moments_of_truth), "moment of truth", "moments of truth"),
        (len(m.kpis), "KPI", "KPIs"),
        (len(m.actions), "action", "actions"),
    ]
    counted = [f"{n} {one if n == 1 else many}" for n, one, many in parts if n]
    overall, _ = evidence_share(m)
    if overall.total:
        counted.append(f"evidence: {overall.assumed_percent}% assumed")
    return " · ".join(counted)


def outline_blocks(m: JourneyMap, permalink: str | None) -> list[Block]:
    """The whole map, for one person (`/journey show`)."""
    head = [header(f":world_map: {m.title}")]
    if permalink:
        head.append(context(f"<{permalink}|Open the map's thread> · version {m.version}"))
    body = [block for s in map_outline(m) for block in section_blocks(s)]
    return fit(head, body, [], MESSAGE_BLOCKS)
