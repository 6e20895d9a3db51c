"""Questions, requests and small talk: answered or politely declined, never saved."""

from __future__ import annotations

from bot.domain.chatter import ChatterKind
from bot.engine.assist import AssistantUnavailable
from bot.engine.context import Context
from bot.engine.reply import Section
from bot.engine.state import Outcome


def question(ctx: Context, argument: str) -> Outcome:
    reply = ctx.reply()
    passages = ctx.passages_for(argument)
    assistant = ctx.services.assistant
    if passages and assistant is not None:
        try:
            answer = assistant.answer(argument, passages, ctx.workspace)
        except AssistantUnavailable as unavailable:
            reply.notices.append(str(unavailable))
        else:
            reply.sections = [Section(body=answer)]
            reply.notices.append("Sources: " + "; ".join(sorted({p.title for p in passages})))
            return ctx.same(reply)
    if passages:
        reply.sections = [
            Section(heading=p.title + (f" › {p.heading}" if p.heading else ""), body=p.text)
            for p in passages
        ]
        reply.notices.append("From our mapping guidance:")
    else:
        reply.notices.append(
            "I have no guidance on that in the knowledge base, so I won't guess. "
            "Try `help` for what I can do."
        )
    return ctx.same(reply)


def chatter(ctx: Context, text: str, kind: ChatterKind) -> Outcome:
    if kind == "question":
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
