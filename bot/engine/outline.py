"""The map as readable sections ("show me the map"): plain data both renderers print."""

from __future__ import annotations

from bot.engine.reply import Section
from bot.model import JourneyMap

_SCOPE_LABELS = (
    ("objective", "Objective"),
    ("scenario", "Scenario"),
    ("journey_start", "Starts"),
    ("journey_end", "Ends"),
    ("audience", "For"),
    ("usage", "Used to"),
    ("research_basis", "Research"),
)


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


def map_outline(m: JourneyMap) -> list[Section]:
    return [scope_section(m), persona_section(m), *stage_sections(m), kpi_section(m)]
