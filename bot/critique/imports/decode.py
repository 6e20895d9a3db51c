"""Bytes to text: UTF-8, UTF-8 with BOM, UTF-16 with BOM, then Windows-1252."""

from __future__ import annotations

import codecs

from bot.critique.imports.problem import ImportProblem

_UNREADABLE = (
    "I could not read the file as text: it is not UTF-8, UTF-16 (with a byte-order mark) or "
    "Windows-1252, or it is not a text file at all. Save or export it as UTF-8 CSV, Markdown or "
    "XLSX and try again."
)


def decode(data: bytes) -> str:
    text = _decode(data)
    if "\x00" in text:
        raise ImportProblem(_UNREADABLE)
    return text


def _decode(data: bytes) -> str:
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ImportProblem(_UNREADABLE) from exc
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem(_UNREADABLE)
