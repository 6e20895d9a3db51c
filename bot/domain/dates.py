"""Free dates as people write them for a due date: ISO, `31/03/2027`, `Q3`, `end of March`."""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_QUARTER = re.compile(r"^q([1-4])(?:\s+(\d{4}))?$")
_MONTH = re.compile(r"^(?:(?:the\s+)?end\s+of\s+)?([a-z]+)(?:\s+(\d{4}))?$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def today() -> date:
    return date.today()


def read_due(text: str) -> date | None:
    """The date a free due date means (the end of a quarter or month, the next one to come);
    None when it isn't a date."""
    cleaned = " ".join(text.strip().lower().rstrip(".").split())
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    if match := _DMY.match(cleaned):
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if match := _QUARTER.match(cleaned):
        return _upcoming_month_end(int(match[1]) * 3, match[2])
    if (match := _MONTH.match(cleaned)) and match[1] in _MONTHS:
        return _upcoming_month_end(_MONTHS[match[1]], match[2])
    return None


def _upcoming_month_end(month: int, year: str | None) -> date:
    now = today()
    chosen = int(year) if year else now.year
    end = date(chosen, month, calendar.monthrange(chosen, month)[1])
    if year is None and end < now:
        end = date(chosen + 1, month, calendar.monthrange(chosen + 1, month)[1])
    return end
