"""Word lists the checks use. They are documented in docs/critique.md; extend them there too."""

from __future__ import annotations

import re

from bot.model import KNOWN_CHANNELS

# Internal process names that stand where the customer's own action belongs, each with
# customer-side wording to suggest instead ("" for backstage work the customer never sees).
INSIDE_OUT_TERMS: dict[str, str] = {
    "kyc": "proves who they are",
    "know your customer": "proves who they are",
    "aml check": "proves where the money comes from",
    "lead qualification": "explains what they need",
    "lead scoring": "explains what they need",
    "lead nurturing": "hears from us again",
    "mql": "shows interest",
    "ticket triage": "waits to hear who will help",
    "sla": "waits for an answer",
    "crm update": "",
    "crm": "",
    "fulfilment": "receives the order",
    "fulfillment": "receives the order",
    "underwriting": "waits for a decision",
    "case management": "follows up on their request",
    "back office": "waits while we work",
    "back-office": "waits while we work",
    "provisioning": "waits for the service to start",
    "order processing": "waits for the order",
    "claims processing": "waits for the claim decision",
    "claims adjudication": "waits for the claim decision",
    "dunning": "gets payment reminders",
    "tier 1": "talks to the first person who answers",
    "tier 2": "is passed to a specialist",
    "second-line": "is passed to a specialist",
    "handoff": "is passed to another team",
    "hand-off": "is passed to another team",
    "upsell": "is offered more",
    "cross-sell": "is offered something else",
    "pick and pack": "waits for the parcel",
    "data entry": "",
    "referencing": "proves they can pay",
    "reference checks": "proves they can pay",
    "credit check": "waits for a credit decision",
    "reconciliation": "",
}
_LONGEST_FIRST = sorted(INSIDE_OUT_TERMS, key=len, reverse=True)
INSIDE_OUT = re.compile(r"\b(" + "|".join(map(re.escape, _LONGEST_FIRST)) + r")\b", re.IGNORECASE)

# A touchpoint described by nothing more than one of these names a channel or a department,
# not a moment the customer lives through.
VAGUE_TOUCHPOINTS: frozenset[str] = frozenset(
    {
        *KNOWN_CHANNELS,
        "web",
        "web site",
        "online",
        "digital",
        "marketing",
        "e-mail",
        "emails",
        "app",
        "mobile",
        "social",
        "phone call",
        "call",
        "store",
        "shop",
        "advertising",
        "ads",
        "communication",
        "communications",
        "content",
        "sales",
        "support",
        "customer service",
        "portal",
        "letter",
        "misc",
        "various",
        "tbd",
    }
)

# Scope words that say the journey goes on after the purchase (scanned in objective, scenario
# and journey end). Plain "use" is left out: objectives often speak of using the map itself.
AFTER_PURCHASE = re.compile(
    r"\b(usage|using (?:it|the|their|our)|(?:first|daily|everyday|ongoing|regular|continued) use|"
    r"support|renewal|renews?|renewing|loyalty|loyal|onboarding|onboard(?:ed)?|retention|retain|"
    r"repeat|repurchase|churn|delivery|delivered|install(?:ation|ed)?|set up|setup|after-sales|"
    r"aftercare|advocacy|referral|recommend(?:s|ing)?|move in|moved in|moving in|"
    r"first (?:repayment|bill|month|week|year|night|delivery|visit|claim)|repayments?|"
    r"settl(?:e|ing) in|living in|wear(?:ing)?|activat(?:e|ion|ing)|go live|goes live|"
    r"after (?:the )?(?:purchase|sale|signing|booking))\b",
    re.IGNORECASE,
)

# Stage names that mean "the purchase or sign-up happens here".
PURCHASE_STAGE = re.compile(
    r"\b(buy|buying|purchase|purchasing|checkout|check out|pay|paying|payment|order|ordering|"
    r"sign|signing|sign-up|sign up|contract|subscribe|book|booking|apply|application|"
    r"approval|approved|decide|decision|deal|enrol|enroll|convert|conversion)\b",
    re.IGNORECASE,
)


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s/-]", " ", text.casefold()).split())


# The first stage names the brand's own outreach, not what sets the journey off for the customer.
BRAND_START = re.compile(
    r"\b(our|ad|ads|advert|adverts|advertising|advertisement|campaign|commercial|newsletter|"
    r"promotion|promo|marketing|brand|banner|sponsored|welcome email|mailing)\b",
    re.IGNORECASE,
)
# A first stage that is already the purchase: the journey starts at our checkout.
FIRST_STAGE_PURCHASE = re.compile(
    r"^(?:buy|purchase|checkout|check out|pay|order|book|booking|subscribe|sign up|sign-up|"
    r"enrol|enroll|register|apply)\b",
    re.IGNORECASE,
)
AWARENESS_STAGE = re.compile(r"^(?:awareness|aware|become aware|discover|discovery)$", re.I)
# Channels only the brand pushes through. Search, social media, review sites, word of mouth and
# a visit are the customer's own doing: a journey whose first stage is reached through them
# starts with the customer looking, which is where it should start.
OUTREACH_CHANNELS = frozenset({"advert", "email", "sms", "letter", "push", "push notification"})
# A channel the team wrote as none on purpose: "(none)", "-", "n/a". The touchpoint happens
# without a channel (a toothache, a meter in a cupboard), so "no channel" is not a gap.
NO_CHANNEL = "none"
