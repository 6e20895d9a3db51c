"""What /healthz reports: whether the database answers now, and whether Slack accepted the bot
token (checked at start-up with auth.test, retried with backoff until it does, so the process
stays up and says what is wrong instead of exiting)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from slack_bolt import BoltResponse
from slack_sdk.errors import SlackApiError

from storage import MapStore

log = logging.getLogger(__name__)
FIRST_WAIT_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 60.0
OK = "ok"


@dataclass
class Health:
    store: MapStore
    slack: str = OK  # "ok", or what is wrong with Slack

    def database(self) -> str:
        try:
            with self.store.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except Exception as error:
            log.warning("health check: database unreachable (%s)", type(error).__name__)
            return "unreachable"
        return OK

    def report(self) -> BoltResponse:
        checks = {"database": self.database(), "slack": self.slack}
        ok = all(value == OK for value in checks.values())
        return BoltResponse(
            status=200 if ok else 503,
            body=json.dumps({"ok": ok, **checks}),
            headers={"content-type": "application/json"},
        )


@dataclass
class SlackCheck:
    """`probe` (auth.test, then Socket Mode's connection) until it succeeds, waiting 1, 2, 4 …
    60 s between tries; meanwhile /healthz says what is wrong."""

    health: Health
    probe: Callable[[], None]
    first_wait: float = FIRST_WAIT_SECONDS
    stopped: threading.Event = field(default_factory=threading.Event)

    def start(self) -> SlackCheck:
        self.health.slack = "checking the bot token (auth.test)"
        threading.Thread(target=self.run, name="slack-check", daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopped.set()

    def run(self) -> None:
        wait = self.first_wait
        while not self.stopped.is_set():
            problem = self.try_once()
            if problem is None:
                self.health.slack = OK
                return
            self.health.slack = f"{problem}; retrying in {wait:.0f} s"
            log.warning("Slack is not reachable yet: %s", self.health.slack)
            self.stopped.wait(wait)
            wait = min(wait * 2, LONGEST_WAIT_SECONDS)

    def try_once(self) -> str | None:
        try:
            self.probe()
        except SlackApiError as error:
            return f"Slack refused auth.test ({error.response.get('error')})"
        except Exception as error:
            return f"Slack's API is unreachable ({type(error).__name__})"
        return None
