"""What the map turns into: a critique, exported files, a future-state copy."""

from __future__ import annotations

from bot.engine.assist import AssistantUnavailable
from bot.engine.context import Context
from bot.engine.guidance import ask
from bot.engine.reply import Section
from bot.engine.state import Outcome
from bot.model import JourneyMap


def critique(ctx: Context, argument: str = "") -> Outcome:
    from bot.critique import critique as review  # imported on use: rules load only when asked

    reply = ctx.reply()
    reply.critique = review(ctx.map)
    assistant = ctx.services.assistant
    if assistant is not None and reply.critique.findings:
        topics = " ".join(f.title for f in reply.critique.findings[:3])
        passages = ask(ctx.services.guidance, topics).passages
        try:
            narrative = assistant.narrate(ctx.map, reply.critique, passages, ctx.workspace)
        except AssistantUnavailable as unavailable:
            reply.notices.append(str(unavailable))
        else:
            reply.sections = [Section(heading="In short", body=narrative)]
    return ctx.same(reply)


def export(ctx: Context, argument: str) -> Outcome:
    from bot.exports import ExportExtras, export_many

    reply = ctx.reply()
    words = argument.lower().replace(",", " ").split()
    with_critique = "--with-critique" in words
    formats = [w for w in words if w != "--with-critique"] or ["all"]
    extras = ExportExtras(compare_with=other_state(ctx, ctx.map))
    if with_critique:  # the critique is for the team, not for every reader of the export
        from bot.critique import critique as review  # its rules load only when asked for

        found = review(ctx.map)
        extras.scorecard = [(area.label, area.score) for area in found.scorecard]
        extras.overall = found.overall
        extras.top_findings = [f.problem for f in found.findings[:5]]
    try:
        files = export_many(ctx.map, "all" if "all" in formats else formats, extras)
    except ValueError as unknown:  # names are checked before anything is made
        reply.errors = [f"{unknown} Try: `export pdf`"]
        return ctx.same(reply)
    reply.notices.append("Exported: " + "; ".join(f"{f.filename} ({f.summary})" for f in files))
    outcome = ctx.same(reply)
    outcome.files = files
    return outcome


def other_state(ctx: Context, m: JourneyMap) -> JourneyMap | None:
    """The linked map in the other state (future for a current map, and back), if any."""
    store = ctx.services.store
    if m.linked_map_id:
        linked = store.load_by_id(m.linked_map_id)
        return linked.journey_map if linked else None
    future = store.find_linked(m.id)
    return future.journey_map if future else None


def future(ctx: Context, argument: str = "") -> Outcome:
    reply = ctx.reply()
    if ctx.map.state_of == "future":
        reply.errors = [
            "This map already is a future state; start from the current one. "
            "Try: `export pdf` to compare them."
        ]
    else:
        reply.spawn = "future"
        reply.notices.append("Copying this map into a future-state map, in a new thread…")
    return ctx.same(reply)
