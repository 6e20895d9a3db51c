"""Keeping maps alive: which maps are due for review, and a scheduler in the bot process that
reminds each map's thread once per due date.

The due date derives from the map (last review, or creation, plus its rhythm), and a sent
reminder is claimed in the database before it goes out: a restart neither loses a reminder
(it is still due) nor repeats one (the claim is there), and two replicas never both send."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from pydantic import BaseModel

from bot.model import JourneyMap
from storage import MapKey, MapStore, next_review_at

log = logging.getLogger(__name__)


class DueReview(BaseModel):
    map_id: str
    key: MapKey
    title: str
    owner: str
    due_at: datetime
    changes: list[str]
    open_actions: list[str]


def changes_since(store: MapStore[JourneyMap], m: JourneyMap, since: datetime) -> list[str]:
    return [
        f"v{info.version} {info.author}: {info.summary}"
        for info in store.history(m.id)
        if info.created_at > since and info.version > 1
    ]


def due_reviews(
    store: MapStore[JourneyMap], now: datetime | None = None, workspace: str | None = None
) -> list[DueReview]:
    now = now or datetime.now(UTC)
    return [
        _due_review(store, stored.key, stored.journey_map)
        for stored in store.due_for_review(now, workspace)
    ]


def _due_review(store: MapStore[JourneyMap], key: MapKey, m: JourneyMap) -> DueReview:
    return DueReview(
        map_id=m.id,
        key=key,
        title=m.title,
        owner=m.owner,
        due_at=next_review_at(m),
        changes=changes_since(store, m, m.last_reviewed_at or m.created_at),
        open_actions=[
            f"{a.description} — {a.owner or 'no owner'}" for a in m.actions if not a.done
        ],
    )


class ReviewScheduler:
    """Checks for due reviews every `interval` seconds and hands each to `notify` once.
    `clock` gives "now" for each tick (tests pass a clock a month ahead)."""

    def __init__(
        self,
        store: MapStore[JourneyMap],
        notify: Callable[[DueReview], None],
        interval: float = 300.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.notify = notify
        self.interval = interval
        self.clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self, now: datetime | None = None) -> list[DueReview]:
        sent = []
        for review in due_reviews(self.store, now or self.clock()):
            if not self.store.claim_reminder(review.map_id, review.due_at):
                continue
            try:
                self.notify(review)
            except Exception:
                log.exception("review reminder for map %s failed; will retry", review.map_id)
                self.store.release_reminder(review.map_id, review.due_at)
                continue
            sent.append(review)
        return sent

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="review-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # the scheduler must outlive a bad tick (database down, …)
                log.exception("review scheduler tick failed")
            self._stop.wait(self.interval)
