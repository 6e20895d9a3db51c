"""Listeners grouped by kind. Each acknowledges at once and does the work in a lazy listener,
after the acknowledgement (Slack wants an answer within 3 seconds)."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.access import Access
from bot.slack.listeners import (
    actions,
    canvas,
    commands,
    events,
    evidence,
    export_options,
    views,
)
from bot.slack.maps import Maps, Permalinks


def register_listeners(app: App, services: Services) -> None:
    maps = Maps(services, Access(), Permalinks())
    commands.register(app, services, maps)
    events.register(app, services, maps)
    actions.register(app, services, maps)
    views.register(app, services)
    evidence.register(app, services)
    canvas.register(app, services)
    export_options.register(app, services)
