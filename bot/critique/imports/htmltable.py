"""A table pasted from a web page or a wiki's HTML: the journey grid from its rows and cells
(<th> and <td>), the text before it describing the map. Parsed with the standard library's
HTMLParser, which reads hostile markup in linear time."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bot.critique.imports.build import Imported
from bot.critique.imports.grid import Grid, collect, map_from_grid
from bot.critique.imports.problem import MAX_CELL_CHARS

_TABLE = re.compile(r"<table\b", re.IGNORECASE)


def looks_like_html_table(text: str) -> bool:
    return bool(_TABLE.search(text[:200_000]))


def read_html(text: str, title_hint: str) -> Imported:
    parser = _Tables()
    parser.feed(text)
    parser.close()
    above: Grid = [[line] for line in parser.before if line.strip()]
    return map_from_grid(collect(parser.rows), title_hint, above, source="HTML table")


class _Tables(HTMLParser):
    """Rows of the first table (nested tables are read as text), and the lines before it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.before: list[str] = []
        self._depth = 0
        self._done = False
        self._cell: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.before += "".join(self._text).splitlines()
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._cell = []
        elif tag in ("br", "p", "li", "div") and self._cell is not None:
            self._cell.append("\n")
        elif tag in ("br", "p", "li", "div", "h1", "h2", "h3") and not self._depth:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell).strip()[:MAX_CELL_CHARS])
            self._cell = None
        elif tag == "table" and self._depth:
            self._depth -= 1
            self._done = self._depth == 0

    def handle_data(self, data: str) -> None:
        if self._done:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif not self._depth:
            self._text.append(data)
