"""`journeybot knowledge ingest|search|list`."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING

from knowledge.types import Passage

if TYPE_CHECKING:  # importing these loads chromadb and onnxruntime: only when a command runs
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestReport


def register(subparsers: argparse._SubParsersAction) -> None:
    knowledge = subparsers.add_parser(
        "knowledge", help="The mapping guidance: ingest playbooks, search, list guides."
    )
    actions = knowledge.add_subparsers(dest="knowledge_command", metavar="ACTION", required=True)

    ingest = actions.add_parser(
        "ingest",
        help="Sync files or folders (Markdown, text, PDF) into the store; "
        "no PATH re-syncs the built-in guides.",
    )
    ingest.add_argument("paths", nargs="*", metavar="PATH")
    ingest.set_defaults(handler=_ingest)

    search = actions.add_parser("search", help="The passages that best match a question.")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=3, help="How many passages (default 3).")
    search.set_defaults(handler=_search)

    listing = actions.add_parser("list", help="Every guide in the store.")
    listing.set_defaults(handler=_list)


def _open() -> KnowledgeBase:
    from bot.settings import get_settings
    from knowledge.base import open_knowledge_base

    return open_knowledge_base(get_settings())


def _print_report(report: IngestReport) -> None:
    print(
        f"{len(report.guides)} guides: {report.added} chunks embedded, "
        f"{report.unchanged} unchanged, {report.removed} removed in {report.seconds:.1f}s"
    )
    if report.removed_guides:
        print(f"removed guides: {', '.join(report.removed_guides)}")
    for error in report.errors:
        print(f"skipped: {error}", file=sys.stderr)


def _ingest(args: argparse.Namespace) -> int:
    report = _open().ingest(args.paths or None)
    _print_report(report)
    return 1 if report.errors else 0


def _format(rank: int, passage: Passage) -> str:
    where = f"{passage.title} › {passage.heading}" if passage.heading else passage.title
    body = textwrap.indent(textwrap.shorten(passage.text, 400, placeholder=" …"), "   ")
    sources = "; ".join(f"{s.title} ({s.author})" if s.author else s.title for s in passage.sources)
    lines = [f"{rank}. [{passage.guide_id}] {where}  (score {passage.score:.3f})", body]
    if sources:
        lines.append(f"   sources: {sources}")
    return "\n".join(lines)


def _search(args: argparse.Namespace) -> int:
    passages = _open().search(args.query, k=args.k)
    if not passages:
        print("Nothing found.")
    for rank, passage in enumerate(passages, start=1):
        print(_format(rank, passage))
    return 0


def _list(_: argparse.Namespace) -> int:
    guides = _open().list_guides()
    if not guides:
        print("The knowledge base is empty.")
    for guide in guides:
        print(f"{guide.id}  {guide.title}  [{', '.join(guide.steps)}]  {guide.chunks} chunks")
    return 0
