"""Start-up stays light: heavy libraries load only when their feature runs.

Each command runs in a fresh interpreter, which then reports the top-level packages it imported.
(Timings are measured by bench/startup.py, not asserted here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
CRITIQUED = ROOT / "tests" / "critique" / "corpus" / "bank-account-opening.json"

# What each of these costs at import, measured on two cores: langchain with its providers ≈1.3 s,
# chromadb + onnxruntime ≈0.8 s, Alembic ≈0.5 s, openpyxl ≈0.4 s, matplotlib, fpdf2, python-docx.
HEAVY = {
    "alembic",
    "chromadb",
    "docx",
    "fpdf",
    "langchain",
    "langchain_anthropic",
    "langchain_chroma",
    "langchain_core",
    "langchain_ollama",
    "langchain_openai",
    "langchain_text_splitters",
    "matplotlib",
    "onnxruntime",
    "openpyxl",
}

REPORT_IMPORTS = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})),
                              file=sys.stderr))
from bot.cli import main
sys.exit(main(sys.argv[1:]))
"""


def top_level_imports(args: list[str], tmp_path: Path, stdin: str = "") -> set[str]:
    env = {**os.environ, "JOURNEYBOT_DATA_DIR": str(tmp_path), "LOG_LEVEL": "WARNING"}
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "JOURNEYBOT_LLM"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", REPORT_IMPORTS, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_help_loads_no_heavy_library_and_no_database(tmp_path: Path) -> None:
    loaded = top_level_imports(["--help"], tmp_path)
    assert "bot" in loaded
    light_only = HEAVY | {"sqlalchemy", "slack_bolt", "slack_sdk", "storage", "pydantic_settings"}
    assert not loaded & light_only  # not even the settings: they load after the arguments


def test_critique_of_a_json_file_loads_no_heavy_library(tmp_path: Path) -> None:
    loaded = top_level_imports(["critique", str(CRITIQUED)], tmp_path)
    assert "bot" in loaded
    assert not loaded & HEAVY


def test_the_chat_reaches_its_first_prompt_without_heavy_libraries(tmp_path: Path) -> None:
    loaded = top_level_imports(["chat", "--user", "tester"], tmp_path, stdin="")
    assert {"sqlalchemy", "storage", "alembic"} <= loaded  # it opened (and migrated) the store
    assert not loaded & (HEAVY - {"alembic"})
