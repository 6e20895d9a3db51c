"""Block Kit builders as data: every block valid for slack_sdk.models, Slack's limits kept by
truncating or paging, user text escaped."""

from __future__ import annotations

import json

from bot.engine.reply import Reply, Section, Suggestion
from bot.model import JourneyMap, Stage, Step
from bot.slack.blocks.home import MapEntry, home_view, list_blocks
from bot.slack.blocks.kit import split_text
from bot.slack.blocks.modals import form_modal, new_map_modal
from bot.slack.blocks.step import step_blocks, step_text
from bot.slack.blocks.summary import map_summary_blocks, outline_blocks
from knowledge.types import Tip
from storage import MapKey, MapSummary

from .mock_slack import _check_message, _check_view

KEY = MapKey(workspace="T1", channel="C1", thread="1.1")
NASTY = "<!channel> <@U123> & <https://evil.test|click>"


def reply(**fields) -> Reply:  # type: ignore[no-untyped-def]
    base = {
        "step": Step.TOUCHPOINTS,
        "step_number": 4,
        "step_count": 7,
        "step_title": "Touchpoints",
        "question": "Where does the customer meet you?",
        "suggestions": [Suggestion(label="Next", command="next")],
    }
    return Reply(**(base | fields))


def valid_message(blocks: list[dict]) -> list[dict]:
    _check_message({"blocks": blocks, "text": "x"})
    return blocks


def test_a_step_shows_every_part_of_the_reply() -> None:
    blocks = valid_message(
        step_blocks(
            reply(
                example="Apply > Online form (website)",
                understood=["touchpoint Online form (website) in Apply"],
                errors=["Line 2: no stage 'Aply'"],
                warnings=["Stage Dream has no touchpoint yet."],
                notices=["Saved."],
                sections=[Section(heading="Apply", body="• Online form")],
                tip=Tip(
                    key="k1", guide_id="g", title="Touchpoints", text="Count every channel. " * 40
                ),
            )
        )
    )
    text = json.dumps(blocks)
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Step 4/7 · Touchpoints", "emoji": True},
    }
    for part in (
        "Saved.",
        ":white_check_mark: touchpoint",
        ":x: Line 2",
        ":warning: Stage Dream",
        "*Apply*",
        "Where does the customer",
        "```Apply &gt; Online form",
    ):
        assert part in text, part
    tip = next(b for b in blocks if b.get("text", {}).get("text", "").startswith(":bulb:"))
    assert tip["text"]["text"].endswith("— _Touchpoints_")
    assert len(tip["text"]["text"]) < 400
    assert tip["accessory"]["text"]["text"] == "More" and tip["accessory"]["value"] == "k1"
    buttons = blocks[-1]["elements"]
    assert [(b["text"]["text"], b["value"]) for b in buttons] == [
        ("Next", "next"),
        ("Add touchpoint", "touchpoint"),
    ]


def test_user_text_is_escaped_everywhere() -> None:
    blocks = step_blocks(reply(understood=[f"persona {NASTY}"], sections=[Section(body=NASTY)]))
    text = json.dumps(blocks) + step_text(reply(errors=[NASTY]))
    assert "<!channel>" not in text and "<@U123>" not in text and "<https" not in text
    assert "&lt;!channel&gt;" in text


def test_long_replies_are_paged_into_sections_and_cut_to_fifty_blocks() -> None:
    long_body = "\n".join(f"• touchpoint number {n} with a long description" for n in range(400))
    sections = [Section(heading=f"Stage {n}", body=long_body) for n in range(12)]
    blocks = valid_message(step_blocks(reply(sections=sections)))
    assert len(blocks) == 50
    assert "more block(s) not shown" in json.dumps(blocks)
    assert blocks[-1]["type"] == "actions"  # the buttons survive the cut


def test_limits_on_labels_titles_and_single_long_lines() -> None:
    blocks = valid_message(
        step_blocks(
            reply(step_title="T" * 400, suggestions=[Suggestion(label="L" * 200, command="c")])
        )
    )
    assert len(blocks[0]["text"]["text"]) <= 150
    assert len(blocks[-1]["elements"][0]["text"]["text"]) <= 75
    assert [len(c) <= 3000 for c in split_text("word " * 5000, 3000)] == [True] * 9


def a_map(stages: int = 3) -> JourneyMap:
    return JourneyMap(
        title=f"Buyers {NASTY}",
        stages=[Stage(id=f"stage-{n}", name=f"Stage {n} {'x' * 100}") for n in range(stages)],
    )


def test_the_map_summary_and_outline_are_valid_and_escaped() -> None:
    m = a_map(30)
    for blocks in (map_summary_blocks(m), outline_blocks(m, "https://t1.example.com/x")):
        valid_message(blocks)
        assert "<!channel>" not in json.dumps(blocks[1:])
    assert "and 10 more" in json.dumps(map_summary_blocks(m))


def test_forms_keep_options_to_a_hundred_and_carry_the_key() -> None:
    m = a_map(150)
    for kind in ("persona", "touchpoint", "emotion", "kpi"):
        view = form_modal(kind, KEY, m)
        _check_view(view)
        assert json.loads(view["private_metadata"]) == KEY.model_dump()
    stage = form_modal("touchpoint", KEY, m)["blocks"][0]
    assert len(stage["element"]["options"]) == 100
    assert all(len(o["text"]["text"]) <= 75 for o in stage["element"]["options"])
    _check_view(new_map_modal())


def summary(n: int) -> MapSummary:
    from datetime import UTC, datetime

    return MapSummary(
        id=f"m{n}",
        key=KEY.model_copy(update={"thread": f"{n}.1"}),
        title=f"Map {n} {NASTY}",
        step="emotions",
        status="draft",
        version=3,
        updated_at=datetime(2026, 5, 1, tzinfo=UTC),
    )


def test_home_and_list_page_within_their_limits() -> None:
    entries = [MapEntry(summary(n), f"https://t1.example.com/{n}") for n in range(80)]
    view = home_view(entries, notice=f"Exported {NASTY}")
    _check_view(view)
    assert len(view["blocks"]) <= 100 and "older maps" in json.dumps(view)
    assert "step 5/7 Emotions" in json.dumps(view)
    blocks = valid_message(list_blocks(entries))
    assert "older maps" in json.dumps(blocks)
    assert "<!channel>" not in json.dumps(view) + json.dumps(blocks)
    empty = home_view([])
    _check_view(empty)
    assert "No maps yet" in json.dumps(empty)


def test_the_emotion_votes_page_many_stages_and_stay_valid() -> None:
    many = reply(step=Step.EMOTIONS, sections=[Section(body="x " * 2000)] * 40)
    blocks = valid_message(step_blocks(many, a_map(40)))
    text = json.dumps(blocks)
    assert "cmd:vote:stage-7:2" in text and "cmd:vote:stage-8:2" not in text
    assert "32 more stage(s)" in text and "<!channel>" not in text
    votes = [b for b in blocks if b.get("block_id", "").startswith("vote:")]
    assert len(votes) == 8 and all(len(b["elements"]) == 6 for b in votes)
    assert "cmd:vote" not in json.dumps(step_blocks(reply(), a_map(3)))  # only at the emotions step


def test_the_evidence_modal_lists_a_hundred_items_and_keeps_its_metadata_small() -> None:
    from bot.model import Touchpoint
    from bot.slack.blocks.evidence import Quoted, evidence_modal

    m = a_map(3)
    m.touchpoints = [
        Touchpoint(id=f"tp-{n}", stage_id="stage-1", description=f"Touchpoint {n} {'y' * 90}")
        for n in range(150)
    ]
    quoted = Quoted(KEY, "1.2", '"\\' * 1000 + NASTY)
    view = evidence_modal(quoted, m)
    _check_view(view)
    item = next(b for b in view["blocks"] if b.get("block_id") == "item")
    assert len(item["element"]["options"]) == 100 and "150 items" in json.dumps(view)
    assert len(view["private_metadata"]) <= 3000
    assert Quoted.read(view["private_metadata"]).key == KEY  # type: ignore[union-attr]
    assert "<!channel>" not in json.dumps(view["blocks"])
