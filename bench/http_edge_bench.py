"""The HTTP edge of the Slack app: what slow, forged and ordinary requests cost the server.

Starts the app in its own process (bench/slack_bench.py's `serve_app`, from the checkout given by
--root, so two versions can be compared) and prints:
- threads in the app's process while 200 requests are half sent (100 with half their headers,
  100 with headers and part of the body), and whether /healthz still answers meanwhile;
- latency of 1,000 forged requests (timestamp "abc"), and how many got 401;
- acknowledgement latency of `/journey help` (answered in the ack) from 50 clients at once.

Usage: python bench/http_edge_bench.py [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.slack.mock_slack import MockSlack  # noqa: E402

SECRET = "bench-secret"  # as bench/slack_bench.py's serve_app
HALF_SENT = 200
FORGED = 1000
ACKS = 2000
CLIENTS = 50


def start(root: Path, mock: MockSlack, data_dir: str) -> tuple[subprocess.Popen, int]:
    code = f"from bench.slack_bench import serve_app; serve_app({mock.api_url!r}, {data_dir!r}, '')"
    env = {**os.environ, "PYTHONPATH": str(root)}
    app = subprocess.Popen(
        [sys.executable, "-c", code], cwd=root, env=env, stdout=subprocess.PIPE, text=True
    )
    port = int(app.stdout.readline().strip())  # type: ignore[union-attr]
    return app, port


def threads_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise RuntimeError("no thread count")


def post(port: int, body: str, headers: dict[str, str]) -> tuple[int, float]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events", data=body.encode(), headers=headers, method="POST"
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def signed(body: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }


def help_command(n: int) -> str:
    return urlencode(
        {
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": "U1",
            "command": "/journey",
            "text": "help",
            "trigger_id": f"bench-{n}",
            "response_url": "http://127.0.0.1:9/respond",
        }
    )


def half_sent(app: subprocess.Popen, port: int) -> None:
    before = threads_of(app.pid)
    held = []
    for i in range(HALF_SENT):
        conn = socket.create_connection(("127.0.0.1", port), timeout=30)
        if i % 2:
            conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le")
        else:
            conn.sendall(
                b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 500\r\n\r\n{"
            )
        held.append(conn)
    time.sleep(1.0)
    during = threads_of(app.pid)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            health = f"{response.status} in {(time.perf_counter() - started) * 1000:.0f} ms"
    except OSError as error:
        health = f"no answer ({type(error).__name__})"
    for conn in held:
        conn.close()
    print(
        f"half-sent requests: {HALF_SENT}; app threads before {before}, while held {during}; "
        f"/healthz meanwhile: {health}"
    )


def forged(port: int) -> None:
    body = json.dumps({"type": "event_callback", "event": {"type": "message", "text": "x"}})
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": "abc",
        "X-Slack-Signature": "v0=0",
    }
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(lambda _: _safe_post(port, body, headers), range(FORGED)))
    statuses = [s for s, _ in results]
    latencies = [ms for _, ms in results if ms >= 0]
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(
        f"forged requests: {FORGED}; 401: {statuses.count(401)}, other answers: "
        f"{sorted(set(statuses) - {401})}; p50={cuts[49]:.1f} ms p99={cuts[98]:.1f} ms"
    )


def acks(port: int) -> None:
    def one(n: int) -> tuple[int, float]:
        body = help_command(n)
        return _safe_post(port, body, signed(body))

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(one, range(ACKS)))
    latencies = [ms for status, ms in results if status == 200]
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"/journey help from {CLIENTS} clients: {len(latencies)}/{ACKS} answered 200; "
        f"ack p50={cuts[49]:.1f} ms p99={cuts[98]:.1f} ms max={max(latencies):.1f} ms"
    )


def _safe_post(port: int, body: str, headers: dict[str, str]) -> tuple[int, float]:
    try:
        return post(port, body, headers)
    except OSError:
        return 0, -1.0  # no HTTP answer at all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose app to run")
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}; app from {args.root}")
    mock = MockSlack()
    mock.channel("C1", "U1")
    with tempfile.TemporaryDirectory() as data_dir:
        app, port = start(args.root.resolve(), mock, data_dir)
        try:
            acks(port)
            forged(port)
            posts = len(mock.calls_to("chat.postMessage"))
            print(f"messages posted by the app after the forged requests: {posts}")
            half_sent(app, port)
        finally:
            app.terminate()
            app.wait(30)
            mock.stop()


if __name__ == "__main__":
    main()
