"""Moved to bot.domain.describe; kept so older imports keep working."""

from bot.domain.describe import (
    edit_as_line,
)

__all__ = [
    "edit_as_line",
]
