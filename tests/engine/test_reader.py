from __future__ import annotations

import pytest

from bot.engine.commands import read_command
from bot.engine.edits import AddAnchored, AddPersona, AddStage, AddTouchpoint, SetEmotion, SetScope
from bot.engine.reader import message_chatter, parse_answer
from bot.model import JourneyMap, Stage, Step, Touchpoint


def mapped() -> JourneyMap:
    m = JourneyMap(title="t")
    for name in ("Dream", "Apply"):
        m.stages.append(Stage(id=m.new_id("stage"), name=name))
    return m


def test_an_unkeyed_scope_line_is_proposed_not_saved() -> None:
    parsed = parse_answer(JourneyMap(title="t"), Step.SCOPE, "Halve drop-out\nscenario: first flat")
    assert parsed.edits == [SetScope(field="scenario", value="first flat")]
    assert parsed.proposed == [SetScope(field="objective", value="Halve drop-out")]


def test_a_scope_paragraph_is_split_by_its_cue_phrases() -> None:
    text = (
        "hey! so we want to cut churn. the scenario is a team on a trial. it starts when they "
        "sign up and ends when they pay"
    )
    parsed = parse_answer(JourneyMap(title="t"), Step.SCOPE, text)
    assert parsed.edits == [
        SetScope(field="objective", value="cut churn"),
        SetScope(field="scenario", value="a team on a trial"),
        SetScope(field="journey_start", value="they sign up"),
        SetScope(field="journey_end", value="they pay"),
    ]


def test_stages_then_touchpoints_in_one_message_are_read_in_order() -> None:
    parsed = parse_answer(
        JourneyMap(title="t"),
        Step.STAGES,
        "our stages are research, buy and renew\nBuy > Cart (web)",
    )
    assert [type(e).__name__ for e in parsed.edits] == ["AddStage"] * 3 + ["AddTouchpoint"]


def test_a_stage_name_wins_over_a_scope_key_after_the_scope_step() -> None:
    m = mapped()
    m.stages.append(Stage(id=m.new_id("stage"), name="Research"))
    parsed = parse_answer(m, Step.TOUCHPOINTS, "Research: G2 reviews (web)")
    assert parsed.edits == [
        AddTouchpoint(stage="Research", description="G2 reviews", channel="website")
    ]


def test_stage_names_match_by_stem_and_small_typos() -> None:
    m = mapped()
    m.stages.append(Stage(id=m.new_id("stage"), name="Onboard"))
    parsed = parse_answer(m, Step.TOUCHPOINTS, "Onboarding > Welcome email\nAply > Form")
    assert [e.stage for e in parsed.edits] == ["Onboard", "Apply"]  # type: ignore[union-attr]


def test_one_bad_line_keeps_the_good_ones_and_names_a_fix_from_the_map() -> None:
    parsed = parse_answer(mapped(), Step.TOUCHPOINTS, "Dream > Ads (web)\nCheckout > Card form")
    assert len(parsed.edits) == 1 and parsed.errors[0].line == 2
    assert "stage 'Checkout'" in parsed.errors[0].problem and "Dream" in parsed.errors[0].problem


@pytest.mark.parametrize(
    ("line", "score", "label"),
    [("Apply: 7/10 curious", 1, "curious"), ("Apply: 2 out of 5", -1, ""), ("Apply: 3/10", -1, "")],
)
def test_scales_are_converted(line: str, score: int, label: str) -> None:
    parsed = parse_answer(mapped(), Step.EMOTIONS, line)
    assert parsed.edits == [SetEmotion(stage="Apply", score=score, label=label)]


def test_forgiving_kpi_and_action_fields() -> None:
    parsed = parse_answer(
        mapped(),
        Step.KPIS,
        "kpi: activation, baseline 22%, target 30%, owner growth\n"
        "action: fix emails | owner Ops | due: end of March",
    )
    kpi, action = parsed.edits
    assert (kpi.baseline, kpi.target, kpi.owner) == ("22%", "30%", "growth")  # type: ignore[union-attr]
    assert action.owner == "Ops" and action.due.month == 3  # type: ignore[union-attr]


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
    m = mapped()
    m.touchpoints.append(
        Touchpoint(id=m.new_id("touchpoint"), stage_id="stage-2", description="Form")
    )
    parsed = parse_answer(m, Step.EMOTIONS, "pain: Apply > slow\nmoment: Apply > Form > first look")
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
        (Step.EMOTIONS, "Apply: 5", "outside the -2..+2 scale"),
        (Step.EMOTIONS, "Apply: purple", "couldn't read a feeling"),
        (Step.KPIS, "kpi: X | colour: red", "don't know the KPI field"),
        (Step.KPIS, "action: X | due: tomorrow", "couldn't read the date"),
        (Step.TOUCHPOINTS, "Routine > ??? (", "no stage"),
        (Step.TOUCHPOINTS, "Apply > ??? (", "touchpoint's name"),
        (Step.SCOPE, "weather: sunny", "scope field"),
    ],
)
def test_unreadable_lines_say_which_line_and_how(step: Step, text: str, fragment: str) -> None:
    parsed = parse_answer(mapped(), step, "objective: ok\n" + text)
    assert parsed.errors and fragment in parsed.errors[0].problem
    assert parsed.errors[0].line == 2
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
        ("ok next", "next"),
        ("next pls", "next"),
        ("export pdf", "export"),
        ("go to kpis", "goto"),
    ],
)
def test_commands(text: str, name: str) -> None:
    command = read_command(text)
    assert command is not None and command.name == name


@pytest.mark.parametrize(
    "text",
    [
        "what's a moment of truth?",
        "How many personas should we have",
        "hey quick one, how many stages should we have",
        "write me a poem about our Q3 roadmap",
        "thanks!",
    ],
)
def test_questions_and_chatter_are_recognised(text: str) -> None:
    assert read_command(text) is None and message_chatter(mapped(), text) is not None


def test_a_keyed_line_ending_in_a_question_mark_is_an_answer() -> None:
    assert message_chatter(mapped(), "Apply > Form | thinks: did it save?") is None
    assert message_chatter(mapped(), "scenario: how a couple buys a flat") is None


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


def test_an_export_leaves_a_pending_yes_no_alone(tmp_path) -> None:
    from bot.engine import Engine, Turn
    from storage import MapKey, MapStore, create_db_engine

    engine = Engine(
        MapStore(
            create_db_engine(f"sqlite:///{tmp_path / 'm.db'}"), read=JourneyMap.model_validate_json
        )
    )
    key = MapKey(workspace="T", channel="C", thread="1")
    engine.start(key, "Trial", "U1")
    engine.handle(key, Turn(user="U1", text="help customers renew without calling us"))
    assert engine.load(key).state["pending_proposal"]  # type: ignore[union-attr]
    assert engine.export(key, "json") is not None
    engine.handle(key, Turn(user="U2", text="export markdown"))
    engine.handle(key, Turn(user="U1", text="how long should an objective be"))
    confirmed = engine.handle(key, Turn(user="U1", text="yes"))
    assert confirmed is not None and confirmed.journey_map.scope.objective.startswith("help")


def test_a_persona_sentence_with_fields_is_proposed_with_a_short_name() -> None:
    text = "lena is a freelance illustrator, works from cafes\ngoals: quiet desk, peers"
    parsed = parse_answer(JourneyMap(title="t"), Step.PERSONAS, text)
    assert parsed.edits == []
    assert parsed.proposed == [
        AddPersona(
            name="Lena",
            description="freelance illustrator, works from cafes",
            goals=["quiet desk", "peers"],
        )
    ]


def test_stage_lines_with_a_description_and_dash_lists() -> None:
    described = parse_answer(JourneyMap(title="t"), Step.STAGES, "1. Discover - finds us online")
    assert described.edits == [AddStage(name="Discover", description="finds us online")]
    listed = parse_answer(JourneyMap(title="t"), Step.STAGES, "Apply - Approval - Move in")
    assert [e.name for e in listed.edits] == ["Apply", "Approval", "Move in"]  # type: ignore[union-attr]


def test_a_pasted_spreadsheet_row_is_a_touchpoint() -> None:
    parsed = parse_answer(mapped(), Step.TOUCHPOINTS, "Apply\tOnline form\tweb\tOps")
    assert parsed.edits == [
        AddTouchpoint(stage="Apply", description="Online form", channel="website", owner="Ops")
    ]


def test_slack_bold_keys_and_accents() -> None:
    m = mapped()
    m.stages.append(Stage(id=m.new_id("stage"), name="Café"))
    parsed = parse_answer(m, Step.EMOTIONS, "*Objective:* calmer visits\ncafe: -1")
    assert parsed.edits == [
        SetScope(field="objective", value="calmer visits"),
        SetEmotion(stage="Café", score=-1),
    ]
