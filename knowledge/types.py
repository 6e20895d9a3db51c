"""What the knowledge base hands to the rest of the bot."""

from __future__ import annotations

from pydantic import BaseModel


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
