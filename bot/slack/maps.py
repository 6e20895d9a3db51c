"""Finding maps for a person: the ones they may see, a map named in a command, permalinks."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from datetime import UTC, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.reviews import DueReview, due_reviews
from bot.services import Services
from bot.slack.access import Access
from bot.slack.blocks.home import MapEntry
from storage import MapKey, MapSummary

log = logging.getLogger(__name__)
HOME_MAPS = 60


class Permalinks:
    """Thread permalinks never change, so they are fetched once per process."""

    def __init__(self, size: int = 10_000) -> None:
        self._links: OrderedDict[MapKey, str] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, client: WebClient, key: MapKey) -> str | None:
        with self._lock:
            if key in self._links:
                return self._links[key]
        try:
            link = client.chat_getPermalink(channel=key.channel, message_ts=key.thread)["permalink"]
        except SlackApiError as error:
            log.info("no permalink for a map thread: %s", error.response.get("error"))
            return None
        with self._lock:
            self._links[key] = link
            while len(self._links) > self._size:
                self._links.popitem(last=False)
        return link


class Maps:
    def __init__(self, services: Services, access: Access, permalinks: Permalinks) -> None:
        self.services = services
        self.access = access
        self.permalinks = permalinks

    def visible(self, client: WebClient, team: str, user: str) -> list[MapEntry]:
        channels = self.access.channels_of(client, team, user)
        summaries = self.services.store.list_maps(team, channels, limit=HOME_MAPS)
        return [MapEntry(s, self.permalinks.get(client, s.key)) for s in summaries]

    def due(self, client: WebClient, team: str, user: str) -> list[DueReview]:
        """Maps due for review in the channels the user is a member of."""
        channels = self.access.channels_of(client, team, user)
        return [
            r
            for r in due_reviews(self.services.store, now(), workspace=team)
            if r.key.channel in channels
        ]

    def find(
        self, client: WebClient, team: str, channel: str, user: str, ref: str
    ) -> MapSummary | None:
        """The map `ref` names (an id or words of its title) among those the user may see;
        without `ref`, the latest map of the channel the command came from."""
        store = self.services.store
        if not ref:
            latest = store.list_maps(team, [channel], limit=1)
            return latest[0] if latest else None
        channels = set(self.access.channels_of(client, team, user)) | {channel}
        candidates = store.list_maps(team, channels)
        wanted = ref.casefold()
        matches = [s for s in candidates if s.id == ref] or [
            s for s in candidates if wanted in s.title.casefold()
        ]
        matches.sort(key=lambda s: s.key.channel != channel)  # this channel's maps first
        return matches[0] if matches else None

    def may_see(self, client: WebClient, team: str, user: str, key: MapKey) -> bool:
        return self.access.may_see(client, team, user, key)


def now() -> datetime:
    return datetime.now(UTC)
