"""Mermaid and CJML: open formats other tools read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bot.exports.cjml import cjml_document
from bot.exports.cjml import render as render_cjml
from bot.exports.mermaid import mermaid_journey
from bot.model import JourneyMap, Stage, Touchpoint
from bot.samples import sample_map

# The structure of the published CJML 2.0 examples: which children an element may have, in order.
CJML_STRUCTURE: dict[str, list[str]] = {
    "CJML": ["plannedJourney", "actualJourney"],
    "plannedJourney": [
        "journeyID",
        "journeyTitle",
        "journeyPhases",
        "journeyShortSummary",
        "journeyLongSummary",
        "actors",
        "touchpoints",
    ],
    "journeyPhases": ["journeyPhase"],
    "journeyPhase": ["phaseName", "phaseDescription"],
    "actors": ["endUser", "serviceProvider"],
    "endUser": ["actorName"],
    "serviceProvider": ["companyName"],
    "touchpoints": ["plannedCommunicationPoint", "plannedAction"],
    "plannedCommunicationPoint": [
        "touchpointID",
        "belongsTo",
        "initiator",
        "receiver",
        "channel",
        "comment",
    ],
    "plannedAction": ["touchpointID", "belongsTo", "initiator", "channel", "comment"],
    "initiator": ["refersTo", "initiatorLabel"],
    "receiver": ["refersTo", "receiverLabel"],
    "channel": ["channelName"],
}


def check_structure(element: ET.Element) -> None:
    allowed = CJML_STRUCTURE.get(element.tag, [])
    positions = [allowed.index(child.tag) for child in element if child.tag in allowed]
    assert all(child.tag in allowed for child in element), (element.tag, [c.tag for c in element])
    assert positions == sorted(positions), f"children of {element.tag} out of order"
    for child in element:
        check_structure(child)


def test_cjml_follows_the_published_structure_and_references_resolve() -> None:
    root = cjml_document(sample_map())
    assert root.tag == "CJML" and root.get("version") == "2.0"
    check_structure(root)
    journey = root.find("plannedJourney")
    assert journey is not None
    actors = {a.get("actorID") for a in journey.find("actors")}  # type: ignore[union-attr]
    phases = {p.get("phaseID") for p in journey.find("journeyPhases")}  # type: ignore[union-attr]
    assert {r.get("actorIDref") for r in root.iter("refersTo")} <= actors
    assert {b.get("phaseIDref") for b in root.iter("belongsTo")} <= phases
    assert len(list(journey.find("touchpoints"))) == 11  # type: ignore[arg-type]
    names = [n.text for n in root.iter("companyName")]
    assert names == [
        "Digital",
        "Marketing",
        "Partnerships",
        "Lending operations",
        "Mortgage advisors",
        "Legal",
        "Servicing",
    ]


def test_cjml_keeps_channels_and_who_starts_each_touchpoint() -> None:
    root = cjml_document(sample_map())
    points = {
        p.findtext("touchpointID"): p
        for p in root.iter()
        if p.tag in {"plannedCommunicationPoint", "plannedAction"}
    }
    m = sample_map()
    by_name = {t.description: points[t.id] for t in m.touchpoints}
    for tp in m.touchpoints:
        assert by_name[tp.description].findtext("channel/channelName") == tp.channel
    reminder = by_name["First payment reminder"]  # the bank sends it
    assert reminder.find("initiator/refersTo").get("actorIDref") == "team-servicing"  # type: ignore[union-attr]
    assert reminder.find("receiver/refersTo").get("actorIDref") == m.personas[0].id  # type: ignore[union-attr]
    form = by_name["Online application form"]  # the customer fills it in
    assert form.find("initiator/refersTo").get("actorIDref") == m.personas[0].id  # type: ignore[union-attr]
    starts = {
        name: "provider"
        if point.find("initiator/refersTo").get("actorIDref").startswith("team-")  # type: ignore[union-attr]
        else "customer"
        for name, point in by_name.items()
    }
    assert starts == {
        "Affordability calculator": "customer",
        "Friends' recommendations": "customer",
        "Rate comparison on a broker site": "customer",
        "Mortgage rates page": "customer",
        "Online application form": "customer",
        "Advisor call": "customer",
        "Document request email": "provider",
        "Approval call": "provider",
        "Offer letter": "provider",
        "First payment reminder": "provider",
        "Mobile app account": "customer",
    }


def test_cjml_escapes_user_text() -> None:
    m = JourneyMap(title='<script>alert("x")</script> & co')
    m.stages.append(Stage(id=m.new_id("stage"), name="A & <B>"))
    file = render_cjml(m)
    assert b"<script>" not in file.content and b"&lt;script&gt;" in file.content
    assert ET.fromstring(file.content).find("plannedJourney/journeyTitle").text == m.title  # type: ignore[union-attr]
    assert file.filename.endswith(".xml")


def test_mermaid_journey_sections_tasks_and_scores() -> None:
    text = mermaid_journey(sample_map())
    lines = text.splitlines()
    assert lines[0] == "journey" and lines[1] == "    title First-time mortgage buyers"
    assert "    section Apply" in lines
    assert "      Online application form: 1: Maya – first-time buyer, Lending operations" in lines
    assert "      Approval call: 5: Maya – first-time buyer, Mortgage advisors" in lines


def test_mermaid_strips_what_would_break_the_syntax() -> None:
    m = JourneyMap(title="Title: with; #hash")
    stage = Stage(id=m.new_id("stage"), name="Stage\nName")
    m.stages.append(stage)
    m.touchpoints.append(
        Touchpoint(id=m.new_id("touchpoint"), stage_id=stage.id, description="Call: now; `code`")
    )
    lines = mermaid_journey(m).splitlines()
    assert lines[1] == "    title Title with hash"
    assert lines[2] == "    section Stage Name"
    assert lines[3] == "      Call now code: 3: Customer"


def test_open_formats_are_exported_by_name_but_not_by_all() -> None:
    from bot.exports import export, export_many

    assert export(sample_map(), "mermaid").filename == "first-time-mortgage-buyers.mmd"
    assert export(sample_map(), "cjml").mime_type == "application/xml"
    assert {f.format for f in export_many(sample_map(), "all")}.isdisjoint({"mermaid", "cjml"})


def test_markdown_export_carries_the_mermaid_diagram() -> None:
    from bot.exports import export

    text = export(sample_map(), "markdown").content.decode()
    assert "```mermaid\njourney\n    title First-time mortgage buyers\n" in text
    assert text.rstrip().endswith("```")


def test_mermaid_labels_cannot_carry_html() -> None:
    m = JourneyMap(title="<script>alert(1)</script> <!channel>")
    assert "<" not in mermaid_journey(m) and ">" not in mermaid_journey(m)
