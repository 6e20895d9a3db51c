"""Guidance in a Slack thread, through Slack's wire format: one tip per step message fitted to
the map's domain, a direct answer with its sources and a More button, and "outside journey
mapping" for everything else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.services import build_services
from knowledge.base import KnowledgeBase, store_factory
from knowledge.embeddings import shared_embeddings
from knowledge.types import StoreLocation

from .harness import SlackApp, settings_for
from .mock_slack import MockSlack
from .test_end_to_end import Thread

ANA = "U_ANA"
FIXTURE_GUIDES = Path(__file__).parents[1] / "knowledge" / "data" / "guides"


@pytest.fixture
def guided(tmp_path: Path, slack: MockSlack) -> Iterator[SlackApp]:
    settings = settings_for(tmp_path, slack)
    services = build_services(settings, with_guidance=False)
    embeddings = shared_embeddings()
    location = StoreLocation(chroma_dir=tmp_path / "chroma")
    guidance = KnowledgeBase(store_factory(location, embeddings), embeddings, FIXTURE_GUIDES)
    services.guidance = guidance
    services.engine = Engine(services.store, guidance, None)
    app = SlackApp(settings, slack, services)
    yield app
    app.stop()
    services.store.engine.dispose()


def tips_in(blocks: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [b for b in blocks if b.get("text", {}).get("text", "").startswith(":bulb:")]


def test_one_tip_per_step_fitted_to_the_domain_with_a_more_button(guided: SlackApp) -> None:
    t = Thread(guided, guided.start(ANA, "Gym membership"))
    t.say(ANA, "objective: more new members stay past month three\nscenario: a member joins a gym")
    stages = t.say(ANA, "go to stages")
    tips = tips_in(stages.blocks)
    assert len(tips) == 1
    assert "Stages for a retail purchase" in tips[0]["text"]["text"]  # consumer, not B2B
    key = tips[0]["accessory"]["value"]
    assert tips[0]["accessory"]["action_id"] == "guidance-more"

    more = t._after(len(t.replies()), lambda: guided.click(stages, "More", ANA))
    text = json.dumps(more.blocks, ensure_ascii=False)
    assert "Stages for a retail purchase" in text
    assert guided.services.guidance.section(key).text.split()[0] in text  # type: ignore[union-attr]

    t.say(ANA, "back")
    again = t.say(ANA, "next")
    assert all(tip["accessory"]["value"] != key for tip in tips_in(again.blocks))


def test_a_question_gets_a_direct_answer_with_sources(guided: SlackApp) -> None:
    t = Thread(guided, guided.start(ANA, "Broadband fault repair"))
    answer = t.say(ANA, "can we start from a proto-persona based on assumptions?")
    text = json.dumps(answer.blocks, ensure_ascii=False)
    assert "A proto-persona written from assumptions is acceptable" in text
    assert "Sources: Just Enough Research (Erika Hall)" in text
    assert "guidance-more" in text


def test_requests_outside_journey_mapping_get_no_passages(guided: SlackApp) -> None:
    t = Thread(guided, guided.start(ANA, "Broadband fault repair"))
    for prompt in ("can you write me a poem about personas?", "give me a discount code?"):
        reply = json.dumps(t.say(ANA, prompt).blocks, ensure_ascii=False)
        assert "outside journey mapping" in reply, prompt
        assert "guidance-more" not in reply and ":books:" not in reply
