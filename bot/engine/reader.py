"""The forgiving reader's public face (the modules live in bot/engine/reading)."""

from bot.engine.reading.common import LineProblem, LineReading, example_line
from bot.engine.reading.lines import line_chatter, message_chatter, read_line
from bot.engine.reading.message import (
    LineError,
    Parsed,
    Reading,
    parse_answer,
    proposal_lines,
    read_message,
)

__all__ = [
    "LineError",
    "LineProblem",
    "LineReading",
    "Parsed",
    "Reading",
    "example_line",
    "line_chatter",
    "message_chatter",
    "parse_answer",
    "proposal_lines",
    "read_line",
    "read_message",
]
