"""Review reminders: due dates, once per due date, across a restart, retried after a failure."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.engine import Engine, Turn
from bot.model import JourneyMap
from bot.reviews import DueReview, ReviewScheduler, due_reviews
from storage import MapKey, MapStore, create_db_engine

KEY = MapKey(workspace="T1", channel="C1", thread="1")


def make_map(store: MapStore) -> datetime:
    engine = Engine(store)
    engine.start(KEY, "Mortgage", "ana")
    for text in (
        "owner: <@U123>",
        "review every 30 days",
        "stage: Apply",
        "action: Reuse documents | owner: Ops",
    ):
        engine.handle(KEY, Turn(user="ana", text=text))
    return store.load(KEY).journey_map.created_at  # type: ignore[union-attr]


def test_due_only_after_the_rhythm(store: MapStore) -> None:
    created = make_map(store)
    assert due_reviews(store, created + timedelta(days=29)) == []
    [due] = due_reviews(store, created + timedelta(days=31))
    assert due.owner == "<@U123>" and due.key == KEY
    assert due.open_actions == ["Reuse documents — Ops"]
    assert any("Apply" in change for change in due.changes)


def test_reminded_once_even_across_a_restart(database_url: str) -> None:
    first = MapStore(create_db_engine(database_url), JourneyMap.model_validate_json)
    created = make_map(first)
    later = created + timedelta(days=31)
    sent: list[DueReview] = []
    assert len(ReviewScheduler(first, sent.append).run_once(later)) == 1
    assert ReviewScheduler(first, sent.append).run_once(later) == []
    # A new process on the same database:
    restarted = MapStore(create_db_engine(database_url), JourneyMap.model_validate_json)
    assert ReviewScheduler(restarted, sent.append).run_once(later + timedelta(hours=1)) == []
    assert len(sent) == 1


def test_a_failed_reminder_is_retried(store: MapStore) -> None:
    created = make_map(store)
    later = created + timedelta(days=31)

    def broken(_: DueReview) -> None:
        raise ConnectionError("Slack is down")

    assert ReviewScheduler(store, broken).run_once(later) == []
    sent: list[DueReview] = []
    assert len(ReviewScheduler(store, sent.append).run_once(later)) == 1


def test_reviewing_moves_the_next_due_date(store: MapStore) -> None:
    make_map(store)
    Engine(store).handle(KEY, Turn(user="ana", text="reviewed"))
    assert due_reviews(store, datetime.now(UTC) + timedelta(days=29)) == []
    assert len(due_reviews(store, datetime.now(UTC) + timedelta(days=31))) == 1


@pytest.mark.timeout(20)
def test_scheduler_thread_reminds_once_and_stops(store: MapStore) -> None:
    created = make_map(store)
    sent: list[DueReview] = []
    first_sent = threading.Event()

    def notify(review: DueReview) -> None:
        sent.append(review)
        first_sent.set()

    month_later = created + timedelta(days=31)
    scheduler = ReviewScheduler(store, notify, interval=0.02, clock=lambda: month_later)
    scheduler.start()
    assert first_sent.wait(timeout=10), "the scheduler never sent the due reminder"
    time.sleep(0.1)  # several more ticks: the claim keeps them from sending it again
    scheduler.stop()
    assert scheduler._thread is not None and not scheduler._thread.is_alive()
    assert [review.key for review in sent] == [KEY]
    assert sent[0].owner == "<@U123>"
