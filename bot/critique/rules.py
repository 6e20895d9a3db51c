"""The rule table: each rule is data (id, area, severity, title, guidance) over a check.

A rule marked `current_only` is skipped on future-state maps: a future state is designed, not
observed, so it has no quotes, its items are assumed by nature and it may well have no pains."""

from __future__ import annotations

from dataclasses import dataclass

from bot.critique.checks import Check, emotions, evidence, kpis, pains, personas, scope, stages
from bot.critique.findings import Area, Severity
from bot.model import JourneyMap

B, M, m = Severity.BLOCKER, Severity.MAJOR, Severity.MINOR
STAGE_GUIDES = (
    "choosing-stages-b2c-purchase",
    "choosing-stages-b2b",
    "choosing-stages-service-and-support",
)


@dataclass(frozen=True)
class Rule:
    id: str
    area: Area
    severity: Severity
    title: str
    guides: tuple[str, ...]
    check: Check
    current_only: bool = False

    def applies_to(self, journey_map: JourneyMap) -> bool:
        return journey_map.state_of == "current" or not self.current_only


# fmt: off
RULES: tuple[Rule, ...] = (
    Rule("no-objective", Area.SCOPE, B, "No objective",
         ("scope-and-objective", "why-and-when-to-map"), scope.no_objective),
    Rule("no-scenario", Area.SCOPE, M, "No scenario",
         ("scope-and-objective", "one-persona-one-scenario-one-goal"), scope.no_scenario),
    Rule("no-owner-or-audience", Area.SCOPE, m, "No map owner or audience",
         ("scope-and-objective", "keeping-a-map-alive"), scope.no_owner_or_audience),
    Rule("no-map-owner", Area.SCOPE, m, "No map owner",
         ("keeping-a-map-alive",), scope.no_map_owner),
    Rule("scope-several-personas", Area.SCOPE, M, "Scope too broad: several personas",
         ("one-persona-one-scenario-one-goal",), scope.several_personas),
    Rule("scope-several-scenarios", Area.SCOPE, M, "Scope too broad: several scenarios",
         ("one-persona-one-scenario-one-goal", "scope-and-objective"), scope.several_scenarios),
    Rule("no-persona", Area.PERSONAS, B, "No persona",
         ("personas-from-data", "one-persona-one-scenario-one-goal"), personas.no_persona),
    Rule("persona-no-goals", Area.PERSONAS, M, "Persona without goals",
         ("one-persona-one-scenario-one-goal", "personas-from-data"), personas.persona_no_goals),
    Rule("persona-no-data-source", Area.PERSONAS, M, "Persona without a data source",
         ("personas-from-data", "evidence-levels"), personas.persona_no_data_source),
    Rule("too-few-stages", Area.STAGES, M, "Too few stages", STAGE_GUIDES, stages.too_few_stages),
    Rule("too-many-stages", Area.STAGES, m, "Too many stages",
         (*STAGE_GUIDES, "common-mistakes"), stages.too_many_stages),
    Rule("stage-no-touchpoint", Area.STAGES, M, "Stage without a touchpoint",
         ("touchpoints-versus-channels",), stages.stage_no_touchpoint),
    Rule("touchpoint-no-channel", Area.STAGES, m, "Touchpoint without a channel",
         ("touchpoints-versus-channels",), stages.touchpoint_no_channel),
    Rule("touchpoint-no-owner", Area.STAGES, m, "Touchpoint without an owner",
         ("touchpoint-owners-front-and-backstage",), stages.touchpoint_no_owner),
    Rule("vague-touchpoint", Area.STAGES, m, "Vague touchpoint",
         ("touchpoints-versus-channels", "common-mistakes"), stages.vague_touchpoint),
    Rule("inside-out-language", Area.STAGES, M, "Inside-out language",
         ("common-mistakes", "touchpoint-owners-front-and-backstage"),
         stages.inside_out_language),
    Rule("journey-starts-at-brand", Area.STAGES, M, "Journey starts at our touchpoint",
         ("choosing-stages-b2c-purchase", "common-mistakes"), stages.journey_starts_at_brand),
    Rule("journey-stops-at-purchase", Area.STAGES, M, "Journey stops at the purchase",
         ("choosing-stages-b2c-purchase", "choosing-stages-b2b", "common-mistakes"),
         stages.journey_stops_at_purchase),
    Rule("stage-no-emotion", Area.EMOTIONS, M, "Stage without an emotion",
         ("capturing-emotions",), emotions.stage_no_emotion),
    Rule("flat-emotions", Area.EMOTIONS, M, "Flat emotional curve",
         ("capturing-emotions", "research-interviews"), emotions.flat_emotions),
    Rule("low-without-pain", Area.EMOTIONS, M, "Emotional low without a pain point",
         ("pain-points", "capturing-emotions"), emotions.low_without_pain),
    Rule("no-customer-quotes", Area.EMOTIONS, m, "No customer quotes",
         ("customer-quotes", "research-interviews"), emotions.no_customer_quotes,
         current_only=True),
    Rule("no-pain-points", Area.PAINS, M, "No pain points",
         ("pain-points",), pains.no_pain_points, current_only=True),
    Rule("no-moment-of-truth", Area.PAINS, M, "No moment of truth",
         ("moments-of-truth",), pains.no_moment_of_truth),
    Rule("moment-no-evidence", Area.PAINS, M, "Moment of truth resting on an assumption",
         ("moments-of-truth", "evidence-levels"), pains.moment_no_evidence, current_only=True),
    Rule("no-delight-points", Area.PAINS, m, "No delight points",
         ("delight-points",), pains.no_delight_points),
    Rule("no-kpis", Area.KPIS, M, "No KPIs", ("choosing-kpis",), kpis.no_kpis),
    Rule("kpi-no-baseline", Area.KPIS, M, "KPI without a baseline",
         ("choosing-kpis",), kpis.kpi_no_baseline),
    Rule("kpi-no-target", Area.KPIS, M, "KPI without a target",
         ("choosing-kpis",), kpis.kpi_no_target),
    Rule("kpi-no-owner", Area.KPIS, m, "KPI without an owner",
         ("choosing-kpis",), kpis.kpi_no_owner),
    Rule("kpi-unlinked", Area.KPIS, m, "KPI linked to nothing",
         ("choosing-kpis",), kpis.kpi_unlinked),
    Rule("pain-no-action", Area.KPIS, M, "Pain point without an action",
         ("findings-to-actions", "pain-points"), kpis.pain_no_action),
    Rule("action-no-owner", Area.KPIS, M, "Action without an owner",
         ("findings-to-actions",), kpis.action_no_owner),
    Rule("assumption-only", Area.EVIDENCE, M, "Assumption-only map",
         ("validating-an-assumption-map", "research-interviews", "evidence-levels"),
         evidence.assumption_only, current_only=True),
    Rule("assumption-heavy", Area.EVIDENCE, M, "Map leaning on assumptions",
         ("evidence-levels", "validating-an-assumption-map"), evidence.assumption_heavy,
         current_only=True),
    Rule("no-research-basis", Area.EVIDENCE, m, "No research basis in the scope",
         ("evidence-levels", "research-interviews"), evidence.no_research_basis),
    Rule("review-overdue", Area.EVIDENCE, m, "Review overdue",
         ("keeping-a-map-alive",), evidence.review_overdue),
)
# fmt: on
