"""The final held-apart share: written after the reader was finished, run once for the report,
never tuned on. Support journeys, abbreviations, long pasted messages, corrections."""

from __future__ import annotations

from tests.conversations.script import Conversation, Say

SUPPORT_TICKET = Conversation(
    "support_ticket",
    "Printer support",
    (
        Say(
            "sue",
            "goal of the map: fewer repeat contacts for printer faults\n"
            "scenario: office manager whose printer shows an error code",
            adds=(
                "objective: fewer repeat contacts for printer faults",
                "scenario: office manager whose printer shows an error code",
            ),
        ),
        Say("sue", "go to stages"),
        Say(
            "sue",
            "use support",
            adds=(
                "stage: Notice a problem",
                "stage: Look for help",
                "stage: Contact us",
                "stage: Get it resolved",
                "stage: Follow up",
            ),
        ),
        Say("sue", "next"),
        Say(
            "sue",
            "look for help > error code page (web) | does: googles the code\n"
            "contact us > support line (phone) | owner: service desk\n"
            "contact us > chatbot (chat)\n"
            "get it resolved > engineer visit (in person) | owner: field service\n"
            "follow-up > satisfaction survey (email)",
            adds=(
                "tp: Look for help > error code page (website) | does: googles the code",
                "tp: Contact us > support line (phone) | owner: service desk",
                "tp: Contact us > chatbot (chat)",
                "tp: Get it resolved > engineer visit (in person) | owner: field service",
                "tp: Follow up > satisfaction survey (email)",
            ),
        ),
        Say("sue", "is chatbot a channel or a touchpoint", chatter=True),
        Say("sue", "next"),
        Say(
            "sue",
            'contact us: -2 furious "on hold 50 min then cut off"\n'
            "get it resolved: 1\n"
            "notice a problem: anxious",
            adds=(
                'emotion: Contact us -2 furious "on hold 50 min then cut off"',
                "emotion: Get it resolved +1",
                "emotion: Notice a problem -1 anxious",
            ),
        ),
        Say(
            "sue",
            "pain: contact us > support line > cut off after long hold\n"
            "moment: get it resolved > engineer visit",
            adds=(
                "pain: Contact us > support line > cut off after long hold",
                "moment: Get it resolved > engineer visit > engineer visit",
            ),
        ),
    ),
)

ABBREVIATIONS = Conversation(
    "abbreviations",
    "Procurement onboarding",
    (
        Say(
            "dev",
            "obj: get new suppliers paid on first invoice",
            rejects=1,
        ),
        Say(
            "dev",
            "objective: get new suppliers paid on first invoice",
            adds=("objective: get new suppliers paid on first invoice",),
        ),
        Say(
            "dev",
            "stages: invited, registered, approved, first PO, first invoice",
            adds=(
                "stage: Invited",
                "stage: Registered",
                "stage: Approved",
                "stage: First PO",
                "stage: First invoice",
            ),
        ),
        Say("dev", "go to touchpoints"),
        Say(
            "dev",
            "tp: registered > supplier portal (web) | owner: procurement ops",
            adds=("tp: Registered > supplier portal (website) | owner: procurement ops",),
        ),
        Say(
            "dev",
            "first invoice > AP mailbox (email) | thinks: did anyone get it?",
            adds=("tp: First invoice > AP mailbox (email) | thinks: did anyone get it?",),
        ),
        Say("dev", "go to kpis"),
        Say(
            "dev",
            "kpi: first invoice paid on time, baseline 54%, target 90%, owner AP lead, "
            "stage first invoice",
            adds=(
                "kpi: first invoice paid on time | baseline: 54% | target: 90% | owner: AP lead"
                " | stage: First invoice",
            ),
        ),
        Say(
            "dev",
            "action: auto-acknowledge invoices | owner: AP lead | due: Q2 2027",
            adds=("action: auto-acknowledge invoices | owner: AP lead | due: 2027-06-30",),
        ),
        Say("dev", "thanks that's all for today", chatter=True),
    ),
)

LONG_PASTE = Conversation(
    "long_paste",
    "Rental flat viewing",
    (
        Say(
            "kat",
            "objective: more viewings turn into signed leases\n"
            "scenario: a couple relocating for work, viewing flats remotely\n"
            "start: they find a listing\n"
            "end: they get the keys\n"
            "for: letting agents' team leads\n"
            "research: 20 call recordings, CRM funnel\n"
            "stages: find listing, book viewing, view, apply, sign, move in\n"
            "find listing > property portal (web)\n"
            "book viewing > booking form (web) | owner: lettings\n"
            "view > video tour (video call) | owner: lettings\n"
            "apply > reference checks (email) | thinks: why so many documents?\n"
            "sign > e-signature (web)\n"
            "move in > key handover (in person)",
            adds=(
                "objective: more viewings turn into signed leases",
                "scenario: a couple relocating for work, viewing flats remotely",
                "start: they find a listing",
                "end: they get the keys",
                "for: letting agents' team leads",
                "research: 20 call recordings, CRM funnel",
                "stage: Find listing",
                "stage: Book viewing",
                "stage: View",
                "stage: Apply",
                "stage: Sign",
                "stage: Move in",
                "tp: Find listing > property portal (website)",
                "tp: Book viewing > booking form (website) | owner: lettings",
                "tp: View > video tour (video call) | owner: lettings",
                "tp: Apply > reference checks (email) | thinks: why so many documents?",
                "tp: Sign > e-signature (website)",
                "tp: Move in > key handover (in person)",
            ),
        ),
        Say(
            "kat",
            "undo",
            drops=(
                "objective: more viewings turn into signed leases",
                "scenario: a couple relocating for work, viewing flats remotely",
                "start: they find a listing",
                "end: they get the keys",
                "for: letting agents' team leads",
                "research: 20 call recordings, CRM funnel",
                "stage: Find listing",
                "stage: Book viewing",
                "stage: View",
                "stage: Apply",
                "stage: Sign",
                "stage: Move in",
                "tp: Find listing > property portal (website)",
                "tp: Book viewing > booking form (website) | owner: lettings",
                "tp: View > video tour (video call) | owner: lettings",
                "tp: Apply > reference checks (email) | thinks: why so many documents?",
                "tp: Sign > e-signature (website)",
                "tp: Move in > key handover (in person)",
            ),
        ),  # fmt: skip
        Say(
            "kat",
            "objective: more viewings turn into signed leases",
            adds=("objective: more viewings turn into signed leases",),
        ),
    ),
)

HELD_APART_FINAL: tuple[Conversation, ...] = (SUPPORT_TICKET, ABBREVIATIONS, LONG_PASTE)
