"""What the knowledge base hands to the rest of the bot."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel


class StoreLocation(BaseModel):
    """Where the vectors live: a local folder, or a Chroma server when `chroma_url` is set."""

    chroma_dir: Path
    chroma_url: str | None = None
    collection: str = "journey-guidance"


class Source(BaseModel):
    title: str
    author: str = ""


class Passage(BaseModel):
    """One retrieved piece of guidance, with the guide it came from."""

    guide_id: str
    title: str
    heading: str = ""
    text: str
    score: float = 0.0
    sources: list[Source] = []
    # Stable id of the chunk (a hash of guide id, heading and text): what `exclude` takes.
    key: str = ""


class GuideSummary(BaseModel):
    """One guide as stored: what `journeybot knowledge list` shows."""

    id: str
    title: str
    steps: list[str] = []
    tags: list[str] = []
    chunks: int = 0
    source_file: str = ""
    origin: str = ""


class Tip(BaseModel):
    """One short piece of guidance for a step (about 300 characters), with where to read more."""

    key: str
    guide_id: str
    title: str
    heading: str = ""
    text: str
    sources: list[Source] = []


AnswerStatus = Literal["answered", "outside", "unavailable"]


class Answer(BaseModel):
    """What the guidance says to a question.

    `answered`: `summary` holds the one to three sentences of the best section that answer it,
    `passages` the best section first, then any others that also matched well;
    `outside`: the question is not about journey mapping (chatter, other topics, requests);
    `unavailable`: the knowledge base could not be reached.
    """

    status: AnswerStatus
    summary: str = ""
    passages: list[Passage] = []
    # The summary is a language model's paraphrase of `passages` rather than their own words.
    paraphrased: bool = False

    @property
    def best(self) -> Passage | None:
        return self.passages[0] if self.passages else None

    @property
    def sources(self) -> list[Source]:
        seen: dict[tuple[str, str], Source] = {}
        for passage in self.passages[:1]:
            for source in passage.sources:
                seen.setdefault((source.title, source.author), source)
        return list(seen.values())


def source_line(sources: list[Source]) -> str:
    return "; ".join(f"{s.title} ({s.author})" if s.author else s.title for s in sources)
