"""`journeybot critique FILE [--json]`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.samples import sample_map


def test_critique_prints_the_text_rendering(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "journey.csv"
    path.write_text("Stage,Notice,Call,Fix\nTouchpoints,Router light,Hotline,Engineer visit\n")
    assert main(["critique", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("What I read (CSV (,), stages across the top): 0 personas, 3 stages")
    assert "Critique of 'Journey': " in out
    assert "[blocker] No objective (no-objective): Scope: objective" in out
    assert "add --save to keep the map" in out


def test_critique_as_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "map.json"
    path.write_text(sample_map().model_dump_json())
    assert main(["critique", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"findings", "scorecard", "overall"} <= set(data)
    assert data["title"] == "First-time mortgage buyers"


def test_an_import_problem_is_explained_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert main(["critique", str(path)]) == 1
    assert "The file is empty" in capsys.readouterr().err
    assert main(["critique", str(tmp_path / "missing.csv")]) == 1
    assert "could not read" in capsys.readouterr().err


def test_save_keeps_the_imported_map_so_the_ids_in_the_fixes_exist(tmp_path: Path) -> None:
    path = tmp_path / "repair.md"
    path.write_text(
        "Objective: Fewer missed repairs\n\n"
        "| Stage | Notice | Report | Repair |\n|---|---|---|---|\n"
        "| Touchpoints | Cold shower | Repair form (web) | Engineer visit |\n"
    )
    env = {**os.environ, "JOURNEYBOT_DATA_DIR": str(tmp_path / "data"), "LOG_LEVEL": "WARNING"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    done = run("critique", str(path), "--save", "--all", "--user", "tester")
    assert done.returncode == 0, done.stderr
    saved = re.search(r"Saved as map (\w+)", done.stdout)
    assert saved is not None
    ids = set(re.findall(r"`edit (tp-\d+) ", done.stdout))
    assert ids
    shown = run("maps", "show", saved[1], "--json")
    m = json.loads(shown.stdout)
    assert ids <= {t["id"] for t in m["touchpoints"]}
    assert m["contributors"][-1]["summary"] == "imported the map from repair.md"
    assert saved[1] in run("maps", "list").stdout
