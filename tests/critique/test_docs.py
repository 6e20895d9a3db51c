"""docs/critique.md stays true to the rule table."""

from __future__ import annotations

from pathlib import Path

from bot.critique import RULES

DOC = Path(__file__).parent.parent.parent / "docs" / "critique.md"


def test_the_rules_table_lists_every_rule_with_its_severity_area_guides_and_states() -> None:
    rows = {
        line.split("|")[1].strip(" `"): [cell.strip() for cell in line.split("|")[2:-1]]
        for line in DOC.read_text().splitlines()
        if line.startswith("| `")
    }
    for rule in RULES:
        severity, area, checks, guides = rows[rule.id]
        assert (severity, area) == (rule.severity.value, rule.area.label), rule.id
        assert guides == ", ".join(f"`{g}`" for g in rule.guides), rule.id
        assert checks.endswith("Current state only.") is rule.current_only, rule.id
    assert set(rows) == {rule.id for rule in RULES}
