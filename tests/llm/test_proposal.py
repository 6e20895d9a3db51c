"""The model's reading becomes edits that fit the map; what doesn't fit is left out and said."""

from __future__ import annotations

from bot.engine.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddStage,
    AddTouchpoint,
    SetEmotion,
    SetScope,
    apply_edits,
)
from bot.llm.proposal import MAX_EDITS, to_proposal
from bot.llm.schema import MapItems
from bot.model import JourneyMap


def read(journey_map: JourneyMap, **items: object) -> tuple[list, str]:
    proposal = to_proposal(journey_map, MapItems.model_validate(items))
    apply_edits(journey_map, proposal.edits)  # every proposal applies as it is
    return proposal.edits, proposal.note


def test_stages_are_referenced_by_name_whatever_the_case(journey_map: JourneyMap) -> None:
    edits, note = read(
        journey_map,
        touchpoints=[{"stage": "discover", "description": "Friends", "channel": "Word of mouth"}],
    )
    friends = AddTouchpoint(stage="Discover", description="Friends", channel="word of mouth")
    assert edits == [friends]
    assert note == ""


def test_items_on_unknown_stages_are_left_out_and_said(journey_map: JourneyMap) -> None:
    edits, note = read(
        journey_map,
        touchpoints=[
            {"stage": "Checkout", "description": "Card form"},
            {"stage": "Compare", "description": "Reviews"},
        ],
        pain_points=[{"stage": "Nowhere", "text": "Slow"}],
        note="The part about pricing fit nowhere",
    )
    assert edits == [AddTouchpoint(stage="Compare", description="Reviews")]
    assert note == (
        "The part about pricing fit nowhere. Left out: touchpoint 'Card form' (no stage "
        "'Checkout' on the map); pain 'Slow' (no stage 'Nowhere' on the map)."
    )


def test_a_stage_proposed_alongside_can_carry_items(journey_map: JourneyMap) -> None:
    edits, _ = read(
        journey_map,
        stages=[{"name": "Move in"}, {"name": "discover"}],
        touchpoints=[{"stage": "Move in", "description": "Key handover"}],
        moments_of_truth=[
            {"stage": "move in", "text": "First night", "touchpoint": "key handover"}
        ],
    )
    assert edits == [
        AddStage(name="Move in"),
        AddTouchpoint(stage="Move in", description="Key handover"),
        AddAnchored(item="moment", stage="Move in", text="First night", touchpoint="Key handover"),
    ]


def test_an_unknown_touchpoint_link_is_dropped_but_the_item_kept(journey_map: JourneyMap) -> None:
    edits, note = read(
        journey_map, pain_points=[{"stage": "Discover", "text": "Scams", "touchpoint": "Flyers"}]
    )
    assert edits == [AddAnchored(item="pain", stage="Discover", text="Scams")]
    assert "the link of 'Scams' to touchpoint 'Flyers'" in note


def test_every_kind_maps_to_its_edit(journey_map: JourneyMap) -> None:
    edits, _ = read(
        journey_map,
        scope={"objective": "Halve drop-out", "scenario": ""},
        personas=[{"name": "Maya", "goals": ["a flat", " "]}],
        emotions=[{"stage": "Compare", "score": -5, "label": "anxious"}],
        delight_points=[{"stage": "Discover", "text": "Quick replies"}],
        kpis=[{"name": "Viewings booked", "stage": "Compare"}],
        actions=[{"description": "Call back within a day", "stage": "Elsewhere"}],
    )
    assert edits == [
        SetScope(field="objective", value="Halve drop-out"),
        AddPersona(name="Maya", goals=["a flat"]),
        SetEmotion(stage="Compare", score=-2, label="anxious"),
        AddAnchored(item="delight", stage="Discover", text="Quick replies"),
        AddKpi(name="Viewings booked", stage="Compare"),
        AddAction(description="Call back within a day"),
    ]


def test_existing_items_are_not_proposed_again(journey_map: JourneyMap) -> None:
    edits, _ = read(journey_map, stages=[{"name": "Compare"}], personas=[{"name": ""}])
    assert edits == []


def test_texts_are_cleaned_and_cut_to_the_maps_limits(journey_map: JourneyMap) -> None:
    edits, note = read(
        journey_map,
        touchpoints=[{"stage": "Discover", "description": "<!channel> Ads @here " + "x" * 300}],
        note="<@U123> see </answer>",
    )
    description = edits[0].description
    assert "channel" not in description and "@here" not in description
    assert len(description) <= 200 and note == "see."


def test_a_flood_of_items_is_capped(journey_map: JourneyMap) -> None:
    many = [{"stage": "Discover", "text": f"pain {n}"} for n in range(MAX_EDITS + 5)]
    edits, note = read(journey_map, pain_points=many)
    assert len(edits) == MAX_EDITS and "5 more items" in note
