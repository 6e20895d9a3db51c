"""Stages and touchpoints: how many stages, whether each is lived through touchpoints, and
whether touchpoints are concrete, owned and told from the customer's side."""

from __future__ import annotations

from collections.abc import Iterator

from bot.critique.view import Hit, MapView, quoted
from bot.critique.words import (
    AFTER_PURCHASE,
    AWARENESS_STAGE,
    BRAND_START,
    FIRST_STAGE_PURCHASE,
    INSIDE_OUT,
    INSIDE_OUT_TERMS,
    OUTREACH_CHANNELS,
    PURCHASE_STAGE,
    VAGUE_TOUCHPOINTS,
    normalised,
)

MIN_STAGES = 3
MAX_STAGES = 12


def too_few_stages(v: MapView) -> Iterator[Hit]:
    count = len(v.m.stages)
    if count < MIN_STAGES:
        have = "no stages" if not count else f"only {count} stage{'s' if count > 1 else ''}"
        yield Hit(
            v.at_map(),
            f"The map has {have}; a journey needs at least {MIN_STAGES} to show how the "
            "experience changes along the way.",
            "Break the journey into the phases the customer moves through, from the trigger to "
            "the end of the scope, e.g. `Realise a need, Compare, Buy, Receive, Use`, or start "
            "from `use b2c`, `use b2b` or `use support`.",
        )


def too_many_stages(v: MapView) -> Iterator[Hit]:
    count = len(v.m.stages)
    if count > MAX_STAGES:
        yield Hit(
            v.at_map(),
            f"The map has {count} stages; beyond {MAX_STAGES} readers lose the shape of the "
            "journey and stages turn into steps.",
            f"Merge neighbouring stages into at most {MAX_STAGES} phases the customer would "
            "recognise, and keep the detail as touchpoints.",
        )


def stage_no_touchpoint(v: MapView) -> Iterator[Hit]:
    for s in v.m.stages:
        if not v.touchpoints.get(s.id):
            yield Hit(
                v.at_stage(s),
                f"Stage {quoted(s.name)} has no touchpoint: nothing shows where the customer "
                "meets the organisation, or others, in this phase.",
                f"Add the interactions of this stage, e.g. `{s.name} > <where the customer "
                "meets you, or others, here> (<channel>) | owner: <team>`.",
            )


def touchpoint_no_channel(v: MapView) -> Iterator[Hit]:
    for t in v.m.touchpoints:
        if not t.channel:  # a channel written as none on purpose (NO_CHANNEL) is not missing
            yield Hit(
                v.at_touchpoint(t),
                f"Touchpoint {quoted(t.description)} has no channel.",
                f"Say where it happens, e.g. `edit {t.id} channel: <website, phone, in person, "
                "…>`.",
            )


def touchpoint_no_owner(v: MapView) -> Iterator[Hit]:
    for t in v.m.touchpoints:
        if not t.owner:
            yield Hit(
                v.at_touchpoint(t),
                f"Touchpoint {quoted(t.description)} has no owner, so no team is answerable "
                "for improving it.",
                f"Name the team that runs it, e.g. `edit {t.id} owner: "
                f"{v.owner_near(t.stage_id)}`.",
            )


def vague_touchpoint(v: MapView) -> Iterator[Hit]:
    for t in v.m.touchpoints:
        description = normalised(t.description)
        if description in VAGUE_TOUCHPOINTS or description == normalised(t.channel):
            yield Hit(
                v.at_touchpoint(t),
                f"Touchpoint {quoted(t.description)} names a channel or department, not a "
                "moment the customer lives through.",
                f"Describe the specific interaction, e.g. `edit {t.id} description: <the "
                f"{t.channel or t.description} page, message or call the customer meets in "
                f"{quoted(v.stage_names.get(t.stage_id, ''))}>`.",
            )


def inside_out_language(v: MapView) -> Iterator[Hit]:
    for s in v.m.stages:
        found = INSIDE_OUT.search(s.name)
        if found:
            yield Hit(
                v.at_stage(s),
                f"Stage {quoted(s.name)} is named after the internal step '{found.group(0)}', "
                "not after what the customer is doing.",
                _rewrite(found.group(0), f"edit {s.id} name", "Rename the stage"),
            )
    for t in v.m.touchpoints:
        found = INSIDE_OUT.search(t.description) or INSIDE_OUT.search(t.customer_action)
        if found:
            yield Hit(
                v.at_touchpoint(t),
                f"Touchpoint {quoted(t.description)} uses the internal term '{found.group(0)}': "
                "it describes our process, not what the customer does or experiences.",
                _rewrite(found.group(0), f"edit {t.id} does", "Describe what the customer does"),
            )


def _rewrite(term: str, command: str, advice: str) -> str:
    customer_side = INSIDE_OUT_TERMS[term.casefold()]
    if not customer_side:
        return (
            f"'{term}' is backstage work the customer never sees: {advice.lower()} from the "
            "customer's side (what they do or wait for meanwhile) and keep the internal step as "
            "backstage detail."
        )
    return f"{advice} from the customer's side, e.g. `{command}: {customer_side.capitalize()}`."


def journey_stops_at_purchase(v: MapView) -> Iterator[Hit]:
    if not v.m.stages:
        return
    scope = v.m.scope
    text = " ".join((scope.objective, scope.scenario, scope.journey_end))
    mentioned = AFTER_PURCHASE.search(text)
    last = v.m.stages[-1]
    if mentioned and PURCHASE_STAGE.search(last.name):
        yield Hit(
            v.at_stage(last),
            f"The scope mentions '{mentioned.group(0)}', but the journey ends at stage "
            f"{quoted(last.name)}: nothing after the purchase is mapped.",
            f"Add the stages after {quoted(last.name)} that the scope promises (e.g. Receive, "
            "Set up, Use, Get help, Renew), or narrow the scope to the purchase.",
        )


def journey_starts_at_brand(v: MapView) -> Iterator[Hit]:
    """The first stage is the brand's own outreach (an advert, a campaign, 'our' anything),
    an awareness stage reached only through our outreach, or already the purchase: the
    customer's trigger, the need that sets the journey off, is missing."""
    if not v.m.stages:
        return
    first = v.m.stages[0]
    touchpoints = v.touchpoints.get(first.id, [])
    why = ""
    named = BRAND_START.search(first.name)
    if named:
        why = f"is named after our own outreach ('{named.group(0)}')"
    elif FIRST_STAGE_PURCHASE.match(first.name.strip()):
        why = "is already the purchase"
    elif (
        AWARENESS_STAGE.match(first.name.strip())
        and touchpoints
        and all(t.channel in OUTREACH_CHANNELS for t in touchpoints)
    ):
        why = (
            "is reached only through our outreach ("
            + ", ".join(quoted(t.description) for t in touchpoints[:3])
            + ")"
        )
    if why:
        example = touchpoints[0].description if touchpoints else first.name
        yield Hit(
            v.at_stage(first),
            f"The journey starts at stage {quoted(first.name)}, which {why}: it begins where "
            "the customer meets us, not where their need starts, so whatever made them look "
            "(and the alternatives they weighed) is missing.",
            f"Add a first stage for what sets the journey off for the customer, before "
            f"{quoted(example)}, and say it in the scope, e.g. `edit scope start: <the moment "
            "the customer realises they need this>`.",
        )
