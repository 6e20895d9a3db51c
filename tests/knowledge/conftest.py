"""Knowledge base fixtures: a small guides folder of our own and stores in temporary dirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.settings import Settings
from knowledge.base import KnowledgeBase, store_factory
from knowledge.embeddings import shared_embeddings

DATA = Path(__file__).parent / "data"
FIXTURE_GUIDES = DATA / "guides"


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    fields: dict[str, object] = {"journeybot_data_dir": data_dir, "chroma_url": None, **overrides}
    return Settings(**fields)  # type: ignore[arg-type]


def make_kb(settings: Settings, guides_dir: Path) -> KnowledgeBase:
    embeddings = shared_embeddings()
    return KnowledgeBase(store_factory(settings, embeddings), embeddings, guides_dir=guides_dir)


@pytest.fixture
def guides_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture guides."""
    target = tmp_path / "guides"
    shutil.copytree(FIXTURE_GUIDES, target)
    return target


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture
def kb(settings: Settings, guides_dir: Path) -> KnowledgeBase:
    return make_kb(settings, guides_dir)


@pytest.fixture(scope="module")
def built_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """Built once per module from the fixture guides; for tests that only read."""
    root = tmp_path_factory.mktemp("kb")
    return make_kb(make_settings(root / "data"), FIXTURE_GUIDES)
