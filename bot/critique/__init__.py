"""Rule-based critique of a journey map: findings, a scorecard per area, an overall score,
a terminal renderer and importers for maps made elsewhere."""

from bot.critique.critic import critique
from bot.critique.findings import (
    Area,
    AreaScore,
    Critique,
    Finding,
    GuideRef,
    Location,
    Severity,
)
from bot.critique.render import render_text
from bot.critique.rules import RULES, Rule

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
