"""The shape of a scripted conversation: who says what, and what each message should do.

Expectations are written as *facts* (one readable line per thing on the map, see
`tests/conversations/facts.py`), in the words a person would check the map against.
They were written before the reader was changed, and the held-apart share was never tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Say:
    """One message. `adds`/`drops`: facts the message should add or take away (a `yes` right
    after it may be what saves them). `rejects`: lines that should be refused with a fix.
    `chatter`: a question or a request to the bot; the map must not change."""

    user: str
    text: str
    adds: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    rejects: int = 0
    chatter: bool = False


@dataclass(frozen=True)
class Conversation:
    name: str
    title: str
    turns: tuple[Say, ...]
    notes: str = ""
    starts_at: str = "scope"
    seed: tuple[str, ...] = field(default=())  # facts assumed on the map before (none so far)
