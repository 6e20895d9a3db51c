"""Rules cite guidance that exists; titles come from the guides' front-matter."""

from __future__ import annotations

import pytest

from bot.critique import RULES
from bot.critique.guides import GUIDES_DIR, guide_exists, guide_ref

HAS_GUIDES = GUIDES_DIR.is_dir() and any(GUIDES_DIR.glob("*.md"))


@pytest.mark.skipif(not HAS_GUIDES, reason="knowledge/guides/ has no guides yet")
def test_every_cited_guide_exists() -> None:
    cited = {guide for rule in RULES for guide in rule.guides}
    missing = sorted(g for g in cited if not guide_exists(g))
    assert not missing, f"rules cite guides that are not in {GUIDES_DIR}: {missing}"


@pytest.mark.skipif(not HAS_GUIDES, reason="knowledge/guides/ has no guides yet")
def test_titles_come_from_the_front_matter() -> None:
    ref = guide_ref("scope-and-objective")
    assert ref.guide_id == "scope-and-objective"
    assert ref.title and ref.title != ref.guide_id


def test_a_missing_guide_falls_back_to_its_id() -> None:
    assert guide_ref("no-such-guide").title == "no-such-guide"
