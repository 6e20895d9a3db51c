"""Guide Markdown made readable where it is shown: Slack mrkdwn and a plain terminal.

Guides use a small part of Markdown: paragraphs, `-`/`1.` lists, `- [ ]` checklists, `**bold**`,
`_italic_`, `` `code` `` and pipe tables. Slack's mrkdwn has no tables and marks bold with one
asterisk; a terminal has neither, so both get bullets, boxes and tables as lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

Target = Literal["mrkdwn", "terminal"]

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_CHECKBOX = re.compile(r"^(\s*)[-*+]\s+\[([ xX])\]\s+(.*)$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)(\d+)[.)]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def _escape_mrkdwn(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str, target: Target) -> str:
    if target == "mrkdwn":
        return _BOLD.sub(lambda m: f"*{m.group(1) or m.group(2)}*", _escape_mrkdwn(text))
    return _BOLD.sub(lambda m: m.group(1) or m.group(2), text)


def table_lines(rows: list[list[str]], inline: Callable[[str], str] = str) -> list[str]:
    """A pipe table's body rows as lines: "first cell — Header: value; Header: value"."""
    header, body = rows[0], rows[1:]
    out = []
    for row in body:
        pairs = [
            f"{inline(header[i]) if i < len(header) else ''}: {inline(cell)}"
            for i, cell in enumerate(row[1:], start=1)
            if cell
        ]
        out.append(inline(row[0]) + (f" — {'; '.join(pairs)}" if pairs else ""))
    return out


def table_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def is_table_rule(line: str) -> bool:
    return _TABLE_RULE.match(line) is not None


def _table(rows: list[list[str]], inline: Callable[[str], str]) -> list[str]:
    return [f"• {line}" for line in table_lines(rows, inline)]


def render(markdown: str, target: Target) -> str:
    """The Markdown of a guide or section, for Slack (`mrkdwn`, escaped) or a terminal."""
    inline: Callable[[str], str] = lambda text: _inline(text, target)  # noqa: E731
    boxes = ("☐", "☑")
    out: list[str] = []
    table: list[list[str]] = []
    for line in markdown.splitlines():
        if line.strip().startswith("|"):
            if not _TABLE_RULE.match(line):
                table.append(table_cells(line))
            continue
        if table:
            out += _table(table, inline)
            table = []
        if heading := _HEADING.match(line):
            title = inline(heading.group(1))
            out.append(f"*{title}*" if target == "mrkdwn" else title.upper())
        elif box := _CHECKBOX.match(line):
            out.append(f"{box.group(1)}{boxes[box.group(2) != ' ']} {inline(box.group(3))}")
        elif bullet := _BULLET.match(line):
            out.append(f"{bullet.group(1)}• {inline(bullet.group(2))}")
        elif number := _NUMBERED.match(line):
            out.append(f"{number.group(1)}{number.group(2)}. {inline(number.group(3))}")
        else:
            out.append(inline(line))
    if table:
        out += _table(table, inline)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
