"""What a file says before it becomes a map: stages with their touchpoints and lanes, and what
the lines above the table say about the map."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.critique.imports.emotions import Scale


@dataclass
class TouchpointDraft:
    description: str
    channel: str = ""
    action: str = ""
    thought: str = ""
    owner: str = ""


@dataclass
class Anchor:
    """A pain, delight or moment of truth; `touchpoint` indexes the stage's touchpoints."""

    text: str
    touchpoint: int | None = None


@dataclass
class StageDraft:
    name: str
    descriptions: list[str] = field(default_factory=list)
    touchpoints: list[TouchpointDraft] = field(default_factory=list)
    emotions: list[str] = field(default_factory=list)
    emotion_labels: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    pains: list[Anchor] = field(default_factory=list)
    delights: list[Anchor] = field(default_factory=list)
    moments: list[Anchor] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    kpis: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # research named for the stage's items


@dataclass
class PersonaDraft:
    name: str
    goals: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    frustrations: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class Preamble:
    title: str = ""
    scope: dict[str, str] = field(default_factory=dict)
    owner: str = ""
    personas: list[PersonaDraft] = field(default_factory=list)
    kpis: list[str] = field(default_factory=list)
    scale: Scale | None = None

    def persona(self, name: str) -> PersonaDraft:
        """The persona of that name, added when new."""
        for persona in self.personas:
            if persona.name.casefold() == name.casefold():
                return persona
        self.personas.append(PersonaDraft(name=name))
        return self.personas[-1]

    def current_persona(self) -> PersonaDraft:
        """Where 'Goals:' and 'Source:' go: the last persona named, or one still unnamed."""
        return self.personas[-1] if self.personas else self.persona("")


def align(
    names: list[str],
    channels: list[str],
    actions: list[str],
    thoughts: list[str],
    owners: list[str],
) -> list[TouchpointDraft]:
    """Touchpoints from the items of one cell each: the n-th channel, action, thought and owner
    go with the n-th touchpoint, extras join the last one, and a single channel or owner applies
    to all. With no touchpoint named, what the customer does (or else the channels) names them."""
    drafts = [TouchpointDraft(description=n) for n in names or actions or channels]
    for attribute, values in (
        ("channel", channels),
        ("action", actions),
        ("thought", thoughts),
        ("owner", owners),
    ):
        _spread(drafts, attribute, values)
    return drafts


def _spread(drafts: list[TouchpointDraft], attribute: str, values: list[str]) -> None:
    if not drafts or not values:
        return
    if len(values) == 1 and attribute in ("channel", "owner"):
        for draft in drafts:
            setattr(draft, attribute, values[0])
        return
    for i, value in enumerate(values):
        draft = drafts[min(i, len(drafts) - 1)]
        current = getattr(draft, attribute)
        setattr(draft, attribute, f"{current}; {value}" if current else value)
