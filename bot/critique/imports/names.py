"""Row, column, key and channel names we recognise in imported maps, with their common
synonyms in English, German, French, Spanish, Dutch and Portuguese."""

from __future__ import annotations

import re
from enum import StrEnum

from bot.critique.words import NO_CHANNEL


class Lane(StrEnum):
    """What a row (stages across the top) or a column (one row per touchpoint or stage) holds."""

    STAGE = "stage"
    STAGE_DESCRIPTION = "stage description"
    TOUCHPOINT = "touchpoint"
    CHANNEL = "channel"
    ACTION = "customer action"
    THOUGHT = "customer thought"
    QUOTE = "quote"
    OWNER = "owner"
    EMOTION = "emotion"
    EMOTION_SCORE = "emotion score"
    EMOTION_LABEL = "emotion label"
    PAIN = "pain points"
    DELIGHT = "delight points"
    MOMENT = "moments of truth"
    OPPORTUNITY = "improvement actions"
    KPI = "kpis"
    KPI_BASELINE = "kpi baseline"
    KPI_TARGET = "kpi target"
    KPI_OWNER = "kpi owner"
    PERSONA = "persona"
    EVIDENCE = "evidence"
    IGNORED = "ignored"


_SYNONYMS: dict[Lane, tuple[str, ...]] = {
    Lane.STAGE: (
        "stage", "stages", "phase", "phases", "journey stage", "journey stages", "journey phase",
        "stage name", "step", "steps", "journey step", "journey steps",
        "etappe", "etappen", "schritt", "phasen",  # de
        "étape", "étapes", "etape", "etapes",  # fr (phase as en)
        "etapa", "etapas", "fase", "fases",  # es, pt, nl
        "stap", "stappen",  # nl
    ),
    Lane.STAGE_DESCRIPTION: (
        "stage description", "stage goal", "stage goals", "customer goal", "customer goals",
        "goal", "goals", "story", "description of the stage", "what happens in this stage",
        "ziel der phase", "kundenziel", "objectif du client", "objetivo del cliente",
        "doel van de klant", "objetivo do cliente",
    ),
    Lane.TOUCHPOINT: (
        "touchpoint", "touchpoints", "touch point", "touch points", "touchpoint description",
        "interaction", "interactions", "what happens", "contact point", "contact points",
        "kontaktpunkt", "kontaktpunkte", "berührungspunkt", "berührungspunkte", "touchpunkte",
        "point de contact", "points de contact", "punto de contacto", "puntos de contacto",
        "contactmoment", "contactmomenten", "raakpunt", "raakpunten", "ponto de contato",
        "pontos de contato", "ponto de contacto", "pontos de contacto",
    ),
    Lane.CHANNEL: (
        "channel", "channels", "medium", "media", "via", "where", "kanal", "kanäle", "canal",
        "canaux", "canales", "kanaal", "kanalen", "canais",
    ),
    Lane.ACTION: (
        "customer action", "customer actions", "customer doing", "doing", "does",
        "what they do", "customer does", "activities", "activity", "behaviour", "behavior",
        "tasks", "user actions", "user action", "what the customer does", "what they are doing",
        "kunde tut", "aktivitäten", "handlungen", "tun", "was der kunde tut",
        "actions du client", "ce que fait le client", "fait",
        "acciones del cliente", "lo que hace", "hace", "haciendo",
        "wat de klant doet", "doet", "acties van de klant",
        "ações do cliente", "o que faz", "faz", "fazendo",
    ),
    Lane.THOUGHT: (
        "customer thought", "customer thoughts", "customer thinking", "thought", "thoughts",
        "thinking", "thinks", "what they think", "mindset", "questions", "customer questions",
        "gedanken", "denkt", "was der kunde denkt", "pensées", "pense", "ce que pense le client",
        "pensamientos", "piensa", "lo que piensa", "gedachten", "denkt de klant",
        "pensamentos", "pensa", "o que pensa",
    ),
    Lane.QUOTE: (
        "quote", "quotes", "customer quote", "customer quotes", "says", "customer says",
        "what they say", "verbatim", "verbatims", "zitat", "zitate", "citation", "citations",
        "cita", "citas", "citaat", "citaten", "citação", "citações", "verbatims clients",
    ),
    Lane.OWNER: (
        "owner", "owners", "team", "teams", "owned by", "responsible", "who owns it",
        "channel owner", "touchpoint owner", "department", "front stage owner",
        "verantwortlich", "verantwortung", "zuständig", "responsable", "responsables",
        "équipe", "equipo", "responsable del punto", "eigenaar", "verantwoordelijke",
        "dono", "responsável", "equipe",
    ),
    Lane.EMOTION: (
        "emotion", "emotions", "feeling", "feelings", "feels", "mood", "sentiment",
        "emotional curve", "emotional journey", "emotions 2 2", "satisfaction",
        "how they feel", "how do they feel", "what they feel", "how the customer feels",
        "gefühl", "gefühle", "emotion des kunden", "stimmung", "émotion", "émotions",
        "ressenti", "emoción", "emociones", "sentimiento", "emotie", "emoties", "gevoel",
        "emoção", "emoções", "sentimento",
    ),
    Lane.EMOTION_SCORE: (
        "emotion score", "score", "feeling score", "sentiment score", "satisfaction score",
        "emotional score", "puntuación emocional", "cijfer", "nota",
    ),
    Lane.EMOTION_LABEL: ("emotion label", "label", "feeling label", "emotion word"),
    Lane.PAIN: (
        "pain points", "pain point", "pains", "pain", "frustrations", "problems", "issues",
        "barriers", "friction", "pain points and frustrations", "what goes wrong",
        "what went wrong", "what hurts",
        "schmerzpunkte", "schmerzpunkt", "probleme", "pain points des kunden",
        "points de douleur", "point de douleur", "irritants", "points de friction",
        "puntos de dolor", "dolores", "dolor", "pijnpunten", "pijnpunt", "knelpunten",
        "pontos de dor", "dores", "dor",
    ),
    Lane.DELIGHT: (
        "delight points", "delight point", "delights", "delight", "highlights", "positives",
        "gains", "moments of delight", "wow moments", "pleasure points", "what works",
        "begeisterung", "positive momente", "moments positifs", "points forts", "moments wow",
        "momentos positivos", "momento positivo", "hoogtepunten", "plezierpunten",
        "encantamento", "momentos de encantamento", "pontos positivos",
    ),
    Lane.MOMENT: (
        "moments of truth", "moment of truth", "mot", "mots", "key moments", "critical moments",
        "moments de vérité", "moment de vérité", "momentos de la verdad", "momento de la verdad",
        "momenten van de waarheid", "moment van de waarheid", "momentos da verdade",
        "momento da verdade", "kritische momente", "momente der wahrheit",
    ),
    Lane.OPPORTUNITY: (
        "opportunities", "opportunity", "improvements", "ideas", "recommendations",
        "next steps", "actions to take", "our actions", "fixes", "improvement actions",
        "opportunities and actions", "actions", "action", "action items", "fix", "fix owner",
        "what we will do", "what we ll do", "how we fix it",
        "maßnahme", "acción", "ação", "actie",
        "maßnahmen", "massnahmen", "chancen", "verbesserungen", "ideen",
        "opportunités", "améliorations", "plan d action", "oportunidades", "acciones",
        "mejoras", "kansen", "acties", "verbeteringen", "oportunidades de melhoria", "ações",
        "melhorias",
    ),
    Lane.KPI: (
        "kpi", "kpis", "metric", "metrics", "measure", "measures", "success metrics",
        "kennzahlen", "kennzahl", "indicateurs", "indicateur", "indicadores", "indicador",
        "kpi s", "métricas", "metricas", "meetpunten",
    ),
    Lane.KPI_BASELINE: ("baseline", "kpi baseline", "current value", "today", "ausgangswert",
                        "base", "nulmeting", "linha de base", "valor actual"),
    Lane.KPI_TARGET: ("target", "kpi target", "goal value", "zielwert", "cible", "objetivo kpi",
                      "doelwaarde", "meta"),
    Lane.KPI_OWNER: ("kpi owner", "metric owner", "kpi verantwortlich"),
    Lane.PERSONA: ("persona", "personas", "customer", "user", "kunde", "client", "cliente",
                   "klant"),
    Lane.EVIDENCE: (
        "evidence", "sources", "source", "research", "data", "data source", "based on",
        "insights from", "belege", "quelle", "quellen", "preuves", "sources des données",
        "evidencia", "fuentes", "bewijs", "bronnen", "evidência", "fontes",
    ),
    Lane.IGNORED: (
        "notes", "note", "comments", "comment", "backstage", "backstage actions",
        "back stage", "behind the scenes", "systems", "system", "tools", "support processes",
        "key actors", "actors", "last updated", "updated", "version",
        "status", "notizen", "bemerkungen", "remarques", "notas", "opmerkingen", "hintergrund",
        "coulisses", "sistemas", "systemen",
    ),
}  # fmt: skip
LANES: dict[str, Lane] = {name: lane for lane, names in _SYNONYMS.items() for name in names}

# Lines or rows above a table that describe the map: "Objective: …", "Persona: …".
_PREAMBLE: dict[str, tuple[str, ...]] = {
    "title": ("title", "journey", "journey map", "map", "map title", "name", "titel",
              "titre", "título", "titulo", "parcours", "kundenreise", "klantreis", "jornada"),
    "objective": ("objective", "goal of the map", "purpose", "business goal", "aim", "why",
                  "objectif", "objectif du parcours", "objetivo", "objetivo del mapa", "doel",
                  "ziel", "zweck", "propósito", "objetivo do mapa"),
    "scenario": ("scenario", "szenario", "scénario", "escenario", "cenário", "cenario",
                 "situation", "use case"),
    "journey_start": ("start", "starts", "journey start", "journey starts", "trigger",
                      "starts when", "début", "inicio", "início", "begin"),
    "journey_end": ("end", "ends", "journey end", "journey ends", "ends when", "fin", "fim",
                    "einde"),
    "audience": ("audience", "for", "readers", "stakeholders", "zielgruppe der karte",
                 "public", "audiencia", "publiek", "público"),
    "usage": ("usage", "use", "how it will be used"),
    "research_basis": ("research", "research basis", "based on", "research sources",
                       "forschung", "recherche", "investigación", "investigacion", "onderzoek",
                       "pesquisa", "datenbasis", "base de recherche"),
    "persona": ("persona", "primary persona", "personas"),
    "goals": ("goals", "persona goals", "ziele", "objectifs", "objetivos", "doelen",
              "metas"),
    "needs": ("needs", "persona needs", "bedürfnisse", "besoins", "necesidades", "behoeften",
              "necessidades"),
    "frustrations": ("frustrations", "persona frustrations", "frustrationen", "frustraciones",
                     "frustraties", "frustrações"),
    "source": ("source", "data source", "persona source", "datenquelle", "quelle",
               "fuente", "bron", "fonte", "source des données"),
    "owner": ("owner", "map owner", "owned by", "verantwortlich", "responsable", "eigenaar",
              "dono do mapa", "dono", "propietario", "responsable du parcours", "map keeper"),
    "kpi": ("kpi", "kpis", "metric", "north star"),
    "ignored": ("last updated", "updated", "version", "date", "status", "author", "authors",
                "workshop date", "stand", "datum", "fecha"),
}  # fmt: skip
PREAMBLE_KEYS: dict[str, str] = {name: key for key, names in _PREAMBLE.items() for name in names}
PERSONA_HEADINGS = frozenset({"persona", "personas", "who", "customer", "kunde"})

# Channel words written after a touchpoint, "(web)", "(App)", "(courrier)", to ours.
CHANNELS: dict[str, str] = {
    **{name: "website" for name in ("web", "website", "site", "web site", "online", "webseite",
                                    "site web", "sitio web", "web", "site web", "webshop",
                                    "portal", "internet", "website form")},
    **{name: "mobile app" for name in ("app", "mobile app", "mobile", "application", "aplicación",
                                       "aplicativo", "appli", "ios", "android", "in app")},
    **{name: "email" for name in ("email", "e-mail", "mail", "courriel", "correo", "correo "
                                  "electrónico")},
    **{name: "phone" for name in ("phone", "telephone", "call", "telefon", "téléphone",
                                  "telefono", "teléfono", "telefoon", "telefone", "hotline")},
    **{name: "chat" for name in ("chat", "live chat", "whatsapp", "messenger", "chatbot")},
    **{name: "sms" for name in ("sms", "text", "text message", "texto")},
    **{name: "social media" for name in ("social", "social media", "instagram", "facebook",
                                         "tiktok", "linkedin", "redes sociales", "réseaux sociaux",
                                         "sociale media", "redes sociais")},
    **{name: "in person" for name in ("in person", "in-person", "face to face", "persönlich",
                                      "vor ort", "en personne", "en persona", "presencial",
                                      "in persoon", "op locatie", "f2f", "on site")},
    **{name: "in store" for name in ("in store", "store", "in-store", "shop", "branch",
                                     "filiale", "magasin", "tienda", "winkel", "loja")},
    **{name: "letter" for name in ("letter", "brief", "courrier", "carta", "post letter")},
    **{name: "review site" for name in ("review site", "comparison site", "reviews")},
    **{name: "word of mouth" for name in ("word of mouth", "mund zu mund", "bouche à oreille",
                                          "boca a boca")},
    **{name: "advert" for name in ("advert", "ad", "ads", "advertising", "werbung",
                                   "publicité", "publicidad", "tv")},
    **{name: "search" for name in ("search", "google", "search engine")},
    **{name: NO_CHANNEL for name in ("none", "no channel", "n/a", "na", "-", "–", "—", "keiner",
                                     "keine", "kein", "aucun", "ninguno", "geen", "nenhum")},
}  # fmt: skip

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w\s]|_")


def normalise(name: str) -> str:
    """'**Pain points** (top 3):' -> 'pain points'; 'touchpoint/description' ->
    'touchpoint description'."""
    text = _PARENTHESES.sub(" ", name.casefold())
    return " ".join(_NOT_WORD.sub(" ", text).split())


def lane_of(name: str) -> Lane | None:
    found = LANES.get(normalise(name))
    if found is None and "(" in name:  # "Emotion (1-5)", "Fix (owner)": the words before,
        before, _, inside = name.partition("(")  # else the bracket: "Where (channel)"
        found = LANES.get(normalise(before)) or LANES.get(normalise(inside.rstrip(") ")))
    return found


def preamble_key(name: str) -> str | None:
    return PREAMBLE_KEYS.get(normalise(name))


def channel_of(word: str) -> str | None:
    """Our channel for a channel word ('web' -> 'website'); None when it is not one."""
    return CHANNELS.get(" ".join(word.casefold().strip().split()))
