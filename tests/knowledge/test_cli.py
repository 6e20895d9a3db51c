from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli as bot_cli
from bot.settings import get_settings
from knowledge import KnowledgeBase
from knowledge import cli as knowledge_cli

from .conftest import make_kb, make_settings


@pytest.fixture
def kb(tmp_path: Path, guides_dir: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    base = make_kb(make_settings(tmp_path / "data"), guides_dir)
    monkeypatch.setattr(knowledge_cli, "_open", lambda: base)
    return base


def test_ingest_search_and_list(
    kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    playbook = tmp_path / "renewals.txt"
    playbook.write_text("Open renewal talks ninety days before the contract ends.")
    assert bot_cli.main(["knowledge", "ingest", str(playbook)]) == 0
    assert "1 guides: 1 chunks embedded" in capsys.readouterr().out

    assert bot_cli.main(["knowledge", "search", "when do renewal talks start?", "-k", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. [renewals]") and "ninety days" in out

    assert bot_cli.main(["knowledge", "list"]) == 0
    listing = capsys.readouterr().out
    assert "stages-b2b  Stages for a B2B buying journey  [stages]  2 chunks" in listing
    assert "renewals" in listing


def test_ingest_reports_unreadable_files(
    kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: a: b\n---\nbody")
    assert bot_cli.main(["knowledge", "ingest", str(bad)]) == 1
    assert "skipped: bad.md" in capsys.readouterr().err


def test_open_uses_the_settings_and_loads_nothing_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYBOT_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        kb = knowledge_cli._open()
        assert isinstance(kb, KnowledgeBase)
        assert not (tmp_path / "chroma").exists()
    finally:
        get_settings.cache_clear()
