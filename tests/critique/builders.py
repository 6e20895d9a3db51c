"""Small map builders: a clean map that passes every rule, and helpers to break one thing."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.evidence import evidence_for
from bot.model import (
    Action,
    DelightPoint,
    Emotion,
    JourneyMap,
    Kpi,
    MomentOfTruth,
    PainPoint,
    Persona,
    Scope,
    Stage,
    Touchpoint,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
STAGES = ("Discover", "Compare", "Buy", "Receive", "Use")
SCORES = (1, -1, 0, -2, 1)
INTERVIEWS = "8 customer interviews, 2026"
RETURNS_DATA = "returns data 2026"


def clean_map(stages: tuple[str, ...] = STAGES) -> JourneyMap:
    """A small, complete map: one persona, a touchpoint and an emotion per stage, a pain with an
    owned action in every low stage, a delight, a moment of truth and a complete KPI; an owner,
    and every item observed in the research the scope names."""
    m = JourneyMap(
        id="clean",
        title="Buying a washing machine",
        scope=Scope(
            objective="Cut returns of washing machines by a third this year.",
            scenario="A parent replaces a broken washing machine within a week.",
            journey_start="The old machine breaks.",
            journey_end="The new machine has run its first wash.",
            audience="Head of home appliances",
            usage="Plan next year's delivery changes.",
            research_basis="8 customer interviews, returns data 2026",
        ),
        owner="Priya, returns service owner",
        created_at=NOW,
        updated_at=NOW,
    )
    m.personas.append(
        Persona(
            id=m.new_id("persona"),
            name="Sam, busy parent",
            goals=["Washing done again by the weekend"],
            data_source="8 interviews, 2026",
            evidence=evidence_for(source=INTERVIEWS),
        )
    )
    for i, name in enumerate(stages):
        stage = Stage(id=m.new_id("stage"), name=name)
        m.stages.append(stage)
        m.touchpoints.append(
            Touchpoint(
                id=m.new_id("touchpoint"),
                stage_id=stage.id,
                channel="website",
                description=f"{name} page with delivery dates",
                customer_action=f"Checks the options while {name.lower()}",
                owner="Digital",
                evidence=evidence_for(source=RETURNS_DATA),
            )
        )
        score = SCORES[i % len(SCORES)]
        m.emotions.append(
            Emotion(
                stage_id=stage.id,
                score=score,
                label="mixed",
                quote=f"About {name}.",
                evidence=evidence_for(source=INTERVIEWS),
            )
        )
        if score < 0:
            add_pain(m, stage.id, f"Waiting without news in {name}")
    first, last = m.stages[0].id, m.stages[-1].id
    heard = evidence_for(source=INTERVIEWS)
    m.delight_points.append(
        DelightPoint(id=m.new_id("delight"), text="Same-day", stage_id=last, evidence=heard)
    )
    m.moments_of_truth.append(
        MomentOfTruth(id=m.new_id("moment"), text="Slot", stage_id=first, evidence=heard)
    )
    m.kpis.append(
        Kpi(
            id=m.new_id("kpi"),
            name="Return rate",
            baseline="9%",
            target="6%",
            owner="Head of home appliances",
            stage_id=first,
        )
    )
    return m


def add_pain(m: JourneyMap, stage_id: str, text: str, with_action: bool = True) -> PainPoint:
    evidence = evidence_for(source=RETURNS_DATA)
    pain = PainPoint(id=m.new_id("pain"), text=text, stage_id=stage_id, evidence=evidence)
    m.pain_points.append(pain)
    if with_action:
        m.actions.append(
            Action(
                id=m.new_id("action"),
                description=f"Fix: {text}",
                owner="Ops",
                pain_point_id=pain.id,
            )
        )
    return pain


def drop_pains(m: JourneyMap, stage_id: str | None = None) -> JourneyMap:
    """Remove the pains of one stage (or all) and the actions and KPIs linked to them."""
    gone = {p.id for p in m.pain_points if stage_id is None or p.stage_id == stage_id}
    m.pain_points = [p for p in m.pain_points if p.id not in gone]
    m.actions = [a for a in m.actions if a.pain_point_id not in gone]
    m.kpis = [k for k in m.kpis if k.pain_point_id not in gone]
    return m


def stage_id(m: JourneyMap, name: str) -> str:
    stage = m.stage_named(name)
    assert stage is not None
    return stage.id


def valid(m: JourneyMap) -> JourneyMap:
    """Re-validate after edits, so a broken builder cannot pass an invalid map to the critique."""
    return JourneyMap.model_validate(m.model_dump())
