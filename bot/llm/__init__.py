"""Optional LLM through langchain: set JOURNEYBOT_LLM=provider:model (docs/llm.md)."""

from bot.llm.assistant import LangchainAssistant
from bot.llm.budget import MemoryUsageStore, SqlUsageStore, UsageStore
from bot.llm.factory import LlmConfigError, build_assistant

__all__ = [
    "LangchainAssistant",
    "LlmConfigError",
    "MemoryUsageStore",
    "SqlUsageStore",
    "UsageStore",
    "build_assistant",
]
