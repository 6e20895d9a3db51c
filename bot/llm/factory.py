"""JOURNEYBOT_LLM=provider:model → a langchain chat model with its own retries off, and the
assistant around it. No setting, no assistant: the engine stays deterministic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from bot.llm.budget import SqlUsageStore, UsageStore
from bot.settings import Settings

if TYPE_CHECKING:  # langchain loads only when a model is configured
    from langchain_core.language_models import BaseChatModel

    from bot.llm.assistant import LangchainAssistant

PROVIDERS = {
    "openai": "langchain-openai",
    "anthropic": "langchain-anthropic",
    "ollama": "langchain-ollama",
}


class LlmConfigError(ValueError):
    """JOURNEYBOT_LLM names no usable model; the message says how to fix it."""


def parse_spec(spec: str) -> tuple[str, str]:
    provider, _, model = spec.strip().partition(":")
    provider = provider.strip().lower()
    if provider not in PROVIDERS or not model.strip():
        raise LlmConfigError(
            f"JOURNEYBOT_LLM={spec!r}: expected provider:model with provider one of "
            f"{', '.join(PROVIDERS)} (e.g. openai:gpt-4o-mini)."
        )
    return provider, model.strip()


def client_options(provider: str, timeout_seconds: float) -> dict[str, Any]:
    """Our retry loop is the only one (bot.llm.retry); the client's timeout bounds an attempt
    that outlives the turn's deadline."""
    if provider == "ollama":  # ChatOllama has no retries; its httpx client takes the timeout
        return {"client_kwargs": {"timeout": timeout_seconds}}
    return {"max_retries": 0, "timeout": timeout_seconds}


def chat_model(settings: Settings) -> BaseChatModel:
    provider, model = parse_spec(settings.journeybot_llm or "")
    from langchain.chat_models import init_chat_model

    options = client_options(provider, settings.llm_turn_timeout_seconds)
    try:
        return init_chat_model(model, model_provider=provider, **options)
    except ImportError as exc:
        raise LlmConfigError(
            f"JOURNEYBOT_LLM uses {provider}, which needs {PROVIDERS[provider]}: "
            "pip install 'journeybot[llm]'."
        ) from exc
    except Exception as exc:  # e.g. no API key in the provider's usual variable
        raise LlmConfigError(f"JOURNEYBOT_LLM={settings.journeybot_llm!r}: {exc}") from exc


def build_assistant(
    settings: Settings,
    db: Engine | None = None,
    usage_store: UsageStore | None = None,
) -> LangchainAssistant | None:
    """The assistant for the engine, or None when no model is configured.

    Usage is counted in `usage_store`, else in the database `db` (the map store's engine),
    else in the database of settings.sqlalchemy_url; the llm_usage table comes with the
    store's migrations. Raises LlmConfigError when the setting names no usable model."""
    name = (settings.journeybot_llm or "").strip()
    if not name:
        return None
    from bot.llm.assistant import LangchainAssistant

    model = chat_model(settings)
    if usage_store is None:
        from storage import create_db_engine

        usage_store = SqlUsageStore(db or create_db_engine(settings.sqlalchemy_url))
    return LangchainAssistant(model, settings, usage_store, name=name)
