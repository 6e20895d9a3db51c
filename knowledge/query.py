"""Reading a question the way the guides are written: jargon and tool names that the guides
spell out, common journey-mapping terms in a few other languages, and typos.

The model behind the vectors knows English only, and the guides use one name for each idea
("current state", "support tickets", "review rhythm"), so a question that says "as-is",
"zendesk" or "etapas" is matched against those names as well as its own words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from knowledge.embeddings import VOCAB_PATH

# Phrases (lower case, matched on word boundaries) and what the guides call them.
SYNONYMS: dict[str, str] = {
    "as-is": "current state",
    "as is": "current state",
    "to-be": "future state",
    "to be map": "future state map",
    "cjm": "customer journey map",
    "zmot": "zero moment of truth",
    "fmot": "first moment of truth",
    "zendesk": "support tickets",
    "freshdesk": "support tickets",
    "intercom": "support chats",
    "servicenow": "support tickets",
    "jira service": "support tickets",
    "google analytics": "web analytics",
    "ga": "web analytics",
    "ga4": "web analytics",
    "mixpanel": "product analytics",
    "amplitude": "product analytics",
    "verbatims": "customer quotes",
    "verbatim": "customer quote",
    "wow": "delight",
    "surprise and delight": "delight points",
    "revisit": "review rhythm",
    "update": "review rhythm",
    "updated": "review rhythm",
    "updating": "review rhythm",
    "refresh": "review rhythm",
    "up to date": "review rhythm",
    "stale": "review rhythm",
    "crm": "sales pipeline",
    "salesforce": "sales pipeline",
    "hubspot": "sales pipeline",
    "readout": "presenting to executives",
    "exec": "executives",
    "execs": "executives",
    "c-suite": "executives",
    "leadership": "executives",
    "roadmap": "action plan",
    "backlog": "action plan",
    "miro": "remote workshop",
    "mural": "remote workshop",
    "zoom": "remote workshop",
    "teams call": "remote workshop",
    "kano": "basic expectations performance delight features",
    "buying committee": "buying group",
    "dmu": "buying group",
    "csat": "customer satisfaction score",
    "ces": "customer effort score",
    "nps": "net promoter score",
    "kpi": "kpis metric baseline target owner",
    "okr": "kpis metric target",
}

# Common journey-mapping words in Spanish, Portuguese, French, German and Dutch.
TRANSLATIONS: dict[str, str] = {
    # a customer journey map
    "mapa de viaje del cliente": "customer journey map",
    "mapa de jornada": "customer journey map",
    "jornada do cliente": "customer journey",
    "parcours client": "customer journey",
    "carte du parcours": "journey map",
    "kundenreise": "customer journey",
    "klantreis": "customer journey",
    # stages, personas, touchpoints, emotions, moments of truth
    "etapas": "stages",
    "etapa": "stage",
    "fases": "stages",
    "étapes": "stages",
    "phasen": "stages",
    "fasen": "stages",
    "momentos de la verdad": "moments of truth",
    "momentos da verdade": "moments of truth",
    "moments de vérité": "moments of truth",
    "momente der wahrheit": "moments of truth",
    "puntos de contacto": "touchpoints",
    "pontos de contato": "touchpoints",
    "points de contact": "touchpoints",
    "kontaktpunkte": "touchpoints",
    "contactmomenten": "touchpoints",
    "emociones": "emotions",
    "emoções": "emotions",
    "gefühle": "emotions",
    "puntos de dolor": "pain points",
    "pontos de dor": "pain points",
    "points de douleur": "pain points",
    # questions and verbs
    "cuántas": "how many",
    "cuántos": "how many",
    "quantas": "how many",
    "combien": "how many",
    "wie viele": "how many",
    "hoeveel": "how many",
    "cada cuánto": "how often review rhythm",
    "actualizar": "update review",
    "atualizar": "update review",
    "mettre à jour": "update review",
    "aktualisieren": "update review",
    "bijwerken": "update review",
    "priorizar": "prioritise",
    "prioriser": "prioritise",
    "priorisieren": "prioritise",
    "identifier": "identify",
    "identificar": "identify",
    "gehören": "belong",
    "was ist": "what is",
    "qué es": "what is",
    "qu'est-ce que": "what is",
    "o que é": "what is",
    "wat is": "what is",
    "welke": "which",
    "horen bij": "belong to",
    "cliente": "customer",
    "kunde": "customer",
    "klant": "customer",
}

_WORD = re.compile(r"[a-zà-ÿ0-9']+")
MIN_TYPO_LENGTH = 4
TYPO_CUTOFF = 0.8


def _phrase(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")


_SYNONYM_PATTERNS = [(_phrase(k), v) for k, v in SYNONYMS.items()]
_TRANSLATION_PATTERNS = [
    (_phrase(k), v) for k, v in sorted(TRANSLATIONS.items(), key=lambda kv: -len(kv[0]))
]


class QueryReader:
    """Expands a question with the guides' own terms. `vocabulary` is every word in the guides,
    against which typos are corrected; a word in `dictionary` (real English words) is never
    taken for a typo, so "movie" does not become "move"."""

    def __init__(self, vocabulary: Iterable[str], dictionary: frozenset[str] = frozenset()) -> None:
        self._vocabulary = frozenset(vocabulary) | dictionary
        # Candidates for a typo share its first letter: few enough to compare quickly.
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(set(vocabulary)):
            self._by_initial.setdefault(word[0], []).append(word)

    def read(self, question: str) -> str:
        text = question.lower()
        for pattern, english in _TRANSLATION_PATTERNS:
            text = pattern.sub(english, text)
        text = self._correct(text)
        extra = [english for pattern, english in _SYNONYM_PATTERNS if pattern.search(text)]
        return " ".join([text, *extra]) if extra else text

    def _correct(self, text: str) -> str:
        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) < MIN_TYPO_LENGTH or word in self._vocabulary or not word.isalpha():
                return word
            candidates = [
                w for w in self._by_initial.get(word[0], []) if abs(len(w) - len(word)) <= 2
            ]
            close = difflib.get_close_matches(word, candidates, n=1, cutoff=TYPO_CUTOFF)
            return close[0] if close else word

        return _WORD.sub(fix, text)


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in _WORD.findall(text.lower())}


@lru_cache(maxsize=1)
def english_words(vocab_path: Path = VOCAB_PATH) -> frozenset[str]:
    """Whole words of the model's WordPiece vocabulary: about 20,000 common English words."""
    lines = vocab_path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w.isalpha() and w.islower() and len(w) >= MIN_TYPO_LENGTH)
