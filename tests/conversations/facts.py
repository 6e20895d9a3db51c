"""A map as a set of readable facts, one per thing a person would check on it."""

from __future__ import annotations

import re

from bot.model import JourneyMap

_SCOPE = (
    ("objective", "objective"),
    ("scenario", "scenario"),
    ("journey_start", "start"),
    ("journey_end", "end"),
    ("audience", "for"),
    ("usage", "use"),
    ("research_basis", "research"),
)


def normal(fact: str) -> str:
    """Compare facts the way a person reads them: case, spacing and curly quotes don't count."""
    text = fact.replace("“", '"').replace("”", '"').replace("’", "'").casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*\|\s*", " | ", text).rstrip(". ")


def _fields(pairs: list[tuple[str, object]]) -> str:
    return "".join(f" | {name}: {value}" for name, value in pairs if value)


def map_facts(m: JourneyMap) -> set[str]:
    stage_name = {s.id: s.name for s in m.stages}
    tp_name = {t.id: t.description for t in m.touchpoints}
    pain_text = {p.id: p.text for p in m.pain_points}
    facts = [f"title: {m.title}"]
    facts += [f"{key}: {getattr(m.scope, name)}" for name, key in _SCOPE if getattr(m.scope, name)]
    for p in m.personas:
        facts.append(f"persona: {p.name}")
        for label, value in (
            ("description", p.description),
            ("goals", ", ".join(p.goals)),
            ("needs", ", ".join(p.needs)),
            ("frustrations", ", ".join(p.frustrations)),
            ("source", p.data_source),
        ):
            if value:
                facts.append(f"persona {p.name} {label}: {value}")
    facts += [f"stage: {s.name}" for s in m.stages]
    for t in m.touchpoints:
        channel = f" ({t.channel})" if t.channel else ""
        facts.append(
            f"tp: {stage_name[t.stage_id]} > {t.description}{channel}"
            + _fields(
                [("does", t.customer_action), ("thinks", t.customer_thought), ("owner", t.owner)]
            )
        )
    for e in m.emotions:
        label = f" {e.label}" if e.label else ""
        quote = f' "{e.quote}"' if e.quote else ""
        facts.append(f"emotion: {stage_name[e.stage_id]} {e.score:+d}{label}{quote}")
    for kind, items in (
        ("pain", m.pain_points),
        ("delight", m.delight_points),
        ("moment", m.moments_of_truth),
    ):
        for item in items:
            via = f" > {tp_name[item.touchpoint_id]}" if item.touchpoint_id else ""
            facts.append(f"{kind}: {stage_name[item.stage_id]}{via} > {item.text}")
    facts += [f"vote: {stage_name[v.stage_id]} {v.user} {v.score:+d}" for v in m.emotion_votes]
    for k in m.kpis:
        facts.append(
            f"kpi: {k.name}"
            + _fields(
                [
                    ("baseline", k.baseline),
                    ("target", k.target),
                    ("owner", k.owner),
                    ("stage", stage_name.get(k.stage_id or "")),
                    ("pain", pain_text.get(k.pain_point_id or "")),
                ]
            )
        )
    for a in m.actions:
        facts.append(
            f"action: {a.description}"
            + _fields(
                [
                    ("owner", a.owner),
                    ("due", a.due.isoformat() if a.due else ""),
                    ("stage", stage_name.get(a.stage_id or "")),
                    ("pain", pain_text.get(a.pain_point_id or "")),
                ]
            )
        )
    if m.owner:
        facts.append(f"owner: {m.owner}")
    return {normal(fact) for fact in facts}
