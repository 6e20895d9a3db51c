"""The `journeybot` command (also `python -m bot`).

Each feature package owns its subcommands: it exposes ``register(subparsers)`` that adds its
parsers and sets ``handler`` (a function taking the parsed namespace, returning an exit code).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

# Before anything imports onnxruntime or chromadb: nothing may phone home.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bot.settings import get_settings  # noqa: E402

Registrar = Callable[[argparse._SubParsersAction], None]


def _registrars() -> list[Registrar]:
    from bot.critique import cli as critique_cli
    from bot.slack import cli as slack_cli
    from bot.terminal import cli as terminal_cli
    from knowledge import cli as knowledge_cli

    def knowledge_commands(subparsers: argparse._SubParsersAction) -> None:
        knowledge_cli.register(subparsers, lambda: get_settings().knowledge_location)

    return [
        terminal_cli.register,
        slack_cli.register,
        critique_cli.register,
        knowledge_commands,
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
    settings = get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    return int(handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
