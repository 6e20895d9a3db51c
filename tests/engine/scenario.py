"""The full guided session used by the end-to-end engine tests: plain text answers only."""

from __future__ import annotations

# (user, message, what must happen): "ok" a change, "same" no change (command or bad input)
SESSION: list[tuple[str, str, str]] = [
    (
        "ana",
        "objective: Halve drop-out between application and approval\n"
        "scenario: A couple buys their first flat with a 10% deposit\n"
        "start: They wonder whether they can afford to buy\n"
        "end: They make their first monthly payment\n"
        "for: Retail lending leadership\n"
        "use: Prioritise the 2027 lending roadmap\n"
        "research: 12 interviews, funnel analytics",
        "ok",
    ),
    ("ana", "colour: blue", "same"),  # bad input 1: unknown field
    ("ana", "next", "same"),
    (
        "ben",
        "name: Maya, first-time buyer\n"
        "description: 31, nurse, buying with her partner\n"
        "goals: a two-bedroom flat near work, know the monthly cost\n"
        "needs: plain-language terms\n"
        "frustrations: repeating the same information\n"
        "source: 12 interviews, March 2026",
        "ok",
    ),
    ("ben", "next", "same"),
    ("ana", "use b2c", "ok"),
    ("ana", "undo", "ok"),
    ("ana", "Dream, Compare, Apply, Approval, Move in", "ok"),
    ("ana", "next", "same"),
    (
        "cleo",
        "Dream > Affordability calculator (web) | does: tries deposits | owner: Digital\n"
        "Dream > Friends' advice (word of mouth) | owner: Marketing\n"
        "Compare > Broker comparison site (reviews) | owner: Partnerships\n"
        "Compare > Mortgage rates page (website) | thinks: can I get this rate? "
        "| owner: Digital",
        "ok",
    ),
    (
        "cleo",
        "Apply > Online application form (website) | does: uploads payslips "
        "| owner: Lending operations\n"
        "Apply > Advisor call (phone) | owner: Mortgage advisors\n"
        "Apply > Document request email (email) | owner: Lending operations",
        "ok",
    ),
    ("cleo", "Checkout > Card form (website)", "same"),  # bad input 2: unknown stage
    (
        "cleo",
        "Approval > Approval call (phone) | owner: Mortgage advisors\n"
        "Approval > Offer letter (email) | owner: Legal\n"
        "Move in > First payment reminder (sms) | owner: Servicing\n"
        "Move in > Mobile app account (app) | owner: Digital",
        "ok",
    ),
    ("ana", "back", "same"),
    ("ana", "next", "same"),
    ("ben", "edit touchpoint First payment reminder owner: Digital servicing", "ok"),
    ("ben", "next", "same"),
    (
        "ana",
        'Dream: 1 hopeful "We might finally afford a place"\n'
        "Compare: overwhelmed\n"
        'Apply: -2 anxious "They asked for the same payslips three times"\n'
        "Approval: 😀\n"
        "Move in: 1 settled",
        "ok",
    ),
    ("ana", "Apply: 9", "same"),  # bad input 3: out of the scale
    (
        "ben",
        "pain: Apply > Document request email > Asked for the same documents twice\n"
        "pain: Apply > No way to see where the application stands\n"
        "pain: Compare > Fees are hard to compare\n"
        "delight: Approval > Approval call > The advisor calls with the decision\n"
        "moment: Apply > Document request email > The first document request",
        "ok",
    ),
    ("ben", "pain: Apply", "same"),  # bad input 4: incomplete line
    ("ben", "next", "same"),
    (
        "cleo",
        "kpi: Application drop-out | baseline: 38% | target: 19% | owner: Head of lending "
        "| stage: Apply\n"
        "kpi: Document re-requests | baseline: 2.4 | target: 0.5 "
        "| owner: Lending operations | pain: same documents\n"
        "kpi: Time to decision | baseline: 14 days | target: 5 days "
        "| owner: Mortgage advisors | stage: Approval",
        "ok",
    ),
    (
        "cleo",
        "action: Reuse uploaded documents | owner: Lending operations | due: someday",
        "same",
    ),  # bad input 5: date format
    (
        "cleo",
        "action: Reuse uploaded documents | owner: Lending operations | due: 2027-03-31 "
        "| pain: same documents\n"
        "action: Application tracker in the app | owner: Digital | pain: where the application\n"
        "action: All-fees comparison table | owner: Marketing | pain: Fees are hard",
        "ok",
    ),
    ("cleo", "", "same"),  # bad input 6: an empty message
    ("ana", "next", "same"),
    ("ana", "done", "ok"),
]
