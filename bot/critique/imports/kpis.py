"""A KPI written in one cell: 'DNA rate: baseline 11%, target 6% (owner: Outpatients manager)'
-> name, baseline, target, owner and the stage it names, in any of our six languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIELDS: dict[str, tuple[str, ...]] = {
    "baseline": ("baseline", "base", "today", "current", "currently", "now", "ausgangswert",
                 "ist", "référence", "actuel", "línea base", "valor actual", "nulmeting",
                 "huidig", "linha de base", "atual"),
    "target": ("target", "goal", "ziel", "zielwert", "soll", "cible", "objectif", "objetivo",
               "meta", "doel", "streefwaarde"),
    "owner": ("owner", "owned by", "verantwortlich", "responsable", "eigenaar", "dono",
              "responsável"),
    "stage": ("stage", "phase", "etapa", "étape", "fase"),
}  # fmt: skip
_WORD = {word: field for field, words in _FIELDS.items() for word in words}
_KEYWORD = re.compile(
    r"(?:(?<=^)|(?<=[\s,;(—–-]))("
    + "|".join(sorted(map(re.escape, _WORD), key=len, reverse=True))
    + r")\b\s*:?\s*",
    re.IGNORECASE,
)
_EDGES = " ,;:()—–-"


@dataclass
class KpiDraft:
    name: str
    baseline: str = ""
    target: str = ""
    owner: str = ""
    stage: str = ""


def read_kpi(text: str) -> KpiDraft:
    found = [m for m in _KEYWORD.finditer(text) if _is_field(text, m)]
    if not found:
        return KpiDraft(name=text.strip(_EDGES))
    draft = KpiDraft(name=text[: found[0].start()].strip(_EDGES) or text.strip(_EDGES))
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        value = text[match.end() : end].strip(_EDGES)
        field = _WORD[match.group(1).casefold()]
        if value and not getattr(draft, field):
            setattr(draft, field, value)
    return draft


def looks_like_kpi(text: str) -> bool:
    """A cell naming a baseline or target (so its ';' and ',' are not item separators)."""
    return any(
        _WORD[m.group(1).casefold()] in ("baseline", "target") and _is_field(text, m)
        for m in _KEYWORD.finditer(text)
    )


def _is_field(text: str, match: re.Match[str]) -> bool:
    """A field word after a separator ('…, target 6%'), before a colon ('target: 6%') or
    before a number ('baseline 11%'); not a word of the name ('Goal completion rate')."""
    before = text[: match.start()].rstrip()
    after = text[match.end() :].lstrip()
    if not after:
        return False
    return (
        (bool(before) and before[-1] in ",;(—–:")
        or match.group(0).rstrip().endswith(":")
        or after[0].isdigit()
        or after[0] in "+-−€$£<>~≈"
    )
