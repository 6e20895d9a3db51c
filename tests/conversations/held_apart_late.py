"""A second held-apart share, written after the reader existed but run only once, at the end,
and never tuned on. Different voices: Slack formatting, key typos, a pending question while
someone else talks, prose personas, emoji answers."""

from __future__ import annotations

from tests.conversations.script import Conversation, Say

SLACK_FORMATTED = Conversation(
    "slack_formatted",
    "New nurse onboarding",
    (
        Say(
            "hr",
            "*Objective:* new nurses feel ready for their first night shift\n"
            "*Scenario:* a newly qualified nurse joining a surgical ward",
            adds=(
                "objective: new nurses feel ready for their first night shift",
                "scenario: a newly qualified nurse joining a surgical ward",
            ),
        ),
        Say("hr", "objectve: fewer resignations in year one", rejects=1),
        Say("hr", "thx :pray:", chatter=True),
        Say("hr", "skip"),
        Say("hr", "skip"),
        Say(
            "hr",
            "• offer accepted\n• induction week\n• first shifts\n• first night shift\n"
            "• 3 month review",
            adds=(
                "stage: Offer accepted",
                "stage: Induction week",
                "stage: First shifts",
                "stage: First night shift",
                "stage: 3 month review",
            ),
        ),
        Say("hr", "next"),
        Say(
            "hr",
            "induction week > e-learning modules (web) | thinks: when do I actually do these?\n"
            "first shifts > buddy nurse (in person) | owner: ward manager\n"
            "first night shift > on-call doctor bleep (phone)",
            adds=(
                "tp: Induction week > e-learning modules (website)"
                " | thinks: when do I actually do these?",
                "tp: First shifts > buddy nurse (in person) | owner: ward manager",
                "tp: First night shift > on-call doctor bleep (phone)",
            ),
        ),
        Say("hr", "should the rota be a touchpoint?", chatter=True),
        Say("hr", "next"),
        Say(
            "hr",
            "first night shift :scream:\ninduction week: 😐\n3 month review 4/5 relieved",
            adds=(
                "emotion: First night shift -2 panicked",
                "emotion: Induction week +0 neutral",
                "emotion: 3 month review +1 relieved",
            ),
        ),
    ),
)

PENDING_WHILE_TALKING = Conversation(
    "pending_while_talking",
    "Energy switching",
    (
        Say(
            "ana",
            "make switching supplier take one evening instead of three weeks",
            adds=("objective: make switching supplier take one evening instead of three weeks",),
        ),
        Say("ben", "what does scenario mean here?", chatter=True),
        Say("ana", "yes"),
        Say(
            "ben",
            "scenario: a family moving house and switching at the same time",
            adds=("scenario: a family moving house and switching at the same time",),
        ),
        Say("ana", "next"),
        Say(
            "ben",
            "Our persona is Sam, a 45 year old plumber who sorts bills from his van",
            adds=(
                "persona: Sam",
                "persona Sam description: a 45 year old plumber who sorts bills from his van",
            ),
        ),
        Say("ben", "yes"),
        Say("ana", "next"),
        Say(
            "ana",
            "compare, switch, wait, first bill",
            adds=("stage: Compare", "stage: Switch", "stage: Wait", "stage: First bill"),
        ),
        Say("ben", "next"),
        Say(
            "ben",
            "comparison site (reviews) in compare",
            rejects=1,
        ),
        Say(
            "ben",
            "compare > comparison site (reviews)",
            adds=("tp: Compare > comparison site (review site)",),
        ),
        Say(
            "ana",
            "Switch > sign-up form (web) | owner: sales\nWait > welcome pack (post)",
            adds=(
                "tp: Switch > sign-up form (website) | owner: sales",
                "tp: Wait > welcome pack (post)",
            ),
        ),
    ),
)

EMOJI_AND_NUMBERS = Conversation(
    "emoji_and_numbers",
    "Museum visit",
    (
        Say(
            "li",
            "objective: more first-time visitors come back within a year\n"
            "stages: plan, arrive, explore, café, leave",
            adds=(
                "objective: more first-time visitors come back within a year",
                "stage: Plan",
                "stage: Arrive",
                "stage: Explore",
                "stage: Café",
                "stage: Leave",
            ),
        ),
        Say("li", "go to emotions"),
        Say(
            "li",
            'plan: 👍\narrive 2/10 "the queue went round the block"\nexplore: 9/10 amazed\n'
            "cafe: -1\nleave: ok",
            adds=(
                "emotion: Plan +1 good",
                'emotion: Arrive -1 "the queue went round the block"',
                "emotion: Explore +2 amazed",
                "emotion: Café -1",
                "emotion: Leave +0 ok",
            ),
        ),
        Say(
            "li",
            "pain: arrive > queue round the block | source: visitor survey 2026",
            adds=("pain: Arrive > queue round the block",),
        ),
        Say("li", "lol that queue", chatter=True),
        Say("li", "go to kpis"),
        Say(
            "li",
            "kpi: return visits within 12 months baseline 8% target 15%",
            adds=("kpi: return visits within 12 months | baseline: 8% | target: 15%",),
        ),
        Say(
            "li",
            "action: timed entry tickets, owner: visitor services, due 2027-05-01, pain: queue",
            adds=(
                "action: timed entry tickets | owner: visitor services | due: 2027-05-01"
                " | pain: queue round the block",
            ),
        ),
    ),
)

HELD_APART_LATE: tuple[Conversation, ...] = (
    SLACK_FORMATTED,
    PENDING_WHILE_TALKING,
    EMOJI_AND_NUMBERS,
)
