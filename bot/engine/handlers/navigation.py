"""Moving between steps: next, back, skip, go to, and done."""

from __future__ import annotations

from bot.engine.context import Context
from bot.engine.state import Outcome
from bot.engine.steps import SPECS, STEP_NAMES, STEP_ORDER
from bot.model import MapStatus, Step


def next_step(ctx: Context, argument: str = "") -> Outcome:
    missing = SPECS[ctx.state.step].missing(ctx.map)
    if missing:
        return ctx.refuse(
            f"Before moving on, add {' and '.join(missing)}, or say `skip` to move on anyway.",
            show_example=True,
        )
    left = ctx.state.step
    outcome = _move_to(ctx, left.next())
    outcome.reply.warnings = SPECS[left].checks(ctx.map)
    return outcome


def skip(ctx: Context, argument: str = "") -> Outcome:
    return _move_to(ctx, ctx.state.step.next())


def back(ctx: Context, argument: str = "") -> Outcome:
    return _move_to(ctx, ctx.state.step.previous())


def go_to(ctx: Context, argument: str) -> Outcome:
    target = STEP_NAMES.get(argument.strip().lower())
    if target is None:
        steps = ", ".join(s.value for s in STEP_ORDER)
        return ctx.refuse(f"There is no step '{argument}'. Try: `go to stages` (steps: {steps}).")
    return _move_to(ctx, target)


def _move_to(ctx: Context, target: Step) -> Outcome:
    left = ctx.state.step
    ctx.state.step = target
    return ctx.same(ctx.reply(entered=target != left))


def done(ctx: Context, argument: str = "") -> Outcome:
    ctx.state.step = Step.REVIEW
    if ctx.map.status is MapStatus.COMPLETE:
        reply = ctx.reply()
        reply.notices.append("This map is already marked complete.")
        return ctx.same(reply)
    completed = ctx.map.model_copy(update={"status": MapStatus.COMPLETE})
    outcome = ctx.changed(completed, ["marked the map complete"])
    outcome.reply.warnings = SPECS[Step.REVIEW].checks(completed)
    return outcome
