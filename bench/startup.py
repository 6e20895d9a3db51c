"""Start-up times of the command line, each in a fresh process, start-up included:
`journeybot --help`, the terminal chat until its first prompt, and `journeybot critique FILE`
(a map from the critique corpus). Prints the median and the best of --runs.
Targets: --help < 0.4 s, the chat's first prompt < 1.5 s, critique FILE < 1.5 s.
Usage: python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRITIQUED = ROOT / "tests" / "critique" / "corpus" / "bank-account-opening.json"
FIRST_PROMPT = b"title> "


def environment(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "JOURNEYBOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "JOURNEYBOT_LLM"):
        env.pop(name, None)
    return env


def run_to_exit(args: list[str], data_dir: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def chat_first_prompt(data_dir: Path) -> float:
    """From spawning `journeybot chat` to its title prompt on stdout."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--user", "bench"],
        env=environment(data_dir),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None and process.stdin is not None
    seen = b""
    while FIRST_PROMPT not in seen:
        chunk = process.stdout.read1(4096)
        if not chunk:
            raise RuntimeError(f"the chat ended before its first prompt: {seen[-200:]!r}")
        seen += chunk
    elapsed = time.perf_counter() - started
    process.stdin.close()
    process.wait(timeout=30)
    return elapsed


def report(name: str, target: float, measure: Callable[[], float], runs: int) -> None:
    measure()  # a first run warms the file cache and writes .pyc files
    times = [measure() for _ in range(runs)]
    median = statistics.median(times)
    verdict = "ok" if median < target else "OVER"
    print(
        f"{name:<28} median {median:.3f} s  best {min(times):.3f} s  target < {target} s  {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        report("journeybot --help", 0.4, lambda: run_to_exit(["--help"], data_dir), runs)
        report("chat: first prompt", 1.5, lambda: chat_first_prompt(data_dir), runs)
        critique = ["critique", str(CRITIQUED)]
        report("journeybot critique FILE", 1.5, lambda: run_to_exit(critique, data_dir), runs)


if __name__ == "__main__":
    main()
