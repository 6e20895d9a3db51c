"""What an import refuses with, and the limits it enforces before and while parsing."""

from __future__ import annotations

MAX_BYTES = 5 * 1024 * 1024
MAX_STAGES = 30
MAX_TOUCHPOINTS = 500
MAX_ITEMS = 500  # per collection: pains, delights, moments of truth, actions, KPIs
MAX_ROWS = MAX_TOUCHPOINTS + 50  # non-empty table rows read before giving up
MAX_COLUMNS = 64
MAX_CELL_CHARS = 8000  # longer cells are cut before cleaning; the map keeps at most 2000
MAX_UNCOMPRESSED = 20 * 1024 * 1024  # all members of an XLSX, unpacked
MAX_ZIP_MEMBERS = 500
FORMATS = "a Markdown table, CSV, XLSX or JourneyBot JSON"


class ImportProblem(Exception):
    """A friendly, one-paragraph account of what was wrong with an import and how to fix it."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or [message]

    @classmethod
    def many(cls, problems: list[str]) -> ImportProblem:
        """Every problem at once, each with its fix, so one round of corrections is enough."""
        if len(problems) == 1:
            return cls(problems[0])
        listed = "\n".join(f"- {problem}" for problem in problems)
        return cls(f"I could not import the map, for {len(problems)} reasons:\n{listed}", problems)


def too_many_rows() -> ImportProblem:
    return ImportProblem(
        f"The table has more than {MAX_ROWS} rows; a journey map holds at most "
        f"{MAX_TOUCHPOINTS} touchpoints and {MAX_STAGES} stages. Split the journey into several "
        "maps (one persona and scenario each) or trim the table, then import again."
    )


def too_many_columns() -> ImportProblem:
    return ImportProblem(
        f"The table is wider than {MAX_COLUMNS} columns; a journey map holds at most "
        f"{MAX_STAGES} stages. Remove empty or extra columns, or split the journey, then import "
        "again."
    )


def too_big() -> ImportProblem:
    return ImportProblem(
        f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB, far more than a journey map "
        "needs. Import just the map's table (one sheet, no images), then try again."
    )
