"""What the lines or rows above a table say about the map: a title, scope keys ('Objective:
…', several on one line), personas with their goals and source, the map owner, KPIs."""

from __future__ import annotations

import re

from bot.critique.imports.cells import flat
from bot.critique.imports.draft import Preamble
from bot.critique.imports.emotions import scale_hint
from bot.critique.imports.names import PERSONA_HEADINGS, PREAMBLE_KEYS, normalise, preamble_key
from bot.critique.imports.report import ImportReport
from bot.text import truncate

Row = list[str]

_KEYS = sorted(PREAMBLE_KEYS, key=len, reverse=True)
# A known key followed by a colon, at the start or after a space or sentence end: several of
# them may share one line ("Objective: … Scenario: … Persona: …").
_KEY_COLON = re.compile(
    r"(?:^|(?<=[\s.;|]))(" + "|".join(re.escape(k) for k in _KEYS) + r")\s*[:：]\s*",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^\s*(?:(#{1,6})|h([1-6])\.)\s*(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_LIST_KEYS = ("goals", "needs", "frustrations")
# A line that sets the emotion scale talks about scores or feelings ("Emotions scored 1-10").
_SCALE_WORDS = re.compile(
    r"\b(emotion\w*|feeling\w*|score\w*|scale|rating|satisf\w*|gefühl\w*|bewertung|"
    r"émotion\w*|note|puntuaci\w*|emoci\w*|emotie\w*|cijfer|emoç\w*|pontua\w*)\b",
    re.IGNORECASE,
)


def read_preamble(rows: list[Row], report: ImportReport) -> Preamble:
    preamble = Preamble()
    personas_level: int | None = None
    for row in rows:
        first = row[0] if row else ""
        heading = _HEADING.match(first)
        if heading:
            level = len(heading.group(1) or "") or int(heading.group(2))
            text = flat(heading.group(3)).strip(" *_#")
            if personas_level is not None and level > personas_level:
                preamble.persona(text)
                continue
            personas_level = level if normalise(text) in PERSONA_HEADINGS else None
            if personas_level is None and not preamble.title and not preamble_key(text):
                preamble.title = text
            continue
        if len(row) > 1 and preamble_key(row[0]):
            _apply(preamble, preamble_key(row[0]) or "", _row_value(row), row[0], report)
            continue
        _read_line(preamble, flat(_BULLET.sub("", first)), report)
        for cell in row[1:]:
            if flat(cell):
                _read_line(preamble, flat(cell), report)
    return preamble


def _row_value(row: Row) -> str:
    """A key row's value: its other cells, joined as a list when there are several."""
    values = [flat(cell) for cell in row[1:] if flat(cell)]
    return "; ".join(values) if preamble_key(row[0]) in _LIST_KEYS else ", ".join(values)


def _read_line(preamble: Preamble, line: str, report: ImportReport) -> None:
    if not line:
        return
    keys = list(_KEY_COLON.finditer(line))
    if not keys:
        _free_text(preamble, line, report)
        return
    if keys[0].start() > 0:
        _free_text(preamble, line[: keys[0].start()].strip(" *_-—–"), report)
    for i, found in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(line)
        value = line[found.end() : end].strip(" *_")
        if i + 1 < len(keys):  # "Persona: Ruth, 67. Map owner: …": the period ends the value
            value = value.rstrip(" .;|")
        _apply(preamble, PREAMBLE_KEYS[normalise(found.group(1))], value, found.group(1), report)


def _free_text(preamble: Preamble, text: str, report: ImportReport) -> None:
    text = text.strip(" *_")
    if not text:
        return
    scale = scale_hint(text) if _SCALE_WORDS.search(text) else None
    if scale is not None and len(text) < 120:
        preamble.scale = scale
        report.convert(f"the note '{truncate(text, 50)}' sets the emotion scale to {scale.value}")
    elif not preamble.title:
        preamble.title = text
    else:
        report.ignore(f"the line '{truncate(text, 60)}'")


def _apply(preamble: Preamble, key: str, value: str, said: str, report: ImportReport) -> None:
    value = value.strip()
    if not value:
        return
    if key == "title":
        preamble.title = preamble.title or value
    elif key == "persona":
        preamble.persona(value)
    elif key in _LIST_KEYS:
        listed = [g.strip() for g in value.split(";") if g.strip()]
        getattr(preamble.current_persona(), key).extend(listed)
    elif key == "source":
        persona = preamble.current_persona()
        persona.source = persona.source or value
    elif key == "owner":
        preamble.owner = preamble.owner or value
    elif key == "kpi":
        preamble.kpis.append(value)
    elif key == "ignored":
        report.ignore(f"'{flat(said)}: {truncate(value, 30)}' (not part of a journey map)")
    else:
        current = preamble.scope.get(key, "")
        preamble.scope[key] = f"{current} {value}".strip() if current else value
