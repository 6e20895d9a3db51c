"""The facilitation steps: each has its question, a worked example, what it needs before the
team moves on, and the method checks it weaves in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.model import JourneyMap, Step


@dataclass(frozen=True)
class StepSpec:
    step: Step
    question: str
    example: str
    missing: Callable[[JourneyMap], list[str]]
    checks: Callable[[JourneyMap], list[str]]


def _scope_missing(m: JourneyMap) -> list[str]:
    return ["an objective"] if not m.scope.objective else []


def _scope_checks(m: JourneyMap) -> list[str]:
    warnings = []
    if not m.scope.scenario:
        warnings.append(
            "No scenario yet: a map without one scenario tends to blur several journeys into one."
        )
    if not (m.scope.journey_start and m.scope.journey_end):
        warnings.append("Say where the journey starts and ends, so everyone maps the same span.")
    if not m.scope.audience:
        warnings.append(
            "Who is the map for? A map with no owner is rarely used after the workshop."
        )
    return warnings


def _personas_missing(m: JourneyMap) -> list[str]:
    return ["a persona"] if not m.personas else []


def _persona_checks(m: JourneyMap) -> list[str]:
    warnings = []
    if len(m.personas) > 1:
        names = ", ".join(p.name for p in m.personas)
        warnings.append(
            f"This map has {len(m.personas)} personas ({names}). One map, one persona: "
            "consider a separate map for each."
        )
    for persona in m.personas:
        if not persona.goals:
            warnings.append(f"Persona {persona.name} has no goals yet.")
        if not persona.data_source:
            warnings.append(
                f"Persona {persona.name} has no data source: is it research or a guess?"
            )
    return warnings


def _stage_limits() -> tuple[int, int]:
    """The critique's own thresholds: the step asks for what the critique will check."""
    from bot.critique.checks.stages import MAX_STAGES, MIN_STAGES  # loaded on first use

    return MIN_STAGES, MAX_STAGES


def _stages_missing(m: JourneyMap) -> list[str]:
    least, _ = _stage_limits()
    return [f"at least {least} stages"] if len(m.stages) < least else []


def _stage_checks(m: JourneyMap) -> list[str]:
    _, most = _stage_limits()
    if len(m.stages) > most:
        return [
            f"{len(m.stages)} stages is a lot (the critique flags more than {most}): merge some "
            "so the map stays readable."
        ]
    return []


def _touchpoints_missing(m: JourneyMap) -> list[str]:
    return ["a touchpoint"] if not m.touchpoints else []


def _touchpoint_checks(m: JourneyMap) -> list[str]:
    warnings = [
        f"Stage {s.name} has no touchpoint yet." for s in m.stages if not m.touchpoints_in(s.id)
    ]
    unowned = [t.description for t in m.touchpoints if not t.owner]
    if unowned:
        warnings.append(f"{len(unowned)} touchpoint(s) have no owner: {_listed(unowned)}.")
    return warnings


def _emotions_missing(m: JourneyMap) -> list[str]:
    return ["an emotion for a stage"] if not m.emotions else []


def _emotion_checks(m: JourneyMap) -> list[str]:
    warnings = [f"Stage {s.name} has no emotion yet." for s in m.stages if not m.emotion_for(s.id)]
    lows_without_pain = [
        s.name
        for s in m.stages
        if (e := m.emotion_for(s.id))
        and e.score < 0
        and not any(p.stage_id == s.id for p in m.pain_points)
    ]
    if lows_without_pain:
        warnings.append(f"Emotional lows with no pain point: {_listed(lows_without_pain)}.")
    if m.stages and not m.moments_of_truth:
        warnings.append("No moment of truth yet: where does the customer decide to trust you?")
    return warnings


def _kpis_missing(m: JourneyMap) -> list[str]:
    return ["a KPI"] if not m.kpis else []


def _kpi_checks(m: JourneyMap) -> list[str]:
    warnings = []
    acted_on = {a.pain_point_id for a in m.actions}
    orphans = [p.text for p in m.pain_points if p.id not in acted_on]
    if orphans:
        warnings.append(f"Pain points with no action: {_listed(orphans)}.")
    for kpi in m.kpis:
        gaps = [name for name, value in (("target", kpi.target), ("owner", kpi.owner)) if not value]
        if gaps:
            warnings.append(f"KPI {kpi.name} has no {' or '.join(gaps)}.")
    return warnings


def _review_checks(m: JourneyMap) -> list[str]:
    return [
        *_scope_checks(m),
        *_persona_checks(m),
        *_touchpoint_checks(m),
        *_emotion_checks(m),
        *_kpi_checks(m),
    ]


def _listed(names: list[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


SPECS: dict[Step, StepSpec] = {
    Step.SCOPE: StepSpec(
        Step.SCOPE,
        "What is this map for? Give the objective, the scenario, where the journey starts and "
        "ends, who the map is for and how it will be used, and the research behind it.",
        "objective: Halve drop-out between application and approval\n"
        "scenario: A couple buys their first flat with a 10% deposit\n"
        "start: They wonder whether they can afford to buy\n"
        "end: They make their first monthly payment\n"
        "for: Retail lending leadership\n"
        "use: Prioritise the 2027 roadmap\n"
        "research: 12 interviews, funnel analytics",
        _scope_missing,
        _scope_checks,
    ),
    Step.PERSONAS: StepSpec(
        Step.PERSONAS,
        "Who is the customer on this journey? Describe one persona: name, a line about them, "
        "their goals, needs and frustrations, and where you know this from.",
        "name: Maya, first-time buyer\n"
        "description: 31, nurse, buying with her partner\n"
        "goals: a two-bedroom flat near work, know the monthly cost\n"
        "needs: plain-language terms\n"
        "frustrations: repeating the same information\n"
        "source: 12 interviews, March 2026",
        _personas_missing,
        _persona_checks,
    ),
    Step.STAGES: StepSpec(
        Step.STAGES,
        "What are the stages of the journey, in order? A comma list or one per line. "
        "Or start from a default set: `use b2c`, `use b2b` or `use support`.",
        "Dream, Compare, Apply, Approval, Move in",
        _stages_missing,
        _stage_checks,
    ),
    Step.TOUCHPOINTS: StepSpec(
        Step.TOUCHPOINTS,
        "Where does the customer meet you at each stage? One touchpoint per line: "
        "`Stage > touchpoint (channel)`, then optionally `| does: … | thinks: … | owner: …`.",
        "Apply > Online application form (website) | does: uploads payslips | "
        "thinks: did it save? | owner: Lending operations\n"
        "Apply > Advisor call (phone) | owner: Mortgage advisors",
        _touchpoints_missing,
        _touchpoint_checks,
    ),
    Step.EMOTIONS: StepSpec(
        Step.EMOTIONS,
        "How does the customer feel at each stage (-2 to +2, a word or an emoji, and a quote if "
        "you have one)? Then the pain points, delight points and moments of truth.",
        'Apply: -2 anxious "They asked for the same payslips three times"\n'
        "Approval: 😀\n"
        "pain: Apply > Document request email > Asked for documents twice\n"
        "delight: Approval > Advisor calls with the decision\n"
        "moment: Apply > The first document request",
        _emotions_missing,
        _emotion_checks,
    ),
    Step.KPIS: StepSpec(
        Step.KPIS,
        "How will you know it got better, and who acts? Give KPIs (metric, baseline, target, "
        "owner, linked to a stage or pain point) and actions (owner, due date, linked pain).",
        "kpi: Application drop-out | baseline: 38% | target: 19% | owner: Head of lending "
        "| stage: Apply\n"
        "action: Reuse uploaded documents | owner: Lending operations | due: 2027-03-31 "
        "| pain: Asked for documents twice",
        _kpis_missing,
        _kpi_checks,
    ),
    Step.REVIEW: StepSpec(
        Step.REVIEW,
        "Here is the whole map. Fix anything with `edit` or `remove`, ask for a `critique`, "
        "`export` it, or say `done` to mark it complete.",
        "edit tp-4 owner: Digital\nremove stage Compare\ncritique\nexport pdf\ndone",
        lambda m: [],
        _review_checks,
    ),
}

STEP_ORDER: list[Step] = list(SPECS)

STEP_NAMES: dict[str, Step] = {
    **{step.value: step for step in Step},
    "persona": Step.PERSONAS,
    "stage": Step.STAGES,
    "touchpoint": Step.TOUCHPOINTS,
    "emotion": Step.EMOTIONS,
    "emotions": Step.EMOTIONS,
    "pains": Step.EMOTIONS,
    "kpi": Step.KPIS,
    "actions": Step.KPIS,
}
