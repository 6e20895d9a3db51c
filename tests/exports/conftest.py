"""Maps to export: the sample, a big one, an empty one, one full of hostile and non-Latin text."""

from __future__ import annotations

import pytest

from bot.exports import ExportExtras
from bot.model import (
    Action,
    DelightPoint,
    Emotion,
    JourneyMap,
    Kpi,
    MomentOfTruth,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)
from bot.samples import large_map, sample_map

UNICODE_TEXT = "Café ☕ 顧客 😊"
INJECTIONS = ('=HYPERLINK("http://evil")', "+1+2", "-3+4", "@SUM(A1)")
MARKUP = "<script>alert(1)</script> | pipe <!channel> *bold* [link](x)"


@pytest.fixture
def sample() -> JourneyMap:
    return sample_map()


@pytest.fixture(scope="session")
def large() -> JourneyMap:
    return large_map(12, 60)


@pytest.fixture
def title_only() -> JourneyMap:
    return JourneyMap(title="Just a title")


@pytest.fixture
def extras() -> ExportExtras:
    return ExportExtras(
        scorecard=[("Scope", 81), ("Emotions", 47)],
        overall=64,
        top_findings=["Add evidence to the Apply stage", "Name an owner for every action"],
    )


@pytest.fixture
def hostile() -> JourneyMap:
    """Every text a place for markup, formulas or non-Latin script."""
    m = JourneyMap(title=f"Map {UNICODE_TEXT}")
    m.personas.append(Persona(id=m.new_id("persona"), name=MARKUP, goals=[INJECTIONS[0]]))
    first = Stage(id=m.new_id("stage"), name=UNICODE_TEXT)
    second = Stage(id=m.new_id("stage"), name=MARKUP)
    m.stages += [first, second]
    m.emotions.append(Emotion(stage_id=first.id, score=-1, label="🚀 launch", quote=MARKUP))
    for n, text in enumerate(INJECTIONS):
        m.touchpoints.append(
            Touchpoint(
                id=m.new_id("touchpoint"),
                stage_id=first.id if n % 2 else second.id,
                channel=text,
                description=text,
                customer_action=text,
                customer_thought=MARKUP,
                owner=text,
            )
        )
    pain = PainPoint(id=m.new_id("pain"), text=INJECTIONS[1], stage_id=second.id)
    m.pain_points.append(pain)
    m.delight_points.append(DelightPoint(id=m.new_id("delight"), text="顧客", stage_id=first.id))
    m.moments_of_truth.append(MomentOfTruth(id=m.new_id("moment"), text=MARKUP, stage_id=first.id))
    m.actions.append(Action(id=m.new_id("action"), description=MARKUP, pain_point_id=pain.id))
    m.kpis.append(Kpi(id=m.new_id("kpi"), name=INJECTIONS[0], baseline="=1+1", target="@x"))
    return JourneyMap.model_validate(m.model_dump())
