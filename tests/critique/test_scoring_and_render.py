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


def test_each_rule_costs_its_weight_times_at_most_three_findings() -> None:
    m = clean_map()
    for t in m.touchpoints:  # five minor findings of one rule: counted three times
        t.owner = ""
    m.kpis[0].target = ""  # one major
    scores = _scores(m)
    assert scores[Area.STAGES] == 100 - 3 * 5
    assert scores[Area.KPIS] == 100 - 15
    assert scores[Area.SCOPE] == 100


def test_a_blocker_caps_the_overall_score() -> None:
    m = clean_map()
    m.scope.objective = ""
    c = critique(valid(m), now=NOW)
    scope = next(s for s in c.scorecard if s.area is Area.SCOPE)
    assert (scope.score, scope.blockers) == (60, 1)
    assert c.overall == 49


def test_overall_is_the_rounded_mean_of_the_areas() -> None:
    m = clean_map()
    m.kpis[0].target = ""
    m.kpis[0].owner = ""
    scores = scorecard(critique(valid(m), now=NOW).findings)
    assert overall(scores) == round((6 * 100 + 80) / 7) == 97


def test_text_rendering_groups_by_severity_with_a_scorecard() -> None:
    m = clean_map()
    m.scope.objective = ""
    m.touchpoints[0].owner = ""
    m.kpis[0].baseline = ""
    text = render_text(critique(valid(m), now=NOW))
    assert text.startswith("Critique of 'Buying a washing machine': 49/100 (1 blocker, 1 major")
    assert "  Stages and touchpoints         95         0      0      1" in text
    blockers, major, minor = (text.index(f"{h} (1)") for h in ("fix these first", "Major", "Minor"))
    assert blockers < major < minor
    assert "[no-objective] Scope: objective" in text
    assert "Read: " in text
    assert all(len(line) <= 100 for line in text.splitlines())


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
