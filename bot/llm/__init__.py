"""Optional LLM through langchain: set JOURNEYBOT_LLM=provider:model (docs/llm.md).

langchain loads with `LangchainAssistant`, i.e. only when a model is configured."""

from typing import TYPE_CHECKING, Any

from bot.llm.budget import MemoryUsageStore, SqlUsageStore, UsageStore
from bot.llm.factory import LlmConfigError, build_assistant

if TYPE_CHECKING:
    from bot.llm.assistant import LangchainAssistant

__all__ = [
    "LangchainAssistant",
    "LlmConfigError",
    "MemoryUsageStore",
    "SqlUsageStore",
    "UsageStore",
    "build_assistant",
]


def __getattr__(name: str) -> Any:
    if name == "LangchainAssistant":
        from bot.llm.assistant import LangchainAssistant

        return LangchainAssistant
    raise AttributeError(f"module 'bot.llm' has no attribute {name!r}")
