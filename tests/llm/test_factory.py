"""JOURNEYBOT_LLM picks the model; no setting, no assistant; provider retries are off."""

from __future__ import annotations

import pytest
from langchain_anthropic import ChatAnthropic
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI

from bot.llm import LangchainAssistant, LlmConfigError, MemoryUsageStore, SqlUsageStore
from bot.llm.factory import build_assistant, parse_spec

from .conftest import make_settings


def test_no_setting_means_no_assistant() -> None:
    assert build_assistant(make_settings()) is None
    assert build_assistant(make_settings(journeybot_llm="  ")) is None


def test_openai_with_its_own_retries_off(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    settings = make_settings(journeybot_llm="openai:gpt-4o-mini", database_url=sqlite_url)
    helper = build_assistant(settings)
    assert isinstance(helper, LangchainAssistant)
    assert isinstance(helper.model, ChatOpenAI) and helper.model.model_name == "gpt-4o-mini"
    assert helper.model.max_retries == 0 and helper.model.request_timeout == 5.0
    assert helper.caller.model_name == "openai:gpt-4o-mini"
    assert isinstance(helper.caller.budget.store, SqlUsageStore)


def test_anthropic_and_ollama(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test")
    usage = MemoryUsageStore()
    claude = build_assistant(
        make_settings(journeybot_llm="anthropic:claude-haiku-4-5"), usage_store=usage
    )
    assert isinstance(claude.model, ChatAnthropic) and claude.model.max_retries == 0  # type: ignore[union-attr]
    llama = build_assistant(make_settings(journeybot_llm="ollama:llama3.1"), usage_store=usage)
    assert isinstance(llama.model, ChatOllama)  # type: ignore[union-attr]
    assert llama.model.client_kwargs == {"timeout": 5.0}  # type: ignore[union-attr]


@pytest.mark.parametrize("spec", ["gpt-4o-mini", "openai:", "bedrock:claude", ":x"])
def test_a_malformed_setting_says_how_to_fix_it(spec: str) -> None:
    with pytest.raises(LlmConfigError, match="provider:model"):
        parse_spec(spec)


def test_a_missing_key_fails_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LlmConfigError, match="JOURNEYBOT_LLM='openai:gpt-4o-mini'"):
        build_assistant(
            make_settings(journeybot_llm="openai:gpt-4o-mini"), usage_store=MemoryUsageStore()
        )
