"""Guidance references: a guide id and the title from its front-matter in knowledge/guides/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from bot.critique.findings import GuideRef

GUIDES_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "guides"


@cache
def guide_ref(guide_id: str) -> GuideRef:
    """The guide's title from its front-matter; its id when the file is missing or unreadable."""
    return GuideRef(guide_id=guide_id, title=_title(GUIDES_DIR / f"{guide_id}.md") or guide_id)


def guide_exists(guide_id: str) -> bool:
    return (GUIDES_DIR / f"{guide_id}.md").is_file()


def _title(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    if not text.startswith("---"):
        return ""
    front, _, _ = text[3:].partition("\n---")
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return ""
    title = meta.get("title") if isinstance(meta, dict) else None
    return title.strip() if isinstance(title, str) else ""
