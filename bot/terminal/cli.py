"""`journeybot chat`, `journeybot maps …` and `journeybot schema`.

Handlers import what they use when they run: `journeybot --help` loads none of it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.model import JourneyMap
    from bot.services import Services
    from storage import StoredMap


def _services(with_guidance: bool = False) -> Services:
    from bot.services import build_services
    from bot.settings import get_settings

    return build_services(get_settings(), with_guidance=with_guidance)


def register(subparsers: argparse._SubParsersAction) -> None:
    chat = subparsers.add_parser("chat", help="Build a map in the terminal (no Slack needed).")
    chat.add_argument("--user", help="Name recorded as the author of changes.")
    chat.set_defaults(handler=_chat)

    schema = subparsers.add_parser("schema", help="Print the journey map's JSON Schema.")
    schema.set_defaults(handler=_schema)

    maps = subparsers.add_parser("maps", help="List, show and inspect saved maps.")
    maps_sub = maps.add_subparsers(dest="maps_command", metavar="ACTION", required=True)
    listing = maps_sub.add_parser("list", help="Every saved map, newest first.")
    listing.set_defaults(handler=_list)
    show = maps_sub.add_parser("show", help="Show one map as a table (or JSON).")
    show.add_argument("map_id")
    show.add_argument("--json", action="store_true", help="Print the map as JSON.")
    show.set_defaults(handler=_show)
    history = maps_sub.add_parser("history", help="A map's versions: who changed what.")
    history.add_argument("map_id")
    history.set_defaults(handler=_history)
    export = maps_sub.add_parser("export", help="Export a map to documents.")
    export.add_argument("map_id")
    export.add_argument(
        "--format",
        "-f",
        dest="formats",
        action="append",
        default=None,
        help="markdown, docx, pdf, png, csv, xlsx, json, mermaid, cjml, or all; repeat or use "
        "commas (default: all)",
    )
    export.add_argument("--out", type=Path, default=Path("exports"), help="Output folder.")
    export.add_argument(
        "--with-critique",
        action="store_true",
        help="Add the critique scorecard and top findings to the PDF, Word and Excel files.",
    )
    export.set_defaults(handler=_export)


def _chat(args: argparse.Namespace) -> int:
    from bot.terminal.chat import run_chat

    return run_chat(_services(with_guidance=True), user=args.user)


def _schema(_: argparse.Namespace) -> int:
    from bot.model import map_json_schema

    print(json.dumps(map_json_schema(), indent=2))
    return 0


def _list(_: argparse.Namespace) -> int:
    maps = _services().store.list_maps()
    if not maps:
        print("No maps yet. Start one with `journeybot chat`.")
    for summary in maps:
        where = f"{summary.key.workspace}/{summary.key.channel}"
        print(
            f"{summary.id}  {summary.title}  [{where}]  step {summary.step}, "
            f"v{summary.version}, {summary.status}, {summary.updated_at:%Y-%m-%d %H:%M}"
        )
    return 0


def load_or_complain(map_id: str) -> StoredMap[JourneyMap] | None:
    stored = _services().store.load_by_id(map_id)
    if stored is None:
        print(f"No map with id {map_id}. `journeybot maps list` shows the ids.", file=sys.stderr)
    return stored


def _show(args: argparse.Namespace) -> int:
    stored = load_or_complain(args.map_id)
    if stored is None:
        return 1
    if args.json:
        print(stored.journey_map.model_dump_json(indent=2))
    else:
        from bot.terminal.render import render_map

        print(render_map(stored.journey_map))
    return 0


def _export(args: argparse.Namespace) -> int:
    """The same path as `export …` in a conversation: scorecard and linked state included."""
    stored = load_or_complain(args.map_id)
    if stored is None:
        return 1
    formats = ",".join(args.formats or ["all"])
    engine = _services().engine
    critique = " --with-critique" if args.with_critique else ""
    result = engine.export(stored.key, f"{formats}{critique}")
    if result is None or result.reply.errors:
        print("\n".join(result.reply.errors if result else ["The map is gone."]), file=sys.stderr)
        return 2
    from bot.exports import write_files

    for path, file in zip(write_files(result.files, args.out), result.files, strict=True):
        print(f"{path}  ({file.summary})")
    return 0


def _history(args: argparse.Namespace) -> int:
    store = _services().store
    versions = store.history(args.map_id)
    if not versions:
        print(f"No map with id {args.map_id}.", file=sys.stderr)
        return 1
    for info in versions:
        parent = (
            f" (from v{info.parent})" if info.parent and info.parent != info.version - 1 else ""
        )
        print(
            f"v{info.version}{parent}  {info.created_at:%Y-%m-%d %H:%M}  {info.author}: "
            f"{info.summary}"
        )
    return 0
