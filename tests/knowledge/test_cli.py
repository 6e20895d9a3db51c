from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bot import cli as bot_cli
from bot.settings import get_settings
from knowledge import KnowledgeBase
from knowledge import cli as knowledge_cli
from knowledge import guides as guides_module

from .conftest import make_kb, make_location


@pytest.fixture
def kb(tmp_path: Path, guides_dir: Path, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    base = make_kb(make_location(tmp_path / "data"), guides_dir)
    monkeypatch.setattr(knowledge_cli, "_open", lambda args: base)
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
    assert "more: journeybot knowledge show " in out

    assert bot_cli.main(["knowledge", "list"]) == 0
    listing = capsys.readouterr().out
    assert "stages-b2b  Stages for a B2B buying journey  [stages]  2 chunks" in listing
    assert "renewals" in listing


def test_search_says_when_nothing_is_relevant(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bot_cli.main(["knowledge", "search", "what's the weather in Lisbon tomorrow?"]) == 0
    assert capsys.readouterr().out.strip() == knowledge_cli.NOTHING_RELEVANT


def test_search_json_has_guide_heading_text_and_score(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bot_cli.main(["knowledge", "search", "proto persona from assumptions", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results[0]["guide_id"] == "personas"
    assert results[0]["heading"] == "One persona per map > Proto-personas"
    assert "proto-persona" in results[0]["text"] and 0 < results[0]["score"] <= 2
    assert bot_cli.main(["knowledge", "search", "give me a discount code", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_show_prints_a_guide_as_plain_text(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bot_cli.main(["knowledge", "show", "emotions"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CAPTURING EMOTIONS") and "Peaks and lows" in out
    assert "**" not in out
    assert bot_cli.main(["knowledge", "show", "nothing-here"]) == 1


def test_ingest_reports_unreadable_empty_and_oversized_files(
    kb: KnowledgeBase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: a: b\n---\nbody")
    assert bot_cli.main(["knowledge", "ingest", str(bad)]) == 1
    assert "skipped: bad.md" in capsys.readouterr().err

    empty = tmp_path / "scan.txt"
    empty.write_text("   \n")
    assert bot_cli.main(["knowledge", "ingest", str(empty)]) == 0
    assert "warning: scan.txt: no text found" in capsys.readouterr().err

    monkeypatch.setattr(guides_module, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "manual.md"
    big.write_text("A sentence about journeys. " * 60_000)
    assert bot_cli.main(["knowledge", "ingest", str(big)]) == 1
    err = capsys.readouterr().err
    assert "manual.md is 1.5 MB, over the 1 MB limit: split it into smaller files" in err


def test_ingest_shows_progress(
    kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    playbook = tmp_path / "playbook.md"
    playbook.write_text(
        "\n\n".join(
            f"## Part {n}\n\nAdvice number {n}: onboarding goes better when the first week "
            "has one named contact."
            for n in range(70)
        )
    )
    assert bot_cli.main(["knowledge", "ingest", str(playbook)]) == 0
    err = capsys.readouterr().err
    assert "Embedding: 0/70 sections" in err and "Embedding: 70/70 sections" in err


def test_the_command_reads_the_store_location_from_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYBOT_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        args = bot_cli.build_parser().parse_args(["knowledge", "list"])
        assert isinstance(args, argparse.Namespace)
        assert args.knowledge_location().chroma_dir == tmp_path / "chroma"
        assert isinstance(knowledge_cli._open(args), KnowledgeBase)
        assert not (tmp_path / "chroma").exists()  # nothing opened until a command runs
    finally:
        get_settings.cache_clear()
