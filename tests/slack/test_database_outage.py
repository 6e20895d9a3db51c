"""PostgreSQL goes away and comes back (a proxy in front of it is cut and restored): /healthz
says so and recovers without a restart; commands and replies in the meantime are told the
database can't be reached, not given a generic apology."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .harness import SlackApp, settings_for
from .mock_slack import MockSlack
from .tcp_proxy import TcpProxy

ANA = "U_ANA"
DOWN = "can't reach the database"


@pytest.fixture
def proxied(postgres_url: str) -> Iterator[tuple[str, TcpProxy]]:
    target = urlsplit(postgres_url)
    proxy = TcpProxy(target.port or 5432)
    yield postgres_url.replace(f":{target.port}/", f":{proxy.port}/", 1), proxy
    proxy.down()


@pytest.fixture
def bot_behind_proxy(
    tmp_path: Path, slack: MockSlack, proxied: tuple[str, TcpProxy]
) -> Iterator[tuple[SlackApp, TcpProxy]]:
    url, proxy = proxied
    app = SlackApp(settings_for(tmp_path, slack, database_url=url), slack)
    yield app, proxy
    if not proxy.is_up:
        proxy.up()
    app.stop()
    app.services.store.engine.dispose()


def texts(calls) -> list[str]:  # type: ignore[no-untyped-def]
    return [json.dumps(c.params, ensure_ascii=False) for c in calls]


@pytest.mark.postgres
def test_an_outage_is_reported_and_recovered_from_without_a_restart(
    bot_behind_proxy: tuple[SlackApp, TcpProxy],
) -> None:
    bot, proxy = bot_behind_proxy
    thread = bot.start(ANA, "Renters")
    assert json.loads(bot.get("/healthz")[1])["database"] == "ok"

    proxy.down()
    status, body = bot.get("/healthz")
    assert status == 503 and json.loads(body) == {
        "ok": False,
        "database": "unreachable",
        "slack": "ok",
    }
    assert bot.command(ANA, "list")[0] == 200
    told = bot.slack.wait_for(lambda: bot.slack.calls_to("respond"), what="the answer")
    assert DOWN in texts(told)[0]
    before = len(bot.slack.posts(thread))
    bot.message(ANA, "objective: Halve drop-out", thread)
    reply = bot.slack.wait_for(lambda: bot.slack.posts(thread)[before:], what="the reply")
    assert DOWN in texts(reply)[0] and "Sorry" not in texts(reply)[0]
    bot.idle()

    proxy.up()
    assert bot.get("/healthz")[0] == 200
    answered = len(bot.slack.calls_to("respond"))
    assert bot.command(ANA, "list")[0] == 200
    listed = bot.slack.wait_for(lambda: bot.slack.calls_to("respond")[answered:])
    assert "Journey maps you can see" in texts(listed)[0] and "Renters" in texts(listed)[0]
