"""Reading a feeling from a cell: a number on the map's scale, a word in one of six languages,
or an emoji, with any quote in the cell.

Scales: our −2..+2; 1–5 (score − 3); 1–10 and percentages mapped linearly onto −2..+2 and
rounded. A map's scale is what its row or column name or a line of its text says ("Emotion
(1-5)", "de 1 a 10", "(%)"); failing that, what its numbers show (all within −2..+2: ours;
1..5; 1..10; any '%': percent; larger
numbers with neither are unreadable)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.critique.imports.cells import flat

_NUMBER = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*(%?)(?![\d.,])\s*(.*)$")
_QUOTE = re.compile(r"[“„\"«]([^”“\"»]+)[”“\"»]")
_LABEL_EDGES = " ()[]:-—–/"
_TEXT_EDGES = " ()[]:/"
_DASHES = str.maketrans({"−": "-", "–": "-", "—": "-"})
_SCALE_HINT = re.compile(
    r"\b(?:1|0)\s*(?:-|–|—|to|a|à|bis|tot|até|\.\.)\s*(5|10|100)\b|(%)|\b(percent|prozent|pourcent)",
    re.IGNORECASE,
)


class Scale(StrEnum):
    OURS = "-2..+2"
    FIVE = "1-5"
    TEN = "1-10"
    PERCENT = "%"

    def to_ours(self, value: float) -> int:
        if self is Scale.FIVE:
            return max(-2, min(2, round(value - 3)))
        if self is Scale.TEN:
            return max(-2, min(2, round((value - 1) * 4 / 9 - 2)))
        if self is Scale.PERCENT:
            return max(-2, min(2, round(value / 25 - 2)))
        return round(value)

    def fits(self, value: float) -> bool:
        low, high = {
            Scale.OURS: (-2, 2),
            Scale.FIVE: (1, 5),
            Scale.TEN: (1, 10),
            Scale.PERCENT: (0, 100),
        }[self]
        return low <= value <= high


@dataclass
class Feeling:
    """What one cell says: a number to convert (on the map's scale), or a score from a word or
    emoji; the label and the quote."""

    number: float | None
    score: int | None
    label: str
    quote: str
    percent: bool = False
    text: str = ""


def scale_hint(text: str) -> Scale | None:
    found = _SCALE_HINT.search(text)
    if not found:
        return None
    if found.group(2) or found.group(3) or found.group(1) == "100":
        return Scale.PERCENT
    return Scale.FIVE if found.group(1) == "5" else Scale.TEN


def guess_scale(feelings: list[Feeling]) -> Scale:
    numbers = [f.number for f in feelings if f.number is not None]
    if any(f.percent for f in feelings):
        return Scale.PERCENT
    if not numbers or all(-2 <= n <= 2 for n in numbers):
        return Scale.OURS
    if min(numbers) >= 1 and max(numbers) <= 5:
        return Scale.FIVE
    if min(numbers) >= 1 and max(numbers) <= 10:
        return Scale.TEN
    return Scale.OURS  # larger numbers need a '%' or a named scale: else reported unreadable


def read_feeling(cell: str) -> Feeling | None:
    """The feeling in '-1 frustrated "Why again?"', '+2', '4', '60%', '😡', 'neugierig';
    None when the cell holds nothing we can read as a feeling."""
    text = flat(cell)
    quoted = _QUOTE.search(text)
    quote = quoted.group(1).strip() if quoted else ""
    text = (text[: quoted.start()] + text[quoted.end() :] if quoted else text).strip(_TEXT_EDGES)
    text = text.translate(_DASHES).rstrip(" -")
    number = _NUMBER.match(text)
    if number:
        value = float(number.group(1).replace(",", "."))
        label = number.group(3).strip(_LABEL_EDGES)
        return Feeling(value, None, label, quote, percent=bool(number.group(2)), text=text)
    score, label = feeling_word(text)
    if score is None:
        return Feeling(None, None, "", quote, text=text) if quote and not text else None
    return Feeling(None, score, label, quote, text=text)


def feeling_word(text: str) -> tuple[int | None, str]:
    """A feeling word or emoji in any of our languages: (score, label) or (None, '')."""
    words = " ".join(text.casefold().split())
    for word, score in _WORDS.items():
        if words == word or words.startswith(word + " ") or f" {word}" in f" {words}":
            return score, text.strip(_LABEL_EDGES)
    # The engine's vocabulary knows the English words and the emoji; imported late because
    # the engine package may itself import the critique.
    from bot.engine.vocabulary import emotion_of

    return emotion_of(text)


# Feeling words the engine's English vocabulary does not know: German, French, Spanish, Dutch
# and Portuguese, and a few English words teams use in maps.
_WORDS: dict[str, int] = {
    **dict.fromkeys(("begeistert", "ravi", "ravie", "encantado", "encantada", "enthousiast",
                     "entusiasmado", "eufórico", "super blij"), 2),
    **dict.fromkeys(("neugierig", "erleichtert", "zufrieden", "glücklich", "froh", "stolz",
                     "ruhig", "beruhigt", "hoffnungsvoll", "zuversichtlich",
                     "curieux", "curieuse", "soulagé", "soulagée", "satisfait", "satisfaite",
                     "content", "contente", "serein", "sereine", "rassuré", "rassurée", "confiant",
                     "curioso", "curiosa", "aliviado", "aliviada", "satisfecho", "satisfecha",
                     "contento", "contenta", "tranquilo", "tranquila", "esperanzado", "feliz",
                     "nieuwsgierig", "opgelucht", "tevreden", "blij", "gerustgesteld", "hoopvol",
                     "satisfeito", "satisfeita", "confiante", "esperançoso", "proud",
                     "embarrassed but hopeful"), 1),
    **dict.fromkeys(("neutral", "neutre", "neutro", "neutraal", "gleichgültig"), 0),
    **dict.fromkeys(("verärgert", "genervt", "frustriert", "besorgt", "ängstlich", "gestresst",
                     "enttäuscht", "verunsichert", "unsicher", "überfordert", "verwirrt",
                     "ungeduldig", "nervös",
                     "frustré", "frustrée", "inquiet", "inquiète", "énervé", "énervée", "agacé",
                     "agacée", "confus", "confuse", "stressé", "stressée", "déçu", "déçue",
                     "anxieux", "anxieuse", "perdu", "perdue", "impatient", "impatiente",
                     "frustrado", "frustrada", "preocupado", "preocupada", "confundido",
                     "confundida", "estresado", "estresada", "decepcionado", "decepcionada",
                     "ansioso", "ansiosa", "nervioso", "nerviosa", "molesto", "molesta",
                     "irritado", "irritada", "confuso", "confusa", "estressado", "estressada",
                     "gefrustreerd", "bezorgd", "verward", "gestrest", "teleurgesteld",
                     "onzeker", "geïrriteerd", "ongeduldig", "zenuwachtig",
                     "shocked", "embarrassed", "unhappy", "doubtful", "wary"), -1),
    **dict.fromkeys(("wütend", "verzweifelt", "furieux", "furieuse", "en colère", "désespéré",
                     "furioso", "furiosa", "enfadado", "enfadada", "desesperado", "desesperada",
                     "boos", "woedend", "wanhopig", "revoltado"), -2),
}  # fmt: skip
