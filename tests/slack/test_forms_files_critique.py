"""Modal forms and their validation; export files and critiques in the thread (against the
engine's real ExportFile and Critique, with made-up contents); the "working…" reaction."""

from __future__ import annotations

import json
import time

import pytest

from bot.critique.findings import Area, AreaScore, Critique, Finding, GuideRef, Location, Severity
from bot.engine import Engine, Turn
from bot.exports import ExportFile
from bot.slack.listeners.views import NEW_MAP_SHORTCUT

from .harness import CHANNEL, SlackApp
from .mock_slack import TEAM

ANA, BEN = "U_ANA", "U_BEN"


def at_touchpoints(bot: SlackApp) -> str:
    thread = bot.start(ANA, "Forms")
    key = bot.key(thread)
    for text in ("objective: Halve drop-out", "skip", "skip", "Dream, Apply, Approval", "next"):
        assert bot.services.engine.handle(key, Turn(user=ANA, text=text)) is not None
    return thread


def open_form(bot: SlackApp, thread: str, kind: str) -> dict:
    opened = len(bot.slack.calls_to("views.open"))
    assert bot.press(thread, f"form:{kind}", kind, BEN)[0] == 200
    view = bot.slack.wait_for(lambda: bot.slack.calls_to("views.open")[opened:])[0].params["view"]
    return json.loads(view) if isinstance(view, str) else view


def test_a_form_carries_the_map_key_and_offers_the_map_stages(bot: SlackApp) -> None:
    thread = at_touchpoints(bot)
    view = open_form(bot, thread, "touchpoint")
    assert json.loads(view["private_metadata"]) == bot.key(thread).model_dump()
    stage = next(b for b in view["blocks"] if b.get("block_id") == "stage")
    assert [o["text"]["text"] for o in stage["element"]["options"]] == [
        "Dream",
        "Apply",
        "Approval",
    ]
    channel = next(b for b in view["blocks"] if b.get("block_id") == "channel")
    assert len(channel["element"]["options"]) == 20


def test_a_person_and_a_team_as_owner_is_an_error_next_to_the_input(bot: SlackApp) -> None:
    thread = at_touchpoints(bot)
    view = open_form(bot, thread, "touchpoint")
    answers = {
        "stage": "Apply",
        "description": "Advisor call",
        "owner_user": BEN,
        "owner_team": "Advisors",
    }
    status, body = bot.submit(view, BEN, answers)
    assert status == 200
    assert json.loads(body) == {
        "response_action": "errors",
        "errors": {"owner_team": "Choose a person or type a team, not both."},
    }
    bot.idle()
    assert not bot.services.store.load(bot.key(thread)).journey_map.touchpoints  # type: ignore[union-attr]


def test_an_engine_error_comes_back_on_the_form(bot: SlackApp) -> None:
    thread = at_touchpoints(bot)
    view = open_form(bot, thread, "touchpoint")
    bot.services.engine.handle(bot.key(thread), Turn(user=ANA, text="remove stage Apply"))
    status, body = bot.submit(view, BEN, {"stage": "Apply", "description": "Advisor call"})
    answer = json.loads(body)
    assert answer["response_action"] == "errors" and "stage" in answer["errors"]
    assert "no stage" in answer["errors"]["stage"]


def test_a_form_that_needs_stages_says_so_when_there_are_none(bot: SlackApp) -> None:
    thread = bot.start(ANA, "No stages yet")
    view = open_form(bot, thread, "emotion")
    assert "submit" not in view and "no stages yet" in json.dumps(view)


# --- exports and critiques: the engine's real models, with made-up contents ----------------------


def made_up_export(map_id: str) -> ExportFile:
    return ExportFile(
        filename=f"{map_id}.pdf",
        content=b"%PDF-1.7 fake" * 100,
        mime_type="application/pdf",
        format="pdf",
        summary="a PDF",
    )


def made_up_critique(title: str, findings: int) -> Critique:
    severities = (Severity.BLOCKER, Severity.MAJOR, Severity.MINOR)
    return Critique(
        title=title,
        findings=[
            Finding(
                rule_id=f"rule-{n}",
                title=f"Finding <{n}>",
                area=Area.STAGES,
                severity=severities[n % 3],
                where=Location(kind="stage", item_id=f"stage-{n}", label=f"Stage 'S{n}'"),
                problem="Something is missing here, said at some length. " * 3,
                fix="Add it.",
                guidance=[GuideRef(guide_id="emotions", title="Mapping emotions")],
            )
            for n in range(findings)
        ],
        scorecard=[
            AreaScore(area=Area.SCOPE, label="Scope", score=80),
            AreaScore(area=Area.EMOTIONS, label="Emotions", score=35),
        ],
        overall=61,
    )


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The engine's export and critique turns, answered with made-up (but real) results: a fixed
    number of findings and a delay, set per test."""
    settings = {"findings": 5, "delay": 0.0}
    original = Engine.handle

    def handle(self, key, turn):  # type: ignore[no-untyped-def]
        time.sleep(settings["delay"])
        result = original(self, key, turn)
        if result is not None and turn.text.startswith("export"):
            result.files = [made_up_export(result.journey_map.id)]
            result.reply.errors = []
        if result is not None and turn.text == "critique":
            result.reply.critique = made_up_critique(result.journey_map.title, settings["findings"])
            result.reply.errors = []
        return result

    monkeypatch.setattr(Engine, "handle", handle)
    return settings


def test_an_export_is_uploaded_to_the_thread_once_per_version(bot: SlackApp, fakes: dict) -> None:
    thread = bot.start(ANA, "Exports")
    bot.message(ANA, "export pdf", thread)
    done = bot.slack.wait_for(lambda: bot.slack.calls_to("files.completeUploadExternal"))[0]
    asked = bot.slack.calls_to("files.getUploadURLExternal")[0].params
    uploaded = bot.slack.calls_to("upload")[0].params
    assert int(asked["length"]) == uploaded["size"] == len(b"%PDF-1.7 fake" * 100)
    assert done.params["channel_id"] == "C1" and done.params["thread_ts"] == thread
    assert done.params["initial_comment"] == "Exports, version 1: PDF"
    root = next(c for c in bot.slack.posts() if "thread_ts" not in c.params)
    bot.click(root, "Export PDF", BEN)  # the same version again, from the root's button
    bot.slack.wait_for(
        lambda: any("already exported" in c.params.get("text", "") for c in bot.slack.posts(thread))
    )
    assert len(bot.slack.calls_to("files.completeUploadExternal")) == 1


def test_a_long_critique_is_grouped_by_severity_and_fits_one_message(
    bot: SlackApp, fakes: dict
) -> None:
    fakes["findings"] = 120
    thread = bot.start(ANA, "Critique")
    bot.message(BEN, "critique", thread)
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[1:])[0]
    shown = json.dumps(reply.blocks)
    assert "Blockers (40)" in shown and "Major (40)" in shown and "Minor (40)" in shown
    assert "Finding &lt;119&gt;" in shown and "Overall" in shown and "61/100" in shown
    fakes["findings"] = 600
    bot.message(BEN, "critique", thread)
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[2:])[0]
    assert len(reply.blocks) <= 50 and "The critique goes on" in json.dumps(reply.blocks)


def test_a_slow_turn_shows_an_hourglass_and_a_quick_one_does_not(
    bot: SlackApp, fakes: dict
) -> None:
    thread = bot.start(ANA, "Working")
    quick = bot.message(ANA, "objective: quick", thread)
    bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    fakes["delay"] = 1.3
    slow = bot.message(ANA, "scenario: slow", thread)
    removed = bot.slack.wait_for(lambda: bot.slack.calls_to("reactions.remove"), timeout=15)
    added = bot.slack.calls_to("reactions.add")
    assert [c.params["timestamp"] for c in added] == [slow] != [quick]
    assert removed[0].params["timestamp"] == slow


# --- the real critique and exports ----------------------------------------------------------


def small_map(bot: SlackApp) -> str:
    thread = bot.start(ANA, "Real exports")
    key = bot.key(thread)
    for text in (
        "objective: Halve drop-out\nscenario: first flat",
        "skip",
        "skip",
        "Dream, Apply",
        "Apply > Online form (website) | owner: Ops",
    ):
        assert bot.services.engine.handle(key, Turn(user=ANA, text=text)) is not None
    return thread


def test_the_real_critique_is_posted_in_the_thread(bot: SlackApp) -> None:
    thread = small_map(bot)
    bot.message(BEN, "critique", thread)
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[1:], timeout=30)[0]
    shown = json.dumps(reply.blocks, ensure_ascii=False)
    assert "Critique · Real exports" in shown and "/100" in shown
    assert any(label in shown for label in ("Blockers (", "Major (", "Minor ("))


def test_real_export_files_are_uploaded_to_the_thread(bot: SlackApp) -> None:
    thread = small_map(bot)
    bot.message(BEN, "export pdf markdown", thread)
    done = bot.slack.wait_for(lambda: bot.slack.calls_to("files.completeUploadExternal"), 60)[0]
    names = [c.params["filename"] for c in bot.slack.calls_to("files.getUploadURLExternal")]
    assert sorted(name.rsplit(".", 1)[1] for name in names) == ["md", "pdf"]
    assert len(json.loads(done.params["files"])) == 2 and done.params["thread_ts"] == thread
    assert all(c.params["size"] > 100 for c in bot.slack.calls_to("upload"))
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[1:])[0]
    assert "Exported" in json.dumps(reply.blocks)


def _new_map_shortcut(bot: SlackApp, user: str) -> dict:
    opened = len(bot.slack.calls_to("views.open"))
    payload = {
        "type": "shortcut",
        "callback_id": NEW_MAP_SHORTCUT,
        "trigger_id": "trigger-new-map",
        "user": {"id": user, "team_id": TEAM},
    }
    assert bot.interact(payload)[0] == 200
    call = bot.slack.wait_for(lambda: bot.slack.calls_to("views.open")[opened:])[0]
    return {**call.response["view"]}


def test_the_new_map_modal_acks_before_any_web_api_call(bot: SlackApp) -> None:
    view = _new_map_shortcut(bot, ANA)
    bot.slack.fail("conversations.info", 429, retry_after=2)  # Slack is slow to answer
    started = time.monotonic()
    status, body = bot.submit(view, ANA, {"title": "Renters", "channel": CHANNEL})
    acked_in = time.monotonic() - started
    assert status == 200 and acked_in < 1.0, acked_in
    answer = json.loads(body)
    assert answer["response_action"] == "update"
    assert "Starting “Renters”" in json.dumps(answer["view"], ensure_ascii=False)
    done = bot.slack.wait_for(lambda: bot.slack.calls_to("views.update"), timeout=15)[0]
    assert "Started “Renters”" in json.dumps(done.params, ensure_ascii=False)
    assert any("Renters" in c.params.get("text", "") for c in bot.slack.posts())


def test_the_new_map_modal_asks_for_an_invitation_when_the_bot_is_not_in_the_channel(
    bot: SlackApp,
) -> None:
    bot.slack.channel("C_ELSEWHERE", ANA, bot=False)
    view = _new_map_shortcut(bot, ANA)
    status, _ = bot.submit(view, ANA, {"title": "Renters", "channel": "C_ELSEWHERE"})
    assert status == 200
    again = bot.slack.wait_for(lambda: bot.slack.calls_to("views.update"))[0]
    shown = json.dumps(again.params)
    assert "Invite me to that channel first" in shown and "Renters" in shown
    bot.idle()
    assert bot.slack.posts() == []


def test_a_failed_upload_releases_its_claim_so_the_version_can_be_uploaded_again(
    bot: SlackApp, fakes: dict
) -> None:
    thread = bot.start(ANA, "Exports")
    bot.slack.fail("files.getUploadURLExternal", 500, times=3)  # the SDK retries twice
    bot.message(ANA, "export pdf", thread)
    bot.slack.wait_for(
        lambda: any("Sorry" in c.params.get("text", "") for c in bot.slack.posts(thread))
    )
    bot.idle()
    assert bot.slack.calls_to("files.completeUploadExternal") == []
    bot.message(ANA, "export pdf", thread)
    done = bot.slack.wait_for(lambda: bot.slack.calls_to("files.completeUploadExternal"))[0]
    assert done.params["initial_comment"] == "Exports, version 1: PDF"
    assert not any("already exported" in c.params.get("text", "") for c in bot.slack.posts(thread))


# --- a map pasted in a message ------------------------------------------------------------

PASTED = """import
Objective: Fewer missed repairs Scenario: A tenant reports a broken boiler Persona: Yusuf, student
| Stage | Notice | Report | Repair |
|---|---|---|---|
| Touchpoints | Cold shower (in person) | Repair form (web) | Engineer visit (in person) |
| Emotion | -1 annoyed | -2 angry "Nine days without heating" | 1 relieved |
| Pain points | | No date for the visit | |
| Actions | | Book the slot in the form — Maintenance | |
"""


def test_a_pasted_map_is_imported_critiqued_and_becomes_a_new_thread_s_map(
    bot: SlackApp,
) -> None:
    bot.mention(ANA, PASTED)
    bot.idle()
    root = bot.slack.wait_for(
        lambda: [c for c in bot.slack.posts() if "thread_ts" not in c.params], what="a root"
    )[0]
    reply = bot.slack.wait_for(lambda: bot.slack.posts(root.ts), what="the critique")[0]
    text = json.dumps(reply.blocks)
    assert "What I read (Markdown table, stages across the top)" in text
    assert "Critique" in text and "the thread's map" in text
    stored = bot.services.store.load(bot.key(root.ts))
    assert stored is not None and stored.state["step"] == "review"
    m = stored.journey_map
    assert [s.name for s in m.stages] == ["Notice", "Report", "Repair"]
    assert m.actions[0].owner == "Maintenance" and m.actions[0].pain_point_id
    tp = m.touchpoints[1].id
    bot.message(BEN, f"edit {tp} owner: Maintenance", root.ts)
    bot.idle()
    edited = bot.services.store.load(bot.key(root.ts))
    assert edited is not None and edited.journey_map.touchpoints[1].owner == "Maintenance"


def test_a_paste_that_cannot_be_read_is_explained_to_its_author_only(bot: SlackApp) -> None:
    bot.mention(ANA, "import\njust a few words, no map")
    bot.idle()
    whisper = bot.slack.wait_for(lambda: bot.slack.calls_to("chat.postEphemeral"))[0]
    assert "could not find a journey map" in whisper.params["text"]
    assert not [c for c in bot.slack.posts() if "thread_ts" not in c.params]
