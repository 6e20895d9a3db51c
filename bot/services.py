"""The composition root: builds the store, the knowledge base and the engine from settings.
The terminal chat, the Slack app and the CLI all start here."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from bot.engine import Engine, Guidance
from bot.llm import build_assistant
from bot.model import JourneyMap
from bot.settings import Settings
from storage import MapStore, open_store

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    store: MapStore[JourneyMap]
    engine: Engine
    guidance: Guidance | None


def build_services(settings: Settings, with_guidance: bool = True) -> Services:
    settings.journeybot_data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(settings.sqlalchemy_url, JourneyMap.model_validate_json)
    guidance = DeferredGuidance(settings) if with_guidance else None
    assistant = build_assistant(settings, db=store.engine)
    engine = Engine(store, guidance, assistant)
    return Services(settings=settings, store=store, engine=engine, guidance=guidance)


class GuidanceUnavailable(RuntimeError):
    """The knowledge base could not be opened; the engine carries on without guidance."""


class DeferredGuidance:
    """The knowledge base, opened on first use. Importing it loads chromadb, onnxruntime and
    langchain (about a second) that the chat's first prompt, `--help` and the Slack app's first
    acknowledgement need not wait for. Every method of the knowledge base can be called on it
    (so it fits the engine's `Guidance` protocol as that grows); when the knowledge base cannot
    be opened, the failure is logged once and each call raises GuidanceUnavailable, which the
    engine treats like any failed lookup: no tips, no passages."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._base: Guidance | None = None
        self._failed = False

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._open(), name)

    def _open(self) -> Guidance:
        with self._lock:
            if self._base is None and not self._failed:
                self._base = _open_guidance(self._settings)
                self._failed = self._base is None
            if self._base is None:
                raise GuidanceUnavailable("the knowledge base is unavailable")
            return self._base


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
