"""Issue 8 in Slack: team emotion votes, evidence from a message, review reminders, the summary."""

from __future__ import annotations

import json

from .harness import SlackApp
from .test_end_to_end import Thread

ANA, BEN, CLEO = "U_ANA", "U_BEN", "U_CLEO"
STAGES = "Dream, Compare, Apply, Approval, Move in"


def at_emotions(bot: SlackApp, title: str = "Votes") -> Thread:
    t = Thread(bot, bot.start(ANA, title))
    t.say(ANA, "go to stages")
    t.say(ANA, STAGES)
    t.say(ANA, "go to emotions")
    return t


def vote(t: Thread, user: str, stage: str, score: int) -> str:
    """Click the `score` button of `stage` on the thread's latest step message."""
    latest = t.replies()[-1]
    action = f"cmd:vote:{stage}:{score}"
    return json.dumps(t._after(len(t.replies()), lambda: t.bot.click(latest, action, user)).blocks)


def test_the_team_votes_with_buttons_and_settles_a_disagreement_with_a_reason(
    bot: SlackApp,
) -> None:
    t = at_emotions(bot)
    step = t.replies()[-1]
    blocks = json.dumps(step.blocks)
    assert "cmd:vote:stage-3:-2" in blocks and "cmd:settle:stage-5" in blocks
    apply = "stage-3"
    vote(t, ANA, apply, 1)
    vote(t, ANA, apply, -1)  # a changed vote replaces the first
    vote(t, BEN, apply, -2)
    shown = vote(t, CLEO, apply, 1)
    assert "Apply*: 3 vote(s), mean -0.7, spread 3" in shown
    assert "the team disagrees" in shown

    refused = json.dumps(t.press(BEN, f"cmd:settle:{apply}").blocks)
    assert "The team disagrees on Apply" in refused and "say why" in refused
    stored = bot.services.store.load(bot.key(t.thread))
    assert stored is not None and stored.journey_map.emotion_for(apply) is None

    settled = json.dumps(t.say(BEN, "settle Apply -1 because the forms repeat themselves").blocks)
    assert "settled Apply at -1" in settled
    m = bot.services.store.load(bot.key(t.thread)).journey_map  # type: ignore[union-attr]
    assert {(v.user, v.score) for v in m.emotion_votes} == {(ANA, -1), (BEN, -2), (CLEO, 1)}
    emotion = m.emotion_for(apply)
    assert emotion is not None and emotion.score == -1
    assert emotion.reason == "the forms repeat themselves"
