"""The composition root: the knowledge base is opened on first use, once, and a knowledge base
that cannot be opened costs the conversation its tips, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.services as services_module
from bot.engine import Turn
from bot.services import DeferredGuidance, GuidanceUnavailable, build_services
from bot.settings import Settings
from knowledge.domains import Domain
from knowledge.types import Answer, Passage, Tip
from storage import MapKey

KEY = MapKey(workspace="T1", channel="C1", thread="1")


class CountingGuidance:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def tip(
        self,
        step: str,
        context: str = "",
        domain: Domain | None = None,
        exclude: set[str] | frozenset[str] = frozenset(),
    ) -> Tip | None:
        self.asked.append(step)
        return Tip(key=f"g#{step}", guide_id="g", title="A guide", text=f"Tip for {step}")

    def ask(self, question: str, more: int = 2) -> Answer:
        return Answer(status="outside")

    def section(self, key: str) -> Passage | None:
        return None


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, journeybot_data_dir=tmp_path)  # type: ignore[call-arg]


def test_the_knowledge_base_opens_on_first_use_and_only_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[CountingGuidance] = []

    def open_once(_: Settings) -> CountingGuidance:
        opened.append(CountingGuidance())
        return opened[-1]

    monkeypatch.setattr(services_module, "_open_guidance", open_once)
    deferred = DeferredGuidance(settings)
    assert opened == []
    tip = deferred.tip("scope")
    assert tip is not None and tip.text == "Tip for scope"
    deferred.tip("personas")
    assert len(opened) == 1 and opened[0].asked == ["scope", "personas"]


def test_an_unavailable_knowledge_base_costs_only_the_tips(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[Settings] = []
    monkeypatch.setattr(services_module, "_open_guidance", lambda s: attempts.append(s))
    services = build_services(settings)
    result = services.engine.start(KEY, "Gym sign-up", "ana")
    assert result.reply.tip is None and "Gym sign-up" in result.reply.notices[0]
    followed = services.engine.handle(KEY, Turn(user="ana", text="objective: More sign-ups"))
    assert followed is not None and followed.reply.understood
    assert services.guidance is not None
    with pytest.raises(GuidanceUnavailable):
        services.guidance.tip("scope")
    assert len(attempts) == 1  # tried once, not on every turn
    services.store.engine.dispose()
