"""`journeybot critique FILE [--json] [--all] [--save]`: import a map made elsewhere, say what
was read, and critique it; `--save` keeps it among the terminal's maps, so the ids in the
fixes exist and `journeybot chat` can carry on with it."""

from __future__ import annotations

import argparse
import getpass
import sys
import uuid
from pathlib import Path

TERMINAL_WORKSPACE, TERMINAL_CHANNEL = "local", "terminal"  # as bot.terminal.chat keys maps


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "critique",
        help="Critique a journey map file (Markdown, CSV, XLSX or JourneyBot JSON).",
    )
    parser.add_argument("file", type=Path, help="The map to critique.")
    parser.add_argument("--json", action="store_true", help="Print the critique as JSON.")
    parser.add_argument("--all", action="store_true", help="Show every finding, not the top 8.")
    parser.add_argument(
        "--save",
        action="store_true",
        help="Keep the imported map (listed by `journeybot chat` and `journeybot maps list`).",
    )
    parser.add_argument("--user", help="Name recorded as the one who imported the map.")
    parser.set_defaults(handler=_critique)


def _critique(args: argparse.Namespace) -> int:
    # Imported here, not at the top: every other `journeybot` command registers this one.
    from bot.critique.critic import critique
    from bot.critique.imports import ImportProblem, read_map, render_report
    from bot.critique.render import render_text

    try:
        imported = read_map(_read(args.file), args.file.name)
    except ImportProblem as problem:
        print(problem.message, file=sys.stderr)
        return 1
    result = critique(imported.map, item_evidence=imported.item_evidence)
    saved = _save(imported.map, args) if args.save else None
    if args.json:
        print(result.model_dump_json(indent=2))
        return 0
    print(render_report(imported.report, imported.map))
    print()
    hint = f"run `journeybot critique {args.file.name} --all` to see them"
    print(render_text(result, limit=None if args.all else 8, more_hint=hint))
    print()
    if saved:
        print(
            f"Saved as map {saved}: `journeybot chat` lists it (choose it to apply the fixes "
            f"above, ids and all); `journeybot maps show {saved}` shows it."
        )
    else:
        print("The ids in the fixes (tp-3, kpi-2, …) are this import's: add --save to keep the "
              "map and use them in `journeybot chat`.")  # fmt: skip
    return 0


def _save(journey_map: object, args: argparse.Namespace) -> str:
    from bot.critique.adopt import adopt
    from bot.model import JourneyMap
    from bot.settings import get_settings
    from storage import MapKey, open_store

    settings = get_settings()
    settings.journeybot_data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(settings.sqlalchemy_url, JourneyMap.model_validate_json)
    key = MapKey(
        workspace=TERMINAL_WORKSPACE, channel=TERMINAL_CHANNEL, thread=uuid.uuid4().hex[:12]
    )
    stored = adopt(store, key, journey_map, args.user or getpass.getuser(), args.file.name)  # type: ignore[arg-type]
    return stored.journey_map.id


def _read(path: Path) -> bytes:
    """The file's bytes; a file over the limit is refused before it is read."""
    from bot.critique.imports import MAX_BYTES, ImportProblem, too_big

    try:
        if path.stat().st_size > MAX_BYTES:
            raise too_big()
        return path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"I could not read {path}: {exc.strerror or exc}.") from exc
