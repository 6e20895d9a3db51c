"""The emotion curve as a picture for documents (DOCX and PDF embed the same PNG)."""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.exports.fonts import matplotlib_family
from bot.exports.layout import Column
from bot.exports.palette import INK, LANE_FILLS, MOMENT, NAVY, SCORE_COLOURS

MOMENT_LABEL = "Moment of truth"
WIDTH_IN = 10.0
HEIGHT_IN = 3.6
DPI = 150


@lru_cache(maxsize=8)
def emotion_chart(columns: tuple[Column, ...]) -> bytes | None:
    """PNG of the curve, or None when no stage has a score. Cached: both documents share it."""
    if all(c.score is None for c in columns):
        return None
    buffer = io.BytesIO()
    _draw(columns).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw(columns: tuple[Column, ...]) -> Figure:
    wrap = max(8, 90 // len(columns))
    names = [
        textwrap.fill(textwrap.shorten(c.name, wrap * 3, placeholder="…"), wrap) for c in columns
    ]
    moments = any(c.has_moment for c in columns)
    family = matplotlib_family("".join(c.name + c.feeling for c in columns))
    # Margins by hand: constrained layout would cost a second full draw.
    bottom = 0.3 + 0.16 * max(name.count("\n") + 1 for name in names) + (0.3 if moments else 0)
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    figure.subplots_adjust(left=0.07, right=0.99, top=0.97, bottom=bottom / HEIGHT_IN)
    axes = figure.subplots()
    xs = range(len(columns))
    scores = [float("nan") if c.score is None else c.score for c in columns]
    axes.axhspan(0, 2.7, color=LANE_FILLS["delights"], zorder=0)
    axes.axhspan(-2.7, 0, color=LANE_FILLS["pains"], zorder=0)
    axes.axhline(0, color=SCORE_COLOURS[0], linewidth=0.8, linestyle="--")
    axes.plot(xs, scores, color=NAVY, linewidth=2.5, zorder=2)
    for x, column in enumerate(columns):
        if column.score is not None:
            _mark(axes, x, column, family)
    axes.set_xlim(-0.5, len(columns) - 0.5)
    axes.set_ylim(-2.7, 2.7)
    axes.set_yticks(range(-2, 3), ["-2", "-1", "0", "+1", "+2"])
    axes.set_ylabel("Feeling")
    axes.set_xticks(list(xs), names, fontsize=9, fontfamily=family, parse_math=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if moments:
        figure.legend(loc="lower right", frameon=False, fontsize=9, markerscale=0.5)
    return figure


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
