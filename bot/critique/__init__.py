"""Rule-based critique of a journey map: findings, a scorecard per area, an overall score,
a terminal renderer and importers for maps made elsewhere.

The rule table and its checks load on first use of `critique`, `RULES` or `render_text`, so
importing a submodule (the findings models, the CLI's registration) stays cheap."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from bot.critique.findings import (
    Area,
    AreaScore,
    Critique,
    Finding,
    GuideRef,
    Location,
    Severity,
)

if TYPE_CHECKING:
    from bot.critique.critic import critique
    from bot.critique.render import render_text
    from bot.critique.rules import RULES, Rule

_LAZY = {
    "critique": "bot.critique.critic",
    "render_text": "bot.critique.render",
    "RULES": "bot.critique.rules",
    "Rule": "bot.critique.rules",
}

__all__ = [
    "RULES",
    "Area",
    "AreaScore",
    "Critique",
    "Finding",
    "GuideRef",
    "Location",
    "Rule",
    "Severity",
    "critique",
    "render_text",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'bot.critique' has no attribute {name!r}")
