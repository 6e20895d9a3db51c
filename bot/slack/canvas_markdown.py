"""A journey map as Slack canvas markdown: scope, persona, the stages as a table, the emotion
line, pains, moments of truth, actions as a checklist and KPIs. Pure: tested as text.

User text is escaped so it stays text: markdown punctuation, table pipes and the canvas mention
syntax (`![](@U123)`, `<!here>`) are backslash-escaped and line breaks flattened, so nothing a
person typed can format the canvas, break a table or ping anyone.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.model import JourneyMap, Stage
from bot.text import markdown_escape, truncate

MAX_CHARS = 90_000  # well below the size Slack accepts for one canvas edit
ITEM_CHARS = 300
FACES: dict[int, str] = {-2: "😣", -1: "🙁", 0: "😐", 1: "🙂", 2: "😄"}
FOOTER = (
    "_Kept up to date by JourneyBot after every saved version. For the full map, export the PDF._"
)


def esc(text: str, limit: int = ITEM_CHARS) -> str:
    """Plain text for the canvas: one line, at most `limit` characters, every markup character
    escaped (an @ too, so no mention can form)."""
    flat = " ".join(text.split())
    return markdown_escape(truncate(flat, limit)).replace("@", "\\@")


def canvas_title(m: JourneyMap) -> str:
    return truncate(" ".join(f"Journey map: {m.title}".split()), 150)


def canvas_markdown(m: JourneyMap) -> str:
    parts = [
        f"_{m.state_of.capitalize()}-state journey map · {m.status.value} · version {m.version}_",
        *_scope(m),
        *_persona(m),
        *_stages(m),
        *_emotion_line(m),
        *_anchored("Pain points", [(p.stage_id, p.text) for p in m.pain_points], m),
        *_anchored("Moments of truth", [(x.stage_id, x.text) for x in m.moments_of_truth], m),
        *_actions(m),
        *_kpis(m),
        FOOTER,
    ]
    text = "\n\n".join(part for part in parts if part)
    if len(text) > MAX_CHARS:  # a huge map: the tables are cut, the footer says where the rest is
        text = text[: MAX_CHARS - len(FOOTER) - 40].rsplit("\n", 1)[0] + "\n\n_(cut short)_\n\n"
        text += FOOTER
    return text


def _scope(m: JourneyMap) -> list[str]:
    journey = " → ".join(esc(p) for p in (m.scope.journey_start, m.scope.journey_end) if p)
    rows = [
        ("Objective", esc(m.scope.objective)),
        ("Scenario", esc(m.scope.scenario)),
        ("Journey", journey),
    ]
    lines = [f"- **{label}:** {text}" for label, text in rows if text]
    return ["## Scope", "\n".join(lines)] if lines else ["## Scope", "_No scope yet._"]


def _persona(m: JourneyMap) -> list[str]:
    if not m.personas:
        return []
    persona = m.personas[0]
    lines = [
        f"**{esc(persona.name)}**"
        + (f" — {esc(persona.description)}" if persona.description else "")
    ]
    lines += [f"- Goal: {esc(goal)}" for goal in persona.goals[:3]]
    quote = next((e.quote for e in m.emotions if e.quote.strip()), "")
    block = "\n".join(lines)
    if quote:
        block += f"\n\n> {esc(quote)}"
    return ["## Persona", block]


def _stages(m: JourneyMap) -> list[str]:
    if not m.stages:
        return ["## Stages", "_No stages yet._"]
    header = "| Stage | Emotion | Touchpoints | Pain points | Moments of truth |"
    rows = [header, "| --- | --- | --- | --- | --- |"]
    for stage in m.stages:
        rows.append("| " + " | ".join(_stage_cells(m, stage)) + " |")
    return ["## Stages", "\n".join(rows)]


def _stage_cells(m: JourneyMap, stage: Stage) -> list[str]:
    emotion = m.emotion_for(stage.id)
    feeling = (
        f"{FACES[emotion.score]} {emotion.score:+d} {esc(emotion.label, 60)}" if emotion else ""
    )
    touchpoints = [
        esc(t.description, 80) + (f" ({esc(t.channel, 30)})" if t.channel else "")
        for t in m.touchpoints_in(stage.id)
    ]
    pains = [esc(p.text, 100) for p in m.pain_points if p.stage_id == stage.id]
    moments = [esc(x.text, 100) for x in m.moments_of_truth if x.stage_id == stage.id]
    return [
        f"**{esc(stage.name, 80)}**",
        feeling.strip(),
        _join(touchpoints),
        _join(pains),
        _join(moments),
    ]


def _join(items: Iterable[str]) -> str:
    return "; ".join(items)


def _emotion_line(m: JourneyMap) -> list[str]:
    points = []
    for stage in m.stages:
        emotion = m.emotion_for(stage.id)
        if emotion is not None:
            star = " ★" if any(x.stage_id == stage.id for x in m.moments_of_truth) else ""
            points.append(f"{esc(stage.name, 60)} {FACES[emotion.score]} {emotion.score:+d}{star}")
    return ["## Emotion line", " → ".join(points)] if points else []


def _anchored(title: str, items: list[tuple[str, str]], m: JourneyMap) -> list[str]:
    if not items:
        return []
    lines = []
    for stage_id, text in items:
        stage = m.stage(stage_id)
        where = f"**{esc(stage.name, 80)}:** " if stage else ""
        lines.append(f"- {where}{esc(text)}")
    return [f"## {title}", "\n".join(lines)]


def _actions(m: JourneyMap) -> list[str]:
    if not m.actions:
        return []
    lines = []
    for action in m.actions:
        box = "[x]" if action.done else "[ ]"
        who = ", ".join(
            part
            for part in (
                esc(action.owner, 80) if action.owner else "no owner yet",
                f"due {action.due:%Y-%m-%d}" if action.due else "",
            )
            if part
        )
        lines.append(f"- {box} {esc(action.description)} — {who}")
    return ["## Actions", "\n".join(lines)]


def _kpis(m: JourneyMap) -> list[str]:
    if not m.kpis:
        return []
    rows = ["| KPI | Baseline | Target | Owner |", "| --- | --- | --- | --- |"]
    for kpi in m.kpis:
        cells = (esc(kpi.name, 100), esc(kpi.baseline, 40), esc(kpi.target, 40), esc(kpi.owner, 80))
        rows.append("| " + " | ".join(cells) + " |")
    return ["## KPIs", "\n".join(rows)]
