"""Modals: forms that add a persona, a touchpoint, an emotion or a KPI to a map (and start a map
from the global shortcut). Each input is an `input` block whose block_id names the field; every
element's action_id is `value`, so reading a submission needs no per-form code."""

from __future__ import annotations

import json
from typing import Any

from bot.model import KNOWN_CHANNELS, LONG, SHORT, JourneyMap, Stage
from bot.slack.blocks.kit import (
    LABEL_TEXT,
    MODAL_TEXT,
    OPTIONS,
    PLACEHOLDER_TEXT,
    Block,
    option,
    plain,
    section,
)
from storage import MapKey

FORM_CALLBACK = "form"  # callback ids "form:<kind>"
NEW_MAP_CALLBACK = "new_map"
INPUT_ACTION = "value"
SCORES = (
    ("2", "+2 delighted"),
    ("1", "+1 positive"),
    ("0", "0 neutral"),
    ("-1", "-1 negative"),
    ("-2", "-2 very negative"),
)
TITLES = {
    "persona": "Add a persona",
    "touchpoint": "Add a touchpoint",
    "emotion": "Set an emotion",
    "kpi": "Add a KPI",
}
FORM_KINDS = tuple(TITLES)


def form_modal(kind: str, key: MapKey, m: JourneyMap) -> dict[str, Any]:
    needs_stage = kind in {"touchpoint", "emotion"}
    if needs_stage and not m.stages:
        blocks = [section("This map has no stages yet: add them in the thread first.")]
        return _modal(TITLES[kind], f"{FORM_CALLBACK}:{kind}", blocks, key, submit=None)
    return _modal(TITLES[kind], f"{FORM_CALLBACK}:{kind}", FORMS[kind](m), key)


def new_map_modal(title: str = "", channel: str = "", problem: str = "") -> dict[str, Any]:
    """The global shortcut's form; shown again, filled in, with `problem` when starting failed."""
    title_input = text_input(
        "title", "Title of the journey", optional=False, placeholder="First-time buyers"
    )
    if title:
        title_input["element"]["initial_value"] = title
    channel_select: dict[str, Any] = {
        "type": "conversations_select",
        "action_id": INPUT_ACTION,
        "default_to_current_conversation": True,
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if channel:
        channel_select["initial_conversation"] = channel
    blocks = [section(f":warning: {problem}")] if problem else []
    blocks += [
        title_input,
        {
            "type": "input",
            "block_id": "channel",
            "label": plain("Channel for the map's thread"),
            "element": channel_select,
        },
    ]
    return _modal("New journey map", NEW_MAP_CALLBACK, blocks, None, submit="Start")


def notice_modal(title: str, text: str) -> dict[str, Any]:
    """A modal that only says something (no submit button; its close button reads Close)."""
    view = _modal(title, f"{NEW_MAP_CALLBACK}:notice", [section(text)], None, submit=None)
    view["close"] = plain("Close", MODAL_TEXT)
    return view


def text_input(
    block_id: str,
    label: str,
    *,
    optional: bool = True,
    multiline: bool = False,
    max_length: int = SHORT,
    placeholder: str = "",
    hint: str = "",
) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": INPUT_ACTION,
        "multiline": multiline,
        "max_length": max_length,
    }
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER_TEXT)
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label, LABEL_TEXT),
        "element": element,
    }
    if hint:
        block["hint"] = plain(hint, LABEL_TEXT)
    return block


def select_input(
    block_id: str, label: str, options: list[dict[str, Any]], *, optional: bool = True
) -> Block:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label, LABEL_TEXT),
        "element": {
            "type": "static_select",
            "action_id": INPUT_ACTION,
            "options": options[:OPTIONS],
        },
    }


def user_input(block_id: str, label: str) -> Block:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": True,
        "label": plain(label, LABEL_TEXT),
        "element": {"type": "users_select", "action_id": INPUT_ACTION},
    }


def stage_input(stages: list[Stage], *, optional: bool = False) -> Block:
    return select_input("stage", "Stage", [option(s.name, s.id) for s in stages], optional=optional)


def owner_inputs() -> list[Block]:
    return [
        user_input("owner_user", "Owner (a person)"),
        text_input("owner_team", "…or owning team", placeholder="Lending operations"),
    ]


def persona_form(_: JourneyMap) -> list[Block]:
    return [
        text_input("name", "Name", optional=False, placeholder="Maya, first-time buyer"),
        text_input("description", "About them", multiline=True, max_length=LONG),
        text_input("goals", "Goals", hint="Separate several with commas."),
        text_input("needs", "Needs", hint="Separate several with commas."),
        text_input("frustrations", "Frustrations", hint="Separate several with commas."),
        text_input("source", "Where you know this from", placeholder="12 interviews, March 2026"),
    ]


def touchpoint_form(m: JourneyMap) -> list[Block]:
    return [
        stage_input(m.stages),
        text_input("description", "Touchpoint", optional=False, placeholder="Online form"),
        select_input("channel", "Channel", [option(c, c) for c in KNOWN_CHANNELS]),
        text_input("does", "What the customer does", multiline=True, max_length=LONG),
        text_input("thinks", "What the customer thinks", multiline=True, max_length=LONG),
        *owner_inputs(),
    ]


def emotion_form(m: JourneyMap) -> list[Block]:
    return [
        stage_input(m.stages),
        select_input(
            "score",
            "How does the customer feel?",
            [option(t, v) for v, t in SCORES],
            optional=False,
        ),
        text_input("label", "In a word", placeholder="anxious"),
        text_input("quote", "A customer's words", multiline=True, max_length=LONG),
    ]


def kpi_form(m: JourneyMap) -> list[Block]:
    blocks = [
        text_input("name", "KPI", optional=False, placeholder="Application drop-out"),
        text_input("definition", "Definition", multiline=True, max_length=LONG),
        text_input("baseline", "Baseline", placeholder="38%"),
        text_input("target", "Target", placeholder="19%"),
        *owner_inputs(),
    ]
    if m.stages:
        blocks.append(stage_input(m.stages, optional=True))
    return blocks


FORMS = {
    "persona": persona_form,
    "touchpoint": touchpoint_form,
    "emotion": emotion_form,
    "kpi": kpi_form,
}


def _modal(
    title: str,
    callback_id: str,
    blocks: list[Block],
    key: MapKey | None,
    submit: str | None = "Add",
) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, MODAL_TEXT),
        "close": plain("Cancel", MODAL_TEXT),
        "blocks": blocks,
        "private_metadata": json.dumps(key.model_dump()) if key else "",
    }
    if submit:
        view["submit"] = plain(submit, MODAL_TEXT)
    return view
