"""Making user text safe wherever it is shown: Slack mrkdwn, Markdown documents, spreadsheets."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# What a database cannot keep in a text column: NUL (PostgreSQL refuses it) and lone UTF-16
# surrogates (no UTF-8 encoding exists; JSON can still carry them as \ud800 escapes).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def slack_escape(text: str) -> str:
    """Escape for Slack mrkdwn: only &, < and > (Slack's rule). This neutralises
    <!channel>, <!here>, <@U123> and links the writer did not type as such."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_escape(text: str) -> str:
    """Escape CommonMark punctuation so user text renders literally (and inline HTML is inert)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def spreadsheet_safe(text: str) -> str:
    """Keep a cell from being read as a formula (CSV/XLSX formula injection)."""
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    if len(text) <= limit:
        return text
    return text[: max(limit - len(ellipsis), 0)].rstrip() + ellipsis


def storable(text: str) -> tuple[str, int]:
    """`text` without the characters no database can store, and how many were removed."""
    return _UNSTORABLE.subn("", text)
