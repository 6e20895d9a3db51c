"""The scorecard follows the documented formula; the text rendering shows it all."""

from __future__ import annotations

from bot.critique import Area, Severity, critique, render_text
from bot.critique.scoring import overall, scorecard
from bot.model import JourneyMap

from .builders import NOW, clean_map, valid


def _scores(m: JourneyMap) -> dict[Area, int]:
    return {s.area: s.score for s in critique(valid(m), now=NOW).scorecard}


def test_a_clean_map_scores_100_everywhere() -> None:
    c = critique(valid(clean_map()), now=NOW)
    assert c.overall == 100
    assert [s.area for s in c.scorecard] == list(Area)


def test_one_finding_per_problem_costs_its_area_once() -> None:
    m = clean_map()
    for t in m.touchpoints:  # five touchpoints without an owner: one minor problem
        t.owner = ""
    m.kpis[0].target = ""  # one major
    scores = _scores(m)
    assert scores[Area.STAGES] == 100 - 10
    assert scores[Area.KPIS] == 100 - 25
    assert scores[Area.SCOPE] == 100


def test_a_blocker_caps_the_overall_score() -> None:
    m = clean_map()
    m.scope.objective = ""
    c = critique(valid(m), now=NOW)
    scope = next(s for s in c.scorecard if s.area is Area.SCOPE)
    assert (scope.score, scope.blockers) == (60, 1)
    assert c.overall == 49


def test_minor_problems_alone_keep_a_map_above_85_and_a_major_one_caps_it_at_74() -> None:
    m = clean_map()
    for t in m.touchpoints:
        t.owner, t.channel = "", ""
    m.kpis[0].owner = ""
    m.delight_points = []
    m.owner = ""
    minors_only = critique(valid(m), now=NOW)
    assert {f.severity for f in minors_only.findings} == {Severity.MINOR}
    assert len(minors_only.findings) == 5
    assert minors_only.overall == 100 - 12  # minors cost 3 each, 12 at most
    m.kpis[0].target = ""
    assert critique(valid(m), now=NOW).overall == 74


def test_overall_counts_each_problem_once() -> None:
    m = clean_map()
    m.kpis[0].target = ""
    m.kpis[0].owner = ""
    m.scope.scenario = ""
    scores = scorecard(critique(valid(m), now=NOW).findings)
    assert overall(scores) == min(100 - 10 - 10 - 3, 74)


def test_text_rendering_shows_the_top_findings_by_area_with_a_scorecard() -> None:
    m = clean_map()
    m.scope.objective = ""
    m.touchpoints[0].owner = ""
    m.touchpoints[1].owner = ""
    m.kpis[0].baseline = ""
    text = render_text(critique(valid(m), now=NOW))
    assert text.startswith("Critique of 'Buying a washing machine': 49/100 (1 blocker, 1 major")
    assert "  Stages and touchpoints         90         0      0      1" in text
    scope, stages, kpis = (
        text.index(f"\n{a}\n") for a in ("Scope", "Stages and touchpoints", "KPIs and actions")
    )
    assert scope < stages < kpis
    assert "[blocker] No objective (no-objective): Scope: objective" in text
    assert "Touchpoint without an owner (touchpoint-no-owner): 2 places" in text
    assert "Covers: Touchpoint 'Store visit' in stage 'Discover'" in text or "Covers: " in text
    assert "Read: " in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_at_most_eight_findings_are_shown_and_the_rest_counted() -> None:
    m = clean_map()
    m.scope.objective = m.scope.scenario = m.scope.audience = m.owner = ""
    m.personas[0].goals = []
    m.moments_of_truth = []
    m.kpis = []
    m.delight_points = []
    for t in m.touchpoints:
        t.owner = t.channel = ""
    c = critique(valid(m), now=NOW)
    assert len(c.findings) > 8
    text = render_text(c, more_hint="say `critique all`")
    assert text.count("\n  ") - text.count("\n     ") >= 8
    hidden = len(c.findings) - 8
    assert f"{hidden} more finding" in text and "say `critique all`." in text
    assert "more finding" not in render_text(c, limit=None)


def test_text_rendering_of_a_clean_map() -> None:
    assert "No findings" in render_text(critique(valid(clean_map()), now=NOW))


def test_critique_is_plain_json_for_other_renderers() -> None:
    m = clean_map()
    m.kpis[0].owner = ""
    c = critique(valid(m), now=NOW)
    data = c.model_dump(mode="json")
    assert data["findings"][0]["severity"] == Severity.MINOR.value
    assert data["findings"][0]["where"]["kind"] == "kpi"
    assert type(c).model_validate_json(c.model_dump_json()) == c
