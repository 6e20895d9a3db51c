"""A Markdown document with a heading (or a numbered item) per stage and bullets under it:

    ## 2. Get an appointment            1. **Card missing** – searches; feels: panicked
    - Touchpoint: Phone call (phone)       - Pain: Freeze button hard to find
    - Emotion: -1 anxious "On hold…"
    - Pain point: 20-minute hold

Labelled bullets go to their lane (in any of our languages); an unlabelled bullet is a
touchpoint. Sections named Persona, KPIs and the like describe the map, not a stage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.critique.imports.build import Imported, build_map
from bot.critique.imports.cells import flat, plain
from bot.critique.imports.draft import Anchor, StageDraft, TouchpointDraft
from bot.critique.imports.grid import NO_TABLE
from bot.critique.imports.names import Lane, lane_of, normalise, preamble_key
from bot.critique.imports.notes import channel_note
from bot.critique.imports.preamble import read_preamble
from bot.critique.imports.problem import MAX_CELL_CHARS, ImportProblem
from bot.critique.imports.report import ImportReport
from bot.text import truncate

_HEADING = re.compile(r"^\s*(?:(#{1,6})|h([1-6])\.)\s+(.*\S)\s*$")
_NUMBERED_STAGE = re.compile(r"^(\d+)[.)]\s+\*\*(.+?)\*\*\s*[:—–-]?\s*(.*)$")
_STAGE_LINE = re.compile(
    r"^(?:stage|phase|step|etapa|étape|etappe|fase|stap|schritt)\s*\d*\s*[:：]\s*(.*\S)\s*$",
    re.IGNORECASE,
)
KEYED = 8  # a section opened by a 'Stage: …' line, whose lines are all 'Label: value'
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+(.*\S)\s*$")
_LABEL = re.compile(r"^([^:：]{1,40})[:：]\s*(.*)$")
_STAGE_PREFIX = re.compile(
    r"^(?:(?:stage|phase|step|etapa|étape|etappe|phase|fase|stap|schritt)\s*\d*\s*[:.—–-]?\s*"
    r"|\d+[.)]\s*)",
    re.IGNORECASE,
)
_META = frozenset(
    {
        "persona", "personas", "kpis", "kpi", "metrics", "indicateurs", "indicadores",
        "kennzahlen", "scope", "overview", "summary", "map", "journey", "journey map",
        "actions", "opportunities", "next steps", "research", "notes", "about", "context",
    }
)  # fmt: skip
_KPI_HEADINGS = frozenset(
    {"kpis", "kpi", "metrics", "indicateurs", "indicadores", "kennzahlen", "kpi s", "métricas"}
)
_FEELS = re.compile(r"^(?:feels?|feeling|fühlt|se sent|siente|voelt|sente)\s*[:：]\s*(.*)$", re.I)


@dataclass
class _Section:
    name: str
    level: int
    lines: list[str] = field(default_factory=list)


def has_stages(lines: list[str]) -> bool:
    return bool(_stage_sections(_sections(lines)[1]))


def read(lines: list[str], title_hint: str) -> Imported:
    report = ImportReport(layout="a document with a heading or 'Stage:' line per stage")
    above, sections = _sections(lines)
    stages = _stage_sections(sections)
    if not stages:
        raise ImportProblem(NO_TABLE)
    meta = [s for s in sections if s not in stages]
    preamble_rows = [[line] for line in above]
    kpis: list[str] = []
    for section in meta:
        if normalise(section.name) in _KPI_HEADINGS:
            kpis += [_bullet_text(line) for line in section.lines if _bullet_text(line)]
        else:
            preamble_rows += [[f"{'#' * section.level} {section.name}"]]
            preamble_rows += [[line] for line in section.lines]
    preamble = read_preamble(preamble_rows, report)
    preamble.kpis += kpis
    drafts = [_stage(section, report) for section in stages]
    return build_map(drafts, preamble, title_hint, report)


def _sections(lines: list[str]) -> tuple[list[str], list[_Section]]:
    """Lines before the first heading or numbered stage, then each section's lines."""
    above: list[str] = []
    sections: list[_Section] = []
    for raw in lines:
        raw = raw[:MAX_CELL_CHARS].rstrip()
        line = plain(raw)
        if not line.strip():
            continue
        heading = _HEADING.match(line)
        numbered = _NUMBERED_STAGE.match(raw) if not raw.startswith(" ") else None
        keyed = _STAGE_LINE.match(line.strip())
        if keyed:
            sections.append(_Section(flat(keyed.group(1)), KEYED))
        elif heading:
            level = len(heading.group(1) or "") or int(heading.group(2))
            sections.append(_Section(flat(heading.group(3)).strip(" *_#"), level))
        elif numbered:
            rest = plain(numbered.group(3))
            sections.append(_Section(plain(numbered.group(2)).strip(), 7, [f"- {rest}"]))
        elif sections:
            sections[-1].lines.append(line)
        else:
            above.append(line)
    return above, sections


def _stage_sections(sections: list[_Section]) -> list[_Section]:
    """Sections holding bullets that are not about the map as a whole; a first top-level
    heading without bullets is the title."""
    return [
        s
        for s in sections
        if normalise(s.name) not in _META
        and not preamble_key(s.name)
        and (s.level == KEYED or any(_BULLET.match(line) for line in s.lines))
        and not _only_keys(s)
    ]


def _only_keys(section: _Section) -> bool:
    """A section of 'Objective: …' bullets describes the map."""
    labels = [_LABEL.match(_bullet_text(line)) for line in section.lines if _BULLET.match(line)]
    return section.level != KEYED and all(
        found and preamble_key(found.group(1)) for found in labels
    )


def _bullet_text(line: str) -> str:
    found = _BULLET.match(line)
    return flat(found.group(2)) if found else ""


def _stage(section: _Section, report: ImportReport) -> StageDraft:
    stage = StageDraft(name=_STAGE_PREFIX.sub("", section.name).strip() or section.name)
    for line in section.lines:
        text = _bullet_text(line) if _BULLET.match(line) else flat(line)
        parts = [p.strip() for p in text.split(";")] if section.level == 7 else [text]
        for part in parts:
            if part:
                _read_bullet(stage, part, section.level == 7, report)
    return stage


def _read_bullet(stage: StageDraft, text: str, numbered: bool, report: ImportReport) -> None:
    """A labelled bullet goes to its lane; an unlabelled one is a touchpoint, except in a
    numbered stage line, where words without a channel say what the customer does."""
    feels = _FEELS.match(text)
    if feels:
        stage.emotions.append(feels.group(1))
        return
    labelled = _LABEL.match(text)
    lane = lane_of(labelled.group(1)) if labelled else None
    if lane is not None and labelled is not None:
        _add(stage, lane, labelled.group(2).strip(), report)
    elif numbered and channel_note(text)[1] is None:
        _onto_touchpoint(stage, "action", text)
        report.guess(f"'{truncate(text, 40)}' is what the customer does in '{stage.name}'")
    else:
        stage.touchpoints.append(TouchpointDraft(description=text))


def _add(stage: StageDraft, lane: Lane, value: str, report: ImportReport) -> None:
    if lane is Lane.TOUCHPOINT:
        stage.touchpoints.append(TouchpointDraft(description=value))
    elif lane in (Lane.EMOTION, Lane.EMOTION_SCORE):
        stage.emotions.append(value)
    elif lane is Lane.ACTION:
        _onto_touchpoint(stage, "action", value)
    elif lane is Lane.THOUGHT:
        _onto_touchpoint(stage, "thought", value)
    elif lane is Lane.QUOTE:
        stage.quotes.append(value)
    elif lane is Lane.PAIN:
        stage.pains.append(Anchor(value))
    elif lane is Lane.DELIGHT:
        stage.delights.append(Anchor(value))
    elif lane is Lane.MOMENT:
        stage.moments.append(Anchor(value))
    elif lane is Lane.OPPORTUNITY:
        stage.opportunities.append(value)
    elif lane is Lane.KPI:
        stage.kpis.append(value)
    elif lane is Lane.STAGE_DESCRIPTION:
        stage.descriptions.append(value)
    elif lane is Lane.EVIDENCE:
        stage.sources.append(value)
    elif lane is Lane.CHANNEL and stage.touchpoints:
        stage.touchpoints[-1].channel = stage.touchpoints[-1].channel or value
    elif lane is Lane.OWNER and stage.touchpoints:
        stage.touchpoints[-1].owner = stage.touchpoints[-1].owner or value
    else:
        report.ignore(f"'{truncate(value, 40)}' under '{truncate(stage.name, 30)}'")


def _onto_touchpoint(stage: StageDraft, attribute: str, value: str) -> None:
    """What the customer does or thinks goes with the stage's last touchpoint; with none yet,
    it waits on a touchpoint named after it."""
    if not stage.touchpoints:
        stage.touchpoints.append(TouchpointDraft(description=value))
    target = stage.touchpoints[-1]
    current = getattr(target, attribute)
    setattr(target, attribute, f"{current}; {value}" if current else value)
