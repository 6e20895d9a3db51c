"""Scripted conversations the reader was developed against (the tuned share)."""

from __future__ import annotations

from tests.conversations.script import Conversation, Say

README_SLIPS = Conversation(
    "readme_slips",
    "Mortgage application",
    (
        Say(
            "ana",
            "objective: halve drop-out between application and approval\n"
            "scenario: couple buying first flat, 10% deposit\n"
            "starts when they wonder if they can afford it\n"
            "end: first monthly payment\n"
            "used by: retail lending leadership\n"
            "research: 12 interviews + funnel analytics",
            adds=(
                "objective: halve drop-out between application and approval",
                "scenario: couple buying first flat, 10% deposit",
                "start: they wonder if they can afford it",
                "end: first monthly payment",
                "for: retail lending leadership",
                "research: 12 interviews + funnel analytics",
            ),
        ),
        Say("ana", "next"),
        Say(
            "ana",
            "name: Maya\n"
            "description: 31, nurse, buying with her partner\n"
            "goals: 2-bed flat near work, know the monthly cost\n"
            "frustrations: repeating the same info\n"
            "source: 12 interviews",
            adds=(
                "persona: Maya",
                "persona Maya description: 31, nurse, buying with her partner",
                "persona Maya goals: 2-bed flat near work, know the monthly cost",
                "persona Maya frustrations: repeating the same info",
                "persona Maya source: 12 interviews",
            ),
        ),
        Say("ana", "next"),
        Say(
            "ana",
            "Dream, Compare, Apply, Approval, Move in",
            adds=(
                "stage: Dream",
                "stage: Compare",
                "stage: Apply",
                "stage: Approval",
                "stage: Move in",
            ),
        ),
        Say("ana", "next"),
        Say(
            "ana",
            "Dream > Affordability calculator (web) | owner: Digital\n"
            "Compare > rates page (website) | owner Digital\n"
            "Apply > Online application form (web) | does: uploads payslips | owner: Lending ops\n"
            "apply > advisor call (phone) | owner: Mortgage advisors\n"
            "Approvel > Offer letter (email) | owner: Legal",
            adds=(
                "tp: Dream > Affordability calculator (website) | owner: Digital",
                "tp: Compare > rates page (website) | owner: Digital",
                "tp: Apply > Online application form (website) | does: uploads payslips"
                " | owner: Lending ops",
                "tp: Apply > advisor call (phone) | owner: Mortgage advisors",
                "tp: Approval > Offer letter (email) | owner: Legal",
            ),
        ),
        Say(
            "ana",
            "Move in > First payment reminder (sms)",
            adds=("tp: Move in > First payment reminder (sms)",),
        ),
        Say("ana", "Routine > ??? (", rejects=1),
        Say("ana", "next"),
        Say(
            "ana",
            "Dream: 1 hopeful\n"
            "Compare: overwhelmed\n"
            'Apply: -2 anxious, "they asked for the same payslips three times"\n'
            "Approval: 😀\n"
            "Move in: +1 settled",
            adds=(
                "emotion: Dream +1 hopeful",
                "emotion: Compare -1 overwhelmed",
                'emotion: Apply -2 anxious "they asked for the same payslips three times"',
                "emotion: Approval +2 delighted",
                "emotion: Move in +1 settled",
            ),
        ),
        Say(
            "ana",
            "pain: Apply > asked for documents twice\n"
            "moment: Apply > Online application form > first document upload\n"
            "delight: Approval > advisor calls with the decision",
            adds=(
                "pain: Apply > asked for documents twice",
                "moment: Apply > Online application form > first document upload",
                "delight: Approval > advisor calls with the decision",
            ),
        ),
        Say("ana", "next"),
        Say(
            "ana",
            "kpi: application drop-out | baseline 38% | target 19% | owner: Head of lending"
            " | stage: Apply\n"
            "action: reuse uploaded documents | owner: Lending ops | due: 2027-03-31"
            " | pain: asked for documents twice",
            adds=(
                "kpi: application drop-out | baseline: 38% | target: 19% | owner: Head of lending"
                " | stage: Apply",
                "action: reuse uploaded documents | owner: Lending ops | due: 2027-03-31"
                " | pain: asked for documents twice",
            ),
        ),
        Say("ana", "next"),
    ),
    notes="One person follows the README's syntax with small slips.",
)

HURRIED_LOWERCASE = Conversation(
    "hurried_lowercase",
    "Trial to paid",
    (
        Say(
            "sam",
            "hey! so we want to get more trial users to convert to paid. the scenario is a small "
            "agency signing up for a 14 day trial. it starts when they sign up and ends when they "
            "pay the first invoice",
            adds=(
                "objective: get more trial users to convert to paid",
                "scenario: a small agency signing up for a 14 day trial",
                "start: they sign up",
                "end: they pay the first invoice",
            ),
        ),
        Say(
            "sam",
            "research: 9 customer calls and the mixpanel funnel",
            adds=("research: 9 customer calls and the mixpanel funnel",),
        ),
        Say("sam", "hey quick one, how many stages should we have", chatter=True),
        Say("sam", "ok next"),
        Say(
            "sam",
            "priya runs a 6 person design agency and hates admin work",
            adds=(
                "persona: Priya",
                "persona Priya description: runs a 6 person design agency and hates admin work",
            ),
        ),
        Say("sam", "yes"),
        Say(
            "sam",
            "goals: get clients onboarded fast, look professional",
            adds=("persona Priya goals: get clients onboarded fast, look professional",),
        ),
        Say("sam", "next"),
        Say(
            "sam",
            "our stages are research, buy, onboard and renew",
            adds=("stage: Research", "stage: Buy", "stage: Onboard", "stage: Renew"),
        ),
        Say("sam", "next"),
        Say(
            "sam",
            "Research: G2 reviews (web)\n"
            "Buy > pricing page (website)\n"
            "Onboarding > welcome email (email) | owner lifecycle team\n"
            "renew > renewal reminder (email)",
            adds=(
                "tp: Research > G2 reviews (website)",
                "tp: Buy > pricing page (website)",
                "tp: Onboard > welcome email (email) | owner: lifecycle team",
                "tp: Renew > renewal reminder (email)",
            ),
        ),
        Say("sam", "write me a poem about our Q3 roadmap", chatter=True),
        Say("sam", "next"),
        Say(
            "sam",
            "research 7/10 curious\n"
            "buy: 4/10 confused by the plans\n"
            'onboard -1 frustrated "where do I invite my team??"\n'
            "renew: 😐",
            adds=(
                "emotion: Research +1 curious",
                "emotion: Buy +0 confused by the plans",
                'emotion: Onboard -1 frustrated "where do I invite my team??"',
                "emotion: Renew +0 neutral",
            ),
        ),
        Say(
            "sam",
            "pain: onboard > no way to invite the team from the welcome email",
            adds=("pain: Onboard > no way to invite the team from the welcome email",),
        ),
        Say("sam", "next"),
        Say(
            "sam",
            "kpi: trial to paid conversion, baseline 22%, target 30%, owner growth\n"
            "action: invite teammates from the welcome email, owner lifecycle team, due Q3",
            adds=(
                "kpi: trial to paid conversion | baseline: 22% | target: 30% | owner: growth",
                "action: invite teammates from the welcome email | owner: lifecycle team"
                " | due: 2027-09-30",
            ),
        ),
    ),
    notes="A hurried team member writing plain lowercase sentences (the issue's examples).",
)

SCOPE_PROSE = Conversation(
    "scope_prose",
    "Home insurance claim",
    (
        Say(
            "lee",
            "help customers get through a water damage claim without calling us three times",
            adds=(
                "objective: help customers get through a water damage claim without calling us "
                "three times",
            ),
        ),
        Say("lee", "yes"),
        Say(
            "lee",
            "the scenario is a tenant whose kitchen flooded over the weekend. it starts when they "
            "notice the leak, it ends when the repair is paid. this is for the claims ops leads "
            "and we'll use it to pick Q1 fixes",
            adds=(
                "scenario: a tenant whose kitchen flooded over the weekend",
                "start: they notice the leak",
                "end: the repair is paid",
                "for: the claims ops leads",
                "use: pick Q1 fixes",
            ),
        ),
        Say(
            "lee",
            "based on: 40 claim call recordings",
            adds=("research: 40 claim call recordings",),
        ),
        Say("lee", "what's the difference between scenario and objective", chatter=True),
        Say("lee", "next"),
        Say(
            "lee",
            "Tom - tenant, 28, first claim ever",
            adds=("persona: Tom", "persona Tom description: tenant, 28, first claim ever"),
        ),
        Say("lee", "next"),
        Say(
            "lee",
            "1. notice damage\n2. report the claim\n3. assessment\n4. repair\n5. payout",
            adds=(
                "stage: Notice damage",
                "stage: Report the claim",
                "stage: Assessment",
                "stage: Repair",
                "stage: Payout",
            ),
        ),
        Say("lee", "next"),
        Say(
            "lee",
            "report the claim > claim form (app) | thinks: will they believe me?\n"
            "assesment > loss adjuster visit (in person) | owner: claims ops\n"
            "repair > contractor booking (phone)\n"
            "payout > payment notification (sms)",
            adds=(
                "tp: Report the claim > claim form (mobile app) | thinks: will they believe me?",
                "tp: Assessment > loss adjuster visit (in person) | owner: claims ops",
                "tp: Repair > contractor booking (phone)",
                "tp: Payout > payment notification (sms)",
            ),
        ),
        Say("lee", "show map"),
        Say(
            "lee",
            "notice damage > emergency helpline (phone) | owner: claims ops",
            adds=("tp: Notice damage > emergency helpline (phone) | owner: claims ops",),
        ),
    ),
    notes="A scope written as prose: a bare sentence is confirmed, cue phrases split the rest.",
)

PASTED_LIST = Conversation(
    "pasted_list",
    "Online grocery",
    (
        Say(
            "kim",
            "objective: fewer abandoned first orders\n"
            "scenario: a busy parent placing a first online grocery order",
            adds=(
                "objective: fewer abandoned first orders",
                "scenario: a busy parent placing a first online grocery order",
            ),
        ),
        Say("kim", "go to stages"),
        Say(
            "kim",
            "stages: browse → basket → checkout → delivery → first reorder",
            adds=(
                "stage: Browse",
                "stage: Basket",
                "stage: Checkout",
                "stage: Delivery",
                "stage: First reorder",
            ),
        ),
        Say("kim", "next"),
        Say(
            "kim",
            "browse > homepage banners (web)\n"
            "browse > search results (website)\n"
            "browse > app push offer (app)\n"
            "basket > basket page (web) | owner: ecommerce\n"
            "basket > substitutions toggle (web)\n"
            "checkout > delivery slot picker (website) | thinks: why are all slots gone\n"
            "checkout > payment page (web) | owner: payments\n"
            "checkout > promo code field\n"
            "delivery > driver text on arrival (sms)\n"
            "delivry slot > late delivery apology email",
            adds=(
                "tp: Browse > homepage banners (website)",
                "tp: Browse > search results (website)",
                "tp: Browse > app push offer (mobile app)",
                "tp: Basket > basket page (website) | owner: ecommerce",
                "tp: Basket > substitutions toggle (website)",
                "tp: Checkout > delivery slot picker (website) | thinks: why are all slots gone",
                "tp: Checkout > payment page (website) | owner: payments",
                "tp: Checkout > promo code field",
                "tp: Delivery > driver text on arrival (sms)",
            ),
            rejects=1,
        ),
        Say(
            "kim",
            "delivery > late delivery apology email (email)",
            adds=("tp: Delivery > late delivery apology email (email)",),
        ),
        Say("kim", "undo", drops=("tp: Delivery > late delivery apology email (email)",)),
        Say("kim", "next"),
        Say(
            "kim",
            'checkout: 2 out of 5 annoyed "slots always gone"\nbasket: 4/5\ndelivery: 5/5 relieved',
            adds=(
                'emotion: Checkout -1 annoyed "slots always gone"',
                "emotion: Basket +1",
                "emotion: Delivery +2 relieved",
            ),
        ),
    ),
    notes="A pasted list of ten touchpoints with one bad line; undo takes back one message.",
)

INTERLEAVING_TEAM = Conversation(
    "interleaving_team",
    "B2B software purchase",
    (
        Say(
            "ana",
            "objective: shorten the sales cycle for mid-size buyers",
            adds=("objective: shorten the sales cycle for mid-size buyers",),
        ),
        Say(
            "ben",
            "scenario: IT manager replacing a legacy ticketing tool",
            adds=("scenario: IT manager replacing a legacy ticketing tool",),
        ),
        Say("ana", "is a persona needed for b2b?", chatter=True),
        Say(
            "ben",
            "for: sales leadership\nuse: decide where to add presales help",
            adds=("for: sales leadership", "use: decide where to add presales help"),
        ),
        Say("ana", "next"),
        Say(
            "ben",
            "name: Omar\n"
            "description: IT manager, 200-person company\n"
            "needs: SSO, a security review pack\n"
            "source: 6 lost-deal interviews",
            adds=(
                "persona: Omar",
                "persona Omar description: IT manager, 200-person company",
                "persona Omar needs: SSO, a security review pack",
                "persona Omar source: 6 lost-deal interviews",
            ),
        ),
        Say("ana", "next"),
        Say(
            "ana",
            "use b2b",
            adds=(
                "stage: Recognise the need",
                "stage: Research",
                "stage: Evaluate",
                "stage: Negotiate and buy",
                "stage: Onboard",
                "stage: Adopt",
                "stage: Renew or expand",
            ),
        ),
        Say("ben", "remove stage Adopt", drops=("stage: Adopt",)),
        Say("ana", "next"),
        Say(
            "ana",
            "Research > analyst report (web)\n"
            "Evaluate > security questionnaire (email) | owner: security team",
            adds=(
                "tp: Research > analyst report (website)",
                "tp: Evaluate > security questionnaire (email) | owner: security team",
            ),
        ),
        Say(
            "ben",
            "evaluate > demo call (video call) | owner: presales",
            adds=("tp: Evaluate > demo call (video call) | owner: presales",),
        ),
        Say("ana", "next"),
        Say(
            "ana",
            "vote evaluate -2 because the questionnaire takes weeks",
            adds=("vote: Evaluate ana -2",),
        ),
        Say("ben", "vote evaluate 0", adds=("vote: Evaluate ben +0",)),
        Say(
            "ben",
            "settle evaluate -1 because the demo goes well but security drags",
            adds=("emotion: Evaluate -1",),
        ),
        Say(
            "ana",
            "pain: evaluate > security questionnaire > same questions every deal",
            adds=("pain: Evaluate > security questionnaire > same questions every deal",),
        ),
        Say(
            "ben",
            "moment: evaluate > demo call",
            adds=("moment: Evaluate > demo call > demo call",),
        ),
    ),
    notes="Two people interleave answers, a question, a removal and votes.",
)

QUESTIONS_AND_CHATTER = Conversation(
    "questions_and_chatter",
    "Gym membership",
    (
        Say("jo", "hi there", chatter=True),
        Say("jo", "can you explain what a journey map is", chatter=True),
        Say(
            "jo",
            "objective: keep new members past month 3",
            adds=("objective: keep new members past month 3",),
        ),
        Say("jo", "remind me what the steps are", chatter=True),
        Say("jo", "help me write an objective", chatter=True),
        Say("jo", "thanks!", chatter=True),
        Say(
            "jo",
            "scenario - a student joins in january",
            adds=("scenario: a student joins in january",),
        ),
        Say("jo", "lol ok", chatter=True),
        Say("jo", "next"),
        Say("jo", "how do i add a persona", chatter=True),
        Say(
            "jo",
            "name: Alex\ngoals: get fit before summer",
            adds=("persona: Alex", "persona Alex goals: get fit before summer"),
        ),
        Say("jo", "next"),
        Say(
            "jo",
            "sign up, first visit, first month, renewal",
            adds=(
                "stage: Sign up",
                "stage: First visit",
                "stage: First month",
                "stage: Renewal",
            ),
        ),
        Say("jo", "next"),
        Say("jo", "why do we need channels", chatter=True),
        Say(
            "jo",
            "first visit > induction session (in person) | owner: trainers",
            adds=("tp: First visit > induction session (in person) | owner: trainers",),
        ),
        Say("jo", "next"),
        Say(
            "jo",
            'First visit: -2 lost, "nobody showed me the machines"',
            adds=('emotion: First visit -2 lost "nobody showed me the machines"',),
        ),
        Say("jo", "should I add a moment of truth here", chatter=True),
    ),
    notes="Greetings, thanks, questions without a question mark, and requests to the bot.",
)

WRONG_STEP = Conversation(
    "wrong_step",
    "Car rental",
    (
        Say(
            "max",
            "objective: fewer queues at the rental desk\nstages: book, pick up, drive, return",
            adds=(
                "objective: fewer queues at the rental desk",
                "stage: Book",
                "stage: Pick up",
                "stage: Drive",
                "stage: Return",
            ),
        ),
        Say(
            "max",
            "scenario: family picking up a car at the airport after a late flight",
            adds=("scenario: family picking up a car at the airport after a late flight",),
        ),
        Say("max", "next"),
        Say("max", "next"),
        Say("max", "skip"),
        Say("max", "skip"),
        Say(
            "max",
            "pick up > desk queue (in person) | owner: branch ops\n"
            "kpi: average queue time | baseline 25 min | target 10 min | owner: branch ops",
            adds=(
                "tp: Pick up > desk queue (in person) | owner: branch ops",
                "kpi: average queue time | baseline: 25 min | target: 10 min | owner: branch ops",
            ),
        ),
        Say("max", "return: 2 relieved", adds=("emotion: Return +2 relieved",)),
        Say(
            "max",
            "book > comparison site (reviews)",
            adds=("tp: Book > comparison site (review site)",),
        ),
        Say(
            "max",
            "drive > roadside assistance (phone)",
            adds=("tp: Drive > roadside assistance (phone)",),
        ),
    ),
    notes="Answers given at another step, with explicit keys and stage names.",
)

EMOTION_SCALES = Conversation(
    "emotion_scales",
    "Hospital outpatient visit",
    (
        Say(
            "dr",
            "objective: calmer first outpatient visits\n"
            "scenario: a patient referred for a first cardiology appointment",
            adds=(
                "objective: calmer first outpatient visits",
                "scenario: a patient referred for a first cardiology appointment",
            ),
        ),
        Say(
            "dr",
            "stages: referral, booking, arrival, consultation, follow-up",
            adds=(
                "stage: Referral",
                "stage: Booking",
                "stage: Arrival",
                "stage: Consultation",
                "stage: Follow-up",
            ),
        ),
        Say("dr", "go to emotions"),
        Say(
            "dr",
            "referral: 3/10\n"
            'booking 2 out of 10 frustrated "on hold for 40 minutes"\n'
            "arrival: 6/10 nervous\n"
            "consultation :slightly_smiling_face:\n"
            "follow up: 8/10 relieved",
            adds=(
                "emotion: Referral -1",
                'emotion: Booking -1 frustrated "on hold for 40 minutes"',
                "emotion: Arrival +0 nervous",
                "emotion: Consultation +1 happy",
                "emotion: Follow-up +1 relieved",
            ),
        ),
        Say("dr", "booking: 9", rejects=1),
        Say(
            "dr",
            "pain: booking > on hold for 40 minutes | source: call logs",
            adds=("pain: Booking > on hold for 40 minutes",),
        ),
        Say(
            "dr",
            "delight: consultation > doctor explains the results in plain words",
            adds=("delight: Consultation > doctor explains the results in plain words",),
        ),
        Say(
            "dr",
            "moment of truth: arrival > finding the right desk",
            adds=("moment: Arrival > finding the right desk",),
        ),
    ),
    notes="Feelings on 1-10 and 1-5 scales, emoji codes, a score off the scale.",
)

KPIS_FORGIVING = Conversation(
    "kpis_forgiving",
    "Bank account opening",
    (
        Say(
            "ria",
            "objective: open accounts in one sitting",
            adds=("objective: open accounts in one sitting",),
        ),
        Say(
            "ria",
            "stages: apply, verify id, fund, first use",
            adds=("stage: Apply", "stage: Verify id", "stage: Fund", "stage: First use"),
        ),
        Say(
            "ria",
            "pain: verify id > selfie check fails in low light",
            adds=("pain: Verify id > selfie check fails in low light",),
        ),
        Say("ria", "go to kpis"),
        Say(
            "ria",
            "kpi: id check pass rate baseline 71% target 90% owner: onboarding squad "
            "stage: verify id",
            adds=(
                "kpi: id check pass rate | baseline: 71% | target: 90% | owner: onboarding squad"
                " | stage: Verify id",
            ),
        ),
        Say(
            "ria",
            "action: add a low-light tip before the selfie | owner onboarding squad "
            "| by end of March | pain: selfie check",
            adds=(
                "action: add a low-light tip before the selfie | owner: onboarding squad"
                " | due: 2027-03-31 | pain: selfie check fails in low light",
            ),
        ),
        Say(
            "ria",
            "action: call back customers who drop out, when: 2027-02-15",
            adds=("action: call back customers who drop out | due: 2027-02-15",),
        ),
        Say("ria", "kpi: time to first deposit", adds=("kpi: time to first deposit",)),
        Say("ria", "owner: Ria", adds=("owner: Ria",)),
        Say(
            "ria",
            "title: Current account opening",
            adds=("title: Current account opening",),
            drops=("title: Bank account opening",),
        ),
    ),
    notes="KPIs and actions without pipes or colons, free dates, the map's owner and title.",
)

STAGE_COLLISIONS = Conversation(
    "stage_collisions",
    "Laptop purchase",
    (
        Say(
            "ivy",
            "objective: fewer returns of new laptops\nresearch: returns survey 2026",
            adds=(
                "objective: fewer returns of new laptops",
                "research: returns survey 2026",
            ),
        ),
        Say(
            "ivy",
            "stages: discover, research, buy, use",
            adds=("stage: Discover", "stage: Research", "stage: Buy", "stage: Use"),
        ),
        Say("ivy", "go to touchpoints"),
        Say(
            "ivy",
            "research: comparison videos (youtube)\n"
            "use: setup wizard (product)\n"
            "buy - checkout page (web)",
            adds=(
                "tp: Research > comparison videos (youtube)",
                "tp: Use > setup wizard (product)",
                "tp: Buy > checkout page (website)",
            ),
        ),
        Say(
            "ivy",
            "research basis: returns survey 2026 and 30 reviews",
            adds=("research: returns survey 2026 and 30 reviews",),
            drops=("research: returns survey 2026",),
        ),
        Say("ivy", "use: 2 delighted", adds=("emotion: Use +2 delighted",)),
    ),
    notes="Stages called Research and Use, like the scope's research and use fields.",
)

UNDO_AND_EDIT = Conversation(
    "undo_and_edit",
    "Parcel returns",
    (
        Say(
            "zoe",
            "objective: make returns painless\nscenario: someone returning shoes that don't fit",
            adds=(
                "objective: make returns painless",
                "scenario: someone returning shoes that don't fit",
            ),
        ),
        Say(
            "zoe",
            "stages: decide to return, print label, drop off, refund",
            adds=(
                "stage: Decide to return",
                "stage: Print label",
                "stage: Drop off",
                "stage: Refund",
            ),
        ),
        Say("zoe", "go to touchpoints"),
        Say(
            "zoe",
            "print label > returns portal (web)\ndrop off > parcel shop (in store)",
            adds=(
                "tp: Print label > returns portal (website)",
                "tp: Drop off > parcel shop (in store)",
            ),
        ),
        Say(
            "zoe",
            "refund > refund email (email)",
            adds=("tp: Refund > refund email (email)",),
        ),
        Say("zoe", "undo", drops=("tp: Refund > refund email (email)",)),
        Say(
            "zoe",
            "refund > refund confirmation email (email) | owner: finance",
            adds=("tp: Refund > refund confirmation email (email) | owner: finance",),
        ),
        Say("zoe", "show map"),
        Say(
            "zoe",
            "edit tp-5 owner: returns team",
            adds=("tp: Print label > returns portal (website) | owner: returns team",),
            drops=("tp: Print label > returns portal (website)",),
        ),
        Say(
            "zoe",
            "edit touchpoint parcel shop channel: in person",
            adds=("tp: Drop off > parcel shop (in person)",),
            drops=("tp: Drop off > parcel shop (in store)",),
        ),
    ),
    notes="Undo takes back one message; edits by id and by name.",
)

TUNED: tuple[Conversation, ...] = (
    README_SLIPS,
    HURRIED_LOWERCASE,
    SCOPE_PROSE,
    PASTED_LIST,
    INTERLEAVING_TEAM,
    QUESTIONS_AND_CHATTER,
    WRONG_STEP,
    EMOTION_SCALES,
    KPIS_FORGIVING,
    STAGE_COLLISIONS,
    UNDO_AND_EDIT,
)

WORKSHOP_PASTE = Conversation(
    "workshop_paste",
    "Yoga studio first class",
    (
        Say(
            "ola",
            "Objective: more trial-class people buy a 10-class pass\n"
            "Scenario: an office worker trying yoga for back pain",
            adds=(
                "objective: more trial-class people buy a 10-class pass",
                "scenario: an office worker trying yoga for back pain",
            ),
        ),
        Say("ola", "go to stages"),
        Say(
            "ola",
            "1. Discover - finds us on instagram\n2. Book - picks a trial class\n"
            "3. First class - the actual class\n4. Decide - buys a pass or not",
            adds=("stage: Discover", "stage: Book", "stage: First class", "stage: Decide"),
        ),
        Say("ola", "next"),
        Say(
            "ola",
            "Discover\tinstagram reel\tsocial\nBook\tbooking app\tapp",
            adds=(
                "tp: Discover > instagram reel (social media)",
                "tp: Book > booking app (mobile app)",
            ),
        ),
        Say("ola", "same for decide", rejects=1),
        Say(
            "ola",
            "Decide > pass offer email (email) | owner: front desk",
            adds=("tp: Decide > pass offer email (email) | owner: front desk",),
        ),
        Say("ola", "next"),
        Say(
            "ola",
            "first class: 10/10 calm\ndecide: 3/5 unsure\ndiscover: +1",
            adds=(
                "emotion: First class +2 calm",
                "emotion: Decide +0 unsure",
                "emotion: Discover +1",
            ),
        ),
    ),
    notes="A pasted workshop list: stages with descriptions, a tab-separated table.",
)

TUNED = (*TUNED, WORKSHOP_PASTE)

LATE_CORRECTIONS = Conversation(
    "late_corrections",
    "Broadband install",
    (
        Say(
            "tom",
            "objective: first-time-right installs\nstages: order, install day, first week",
            adds=(
                "objective: first-time-right installs",
                "stage: Order",
                "stage: Install day",
                "stage: First week",
            ),
        ),
        Say("tom", "nexy", rejects=1),
        Say("tom", "next"),
        Say(
            "tom",
            "name: Ravi\nneeds: a fixed install slot",
            adds=("persona: Ravi", "persona Ravi needs: a fixed install slot"),
        ),  # fmt: skip
        Say("tom", "go to emotions"),
        Say("tom", "pains: engineer no-show, router lights unclear", rejects=1),
        Say(
            "tom",
            "pain: install day > engineer no-show\npain: router lights unclear",
            adds=("pain: Install day > engineer no-show",),
            rejects=1,
        ),
        Say(
            "tom",
            "pain: first week > router lights unclear",
            adds=("pain: First week > router lights unclear",),
        ),
        Say("tom", "shwo map", rejects=1),
    ),
    notes="Typos in commands, pains without a stage, a persona key at another step.",
)

TUNED = (*TUNED, LATE_CORRECTIONS)
