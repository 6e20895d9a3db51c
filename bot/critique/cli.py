"""`journeybot critique FILE [--json]`: import a map made elsewhere and critique it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The critique, the importers and the renderer load when the command runs, not for --help.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "critique",
        help="Critique a journey map file (Markdown table, CSV, XLSX or JourneyBot JSON).",
    )
    parser.add_argument("file", type=Path, help="The map to critique.")
    parser.add_argument("--json", action="store_true", help="Print the critique as JSON.")
    parser.set_defaults(handler=_critique)


def _critique(args: argparse.Namespace) -> int:
    from bot.critique.critic import critique
    from bot.critique.imports import ImportProblem, import_map
    from bot.critique.render import render_text

    try:
        journey_map = import_map(_read(args.file), args.file.name)
    except ImportProblem as problem:
        print(problem.message, file=sys.stderr)
        return 1
    result = critique(journey_map)
    print(result.model_dump_json(indent=2) if args.json else render_text(result))
    return 0


def _read(path: Path) -> bytes:
    """The file's bytes; a file over the limit is refused before it is read."""
    from bot.critique.imports import MAX_BYTES, ImportProblem, too_big

    try:
        if path.stat().st_size > MAX_BYTES:
            raise too_big()
        return path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"I could not read {path}: {exc.strerror or exc}.") from exc
