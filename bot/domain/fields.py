"""Fields after an item's name, as people write them: `| owner: Ops`, `, owner Ops`,
`baseline 22% target 30%`. Keys come from the vocabulary; values keep their own commas."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Keys that may follow plain whitespace (no colon, no `|` or `,`) because a number follows them.
_LOOSE_KEYS = {"baseline", "target", "now", "currently"}


class FieldProblem(ValueError):
    def __init__(self, written: str) -> None:
        super().__init__(written)
        self.written = written


def _key_pattern(keys: Mapping[str, str]) -> re.Pattern[str]:
    words = "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))
    return re.compile(
        rf"(?P<lead>^|\s*[|,;]\s*|\s+)(?P<key>{words})(?P<colon>\s*:\s*|\s+)(?=\S)", re.IGNORECASE
    )


def split_fields(
    text: str, keys: Mapping[str, str], loose_commas: bool = True
) -> tuple[str, dict[str, str]]:
    """(head, {field: value}). A `| part` that names no known field raises FieldProblem.
    With `loose_commas` off, `, key value` needs a colon (touchpoint names hold commas)."""
    pattern = _key_pattern(keys)
    cuts: list[tuple[int, int, str]] = []
    for match in pattern.finditer(text):
        lead = match["lead"].strip()
        delimited = lead == "|" or (lead in {",", ";"} and loose_commas) or match.start() == 0
        key = match["key"].lower()
        after = text[match.end() :]
        loose = key in _LOOSE_KEYS and re.match(r"[\d$€£~<>≈]", after)
        if match.start() == 0 and not match["colon"].strip():
            continue  # a name may start with a field word ("owner onboarding")
        if delimited or match["colon"].strip() or loose:
            cuts.append((match.start(), match.end(), keys[key]))
    head_end = cuts[0][0] if cuts else len(text)
    head = text[:head_end]
    fields: dict[str, str] = {}
    for index, (_, end, field) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        value, *unknown = text[end:stop].split("|")
        if any(part.strip() for part in unknown):
            raise FieldProblem(next(part.strip() for part in unknown if part.strip()))
        fields[field] = value.strip().strip(",; ")
    for part in head.split("|")[1:]:
        if part.strip():
            raise FieldProblem(part.strip())
    return head.split("|")[0].strip().strip(",; "), fields
