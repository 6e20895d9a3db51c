"""A whole map built in Slack by three people, through Slack's wire format only: a slash command,
thread replies, buttons and modal submissions. The saved map must equal what was entered: the
same answers given straight to the engine build the same map."""

from __future__ import annotations

import json

from bot.engine import Engine, Turn
from bot.engine.edits import AddKpi, AddPersona, AddTouchpoint, SetEmotion
from bot.model import JourneyMap, MapStatus
from storage import MapKey, MapStore, create_db_engine

from .harness import SlackApp
from .mock_slack import Call

ANA, BEN, CLEO = "U_ANA", "U_BEN", "U_CLEO"
TITLE = "First-time mortgage buyers"

SCOPE = (
    "objective: Halve drop-out between application and approval\n"
    "scenario: A couple buys their first flat with a 10% deposit\n"
    "start: They wonder whether they can afford to buy\n"
    "end: They make their first monthly payment\n"
    "for: Retail lending leadership\n"
    "research: 12 interviews, funnel analytics"
)
PERSONA = {
    "name": "Maya, first-time buyer",
    "description": "31, nurse, buying with her partner",
    "goals": "a two-bedroom flat near work, know the monthly cost",
    "needs": "plain-language terms",
    "frustrations": "repeating the same information",
    "source": "12 interviews, March 2026",
}
STAGES = "Dream, Compare, Apply, Approval, Move in"
TOUCHPOINTS = (
    "Dream > Affordability calculator (website) | owner: Digital\n"
    "Apply > Online application form (website) | does: uploads payslips | owner: Lending ops"
)
EMOTIONS = (
    'Dream: 1 hopeful "We might finally afford a place"\n'
    "Compare: -1 overwhelmed\n"
    'Apply: -2 anxious "They asked for the same payslips three times"\n'
    "pain: Apply > Online application form > Asked for the same documents twice\n"
    "moment: Apply > The first document request"
)
ACTIONS = "action: Reuse uploaded documents | owner: Lending ops | pain: same documents"


class Thread:
    """One map's thread, driven the way people drive it in Slack."""

    def __init__(self, bot: SlackApp, thread: str) -> None:
        self.bot, self.thread, self.slack = bot, thread, bot.slack

    def replies(self) -> list[Call]:
        return self.slack.posts(self.thread)

    def _after(self, count: int, act) -> Call:  # type: ignore[no-untyped-def]
        act()
        return self.slack.wait_for(lambda: self.replies()[count:], what="a reply")[-1]

    def say(self, user: str, text: str) -> Call:
        return self._after(len(self.replies()), lambda: self.bot.message(user, text, self.thread))

    def press(self, user: str, label: str) -> Call:
        latest = self.replies()[-1]
        return self._after(len(self.replies()), lambda: self.bot.click(latest, label, user))

    def fill_form(self, user: str, button: str, answers: dict[str, str]) -> Call:
        opened = len(self.slack.calls_to("views.open"))
        assert self.bot.click(self.replies()[-1], button, user)[0] == 200
        view = self.slack.wait_for(lambda: self.slack.calls_to("views.open")[opened:])[0]
        view = view.params["view"]
        view = json.loads(view) if isinstance(view, str) else view

        def submit() -> None:
            status, body = self.bot.submit(view, user, answers)
            assert status == 200 and not body, body  # an empty 200 closes the modal

        return self._after(len(self.replies()), submit)


def test_three_people_build_a_map_in_slack(bot: SlackApp) -> None:
    t = Thread(bot, bot.start(ANA, TITLE))
    t.say(ANA, SCOPE)
    t.press(BEN, "Next")
    t.fill_form(BEN, "Add persona", PERSONA)
    t.press(BEN, "Next")
    t.say(CLEO, STAGES)
    t.press(CLEO, "Next")
    t.say(ANA, TOUCHPOINTS)
    touchpoint = {
        "stage": "Apply",
        "description": "Advisor call",
        "channel": "phone",
        "owner_user": BEN,
    }
    reply = t.fill_form(ANA, "Add touchpoint", touchpoint)
    assert "Advisor call (phone) in Apply" in json.dumps(reply.blocks)
    t.press(ANA, "Next")
    t.say(BEN, EMOTIONS)
    t.fill_form(CLEO, "Set emotion", {"stage": "Approval", "score": "2", "label": "delighted"})
    t.press(CLEO, "Next")
    kpi = {
        "name": "Application drop-out",
        "baseline": "38%",
        "target": "19%",
        "owner_team": "Head of lending",
        "stage": "Apply",
    }
    t.fill_form(CLEO, "Add KPI", kpi)
    t.say(BEN, ACTIONS)
    t.press(ANA, "Next")
    done = t.press(ANA, "Mark complete")
    assert ":white_check_mark: marked the map complete" in json.dumps(done.blocks)

    critique = t.press(BEN, "Critique")
    assert "Critique · First-time mortgage buyers" in json.dumps(
        critique.blocks, ensure_ascii=False
    )
    t.press(CLEO, "Export")  # every format, in one upload to the thread
    done = bot.slack.wait_for(lambda: bot.slack.calls_to("files.completeUploadExternal"), 60)[0]
    assert len(json.loads(done.params["files"])) == 8 and done.params["thread_ts"] == t.thread

    stored = bot.services.store.load(bot.key(t.thread))
    assert stored is not None
    m = stored.journey_map
    assert m.status is MapStatus.COMPLETE
    assert {c.user for c in m.contributors} == {ANA, BEN, CLEO}
    assert m.touchpoints[-1].owner == "Ben Brown"  # the chosen person's name, from users.info
    assert projection(m) == projection(same_answers_to_the_engine(bot))

    # One root message, kept current with chat.update rather than re-posted.
    roots = [c for c in bot.slack.posts() if "thread_ts" not in c.params]
    assert len(roots) == 1
    updates = [c for c in bot.slack.calls_to("chat.update") if c.params["ts"] == t.thread]
    assert updates and f"version {m.version}" in json.dumps(updates[-1].blocks)


def same_answers_to_the_engine(bot: SlackApp):  # type: ignore[no-untyped-def]
    """The map the engine builds from the same answers, given directly (no Slack)."""
    engine_db = create_db_engine(f"sqlite:///{bot.services.settings.journeybot_data_dir}/ref.db")
    engine = Engine(MapStore(engine_db, JourneyMap.model_validate_json))
    key = MapKey(workspace="ref", channel="ref", thread="ref")
    engine.start(key, TITLE, ANA)
    persona = AddPersona(
        name=PERSONA["name"],
        description=PERSONA["description"],
        goals=["a two-bedroom flat near work", "know the monthly cost"],
        needs=["plain-language terms"],
        frustrations=["repeating the same information"],
        data_source=PERSONA["source"],
    )
    turns = [
        Turn(user=ANA, text=SCOPE),
        Turn(user=BEN, text="next"),
        Turn(user=BEN, edits=[persona]),
        Turn(user=BEN, text="next"),
        Turn(user=CLEO, text=STAGES),
        Turn(user=CLEO, text="next"),
        Turn(user=ANA, text=TOUCHPOINTS),
        Turn(
            user=ANA,
            edits=[
                AddTouchpoint(
                    stage="stage-4", description="Advisor call", channel="phone", owner="Ben Brown"
                )
            ],
        ),
        Turn(user=ANA, text="next"),
        Turn(user=BEN, text=EMOTIONS),
        Turn(user=CLEO, edits=[SetEmotion(stage="stage-5", score=2, label="delighted")]),
        Turn(user=CLEO, text="next"),
        Turn(
            user=CLEO,
            edits=[
                AddKpi(
                    name="Application drop-out",
                    baseline="38%",
                    target="19%",
                    owner="Head of lending",
                    stage="stage-4",
                )
            ],
        ),
        Turn(user=BEN, text=ACTIONS),
        Turn(user=ANA, text="next"),
        Turn(user=ANA, text="done"),
    ]
    for turn in turns:
        assert engine.handle(key, turn) is not None
    m = engine.load(key).journey_map  # type: ignore[union-attr]
    engine_db.dispose()
    return m


def projection(m) -> dict:  # type: ignore[no-untyped-def]
    """The map as JSON without what differs between runs: row id, timestamps."""
    data = json.loads(m.model_dump_json())
    for name in ("id", "created_at", "updated_at"):
        data.pop(name)
    data["contributors"] = [[c["user"], c["summary"]] for c in data["contributors"]]
    return data
