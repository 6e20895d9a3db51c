"""How well the reader understands what people type, over the scripted conversations.

Prints, overall and for the held-apart share (never tuned on): lines understood right (saved at
once or after a `yes`), misfiled, rejected with a fix, rejected without one, chatter saved.
Usage: python bench/conversation_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bot.domain import dates
from bot.model import JourneyMap
from storage import MapStore, create_db_engine
from tests.conversations.harness import TODAY, Score, play
from tests.conversations.held_apart import HELD_APART
from tests.conversations.held_apart_final import HELD_APART_FINAL
from tests.conversations.held_apart_late import HELD_APART_LATE
from tests.conversations.script import Conversation
from tests.conversations.tuned import TUNED


def evaluate(conversations: tuple[Conversation, ...], folder: Path) -> Score:
    total = Score()
    for conversation in conversations:
        store = MapStore(
            create_db_engine(f"sqlite:///{folder / conversation.name}.db"),
            JourneyMap.model_validate_json,
        )
        score, _, _ = play(conversation, store)
        total.add(score)
    return total


def report(name: str, count: int, score: Score, verbose: bool) -> None:
    print(
        f"{name:12s} conversations={count:2d}  lines={score.expected:3d}  "
        f"understood={score.understood:3d}  confirmed={score.confirmed:2d}  "
        f"({score.understood_share:6.1%})  misfiled={score.misfiled}  "
        f"rejected_with_fix={score.rejected_with_fix}  "
        f"rejected_without_fix={score.rejected_without_fix}  "
        f"chatter_saved={score.chatter_saved}  lost={score.lost}"
    )
    if verbose:
        for problem in score.problems:
            print(f"    {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--verbose", action="store_true", help="List the tuned share's problem lines."
    )
    args = parser.parse_args()
    dates.today = lambda: TODAY  # the clock the expected dates were written on
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tuned, held = evaluate(TUNED, folder), evaluate(HELD_APART, folder)
        late = evaluate(HELD_APART_LATE, folder)
        final = evaluate(HELD_APART_FINAL, folder)
        overall = Score()
        for share in (tuned, held, late, final):
            overall.add(share)
        count = len(TUNED) + len(HELD_APART) + len(HELD_APART_LATE) + len(HELD_APART_FINAL)
        report("overall", count, overall, False)
        report("tuned", len(TUNED), tuned, args.verbose)
        # the held-apart shares are never shown line by line: they are not tuned on
        report("held-apart", len(HELD_APART), held, False)
        report("held-late", len(HELD_APART_LATE), late, False)
        report("held-final", len(HELD_APART_FINAL), final, False)


if __name__ == "__main__":
    main()
