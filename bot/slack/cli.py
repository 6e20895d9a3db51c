"""`journeybot run`: the Slack app (Socket Mode with an app token, else HTTP mode), or the
terminal chat when no Slack credentials are set."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from datetime import timedelta

from bot.services import Services, build_services
from bot.settings import Settings, get_settings

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
    """Run until interrupted. Socket Mode when an app token is set; the HTTP server runs in both
    modes (health check and OAuth pages; Slack's requests in HTTP mode)."""
    from bot.slack.app import create_app
    from bot.slack.reviews import review_scheduler
    from bot.slack.server import SlackHTTPServer

    settings = services.settings
    problem = configuration_problem(settings)
    if problem:
        log.error(problem)
        return 2
    tune_interpreter()
    app = create_app(services)
    start_background(services)
    reminders = review_scheduler(app, services)
    reminders.start()
    signal.signal(signal.SIGTERM, _interrupt)
    http = SlackHTTPServer(app, services.store, port=settings.port)
    try:
        if settings.slack_app_token is None:
            http.serve_forever()
        else:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            http.start()
            log.info("Socket Mode; health check on port %s", http.port)
            SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
    except KeyboardInterrupt:
        log.info("stopping: finishing turns in progress")
    reminders.stop()
    http.stop()
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
    services.store.engine.dispose()
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
