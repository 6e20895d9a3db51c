"""Changing what is there: undo, edit, remove, and yes / no to what waits for an answer."""

from __future__ import annotations

from bot.domain.describe import edit_as_line
from bot.domain.edits import Edit, EditError, RemoveItem, SetScope, SetTitle, UpdateItem
from bot.domain.refs import FIELD_SYNONYMS, resolve_item, split_edit
from bot.engine.context import Context
from bot.engine.reply import Section, Suggestion
from bot.engine.state import Outcome, PendingRemoval
from bot.model import JourneyMap, Scope

SCOPE_FIELDS = set(Scope.model_fields)


def undo(ctx: Context, argument: str = "") -> Outcome:
    m = ctx.map
    store = ctx.services.store
    current = store.version(m.id, m.version)
    parent = current[1] if current else None
    if parent is None:
        return ctx.refuse("There is nothing to undo. Try: `show map`")
    found = store.version(m.id, parent)
    assert found is not None  # the parent of a stored version is stored
    previous, grandparent = found
    # Keep the serial: ids handed out before the undo are never handed out again.
    restored = previous.model_copy(update={"contributors": m.contributors, "serial": m.serial})
    outcome = ctx.changed(restored, [f"undid the change to version {m.version}"], grandparent)
    outcome.reply.understood = [f"Undone: back to the map as it was at version {parent}."]
    return outcome


def edit(ctx: Context, argument: str) -> Outcome:
    if not argument:
        return _show_proposal_lines(ctx)
    try:
        change = edit_from(ctx.map, argument)
    except EditError as error:
        return ctx.refuse(str(error))
    return ctx.apply([change])


def edit_from(m: JourneyMap, argument: str) -> Edit:
    if argument.lower().startswith("title:"):
        return SetTitle(title=argument.split(":", 1)[1].strip())
    ref, field_name, value = split_edit(argument)
    field_name = FIELD_SYNONYMS.get(field_name, field_name)
    if ref.lower() == "scope":
        if field_name not in SCOPE_FIELDS:
            raise EditError(
                f"Scope fields: {', '.join(sorted(SCOPE_FIELDS))}. Try: `edit scope objective: …`"
            )
        return SetScope.model_validate({"field": field_name, "value": value})
    kind, item_id = resolve_item(m, ref)
    return UpdateItem(item=kind, item_id=item_id, field=field_name, value=value)


def _show_proposal_lines(ctx: Context) -> Outcome:
    if not ctx.pending.proposal:
        return ctx.refuse("Write the change as `edit <item> <field>: <new value>`.")
    reply = ctx.reply()
    reply.notices.append("Copy these lines, correct them, and send them back:")
    reply.sections = [Section(body="\n".join(edit_as_line(e) for e in ctx.pending.proposal))]
    return ctx.same(reply)


def remove(ctx: Context, argument: str) -> Outcome:
    try:
        kind, item_id = resolve_item(ctx.map, argument)
    except EditError as error:
        return ctx.refuse(str(error))
    dependents = ctx.map.dependents_of(kind, item_id)
    if not dependents:
        return ctx.apply([RemoveItem(item=kind, item_id=item_id)])
    ctx.state.pending_removal = PendingRemoval(item=kind, item_id=item_id)
    reply = ctx.reply()
    reply.warnings = [
        f"{kind} {item_id} has things hanging on it: {'; '.join(dependents[:10])}. "
        "Removing it removes or unlinks them too. Say `yes` to remove it, `no` to keep it."
    ]
    reply.suggestions = [
        Suggestion(label="Yes, remove", command="yes"),
        Suggestion(label="No, keep it", command="no"),
    ]
    return ctx.same(reply)


def confirm(ctx: Context, argument: str = "") -> Outcome:
    if ctx.pending.proposal:
        return ctx.apply(ctx.pending.proposal)
    if ctx.pending.removal is not None:
        removal = ctx.pending.removal
        return ctx.apply([RemoveItem(item=removal.item, item_id=removal.item_id)])
    return cancel(ctx)


def cancel(ctx: Context, argument: str = "") -> Outcome:
    reply = ctx.reply()
    if ctx.pending.proposal:
        reply.notices.append("Dropped it: nothing was saved.")
    elif ctx.pending.removal:
        reply.notices.append("Kept it: nothing was removed.")
    else:
        reply.notices.append("Nothing is waiting for a yes or no.")
    return ctx.same(reply)
