"""`/journey new|list|show|critique|export|help`. Answers only the asker sees go through the
command's response_url; results meant for the team go to the map's thread."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import exports
from bot.engine import Turn
from bot.model import SHORT
from bot.services import Services
from bot.slack.blocks.export_options import WITH_CRITIQUE
from bot.slack.blocks.help import HELP_TEXT, help_blocks
from bot.slack.blocks.home import list_blocks
from bot.slack.blocks.summary import outline_blocks
from bot.slack.conversation import Conversation
from bot.slack.errors import guarded
from bot.slack.maps import Maps
from bot.slack.middleware import once
from bot.slack.payloads import split_command
from bot.text import slack_escape, truncate
from storage import MapKey

COMMAND = "/journey"
SUBCOMMANDS = ("new", "list", "show", "summary", "critique", "export", "canvas", "help")
NOT_IN_CHANNEL = {"not_in_channel", "channel_not_found"}
FORMATS = "pdf, markdown, docx, png, csv, xlsx, json or all"  # the common ones


@dataclass(frozen=True)
class Plan:
    name: str
    argument: str = ""
    answer: str = ""  # the acknowledgement's ephemeral text, if any
    work: bool = True  # False when the acknowledgement is the whole answer


def plan(text: str) -> Plan:
    name, argument = split_command(text)
    if name in {"", "help"}:
        return Plan("help", work=False)
    if name not in SUBCOMMANDS:
        shown = slack_escape(truncate(name, 40))
        return Plan(name, answer=f"I don't know `{shown}`. Try `/journey help`.", work=False)
    if name == "new" and not argument:
        return Plan(
            name, answer="Give the map a title: `/journey new First-time buyers`.", work=False
        )
    if name == "new" and len(argument) > SHORT:
        return Plan(name, answer=f"Keep the title under {SHORT} characters, please.", work=False)
    if name == "export" and not export_formats(argument)[0]:
        return Plan(name, answer=f"Which format? `/journey export pdf` ({FORMATS}).", work=False)
    if name in {"critique", "export", "summary", "canvas"}:
        return Plan(name, argument, answer="Working on it: watch the map's thread.")
    return Plan(name, argument)


@dataclass
class Asked:
    """One /journey request: who asked, where, and how to answer them privately."""

    services: Services
    maps: Maps
    client: WebClient
    respond: Respond
    team: str
    channel: str
    user: str

    def tell(self, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        self.respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)


def register(app: App, services: Services, maps: Maps) -> None:
    def ack_journey(ack: Ack, command: dict[str, Any]) -> None:
        p = plan(command.get("text", ""))
        if p.name == "help":
            ack(text=HELP_TEXT, blocks=help_blocks(), response_type="ephemeral")
        elif p.answer:
            ack(text=p.answer, response_type="ephemeral")
        else:
            ack()

    def run_journey(
        command: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        p = plan(command.get("text", ""))
        if not p.work:
            return
        asked = Asked(
            services,
            maps,
            client,
            respond,
            team=command.get("team_id", ""),
            channel=command.get("channel_id", ""),
            user=command.get("user_id", ""),
        )
        with guarded(asked.tell):
            RUNNERS[p.name](asked, p.argument)

    app.command(COMMAND)(ack=ack_journey, lazy=[once(services.store)(run_journey)])


def new_map(asked: Asked, title: str) -> None:
    try:
        Conversation(asked.services, asked.client).start(
            asked.team, asked.channel, title, asked.user
        )
    except SlackApiError as error:
        if error.response.get("error") not in NOT_IN_CHANNEL:
            raise
        asked.tell("Invite me to this channel first (`/invite @JourneyBot`), then try again.")


def list_maps(asked: Asked, _: str) -> None:
    entries = asked.maps.visible(asked.client, asked.team, asked.user)
    asked.tell("Journey maps you can see", list_blocks(entries))


def show_map(asked: Asked, ref: str) -> None:
    key = _find(asked, ref)
    if key is None:
        return
    stored = asked.services.store.load(key)
    if stored is None:
        return
    link = asked.maps.permalinks.get(asked.client, key)
    asked.tell(
        f"Journey map: {slack_escape(stored.journey_map.title)}",
        outline_blocks(stored.journey_map, link),
    )


def summarize_map(asked: Asked, ref: str) -> None:
    _in_thread(asked, ref, "summary")


def critique_map(asked: Asked, ref: str) -> None:
    _in_thread(asked, ref, "critique")


def export_map(asked: Asked, argument: str) -> None:
    formats, ref = export_formats(argument)
    key = _find(asked, ref)
    if key is None:
        return
    Conversation(asked.services, asked.client).export(key, " ".join(formats), asked.user)
    _tell_done(asked, key)


def canvas_map(asked: Asked, ref: str) -> None:
    from bot.slack.listeners.canvas import canvas_in_thread

    key = _find(asked, ref)
    if key is None:
        return
    canvas_in_thread(asked.services, asked.client, key, asked.user)
    asked.tell("Done: the canvas link is in the map's thread.")


def export_formats(argument: str) -> tuple[list[str], str]:
    """`pdf, markdown First-time buyers` -> (["pdf", "markdown"], "First-time buyers")."""
    known = {*exports.FORMATS, *exports.OPEN_FORMATS, *exports.ALIASES, "all", WITH_CRITIQUE}
    words = argument.replace(",", " ").split()
    formats = list(takewhile(lambda word: word.lower() in known, words))
    rest = [w for w in words[len(formats) :] if w.lower() != WITH_CRITIQUE]
    chosen = [f.lower() for f in formats if f.lower() != WITH_CRITIQUE]
    critique = [WITH_CRITIQUE] if WITH_CRITIQUE in {w.lower() for w in words} and chosen else []
    return chosen + critique, " ".join(rest)


def _in_thread(asked: Asked, ref: str, text: str) -> None:
    key = _find(asked, ref)
    if key is None:
        return
    Conversation(asked.services, asked.client).answer(key, Turn(user=asked.user, text=text))
    _tell_done(asked, key)


def _tell_done(asked: Asked, key: MapKey) -> None:
    link = asked.maps.permalinks.get(asked.client, key)
    asked.tell(f"Done: see <{link}|the map's thread>." if link else "Done: see the map's thread.")


def _find(asked: Asked, ref: str) -> MapKey | None:
    found = asked.maps.find(asked.client, asked.team, asked.channel, asked.user, ref)
    if found is None:
        where = f"matching “{slack_escape(truncate(ref, 80))}”" if ref else "in this channel"
        asked.tell(f"I found no map {where} that you can see. `/journey list` shows yours.")
        return None
    return found.key


RUNNERS = {
    "new": new_map,
    "list": list_maps,
    "show": show_map,
    "summary": summarize_map,
    "critique": critique_map,
    "export": export_map,
    "canvas": canvas_map,
}
