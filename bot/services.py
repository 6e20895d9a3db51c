"""The composition root: builds the store, the knowledge base and the engine from settings.
The terminal chat, the Slack app and the CLI all start here."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from bot.engine import Engine, Guidance
from bot.llm import build_assistant
from bot.model import JourneyMap
from bot.settings import Settings
from knowledge.types import Passage
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


class DeferredGuidance:
    """The knowledge base, opened on first use. Importing it loads chromadb, onnxruntime and
    langchain (about a second): the chat's first prompt and `--help` need not wait for that.
    When it cannot be opened, steps carry no tips and questions get no passages."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._opened = False
        self._base: Guidance | None = None

    def _open(self) -> Guidance | None:
        with self._lock:
            if not self._opened:
                self._base = _open_guidance(self._settings)
                self._opened = True
            return self._base

    def tips(
        self,
        step: str,
        context: str = "",
        exclude: set[str] | frozenset[str] = frozenset(),
        k: int = 2,
    ) -> list[Passage]:
        base = self._open()
        return base.tips(step, context, set(exclude), k) if base else []

    def answer(self, question: str, k: int = 3, max_chars: int = 2500) -> list[Passage]:
        base = self._open()
        return base.answer(question, k, max_chars) if base else []


def _open_guidance(settings: Settings) -> Guidance | None:
    try:
        from knowledge import open_knowledge_base
    except ImportError:  # the knowledge base is optional until it is installed
        return None
    try:
        return open_knowledge_base(settings)
    except Exception:
        log.exception("knowledge base unavailable; steps will carry no tips")
        return None
