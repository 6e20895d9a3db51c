"""The facilitation steps: each has its question, a worked example, what it needs before the
team moves on, and the method checks it weaves in: the critique's own rules, so the step and
the critique never disagree."""

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


def _personas_missing(m: JourneyMap) -> list[str]:
    return ["a persona"] if not m.personas else []


def _stage_limits() -> tuple[int, int]:
    """The critique's own thresholds: the step asks for what the critique will check."""
    from bot.critique.checks.stages import MAX_STAGES, MIN_STAGES  # loaded on first use

    return MIN_STAGES, MAX_STAGES


def _stages_missing(m: JourneyMap) -> list[str]:
    least, _ = _stage_limits()
    return [f"at least {least} stages"] if len(m.stages) < least else []


def _touchpoints_missing(m: JourneyMap) -> list[str]:
    return ["a touchpoint"] if not m.touchpoints else []


def _emotions_missing(m: JourneyMap) -> list[str]:
    return ["an emotion for a stage"] if not m.emotions else []


def _kpis_missing(m: JourneyMap) -> list[str]:
    return ["a KPI"] if not m.kpis else []


# The critique's rules each step weaves in (bot/critique/rules.py): one rule set for the
# step's method checks and the critique. The review step shows them all.
STEP_RULES: dict[Step, tuple[str, ...]] = {
    Step.SCOPE: ("no-scenario", "no-owner-or-audience", "no-research-basis"),
    Step.PERSONAS: ("scope-several-personas", "persona-no-goals", "persona-no-data-source"),
    Step.STAGES: ("too-few-stages", "too-many-stages", "journey-stops-at-purchase"),
    Step.TOUCHPOINTS: (
        "stage-no-touchpoint",
        "touchpoint-no-channel",
        "touchpoint-no-owner",
        "vague-touchpoint",
        "inside-out-language",
    ),
    Step.EMOTIONS: (
        "stage-no-emotion",
        "low-without-pain",
        "no-moment-of-truth",
        "no-customer-quotes",
    ),
    Step.KPIS: ("kpi-no-baseline", "kpi-no-target", "kpi-no-owner", "pain-no-action",
                "action-no-owner"),
}  # fmt: skip


def rule_checks(step: Step) -> Callable[[JourneyMap], list[str]]:
    def checks(m: JourneyMap) -> list[str]:
        from bot.critique import critique  # loaded on first use

        wanted = STEP_RULES.get(step)
        findings = [f for f in critique(m).findings if wanted is None or f.rule_id in wanted]
        by_rule: dict[str, list[str]] = {}
        for finding in findings:
            by_rule.setdefault(finding.rule_id, []).append(finding.problem)
        return [
            problems[0] + (f" (and {len(problems) - 1} more like it)" if len(problems) > 1 else "")
            for problems in by_rule.values()
        ]

    return checks


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
        rule_checks(Step.SCOPE),
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
        rule_checks(Step.PERSONAS),
    ),
    Step.STAGES: StepSpec(
        Step.STAGES,
        "What are the stages of the journey, in order? A comma list or one per line. "
        "Or start from a default set: `use b2c`, `use b2b` or `use support`.",
        "Dream, Compare, Apply, Approval, Move in",
        _stages_missing,
        rule_checks(Step.STAGES),
    ),
    Step.TOUCHPOINTS: StepSpec(
        Step.TOUCHPOINTS,
        "Where does the customer meet you at each stage? One touchpoint per line: "
        "`Stage > touchpoint (channel)`, then optionally `| does: … | thinks: … | owner: …`.",
        "Apply > Online application form (website) | does: uploads payslips | "
        "thinks: did it save? | owner: Lending operations\n"
        "Apply > Advisor call (phone) | owner: Mortgage advisors",
        _touchpoints_missing,
        rule_checks(Step.TOUCHPOINTS),
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
        rule_checks(Step.EMOTIONS),
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
        rule_checks(Step.KPIS),
    ),
    Step.REVIEW: StepSpec(
        Step.REVIEW,
        "Here is the whole map. Fix anything with `edit` or `remove`, ask for a `critique`, "
        "`export` it, or say `done` to mark it complete.",
        "edit tp-4 owner: Digital\nremove stage Compare\ncritique\nexport pdf\ndone",
        lambda m: [],
        rule_checks(Step.REVIEW),
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
