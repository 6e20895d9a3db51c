"""`journeybot run`: the Slack app (Socket Mode with an app token, else HTTP mode), or the
terminal chat when no Slack credentials are set."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # settings and services (engine, store) load when `run` runs, not for --help
    from slack_bolt import App
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.services import Services
    from bot.settings import Settings
    from bot.slack.server import SlackASGI

log = logging.getLogger(__name__)
FORGET_EVERY_SECONDS = 3600
SWITCH_INTERVAL = 0.001
HOW_TO_CONNECT = (
    "Slack is not configured, so this is the terminal chat. To connect Slack, set "
    "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode): "
    "see docs/slack.md."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser(
        "run", help="Run the Slack app (the terminal chat when Slack is not configured)."
    )
    run.add_argument("--port", type=int, help="HTTP port (default: PORT, 3000).")
    run.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from bot.services import build_services
    from bot.settings import get_settings

    settings = get_settings()
    if args.port:
        settings = settings.model_copy(update={"port": args.port})
    services = build_services(settings)
    if not settings.slack_configured:
        from bot.terminal.chat import run_chat

        print(HOW_TO_CONNECT, flush=True)
        return run_chat(services)
    code = serve(services)
    # The knowledge base's native threads (onnxruntime, chromadb) can abort interpreter teardown
    # while a daemon thread is inside them (e.g. stopped during warm-up): leave without it.
    logging.shutdown()
    sys.stdout.flush()
    os._exit(code)


def serve(services: Services) -> int:
    """Run until interrupted (SIGINT or SIGTERM: requests in flight and turns in progress finish
    first). The HTTP server runs in both modes: Slack's requests in HTTP mode, the health check
    and the OAuth pages in both. With WEB_CONCURRENCY > 1 (HTTP mode), that many processes."""
    from bot.slack.server import SlackHTTPServer

    settings = services.settings
    problem = configuration_problem(settings)
    if problem:
        log.error(problem)
        return 2
    tune_interpreter()
    if settings.web_concurrency > 1 and settings.slack_app_token is None:
        services.store.engine.dispose()
        return serve_processes(settings)
    http = SlackHTTPServer(slack_asgi(services), port=settings.port)
    signal.signal(signal.SIGTERM, _interrupt)
    # uvicorn shuts down gracefully on the signal, then raises it again for us: that is the end.
    with contextlib.suppress(KeyboardInterrupt):
        http.serve_forever()
    log.info("stopped")
    return 0


def slack_asgi(services: Services) -> SlackASGI:
    """The whole app in this process: Bolt behind the ASGI handler, the background jobs, Socket
    Mode when an app token is set, and the start-up check of Slack. Everything stops in the
    ASGI app's shutdown, after the server has stopped taking requests."""
    from bot.slack.app import create_app
    from bot.slack.health import Health, SlackCheck
    from bot.slack.reviews import review_scheduler
    from bot.slack.server import SlackASGI

    settings = services.settings
    app = create_app(services)
    health = Health(services.store)
    secret = settings.slack_signing_secret
    asgi = SlackASGI(app, health, secret.get_secret_value() if secret else "")
    start_background(services)
    reminders = review_scheduler(app, services)
    reminders.start()
    socket_mode = None
    if settings.slack_app_token is not None:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        socket_mode = SocketModeHandler(app, settings.slack_app_token.get_secret_value())
    check = SlackCheck(health, probe=slack_probe(app, socket_mode)).start()

    def drain() -> None:
        log.info("stopping: finishing turns in progress")
        app.listener_runner.listener_executor.shutdown(wait=True)

    asgi.on_shutdown += [check.stop, reminders.stop]
    if socket_mode is not None:
        asgi.on_shutdown.append(socket_mode.close)
    asgi.on_shutdown += [drain, services.store.engine.dispose]
    return asgi


def slack_probe(app: App, socket_mode: SocketModeHandler | None) -> Callable[[], None]:
    """What must succeed before the app is ready: auth.test for a single workspace (with OAuth
    each workspace's token is checked per request), then the Socket Mode connection if any."""
    single_workspace = app.oauth_flow is None

    def probe() -> None:
        if single_workspace:
            app.client.auth_test()
        if socket_mode is not None:
            socket_mode.connect()
            log.info("Socket Mode connected")

    return probe


def process_asgi() -> SlackASGI:
    """uvicorn's factory in each server process (WEB_CONCURRENCY > 1)."""
    from bot.logs import configure_logging
    from bot.services import build_services
    from bot.settings import get_settings

    settings = get_settings()
    configure_logging(settings.log_level)
    tune_interpreter()
    return slack_asgi(build_services(settings))


def serve_processes(settings: Settings) -> int:
    from uvicorn.supervisors import Multiprocess

    from bot.slack.server import bind, server_config

    config = server_config(
        "bot.slack.cli:process_asgi", workers=settings.web_concurrency, factory=True
    )
    log.info("listening on port %s with %s processes", settings.port, settings.web_concurrency)
    Multiprocess(config, sockets=[bind("0.0.0.0", settings.port)]).run()
    log.info("stopped")
    return 0


def configuration_problem(settings: Settings) -> str | None:
    oauth = bool(settings.slack_client_id)
    if oauth and settings.slack_client_secret is None:
        return "SLACK_CLIENT_ID is set but SLACK_CLIENT_SECRET is not."
    if settings.slack_app_token is None and settings.slack_signing_secret is None:
        return "HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)."
    return None


def tune_interpreter() -> None:
    """Acknowledgements share the interpreter with engine turns, which are CPU-bound: shorter GIL
    time slices (1 ms, not 5) let an acknowledgement through sooner."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def start_background(services: Services) -> None:
    threading.Thread(target=_warm_guidance, args=(services,), daemon=True).start()
    threading.Thread(target=_forget_deliveries, args=(services,), daemon=True).start()


def _warm_guidance(services: Services) -> None:
    """The knowledge base builds its index on first use; do that now, not in someone's turn."""
    if services.guidance is None:
        return
    try:
        services.guidance.tip("scope")
    except Exception:
        log.exception("guidance could not be prepared; steps will carry no tips")


def _forget_deliveries(services: Services) -> None:
    """Drop delivery claims older than a day (Slack's retries end within minutes)."""
    while True:
        try:
            services.store.forget_events_before(timedelta(hours=24))
        except Exception:
            log.exception("could not forget old delivery claims")
        time.sleep(FORGET_EVERY_SECONDS)
