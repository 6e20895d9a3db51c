"""The `journeybot` command (also `python -m bot`).

Each feature package owns its subcommands: it exposes ``register(subparsers)`` that adds its
parsers and sets ``handler`` (a function taking the parsed namespace, returning an exit code).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.types import StoreLocation

# Before anything imports onnxruntime or chromadb: nothing may phone home.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

Registrar = Callable[[argparse._SubParsersAction], None]


def _knowledge_commands(subparsers: argparse._SubParsersAction) -> None:
    from knowledge import cli as knowledge_cli

    def location() -> StoreLocation:
        from bot.settings import get_settings

        return get_settings().knowledge_location

    knowledge_cli.register(subparsers, location)


def _registrars() -> list[Registrar]:
    from bot.critique import cli as critique_cli
    from bot.slack import cli as slack_cli
    from bot.terminal import cli as terminal_cli

    return [
        terminal_cli.register,
        slack_cli.register,
        critique_cli.register,
        _knowledge_commands,
    ]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeybot",
        description="Build, critique and export customer journey maps, in Slack or here.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrars():
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # `--help` and usage errors end here, before any settings
    from bot.logs import configure_logging
    from bot.settings import get_settings

    configure_logging(get_settings().log_level)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    return int(handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
