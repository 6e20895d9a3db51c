from __future__ import annotations

import pytest

from bot.engine.commands import read_command
from bot.engine.edits import AddAnchored, AddPersona, AddStage, AddTouchpoint, SetEmotion, SetScope
from bot.engine.parser import parse_answer
from bot.model import JourneyMap, Stage, Step


def mapped() -> JourneyMap:
    m = JourneyMap(title="t")
    for name in ("Dream", "Apply"):
        m.stages.append(Stage(id=m.new_id("stage"), name=name))
    return m


def test_scope_fields_and_unkeyed_lines_fill_the_gaps() -> None:
    parsed = parse_answer(JourneyMap(title="t"), Step.SCOPE, "Halve drop-out\nscenario: first flat")
    assert parsed.edits == [
        SetScope(field="objective", value="Halve drop-out"),
        SetScope(field="scenario", value="first flat"),
    ]


def test_bullets_and_comma_lists_give_stages() -> None:
    parsed = parse_answer(JourneyMap(title="t"), Step.STAGES, "- Discover\n- Compare, Buy\n2. Use")
    assert [e.name for e in parsed.edits if isinstance(e, AddStage)] == [
        "Discover",
        "Compare",
        "Buy",
        "Use",
    ]


def test_default_stage_sets() -> None:
    parsed = parse_answer(JourneyMap(title="t"), Step.STAGES, "use b2b")
    assert len(parsed.edits) == 7 and parsed.edits[0].name == "Recognise the need"  # type: ignore[union-attr]


def test_touchpoint_line_with_channel_synonym_and_fields() -> None:
    parsed = parse_answer(
        mapped(),
        Step.TOUCHPOINTS,
        "Apply > Form (web) | does: uploads | thinks: saved? | owner: Ops",
    )
    assert parsed.edits == [
        AddTouchpoint(
            stage="Apply",
            description="Form",
            channel="website",
            customer_action="uploads",
            customer_thought="saved?",
            owner="Ops",
        )
    ]


@pytest.mark.parametrize(
    ("line", "score", "label"),
    [
        ("Apply: -2 anxious", -2, "anxious"),
        ("Apply: frustrated", -1, "frustrated"),
        ("Apply: 😀", 2, "delighted"),
        ("Apply: :rage:", -2, "furious"),
        ("Apply: 0", 0, ""),
    ],
)
def test_emotions_from_numbers_words_and_emoji(line: str, score: int, label: str) -> None:
    parsed = parse_answer(mapped(), Step.EMOTIONS, line)
    assert parsed.edits == [SetEmotion(stage="Apply", score=score, label=label)]


def test_emotion_quote() -> None:
    parsed = parse_answer(mapped(), Step.EMOTIONS, 'Dream: 1 hopeful "we can do this"')
    assert parsed.edits[0].quote == "we can do this"  # type: ignore[union-attr]


def test_anchored_items_with_and_without_touchpoint() -> None:
    parsed = parse_answer(
        mapped(), Step.EMOTIONS, "pain: Apply > slow\nmoment: Apply > Form > first look"
    )
    assert parsed.edits == [
        AddAnchored(item="pain", stage="Apply", text="slow"),
        AddAnchored(item="moment", stage="Apply", touchpoint="Form", text="first look"),
    ]


def test_persona_block() -> None:
    parsed = parse_answer(
        JourneyMap(title="t"),
        Step.PERSONAS,
        "name: Maya\ngoals: a flat, low cost\nsource: interviews\n\nname: Tom\nneeds: speed",
    )
    assert parsed.edits == [
        AddPersona(name="Maya", goals=["a flat", "low cost"], data_source="interviews"),
        AddPersona(name="Tom", needs=["speed"]),
    ]


@pytest.mark.parametrize(
    ("step", "text", "fragment"),
    [
        (Step.TOUCHPOINTS, "Just a touchpoint", "stage first"),
        (Step.EMOTIONS, "Apply: 5", "outside the scale"),
        (Step.EMOTIONS, "Apply: purple", "couldn't read a feeling"),
        (Step.KPIS, "kpi: X | colour: red", "don't know the field"),
        (Step.KPIS, "action: X | due: tomorrow", "year-month-day"),
        (Step.SCOPE, "weather: sunny", "scope field"),
    ],
)
def test_unreadable_lines_say_which_line_and_how(step: Step, text: str, fragment: str) -> None:
    parsed = parse_answer(mapped(), step, "objective: ok\n" + text if step is Step.SCOPE else text)
    assert parsed.errors and fragment in parsed.errors[0].problem
    assert parsed.errors[0].line == (2 if step is Step.SCOPE else 1)
    assert parsed.errors[0].hint


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("next", "next"),
        ("Show me the map", "show"),
        ("undo", "undo"),
        ("skip", "skip"),
        ("edit tp-3 owner: Ops", "edit"),
        ("remove stage Apply", "remove"),
        ("what's a moment of truth?", "question"),
        ("How many personas should we have", "question"),
        ("export pdf", "export"),
        ("go to kpis", "goto"),
    ],
)
def test_commands(text: str, name: str) -> None:
    command = read_command(text)
    assert command is not None and command.name == name


def test_answers_are_not_commands() -> None:
    assert read_command("Apply > Form (web)") is None
    assert read_command("objective: what do we want?\nscenario: x") is None


def test_one_line_persona_with_fields() -> None:
    parsed = parse_answer(
        JourneyMap(title="t"),
        Step.SCOPE,
        "persona: Maya - 31, nurse; goals: a flat, low cost; source: interviews",
    )
    assert parsed.edits == [
        AddPersona(
            name="Maya",
            description="31, nurse",
            goals=["a flat", "low cost"],
            data_source="interviews",
        )
    ]
