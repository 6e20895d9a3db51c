"""The emotion curve as a picture for documents (DOCX and PDF embed the same PNG)."""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.exports.fonts import matplotlib_family
from bot.exports.layout import Column
from bot.exports.overlay import COMPARE_COLOUR, Comparison, merged_axis
from bot.exports.palette import INK, LANE_FILLS, MOMENT, MUTED, NAVY, SCORE_COLOURS

MOMENT_LABEL = "Moment of truth"
VOTES_LABEL = "Team votes (lowest to highest)"
VOTES_OFFSET = 0.1  # of a stage's width
WIDTH_IN = 10.0
HEIGHT_IN = 3.6
DPI = 150


@lru_cache(maxsize=8)
def emotion_chart(columns: tuple[Column, ...], compare: Comparison | None = None) -> bytes | None:
    """PNG of the curve (and of the other state's, when given), or None when no stage has a
    score. Cached: both documents share it."""
    other_scored = compare is not None and any(s is not None for _, s in compare.stages)
    if all(c.score is None for c in columns) and not other_scored:
        return None
    buffer = io.BytesIO()
    _draw(columns, compare).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw(columns: tuple[Column, ...], compare: Comparison | None) -> Figure:
    other = compare.stages if compare else ()
    axis = merged_axis([c.name for c in columns], [name for name, _ in other])
    wrap = max(8, 90 // max(len(axis), 1))
    labels = [
        name if own is not None or compare is None else f"{name} ({compare.state} only)"
        for name, own, _ in axis
    ]
    names = [textwrap.fill(textwrap.shorten(n, wrap * 3, placeholder="…"), wrap) for n in labels]
    moments = any(c.has_moment for c in columns)
    legend = moments or compare is not None or any(c.votes for c in columns)
    family = matplotlib_family(
        "".join(c.name + c.feeling for c in columns) + "".join(name for name, _ in other)
    )
    # Margins by hand: constrained layout would cost a second full draw.
    bottom = 0.3 + 0.16 * max(name.count("\n") + 1 for name in names) + (0.3 if legend else 0)
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    figure.subplots_adjust(left=0.07, right=0.99, top=0.97, bottom=bottom / HEIGHT_IN)
    axes = figure.subplots()
    xs = range(len(axis))
    own_xs = [x for x, (_, own, _) in enumerate(axis) if own is not None]
    scores = [float("nan") if c.score is None else c.score for c in columns]
    axes.axhspan(0, 2.7, color=LANE_FILLS["delights"], zorder=0)
    axes.axhspan(-2.7, 0, color=LANE_FILLS["pains"], zorder=0)
    axes.axhline(0, color=SCORE_COLOURS[0], linewidth=0.8, linestyle=":")
    own_style = compare.style(compare.own_state) if compare else "-"
    own_label = compare.label(compare.own_state) if compare else None
    axes.plot(
        own_xs, scores, color=NAVY, linewidth=2.5, linestyle=own_style, zorder=2, label=own_label
    )
    if compare is not None:
        _other_curve(axes, axis, compare)
    labelled = False
    for x, column in zip(own_xs, columns, strict=True):
        if column.votes:
            _votes(axes, x, column, label=not labelled)
            labelled = True
        if column.score is not None:
            _mark(axes, x, column, family)
    axes.set_xlim(-0.5, len(axis) - 0.5)
    axes.set_ylim(-2.7, 2.7)
    axes.set_yticks(range(-2, 3), ["-2", "-1", "0", "+1", "+2"])
    axes.set_ylabel("Feeling")
    axes.set_xticks(list(xs), names, fontsize=9, fontfamily=family, parse_math=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if legend:
        figure.legend(
            loc="lower right", frameon=False, fontsize=9, markerscale=0.5, ncols=4, handlelength=3
        )
    return figure


def _other_curve(
    axes: Axes, axis: list[tuple[str, int | None, int | None]], compare: Comparison
) -> None:
    """The other state's curve, at the places of its own stages."""
    points = [(x, compare.stages[o][1]) for x, (_, _, o) in enumerate(axis) if o is not None]
    xs = [x for x, _ in points]
    ys = [float("nan") if s is None else s for _, s in points]
    axes.plot(
        xs,
        ys,
        color=COMPARE_COLOUR,
        linewidth=2.2,
        linestyle=compare.style(compare.state),
        marker="o",
        markersize=5,
        markerfacecolor="white",
        zorder=2,
        label=compare.label(compare.state),
    )


def _votes(axes: Axes, x: int, column: Column, label: bool) -> None:
    """The spread of the team's votes: a bar from lowest to highest, a dot per score given
    (bigger for more votes), and the count."""
    low, high = column.votes[0], column.votes[-1]
    bar = x - VOTES_OFFSET  # beside the curve's point, not hidden under it
    axes.plot(
        [bar, bar],
        [low, high],
        color=MUTED,
        linewidth=7,
        alpha=0.3,
        solid_capstyle="round",
        zorder=1.5,
        label=VOTES_LABEL if label else None,
    )
    given = sorted(set(column.votes))
    sizes = [14 * column.votes.count(score) for score in given]
    axes.scatter([bar] * len(given), given, s=sizes, color=MUTED, zorder=1.6)
    axes.annotate(
        f"{len(column.votes)} vote{'s' if len(column.votes) != 1 else ''}",
        (x, column.score if column.score is not None else (low + high) / 2),
        xytext=(10, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=7.5,
        color=MUTED,
        zorder=5,
    )


def _mark(axes: Axes, x: int, column: Column, family: list[str]) -> None:
    score = column.score or 0
    if column.has_moment:
        axes.scatter([x], [score], s=420, marker="*", color=MOMENT, zorder=3, label=MOMENT_LABEL)
    axes.scatter([x], [score], s=90, color=SCORE_COLOURS[score], edgecolors="white", zorder=4)
    above = score <= 0
    gap = 16 if column.has_moment else 11
    axes.annotate(
        textwrap.shorten(column.feeling, 24, placeholder="…") or column.emotion,
        (x, score),
        xytext=(0, gap if above else -gap),
        textcoords="offset points",
        ha="center",
        va="bottom" if above else "top",
        fontsize=9,
        fontfamily=family,
        color=INK,
        bbox={
            "boxstyle": "round,pad=0.2",
            "facecolor": "white",
            "edgecolor": "none",
            "alpha": 0.85,
        },
        zorder=5,
        parse_math=False,
    )
