"""Whatever is typed, the reader answers: no line of any shape makes it raise."""

from __future__ import annotations

import random

import pytest

from bot.engine.reader import read_message
from bot.model import JourneyMap, Stage, Step, Touchpoint

PIECES = [
    "Apply", ">", ":", "|", "(", ")", "web", "-2", "9/10", "owner", "owner:", "kpi:", "pain:",
    "moment:", '"', "“", "—", " - ", "\t", "?", "😀", ":rage:", "stages:", "name:", "goals:",
    "title:", "due", "Q3", "baseline", "10%", ",", "and", "then", "→", "*", "_", "research",
    "use", "yes", "", "  ", "\n", "action:", "persona:", "tp:", "3 out of 5", "é",
]  # fmt: skip


def journey() -> JourneyMap:
    m = JourneyMap(title="t")
    for name in ("Apply", "Buy", "Follow-up", "Café", "Use", "Research"):
        m.stages.append(Stage(id=m.new_id("stage"), name=name))
    m.touchpoints.append(
        Touchpoint(id=m.new_id("touchpoint"), stage_id="stage-1", description="Form")
    )
    return m


@pytest.mark.parametrize("seed", range(4))
def test_random_messages_never_raise(seed: int) -> None:
    chance = random.Random(seed)
    m = journey()
    for _ in range(1500):
        words = [
            chance.choice(PIECES) + chance.choice(["", " "]) for _ in range(chance.randint(1, 12))
        ]
        read_message(m, chance.choice(list(Step)), "".join(words))
