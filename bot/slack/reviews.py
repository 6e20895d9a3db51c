"""Review reminders from the bot process: a ReviewScheduler (bot.reviews) whose notify posts the
reminder in the map's thread, with the bot token of the map's workspace."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient

from bot.reviews import DueReview, ReviewScheduler
from bot.services import Services
from bot.slack.app import web_client
from bot.slack.blocks.reviews import review_blocks, review_text

log = logging.getLogger(__name__)


class NoInstallation(LookupError):
    """The map's workspace has no installation (the app was uninstalled there)."""


class ReviewNotifier:
    def __init__(self, app: App, services: Services) -> None:
        self.app = app
        self.services = services

    def client_for(self, workspace: str) -> WebClient:
        """This workspace's client: the app's own with one workspace, else one with the bot token
        the installation store holds for it."""
        store = self.app.installation_store
        if store is None:
            return self.app.client
        bot = store.find_bot(enterprise_id=None, team_id=workspace)
        if bot is None or not bot.bot_token:
            raise NoInstallation(workspace)
        return web_client(self.services.settings, bot.bot_token)

    def __call__(self, review: DueReview) -> None:
        key = review.key
        self.client_for(key.workspace).chat_postMessage(
            channel=key.channel,
            thread_ts=key.thread,
            text=review_text(review),
            blocks=review_blocks(review),
        )
        log.info("review reminder posted for map %s", review.map_id)


def review_scheduler(app: App, services: Services) -> ReviewScheduler:
    return ReviewScheduler(services.store, ReviewNotifier(app, services))
