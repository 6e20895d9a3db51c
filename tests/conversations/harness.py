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
    """Run the script; return its score, the final facts and the expected final facts.

    A `yes` (with no facts of its own) is credited to the last message that still had facts
    waiting, even when a question or someone else's remark came in between."""
    engine = Engine(store)
    key = MapKey(workspace="T1", channel="C1", thread=conversation.name)
    engine.start(key, conversation.title, conversation.turns[0].user)
    expected = {normal(f"title: {conversation.title}")}
    before = _facts(store, key)
    score = Score()
    waiting: tuple[Say, set[str]] | None = None  # a message whose facts a `yes` may still save
    for say in conversation.turns:
        reply = _send(engine, key, say)
        after = _facts(store, key)
        added, dropped = after - before, before - after
        before = after
        if say.text.strip().lower() in CONFIRMS and not say.adds:
            wanted = waiting[1] if waiting else set()
            score.confirmed += len(added & wanted)
            if waiting:
                waiting = (waiting[0], wanted - added)
            _stray(conversation.name, say, added - wanted, dropped, score)
            continue
        _score_turn(conversation.name, say, reply, added, dropped, score)
        missing = {normal(a) for a in say.adds} - added
        if say.adds:
            waiting = (say, missing)
        expected = (expected - {normal(d) for d in say.drops}) | {normal(a) for a in say.adds}
    if waiting and waiting[1]:
        score.lost += len(waiting[1])
        score.problems.append(
            f"{conversation.name}: {waiting[0].text[:50]!r}: not saved {sorted(waiting[1])}"
        )
    return score, before, expected


def _stray(name: str, say: Say, stray: set[str], dropped: set[str], score: Score) -> None:
    if stray or dropped:
        score.misfiled += len(stray) + len(dropped)
        score.problems.append(
            f"{name}: {say.text[:50]!r}: misfiled {sorted(stray)} dropped {sorted(dropped)}"
        )


def _send(engine: Engine, key: MapKey, say: Say) -> Reply:
    result = engine.handle(key, Turn(user=say.user, text=say.text))
    assert result is not None
    return result.reply


def _facts(store: MapStore, key: MapKey) -> set[str]:
    stored = store.load(key)
    assert stored is not None
    return map_facts(stored.journey_map)


def _score_turn(
    name: str, say: Say, reply: Reply, added: set[str], dropped: set[str], score: Score
) -> None:
    wanted = {normal(a) for a in say.adds}
    unwanted_drops = dropped - {normal(d) for d in say.drops}
    where = f"{name}: {say.text[:50]!r}"
    if say.chatter:
        changed = len(added | dropped)
        score.chatter_saved += changed
        if changed:
            score.problems.append(f"{where}: chatter changed {sorted(added | dropped)}")
        return
    score.expected += len(wanted)
    score.understood += len(wanted & added)
    _stray(name, say, added - wanted, unwanted_drops, score)
    score.expected_rejections += say.rejects
    errors = reply.errors if (say.adds or say.rejects) else []
    with_fix = sum(1 for error in errors if has_fix(error))
    score.rejected_with_fix += with_fix
    score.rejected_without_fix += len(errors) - with_fix
    missing = wanted - added
    if len(errors) != say.rejects and not (missing and reply.sections):
        score.problems.append(f"{where}: expected {say.rejects} refusals, got {errors}")
