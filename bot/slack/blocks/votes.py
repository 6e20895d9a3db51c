"""Team emotion votes at the emotions step: per stage, one actions block of buttons -2..+2 and a
Settle button. A click sends the engine `vote <stage_id> <score>` (or `settle <stage_id>`) as the
person who clicked, through the thread's command buttons; the engine keeps one vote per person per
stage and reports the mean, the spread and any disagreement."""

from __future__ import annotations

from bot.model import JourneyMap, Stage
from bot.slack.blocks.kit import COMMAND_ACTION, Block, actions, button, context
from bot.text import slack_escape, truncate

SCORES = (-2, -1, 0, 1, 2)
BUDGET = 17  # blocks the votes may use in a step message: 8 stages of 2 blocks and a note
STAGE_CHARS = 80


def vote_blocks(m: JourneyMap, budget: int = BUDGET) -> list[Block]:
    if not m.stages:
        return []
    room = max((budget - 1) // 2, 1)
    blocks = [context("*Team vote:* how does the customer feel in each stage? One vote each.")]
    for stage in m.stages[:room]:
        blocks.append(context(stage_label(m, stage)))
        blocks += actions(stage_buttons(stage), block_id=f"vote:{stage.id}")
    hidden = len(m.stages) - room
    if hidden > 0:
        blocks.append(
            context(f"_…and {hidden} more stage(s): reply `vote <stage> <score>` to vote._")
        )
    return blocks


def stage_label(m: JourneyMap, stage: Stage) -> str:
    votes = [v for v in m.emotion_votes if v.stage_id == stage.id]
    settled = m.emotion_for(stage.id)
    label = f"*{slack_escape(truncate(stage.name, STAGE_CHARS))}*"
    if votes:
        label += f" · {len(votes)} vote(s)"
    if settled:
        label += f" · settled at {settled.score:+d}"
    return label


def stage_buttons(stage: Stage) -> list[dict[str, str]]:
    buttons = [
        button(
            f"{score:+d}" if score else "0",
            f"{COMMAND_ACTION}:vote:{stage.id}:{score}",
            value=f"vote {stage.id} {score}",
        )
        for score in SCORES
    ]
    buttons.append(
        button("Settle", f"{COMMAND_ACTION}:settle:{stage.id}", value=f"settle {stage.id}")
    )
    return buttons
