"""Shared fixtures (a fresh store on SQLite and, for real, on PostgreSQL) and the test tiers.

Two markers are applied automatically, so nobody has to remember them:
- ``postgres``: the test runs on PostgreSQL (it uses ``postgres_url``, or ``database_url`` /
  ``store`` parametrised onto PostgreSQL).
- ``slow``: the test spawns a process (its code, a helper of its module or one of its fixtures
  calls ``subprocess``) or starts loopback servers (the Slack harness, the OpenAI stub).
``make test-fast`` deselects both; ``make test`` runs everything.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import types
import uuid
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa

from bot.model import JourneyMap
from storage import MapStore, create_db_engine

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

# Fixtures that start loopback servers: MockSlack (and the app on top of it), the OpenAI stub.
SERVER_FIXTURES = frozenset({"slack", "bot", "stub"})

POSTGRES_URL = os.environ.get(
    "JOURNEYBOT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_reachable() -> bool:
    try:
        engine = sa.create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    reachable = _postgres_reachable()
    if not reachable and os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL}, and CI must test it.")
    return reachable


@pytest.fixture
def postgres_url(postgres_available: bool) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if not postgres_available:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} (CI is not set)")
    schema = f"jb_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'journeybot.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def store(database_url: str) -> Iterator[MapStore]:
    engine = create_db_engine(database_url)
    yield MapStore(engine, JourneyMap.model_validate_json)
    engine.dispose()


def _spawns_a_process(func: Callable[..., object]) -> bool:
    """Whether ``func``, or a function of its module it calls, uses ``subprocess``."""
    module = inspect.getmodule(func)
    namespace = vars(module) if module else {}
    seen: set[types.CodeType] = set()

    def visit(code: types.CodeType) -> bool:
        if code in seen:
            return False
        seen.add(code)
        for name in code.co_names:
            value = namespace.get(name)
            if value is subprocess:
                return True
            local = inspect.isfunction(value) and value.__module__ == func.__module__
            if local and visit(value.__code__):
                return True
        nested = (const for const in code.co_consts if isinstance(const, types.CodeType))
        return any(visit(inner) for inner in nested)

    code = getattr(inspect.unwrap(func), "__code__", None)
    return code is not None and visit(code)


def _on_postgres(item: pytest.Function) -> bool:
    if "postgres_url" in item.fixturenames:
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("database_url") == "postgres"


def _is_slow(item: pytest.Function) -> bool:
    if SERVER_FIXTURES & set(item.fixturenames):
        return True
    fixture_funcs = [
        definition.func
        for definitions in item._fixtureinfo.name2fixturedefs.values()
        for definition in definitions
    ]
    return any(_spawns_a_process(func) for func in [item.function, *fixture_funcs])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        if _on_postgres(item):
            item.add_marker(pytest.mark.postgres)
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)
