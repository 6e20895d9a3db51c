"""The team deployment: a real Chroma server on loopback, reached through chromadb.HttpClient."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.base import open_knowledge_base

from .conftest import FIXTURE_GUIDES, make_kb, make_location


def _chroma_cli() -> str | None:
    beside = Path(sys.executable).parent / "chroma"
    return str(beside) if beside.exists() else shutil.which("chroma")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chroma exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"chroma did not answer at {url} within {timeout}s")


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    cli = _chroma_cli()
    if cli is None:
        if os.environ.get("CI"):
            pytest.fail("the chroma CLI (installed with chromadb) is missing, and CI must test it")
        pytest.skip("the chroma CLI is not installed (it ships with chromadb)")
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    process = subprocess.Popen(
        [cli, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_knowledge_base_on_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    location = make_location(tmp_path / "data", chroma_url=chroma_url)
    kb = make_kb(location, FIXTURE_GUIDES)
    assert {g.id for g in kb.list_guides()} == {"emotions", "personas", "stages-b2b", "stages-b2c"}
    tip = kb.tip("stages", "B2B SaaS onboarding")
    assert tip is not None and tip.guide_id == "stages-b2b"
    assert not location.chroma_dir.exists()  # nothing local: the server holds the vectors

    replica = make_kb(location, FIXTURE_GUIDES)  # a second process of the same deployment
    answer = replica.ask("can we use a proto-persona?")
    assert answer.best is not None and answer.best.guide_id == "personas"
    assert replica.ingest().added == 0


def test_unreachable_server_degrades_to_no_tips(tmp_path: Path) -> None:
    location = make_location(tmp_path, chroma_url=f"http://127.0.0.1:{_free_port()}")
    kb = open_knowledge_base(location)
    kb.warm_up(background=False)  # the build fails: the server is not there
    assert kb.tip("stages") is None
    assert kb.ask("how many personas?").status == "unavailable"
