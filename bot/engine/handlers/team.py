"""Team commands that become edits: vote, settle, evidence, the review rhythm, reviewed."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.edits import Edit, EditError, SetReview
from bot.engine import team_commands
from bot.engine.context import Context
from bot.engine.outline import votes_section
from bot.engine.state import Outcome


def _as_edit(read: Callable[[Context, str], Edit]) -> Callable[[Context, str], Outcome]:
    def handle(ctx: Context, argument: str) -> Outcome:
        try:
            change = read(ctx, argument)
        except EditError as error:
            return ctx.refuse(str(error))
        return ctx.apply([change])

    return handle


def vote(ctx: Context, argument: str) -> Outcome:
    outcome = _as_edit(lambda c, a: team_commands.vote(a, c.user))(ctx, argument)
    if outcome.reply.changed:
        outcome.reply.sections = [votes_section(outcome.journey_map)]
    return outcome


settle = _as_edit(lambda ctx, argument: team_commands.settle(argument))
evidence = _as_edit(lambda ctx, argument: team_commands.evidence(ctx.map, argument, ctx.user))
review_every = _as_edit(lambda ctx, argument: team_commands.review_rhythm(argument))
reviewed = _as_edit(lambda ctx, argument: SetReview(reviewed=True))
