"""Who may see which map: a map is visible to members of the channel it lives in, inside its own
workspace. Memberships come from users.conversations and are cached briefly."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient

from storage import MapKey

CONVERSATION_TYPES = "public_channel,private_channel"
PAGE = 200


class Access:
    def __init__(
        self, ttl_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl_seconds
        self.clock = clock
        self._cache: dict[tuple[str, str], tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()

    def channels_of(self, client: WebClient, team: str, user: str) -> frozenset[str]:
        """The conversations `user` is a member of (those the bot can know about)."""
        now = self.clock()
        with self._lock:
            cached = self._cache.get((team, user))
        if cached and cached[0] > now:
            return cached[1]
        channels = frozenset(self._fetch(client, user))
        with self._lock:
            self._cache[(team, user)] = (now + self.ttl, channels)
        return channels

    def may_see(self, client: WebClient, team: str, user: str, key: MapKey) -> bool:
        return key.workspace == team and key.channel in self.channels_of(client, team, user)

    @staticmethod
    def _fetch(client: WebClient, user: str) -> list[str]:
        channels: list[str] = []
        cursor: str | None = None
        while True:
            page = client.users_conversations(
                user=user,
                types=CONVERSATION_TYPES,
                exclude_archived=False,
                limit=PAGE,
                cursor=cursor,
            )
            found: list[dict[str, str]] = page.get("channels", [])
            channels += [c["id"] for c in found]
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return channels
