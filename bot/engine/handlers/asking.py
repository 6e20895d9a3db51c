"""Questions, requests and small talk: answered or politely declined, never saved."""

from __future__ import annotations

from bot.domain.chatter import ChatterKind
from bot.engine.context import Context
from bot.engine.guidance import answer_question
from bot.engine.state import Outcome


def question(ctx: Context, argument: str) -> Outcome:
    reply = ctx.reply()
    services = ctx.services
    answer_question(reply, services.guidance, services.assistant, argument, ctx.workspace)
    return ctx.same(reply)


def chatter(ctx: Context, text: str, kind: ChatterKind) -> Outcome:
    if kind == "question" or (kind == "request" and ctx.services.guidance is not None):
        # The guidance answers what is about mapping and says so when a request is not.
        return question(ctx, " ".join(text.split()))
    reply = ctx.reply()
    if kind == "request":
        reply.notices.append(
            "I can't help with that here: I help this team build its journey map. "
            "Ask me about mapping, or answer the question below."
        )
    else:
        reply.notices.append("Nothing saved. When you're ready, answer the question below.")
    return ctx.same(reply)
