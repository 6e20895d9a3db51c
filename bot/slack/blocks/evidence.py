"""The "Use as evidence" modal: pick the item of the map a Slack message supports (and, if you
like, how strong the evidence is). The message's place and words travel in private_metadata."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.model import JourneyMap
from bot.slack.blocks.kit import (
    MODAL_TEXT,
    OPTIONS,
    Block,
    context,
    option,
    plain,
    section,
)
from bot.slack.blocks.modals import select_input
from bot.text import slack_escape, truncate
from storage import MapKey

EVIDENCE_CALLBACK = "evidence"
METADATA = 3000  # Slack's limit on private_metadata
TEXT_CHARS = 2000  # what the engine keeps of a piece of evidence
PREVIEW_CHARS = 500
ITEM_CHARS = 50
LEVELS = (
    ("observed", "Observed (research, data)"),
    ("reported", "Reported (what someone said)"),
    ("assumed", "Assumed"),
)


@dataclass(frozen=True)
class Quoted:
    """The message a shortcut was used on."""

    key: MapKey
    ts: str
    text: str

    def metadata(self) -> str:
        text = self.text
        while True:
            data = {"key": self.key.model_dump(), "ts": self.ts, "text": text}
            encoded = json.dumps(data, ensure_ascii=False)
            if len(encoded) <= METADATA:
                return encoded
            text = text[: len(text) - (len(encoded) - METADATA) - 1]

    @classmethod
    def read(cls, metadata: str) -> Quoted | None:
        try:
            data = json.loads(metadata or "{}")
            return cls(MapKey.model_validate(data["key"]), str(data["ts"]), str(data["text"]))
        except (ValueError, KeyError, TypeError):
            return None


def evidence_options(m: JourneyMap) -> list[dict[str, Any]]:
    """Every item evidence can go on: personas, then stage by stage its emotion, touchpoints,
    pains, delights and moments of truth. Values are `<kind>:<id>`."""
    found = [(f"Persona · {p.name}", f"persona:{p.id}") for p in m.personas]
    for stage in m.stages:
        where = f" ({truncate(stage.name, ITEM_CHARS // 2)})"
        emotion = m.emotion_for(stage.id)
        if emotion is not None:
            found.append((f"Emotion · {stage.name} {emotion.score:+d}", f"emotion:{stage.id}"))
        found += [
            (f"Touchpoint · {truncate(t.description, ITEM_CHARS)}{where}", f"touchpoint:{t.id}")
            for t in m.touchpoints_in(stage.id)
        ]
        for kind, label, items in (
            ("pain", "Pain", m.pain_points),
            ("delight", "Delight", m.delight_points),
            ("moment", "Moment", m.moments_of_truth),
        ):
            found += [
                (f"{label} · {truncate(i.text, ITEM_CHARS)}{where}", f"{kind}:{i.id}")
                for i in items
                if i.stage_id == stage.id
            ]
    return [option(text, value) for text, value in found]


def evidence_modal(quoted: Quoted, m: JourneyMap) -> dict[str, Any]:
    preview = slack_escape(truncate(" ".join(quoted.text.split()), PREVIEW_CHARS))
    blocks: list[Block] = [section(f"> {preview}" if preview else "_A message without text._")]
    options = evidence_options(m)
    if options:
        blocks.append(select_input("item", "Evidence for", options, optional=False))
        if len(options) > OPTIONS:
            blocks.append(
                context(
                    f"_Only the first {OPTIONS} of {len(options)} items are listed; for the others "
                    "reply `evidence <item id>: …` in the thread._"
                )
            )
        blocks.append(
            select_input("level", "How strong is it? (optional)", [option(t, v) for v, t in LEVELS])
        )
    else:
        blocks.append(section("This map has nothing to attach evidence to yet."))
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": EVIDENCE_CALLBACK,
        "title": plain("Use as evidence", MODAL_TEXT),
        "close": plain("Cancel", MODAL_TEXT),
        "blocks": blocks,
        "private_metadata": quoted.metadata(),
    }
    if options:
        view["submit"] = plain("Add", MODAL_TEXT)
    return view


def message_text(text: str) -> str:
    return truncate(text, TEXT_CHARS)
