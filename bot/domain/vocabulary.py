"""Words the reader understands, declared once: field names and their synonyms, channels,
feelings and default stage sets."""

from __future__ import annotations

from dataclasses import dataclass

from bot.model import KNOWN_CHANNELS


@dataclass(frozen=True)
class FieldWords:
    """One map field: its name in the model, the key the team writes, the label shown."""

    name: str
    key: str
    label: str


SCOPE_FIELDS: tuple[FieldWords, ...] = (
    FieldWords("objective", "objective", "Objective"),
    FieldWords("scenario", "scenario", "Scenario"),
    FieldWords("journey_start", "start", "Starts"),
    FieldWords("journey_end", "end", "Ends"),
    FieldWords("audience", "for", "For"),
    FieldWords("usage", "use", "Used to"),
    FieldWords("research_basis", "research", "Research"),
)
SCOPE_KEY_OF: dict[str, str] = {f.name: f.key for f in SCOPE_FIELDS}
SCOPE_LABEL_OF: dict[str, str] = {f.name: f.label for f in SCOPE_FIELDS}

SCOPE_KEYS: dict[str, str] = {
    "objective": "objective",
    "goal of the map": "objective",
    "aim": "objective",
    "scenario": "scenario",
    "start": "journey_start",
    "starts": "journey_start",
    "journey start": "journey_start",
    "journey_start": "journey_start",
    "end": "journey_end",
    "ends": "journey_end",
    "journey end": "journey_end",
    "journey_end": "journey_end",
    "for": "audience",
    "audience": "audience",
    "used by": "audience",
    "who is it for": "audience",
    "readers": "audience",
    "use": "usage",
    "usage": "usage",
    "use it to": "usage",
    "used to": "usage",
    "used for": "usage",
    "how": "usage",
    "research": "research_basis",
    "research basis": "research_basis",
    "research_basis": "research_basis",
    "based on": "research_basis",
}

PERSONA_KEYS: dict[str, str] = {
    "name": "name",
    "description": "description",
    "about": "description",
    "goals": "goals",
    "goal": "goals",
    "needs": "needs",
    "expectations": "needs",
    "frustrations": "frustrations",
    "pains": "frustrations",
    "source": "data_source",
    "data source": "data_source",
    "data": "data_source",
}

TOUCHPOINT_FIELDS: dict[str, str] = {
    "does": "customer_action",
    "doing": "customer_action",
    "action": "customer_action",
    "thinks": "customer_thought",
    "thinking": "customer_thought",
    "thought": "customer_thought",
    "owner": "owner",
    "owned by": "owner",
    "team": "owner",
    "channel": "channel",
    "via": "channel",
    "source": "source",
    "evidence": "source",
}

KPI_FIELDS: dict[str, str] = {
    "baseline": "baseline",
    "now": "baseline",
    "currently": "baseline",
    "target": "target",
    "goal": "target",
    "owner": "owner",
    "owned by": "owner",
    "stage": "stage",
    "pain": "pain",
    "definition": "definition",
    "defined as": "definition",
}

ACTION_FIELDS: dict[str, str] = {
    "owner": "owner",
    "owned by": "owner",
    "due": "due",
    "by": "due",
    "when": "due",
    "deadline": "due",
    "stage": "stage",
    "pain": "pain",
}

EVIDENCE_FIELDS: dict[str, str] = {"source": "source", "evidence": "source", "quote": "quote"}

ANCHORED_PREFIXES: dict[str, str] = {
    "pain": "pain",
    "pain point": "pain",
    "delight": "delight",
    "delight point": "delight",
    "moment": "moment",
    "moment of truth": "moment",
    "mot": "moment",
}

DEFAULT_STAGES: dict[str, list[str]] = {
    "b2c": ["Discover", "Research", "Compare", "Buy", "Receive", "Use", "Get support"],
    "b2b": [
        "Recognise the need",
        "Research",
        "Evaluate",
        "Negotiate and buy",
        "Onboard",
        "Adopt",
        "Renew or expand",
    ],
    "support": ["Notice a problem", "Look for help", "Contact us", "Get it resolved", "Follow up"],
}

_CHANNEL_SYNONYMS: dict[str, str] = {
    "web": "website",
    "site": "website",
    "webpage": "website",
    "online": "website",
    "app": "mobile app",
    "ios": "mobile app",
    "android": "mobile app",
    "e-mail": "email",
    "mail": "post",
    "letter": "post",
    "call": "phone",
    "telephone": "phone",
    "call centre": "phone",
    "call center": "phone",
    "live chat": "chat",
    "chatbot": "chat",
    "whatsapp": "chat",
    "text": "sms",
    "social": "social media",
    "instagram": "social media",
    "facebook": "social media",
    "linkedin": "social media",
    "google": "search",
    "reviews": "review site",
    "friends": "word of mouth",
    "referral": "word of mouth",
    "ad": "advert",
    "ads": "advert",
    "store": "in store",
    "shop": "in store",
    "face to face": "in person",
    "visit": "in person",
}


def channel_of(text: str) -> str:
    """Normalise a channel to the known list when it is one; keep free text otherwise."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in KNOWN_CHANNELS:
        return cleaned
    return _CHANNEL_SYNONYMS.get(cleaned, text.strip())


_FEELINGS: dict[int, tuple[str, ...]] = {
    2: (
        "delighted",
        "thrilled",
        "excited",
        "elated",
        "ecstatic",
        "overjoyed",
        "amazed",
        "very happy",
        "love it",
        "great",
    ),
    1: (
        "happy",
        "pleased",
        "hopeful",
        "relieved",
        "confident",
        "satisfied",
        "glad",
        "good",
        "reassured",
        "calm",
        "positive",
        "curious",
        "settled",
        "optimistic",
        "content",
    ),
    0: ("neutral", "ok", "okay", "fine", "indifferent", "meh", "so-so", "mixed"),
    -1: (
        "confused",
        "frustrated",
        "worried",
        "anxious",
        "annoyed",
        "uncertain",
        "unsure",
        "overwhelmed",
        "disappointed",
        "bored",
        "impatient",
        "nervous",
        "sceptical",
        "skeptical",
        "irritated",
        "tired",
        "stressed",
        "negative",
        "lost",
    ),
    -2: (
        "angry",
        "furious",
        "desperate",
        "hopeless",
        "terrible",
        "awful",
        "livid",
        "panicked",
        "miserable",
        "betrayed",
        "very frustrated",
        "very angry",
        "hate it",
    ),
}

_EMOJI: dict[str, tuple[int, str]] = {
    "😀": (2, "delighted"),
    "😃": (2, "delighted"),
    "😄": (2, "delighted"),
    "😁": (2, "delighted"),
    "🤩": (2, "thrilled"),
    "😍": (2, "love it"),
    "🥳": (2, "thrilled"),
    "🙂": (1, "happy"),
    "😊": (1, "happy"),
    "😌": (1, "relieved"),
    "👍": (1, "good"),
    "😐": (0, "neutral"),
    "😶": (0, "neutral"),
    "🤔": (0, "unsure"),
    "🙁": (-1, "unhappy"),
    "😕": (-1, "confused"),
    "😟": (-1, "worried"),
    "😞": (-1, "disappointed"),
    "😩": (-1, "tired"),
    "😫": (-1, "stressed"),
    "👎": (-1, "unhappy"),
    "😰": (-1, "anxious"),
    "😠": (-2, "angry"),
    "😡": (-2, "furious"),
    "🤬": (-2, "furious"),
    "😭": (-2, "desperate"),
    "😱": (-2, "panicked"),
}

_SLACK_EMOJI = {
    ":grinning:": "😀",
    ":smile:": "😄",
    ":star-struck:": "🤩",
    ":slightly_smiling_face:": "🙂",
    ":blush:": "😊",
    ":relieved:": "😌",
    ":+1:": "👍",
    ":neutral_face:": "😐",
    ":thinking_face:": "🤔",
    ":slightly_frowning_face:": "🙁",
    ":confused:": "😕",
    ":worried:": "😟",
    ":disappointed:": "😞",
    ":weary:": "😩",
    ":-1:": "👎",
    ":angry:": "😠",
    ":rage:": "😡",
    ":sob:": "😭",
    ":scream:": "😱",
}


def with_emoji(text: str) -> str:
    """Slack's emoji codes (`:rage:`) as the emoji they stand for."""
    for code, emoji in _SLACK_EMOJI.items():
        text = text.replace(code, emoji)
    return text


def emotion_of(text: str) -> tuple[int | None, str]:
    """Read a feeling from a word, a phrase or an emoji: (score, label) or (None, "")."""
    cleaned = with_emoji(text.strip().lower())
    for emoji, (score, label) in _EMOJI.items():
        if emoji in cleaned:
            rest = cleaned.replace(emoji, "").strip()
            return score, rest or label
    for score in (2, -2, 1, -1, 0):
        for word in _FEELINGS[score]:
            if cleaned == word or cleaned.startswith(word + " ") or f" {word}" in f" {cleaned}":
                return score, cleaned
    return None, ""
