"""What the bot understood is written back in the syntax the parser reads: a round trip."""

from __future__ import annotations

from datetime import date

import pytest

from bot.engine.describe import edit_as_line
from bot.engine.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddTouchpoint,
    Edit,
    SetEmotion,
    SetScope,
)
from bot.engine.reader import parse_answer
from bot.model import JourneyMap, PainPoint, Stage, Step, Touchpoint

EDITS: list[Edit] = [
    SetScope(field="journey_start", value="They wonder whether they can afford it"),
    AddPersona(
        name="Maya", description="31, nurse", goals=["a flat", "low cost"], data_source="interviews"
    ),
    AddTouchpoint(
        stage="Apply",
        description="Online form",
        channel="website",
        customer_action="uploads payslips",
        owner="Ops",
    ),
    SetEmotion(stage="Apply", score=-2, label="anxious", quote="three times"),
    AddAnchored(item="pain", stage="Apply", touchpoint="Online form", text="Asked twice"),
    AddKpi(name="Drop-out", baseline="38%", target="19%", owner="Head", stage="Apply"),
    AddAction(
        description="Reuse documents", owner="Ops", due=date(2027, 3, 31), pain="Asked twice"
    ),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.kind)
def test_round_trip(edit: Edit) -> None:
    m = JourneyMap(title="t")
    m.stages.append(Stage(id=m.new_id("stage"), name="Apply"))
    m.touchpoints.append(
        Touchpoint(id=m.new_id("touchpoint"), stage_id="stage-1", description="Online form")
    )
    m.pain_points.append(PainPoint(id=m.new_id("pain"), stage_id="stage-1", text="Asked twice"))
    step = Step.EMOTIONS if edit.kind == "set_emotion" else Step.REVIEW
    parsed = parse_answer(m, step, edit_as_line(edit))
    assert not parsed.errors and parsed.edits == [edit]
