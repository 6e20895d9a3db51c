"""The map as a living Slack canvas, against the local Web API stand-in: made by `/journey
canvas` or the map message's button, updated (debounced) after saved versions, and the PDF
instead where Slack allows no canvas."""

from __future__ import annotations

import pytest

from bot.samples import large_map, sample_map
from bot.slack import canvas
from bot.slack.canvas_markdown import MAX_CHARS, canvas_markdown

from .harness import CHANNEL, SlackApp
from .mock_slack import MockSlack

ANA, BEN = "U_ANA", "U_BEN"


@pytest.fixture(autouse=True)
def quick_updates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canvas, "DEBOUNCE_SECONDS", 0.3)


def test_markdown_has_the_map_as_tables_and_a_checklist() -> None:
    text = canvas_markdown(sample_map())
    assert "## Scope" in text and "**Objective:** Cut drop" in text
    assert "| Stage | Emotion | Touchpoints | Pain points | Moments of truth |" in text
    assert "| **Apply** | 😣 -2 anxious |" in text
    assert "## Emotion line" in text and "Apply 😣 \\-2 ★" not in text  # numbers are not escaped
    assert "Apply 😣 -2 ★" in text
    assert "- [ ] Reuse uploaded documents across the application — Lending operations" in text
    assert "| Application drop\\-out rate | 38% | 19% | Head of lending |" in text


def test_markdown_escapes_what_people_typed() -> None:
    m = sample_map()
    m.stages[0].name = "Dream | <!here> ![](@U123) **loud**\nnext line"
    m.pain_points[0].text = "# not a heading @channel"
    text = canvas_markdown(m)
    row = next(line for line in text.splitlines() if line.startswith("| **Dream"))
    assert row.count(" | ") == 4  # the pipe typed in the name did not add a column
    assert "<!here>" not in text and "\\<\\!here\\>" in text
    assert "![](@U123)" not in text and "\\@U123" in text
    assert "**loud**" not in text and "\n# not" not in text and "\\@channel" in text


def test_a_huge_map_stays_under_the_length_limit() -> None:
    m = large_map(12, 60)
    for tp in m.touchpoints:
        tp.description = "very long words " * 12
    text = canvas_markdown(m)
    assert len(text) <= MAX_CHARS and text.endswith("export the PDF._")


def start_sample(bot: SlackApp) -> str:
    thread = bot.start(ANA, "Mortgage buyers")
    bot.message(ANA, "objective: Halve drop-out before approval", thread)
    bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    return thread


def test_command_makes_a_channel_canvas_and_saves_update_it(
    bot: SlackApp, slack: MockSlack
) -> None:
    thread = start_sample(bot)
    bot.command(BEN, "canvas")
    created = slack.wait_for(lambda: slack.calls_to("canvases.create"))[0]
    assert created.params["channel_id"] == CHANNEL
    link = slack.wait_for(
        lambda: [p for p in slack.posts(thread) if "canvas" in p.params.get("text", "")]
    )
    assert "/docs/" in link[0].params["text"]
    (canvas_id,) = slack.canvases
    assert "Halve drop\\-out before approval" in slack.canvases[canvas_id]
    bot.message(ANA, "scenario: A couple buys a flat", thread)
    bot.message(ANA, "next", thread)
    edits = slack.wait_for(lambda: slack.calls_to("canvases.edit"), timeout=10)
    bot.idle()
    slack.wait_quiet(0.6)
    assert len(slack.calls_to("canvases.edit")) <= 2  # debounced: not one per change
    assert "A couple buys a flat" in slack.canvases[canvas_id]
    assert edits[0].params["changes"]


def test_the_map_message_has_a_canvas_button(bot: SlackApp, slack: MockSlack) -> None:
    start_sample(bot)
    root = slack.calls_to("chat.update")[-1]
    root.params["thread_ts"] = None
    bot.click(root, "Canvas", BEN)
    slack.wait_for(lambda: slack.calls_to("canvases.create"))
    assert len(slack.canvases) == 1


def test_without_a_channel_tab_the_canvas_is_standalone_and_shared(
    bot: SlackApp, slack: MockSlack
) -> None:
    start_sample(bot)
    slack.canvas_errors = ["channel_canvas_already_exists"]
    bot.command(BEN, "canvas")
    shared = slack.wait_for(lambda: slack.calls_to("canvases.access.set"))[0]
    assert shared.params["access_level"] == "read" and CHANNEL in str(shared.params["channel_ids"])
    assert "channel_id" not in slack.calls_to("canvases.create")[-1].params


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        (["canvas_disabled_user_team"], "Canvases are turned off"),
        (
            ["free_team_canvas_tab_already_exists", "free_teams_cannot_create_non_tabbed_canvases"],
            "free plan",
        ),
    ],
)
def test_where_slack_allows_no_canvas_the_thread_gets_why_and_the_pdf(
    bot: SlackApp, slack: MockSlack, errors: list[str], expected: str
) -> None:
    thread = start_sample(bot)
    slack.canvas_errors = list(errors)
    bot.command(BEN, "canvas")
    slack.wait_for(lambda: slack.calls_to("files.completeUploadExternal"), timeout=20)
    texts = [p.params.get("text", "") for p in slack.posts(thread)]
    assert any(expected in text for text in texts)
    assert not slack.canvases
