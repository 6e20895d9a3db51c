"""The conversation's typed edits, imported in this one place: importers build a map through
them, so an imported touchpoint is exactly what the same words typed in a thread would make.
(bot.engine is being restructured; when it moves, only these imports change.)"""

from bot.engine.edits import (
    AddAction,
    AddAnchored,
    AddKpi,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Edit,
    EditError,
    SetEmotion,
    SetReview,
    SetScope,
    apply_edits,
)

__all__ = [
    "AddAction",
    "AddAnchored",
    "AddKpi",
    "AddPersona",
    "AddStage",
    "AddTouchpoint",
    "Edit",
    "EditError",
    "SetEmotion",
    "SetReview",
    "SetScope",
    "apply_edits",
]
