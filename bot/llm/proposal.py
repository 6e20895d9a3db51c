"""The model's reading (MapItems) checked against the map and turned into typed edits.

Stage and touchpoint references must resolve to this map (or to stages proposed alongside);
what doesn't resolve is left out and said in the note. Every text is cleaned and cut to the
map's limits. Nothing is applied here: the engine shows the proposal and waits for a yes."""

from __future__ import annotations

from bot.engine.assist import Proposal
from bot.engine.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Edit,
    SetEmotion,
    SetScope,
)
from bot.engine.vocabulary import channel_of
from bot.llm.framing import as_line
from bot.llm.sanitize import clean_output
from bot.llm.schema import (
    ActionItem,
    AnchoredItem,
    EmotionItem,
    KpiItem,
    MapItems,
    PersonaItem,
    ScopeItem,
    StageItem,
    TouchpointItem,
)
from bot.model import LONG, SHORT, JourneyMap

MAX_EDITS = 40
MAX_LISTED = 5


def clean(text: str | None, limit: int = SHORT) -> str:
    return clean_output(as_line(text or "", limit))


def _touchpoints(journey_map: JourneyMap, stage_id: str) -> dict[str, str]:
    return {t.description.casefold(): t.description for t in journey_map.touchpoints_in(stage_id)}


class _Reading:
    """Edits in the order they can apply, with what had to be left out and why."""

    def __init__(self, journey_map: JourneyMap) -> None:
        self.stages = {s.id.casefold(): s.name for s in journey_map.stages}
        self.stages |= {s.name.casefold(): s.name for s in journey_map.stages}
        self.touchpoints = {s.name: _touchpoints(journey_map, s.id) for s in journey_map.stages}
        self.personas = {p.name.casefold() for p in journey_map.personas}
        self.edits: list[Edit] = []
        self.left_out: list[str] = []

    def stage(self, ref: str | None, what: str) -> str | None:
        name = self.stages.get(clean(ref).casefold())
        if name is None:
            self.left_out.append(f"{what} (no stage '{clean(ref, 60)}' on the map)")
        return name

    def scope(self, item: ScopeItem | None) -> None:
        for field, value in (item.model_dump() if item else {}).items():
            if clean(value, LONG):
                self.edits.append(SetScope(field=field, value=clean(value, LONG)))

    def persona(self, item: PersonaItem) -> None:
        name = clean(item.name)
        if not name or name.casefold() in self.personas:
            return
        self.personas.add(name.casefold())
        self.edits.append(
            AddPersona(
                name=name,
                description=clean(item.description, LONG),
                goals=[g for g in map(clean, item.goals) if g],
                needs=[n for n in map(clean, item.needs) if n],
                frustrations=[f for f in map(clean, item.frustrations) if f],
            )
        )

    def new_stage(self, item: StageItem) -> None:
        name = clean(item.name)
        if not name or name.casefold() in self.stages:
            return
        self.stages[name.casefold()] = name
        self.touchpoints[name] = {}
        self.edits.append(AddStage(name=name, description=clean(item.description, LONG)))

    def touchpoint(self, item: TouchpointItem) -> None:
        description = clean(item.description)
        stage = description and self.stage(item.stage, f"touchpoint '{description}'")
        if not stage:
            return
        self.touchpoints[stage][description.casefold()] = description
        self.edits.append(
            AddTouchpoint(
                stage=stage,
                description=description,
                channel=channel_of(clean(item.channel)),
                customer_action=clean(item.customer_action, LONG),
                customer_thought=clean(item.customer_thought, LONG),
                owner=clean(item.owner),
            )
        )

    def emotion(self, item: EmotionItem) -> None:
        stage = self.stage(item.stage, f"emotion {item.score:+d}")
        if stage:
            score = max(-2, min(2, item.score))
            self.edits.append(
                SetEmotion(
                    stage=stage, score=score, label=clean(item.label), quote=clean(item.quote, LONG)
                )
            )

    def anchored(self, kind: str, item: AnchoredItem) -> None:
        text = clean(item.text)
        stage = text and self.stage(item.stage, f"{kind} '{text}'")
        if not stage:
            return
        touchpoint = None
        if clean(item.touchpoint):
            touchpoint = self.touchpoints[stage].get(clean(item.touchpoint).casefold())
            if touchpoint is None:
                self.left_out.append(
                    f"the link of '{text}' to touchpoint '{clean(item.touchpoint, 60)}'"
                )
        self.edits.append(AddAnchored(item=kind, stage=stage, text=text, touchpoint=touchpoint))

    def linked_stage(self, ref: str | None, what: str) -> str | None:
        if not clean(ref):
            return None
        stage = self.stages.get(clean(ref).casefold())
        if stage is None:
            self.left_out.append(f"the stage of {what} ('{clean(ref, 60)}' is not on the map)")
        return stage

    def kpi(self, item: KpiItem) -> None:
        name = clean(item.name)
        if name:
            self.edits.append(
                AddKpi(
                    name=name,
                    definition=clean(item.definition, LONG),
                    baseline=clean(item.baseline),
                    target=clean(item.target),
                    owner=clean(item.owner),
                    stage=self.linked_stage(item.stage, f"KPI '{name}'"),
                )
            )

    def action(self, item: ActionItem) -> None:
        description = clean(item.description)
        if description:
            self.edits.append(
                AddAction(
                    description=description,
                    owner=clean(item.owner),
                    stage=self.linked_stage(item.stage, f"action '{description}'"),
                )
            )


def to_proposal(journey_map: JourneyMap, items: MapItems) -> Proposal:
    reading = _Reading(journey_map)
    reading.scope(items.scope)
    for persona in items.personas:
        reading.persona(persona)
    for stage in items.stages:
        reading.new_stage(stage)
    for touchpoint in items.touchpoints:
        reading.touchpoint(touchpoint)
    for emotion in items.emotions:
        reading.emotion(emotion)
    for kind, anchored in (
        *(("pain", a) for a in items.pain_points),
        *(("delight", a) for a in items.delight_points),
        *(("moment", a) for a in items.moments_of_truth),
    ):
        reading.anchored(kind, anchored)
    for kpi in items.kpis:
        reading.kpi(kpi)
    for action in items.actions:
        reading.action(action)
    return Proposal(edits=_capped(reading), note=_note(clean(items.note), reading.left_out))


def _capped(reading: _Reading) -> list[Edit]:
    """At most MAX_EDITS. The edits apply as built: every reference above was resolved against
    the map, every text cut to its limits; the engine still dry-runs them before offering."""
    if len(reading.edits) > MAX_EDITS:
        reading.left_out.append(f"{len(reading.edits) - MAX_EDITS} more items (too many at once)")
    return reading.edits[:MAX_EDITS]


def _note(model_note: str, left_out: list[str]) -> str:
    parts = [model_note if model_note[-1:] in ".!?" else f"{model_note}."] if model_note else []
    if left_out:
        listed = "; ".join(left_out[:MAX_LISTED])
        more = f" and {len(left_out) - MAX_LISTED} more" if len(left_out) > MAX_LISTED else ""
        parts.append(f"Left out: {listed}{more}.")
    return " ".join(parts)
