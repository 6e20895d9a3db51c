"""The Slack app under load: 50 map threads answered at once, each turn waiting for its reply.

The app runs in its own process (as in production: Slack's servers are not on our CPU); this
process plays Slack: the local Web API and the people sending signed requests. Prints the ack
latency (request sent to HTTP answer) and the Web API calls per guided turn.

Usage: python bench/slack_bench.py [--threads 50] [--database-url URL]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa
from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.slack.mock_slack import MockSlack  # noqa: E402

SECRET = "bench-secret"
CHANNEL = "C1"
PEOPLE = ["U1", "U2", "U3"]


def answers(n: int) -> list[tuple[str, bool]]:
    """One thread's session: (text, whether it changes the map)."""
    return [
        (f"objective: Halve drop-out, journey {n}\nscenario: first flat", True),
        ("next", False),
        ("name: Maya\ngoals: a flat, a fair rate\nsource: 12 interviews", True),
        ("next", False),
        ("Dream, Compare, Apply, Approval, Move in", True),
        ("next", False),
        ("Dream > Calculator (website) | owner: Digital", True),
        ("Apply > Online form (website) | does: uploads payslips | owner: Ops", True),
        ("Approval > Advisor call (phone) | owner: Advisors", True),
        ("next", False),
        ('Apply: -2 anxious "asked twice"\npain: Apply > Asked for documents twice', True),
        ("next", False),
        ("kpi: Drop-out | baseline: 38% | target: 19% | owner: Head of lending", True),
        ("show map", False),
    ]


class CountingSlack(MockSlack):
    """MockSlack that also counts replies per thread and wakes whoever waits for one."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: Counter[str] = Counter()
        self.changed = threading.Condition()

    def _record(self, call) -> None:  # type: ignore[no-untyped-def]
        super()._record(call)
        if call.method == "chat.postMessage" and call.status == 200:
            with self.changed:
                self.replies[call.params.get("thread_ts") or "root"] += 1
                self.changed.notify_all()

    def wait_replies(self, thread: str, count: int, timeout: float = 120.0) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: self.replies[thread] >= count, timeout):
                raise TimeoutError("the app did not answer in time")


class Slack:
    """This process's side: the Web API stand-in and signed requests to the app."""

    def __init__(self, app_url: str, mock: MockSlack) -> None:
        self.url = app_url + "/slack/events"
        self.mock = mock
        self.verifier = SignatureVerifier(SECRET)
        self.acks: list[float] = []
        self._lock = threading.Lock()
        self._n = 0

    def post(self, body: str, content_type: str) -> None:
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self.verifier.generate_signature(timestamp=stamp, body=body),
        }
        request = urllib.request.Request(self.url, data=body.encode(), headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            assert response.status == 200
        with self._lock:
            self.acks.append((time.perf_counter() - started) * 1000)

    def next_id(self) -> int:
        with self._lock:
            self._n += 1
            return self._n

    def command(self, user: str, text: str) -> None:
        n = self.next_id()
        body = {
            "team_id": "T1",
            "channel_id": CHANNEL,
            "user_id": user,
            "command": "/journey",
            "text": text,
            "trigger_id": f"t{n}",
            "response_url": f"{self.mock.base}/respond/{n}",
        }
        self.post(urlencode(body), "application/x-www-form-urlencoded")

    def answer(self, user: str, thread: str, text: str) -> None:
        n = self.next_id()
        event = {
            "type": "message",
            "user": user,
            "text": text,
            "channel": CHANNEL,
            "ts": f"{1800000000 + n}.000100",
            "thread_ts": thread,
        }
        body = {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": f"Ev{n}",
            "event": event,
        }
        self.post(json.dumps(body), "application/json")


def start_app(mock: MockSlack, data_dir: str, database_url: str) -> tuple[subprocess.Popen, str]:
    env_code = (
        "import sys; from bench.slack_bench import serve_app; "
        f"serve_app({mock.api_url!r}, {data_dir!r}, {database_url!r})"
    )
    app = subprocess.Popen(
        [sys.executable, "-c", env_code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    port = app.stdout.readline().strip()  # type: ignore[union-attr]
    return app, f"http://127.0.0.1:{port}"


def serve_app(api_url: str, data_dir: str, database_url: str) -> None:
    """The app's process: the real Bolt app behind bot.slack.server (uvicorn), without
    guidance."""
    from bot.services import build_services
    from bot.settings import Settings
    from bot.slack.app import create_app
    from bot.slack.cli import tune_interpreter
    from bot.slack.health import Health
    from bot.slack.server import SlackASGI, SlackHTTPServer

    settings = Settings(
        _env_file=None,
        journeybot_data_dir=Path(data_dir),
        database_url=database_url,
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=api_url,
        slack_app_token=None,
        slack_client_id=None,
        log_level="WARNING",
    )  # type: ignore[call-arg]
    services = build_services(settings, with_guidance=False)
    tune_interpreter()  # as `journeybot run` does
    asgi = SlackASGI(create_app(services), Health(services.store), SECRET)
    server = SlackHTTPServer(asgi, host="127.0.0.1", port=0)
    print(server.port, flush=True)
    server.serve_forever()


def run(threads: int, database_url: str, pause: float) -> None:
    mock = CountingSlack()
    mock.channel(CHANNEL, *PEOPLE)
    with tempfile.TemporaryDirectory() as data_dir:
        app, url = start_app(mock, data_dir, database_url)
        try:
            slack = Slack(url, mock)
            for n in range(threads):
                slack.command(PEOPLE[n % 3], f"new Bench journey {n}")
            mock.wait_replies("root", threads)
            roots = [c.ts for c in mock.posts() if "thread_ts" not in c.params]
            for root in roots:
                mock.wait_replies(root, 1)
            slack.acks = []  # the setup commands are not turns
            calls_before = len(mock.calls)

            def session(n: int) -> int:
                thread, changed, typing = roots[n], 0, random.Random(n)
                for turn, (text, changes) in enumerate(answers(n)):
                    time.sleep(pause * typing.uniform(0.5, 1.5))
                    slack.answer(PEOPLE[(n + turn) % 3], thread, text)
                    mock.wait_replies(thread, turn + 2)
                    changed += changes
                return changed

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=threads) as pool:
                changed = sum(pool.map(session, range(threads)))
            mock.wait_quiet(0.5)
            elapsed = time.perf_counter() - started
        finally:
            app.terminate()
            app.wait(10)
            mock.stop()
    turns = len(slack.acks)
    during = Counter(c.method for c in mock.calls[calls_before:])
    cuts = statistics.quantiles(slack.acks, n=100)
    later = statistics.quantiles(slack.acks[threads:], n=100)
    print(
        f"threads={threads}  guided turns={turns} ({changed} changed the map)  "
        f"{turns / elapsed:.0f} turns/s  pause before each answer ~{pause:g} s"
    )
    print(
        f"ack latency     p50={cuts[49]:.1f} ms  p99={cuts[98]:.1f} ms  "
        f"max={max(slack.acks):.1f} ms  (after the first burst of {threads}: "
        f"p50={later[49]:.1f} ms  p99={later[98]:.1f} ms)"
    )
    print(
        f"Web API calls   {sum(during.values()) / turns:.2f} per turn: "
        f"{', '.join(f'{m} {n}' for m, n in during.most_common())}"
    )
    print(
        f"                a reply per turn, a root update per change; "
        f"{during['reactions.add']} turns took over 1 s and showed the hourglass (+2 calls)"
    )
    assert not mock.invalid, mock.invalid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=50)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument(
        "--pauses",
        default="0,1",
        help="seconds people take before each answer, one run each (0: no pause, the worst case)",
    )
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}; the app in its own process, 16 workers")
    pauses = [float(p) for p in args.pauses.split(",")]
    for pause in pauses:
        print("--- sqlite")
        run(args.threads, "", pause)
    for pause in pauses:
        if not run_on_postgres(args.postgres, args.threads, pause):
            print("--- postgres not reachable; skipped")
            return


def run_on_postgres(url: str, threads: int, pause: float) -> bool:
    """One run in a fresh schema, dropped afterwards; False when PostgreSQL is not there."""
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    except sa.exc.OperationalError:
        return False
    try:
        print("--- postgres")
        run(threads, f"{url}?options=-csearch_path%3D{schema}", pause)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return True


if __name__ == "__main__":
    main()
