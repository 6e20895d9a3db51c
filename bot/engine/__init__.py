"""The facilitation engine. Knows nothing of Slack: the terminal and the Slack app drive it."""

from bot.domain.edits import Edit, EditError
from bot.engine.context import Guidance
from bot.engine.engine import ConcurrentEditError, Engine
from bot.engine.reply import Reply, Section, Suggestion, TurnResult
from bot.engine.state import FacilitationState, Turn

__all__ = [
    "ConcurrentEditError",
    "Edit",
    "EditError",
    "Engine",
    "FacilitationState",
    "Guidance",
    "Reply",
    "Section",
    "Suggestion",
    "Turn",
    "TurnResult",
]
