"""The public endpoint: unverified requests are refused before Bolt sees them (no Web API call, no
body in the logs), malformed bodies get 400, slow or huge requests are cut off without holding a
thread, and no log line can be forged."""

from __future__ import annotations

import io
import json
import logging
import socket
import threading
import time

import pytest
from slack_sdk.signature import SignatureVerifier

import bot.slack.server as server
from bot.logs import FORMAT, SafeFormatter, escape_control

from .harness import CHANNEL, SlackApp
from .mock_slack import TEAM

ANA = "U_ANA"
WORDS = "the-confidential-words"


def message_body(text: str = WORDS) -> str:
    event = {
        "type": "message",
        "user": ANA,
        "text": text,
        "ts": "1800000000.000100",
        "thread_ts": "1800000000.000001",
        "channel": CHANNEL,
    }
    return json.dumps(
        {"type": "event_callback", "team_id": TEAM, "event": event, "event_id": "EvBad"}
    )


def now() -> str:
    return str(int(time.time()))


def forged(body: str) -> str:
    return SignatureVerifier("not-the-secret").generate_signature(timestamp=now(), body=body)


BAD_HEADERS = {
    "non-integer timestamp": lambda body: {"X-Slack-Request-Timestamp": "abc"},
    "decimal timestamp": lambda body: {"X-Slack-Request-Timestamp": "12.5"},
    "empty timestamp": lambda body: {"X-Slack-Request-Timestamp": ""},
    "old timestamp": lambda body: {"X-Slack-Request-Timestamp": str(int(time.time()) - 301)},
    "no headers": lambda body: {},
    "garbage signature": lambda body: {"X-Slack-Request-Timestamp": now()},
    "wrong secret": lambda body: {
        "X-Slack-Request-Timestamp": now(),
        "X-Slack-Signature": forged(body),
    },
}


@pytest.mark.parametrize("case", BAD_HEADERS)
def test_a_request_failing_verification_gets_401_no_web_api_call_and_no_logged_body(
    bot: SlackApp, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = message_body()
    headers = {"X-Slack-Signature": "v0=garbage", **BAD_HEADERS[case](body)}
    if case == "no headers":
        headers = {}
    for _ in range(3):
        status, answer = bot.post(body, "application/json", headers=headers, sign=False)
        assert status == 401 and WORDS not in answer
    bot.idle()
    time.sleep(0.2)
    assert bot.slack.calls == []
    assert WORDS not in caplog.text
    assert "refused an unverified request" in caplog.text


def test_the_error_handler_is_never_reached_by_an_unverified_body(
    bot: SlackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached: list[dict] = []
    monkeypatch.setattr("bot.slack.app.where", lambda body: reached.append(body) or (None, None))
    headers = {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"}
    assert bot.post(message_body(), "application/json", headers=headers, sign=False)[0] == 401
    bot.idle()
    assert reached == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"type": "event_callback", "event": ', "application/json"),
        ("[1, 2, 3]", "application/json"),
        ("payload=%7Bnot+json", "application/x-www-form-urlencoded"),
        ("\udcff".encode("utf-8", "surrogateescape").decode("latin-1"), "application/json"),
    ],
)
def test_a_signed_malformed_body_gets_400_at_once(
    bot: SlackApp, body: str, content_type: str
) -> None:
    started = time.monotonic()
    status, _ = bot.post(body, content_type)
    assert status == 400
    assert time.monotonic() - started < 2
    bot.idle()
    assert bot.slack.calls == []


def test_a_body_over_the_cap_is_refused_unread(bot: SlackApp) -> None:
    with socket.create_connection(("127.0.0.1", bot.server.port), timeout=5) as conn:
        conn.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {server.MAX_BODY + 1}\r\n\r\n".encode()
        )
        assert conn.recv(100).startswith(b"HTTP/1.1 413")


def test_slow_requests_are_cut_off_and_hold_no_threads(
    bot: SlackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "READ_TIMEOUT_SECONDS", 1.0)
    threads_before = threading.active_count()
    half_headers, half_bodies = [], []
    for i in range(200):
        conn = socket.create_connection(("127.0.0.1", bot.server.port), timeout=10)
        if i % 2:
            conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le")
            half_headers.append(conn)
        else:
            conn.sendall(
                b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 500\r\n\r\n{"
            )
            half_bodies.append(conn)
    time.sleep(0.3)
    assert threading.active_count() - threads_before < 20
    started = time.monotonic()
    assert bot.get("/healthz")[0] == 200  # still answering
    assert time.monotonic() - started < 1
    for conn in half_bodies:
        assert conn.recv(100).startswith(b"HTTP/1.1 408")
    for conn in half_headers:
        assert conn.recv(100) == b""  # disconnected
    for conn in half_headers + half_bodies:
        conn.close()
    assert bot.slack.calls == []


def test_log_lines_cannot_be_forged_with_control_characters() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(SafeFormatter(FORMAT))
    logger = logging.getLogger("test.forging")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("user said %s", "hi\n2026-01-01 ERROR bot: forged\r\x1b[2J")
        try:
            raise ValueError("boom\nERROR forged in an exception")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert "\\n2026-01-01 ERROR bot: forged\\r\\x1b[2J" in lines[0]
    assert escape_control("a\tb\u2028c") == "a\\tb\\x2028c"
