"""Engine turns in a Slack thread: run the turn, post the reply, keep the root message (the map so
far) current, upload export files. One guided turn costs at most two Web API calls: the reply,
and the root's update when the map changed."""

from __future__ import annotations

import logging
import threading

from slack_sdk import WebClient

from bot.engine import Turn, TurnResult
from bot.model import Contribution, JourneyMap
from bot.services import Services
from bot.slack.blocks.step import step_blocks, step_text
from bot.slack.blocks.summary import map_summary_blocks, map_summary_text
from bot.slack.canvas import refresh_canvas_after_save
from bot.slack.uploads import upload_exports
from bot.slack.working import working
from storage import MapKey

log = logging.getLogger(__name__)

# Turns in one thread run one at a time in this process, so replies and root updates keep order.
_STRIPES = 64
_LOCKS = [threading.Lock() for _ in range(_STRIPES)]


def thread_lock(key: MapKey) -> threading.Lock:
    return _LOCKS[hash(key) % _STRIPES]


class Conversation:
    def __init__(self, services: Services, client: WebClient) -> None:
        self.services = services
        self.client = client

    def start(self, team: str, channel: str, title: str, user: str) -> MapKey:
        """Post the root message in the channel, start the map in its thread, ask step one."""
        preview = JourneyMap(
            title=title,
            version=1,
            contributors=[Contribution(user=user, summary="started the map")],
        )
        root = self.client.chat_postMessage(
            channel=channel, text=map_summary_text(preview), blocks=map_summary_blocks(preview)
        )
        key = MapKey(workspace=team, channel=channel, thread=root["ts"])
        result = self.services.engine.start(key, title, user)
        log.info("map %s started in %s/%s", result.journey_map.id, team, channel)
        self.post_reply(key, result)
        return key

    def answer(self, key: MapKey, turn: Turn, react_to: str | None = None) -> bool:
        """Apply a turn in the thread `key`; False when no map lives there."""
        with thread_lock(key), working(self.client, key.channel, react_to):
            result = self.services.engine.handle(key, turn)
            if result is None:
                return False
            self.publish(key, result, turn.user)
        return True

    def export(self, key: MapKey, formats: str, user: str) -> bool:
        """Export from outside the thread (`/journey export`, App Home): the engine's export
        handler is called directly, no chat text is typed, so a pending yes/no stays."""
        with thread_lock(key):
            result = self.services.engine.export(key, formats)
            if result is None:
                return False
            self.publish(key, result, user)
        return True

    def publish(self, key: MapKey, result: TurnResult, user: str) -> None:
        self.post_reply(key, result)
        if result.reply.changed:
            self.refresh_summary(key, result.journey_map)
            refresh_canvas_after_save(self.client, self.services.store, result.journey_map.id)
        if result.files:
            self.upload(key, result)
        if result.reply.spawn == "future":
            self.start_future(key, result.journey_map, user)

    def post_reply(self, key: MapKey, result: TurnResult) -> None:
        self.client.chat_postMessage(
            channel=key.channel,
            thread_ts=key.thread,
            text=step_text(result.reply),
            blocks=step_blocks(result.reply, result.journey_map),
        )

    def refresh_summary(self, key: MapKey, m: JourneyMap) -> None:
        self.client.chat_update(
            channel=key.channel,
            ts=key.thread,
            text=map_summary_text(m),
            blocks=map_summary_blocks(m),
        )

    def upload(self, key: MapKey, result: TurnResult) -> None:
        m = result.journey_map
        if not upload_exports(self.client, self.services.store, key, m, result.files):
            self.client.chat_postMessage(
                channel=key.channel,
                thread_ts=key.thread,
                text=f"Version {m.version} is already exported in this thread, above.",
            )

    def start_future(self, current: MapKey, source: JourneyMap, user: str) -> MapKey:
        preview = source.model_copy(
            update={
                "title": f"{source.title} (future state)"[:200],
                "state_of": "future",
                "version": 1,
                "contributors": [Contribution(user=user, summary="future state")],
            }
        )
        root = self.client.chat_postMessage(
            channel=current.channel,
            text=map_summary_text(preview),
            blocks=map_summary_blocks(preview),
        )
        key = current.model_copy(update={"thread": root["ts"]})
        self.post_reply(key, self.services.engine.start_future(current, key, user))
        return key
