"""The kind of journey a map is about, read from its scope, so tips fit it: a gym membership
map should not get advice written for B2B procurement or a contact centre."""

from __future__ import annotations

import re
from typing import Literal

Domain = Literal["consumer", "b2b", "support", "public"]
DOMAINS: tuple[Domain, ...] = ("consumer", "b2b", "support", "public")

# Words that mark a domain, in scopes, guide tags and section headings.
_MARKERS: dict[Domain, tuple[str, ...]] = {
    "b2b": (
        "b2b",
        "saas",
        "enterprise",
        "procurement",
        "buying group",
        "buying committee",
        "stakeholders",
        "vendor",
        "supplier",
        "account manager",
        "contract renewal",
        "business customers",
    ),
    "support": (
        "support",
        "contact centre",
        "contact center",
        "call centre",
        "call center",
        "helpdesk",
        "help desk",
        "fault",
        "repair",
        "complaint",
        "ticket",
        "troubleshoot",
        "outage",
    ),
    "public": (
        "public service",
        "government",
        "council",
        "citizen",
        "benefit claim",
        "benefits",
        "permit",
        "licence",
        "passport",
        "tax return",
        "patient",
        "hospital",
        "healthcare",
        "gp ",
        "nhs",
    ),
    "consumer": (
        "b2c",
        "consumer",
        "retail",
        "shopper",
        "e-commerce",
        "ecommerce",
        "online shop",
        "checkout",
        "purchase",
        "membership",
        "gym",
        "subscriber",
        "customer buys",
        "mortgage",
        "bank",
        "insurance",
        "restaurant",
        "hotel",
        "travel",
    ),
}
_WORD = re.compile(r"[^a-z0-9]+")


def _normalise(text: str) -> str:
    return f" {_WORD.sub(' ', text.lower())} "


def domain_counts(text: str) -> dict[Domain, int]:
    padded = _normalise(text)
    return {
        domain: sum(padded.count(_normalise(marker)) for marker in markers)
        for domain, markers in _MARKERS.items()
    }


def domain_of(text: str) -> Domain | None:
    """The domain the text speaks of most; None when it names none."""
    counts = domain_counts(text)
    best = max(DOMAINS, key=lambda d: counts[d])
    return best if counts[best] else None


def foreign_domains(text: str, domain: Domain) -> set[Domain]:
    """Domains other than `domain` that the text (a guide's tags, a heading) is written for."""
    counts = domain_counts(text)
    return {d for d in DOMAINS if d != domain and counts[d] and counts[d] >= counts[domain]}
