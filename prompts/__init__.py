"""LLM prompt templates, one file per prompt, loaded by name.

Each `<name>.md` starts with a front-matter header (`purpose`, `inputs`) and then the template
body, with `{placeholders}` for its inputs. `load_prompt(name)` pairs the system rules
(`system.md`) with the named task as a chat prompt."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from langchain_core.prompts import ChatPromptTemplate

PROMPTS = Path(__file__).parent
SYSTEM = "system"
_HEADER = re.compile(r"\A---\n(?P<header>.*?)\n---\n(?P<body>.*)\Z", re.DOTALL)


class PromptError(ValueError):
    """A prompt file is missing, has no header, or its inputs don't match its placeholders."""


@dataclass(frozen=True)
class PromptFile:
    name: str
    purpose: str
    inputs: tuple[str, ...]
    body: str


def prompt_names() -> list[str]:
    return sorted(path.stem for path in PROMPTS.glob("*.md"))


@lru_cache
def read_prompt(name: str) -> PromptFile:
    path = PROMPTS / f"{name}.md"
    if not path.is_file():
        raise PromptError(f"no prompt named {name!r} in {PROMPTS}")
    match = _HEADER.match(path.read_text(encoding="utf-8"))
    if match is None:
        raise PromptError(f"prompt {name!r} lacks its front-matter header")
    header = yaml.safe_load(match["header"]) or {}
    prompt = PromptFile(
        name=name,
        purpose=str(header.get("purpose", "")).strip(),
        inputs=tuple(header.get("inputs") or ()),
        body=match["body"].strip(),
    )
    _check(prompt)
    return prompt


def _check(prompt: PromptFile) -> None:
    if not prompt.purpose:
        raise PromptError(f"prompt {prompt.name!r} does not say what it is for")
    used = {field for _, field, _, _ in string.Formatter().parse(prompt.body) if field}
    if used != set(prompt.inputs):
        raise PromptError(
            f"prompt {prompt.name!r} declares inputs {sorted(prompt.inputs)} "
            f"but uses {sorted(used)}"
        )


@lru_cache
def load_prompt(name: str) -> ChatPromptTemplate:
    """The system rules as the system message and the named task as the human message."""
    system = read_prompt(SYSTEM)
    if system.inputs:
        raise PromptError("the system prompt takes no inputs")
    # The system text is fixed: its braces (if any) are escaped so they are never placeholders.
    return ChatPromptTemplate.from_messages(
        [("system", _literal(system.body)), ("human", read_prompt(name).body)]
    )


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
