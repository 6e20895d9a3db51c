"""Markdown: a document any wiki or repository renders; every piece of user text is escaped."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.exports.base import ExportExtras, ExportFile, count, export_file
from bot.exports.layout import Item, MapDocument, Table, build_document, score_text
from bot.exports.mermaid import mermaid_journey
from bot.exports.sourcing import LEGEND, Source, safe_url
from bot.model import JourneyMap
from bot.text import markdown_escape as esc

SPARKS: dict[int, str] = {-2: "▁", -1: "▂", 0: "▄", 1: "▆", 2: "█"}
NO_SCORE = "·"


def render(journey_map: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    document = build_document(journey_map, extras)
    diagram = ["", "## Journey diagram", "", "```mermaid", mermaid_journey(journey_map), "```"]
    text = "\n".join([*markdown_lines(document), *diagram]) + "\n"
    lines = text.count("\n")
    return export_file(
        document.title, "markdown", text.encode(), f"Markdown, {count(lines, 'line')}"
    )


def markdown_lines(document: MapDocument) -> Iterator[str]:
    yield f"# {esc(document.title)}"
    yield f"_{esc(document.subtitle)}_"
    yield from _scope(document)
    yield from _personas(document)
    yield from _grid(document)
    yield from _emotion_curve(document)
    yield from _highlights(document)
    yield from _evidence(document)
    yield from _table("KPIs", document.kpis)
    yield from _table("Actions", document.actions)
    yield from _scorecard(document)


def _scope(document: MapDocument) -> Iterator[str]:
    yield from ("", "## Scope", "")
    if not document.scope:
        yield "_No scope yet._"
    for label, text in document.scope:
        yield f"- **{label}:** {esc(text)}"


def _personas(document: MapDocument) -> Iterator[str]:
    yield from ("", "## Personas")
    if not document.personas:
        yield from ("", "_No personas yet._")
    for persona in document.personas:
        yield from ("", f"### {esc(persona.name)}", "")
        if persona.description:
            yield from (esc(persona.description), "")
        for label, text in persona.facts:
            yield f"- **{label}:** {esc(text)}"


def _grid(document: MapDocument) -> Iterator[str]:
    yield from ("", "## Journey map")
    if not document.columns:
        yield from ("", "_No stages yet._")
    pages = document.pages()
    for page in pages:
        if len(pages) > 1:
            yield from ("", f"### Stages {page.start + 1}–{page.stop} of {len(document.columns)}")
        header = ["", *(esc(document.columns[i].name) for i in page)]
        yield from ("", _row(header), _row(["---"] * len(header)))
        for lane in document.lanes:
            yield _row([f"**{lane.title}**", *(_cell(lane.cells[i]) for i in page)])


def _cell(items: Sequence[Item]) -> str:
    return "<br>".join(
        esc(item.text)
        + (f" — _{esc(item.note)}_" if item.note else "")
        + (f" {esc(item.mark)}" if item.mark else "")
        for item in items
    )


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _emotion_curve(document: MapDocument) -> Iterator[str]:
    if not any(c.score is not None for c in document.columns):
        return
    spark = "".join(NO_SCORE if c.score is None else SPARKS[c.score] for c in document.columns)
    steps = " → ".join(f"{esc(c.name)} {esc(c.emotion) or NO_SCORE}" for c in document.columns)
    yield from ("", "## Emotion curve", "", f"`{spark}` {steps}")
    if document.compare is not None:
        other = document.compare
        scores = [s for _, s in other.stages]
        other_spark = "".join(NO_SCORE if s is None else SPARKS[s] for s in scores)
        other_steps = " → ".join(
            f"{esc(name)} {esc(score_text(score)) or NO_SCORE}" for name, score in other.stages
        )
        label = f"{other.label(other.state)} (“{esc(other.title)}”)"
        yield from ("", f"{label}: `{other_spark}` {other_steps}")
    disagreements = [c for c in document.columns if c.votes or c.reason]
    if disagreements:
        yield from ("", "Team votes:", "")
    for column in disagreements:
        parts = [f"settled at {esc(column.emotion) or NO_SCORE}", esc(column.spread)]
        why = f". Why: {esc(column.reason)}" if column.reason else ""
        yield f"- **{esc(column.name)}:** " + ", ".join(p for p in parts if p) + why


def _evidence(document: MapDocument) -> Iterator[str]:
    summary = document.evidence
    if summary is None:
        return
    yield from ("", "## Evidence", "", f"**Overall:** {esc(summary.overall)}", "")
    yield from (f"- **{esc(stage.name)}:** {esc(stage.text)}" for stage in summary.stages)
    yield from ("", esc(LEGEND))
    if summary.sources:
        yield from ("", "### Sources", "")
    yield from (f"{source.number}. {_source(source)}" for source in summary.sources)


def _source(source: Source) -> str:
    text = f"“{esc(source.text)}”" if source.kind == "quote" else esc(source.text)
    line = f"**{source.label}:** {text}"
    if source.url:
        line += f" — [link]({source.url})" if safe_url(source.url) else f" — {esc(source.url)}"
    return line + (f" — _{esc(source.cited)}_" if source.cited else "")


def _highlights(document: MapDocument) -> Iterator[str]:
    yield from ("", "## Pain points, delights and moments of truth", "")
    if not document.highlights:
        yield "_None yet._"
    for highlight in document.highlights:
        where = f" ({esc(highlight.where)})" if highlight.where else ""
        yield f"- **{highlight.kind}**{where}: {esc(highlight.text)}"


def _table(title: str, table: Table) -> Iterator[str]:
    yield from ("", f"## {title}", "")
    if not table.rows:
        yield "_None yet._"
        return
    yield from (_row(table.header), _row(["---"] * len(table.header)))
    for row in table.rows:
        yield _row([esc(cell) for cell in row])


def _scorecard(document: MapDocument) -> Iterator[str]:
    card = document.scorecard
    if card is None:
        return
    yield from _table("Critique scorecard", card.areas)
    if card.overall is not None:
        yield from ("", f"**Overall: {card.overall}/100**")
    if card.findings:
        yield from ("", "Top findings:", "")
        yield from (f"{n}. {esc(finding)}" for n, finding in enumerate(card.findings, 1))
