"""The map laid out once for every format: stages as columns, lanes as rows, then the tables.

Every renderer reads this document, so all formats show the same content in the same order.
Text here is the user's, stripped of control characters only; each format escapes it its own way.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.exports.base import ExportExtras
from bot.exports.overlay import Comparison, build_comparison
from bot.exports.sourcing import EvidenceSummary, SourceBook, compact_mark, mark
from bot.model import Action, Anchored, Evidence, JourneyMap, Kpi, Persona, Touchpoint

STAGES_PER_PAGE = 6

LaneKey = Literal[
    "touchpoints", "doing", "thinking", "emotion", "pains", "delights", "moments", "opportunities"
]
LANE_TITLES: dict[LaneKey, str] = {
    "touchpoints": "Touchpoints",
    "doing": "Customer actions",
    "thinking": "Thoughts",
    "emotion": "Emotion",
    "pains": "Pain points",
    "delights": "Delights",
    "moments": "Moments of truth",
    "opportunities": "Opportunities and actions",
}
SCOPE_LABELS: tuple[tuple[str, str], ...] = (
    ("objective", "Objective"),
    ("scenario", "Scenario"),
    ("journey_start", "Journey starts"),
    ("journey_end", "Journey ends"),
    ("audience", "Audience"),
    ("usage", "How it will be used"),
    ("research_basis", "Research basis"),
)
KPI_HEADER = ("KPI", "Definition", "Baseline", "Target", "Owner", "Stage")
KPI_WEIGHTS = (3, 4, 1.5, 1.5, 2.5, 2)
ACTION_HEADER = ("Action", "Owner", "Due", "Stage", "Pain point", "Status")
ACTION_WEIGHTS = (4, 2.5, 1.8, 2, 4, 1.2)
SCORE_HEADER = ("Area", "Score")
SCORE_WEIGHTS = (3, 1)

# Control characters no document format can hold, and invisible ones that reorder or hide text
# (bidirectional overrides and isolates, zero-width space, byte-order mark).
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(text: str) -> str:
    """The text without unprintable characters; tabs become spaces."""
    return _UNPRINTABLE.sub("", text.replace("\t", " "))


@dataclass(frozen=True)
class Item:
    text: str
    note: str = ""  # a touchpoint's channel, an emotion's quote, an action's owner and due date
    evidence: str = ""  # observed | reported | assumed; "" for what carries no evidence
    sources: tuple[int, ...] = ()  # numbers of MapDocument.evidence.sources

    @property
    def mark(self) -> str:
        return mark(self.evidence, self.sources)

    @property
    def compact(self) -> str:
        """The evidence as a compact marker: '◆ 1, 2', '◇', '' (see sourcing.COMPACT_LEGEND)."""
        return compact_mark(self.evidence, self.sources)

    @property
    def line(self) -> str:
        line = f"{self.text} — {self.note}" if self.note else self.text
        return f"{line} {self.mark}" if self.mark else line

    @property
    def compact_line(self) -> str:
        line = f"{self.text} — {self.note}" if self.note else self.text
        return f"{line} {self.compact}" if self.compact else line


@dataclass(frozen=True)
class Lane:
    key: LaneKey
    title: str
    cells: tuple[tuple[Item, ...], ...]  # one per stage column


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    score: int | None
    feeling: str
    has_moment: bool
    votes: tuple[int, ...] = ()  # the team's scores, lowest first
    reason: str = ""  # why the score was settled, when the team disagreed

    @property
    def emotion(self) -> str:
        return emotion_text(self.score, self.feeling)

    @property
    def spread(self) -> str:
        """'4 votes, from -2 to 0', or '' without votes."""
        if not self.votes:
            return ""
        low, high = score_text(self.votes[0]), score_text(self.votes[-1])
        votes = "1 vote" if len(self.votes) == 1 else f"{len(self.votes)} votes"
        return f"{votes}, from {low} to {high}" if low != high else f"{votes}, all {low}"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]  # relative column widths


@dataclass(frozen=True)
class PersonaCard:
    name: str
    description: str
    facts: tuple[tuple[str, str], ...]
    goal: str = ""  # the first goal, for the canvas
    quote: str = ""  # the customer's own words: the first emotion quote of the map


@dataclass(frozen=True)
class Highlight:
    kind: str
    where: str
    text: str


@dataclass(frozen=True)
class Scorecard:
    areas: Table
    overall: int | None
    findings: tuple[str, ...]


@dataclass(frozen=True)
class MapDocument:
    title: str
    subtitle: str
    scope: tuple[tuple[str, str], ...]
    personas: tuple[PersonaCard, ...]
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    highlights: tuple[Highlight, ...]
    kpis: Table
    actions: Table
    scorecard: Scorecard | None
    evidence: EvidenceSummary | None = None
    compare: Comparison | None = None  # the other state's curve, from ExportExtras.compare_with

    def pages(self) -> list[range]:
        """Stage columns split into even groups of at most STAGES_PER_PAGE."""
        return stage_groups(len(self.columns))


def stage_groups(count: int, limit: int = STAGES_PER_PAGE) -> list[range]:
    groups = math.ceil(count / limit)
    return [
        range(round(i * count / groups), round((i + 1) * count / groups)) for i in range(groups)
    ]


def score_text(score: int | None) -> str:
    return "" if score is None else f"{score:+d}" if score else "0"


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def emotion_text(score: int | None, label: str) -> str:
    return " ".join(part for part in (score_text(score), label) if part)


def characters(document: MapDocument) -> set[str]:
    """Every character the document shows, to pick the fonts it needs."""
    return set("".join(_strings(document)))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, tuple):
        for part in value:
            yield from _strings(part)


def build_document(journey_map: JourneyMap, extras: ExportExtras | None = None) -> MapDocument:
    book = SourceBook(clean)
    quote = next((clean(e.quote) for e in journey_map.emotions if e.quote.strip()), "")
    personas = tuple(_persona_card(p, book, quote) for p in journey_map.personas)
    lanes = _lanes(journey_map, book)
    return MapDocument(
        title=" ".join(clean(journey_map.title).split()),  # one line: it heads pages
        subtitle=_subtitle(journey_map),
        scope=tuple(
            (label, clean(text))
            for name, label in SCOPE_LABELS
            if (text := getattr(journey_map.scope, name))
        ),
        personas=personas,
        columns=_columns(journey_map),
        lanes=lanes,
        highlights=_highlights(journey_map),
        kpis=Table(
            KPI_HEADER, tuple(_kpi_row(journey_map, k) for k in journey_map.kpis), KPI_WEIGHTS
        ),
        actions=Table(
            ACTION_HEADER,
            tuple(_action_row(journey_map, a) for a in journey_map.actions),
            ACTION_WEIGHTS,
        ),
        scorecard=_scorecard(extras),
        evidence=book.summary(journey_map),
        compare=build_comparison(journey_map, extras.compare_with if extras else None, clean),
    )


def _cite(book: SourceBook, evidence: Evidence, where: str) -> tuple[str, tuple[int, ...]]:
    """An Item's evidence fields: the level, and its links numbered in the book."""
    return evidence.level.value, book.cite(evidence, where)


def _subtitle(journey_map: JourneyMap) -> str:
    parts = [
        f"{journey_map.state_of.capitalize()}-state journey map",
        journey_map.status.value,
        f"version {journey_map.version}",
        f"updated {day_text(journey_map.updated_at)}",
    ]
    if journey_map.owner:
        parts.append(f"owner {clean(journey_map.owner)}")
    return " · ".join(parts)


def _persona_card(persona: Persona, book: SourceBook, quote: str) -> PersonaCard:
    sources = book.cite(persona.evidence, clean(persona.name))
    facts = (
        ("Goals", "; ".join(persona.goals)),
        ("Needs", "; ".join(persona.needs)),
        ("Frustrations", "; ".join(persona.frustrations)),
        ("Source", persona.data_source),
        ("Evidence", _evidence_words(persona.evidence.level.value, sources)),
    )
    return PersonaCard(
        name=clean(persona.name),
        description=clean(persona.description),
        facts=tuple((label, clean(text)) for label, text in facts if text),
        goal=clean(persona.goals[0]) if persona.goals else "",
        quote=quote,
    )


def _evidence_words(level: str, sources: tuple[int, ...]) -> str:
    """'observed, source 1', 'assumed': for a labelled field, where a mark would be cryptic."""
    if not sources:
        return level
    numbers = ", ".join(map(str, sources))
    return f"{level}, source{'s' if len(sources) > 1 else ''} {numbers}"


def _columns(journey_map: JourneyMap) -> tuple[Column, ...]:
    with_moment = {m.stage_id for m in journey_map.moments_of_truth}
    columns = []
    for stage in journey_map.stages:
        emotion = journey_map.emotion_for(stage.id)
        votes = sorted(v.score for v in journey_map.emotion_votes if v.stage_id == stage.id)
        columns.append(
            Column(
                name=clean(stage.name),
                description=clean(stage.description),
                score=emotion.score if emotion else None,
                feeling=clean(emotion.label) if emotion else "",
                has_moment=stage.id in with_moment,
                votes=tuple(votes),
                reason=clean(emotion.reason) if emotion else "",
            )
        )
    return tuple(columns)


def _lanes(journey_map: JourneyMap, book: SourceBook) -> tuple[Lane, ...]:
    per_stage: dict[LaneKey, list[list[Item]]] = {
        key: [[] for _ in journey_map.stages] for key in LANE_TITLES
    }
    position = {stage.id: i for i, stage in enumerate(journey_map.stages)}
    for tp in journey_map.touchpoints:
        column = position[tp.stage_id]
        where = f"{clean(journey_map.stages[column].name)} › {clean(tp.description)}"
        per_stage["touchpoints"][column].append(
            Item(clean(tp.description), clean(tp.channel), *_cite(book, tp.evidence, where))
        )
        if tp.customer_action:
            per_stage["doing"][column].append(Item(clean(tp.customer_action)))
        if tp.customer_thought:
            per_stage["thinking"][column].append(Item(clean(tp.customer_thought)))
    for emotion in journey_map.emotions:
        text = clean(emotion_text(emotion.score, emotion.label))
        quote = f"“{clean(emotion.quote)}”" if emotion.quote else ""
        stage = journey_map.stages[position[emotion.stage_id]]
        cited = _cite(book, emotion.evidence, f"{clean(stage.name)} › emotion")
        per_stage["emotion"][position[emotion.stage_id]].append(Item(text, quote, *cited))
    anchored: tuple[tuple[LaneKey, Sequence[Anchored]], ...] = (
        ("pains", journey_map.pain_points),
        ("delights", journey_map.delight_points),
        ("moments", journey_map.moments_of_truth),
    )
    for key, items in anchored:
        for item in items:
            where = _touchpoint_name(journey_map, item.touchpoint_id)
            cited = _cite(book, item.evidence, clean(item.text))
            per_stage[key][position[item.stage_id]].append(Item(clean(item.text), where, *cited))
    for action in journey_map.actions:
        stage_id = _linked_stage(journey_map, action)
        if stage_id is not None:
            per_stage["opportunities"][position[stage_id]].append(
                Item(clean(action.description), _owner_and_due(action))
            )
    return tuple(
        Lane(key, LANE_TITLES[key], tuple(tuple(cell) for cell in cells))
        for key, cells in per_stage.items()
    )


def _touchpoint_name(journey_map: JourneyMap, touchpoint_id: str | None) -> str:
    tp: Touchpoint | None = journey_map.find("touchpoint", touchpoint_id) if touchpoint_id else None
    return clean(tp.description) if tp else ""


def _linked_stage(journey_map: JourneyMap, linked: Action | Kpi) -> str | None:
    """The stage an action or KPI belongs to: its own, or else that of its pain point."""
    if linked.stage_id is not None:
        return linked.stage_id
    pain = journey_map.find("pain", linked.pain_point_id) if linked.pain_point_id else None
    return pain.stage_id if pain else None


def _stage_name(journey_map: JourneyMap, linked: Action | Kpi) -> str:
    stage_id = _linked_stage(journey_map, linked)
    stage = journey_map.stage(stage_id) if stage_id else None
    return clean(stage.name) if stage else ""


def _owner_and_due(action: Action) -> str:
    due = f"due {day_text(action.due)}" if action.due else ""
    return " · ".join(part for part in (clean(action.owner), due) if part)


def _highlights(journey_map: JourneyMap) -> tuple[Highlight, ...]:
    found = []
    groups = (
        ("Pain point", journey_map.pain_points),
        ("Delight", journey_map.delight_points),
        ("Moment of truth", journey_map.moments_of_truth),
    )
    for kind, items in groups:
        for item in items:
            stage = journey_map.stage(item.stage_id)
            place = [stage.name if stage else "", _touchpoint_name(journey_map, item.touchpoint_id)]
            where = " › ".join(clean(p) for p in place if p)
            found.append(Highlight(kind, where, clean(item.text)))
    return tuple(found)


def _kpi_row(journey_map: JourneyMap, kpi: Kpi) -> tuple[str, ...]:
    fields = (kpi.name, kpi.definition, kpi.baseline, kpi.target, kpi.owner)
    return (*(clean(f) for f in fields), _stage_name(journey_map, kpi))


def _action_row(journey_map: JourneyMap, action: Action) -> tuple[str, ...]:
    pain = journey_map.find("pain", action.pain_point_id) if action.pain_point_id else None
    return (
        clean(action.description),
        clean(action.owner),
        f"{action.due:%Y-%m-%d}" if action.due else "",
        _stage_name(journey_map, action),
        clean(pain.text) if pain else "",
        "done" if action.done else "open",
    )


def _scorecard(extras: ExportExtras | None) -> Scorecard | None:
    if extras is None or not (
        extras.scorecard or extras.overall is not None or extras.top_findings
    ):
        return None
    return Scorecard(
        areas=Table(
            SCORE_HEADER, tuple((clean(a), str(s)) for a, s in extras.scorecard), SCORE_WEIGHTS
        ),
        overall=extras.overall,
        findings=tuple(clean(f) for f in extras.top_findings),
    )
