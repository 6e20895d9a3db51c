"""The command table: every conversation command's name, the phrases that call it, its help
line and its handler. Reading, dispatch, the chat's `help` and Slack's help come from it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from bot.engine.context import Context
from bot.engine.handlers import asking, changes, navigation, outputs, team, viewing
from bot.engine.state import Outcome

Handler = Callable[[Context, str], Outcome]


@dataclass(frozen=True)
class CommandSpec:
    name: str
    handler: Handler
    help: str
    phrases: tuple[str, ...] = ()
    pattern: str = ""  # a regex whose group 1 is the argument (`edit (.+)`)
    read_only: bool = False  # looking, not changing: a pending yes/no stays as it is

    @property
    def compiled(self) -> re.Pattern[str] | None:
        return re.compile(self.pattern, re.IGNORECASE | re.DOTALL) if self.pattern else None


# fmt: off
COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("next", navigation.next_step, "`next`: on to the next step",
                ("next", "continue", "next step", "nxt", "move on", "go on", "done here")),
    CommandSpec("back", navigation.back, "`back`: the previous step",
                ("back", "previous", "go back")),
    CommandSpec("skip", navigation.skip, "`skip`: move on without finishing this step",
                ("skip", "skip this", "skip step")),
    CommandSpec("goto", navigation.go_to,
                "`go to <step>`: scope, personas, stages, touchpoints, emotions, kpis, review",
                pattern=r"^(?:go ?to|jump to)\s+(.+)$"),
    CommandSpec("show", viewing.show, "`show map`: the map so far, with item ids",
                ("show", "show map", "show the map", "show me the map", "map", "status"),
                read_only=True),
    CommandSpec("undo", changes.undo, "`undo`: take back your last message, all of it",
                ("undo", "undo that")),
    CommandSpec("edit", changes.edit,
                "`edit <item> <field>: <value>` (e.g. `edit tp-4 owner: Digital`, "
                "`edit scope objective: …`); `title: <new name>` renames the map",
                ("edit", "edit it"), pattern=r"^edit\s+(.+)$"),
    CommandSpec("remove", changes.remove,
                "`remove <item>` (e.g. `remove stage Compare`, `remove pain-7`)",
                pattern=r"^(?:remove|delete)\s+(.+)$"),
    CommandSpec("confirm", changes.confirm, "`yes` / `no`: answer what I asked you to confirm",
                ("yes", "confirm", "y", "yep", "yeah", "yup", "sure", "ok", "okay", "correct",
                 "looks good", "save it")),
    CommandSpec("cancel", changes.cancel, "", ("no", "cancel", "n", "nope", "nah")),
    CommandSpec("vote", team.vote, "`vote <stage> <-2..+2> because …`: your feeling score",
                pattern=r"^vote\s+(.+)$"),
    CommandSpec("votes", viewing.votes, "`votes`: everyone's votes per stage",
                ("votes", "show votes"), read_only=True),
    CommandSpec("settle", team.settle, "`settle <stage> [score] because …`: settle the votes",
                pattern=r"^settle\s+(.+)$"),
    CommandSpec("evidence", team.evidence,
                "`evidence <item>: <source>` (e.g. `evidence tp-4: 2026 NPS survey`, "
                "`evidence pain-7: quote \"I gave up\"`)",
                pattern=r"^evidence\s+(.+)$"),
    CommandSpec("summary", viewing.summary, "`summary`: the map on one screen, who said what",
                ("summary", "summarise", "summarize"), read_only=True),
    CommandSpec("future", outputs.future, "`future state`: copy into a future-state map",
                ("future state", "make a future state", "create future state")),
    CommandSpec("critique", outputs.critique, "`critique`: what to improve, by severity",
                ("critique", "review my map", "critique this map", "critique the map"),
                read_only=True),
    CommandSpec("export", outputs.export,
                "`export pdf` (or markdown, docx, png, csv, xlsx, json, all)",
                pattern=r"^export(?:\s+(.*))?$", read_only=True),
    CommandSpec("review", team.review_every,
                "`owner: <name>` · `review every <days> days` · `reviewed`: keep the map alive",
                pattern=r"^review\s+every\s+(\d+)\s*days?$"),
    CommandSpec("reviewed", team.reviewed, "",
                ("reviewed", "review done", "mark reviewed")),
    CommandSpec("done", navigation.done, "`done`: mark the map complete",
                ("done", "finish", "mark complete", "complete")),
    CommandSpec("help", viewing.help_me, "`help`: this list",
                ("help", "?"), read_only=True),
    CommandSpec("question", asking.question,
                "Ask anything about journey mapping in plain words; questions are never saved.",
                read_only=True),
)
# fmt: on

BY_NAME: dict[str, CommandSpec] = {spec.name: spec for spec in COMMANDS}
_EXACT: dict[str, str] = {phrase: spec.name for spec in COMMANDS for phrase in spec.phrases}
_PREFIXED = [(spec.compiled, spec.name) for spec in COMMANDS if spec.compiled is not None]
_FILLER_BEFORE = re.compile(
    r"^(?:(?:ok|okay|ok cool|cool|great|right|alright|so|and|then|now|yes|lets|let's)[,!.]?\s+)+",
    re.I,
)
_FILLER_AFTER = re.compile(r"(?:[,!.]?\s+(?:please|pls|plz|thanks|thx|then|now))+$", re.I)


class Command(BaseModel):
    name: str
    argument: str = ""

    @property
    def spec(self) -> CommandSpec:
        return BY_NAME[self.name]


def read_command(text: str) -> Command | None:
    """A command if the whole message is one; None means the text is an answer."""
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower().rstrip("!. ")
    for candidate in (lowered, _FILLER_AFTER.sub("", _FILLER_BEFORE.sub("", lowered))):
        if candidate in _EXACT:
            return Command(name=_EXACT[candidate])
    for pattern, name in _PREFIXED:
        match = pattern.match(text.strip())
        if match:
            return Command(name=name, argument=(match.group(1) or "").strip())
    return None


def help_lines() -> list[str]:
    return [spec.help for spec in COMMANDS if spec.help]


def help_text() -> str:
    return "\n".join(help_lines())


def near_command(text: str) -> str | None:
    """The command a short message is one typo away from (`nexy`, `shwo map`), if any."""
    from bot.domain.names import distance

    cleaned = " ".join(text.lower().split())
    if not cleaned or len(cleaned.split()) > 2 or len(cleaned) < 4:
        return None
    close = [p for p in _EXACT if len(p) >= 4 and distance(p, cleaned) <= 1 + (len(p) > 6)]
    return close[0] if len(close) == 1 or len({_EXACT[p] for p in close}) == 1 else None
