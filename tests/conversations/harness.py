"""Play a scripted conversation through the engine and score every line.

A line is *understood* when its fact appears right after its message, *confirmed* when it
appears after the `yes` that follows, *misfiled* when a fact nobody asked for appears (or one
disappears), *chatter saved* when a question or request changed the map. Refusals are counted
from the reply's errors, with or without a concrete fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.engine import Engine, Turn
from bot.engine.reply import Reply
from storage import MapKey, MapStore
from tests.conversations.facts import map_facts, normal
from tests.conversations.script import Conversation, Say

TODAY = date(2026, 12, 6)  # the clock the expected dates (Q3, "end of March") were written on
CONFIRMS = {"yes", "y", "yep", "yeah", "ok", "confirm", "sure"}
_FIX = re.compile(r"`[^`]+`|did you mean", re.IGNORECASE)


@dataclass
class Score:
    expected: int = 0
    understood: int = 0
    confirmed: int = 0
    misfiled: int = 0
    chatter_saved: int = 0
    rejected_with_fix: int = 0
    rejected_without_fix: int = 0
    expected_rejections: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name == "problems":
                self.problems += other.problems
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def understood_share(self) -> float:
        return (self.understood + self.confirmed) / self.expected if self.expected else 1.0


def has_fix(error: str) -> bool:
    return bool(_FIX.search(error))


def play(conversation: Conversation, store: MapStore) -> tuple[Score, set[str], set[str]]:
    """Run the script; return its score, the final facts and the expected final facts."""
    engine = Engine(store)
    key = MapKey(workspace="T1", channel="C1", thread=conversation.name)
    engine.start(key, conversation.title, conversation.turns[0].user)
    expected = {normal(f"title: {conversation.title}")}
    before = _facts(store, key)
    score = Score()
    turns = list(conversation.turns)
    index = 0
    while index < len(turns):
        say = turns[index]
        reply = _send(engine, key, say)
        after = _facts(store, key)
        added, dropped = after - before, before - after
        follow = turns[index + 1] if index + 1 < len(turns) else None
        confirmed: set[str] = set()
        if follow is not None and follow.text.strip().lower() in CONFIRMS and not follow.adds:
            _send(engine, key, follow)
            later = _facts(store, key)
            confirmed, dropped = later - after, dropped | (after - later)
            after = later
            index += 1
        _score_turn(conversation.name, say, reply, added, confirmed, dropped, score)
        expected = (expected - {normal(d) for d in say.drops}) | {normal(a) for a in say.adds}
        before = after
        index += 1
    return score, before, expected


def _send(engine: Engine, key: MapKey, say: Say) -> Reply:
    result = engine.handle(key, Turn(user=say.user, text=say.text))
    assert result is not None
    return result.reply


def _facts(store: MapStore, key: MapKey) -> set[str]:
    stored = store.load(key)
    assert stored is not None
    return map_facts(stored.journey_map)


def _score_turn(
    name: str,
    say: Say,
    reply: Reply,
    added: set[str],
    confirmed: set[str],
    dropped: set[str],
    score: Score,
) -> None:
    wanted = {normal(a) for a in say.adds}
    unwanted_drops = dropped - {normal(d) for d in say.drops}
    where = f"{name}: {say.text[:50]!r}"
    if say.chatter:
        changed = len(added | confirmed | dropped)
        score.chatter_saved += changed
        if changed:
            score.problems.append(f"{where}: chatter changed {sorted(added | confirmed | dropped)}")
        return
    score.expected += len(wanted)
    score.understood += len(wanted & added)
    score.confirmed += len(wanted & (confirmed - added))
    stray = (added | confirmed) - wanted
    score.misfiled += len(stray) + len(unwanted_drops)
    if stray or unwanted_drops:
        score.problems.append(f"{where}: misfiled {sorted(stray)} dropped {sorted(unwanted_drops)}")
    missing = wanted - added - confirmed
    score.expected_rejections += say.rejects
    errors = reply.errors if (say.adds or say.rejects) else []
    with_fix = sum(1 for error in errors if has_fix(error))
    score.rejected_with_fix += with_fix
    score.rejected_without_fix += len(errors) - with_fix
    if missing:
        score.lost += len(missing)
        score.problems.append(f"{where}: not saved {sorted(missing)}; errors {errors}")
    if len(errors) != say.rejects and not missing:
        score.problems.append(f"{where}: expected {say.rejects} refusals, got {errors}")
