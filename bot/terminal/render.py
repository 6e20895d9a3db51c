"""Rendering engine replies and maps as plain terminal text."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from bot.engine.reply import Reply
from bot.model import JourneyMap
from knowledge.markdown import render
from knowledge.types import Answer, source_line

if TYPE_CHECKING:
    from bot.critique.findings import Critique

WIDTH = 100
_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")


def plain(text: str) -> str:
    """Drop the light mrkdwn the engine uses (*bold*) for a plain terminal."""
    return _BOLD.sub(r"\1", text)


def render_reply(reply: Reply, journey_map: JourneyMap | None = None) -> str:
    lines: list[str] = []
    lines += [f"  {plain(n)}" for n in reply.notices]
    lines += [f"  ✓ {plain(u)}" for u in reply.understood]
    lines += [f"  ✗ {plain(e)}" for e in reply.errors]
    lines += [f"  ! {plain(w)}" for w in reply.warnings]
    if reply.show_map and journey_map is not None:
        lines.append(render_map(journey_map))
    else:
        for section in reply.sections:
            if section.heading:
                lines.append(f"\n  {plain(section.heading)}")
            lines += [f"    {line}" for line in plain(section.body).splitlines()]
    if reply.critique is not None:
        lines.append(render_critique(reply.critique))
    if reply.answer is not None:
        lines += render_answer(reply.answer)
    if reply.tip is not None:
        lines.append(f"  Tip from “{reply.tip.title}”:")
        lines.append(_indented(reply.tip.text))
        lines.append(f"    (the whole guide: journeybot knowledge show {reply.tip.guide_id})")
    lines.append(
        f"\n── Step {reply.step_number}/{reply.step_count} · {reply.step_title} " + "─" * 20
    )
    lines.append(textwrap.fill(plain(reply.question), WIDTH))
    if reply.example:
        lines.append("  For example:")
        lines += [f"    {line}" for line in reply.example.splitlines()]
    commands = " · ".join(s.command for s in reply.suggestions)
    lines.append(f"  ({commands} · help)")
    return "\n".join(lines)


def _indented(markdown: str, indent: str = "    ") -> str:
    """Guide Markdown for the terminal (bullets, boxes, tables as lists), wrapped and indented."""
    out = []
    for line in render(markdown, "terminal").splitlines():
        out.append(
            textwrap.fill(
                line, WIDTH - len(indent), initial_indent=indent, subsequent_indent=indent + "  "
            )
            if line.strip()
            else ""
        )
    return "\n".join(out)


def render_answer(answer: Answer) -> list[str]:
    best = answer.best
    if best is None:
        return []
    where = f"{best.title} › {best.heading}" if best.heading else best.title
    lines = [_indented(answer.summary, "  "), f"  — from “{where}”"]
    if answer.sources:
        lines.append(f"    sources: {source_line(answer.sources)}")
    for other in answer.passages[1:]:
        lines.append(f"    see also: {other.title} › {other.heading}")
    lines.append(f"    (the whole guide: journeybot knowledge show {best.guide_id})")
    return lines


def render_critique(critique: Critique) -> str:
    from bot.critique import render_text

    # In the chat the critique is asked for by name: every finding (one per problem), by area.
    return render_text(critique, limit=None)


def render_map(m: JourneyMap) -> str:
    """The map as a table: one row per stage, lanes as columns."""
    header = f"\n  {m.title}  (version {m.version}, {m.status.value})"
    scope = [
        f"  {label}: {value}"
        for label, value in (
            ("Objective", m.scope.objective),
            ("Scenario", m.scope.scenario),
            ("Journey", " → ".join(x for x in (m.scope.journey_start, m.scope.journey_end) if x)),
            ("For", m.scope.audience),
            ("Research", m.scope.research_basis),
        )
        if value
    ]
    personas = [
        f"  Persona: {p.name} [{p.id}]" + (f" — {p.description}" if p.description else "")
        for p in m.personas
    ]
    rows = [["Stage", "Feels", "Touchpoints", "Pains · delights · moments"]]
    for stage in m.stages:
        emotion = m.emotion_for(stage.id)
        feels = f"{emotion.score:+d} {emotion.label}".strip() if emotion else ""
        touchpoints = "; ".join(
            f"{t.description}" + (f" ({t.channel})" if t.channel else "") + f" [{t.id}]"
            for t in m.touchpoints_in(stage.id)
        )
        notes = "; ".join(
            [f"− {p.text} [{p.id}]" for p in m.pain_points if p.stage_id == stage.id]
            + [f"+ {d.text} [{d.id}]" for d in m.delight_points if d.stage_id == stage.id]
            + [f"★ {t.text} [{t.id}]" for t in m.moments_of_truth if t.stage_id == stage.id]
        )
        rows.append([f"{stage.name} [{stage.id}]", feels, touchpoints, notes])
    kpis = [
        f"  KPI: {k.name} [{k.id}]"
        + (f" {k.baseline} → {k.target}" if k.baseline or k.target else "")
        + (f" ({k.owner})" if k.owner else "")
        for k in m.kpis
    ]
    actions = [
        f"  Action: {a.description} [{a.id}]"
        + (f" ({a.owner}" + (f", due {a.due}" if a.due else "") + ")" if a.owner else "")
        for a in m.actions
    ]
    parts = [header, *scope, *personas]
    if m.stages:
        parts.append(table(rows, widths=[16, 14, 34, 30]))
    return "\n".join(parts + kpis + actions)


def table(rows: list[list[str]], widths: list[int]) -> str:
    rule = "  +" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [rule]
    for index, row in enumerate(rows):
        cells = [textwrap.wrap(cell, w) or [""] for cell, w in zip(row, widths, strict=True)]
        for line_no in range(max(len(c) for c in cells)):
            out.append(
                "  | "
                + " | ".join(
                    (c[line_no] if line_no < len(c) else "").ljust(w)
                    for c, w in zip(cells, widths, strict=True)
                )
                + " |"
            )
        if index == 0:
            out.append(rule)
    out.append(rule)
    return "\n".join(out)
