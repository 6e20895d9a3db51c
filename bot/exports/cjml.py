"""CJML 2.0 XML: the part of a map that the Customer Journey Modeling Language can hold.

CJML (SINTEF; Halvorsrud et al.) models a journey as actors and touchpoints, each touchpoint an
end-user action or a communication between an initiator and a receiver over a channel, grouped in
phases. We write one `plannedJourney`: phases are our stages, the end user is the persona, each
owning team is a service provider, and a touchpoint with an owner is a communication point
between the customer and that team over its channel. Who starts it is read from the words
(`initiated_by`): a reminder, letter, offer or notification comes from the provider, and so does
anything sent on a channel only providers send on (post, advert); the rest the customer starts.
A touchpoint without an owner is an action of the customer alone, on its channel. Emotions,
pains, KPIs and actions have no CJML element and are left out. No XSD for CJML 2.0 is published,
so tests check the output against the structure of the published examples."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bot.exports.base import ExportExtras, ExportFile, export_file
from bot.model import JourneyMap, Touchpoint

_NOT_ID = re.compile(r"[^A-Za-z0-9_.-]+")
# Words that name a message the service sends out, so the provider starts the touchpoint.
_PROVIDER_WORDS = re.compile(
    r"\b(reminders?|letters?|notifications?|alerts?|offers?|confirmations?|statements?|"
    r"invoices?|bills?|newsletters?|campaigns?|adverts?|ads|outreach|welcome|follow[- ]?up|"
    r"requests?|approvals?|decisions?|surveys?|sends?|sent|calls? from)\b",
    re.IGNORECASE,
)
PROVIDER_CHANNELS = frozenset({"post", "advert"})


def initiated_by(tp: Touchpoint) -> str:
    """'provider' or 'customer': who starts the touchpoint, read from its words and channel."""
    if tp.channel.strip().lower() in PROVIDER_CHANNELS or _PROVIDER_WORDS.search(tp.description):
        return "provider"
    return "customer"


def team_id(owner: str) -> str:
    return "team-" + (_NOT_ID.sub("-", owner.strip().lower()).strip("-") or "unnamed")


def _text(parent: ET.Element, tag: str, value: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = value
    return element


def _party(parent: ET.Element, role: str, actor_id: str, label: str) -> None:
    party = ET.SubElement(parent, role)
    ET.SubElement(party, "refersTo", {"actorIDref": actor_id})
    _text(party, f"{role}Label", label)


def _actors(journey: ET.Element, m: JourneyMap, end_user: str) -> None:
    actors = ET.SubElement(journey, "actors")
    user = ET.SubElement(actors, "endUser", {"actorID": end_user})
    _text(user, "actorName", m.personas[0].name if m.personas else "Customer")
    for owner in dict.fromkeys(t.owner for t in m.touchpoints if t.owner):
        provider = ET.SubElement(actors, "serviceProvider", {"actorID": team_id(owner)})
        _text(provider, "companyName", owner)


def _touchpoint(parent: ET.Element, tp: Touchpoint, end_user: str) -> None:
    kind = "plannedCommunicationPoint" if tp.owner else "plannedAction"
    element = ET.SubElement(parent, kind)
    _text(element, "touchpointID", tp.id)
    ET.SubElement(element, "belongsTo", {"phaseIDref": tp.stage_id})
    if tp.owner and initiated_by(tp) == "provider":
        _party(element, "initiator", team_id(tp.owner), tp.description)
        _party(element, "receiver", end_user, tp.customer_action or tp.description)
    elif tp.owner:
        _party(element, "initiator", end_user, tp.customer_action or tp.description)
        _party(element, "receiver", team_id(tp.owner), tp.description)
    else:
        _party(element, "initiator", end_user, tp.customer_action or tp.description)
    if tp.owner or tp.channel:
        channel = ET.SubElement(element, "channel")
        _text(channel, "channelName", tp.channel or "unknown")
    if tp.customer_thought:
        _text(element, "comment", tp.customer_thought)


def cjml_document(m: JourneyMap) -> ET.Element:
    root = ET.Element("CJML", {"version": "2.0"})
    journey = ET.SubElement(root, "plannedJourney")
    _text(journey, "journeyID", f"PJ-{m.id or 'map'}")
    _text(journey, "journeyTitle", m.title)
    phases = ET.SubElement(journey, "journeyPhases")
    for stage in m.stages:
        phase = ET.SubElement(phases, "journeyPhase", {"phaseID": stage.id})
        _text(phase, "phaseName", stage.name)
        _text(phase, "phaseDescription", stage.description)
    if m.scope.scenario:
        _text(journey, "journeyShortSummary", m.scope.scenario)
    if m.scope.objective:
        _text(journey, "journeyLongSummary", m.scope.objective)
    end_user = m.personas[0].id if m.personas else "end-user"
    _actors(journey, m, end_user)
    touchpoints = ET.SubElement(journey, "touchpoints")
    for stage in m.stages:  # CJML reads touchpoints in journey order
        for tp in m.touchpoints_in(stage.id):
            _touchpoint(touchpoints, tp, end_user)
    return root


def render(m: JourneyMap, extras: ExportExtras | None = None) -> ExportFile:
    root = cjml_document(m)
    ET.indent(root)
    content = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    summary = f"CJML 2.0, {len(m.stages)} phases, {len(m.touchpoints)} touchpoints"
    return export_file(m.title, "cjml", content, summary)
