"""Log set-up for every command: one format, and control characters escaped in every line, so
text from outside (a request header, a Slack id, a file name) can never forge a log line."""

from __future__ import annotations

import logging
import re
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def escape_control(text: str) -> str:
    """`\n`, `\r`, ESC and the other control characters as visible escapes (`\\n`, `\\x1b`)."""
    return _CONTROL.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match[0]
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or f"\\x{ord(char):02x}"


class SafeFormatter(logging.Formatter):
    """Escapes the message, the traceback and the stack: one record, one line."""

    def format(self, record: logging.LogRecord) -> str:
        return escape_control(super().format(record))


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeFormatter(FORMAT))
    logging.basicConfig(level=level.upper(), handlers=[handler])
