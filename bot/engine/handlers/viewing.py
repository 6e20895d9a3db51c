"""Looking at the map: show, votes, summary and help. None of these changes anything."""

from __future__ import annotations

from bot.engine.context import Context
from bot.engine.outline import map_outline, summary_sections, votes_section
from bot.engine.reply import Section
from bot.engine.state import Outcome


def show(ctx: Context, argument: str = "") -> Outcome:
    reply = ctx.reply()
    reply.show_map = True
    reply.sections = map_outline(ctx.map)
    return ctx.same(reply)


def votes(ctx: Context, argument: str = "") -> Outcome:
    reply = ctx.reply()
    reply.sections = [votes_section(ctx.map)]
    return ctx.same(reply)


def summary(ctx: Context, argument: str = "") -> Outcome:
    reply = ctx.reply()
    reply.sections = summary_sections(ctx.map)
    return ctx.same(reply)


def help_me(ctx: Context, argument: str = "") -> Outcome:
    from bot.engine.commands import help_text  # the table lists this handler

    reply = ctx.reply(show_example=True)
    reply.sections.append(Section(heading="Commands", body=help_text()))
    return ctx.same(reply)
