"""A langchain fake chat model that can stand behind with_structured_output, and scripted
replies for it. langchain's FakeMessagesListChatModel has no bind_tools; this one binds by
returning itself and answers with the tool calls it is scripted with."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from pydantic import Field


class ToolCallingFake(FakeMessagesListChatModel):
    failures: list[Exception] = Field(default_factory=list)
    """Raised, in order, before any response is given."""
    received: list[list[BaseMessage]] = Field(default_factory=list)
    tools_bound: list[Any] = Field(default_factory=list)

    def bind_tools(self, tools: Any, **kwargs: Any) -> ToolCallingFake:  # type: ignore[override]
        self.tools_bound.append((tools, kwargs))
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.received.append(list(messages))
        if self.failures:
            raise self.failures.pop(0)
        return super()._generate(messages, *args, **kwargs)

    @property
    def calls(self) -> int:
        return len(self.received)


def usage(tokens_in: int, tokens_out: int) -> dict[str, int]:
    return {
        "input_tokens": tokens_in,
        "output_tokens": tokens_out,
        "total_tokens": tokens_in + tokens_out,
    }


def tool_reply(args: dict[str, Any], tokens: tuple[int, int] = (120, 30)) -> AIMessage:
    return AIMessage(
        content="",
        tool_calls=[{"name": "MapItems", "args": args, "id": "call_1", "type": "tool_call"}],
        usage_metadata=usage(*tokens),  # type: ignore[arg-type]
    )


def text_reply(text: str, tokens: tuple[int, int] = (200, 40)) -> AIMessage:
    return AIMessage(content=text, usage_metadata=usage(*tokens))  # type: ignore[arg-type]


def fake(*responses: AIMessage, failures: list[Exception] | None = None) -> ToolCallingFake:
    return ToolCallingFake(responses=list(responses), failures=failures or [])


def as_json(args: dict[str, Any]) -> str:
    return json.dumps(args)
