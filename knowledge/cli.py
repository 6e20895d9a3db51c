"""`journeybot knowledge ingest|search|show|list`."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from knowledge.markdown import render
from knowledge.types import Passage, StoreLocation, source_line

if TYPE_CHECKING:  # importing these loads chromadb and onnxruntime: only when a command runs
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestReport

LocationFactory = Callable[[], StoreLocation]
NOTHING_RELEVANT = "Nothing relevant in the guidance (that looks outside journey mapping)."
BAR_WIDTH = 30


def register(subparsers: argparse._SubParsersAction, location: LocationFactory) -> None:
    """Add the commands; `location` says where the store is (read when a command runs)."""
    knowledge = subparsers.add_parser(
        "knowledge", help="The mapping guidance: ingest playbooks, search, show, list guides."
    )
    knowledge.set_defaults(knowledge_location=location)
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
    search.add_argument(
        "--json", action="store_true", help="Print guide id, heading, text and score as JSON."
    )
    search.set_defaults(handler=_search)

    show = actions.add_parser("show", help="A whole guide, or one section by its key.")
    show.add_argument("ref", metavar="GUIDE-OR-KEY")
    show.set_defaults(handler=_show)

    listing = actions.add_parser("list", help="Every guide in the store.")
    listing.set_defaults(handler=_list)


def _open(args: argparse.Namespace) -> KnowledgeBase:
    from knowledge.base import open_knowledge_base

    return open_knowledge_base(args.knowledge_location())


class ProgressBar:
    """`[#####.....] 120/258 sections` on a terminal; a line per quarter elsewhere."""

    def __init__(self, label: str, out: TextIO | None = None) -> None:
        self._label = label
        self._out = out or sys.stderr
        self._tty = self._out.isatty()
        self._quarter = -1

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self._tty:
            filled = BAR_WIDTH * done // total
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            end = "\n" if done >= total else ""
            print(f"\r{self._label} [{bar}] {done}/{total} sections", end=end, file=self._out)
        elif (quarter := 4 * done // total) > self._quarter:
            self._quarter = quarter
            print(f"{self._label}: {done}/{total} sections", file=self._out)
        self._out.flush()


def _ready(kb: KnowledgeBase) -> KnowledgeBase:
    """Build the index first if this is a fresh install, with a progress bar."""
    if kb.needs_build():
        kb.build(ProgressBar("Building the guidance index (first run only)"))
    return kb


def _print_report(report: IngestReport) -> None:
    print(
        f"{len(report.guides)} guides: {report.added} chunks embedded, "
        f"{report.unchanged} unchanged, {report.removed} removed in {report.seconds:.1f}s"
    )
    if report.removed_guides:
        print(f"removed guides: {', '.join(report.removed_guides)}")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"skipped: {error}", file=sys.stderr)


def _ingest(args: argparse.Namespace) -> int:
    kb = _ready(_open(args))
    try:
        report = kb.ingest(args.paths or None, ProgressBar("Embedding"))
    except KeyboardInterrupt:
        print("\nStopped. What was embedded is kept; run the same command to finish.")
        return 130
    _print_report(report)
    return 1 if report.errors else 0


def _format(rank: int, passage: Passage) -> str:
    where = f"{passage.title} › {passage.heading}" if passage.heading else passage.title
    text = render(passage.text, "terminal")
    body = textwrap.indent(textwrap.shorten(text, 400, placeholder=" …"), "   ")
    lines = [f"{rank}. [{passage.guide_id}] {where}  (score {passage.score:.3f})", body]
    if passage.sources:
        lines.append(f"   sources: {source_line(passage.sources)}")
    lines.append(f"   more: journeybot knowledge show {passage.key}")
    return "\n".join(lines)


def _search(args: argparse.Namespace) -> int:
    passages = _ready(_open(args)).search(args.query, k=args.k)
    if args.json:
        fields = {"guide_id", "title", "heading", "text", "score", "key", "sources"}
        print(json.dumps([p.model_dump(include=fields) for p in passages], indent=2))
        return 0
    if not passages:
        print(NOTHING_RELEVANT)
    for rank, passage in enumerate(passages, start=1):
        print(_format(rank, passage))
    return 0


def _show(args: argparse.Namespace) -> int:
    kb = _ready(_open(args))
    found = kb.section(args.ref)
    sections = [found] if found else kb.guide_sections(args.ref)
    if not sections:
        print(f"No guide or section {args.ref!r}; `journeybot knowledge list` shows the guides.")
        return 1
    print(sections[0].title.upper() + "\n")
    heading = ""
    for section in sections:
        if section.heading and section.heading != heading:  # a long section comes in pieces
            heading = section.heading
            print(heading + "\n")
        print(render(section.text, "terminal") + "\n")
    if sections[0].sources:
        print(f"Sources: {source_line(sections[0].sources)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    guides = _ready(_open(args)).list_guides()
    if not guides:
        print("The knowledge base is empty.")
    for guide in guides:
        print(f"{guide.id}  {guide.title}  [{', '.join(guide.steps)}]  {guide.chunks} chunks")
    return 0
