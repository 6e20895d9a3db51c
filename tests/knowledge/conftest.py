"""Knowledge base fixtures: a small guides folder of our own and stores in temporary dirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase, store_factory
from knowledge.embeddings import shared_embeddings
from knowledge.types import StoreLocation

DATA = Path(__file__).parent / "data"
FIXTURE_GUIDES = DATA / "guides"


def make_location(data_dir: Path, chroma_url: str | None = None) -> StoreLocation:
    return StoreLocation(chroma_dir=data_dir / "chroma", chroma_url=chroma_url)


def make_kb(location: StoreLocation, guides_dir: Path) -> KnowledgeBase:
    embeddings = shared_embeddings()
    return KnowledgeBase(store_factory(location, embeddings), embeddings, guides_dir=guides_dir)


@pytest.fixture
def guides_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture guides."""
    target = tmp_path / "guides"
    shutil.copytree(FIXTURE_GUIDES, target)
    return target


@pytest.fixture
def location(tmp_path: Path) -> StoreLocation:
    return make_location(tmp_path / "data")


@pytest.fixture
def kb(location: StoreLocation, guides_dir: Path) -> KnowledgeBase:
    return make_kb(location, guides_dir)


@pytest.fixture(scope="module")
def built_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """Built once per module from the fixture guides; for tests that only read."""
    root = tmp_path_factory.mktemp("kb")
    return make_kb(make_location(root / "data"), FIXTURE_GUIDES)
