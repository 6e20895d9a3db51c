from __future__ import annotations

from knowledge.markdown import render

GUIDE = """## Checklist for KPIs

A KPI has **four parts**:

- **Metric**: what is counted
- [ ] Each KPI has an owner
- [x] Baselines are dated
1. Pick the metric

| Stage | Metric | Owner |
|---|---|---|
| Onboard | Time to first value | CS lead |
| Renew | Renewal rate | |

Ping <!channel> & co."""


def test_slack_gets_bold_bullets_boxes_and_tables_as_lists_escaped() -> None:
    out = render(GUIDE, "mrkdwn")
    assert out.splitlines()[0] == "*Checklist for KPIs*"
    assert "A KPI has *four parts*:" in out and "**" not in out
    assert "• *Metric*: what is counted" in out
    assert "☐ Each KPI has an owner" in out and "☑ Baselines are dated" in out
    assert "1. Pick the metric" in out
    assert "• Onboard — Metric: Time to first value; Owner: CS lead" in out
    assert "• Renew — Metric: Renewal rate" in out and "|" not in out
    assert "&lt;!channel&gt; &amp; co." in out and "<!channel>" not in out


def test_the_terminal_gets_plain_text() -> None:
    out = render(GUIDE, "terminal")
    assert out.splitlines()[0] == "CHECKLIST FOR KPIS"
    assert "A KPI has four parts:" in out and "*" not in out
    assert "• Metric: what is counted" in out
    assert "<!channel> & co." in out  # a terminal needs no escaping
