"""The other state of a journey (current or future) to draw beside this map's emotion curve.

Stages are matched by name, ignoring case. A stage only in the other map is placed after the
last stage the two maps share before it, so each curve is plotted where its stages exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.model import JourneyMap

COMPARE_COLOUR = "#7E57C2"


@dataclass(frozen=True)
class Comparison:
    own_state: str  # "current" | "future"
    state: str  # the other map's
    title: str  # the other map's
    stages: tuple[tuple[str, int | None], ...]  # the other map's stages and scores, in order

    def style(self, state: str) -> str:
        """Current solid, future dashed: matplotlib line styles."""
        return "--" if state == "future" else "-"

    def label(self, state: str) -> str:
        return f"{state.capitalize()} state"

    @property
    def caption(self) -> str:
        """'Navy solid line: current state (this map). Purple dashed line: future state (…).'"""
        curves = (("Navy", self.own_state, "this map"), ("Purple", self.state, f"“{self.title}”"))
        lines = [
            f"{colour} {'dashed' if state == 'future' else 'solid'} line: {state} state ({who})."
            for colour, state, who in curves
        ]
        return " ".join([*lines, "Stages are matched by name."])

    def score_for(self, name: str) -> tuple[bool, int | None]:
        """(whether the other map has the stage, its score)."""
        wanted = name.casefold()
        for other, score in self.stages:
            if other.casefold() == wanted:
                return True, score
        return False, None


def build_comparison(
    journey_map: JourneyMap, other: JourneyMap | None, clean: Callable[[str], str]
) -> Comparison | None:
    if other is None:
        return None
    stages = []
    for stage in other.stages:
        emotion = other.emotion_for(stage.id)
        stages.append((clean(stage.name), emotion.score if emotion else None))
    title = " ".join(clean(other.title).split())
    return Comparison(journey_map.state_of, other.state_of, title, tuple(stages))


def merged_axis(own: list[str], other: list[str]) -> list[tuple[str, int | None, int | None]]:
    """(name, index in own, index in other) for the union of two stage lists, in order."""
    axis: list[tuple[str, int | None, int | None]] = [(n, i, None) for i, n in enumerate(own)]
    insert_at = 0
    for j, name in enumerate(other):
        found = next(
            (
                p
                for p, (n, i, o) in enumerate(axis)
                if i is not None and o is None and n.casefold() == name.casefold()
            ),
            None,
        )
        if found is None:
            axis.insert(insert_at, (name, None, j))
            insert_at += 1
        else:
            axis[found] = (axis[found][0], axis[found][1], j)
            insert_at = found + 1
    return axis
