"""The composition root: builds the store, the knowledge base and the engine from settings.
The terminal chat, the Slack app and the CLI all start here."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.engine import Engine, Guidance
from bot.llm import build_assistant
from bot.settings import Settings
from storage import MapStore, open_store

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    store: MapStore
    engine: Engine
    guidance: Guidance | None


def build_services(settings: Settings, with_guidance: bool = True) -> Services:
    settings.journeybot_data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(settings.sqlalchemy_url)
    guidance = _open_guidance(settings) if with_guidance else None
    assistant = build_assistant(settings, db=store.engine)
    engine = Engine(store, guidance, assistant)
    return Services(settings=settings, store=store, engine=engine, guidance=guidance)


def _open_guidance(settings: Settings) -> Guidance | None:
    try:
        from knowledge import open_knowledge_base
    except ImportError:  # the knowledge base is optional until it is installed
        return None
    try:
        return open_knowledge_base(settings.knowledge_location)
    except Exception:
        log.exception("knowledge base unavailable; steps will carry no tips")
        return None
