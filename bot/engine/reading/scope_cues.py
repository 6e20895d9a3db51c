"""A scope paragraph split by its cue phrases: "we want to …", "the scenario is …",
"it starts when …", "ends when …", "this is for …", "we'll use it to …", "research: …"."""

from __future__ import annotations

import re

_CUES: tuple[tuple[str, str], ...] = (
    (
        r"we want to|we'd like to|we would like to|we need to|our goal is to|the goal is to|"
        r"our objective is to|the objective is to|our aim is to|the aim is to|we aim to",
        "objective",
    ),
    (r"the scenario is|our scenario is|scenario is", "scenario"),
    (r"it starts when|it begins when|starts when|begins when|starting when", "journey_start"),
    (r"it ends when|and ends when|ends when|it finishes when|finishes when", "journey_end"),
    (r"this is for|it's for|it is for|the map is for|this map is for", "audience"),
    (r"we'll use it to|we will use it to|we'll use it for|we will use it for", "usage"),
    (r"research:|based on:|our research is|it's based on|based on", "research_basis"),
)
_PATTERN = re.compile(
    "|".join(rf"(?P<c{i}>\b(?:{words}))" for i, (words, _) in enumerate(_CUES)), re.IGNORECASE
)
_TRAILING = re.compile(r"(?:[\s,;.!]+|\s+(?:and|but|so|then))+$", re.IGNORECASE)


def read_scope_cues(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(what came before the first cue, [(field, value)…]); None when the text has no cue."""
    matches = list(_PATTERN.finditer(text))
    if not matches:
        return None
    found: list[tuple[str, str]] = []
    for index, match in enumerate(matches):
        cue = next(int(name[1:]) for name, value in match.groupdict().items() if value)
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = _TRAILING.sub("", text[match.end() : stop].strip(" :,"))
        if value:
            found.append((_CUES[cue][1], value))
    preamble = _TRAILING.sub("", text[: matches[0].start()].strip())
    return preamble, found
