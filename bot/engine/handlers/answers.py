"""An answer for the map: read by the forgiving reader, or (with a model) proposed for a yes."""

from __future__ import annotations

from bot.domain.describe import edit_as_line
from bot.domain.edits import EditError, apply_edits
from bot.engine.assist import AssistantUnavailable
from bot.engine.commands import near_command
from bot.engine.context import Context
from bot.engine.reader import Reading, example_line, proposal_lines, read_message
from bot.engine.reply import Section, Suggestion
from bot.engine.state import Outcome


def answer(ctx: Context, text: str) -> Outcome:
    reading = read_message(ctx.map, ctx.state.step, text)
    if not reading.changed and (reading.proposal or reading.errors):
        near = near_command(text)
        if near is not None:  # `nexy`: a command with a typo, not an answer
            return ctx.refuse(f"Did you mean `{near}`? Nothing was saved.")
    notices: list[str] = []
    if not reading.changed and (reading.errors or reading.proposal) and ctx.services.assistant:
        try:
            return propose(ctx, text)
        except AssistantUnavailable as unavailable:
            notices.append(str(unavailable))
    if reading.changed:
        outcome = ctx.changed(reading.journey_map, reading.summaries)
        outcome.reply.understood = reading.understood
    else:
        outcome = ctx.same(ctx.reply(show_example=not reading.proposal))
    outcome.reply.notices = notices + outcome.reply.notices
    _explain(ctx, reading, outcome)
    return outcome


def _explain(ctx: Context, reading: Reading, outcome: Outcome) -> None:
    reply = outcome.reply
    reply.errors = reading.errors
    if reading.left_out:
        reply.notices.append(
            "I left out "
            + "; ".join(f"`{line[:60]}`" for line in reading.left_out)
            + ": it reads as a question or a remark, not something for the map."
        )
    if reading.proposal:
        ctx.state.pending_proposal = reading.proposal
        reply.sections = [
            Section(heading="Is this right?", body="\n".join(proposal_lines(reading.proposal)))
        ]
        reply.notices.append(
            "I'm not sure I read that right, so nothing of it is saved yet. Say `yes` to save "
            "it as shown, `edit` to correct it, or write it with its field "
            "(as shown under *Is this right?*)."
        )
        reply.suggestions = [
            Suggestion(label="Yes, save it", command="yes"),
            Suggestion(label="Edit", command="edit"),
        ]
    if reading.errors and reading.changed:
        reply.notices.append(
            "Saved the lines I could read; fix the others and send them again. "
            "`undo` takes back this whole message."
        )
    if reading.errors and not reading.changed and not reading.proposal:
        reply.notices.append("Nothing was saved from that message; fix the line(s) and resend.")
    if not reading.changed and not reading.errors and not reading.proposal:
        reply.errors = [
            "I found nothing to add in that message. Try: `"
            + example_line(ctx.map, ctx.state.step)
            + "`"
        ]


def propose(ctx: Context, text: str) -> Outcome:
    """Let the model read prose; show what it understood and save nothing until confirmed."""
    assistant = ctx.services.assistant
    assert assistant is not None
    proposal = assistant.propose(ctx.map, ctx.state.step, text, ctx.workspace)
    try:
        apply_edits(ctx.map, proposal.edits)  # a dry run: only valid proposals are offered
    except EditError as error:
        raise AssistantUnavailable(
            f"The language model's reading didn't fit the map ({error}); "
            "please use the formats below."
        ) from error
    if not proposal.edits:
        raise AssistantUnavailable("The language model found no map items in that message.")
    ctx.state.pending_proposal = proposal.edits
    reply = ctx.reply()
    reply.notices.append("Here is what I understood. Nothing is saved until you confirm.")
    reply.sections = [
        Section(heading="Proposed", body="\n".join(edit_as_line(edit) for edit in proposal.edits))
    ]
    if proposal.note:
        reply.notices.append(proposal.note)
    reply.suggestions = [
        Suggestion(label="Confirm", command="yes"),
        Suggestion(label="Edit", command="edit"),
    ]
    return ctx.same(reply)
