"""The packages stand in layers: storage imports nothing from the bot, the engine nothing from
Slack or the terminal. Read from the source, so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[1]


def imported_modules(package: str) -> dict[str, set[str]]:
    """For each module of the package: every module it imports, anywhere in the file."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    """Modules of the package that import a forbidden module or anything inside it."""

    def is_forbidden(name: str) -> bool:
        return any(name == f or name.startswith(f + ".") for f in forbidden)

    found = {
        module: sorted(filter(is_forbidden, names))
        for module, names in imported_modules(package).items()
    }
    return {module: names for module, names in found.items() if names}


def test_storage_imports_nothing_from_the_bot() -> None:
    assert offenders("storage", ("bot",)) == {}


def test_the_engine_imports_nothing_from_slack_or_the_terminal() -> None:
    assert offenders("bot/engine", ("slack_bolt", "slack_sdk", "bot.slack", "bot.terminal")) == {}
