"""`journeybot chat` as a real subprocess fed from stdin, then what it saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ANSWERS = """Mortgage buyers
objective: Halve drop-out
scenario: A couple buys a first flat

next
name: Maya
goals: a flat near work
source: interviews

next
Dream, Compare, Apply

next
Apply > Online form (web) | owner: Ops
Compare > Rates page (website) | owner: Digital

Checkout > Typo

show map
undo
quit
"""


def run_cli(args: list[str], data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "JOURNEYBOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    env.pop("SLACK_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_chat_builds_and_saves_a_map(tmp_path: Path) -> None:
    done = run_cli(["chat", "--user", "tester"], tmp_path, ANSWERS)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Started Mortgage buyers" in out
    assert "✓ persona Maya" in out and "✓ stage Apply" in out
    assert "✓ touchpoint Rates page (website) in Compare" in out
    assert "There is no stage 'Checkout'" in out and "Try: `Dream > Typo`" in out
    assert "| Apply" in out and "Online form (website)" in out  # the map shows as a table
    assert "Undone" in out and "Saved. Bye!" in out

    listing = run_cli(["maps", "list"], tmp_path)
    assert "Mortgage buyers" in listing.stdout
    map_id = listing.stdout.split()[0]
    shown = json.loads(run_cli(["maps", "show", map_id, "--json"], tmp_path).stdout)
    assert [s["name"] for s in shown["stages"]] == ["Dream", "Compare", "Apply"]
    assert shown["touchpoints"] == []  # the last change (the touchpoints) was undone
    assert shown["personas"][0]["goals"] == ["a flat near work"]
    assert {c["user"] for c in shown["contributors"]} == {"tester"}
    history = run_cli(["maps", "history", map_id], tmp_path).stdout
    assert "undid the change" in history


def test_chat_resumes_an_existing_map(tmp_path: Path) -> None:
    run_cli(["chat"], tmp_path, "Support journey\nobjective: Faster fixes\n\nquit\n")
    resumed = run_cli(["chat"], tmp_path, "1\nshow map\nquit\n")
    assert "Resuming Support journey" in resumed.stdout
    assert "Objective: Faster fixes" in resumed.stdout


def test_schema_command_prints_the_json_schema(tmp_path: Path) -> None:
    schema = json.loads(run_cli(["schema"], tmp_path).stdout)
    assert schema["title"] == "JourneyMap" and "touchpoints" in schema["properties"]


def test_unknown_map_id_is_a_clear_error(tmp_path: Path) -> None:
    done = run_cli(["maps", "show", "nope"], tmp_path)
    assert done.returncode == 1 and "maps list" in done.stderr


TEAM_FEATURES = """Support journey
stage: Notice, Contact

go to touchpoints
Contact > Help line (phone) | owner: Support | source: 2026 call logs

go to emotions
vote Contact -2
vote Contact 1 because the wait is short now
settle Contact
evidence tp-3: quote "I waited forty minutes"
summary
future state
show map
quit
"""


def test_team_features_in_the_terminal(tmp_path: Path) -> None:
    done = run_cli(["chat", "--user", "ana"], tmp_path, TEAM_FEATURES)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "Contact: 1 vote(s), mean +1.0" in out  # one person, one vote: the second replaced it
    assert "settled Contact at +1 because the wait is short now" in out
    assert "evidence on touchpoint tp-3 (observed)" in out  # call logs were already observed
    assert "Lows of the emotion curve" in out
    assert "Future state of Support journey" in out
    listing = run_cli(["maps", "list"], tmp_path).stdout
    assert "Support journey (future state)" in listing and listing.count("Support journey") == 2


def test_maps_export_writes_the_files(tmp_path: Path) -> None:
    run_cli(["chat"], tmp_path, "Support journey\nstage: Notice, Contact\n\nquit\n")
    map_id = run_cli(["maps", "list"], tmp_path).stdout.split()[0]
    out = tmp_path / "out"
    done = run_cli(
        ["maps", "export", map_id, "-f", "json,md", "-f", "cjml", "--out", str(out)], tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "support-journey.json",
        "support-journey.md",
        "support-journey.xml",
    ]
    assert json.loads((out / "support-journey.json").read_text())["title"] == "Support journey"
    bad = run_cli(["maps", "export", map_id, "-f", "gif", "--out", str(out)], tmp_path)
    assert bad.returncode == 2 and "Choose one of" in bad.stderr


def test_maps_export_adds_the_critique_only_when_asked(tmp_path: Path) -> None:
    run_cli(["chat"], tmp_path, "Support journey\nstage: Notice, Contact\n\nquit\n")
    map_id = run_cli(["maps", "list"], tmp_path).stdout.split()[0]
    plain, critiqued = tmp_path / "plain", tmp_path / "critiqued"
    run_cli(["maps", "export", map_id, "-f", "md", "--out", str(plain)], tmp_path)
    done = run_cli(
        ["maps", "export", map_id, "-f", "md,pdf", "--with-critique", "--out", str(critiqued)],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "INFO" not in done.stderr  # no font or plotting library chatter
    assert "Critique scorecard" not in (plain / "support-journey.md").read_text()
    assert "Critique scorecard" in (critiqued / "support-journey.md").read_text()


def test_quit_at_the_title_prompt_makes_no_map_and_commands_work_on_any_line(
    tmp_path: Path,
) -> None:
    done = run_cli(["chat"], tmp_path, "quit\n")
    assert done.returncode == 0 and "empty line" in done.stdout
    assert "No maps yet" in run_cli(["maps", "list"], tmp_path).stdout
    typed = "Trial\nobjective: more renewals\nnext\nshow map\nquit\n"
    chatted = run_cli(["chat"], tmp_path, typed).stdout
    assert "✓ objective: more renewals" in chatted and "Step 2/7" in chatted
    assert "objective: more renewals\nnext" not in chatted
