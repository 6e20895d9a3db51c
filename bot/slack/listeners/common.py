"""Pieces every listener kind uses."""

from __future__ import annotations

from slack_bolt import Ack


def ack_now(ack: Ack) -> None:
    """Acknowledge at once; the lazy listener that follows does the work."""
    ack()
