"""The test tiers mark themselves (tests/conftest.py): each test here checks its own markers."""

from __future__ import annotations

import subprocess
import sys

import pytest


def markers(request: pytest.FixtureRequest) -> set[str]:
    return {mark.name for mark in request.node.iter_markers()} & {"slow", "postgres"}


def _run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def test_a_plain_test_is_in_the_fast_tier(request: pytest.FixtureRequest) -> None:
    assert markers(request) == set()


def test_a_test_whose_helper_spawns_a_process_is_slow(request: pytest.FixtureRequest) -> None:
    assert markers(request) == {"slow"}
    assert _run_python("print(6 * 7)").strip() == "42"


def test_the_database_parameter_decides_the_postgres_marker(
    request: pytest.FixtureRequest, database_url: str
) -> None:
    on_postgres = database_url.startswith("postgresql")
    assert markers(request) == ({"postgres"} if on_postgres else set())
