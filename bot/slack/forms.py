"""Reading modal submissions into the engine's typed edits (the modals are in blocks/modals.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bot.engine.edits import AddKpi, AddPersona, AddTouchpoint, Edit, SetEmotion
from bot.slack.blocks.modals import FORM_CALLBACK, FORMS, INPUT_ACTION
from storage import MapKey

# model field -> the form block that holds it, for placing an engine error on the right input
FIELD_BLOCKS = {
    "customer_action": "does",
    "customer_thought": "thinks",
    "data_source": "source",
    "stage": "stage",
    "stage_id": "stage",
    "owner": "owner_team",
}


@dataclass(frozen=True)
class Form:
    kind: str
    key: MapKey
    values: dict[str, str] = field(default_factory=dict)
    order: tuple[str, ...] = ()

    def get(self, block_id: str) -> str:
        return self.values.get(block_id, "").strip()

    @property
    def owner_user(self) -> str:
        return self.get("owner_user")


def read_form(view: dict[str, Any]) -> Form | None:
    """The submitted form, or None when the view is not one of ours."""
    _, _, kind = str(view.get("callback_id", "")).partition(f"{FORM_CALLBACK}:")
    if kind not in FORMS:
        return None
    try:
        key = MapKey.model_validate(json.loads(view.get("private_metadata") or "{}"))
    except ValueError:
        return None
    values = view_values(view)
    return Form(kind=kind, key=key, values=values, order=tuple(values))


def view_values(view: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for block_id, elements in (view.get("state") or {}).get("values", {}).items():
        element = (elements or {}).get(INPUT_ACTION) or {}
        found[block_id] = _value_of(element)
    return found


def _value_of(element: dict[str, Any]) -> str:
    kind = element.get("type")
    if kind == "static_select":
        return (element.get("selected_option") or {}).get("value", "")
    if kind == "users_select":
        return element.get("selected_user") or ""
    if kind == "conversations_select":
        return element.get("selected_conversation") or ""
    return element.get("value") or ""


def form_problems(form: Form) -> dict[str, str]:
    """Problems Slack's own input checks cannot catch, by block id."""
    if form.owner_user and form.get("owner_team"):
        return {"owner_team": "Choose a person or type a team, not both."}
    return {}


def form_edit(form: Form, owner_name: str = "") -> Edit:
    """The typed edit a form asks for; `owner_name` is the chosen person's name, if any."""
    owner = form.get("owner_team") or owner_name
    if form.kind == "persona":
        return AddPersona(
            name=form.get("name"),
            description=form.get("description"),
            goals=_listed(form.get("goals")),
            needs=_listed(form.get("needs")),
            frustrations=_listed(form.get("frustrations")),
            data_source=form.get("source"),
        )
    if form.kind == "touchpoint":
        return AddTouchpoint(
            stage=form.get("stage"),
            description=form.get("description"),
            channel=form.get("channel"),
            customer_action=form.get("does"),
            customer_thought=form.get("thinks"),
            owner=owner,
        )
    if form.kind == "emotion":
        return SetEmotion(
            stage=form.get("stage"),
            score=int(form.get("score") or 0),
            label=form.get("label"),
            quote=form.get("quote"),
        )
    return AddKpi(
        name=form.get("name"),
        definition=form.get("definition"),
        baseline=form.get("baseline"),
        target=form.get("target"),
        owner=owner,
        stage=form.get("stage") or None,
    )


def error_block(form: Form, message: str) -> str:
    """The input an engine error is about: the first field the message names, else the first."""
    where = message.split(":", 1)[0].strip()
    for part in reversed(where.split(".")):
        block = FIELD_BLOCKS.get(part, part)
        if block in form.values:
            return block
    if "stage" in message.lower() and "stage" in form.values:
        return "stage"
    return form.order[0] if form.order else "name"


def _listed(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
