"""The held-apart share: written with the others, never used while tuning the reader.

Report figures on these separately (bench/conversation_eval.py does)."""

from __future__ import annotations

from tests.conversations.script import Conversation, Say

NEWCOMER_SLOPPY = Conversation(
    "newcomer_sloppy",
    "Dentist booking",
    (
        Say(
            "nia",
            "we want to cut no-shows for first appointments, it starts when someone searches for "
            "a dentist near them and ends when they leave the chair",
            adds=(
                "objective: cut no-shows for first appointments",
                "start: someone searches for a dentist near them",
                "end: they leave the chair",
            ),
        ),
        Say("nia", "audience: practice managers", adds=("for: practice managers",)),
        Say("nia", "next"),
        Say(
            "nia",
            "Nadia - 42, nervous about dentists, books on her phone",
            adds=(
                "persona: Nadia",
                "persona Nadia description: 42, nervous about dentists, books on her phone",
            ),
        ),
        Say("nia", "next"),
        Say(
            "nia",
            "search then book then reminder then visit",
            adds=("stage: Search", "stage: Book", "stage: Reminder", "stage: Visit"),
        ),
        Say("nia", "next"),
        Say(
            "nia",
            "search > google maps listing (google)\n"
            "book > online booking widget (website) | owner front desk\n"
            "reminder > sms reminder 24h before (text)\n"
            "visit > reception check in (in person)",
            adds=(
                "tp: Search > google maps listing (search)",
                "tp: Book > online booking widget (website) | owner: front desk",
                "tp: Reminder > sms reminder 24h before (sms)",
                "tp: Visit > reception check in (in person)",
            ),
        ),
        Say("nia", "do we need a touchpoint for every stage", chatter=True),
        Say("nia", "next"),
        Say(
            "nia",
            "book: 4/5 easy\nreminder: meh\nvisit: -2 terrified",
            adds=(
                "emotion: Book +1 easy",
                "emotion: Reminder +0 meh",
                "emotion: Visit -2 terrified",
            ),
        ),
        Say(
            "nia",
            "moment of truth: visit > reception check in",
            adds=("moment: Visit > reception check in > reception check in",),
        ),
    ),
)

PRODUCT_TEAM_SAAS = Conversation(
    "product_team_saas",
    "Self-serve analytics signup",
    (
        Say(
            "pat",
            "Objective: more self-serve signups reach their first dashboard\n"
            "Scenario: a startup PM connecting their first data source\n"
            "Start: clicks 'try free'\n"
            "End: shares a dashboard with a colleague\n"
            "For: growth + product leads\n"
            "Research: session replays, 15 onboarding interviews",
            adds=(
                "objective: more self-serve signups reach their first dashboard",
                "scenario: a startup PM connecting their first data source",
                "start: clicks 'try free'",
                "end: shares a dashboard with a colleague",
                "for: growth + product leads",
                "research: session replays, 15 onboarding interviews",
            ),
        ),
        Say("pat", "next"),
        Say(
            "pat",
            "name: Jordan, startup PM\n"
            "goals: answer a metrics question without an analyst\n"
            "frustrations: SQL, waiting on data eng\n"
            "source: 15 onboarding interviews",
            adds=(
                "persona: Jordan, startup PM",
                "persona Jordan, startup PM goals: answer a metrics question without an analyst",
                "persona Jordan, startup PM frustrations: SQL, waiting on data eng",
                "persona Jordan, startup PM source: 15 onboarding interviews",
            ),
        ),
        Say("pat", "next"),
        Say(
            "pat",
            "Sign up → Connect data → Build first chart → Share",
            adds=(
                "stage: Sign up",
                "stage: Connect data",
                "stage: Build first chart",
                "stage: Share",
            ),
        ),
        Say("pat", "next"),
        Say(
            "pat",
            "connect data > postgres connector (product) | does: pastes credentials "
            "| thinks: is this safe?\n"
            "connect data > setup docs (web)\n"
            "build first chart > template gallery (product)\n"
            "share > invite email (email)\n"
            "checkout > billing page (web)",
            adds=(
                "tp: Connect data > postgres connector (product) | does: pastes credentials"
                " | thinks: is this safe?",
                "tp: Connect data > setup docs (website)",
                "tp: Build first chart > template gallery (product)",
                "tp: Share > invite email (email)",
            ),
            rejects=1,
        ),
        Say("pat", "next"),
        Say(
            "pat",
            'connect data: 2/10 anxious "is it going to touch prod?"\n'
            "build first chart: 8/10 proud\n"
            "share: +1",
            adds=(
                'emotion: Connect data -1 anxious "is it going to touch prod?"',
                "emotion: Build first chart +1 proud",
                "emotion: Share +1",
            ),
        ),
        Say(
            "pat",
            "pain: connect data > postgres connector > no read-only mode explained",
            adds=("pain: Connect data > postgres connector > no read-only mode explained",),
        ),
        Say("pat", "next"),
        Say(
            "pat",
            "kpi: signup to first dashboard | baseline: 18% | target: 30% | owner: growth\n"
            "action: explain read-only access on the connector page | owner: docs team "
            "| due: Q3 | pain: no read-only mode",
            adds=(
                "kpi: signup to first dashboard | baseline: 18% | target: 30% | owner: growth",
                "action: explain read-only access on the connector page | owner: docs team"
                " | due: 2027-09-30 | pain: no read-only mode explained",
            ),
        ),
    ),
)

INTERLEAVED_WORKSHOP = Conversation(
    "interleaved_workshop",
    "Hotel stay",
    (
        Say(
            "mia",
            "objective: raise review scores for business travellers",
            adds=("objective: raise review scores for business travellers",),
        ),
        Say("raj", "how long should the scenario be", chatter=True),
        Say(
            "mia",
            "scenario: a consultant on a two-night stay for a client visit",
            adds=("scenario: a consultant on a two-night stay for a client visit",),
        ),
        Say("raj", "for: hotel ops managers", adds=("for: hotel ops managers",)),
        Say("mia", "next"),
        Say("raj", "skip"),
        Say(
            "mia",
            "booking, arrival, stay, checkout",
            adds=("stage: Booking", "stage: Arrival", "stage: Stay", "stage: Checkout"),
        ),
        Say("raj", "stage: breakfast", adds=("stage: Breakfast",)),
        Say("mia", "next"),
        Say(
            "mia",
            "arrival > check-in desk (in person) | owner: front office",
            adds=("tp: Arrival > check-in desk (in person) | owner: front office",),
        ),
        Say(
            "raj",
            "stay > wifi login page (web)\nbreakfast > breakfast room (in person)",
            adds=(
                "tp: Stay > wifi login page (website)",
                "tp: Breakfast > breakfast room (in person)",
            ),
        ),
        Say(
            "mia",
            "Checkout: express checkout email (email)",
            adds=("tp: Checkout > express checkout email (email)",),
        ),
        Say("raj", "next"),
        Say("raj", "vote arrival -1 because the queue at 6pm", adds=("vote: Arrival raj -1",)),
        Say("mia", "vote arrival 1", adds=("vote: Arrival mia +1",)),
        Say("mia", "settle arrival 0", adds=("emotion: Arrival +0",)),
        Say(
            "raj",
            'stay: frustrated "wifi drops every hour"',
            adds=('emotion: Stay -1 frustrated "wifi drops every hour"',),
        ),
        Say(
            "mia",
            "pain: stay > wifi login page > wifi drops every hour",
            adds=("pain: Stay > wifi login page > wifi drops every hour",),
        ),
    ),
)

PUBLIC_SERVICE = Conversation(
    "public_service",
    "Passport renewal",
    (
        Say(
            "gov",
            "our goal is to reduce passport applications sent back for errors. The scenario is "
            "an adult renewing an expired passport online.",
            adds=(
                "objective: reduce passport applications sent back for errors",
                "scenario: an adult renewing an expired passport online",
            ),
        ),
        Say(
            "gov",
            "research: 2,000 rejected applications analysed",
            adds=("research: 2,000 rejected applications analysed",),
        ),
        Say("gov", "go to stages"),
        Say(
            "gov",
            "- check eligibility\n- get a photo\n- fill the form\n- pay\n- wait\n"
            "- receive passport",
            adds=(
                "stage: Check eligibility",
                "stage: Get a photo",
                "stage: Fill the form",
                "stage: Pay",
                "stage: Wait",
                "stage: Receive passport",
            ),
        ),
        Say("gov", "next"),
        Say(
            "gov",
            "get a photo > photo booth (in person)\n"
            "fill in the form > online form (web) | thinks: which name do I use?\n"
            "pay > card payment (web)\n"
            "wait > status tracking page (web)\n"
            "recieve passport > courier delivery (post)",
            adds=(
                "tp: Get a photo > photo booth (in person)",
                "tp: Fill the form > online form (website) | thinks: which name do I use?",
                "tp: Pay > card payment (website)",
                "tp: Wait > status tracking page (website)",
                "tp: Receive passport > courier delivery (post)",
            ),
        ),
        Say("gov", "what happens if a stage has no touchpoint", chatter=True),
        Say("gov", "next"),
        Say(
            "gov",
            'fill the form: -1 confused\nwait: -2 anxious "no idea if it arrived"\n'
            "receive passport: 2",
            adds=(
                "emotion: Fill the form -1 confused",
                'emotion: Wait -2 anxious "no idea if it arrived"',
                "emotion: Receive passport +2",
            ),
        ),
        Say(
            "gov",
            "pain: fill the form > online form > photo rejected with no reason given",
            adds=("pain: Fill the form > online form > photo rejected with no reason given",),
        ),
    ),
)

QUICK_AND_MESSY = Conversation(
    "quick_and_messy",
    "Food delivery first order",
    (
        Say(
            "kai",
            "objective - get first-time users to a second order within 14 days",
            adds=("objective: get first-time users to a second order within 14 days",),
        ),
        Say("kai", "next"),
        Say(
            "kai",
            "name: Lena\nabout: student, orders late at night\ngoals: cheap, fast\n"
            "source: app reviews",
            adds=(
                "persona: Lena",
                "persona Lena description: student, orders late at night",
                "persona Lena goals: cheap, fast",
                "persona Lena source: app reviews",
            ),
        ),
        Say("kai", "next"),
        Say(
            "kai",
            "stages are: open app, choose restaurant, order, wait, eat",
            adds=(
                "stage: Open app",
                "stage: Choose restaurant",
                "stage: Order",
                "stage: Wait",
                "stage: Eat",
            ),
        ),
        Say("kai", "next"),
        Say(
            "kai",
            "order > checkout screen (app) | owner: payments team\n"
            "wait > live tracking map (app)\n"
            "wait > courier calls (phone)\n"
            "eat > rating prompt (app)\n"
            "???",
            adds=(
                "tp: Order > checkout screen (mobile app) | owner: payments team",
                "tp: Wait > live tracking map (mobile app)",
                "tp: Wait > courier calls (phone)",
                "tp: Eat > rating prompt (mobile app)",
            ),
            rejects=1,
        ),
        Say("kai", "next"),
        Say(
            "kai",
            'wait: 1/5 angry "45 min for cold noodles"\neat: 3/5',
            adds=('emotion: Wait -2 angry "45 min for cold noodles"', "emotion: Eat +0"),
        ),
        Say(
            "kai",
            "delight: order > apple pay in one tap",
            adds=("delight: Order > apple pay in one tap",),
        ),
        Say("kai", "next"),
        Say(
            "kai",
            "action: show a realistic delivery time before ordering | owner: logistics "
            "| due: end of June",
            adds=(
                "action: show a realistic delivery time before ordering | owner: logistics"
                " | due: 2027-06-30",
            ),
        ),
    ),
)

HELD_APART: tuple[Conversation, ...] = (
    NEWCOMER_SLOPPY,
    PRODUCT_TEAM_SAAS,
    INTERLEAVED_WORKSHOP,
    PUBLIC_SERVICE,
    QUICK_AND_MESSY,
)
