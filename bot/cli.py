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


def _knowledge_commands(subparsers: argparse._SubParsersAction) -> None:
    from knowledge import cli as knowledge_cli

    knowledge_cli.register(subparsers, lambda: get_settings().knowledge_location)


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


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeybot",
        description="Build, critique and export customer journey maps, in Slack or here.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    # `journeybot knowledge …` loads only its own commands: the Slack and LLM stacks the others
    # import would double the start-up time of a one-off search.
    only_knowledge = bool(argv) and list(argv or [])[0] == "knowledge"
    for register in [_knowledge_commands] if only_knowledge else _registrars():
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    settings = get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    return int(handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
