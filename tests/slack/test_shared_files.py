"""A map file shared with the bot (with a mention, or in a map's thread) is downloaded with the
bot token and imported like a pasted map: a new thread with what was read and the critique."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.critique.imports import MAX_BYTES
from bot.slack.shared_files import file_url

from .harness import SlackApp
from .mock_slack import BOT_USER, TEAM

ANA = "U_ANA"
CORPUS = Path(__file__).resolve().parents[1] / "critique" / "real_corpus"
MAP_CSV = b"""Stage,Notice,Report,Repair
Touchpoints,Cold shower (in person),Repair form (web),Engineer visit (in person)
Emotion,-1 annoyed,-2 angry,1 relieved
Pain points,,No date for the visit,
Actions,,Book the slot in the form \xe2\x80\x94 Maintenance,
"""


def share(bot: SlackApp, text: str, files: list[dict[str, Any]], thread: str | None = None) -> None:
    bot.message(ANA, text, thread, subtype="file_share", files=files)
    bot.idle()


def roots(bot: SlackApp) -> list:
    return [c for c in bot.slack.posts() if "thread_ts" not in c.params]


def whispers(bot: SlackApp) -> list[str]:
    return [c.params["text"] for c in bot.slack.calls_to("chat.postEphemeral")]


def test_a_csv_shared_with_a_mention_is_downloaded_with_the_bot_token_and_imported(
    bot: SlackApp,
) -> None:
    shared = bot.slack.host_file("F1", "boiler-repair.csv", MAP_CSV)
    share(bot, f"<@{BOT_USER}> here's our map", [shared])
    (download,) = bot.slack.calls_to("download")
    assert download.params["path"] == f"/files-pri/{TEAM}-F1/download/boiler-repair.csv"
    assert download.token == "xoxb-test"
    root = bot.slack.wait_for(lambda: roots(bot), what="a root")[0]
    reply = bot.slack.wait_for(lambda: bot.slack.posts(root.ts), what="the critique")[0]
    text = json.dumps(reply.blocks)
    assert "What I read" in text and "Critique" in text
    stored = bot.services.store.load(bot.key(root.ts))
    assert stored is not None and stored.state["step"] == "review"
    assert [s.name for s in stored.journey_map.stages] == ["Notice", "Report", "Repair"]
    assert stored.journey_map.actions[0].owner == "Maintenance"


def test_an_xlsx_shared_in_a_map_s_thread_without_a_mention_is_imported(bot: SlackApp) -> None:
    thread = bot.start(ANA, "Boiler repairs")
    content = (CORPUS / "c06-dentist-merged-title.xlsx").read_bytes()
    share(bot, "", [bot.slack.host_file("F2", "dentist.xlsx", content)], thread)
    root = bot.slack.wait_for(
        lambda: [r for r in roots(bot) if "Dental" in r.params.get("text", "")], what="a root"
    )[0]
    stored = bot.services.store.load(bot.key(root.ts))
    assert stored is not None and len(stored.journey_map.stages) == 5


def test_a_picture_is_refused_kindly_when_asked_and_ignored_in_a_thread(bot: SlackApp) -> None:
    picture = bot.slack.host_file("F3", "whiteboard.png", b"\x89PNG\r\n")
    share(bot, f"<@{BOT_USER}> critique this", [picture])
    assert any("can't read whiteboard.png as a map" in w for w in whispers(bot))
    thread = bot.start(ANA, "Boiler repairs")
    before = len(bot.slack.calls_to("chat.postEphemeral"))
    share(bot, "", [picture], thread)
    assert len(bot.slack.calls_to("chat.postEphemeral")) == before
    assert bot.slack.calls_to("download") == []


def test_a_file_too_big_or_not_on_slack_is_not_downloaded(bot: SlackApp) -> None:
    big = {**bot.slack.host_file("F4", "big.csv", MAP_CSV), "size": MAX_BYTES + 1}
    share(bot, f"<@{BOT_USER}> import", [big])
    elsewhere = {**bot.slack.host_file("F5", "map.csv", MAP_CSV)}
    elsewhere["url_private_download"] = "https://attacker.example/files-pri/T1-F5/download/map.csv"
    share(bot, f"<@{BOT_USER}> import", [elsewhere])
    assert bot.slack.calls_to("download") == []
    said = whispers(bot)
    assert any("big.csv is over 5 MB" in w for w in said)
    assert any("no download link for map.csv" in w for w in said)
    assert roots(bot) == []


def test_a_shared_file_that_is_not_a_map_is_explained_to_its_author_only(bot: SlackApp) -> None:
    shared = bot.slack.host_file("F6", "notes.md", b"just <!channel> a few words, no map")
    share(bot, f"<@{BOT_USER}> import", [shared])
    (said,) = whispers(bot)
    assert "couldn't read notes.md as a map" in said and "could not find a journey map" in said
    assert "<!channel>" not in said
    assert roots(bot) == []


def test_only_slack_hosts_get_the_token_and_a_stand_in_serves_the_same_path() -> None:
    url = "https://files.slack.com/files-pri/T1-F1/download/map.csv"
    assert file_url(url, "https://slack.com/api/") == url
    assert file_url(url, "http://127.0.0.1:8123/api/") == (
        "http://127.0.0.1:8123/files-pri/T1-F1/download/map.csv"
    )
    assert file_url("https://evil.example/x.csv", "https://slack.com/api/") == ""
    assert file_url("http://files.slack.com/x.csv", "https://slack.com/api/") == ""
    assert file_url("https://files.slack.com.evil.example/x.csv", "https://slack.com/api/") == ""
