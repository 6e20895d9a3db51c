"""The map as readable sections ("show me the map"): plain data both renderers print."""

from __future__ import annotations

from statistics import mean

from bot.domain.edits import DISAGREEMENT
from bot.domain.vocabulary import SCOPE_FIELDS
from bot.engine.reply import Section
from bot.evidence import describe_share, evidence_share
from bot.model import JourneyMap

_SCOPE_LABELS = tuple((f.name, f.label) for f in SCOPE_FIELDS)


def scope_section(m: JourneyMap) -> Section:
    lines = [
        f"*{label}:* {getattr(m.scope, name)}"
        for name, label in _SCOPE_LABELS
        if getattr(m.scope, name)
    ]
    return Section(heading="Scope", body="\n".join(lines) or "_not set yet_")


def persona_section(m: JourneyMap) -> Section:
    lines = []
    for p in m.personas:
        lines.append(f"*{p.name}* ({p.id})" + (f": {p.description}" if p.description else ""))
        for label, values in (
            ("Goals", p.goals),
            ("Needs", p.needs),
            ("Frustrations", p.frustrations),
        ):
            if values:
                lines.append(f"   {label}: {', '.join(values)}")
        if p.data_source:
            lines.append(f"   Source: {p.data_source}")
    return Section(heading="Personas", body="\n".join(lines) or "_none yet_")


def stage_sections(m: JourneyMap) -> list[Section]:
    sections = []
    for number, stage in enumerate(m.stages, start=1):
        lines = []
        emotion = m.emotion_for(stage.id)
        if emotion:
            quote = f' "{emotion.quote}"' if emotion.quote else ""
            lines.append(f"Feels {emotion.score:+d} {emotion.label}{quote}".rstrip())
        for tp in m.touchpoints_in(stage.id):
            channel = f" ({tp.channel})" if tp.channel else ""
            owner = f" [{tp.owner}]" if tp.owner else ""
            lines.append(f"• {tp.description}{channel}{owner} ({tp.id})")
            for label, value in (("does", tp.customer_action), ("thinks", tp.customer_thought)):
                if value:
                    lines.append(f"   {label}: {value}")
        for kind, items in (
            ("Pain", m.pain_points),
            ("Delight", m.delight_points),
            ("Moment of truth", m.moments_of_truth),
        ):
            lines += [f"{kind}: {i.text} ({i.id})" for i in items if i.stage_id == stage.id]
        sections.append(
            Section(heading=f"{number}. {stage.name}", body="\n".join(lines) or "_empty_")
        )
    return sections


def kpi_section(m: JourneyMap) -> Section:
    lines = []
    for k in m.kpis:
        parts = [
            f"baseline {k.baseline}" if k.baseline else "",
            f"target {k.target}" if k.target else "",
            f"owner {k.owner}" if k.owner else "",
        ]
        detail = ", ".join(p for p in parts if p)
        lines.append(f"*{k.name}* ({k.id})" + (f": {detail}" if detail else ""))
    for a in m.actions:
        parts = [
            f"owner {a.owner}" if a.owner else "",
            f"due {a.due}" if a.due else "",
            "done" if a.done else "",
        ]
        detail = ", ".join(p for p in parts if p)
        lines.append(f"Action: {a.description} ({a.id})" + (f": {detail}" if detail else ""))
    return Section(heading="KPIs and actions", body="\n".join(lines) or "_none yet_")


def evidence_section(m: JourneyMap) -> Section:
    overall, per_stage = evidence_share(m)
    lines = [f"Overall: {describe_share(overall)}"]
    lines += [f"{s.name}: {describe_share(per_stage[s.id])}" for s in m.stages]
    return Section(heading="Evidence", body="\n".join(lines))


def map_outline(m: JourneyMap) -> list[Section]:
    return [
        scope_section(m),
        persona_section(m),
        *stage_sections(m),
        kpi_section(m),
        evidence_section(m),
    ]


def votes_section(m: JourneyMap) -> Section:
    """Every stage's votes with their mean and spread; disagreements called out."""
    lines = []
    for stage in m.stages:
        votes = [v for v in m.emotion_votes if v.stage_id == stage.id]
        if not votes:
            continue
        scores = [v.score for v in votes]
        spread = max(scores) - min(scores)
        settled = m.emotion_for(stage.id)
        line = (
            f"*{stage.name}*: {len(votes)} vote(s), mean {mean(scores):+.1f}, "
            f"spread {spread}" + (f", settled at {settled.score:+d}" if settled else "")
        )
        if spread >= DISAGREEMENT:
            line += " — the team disagrees: say why before settling"
        lines.append(line)
        lines += [
            f"   {v.user}: {v.score:+d}" + (f" because {v.reason}" if v.reason else "")
            for v in votes
        ]
    return Section(heading="Emotion votes", body="\n".join(lines) or "_no votes yet_")


def summary_sections(m: JourneyMap) -> list[Section]:
    """One screen: scope, the emotion curve's lows, top pains, moments of truth, open actions."""
    names = {s.id: s.name for s in m.stages}
    scores = {e.stage_id: e.score for e in m.emotions}
    lows = sorted((e for e in m.emotions if e.score < 0), key=lambda e: e.score)
    pains = sorted(m.pain_points, key=lambda p: scores.get(p.stage_id, 0))[:5]
    open_actions = [a for a in m.actions if not a.done]
    overall, _ = evidence_share(m)
    return [
        Section(
            heading="Scope",
            body=f"*Objective:* {m.scope.objective or '—'}\n*Scenario:* {m.scope.scenario or '—'}",
        ),
        Section(
            heading="Lows of the emotion curve",
            body="\n".join(f"{names[e.stage_id]}: {e.score:+d} {e.label}".rstrip() for e in lows)
            or "none",
        ),
        Section(
            heading="Top pains",
            body="\n".join(f"{p.text} ({names[p.stage_id]})" for p in pains) or "none",
        ),
        Section(
            heading="Moments of truth",
            body="\n".join(f"{t.text} ({names[t.stage_id]})" for t in m.moments_of_truth) or "none",
        ),
        Section(
            heading="Open actions",
            body="\n".join(
                f"{a.description} — {a.owner or 'no owner'}" + (f", due {a.due}" if a.due else "")
                for a in open_actions
            )
            or "none",
        ),
        Section(heading="Evidence", body=describe_share(overall)),
    ]
