"""Exports from Slack leave the critique out unless asked for: the Export… modal's checkbox, or
`--with-critique` on the command."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader

from bot.slack.blocks.export_options import EXPORT_OPTIONS_ACTION, export_command

from .harness import SlackApp
from .mock_slack import MockSlack

ANA, BEN = "U_ANA", "U_BEN"


def pdf_texts(slack: MockSlack) -> list[str]:
    uploads = [c.params["content"] for c in slack.calls_to("upload")]
    pdfs = [u for u in uploads if u.startswith(b"%PDF")]
    return ["".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs]


def start(bot: SlackApp) -> str:
    thread = bot.start(ANA, "Mortgage buyers")
    bot.message(ANA, "objective: Halve drop-out before approval", thread)
    bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    return thread


def test_the_export_modal_offers_formats_and_the_critique(bot: SlackApp, slack: MockSlack) -> None:
    thread = start(bot)
    bot.press(thread, EXPORT_OPTIONS_ACTION, "options", BEN)
    view = slack.wait_for(lambda: slack.calls_to("views.open"))[0].params["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    bot.submit(view, BEN, {"formats": ["pdf", "csv"], "critique": ["--with-critique"]})
    slack.wait_for(lambda: pdf_texts(slack), timeout=20)
    bot.idle()
    names = [c.params.get("files", "") for c in slack.calls_to("files.completeUploadExternal")]
    assert ".pdf" in str(names) and ".csv" in str(names) and ".docx" not in str(names)
    assert "Critique scorecard" in pdf_texts(slack)[0]


def test_the_command_leaves_the_critique_out_unless_asked(bot: SlackApp, slack: MockSlack) -> None:
    start(bot)
    bot.command(BEN, "export pdf")
    slack.wait_for(lambda: pdf_texts(slack), timeout=20)
    bot.idle()
    assert "Critique scorecard" not in pdf_texts(slack)[0]
    bot.command(BEN, "export pdf --with-critique")
    slack.wait_for(lambda: pdf_texts(slack)[1:], timeout=20)
    assert "Critique scorecard" in pdf_texts(slack)[1]


def test_a_forged_submission_with_no_known_format_does_nothing() -> None:
    view: dict = {
        "private_metadata": '{"workspace": "T1", "channel": "C1", "thread": "1.0"}',
        "state": {"values": {"formats": {"choice": {"selected_options": [{"value": "exe"}]}}}},
    }
    assert export_command(view) is None
    view["state"]["values"]["formats"]["choice"]["selected_options"] = [{"value": "pdf"}]
    asked = export_command(view)
    assert asked is not None and asked[1] == "export pdf"
    view["private_metadata"] = "not json"
    assert export_command(view) is None
