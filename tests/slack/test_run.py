"""`journeybot run`, the HTTP server's other paths, and the manifest matching the app."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from slack_sdk.signature import SignatureVerifier

import bot.slack.cli as slack_cli
from bot.cli import main
from bot.services import build_services
from bot.slack.blocks.modals import NEW_MAP_CALLBACK
from bot.slack.listeners.commands import COMMAND
from bot.slack.listeners.evidence import EVIDENCE_SHORTCUT
from bot.slack.oauth import BOT_SCOPES

from .harness import SECRET, SlackApp, settings_for
from .mock_slack import MockSlack

ROOT = Path(__file__).parents[2]


def test_run_without_slack_credentials_starts_the_terminal_chat(
    tmp_path: Path, slack: MockSlack, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    settings = settings_for(tmp_path, slack, slack_bot_token=None, slack_signing_secret=None)
    chats = []
    monkeypatch.setattr("bot.settings.get_settings", lambda: settings)
    monkeypatch.setattr("bot.services.build_services", lambda s: build_services(s, False))
    monkeypatch.setattr("bot.terminal.chat.run_chat", lambda services: chats.append(services) or 0)
    assert main(["run"]) == 0
    assert len(chats) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "docs/slack.md" in out[0] and "SLACK_BOT_TOKEN" in out[0]


def test_configuration_problems_are_named(tmp_path: Path, slack: MockSlack) -> None:
    no_secret = settings_for(tmp_path, slack, slack_signing_secret=None)
    assert "SLACK_SIGNING_SECRET" in slack_cli.configuration_problem(no_secret)
    socket_mode = settings_for(tmp_path, slack, slack_signing_secret=None, slack_app_token="xapp-1")
    assert slack_cli.configuration_problem(socket_mode) is None
    half_oauth = settings_for(tmp_path, slack, slack_client_id="1.2")
    assert "SLACK_CLIENT_SECRET" in slack_cli.configuration_problem(half_oauth)


def test_health_check_and_unknown_paths(bot: SlackApp) -> None:
    status, body = bot.get("/healthz")
    assert (status, json.loads(body)) == (200, {"ok": True, "database": "ok", "slack": "ok"})
    assert bot.get("/nowhere")[0] == 404
    request = urllib.request.Request(bot.server.url + "/elsewhere", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 404


def test_journeybot_run_serves_slack_over_http(tmp_path: Path, slack: MockSlack) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JOURNEYBOT_"))}
    env |= {
        "JOURNEYBOT_DATA_DIR": str(tmp_path / "data"),
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        "CHROMA_URL": "http://127.0.0.1:9",  # no guidance: this test is about Slack
        "PORT": str(port),
        "LOG_LEVEL": "DEBUG",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process)
        status, body = post_signed(url + "/slack/events", command_body("help"))
        assert status == 200 and "/journey new" in body
        assert post_signed(url + "/slack/events", command_body("new A secret title"))[0] == 200
        root = slack.wait_for(slack.posts, timeout=20)[0]
        slack.wait_for(lambda: slack.posts(root.ts), timeout=20)
        event = {
            "type": "message",
            "user": "U_ANA",
            "channel": "C1",
            "thread_ts": root.ts,
            "text": "objective: A secret plan",
            "ts": "1800000000.000100",
        }
        event_body = json.dumps(
            {"type": "event_callback", "team_id": "T1", "event": event, "event_id": "Ev1"}
        )
        assert post_signed(url + "/slack/events", event_body, "application/json")[0] == 200
        reply = slack.wait_for(lambda: slack.posts(root.ts)[1:], timeout=20)[0]
        assert "A secret plan" in json.dumps(reply.blocks)
        assert (
            post_signed(url + "/slack/events", command_body("list", f"{slack.base}/respond/1"))[0]
            == 200
        )
        listed = slack.wait_for(lambda: slack.calls_to("respond"), timeout=20)[0]
        assert "Journey maps you can see" in json.dumps(listed.params)
    finally:
        process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=30)[0].decode()
    assert process.returncode == 0, output[-3000:]
    assert "secret" not in output and "xoxb-test-token" not in output, output[-3000:]


def command_body(text: str, response_url: str = "http://127.0.0.1:9/respond") -> str:
    return urlencode(
        {
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": "U_ANA",
            "command": COMMAND,
            "text": text,
            "trigger_id": f"t-{text}",
            "response_url": response_url,
        }
    )


def test_the_manifest_declares_what_the_app_uses() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND]
    assert [s["callback_id"] for s in manifest["features"]["shortcuts"]] == [
        NEW_MAP_CALLBACK,
        EVIDENCE_SHORTCUT,
    ]
    settings = manifest["settings"]
    assert sorted(settings["event_subscriptions"]["bot_events"]) == [
        "app_home_opened",
        "app_mention",
        "message.channels",
        "message.groups",
    ]
    assert settings["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0].decode()[-2000:]
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("journeybot run never became healthy")


def post_signed(
    url: str, body: str, content_type: str = "application/x-www-form-urlencoded"
) -> tuple[int, str]:
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode()


def run_env(tmp_path: Path, slack: MockSlack, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JOURNEYBOT_"))}
    return env | {
        "JOURNEYBOT_DATA_DIR": str(tmp_path / "data"),
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        "CHROMA_URL": "http://127.0.0.1:9",
        "PORT": str(port),
        **extra,
    }


def health(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.slow
def test_run_stays_up_while_slack_fails_and_says_why(tmp_path: Path, slack: MockSlack) -> None:
    slack.fail("auth.test", 500, times=6)  # two start-up tries (the SDK retries each twice)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=run_env(tmp_path, slack, port),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    seen: list[dict] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()[0].decode()[-2000:]
            try:
                status, report = health(url)
            except OSError:
                time.sleep(0.1)
                continue
            seen.append(report)
            if status == 200:
                break
            time.sleep(0.1)
        assert seen[-1] == {"ok": True, "database": "ok", "slack": "ok"}
        failing = [r["slack"] for r in seen if r["slack"] != "ok"]
        assert any("auth.test" in reason and "retrying" in reason for reason in failing), seen
        assert len(slack.calls_to("auth.test", ok_only=False)) >= 7
        status, body = post_signed(url + "/slack/events", command_body("help"))
        assert status == 200 and "/journey new" in body
    finally:
        process.send_signal(signal.SIGTERM)  # a graceful stop, as from a supervisor
        output = process.communicate(timeout=30)[0].decode()
    assert process.returncode == 0, output[-3000:]
    assert "stopped" in output


@pytest.mark.slow
def test_run_serves_from_several_processes(tmp_path: Path, slack: MockSlack) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=run_env(tmp_path, slack, port, WEB_CONCURRENCY="2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        assert len(children) >= 2
        for n in range(6):  # each a new request (the same trigger id would be a duplicate)
            body = command_body("help").replace("t-help", f"t-help-{n}")
            status, body = post_signed(url + "/slack/events", body)
            assert status == 200 and "/journey new" in body, n
        assert post_signed(url + "/slack/events", command_body("new Shared plan"))[0] == 200
        root = slack.wait_for(slack.posts, timeout=20)[0]
        slack.wait_for(lambda: slack.posts(root.ts), timeout=20)
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 0, output[-3000:]
