"""Sample maps: the gallery in docs/, benches and tests build on these."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.evidence import evidence_for
from bot.model import (
    Action,
    Contribution,
    DelightPoint,
    Emotion,
    JourneyMap,
    Kpi,
    MapStatus,
    MomentOfTruth,
    PainPoint,
    Persona,
    Scope,
    Stage,
    Touchpoint,
)

FIXED_TIME = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)

_MORTGAGE_STAGES: list[tuple[str, int, str, str, list[tuple[str, str, str, str, str]]]] = [
    # name, emotion score and label, quote,
    # touchpoints (description, channel, does, thinks, owner)
    (
        "Dream",
        1,
        "hopeful",
        "We finally think we can afford a place of our own.",
        [
            (
                "Affordability calculator",
                "website",
                "Tries three deposit amounts",
                "Is this number real or a teaser?",
                "Digital",
            ),
            (
                "Friends' recommendations",
                "word of mouth",
                "Asks friends who bought last year",
                "Who did they trust?",
                "Marketing",
            ),
        ],
    ),
    (
        "Compare",
        0,
        "overwhelmed",
        "Every bank's rate page looks the same.",
        [
            (
                "Rate comparison on a broker site",
                "review site",
                "Compares fixed rates",
                "Which fees are hidden?",
                "Partnerships",
            ),
            (
                "Mortgage rates page",
                "website",
                "Reads the fixed-rate table",
                "Can I get this rate?",
                "Digital",
            ),
        ],
    ),
    (
        "Apply",
        -2,
        "anxious",
        "They asked for the same payslips three times.",
        [
            (
                "Online application form",
                "website",
                "Uploads payslips and ID",
                "Did it save my progress?",
                "Lending operations",
            ),
            (
                "Advisor call",
                "phone",
                "Answers questions about income",
                "Am I being judged?",
                "Mortgage advisors",
            ),
            (
                "Document request email",
                "email",
                "Re-sends documents",
                "Why again?",
                "Lending operations",
            ),
        ],
    ),
    (
        "Approval",
        2,
        "relieved",
        "The approval call made my week.",
        [
            (
                "Approval call",
                "phone",
                "Hears the decision from the advisor",
                "We did it!",
                "Mortgage advisors",
            ),
            (
                "Offer letter",
                "email",
                "Reads the binding offer",
                "What do these conditions mean?",
                "Legal",
            ),
        ],
    ),
    (
        "Move in",
        1,
        "settled",
        "Paying through the app is painless.",
        [
            (
                "First payment reminder",
                "sms",
                "Checks the first payment date",
                "Is the amount what I expected?",
                "Servicing",
            ),
            (
                "Mobile app account",
                "mobile app",
                "Sets up the direct debit",
                "Easy enough.",
                "Digital",
            ),
        ],
    ),
]


def sample_map() -> JourneyMap:
    """A realistic, complete map of first-time mortgage buyers, used across docs and tests."""
    m = JourneyMap(
        id="sample-mortgage",
        title="First-time mortgage buyers",
        scope=Scope(
            objective="Cut drop-out between application and approval by half within a year.",
            scenario="A couple buys their first flat with a 10% deposit.",
            journey_start="They start wondering whether they can afford to buy.",
            journey_end="They have made their first monthly payment.",
            audience="Retail lending leadership and the digital team",
            usage="Prioritise the 2027 lending roadmap and brief the advisors.",
            research_basis=(
                "12 customer interviews (2026), application funnel analytics, NPS survey n=412"
            ),
        ),
        created_at=FIXED_TIME,
        updated_at=FIXED_TIME,
    )
    m.personas.append(
        Persona(
            id=m.new_id("persona"),
            name="Maya, first-time buyer",
            description="31, nurse, buying with her partner; careful with money, short on time.",
            goals=["Buy a two-bedroom flat near work", "Know the monthly cost up front"],
            needs=["Plain-language terms", "Progress she can see"],
            frustrations=["Repeating the same information", "Jargon"],
            data_source="12 interviews, March 2026",
            evidence=evidence_for("12 interviews, March 2026"),
        )
    )
    for name, score, label, quote, touchpoints in _MORTGAGE_STAGES:
        stage = Stage(id=m.new_id("stage"), name=name)
        m.stages.append(stage)
        m.emotions.append(
            Emotion(
                stage_id=stage.id,
                score=score,
                label=label,
                quote=quote,
                evidence=evidence_for(quote=quote),
            )
        )
        for description, channel, does, thinks, owner in touchpoints:
            m.touchpoints.append(
                Touchpoint(
                    id=m.new_id("touchpoint"),
                    stage_id=stage.id,
                    channel=channel,
                    description=description,
                    customer_action=does,
                    customer_thought=thinks,
                    owner=owner,
                )
            )
    apply_stage, compare_stage, approval_stage = m.stages[2], m.stages[1], m.stages[3]
    form, _, doc_email = m.touchpoints_in(apply_stage.id)
    pain_docs = PainPoint(
        id=m.new_id("pain"),
        text="Asked for the same documents several times",
        stage_id=apply_stage.id,
        touchpoint_id=doc_email.id,
    )
    pain_progress = PainPoint(
        id=m.new_id("pain"),
        text="No way to see where the application stands",
        stage_id=apply_stage.id,
        touchpoint_id=form.id,
    )
    pain_fees = PainPoint(
        id=m.new_id("pain"),
        text="Fees are hard to compare between lenders",
        stage_id=compare_stage.id,
    )
    m.pain_points += [pain_docs, pain_progress, pain_fees]
    m.delight_points.append(
        DelightPoint(
            id=m.new_id("delight"),
            text="Advisor calls personally with the decision",
            stage_id=approval_stage.id,
            touchpoint_id=m.touchpoints_in(approval_stage.id)[0].id,
        )
    )
    m.moments_of_truth.append(
        MomentOfTruth(
            id=m.new_id("moment"),
            text="The first document request: do we trust this bank?",
            stage_id=apply_stage.id,
            touchpoint_id=doc_email.id,
        )
    )
    m.actions += [
        Action(
            id=m.new_id("action"),
            description="Reuse uploaded documents across the application",
            owner="Lending operations",
            due=date(2027, 3, 31),
            pain_point_id=pain_docs.id,
        ),
        Action(
            id=m.new_id("action"),
            description="Add an application tracker to the app",
            owner="Digital",
            due=date(2027, 6, 30),
            pain_point_id=pain_progress.id,
        ),
        Action(
            id=m.new_id("action"),
            description="Publish an all-fees-included comparison table",
            owner="Marketing",
            stage_id=compare_stage.id,
            pain_point_id=pain_fees.id,
        ),
    ]
    m.kpis += [
        Kpi(
            id=m.new_id("kpi"),
            name="Application drop-out rate",
            definition="Started applications not submitted within 30 days",
            baseline="38%",
            target="19%",
            owner="Head of lending",
            stage_id=apply_stage.id,
        ),
        Kpi(
            id=m.new_id("kpi"),
            name="Document re-requests per application",
            definition="Document requests beyond the first, per submitted application",
            baseline="2.4",
            target="0.5",
            owner="Lending operations",
            pain_point_id=pain_docs.id,
        ),
        Kpi(
            id=m.new_id("kpi"),
            name="Time to decision",
            definition="Days from submission to approval call",
            baseline="14 days",
            target="5 days",
            owner="Mortgage advisors",
            stage_id=approval_stage.id,
        ),
    ]
    m.contributors.append(Contribution(user="U_SAMPLE", summary="built the sample", at=FIXED_TIME))
    for touchpoint in (form, doc_email):
        touchpoint.evidence = evidence_for("application funnel analytics")
    for item in (*m.pain_points, *m.delight_points, *m.moments_of_truth):
        item.evidence = evidence_for("12 customer interviews (2026)")
    m.owner = "Head of lending"
    m.status = MapStatus.COMPLETE
    m.version = 1
    return m


_CHANNEL_CYCLE = ("website", "mobile app", "email", "phone", "chat", "in store")


def large_map(stages: int = 12, touchpoints: int = 60) -> JourneyMap:
    """A big, regular map for benches: every stage has touchpoints, emotions, a pain, an action."""
    m = JourneyMap(
        id="large",
        title=f"Large map {stages}x{touchpoints}",
        created_at=FIXED_TIME,
        updated_at=FIXED_TIME,
    )
    m.scope = sample_map().scope
    m.personas = sample_map().personas
    m.serial = 1
    for i in range(stages):
        stage = Stage(id=m.new_id("stage"), name=f"Stage {i + 1}")
        m.stages.append(stage)
        m.emotions.append(Emotion(stage_id=stage.id, score=(i % 5) - 2, label="mixed"))
    for j in range(touchpoints):
        stage = m.stages[j % stages]
        m.touchpoints.append(
            Touchpoint(
                id=m.new_id("touchpoint"),
                stage_id=stage.id,
                channel=_CHANNEL_CYCLE[j % len(_CHANNEL_CYCLE)],
                description=f"Touchpoint {j + 1} with a fairly long description of what happens",
                customer_action=f"Customer does thing {j + 1}",
                customer_thought=f"Customer wonders about thing {j + 1}",
                owner=f"Team {j % 7}",
            )
        )
    for stage in m.stages:
        pain = PainPoint(id=m.new_id("pain"), text=f"Pain in {stage.name}", stage_id=stage.id)
        m.pain_points.append(pain)
        m.actions.append(
            Action(
                id=m.new_id("action"),
                description=f"Fix {pain.text}",
                owner="Ops",
                pain_point_id=pain.id,
            )
        )
    m.moments_of_truth.append(
        MomentOfTruth(
            id=m.new_id("moment"), text="Decision", stage_id=m.stages[len(m.stages) // 2].id
        )
    )
    m.kpis.append(
        Kpi(
            id=m.new_id("kpi"),
            name="Conversion",
            baseline="10%",
            target="15%",
            owner="Growth",
            stage_id=m.stages[0].id,
        )
    )
    return JourneyMap.model_validate(m.model_dump())
