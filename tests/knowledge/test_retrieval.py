from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase, store_factory
from knowledge.embeddings import shared_embeddings
from knowledge.store import GuidanceStore
from knowledge.trim import fit_passages, rendered_size, trim_text
from knowledge.types import Passage, Source

from .conftest import FIXTURE_GUIDES, make_kb, make_settings


def test_tips_come_from_guides_for_that_step(built_kb: KnowledgeBase) -> None:
    tips = built_kb.tips("personas", k=2)
    assert tips and {t.guide_id for t in tips} == {"personas"}
    assert all(t.key for t in tips)
    assert built_kb.tips("emotions", k=1)[0].guide_id == "emotions"


def test_tips_follow_the_maps_context(built_kb: KnowledgeBase) -> None:
    b2b = built_kb.tips("stages", context="B2B SaaS onboarding", k=1)
    b2c = built_kb.tips("stages", context="online shoe shop: buying and returning trainers", k=1)
    assert b2b[0].guide_id == "stages-b2b"
    assert b2c[0].guide_id == "stages-b2c"


def test_tips_skip_what_was_already_shown(built_kb: KnowledgeBase) -> None:
    first = built_kb.tips("stages", context="B2B SaaS onboarding", k=1)[0]
    second = built_kb.tips("stages", context="B2B SaaS onboarding", exclude={first.key}, k=1)[0]
    assert second.key != first.key
    legacy = {f"{first.guide_id}#{first.heading}"}  # the engine's fallback key
    assert built_kb.tips("stages", "B2B SaaS onboarding", legacy, k=1)[0].key != first.key


def test_unknown_step_has_no_tips(built_kb: KnowledgeBase) -> None:
    assert built_kb.tips("dancing") == []


def test_answer_names_its_sources(built_kb: KnowledgeBase) -> None:
    passages = built_kb.answer("can we start from a proto persona based on assumptions?")
    assert passages[0].guide_id == "personas"
    assert passages[0].heading == "One persona per map > Proto-personas"
    assert passages[0].sources == [Source(title="Just Enough Research", author="Erika Hall")]
    assert "proto-persona" in passages[0].text.lower()


def test_answer_fits_a_slack_message(built_kb: KnowledgeBase) -> None:
    passages = built_kb.answer(
        "what evidence do we need for the emotions on the map", k=3, max_chars=700
    )
    assert passages and sum(rendered_size(p) for p in passages) <= 700


def test_nothing_relevant_gives_no_answer(built_kb: KnowledgeBase) -> None:
    assert built_kb.answer("how do I bake sourdough bread at home") == []
    assert built_kb.answer("   ") == []


def test_search_returns_one_passage_per_guide(built_kb: KnowledgeBase) -> None:
    results = built_kb.search("stages of the journey", k=3)
    assert len({p.guide_id for p in results}) == len(results) == 3


class _BrokenStore:
    def __getattr__(self, name: str) -> object:
        raise ConnectionError("chroma is down")


def test_store_failure_gives_empty_results_not_exceptions(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def unreachable() -> GuidanceStore:
        raise ConnectionError("could not connect to chroma")

    kb = KnowledgeBase(unreachable, guides_dir=FIXTURE_GUIDES)
    with caplog.at_level(logging.ERROR, logger="knowledge.base"):
        assert kb.tips("stages", "B2B") == []
        assert kb.answer("how many personas?") == []
    assert "could not connect" in caplog.text
    with pytest.raises(ConnectionError):
        kb.search("personas")


def test_store_failing_mid_query_gives_empty_results(tmp_path: Path) -> None:
    kb = make_kb(make_settings(tmp_path), FIXTURE_GUIDES)
    assert kb.tips("stages")
    store, retriever = kb._ready()
    retriever._store = _BrokenStore()  # type: ignore[assignment]
    retriever.invalidate()
    assert kb.tips("stages") == [] and kb.answer("how many personas?") == []


def test_trim_cuts_at_a_sentence_and_keeps_order() -> None:
    text = "First sentence here. Second sentence is longer than the first one. Third."
    assert trim_text(text, 40) == "First sentence here."
    assert trim_text("word " * 50, 30).endswith("…")
    long = Passage(guide_id="g", title="T", text="Sentence. " * 200)
    short = Passage(guide_id="h", title="U", text="Short.")
    fitted = fit_passages([short, long], 600)
    assert [p.guide_id for p in fitted] == ["h", "g"]
    assert sum(rendered_size(p) for p in fitted) <= 600
    assert fit_passages([long], 100)[0].text  # the best passage always shows something


def test_warm_up_builds_in_the_background(tmp_path: Path) -> None:
    kb = make_kb(make_settings(tmp_path), FIXTURE_GUIDES)
    thread = kb.warm_up()
    assert thread is not None
    thread.join(timeout=60)
    assert kb._store is not None and kb._store.count() > 0


def test_warm_up_failure_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    def unreachable() -> GuidanceStore:
        raise ConnectionError("down")

    KnowledgeBase(unreachable, guides_dir=FIXTURE_GUIDES).warm_up(background=False)
    assert "warm-up failed" in caplog.text


def test_first_turn_does_not_wait_for_the_build(tmp_path: Path) -> None:
    embeddings = shared_embeddings()
    release = threading.Event()
    opened: list[GuidanceStore] = []

    def slow_store() -> GuidanceStore:
        release.wait(timeout=60)  # the build cannot start until the test says so
        opened.append(store_factory(make_settings(tmp_path), embeddings)())
        return opened[-1]

    kb = KnowledgeBase(slow_store, embeddings, FIXTURE_GUIDES, background_build=True)
    interim = kb.tips("stages", context="B2B SaaS onboarding", k=1)
    assert interim[0].guide_id == "stages-b2b"  # BM25 over the guides folder meanwhile
    release.set()
    assert kb._builder is not None
    kb._builder.join(timeout=60)
    assert opened and kb.tips("stages", context="B2B SaaS onboarding", k=1)[0].key == interim[0].key
