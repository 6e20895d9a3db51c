"""Evidence, review and owner rules: what they say, where their boundaries lie, and which rules
stay quiet on a future-state map; and the evidence imports carry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.critique import RULES, critique
from bot.critique.imports import import_map
from bot.model import Evidence, EvidenceLevel, JourneyMap, MomentOfTruth, Stage

from .builders import NOW, clean_map, stage_id, valid
from .test_rules import CASES


def _assumed(m: JourneyMap) -> JourneyMap:
    for item in (*m.personas, *m.touchpoints, *m.emotions, *m.pain_points):
        item.evidence = Evidence()
    for item in (*m.delight_points, *m.moments_of_truth):
        item.evidence = Evidence()
    return m


def _findings(m: JourneyMap, rule_id: str) -> list:
    return [f for f in critique(valid(m), now=NOW).findings if f.rule_id == rule_id]


def test_assumption_heavy_names_the_share_and_the_most_assumed_stages() -> None:
    m = _assumed(clean_map())
    m.personas[0].evidence = clean_map().personas[0].evidence  # 14 of 15 assumed
    (finding,) = _findings(m, "assumption-heavy")
    assert finding.where.kind == "map"
    assert finding.problem.startswith("93% of the map's evidence-bearing items are assumed")
    assert "(14 of 15: 1 observed, 0 reported)" in finding.problem
    # 3 assumed items in every stage but Buy (no pain there): the first three in map order
    assert "most assumed in 'Discover' (3 of 3), 'Compare' (3 of 3), 'Receive' (3 of 3)" in (
        finding.problem
    )
    assert "If the research in the scope ('8 customer interviews" in finding.fix
    assert [g.guide_id for g in finding.guidance] == [
        "evidence-levels",
        "validating-an-assumption-map",
    ]


def test_assumption_heavy_and_assumption_only_never_fire_together() -> None:
    m = _assumed(clean_map())
    m.scope.research_basis = ""
    m.personas[0].data_source = ""
    for e in m.emotions:
        e.quote = ""
    ids = critique(valid(m), now=NOW).rule_ids
    assert "assumption-only" in ids and "assumption-heavy" not in ids
    m.scope.research_basis = "8 customer interviews, 2026"  # research named, none on the items
    ids = critique(valid(m), now=NOW).rule_ids
    assert "assumption-heavy" in ids and "assumption-only" not in ids


def test_assumption_heavy_needs_five_evidence_bearing_items() -> None:
    m = _assumed(clean_map(("Discover", "Compare", "Buy")))
    m.touchpoints, m.delight_points, m.moments_of_truth = [], [], []
    m.pain_points = []
    m.actions = []
    assert len([*m.personas, *m.emotions]) == 4
    assert not _findings(m, "assumption-heavy")
    m.moments_of_truth.append(
        MomentOfTruth(id=m.new_id("moment"), text="Slot", stage_id=m.stages[0].id)
    )
    assert _findings(m, "assumption-heavy")


def test_moment_no_evidence_is_one_finding_covering_each_assumed_moment() -> None:
    m = clean_map()
    m.moments_of_truth[0].evidence = Evidence()
    m.moments_of_truth.append(
        MomentOfTruth(id=m.new_id("moment"), text="First wash", stage_id=stage_id(m, "Use"))
    )
    (finding,) = _findings(m, "moment-no-evidence")
    assert [p.item_id for p in finding.places] == [mt.id for mt in m.moments_of_truth]
    assert finding.places[1].label == "Moment of truth 'First wash' in stage 'Use'"
    assert "The same holds for 1 more: Moment of truth 'First wash'" in finding.problem
    assert f"evidence {m.moments_of_truth[0].id}:" in finding.fix


def test_an_imported_map_rests_on_the_research_its_scope_names() -> None:
    m = _assumed(clean_map())
    assert valid(m).scope.research_basis
    imported = critique(valid(m), now=NOW, item_evidence=False).rule_ids
    assert {"moment-no-evidence", "assumption-heavy"} <= critique(valid(m), now=NOW).rule_ids
    assert not {"moment-no-evidence", "assumption-heavy"} & imported
    m.scope.research_basis = ""
    assert "moment-no-evidence" in critique(valid(m), now=NOW, item_evidence=False).rule_ids


@pytest.mark.parametrize(
    ("every", "created", "edited", "reviewed", "overdue"),  # days ago
    [
        (30, 300, 0, 40, True),  # a monthly rhythm missed, although the map was edited today
        (30, 300, 0, 29, False),
        (365, 200, 200, None, False),  # a yearly rhythm: 200 days untouched is not overdue yet
        (365, 366, 366, None, True),
        (90, 90, 90, None, False),  # due right now is not overdue yet
    ],
)
def test_review_overdue_follows_the_maps_own_rhythm(
    every: int, created: int, edited: int, reviewed: int | None, overdue: bool
) -> None:
    m = clean_map()
    m.review_every_days = every
    m.created_at = NOW - timedelta(days=created)
    m.updated_at = NOW - timedelta(days=edited)
    m.last_reviewed_at = None if reviewed is None else NOW - timedelta(days=reviewed)
    assert bool(_findings(m, "review-overdue")) is overdue


def test_review_overdue_says_when_and_who() -> None:
    m = clean_map()
    m.last_reviewed_at = NOW - timedelta(days=100)
    (finding,) = _findings(m, "review-overdue")
    assert finding.problem.startswith("The map's review was due 2026-11-10, 10 days ago")
    assert "last reviewed 2026-08-12, to be reviewed every 90 days" in finding.problem
    assert finding.fix.startswith("Priya, returns service owner (the map owner) should review it")
    assert "`reviewed`" in finding.fix and "`review every 180 days`" in finding.fix
    m.owner = ""
    m.created_at, m.last_reviewed_at = NOW - timedelta(days=95), None
    (finding,) = _findings(m, "review-overdue")
    assert "not reviewed since it was created 2026-08-17" in finding.problem
    assert finding.fix.startswith("The team should review it")


def test_an_unset_owner_is_reported_once() -> None:
    m = clean_map()
    m.owner = ""
    assert critique(valid(m), now=NOW).rule_ids == {"no-map-owner"}
    m.scope.audience = ""
    assert critique(valid(m), now=NOW).rule_ids == {"no-owner-or-audience"}


CURRENT_ONLY = sorted(rule.id for rule in RULES if rule.current_only)


def test_the_current_state_only_rules() -> None:
    assert CURRENT_ONLY == [
        "assumption-heavy",
        "assumption-only",
        "moment-no-evidence",
        "no-customer-quotes",
        "no-pain-points",
    ]


@pytest.mark.parametrize("rule_id", CURRENT_ONLY)
def test_current_state_only_rules_stay_quiet_on_a_future_state(rule_id: str) -> None:
    m = CASES[rule_id][0]()
    assert rule_id in critique(valid(m), now=NOW).rule_ids
    m.state_of = "future"
    assert rule_id not in critique(valid(m), now=NOW).rule_ids


def test_a_designed_future_state_is_judged_as_a_design() -> None:
    """No quotes, nothing evidenced, no pains: right for a future state, except that it should
    still say what research it is grounded in."""
    m = _assumed(clean_map())
    m.state_of, m.linked_map_id = "future", "clean"
    m.pain_points, m.actions = [], []
    for e in m.emotions:
        e.quote, e.score = "", max(e.score, 0)
    m.emotions[0].score = 2
    assert critique(valid(m), now=NOW).rule_ids == set()
    m.scope.research_basis = ""
    (finding,) = critique(valid(m), now=NOW).findings
    assert finding.rule_id == "no-research-basis"
    assert "future state is grounded in" in finding.problem
    m.state_of = "current"  # the persona's data source is cited, so not assumption-only
    assert critique(valid(m), now=NOW).rule_ids == {
        "assumption-heavy",
        "moment-no-evidence",
        "no-customer-quotes",
        "no-pain-points",
        "no-research-basis",
    }


def test_future_state_stages_still_need_emotions_and_touchpoints() -> None:
    m = clean_map()
    m.state_of = "future"
    m.stages.append(Stage(id=m.new_id("stage"), name="Recommend"))
    assert {"stage-no-touchpoint", "stage-no-emotion"} <= critique(valid(m), now=NOW).rule_ids


def test_imports_read_evidence_as_chat_does() -> None:
    table = """Persona: Maya, first-time buyer
Source: 12 interviews, 2026

| Stage | Compare | Apply | Approval |
|---|---|---|---|
| Touchpoints | Rates page | Online form | Approval call |
| Emotions | -1 confused "Hidden fees?" | -2 | +2 |
"""
    m = import_map(table, "mortgage.md")
    assert m.personas[0].evidence.level is EvidenceLevel.OBSERVED
    assert [link.kind for link in m.personas[0].evidence.links] == ["data"]
    levels = [e.evidence.level for e in m.emotions]
    assert levels == [EvidenceLevel.REPORTED, EvidenceLevel.ASSUMED, EvidenceLevel.ASSUMED]
    assert m.emotions[0].evidence.links[0].text == "Hidden fees?"
    assert {t.evidence.level for t in m.touchpoints} == {EvidenceLevel.ASSUMED}
