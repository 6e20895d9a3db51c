"""A map prepared for checking: lookups built once, so every check stays linear, and the labels
findings use to name what they are about."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from bot.critique.findings import Location
from bot.model import (
    Action,
    Anchored,
    Emotion,
    JourneyMap,
    Kpi,
    MomentOfTruth,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)
from bot.text import truncate

NAME_LIMIT = 60


class Hit(NamedTuple):
    """One thing a check found: where, what is wrong, what to do."""

    where: Location
    problem: str
    fix: str


def quoted(text: str) -> str:
    return f"'{truncate(text, NAME_LIMIT)}'"


@dataclass
class MapView:
    m: JourneyMap
    now: datetime
    touchpoints: dict[str, list[Touchpoint]] = field(default_factory=lambda: defaultdict(list))
    emotions: dict[str, Emotion] = field(default_factory=dict)
    pains: dict[str, list[PainPoint]] = field(default_factory=lambda: defaultdict(list))
    actions_for_pain: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    stage_names: dict[str, str] = field(default_factory=dict)
    item_evidence: bool = True

    @classmethod
    def of(cls, m: JourneyMap, now: datetime, item_evidence: bool = True) -> MapView:
        view = cls(m=m, now=now, item_evidence=item_evidence)
        view.stage_names = {s.id: s.name for s in m.stages}
        for t in m.touchpoints:
            view.touchpoints[t.stage_id].append(t)
        view.emotions = {e.stage_id: e for e in m.emotions}
        for p in m.pain_points:
            view.pains[p.stage_id].append(p)
        for a in m.actions:
            if a.pain_point_id is not None:
                view.actions_for_pain[a.pain_point_id].append(a)
        return view

    def evidenced(self) -> tuple[Persona | Touchpoint | Emotion | Anchored, ...]:
        """Every item that carries evidence."""
        m = self.m
        return (
            *m.personas,
            *m.touchpoints,
            *m.emotions,
            *m.pain_points,
            *m.delight_points,
            *m.moments_of_truth,
        )

    def rests_on_stated_research(self) -> bool:
        """The scope names the research the map rests on, and the map was made where evidence
        is not kept per item (imported from a table or document): its items are then read as
        resting on that research rather than as assumptions."""
        return not self.item_evidence and bool(self.m.scope.research_basis)

    # --- the map's own words, for examples in fixes -------------------------------------

    def lowest_stage(self) -> Stage | None:
        """The stage with the lowest emotion (the first stage when none is scored)."""
        scored = [(self.emotions[s.id].score, i) for i, s in enumerate(self.m.stages)
                  if s.id in self.emotions]  # fmt: skip
        return self.m.stages[min(scored)[1] if scored else 0] if self.m.stages else None

    def highest_stage(self) -> Stage | None:
        scored = [(-self.emotions[s.id].score, i) for i, s in enumerate(self.m.stages)
                  if s.id in self.emotions]  # fmt: skip
        return self.m.stages[min(scored)[1] if scored else 0] if self.m.stages else None

    def touchpoint_in(self, stage: Stage | None) -> str:
        """A touchpoint of the stage to name in an example, else the stage's name."""
        if stage is None:
            return "this step"
        found = self.touchpoints.get(stage.id)
        return found[0].description if found else stage.name

    def owner_near(self, stage_id: str | None = None) -> str:
        """An owner the map already uses (in the stage if any), for 'owner:' examples."""
        owners = [t.owner for t in self.touchpoints.get(stage_id or "", []) if t.owner]
        owners += [t.owner for t in self.m.touchpoints if t.owner]
        owners += [a.owner for a in self.m.actions if a.owner]
        return owners[0] if owners else "<the team that runs it>"

    # --- locations ---------------------------------------------------------------------------

    def at_map(self) -> Location:
        return Location(kind="map", label=f"Map {quoted(self.m.title)}")

    def at_scope(self, field_label: str) -> Location:
        return Location(kind="scope", label=f"Scope: {field_label}")

    def at_persona(self, p: Persona) -> Location:
        return Location(kind="persona", item_id=p.id, label=f"Persona {quoted(p.name)}")

    def at_stage(self, s: Stage) -> Location:
        return Location(kind="stage", item_id=s.id, label=f"Stage {quoted(s.name)}")

    def at_emotion(self, s: Stage) -> Location:
        return Location(kind="emotion", item_id=s.id, label=f"Emotion in stage {quoted(s.name)}")

    def at_touchpoint(self, t: Touchpoint) -> Location:
        stage = quoted(self.stage_names.get(t.stage_id, t.stage_id))
        return Location(
            kind="touchpoint",
            item_id=t.id,
            label=f"Touchpoint {quoted(t.description)} in stage {stage}",
        )

    def at_pain(self, p: PainPoint) -> Location:
        stage = quoted(self.stage_names.get(p.stage_id, p.stage_id))
        return Location(kind="pain", item_id=p.id, label=f"Pain {quoted(p.text)} in stage {stage}")

    def at_moment(self, mt: MomentOfTruth) -> Location:
        stage = quoted(self.stage_names.get(mt.stage_id, mt.stage_id))
        label = f"Moment of truth {quoted(mt.text)} in stage {stage}"
        return Location(kind="moment", item_id=mt.id, label=label)

    def at_kpi(self, k: Kpi) -> Location:
        return Location(kind="kpi", item_id=k.id, label=f"KPI {quoted(k.name)}")

    def at_action(self, a: Action) -> Location:
        return Location(kind="action", item_id=a.id, label=f"Action {quoted(a.description)}")
