"""Edits written back in the parser's own syntax: what the bot understood, in a form the team
can copy, correct and send again."""

from __future__ import annotations

from bot.domain.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Edit,
    RemoveItem,
    SetEmotion,
    SetScope,
    SetTitle,
    UpdateItem,
)
from bot.domain.vocabulary import SCOPE_KEY_OF


def _fields(pairs: list[tuple[str, object]]) -> str:
    return "".join(f" | {name}: {value}" for name, value in pairs if value)


def edit_as_line(edit: Edit) -> str:
    match edit:
        case SetScope(field=field, value=value):
            return f"{SCOPE_KEY_OF.get(field, field)}: {value}"
        case SetTitle(title=title):
            return f"title: {title}"
        case AddPersona():
            head = edit.name + (f" - {edit.description}" if edit.description else "")
            fields = [
                ("goals", ", ".join(edit.goals)),
                ("needs", ", ".join(edit.needs)),
                ("frustrations", ", ".join(edit.frustrations)),
                ("source", edit.data_source),
            ]
            return f"persona: {head}" + "".join(f"; {k}: {v}" for k, v in fields if v)
        case AddStage(name=name):
            return f"stage: {name}"
        case AddTouchpoint():
            channel = f" ({edit.channel})" if edit.channel else ""
            return f"{edit.stage} > {edit.description}{channel}" + _fields(
                [
                    ("does", edit.customer_action),
                    ("thinks", edit.customer_thought),
                    ("owner", edit.owner),
                ]
            )
        case SetEmotion():
            quote = f' "{edit.quote}"' if edit.quote else ""
            return f"{edit.stage}: {edit.score:+d} {edit.label}".rstrip() + quote
        case AddAnchored():
            via = f" > {edit.touchpoint}" if edit.touchpoint else ""
            return f"{edit.item}: {edit.stage}{via} > {edit.text}"
        case AddKpi():
            return f"kpi: {edit.name}" + _fields(
                [
                    ("baseline", edit.baseline),
                    ("target", edit.target),
                    ("owner", edit.owner),
                    ("stage", edit.stage),
                    ("pain", edit.pain),
                ]
            )
        case AddAction():
            return f"action: {edit.description}" + _fields(
                [
                    ("owner", edit.owner),
                    ("due", edit.due),
                    ("stage", edit.stage),
                    ("pain", edit.pain),
                ]
            )
        case UpdateItem():
            return f"edit {edit.item_id} {edit.field}: {edit.value}"
        case RemoveItem():
            return f"remove {edit.item_id}"
    raise TypeError(f"unknown edit {edit!r}")
