"""The Bolt app: a thin factory. One workspace with a bot token by default; many workspaces
through OAuth when a client id and secret are set."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.services import Services
from bot.settings import Settings
from bot.slack.errors import apologize, in_thread, where
from bot.slack.listeners import register_listeners
from bot.slack.middleware import register_middleware

if TYPE_CHECKING:
    from slack_bolt.oauth.oauth_settings import OAuthSettings

log = logging.getLogger(__name__)
WORKERS = 16  # lazy listeners: engine turns, Web API calls, exports


def retry_handlers() -> list[RetryHandler]:
    """429s wait for Retry-After; 500/503 and dropped connections are retried with backoff."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    return WebClient(token=token, base_url=settings.slack_api_url, retry_handlers=retry_handlers())


def create_app(services: Services, client: WebClient | None = None) -> App:
    settings = services.settings
    multi_workspace = bool(settings.slack_client_id and settings.slack_client_secret)
    if client is None:
        token = settings.slack_bot_token
        bot_token = None if multi_workspace or token is None else token.get_secret_value()
        client = web_client(settings, bot_token)
    secret = settings.slack_signing_secret
    app = App(
        name="journeybot",
        logger=bolt_logger(),
        client=client,
        signing_secret=secret.get_secret_value() if secret else "",
        oauth_settings=_oauth_settings(services) if multi_workspace else None,
        # The server checks signatures before Bolt parses a body (bot.slack.server), so no
        # unverified body reaches a middleware, a log line or the error handler below.
        request_verification_enabled=False,
        # auth.test is retried in the background at start-up (bot.slack.health), not here.
        token_verification_enabled=False,
        # Acks are sent as soon as the ack function returns; the work runs in lazy listeners.
        process_before_response=True,
        listener_executor=ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="slack"),
    )
    register_middleware(app)
    register_listeners(app, services)
    app.error(on_error)
    return app


def bolt_logger() -> logging.Logger:
    """slack_sdk and Bolt log request bodies (message text) at DEBUG: keep them at INFO or above.
    Bolt copies the level of the logger it is given into each of its own loggers."""
    level = max(logging.getLogger().getEffectiveLevel(), logging.INFO)
    logging.getLogger("slack_sdk").setLevel(level)
    logger = logging.getLogger("bot.slack.bolt")
    logger.setLevel(level)
    return logger


def _oauth_settings(services: Services) -> OAuthSettings:
    # slack-sdk's SQLAlchemy stores import sqlalchemy.ext.asyncio, which on SQLAlchemy 2.1 needs
    # greenlet: import them only when OAuth is on, and say what is missing.
    try:
        from bot.slack.oauth import oauth_settings
    except ImportError as error:
        raise RuntimeError(
            "Installing in many workspaces needs the 'greenlet' package "
            "(slack-sdk's SQLAlchemy stores import sqlalchemy.ext.asyncio): pip install greenlet"
        ) from error
    return oauth_settings(services)


def on_error(error: Exception, body: dict[str, Any], client: WebClient) -> BoltResponse:
    """Failures outside the listeners' own guards (middleware, acknowledgements). Only verified
    requests get here: HTTP requests are checked by the server, Socket Mode's by Slack."""
    channel, thread = where(body)
    apologize(in_thread(client, channel, thread) if channel else None, error, "request")
    return BoltResponse(status=500, body="")
