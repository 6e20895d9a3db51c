"""The facilitation engine: (map, who, text or edits) in, (changed map, reply) out.

It knows nothing of Slack or terminals. `Engine` adds persistence around the pure turn logic:
load, apply, save with optimistic concurrency, and on a conflict reload and re-apply."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from bot.engine import team_commands
from bot.engine.assist import Assistant, AssistantUnavailable
from bot.engine.commands import STEP_NAMES, Command, read_command
from bot.engine.describe import edit_as_line
from bot.engine.edits import (
    Edit,
    EditError,
    RemoveItem,
    SetReview,
    SetScope,
    SetTitle,
    UpdateItem,
    apply_edits,
)
from bot.engine.guidance import Guidance, answer_question, ask, step_tip
from bot.engine.outline import map_outline, summary_sections, votes_section
from bot.engine.parser import parse_answer
from bot.engine.refs import FIELD_SYNONYMS, resolve_item, split_edit
from bot.engine.reply import Reply, Section, Suggestion, TurnResult
from bot.engine.steps import SPECS, STEP_ORDER
from bot.model import Contribution, ItemKind, JourneyMap, MapStatus, Scope, Step
from storage import MapKey, MapStore, StaleRevision, StoredMap

log = logging.getLogger(__name__)


class PendingRemoval(BaseModel):
    item: ItemKind
    item_id: str


class FacilitationState(BaseModel):
    step: Step = Step.SCOPE
    shown_tips: list[str] = Field(default_factory=list)
    pending_removal: PendingRemoval | None = None
    pending_proposal: list[Edit] | None = None


class Turn(BaseModel):
    """One message from the team: free text, or edits from a form (a Slack modal)."""

    user: str
    text: str = ""
    edits: list[Edit] = Field(default_factory=list)


class ConcurrentEditError(Exception):
    """The map kept changing under this turn; the team is asked to try again."""


@dataclass
class Pending:
    """What the previous turn left waiting for a yes or no."""

    removal: PendingRemoval | None = None
    proposal: list[Edit] | None = None


@dataclass
class Outcome:
    journey_map: JourneyMap
    state: FacilitationState
    reply: Reply
    summary: str = ""
    parent: int | None = None
    files: list[Any] = field(default_factory=list)


SCOPE_FIELDS = set(Scope.model_fields)


class Engine:
    def __init__(
        self,
        store: MapStore,
        guidance: Guidance | None = None,
        assistant: Assistant | None = None,
        attempts: int = 60,
    ):
        self.store = store
        self.guidance = guidance
        self.assistant = assistant
        self.attempts = attempts

    # --- entry points --------------------------------------------------------------------

    def start(self, key: MapKey, title: str, user: str) -> TurnResult:
        journey_map = JourneyMap(title=title.strip() or "Untitled journey")
        journey_map.contributors.append(Contribution(user=user, summary="started the map"))
        state = FacilitationState()
        reply = self._reply(journey_map, state, entered=True)
        reply.notices.insert(0, f"Started *{journey_map.title}*. Anyone here can answer.")
        self._remember_tips(state, reply)
        stored = self.store.create(key, journey_map, state.model_dump(mode="json"), user)
        return TurnResult(reply=reply, journey_map=stored.journey_map, version=1)

    def load(self, key: MapKey) -> StoredMap | None:
        return self.store.load(key)

    def handle(self, key: MapKey, turn: Turn) -> TurnResult | None:
        """Apply a turn to the map in `key`; None when no map lives there."""
        for _ in range(self.attempts):
            stored = self.store.load(key)
            if stored is None:
                return None
            outcome = self.turn(stored, turn)
            try:
                saved = self._save(stored, outcome, turn.user)
            except StaleRevision:
                continue
            return TurnResult(
                reply=outcome.reply,
                journey_map=saved.journey_map,
                version=saved.journey_map.version,
                files=outcome.files,
            )
        raise ConcurrentEditError(key.thread)

    def _save(self, stored: StoredMap, outcome: Outcome, user: str) -> StoredMap:
        state = outcome.state.model_dump(mode="json")
        if outcome.journey_map == stored.journey_map and state == stored.state:
            return stored
        return self.store.save(
            stored, outcome.journey_map, state, user, outcome.summary, outcome.parent
        )

    # --- one turn, pure but for reading versions (undo) -----------------------------------

    def turn(self, stored: StoredMap, turn: Turn) -> Outcome:
        state = FacilitationState.model_validate(stored.state)
        journey_map = stored.journey_map
        if turn.edits:
            return self._apply(journey_map, state, turn.user, turn.edits)
        command = read_command(turn.text)
        pending = Pending(state.pending_removal, state.pending_proposal)
        state.pending_removal = state.pending_proposal = None
        if command is not None:
            return self._command(stored, state, turn.user, command, pending)
        parsed = parse_answer(journey_map, state.step, turn.text)
        errors = [error.describe() for error in parsed.errors]
        if parsed.edits and not parsed.errors:
            applied = self._apply(journey_map, state, turn.user, parsed.edits)
            if not applied.reply.errors or self.assistant is None:
                return applied
            errors = applied.reply.errors  # read but didn't fit the map: let the model try
        notices: list[str] = []
        if self.assistant is not None and turn.text.strip():
            try:
                return self._propose(journey_map, state, turn.text, stored.key.workspace)
            except AssistantUnavailable as unavailable:
                notices.append(str(unavailable))
        reply = self._reply(journey_map, state, show_example=True)
        reply.notices = notices
        reply.errors = errors or ["I found nothing to add in that message."]
        if errors:
            reply.notices.append("Nothing was saved from that message; fix the line(s) and resend.")
        return Outcome(journey_map, state, reply)

    def _propose(
        self, journey_map: JourneyMap, state: FacilitationState, text: str, workspace: str
    ) -> Outcome:
        """Let the model read prose; show what it understood and save nothing until confirmed."""
        proposal = self.assistant.propose(journey_map, state.step, text, workspace)  # type: ignore[union-attr]
        try:
            apply_edits(journey_map, proposal.edits)  # a dry run: only valid proposals are offered
        except EditError as error:
            raise AssistantUnavailable(
                f"The language model's reading didn't fit the map ({error}); "
                "please use the formats below."
            ) from error
        if not proposal.edits:
            raise AssistantUnavailable("The language model found no map items in that message.")
        state.pending_proposal = proposal.edits
        reply = self._reply(journey_map, state)
        reply.notices.append("Here is what I understood. Nothing is saved until you confirm.")
        reply.sections = [
            Section(
                heading="Proposed", body="\n".join(edit_as_line(edit) for edit in proposal.edits)
            )
        ]
        if proposal.note:
            reply.notices.append(proposal.note)
        reply.suggestions = [
            Suggestion(label="Confirm", command="yes"),
            Suggestion(label="Edit", command="edit"),
        ]
        return Outcome(journey_map, state, reply)

    def _apply(
        self,
        journey_map: JourneyMap,
        state: FacilitationState,
        user: str,
        edits: list[Edit],
        parent: int | None = None,
    ) -> Outcome:
        try:
            changed, summaries = apply_edits(journey_map, edits)
        except EditError as error:
            reply = self._reply(journey_map, state, show_example=True)
            reply.errors = [str(error)]
            reply.notices.append("Nothing was saved from that message.")
            return Outcome(journey_map, state, reply)
        return self._changed(journey_map, changed, state, user, summaries, parent)

    def _changed(
        self,
        before: JourneyMap,
        after: JourneyMap,
        state: FacilitationState,
        user: str,
        summaries: list[str],
        parent: int | None = None,
    ) -> Outcome:
        summary = "; ".join(summaries)
        after = after.model_copy(update={"version": before.version + 1})
        after.contributors.append(Contribution(user=user, summary=summary[:200]))
        reply = self._reply(after, state)
        reply.understood = summaries
        reply.changed = True
        reply.warnings = SPECS[state.step].checks(after)
        return Outcome(after, state, reply, summary=summary, parent=parent)

    # --- commands ------------------------------------------------------------------------

    def _command(
        self,
        stored: StoredMap,
        state: FacilitationState,
        user: str,
        command: Command,
        pending: PendingRemoval | None,
    ) -> Outcome:
        m = stored.journey_map
        name = command.name
        if name in {"next", "skip", "back", "goto"}:
            return self._navigate(m, state, command)
        if name == "show":
            reply = self._reply(m, state)
            reply.show_map = True
            reply.sections = map_outline(m)
            return Outcome(m, state, reply)
        if name == "help":
            reply = self._reply(m, state, show_example=True)
            reply.sections.append(Section(heading="Commands", body=HELP))
            return Outcome(m, state, reply)
        if name == "undo":
            return self._undo(stored, state, user)
        if name == "edit" and not command.argument:
            return self._edit_proposal(m, state, pending)
        if name == "edit":
            return self._edit(m, state, user, command.argument)
        if name == "remove":
            return self._remove(m, state, user, command.argument)
        if name == "confirm" and pending.proposal:
            return self._apply(m, state, user, pending.proposal)
        if name == "confirm" and pending.removal is not None:
            removal = RemoveItem(item=pending.removal.item, item_id=pending.removal.item_id)
            return self._apply(m, state, user, [removal])
        if name in {"confirm", "cancel"}:
            reply = self._reply(m, state)
            if pending.proposal:
                reply.notices.append("Dropped it: nothing was saved.")
            elif pending.removal:
                reply.notices.append("Kept it: nothing was removed.")
            else:
                reply.notices.append("Nothing is waiting for a yes or no.")
            return Outcome(m, state, reply)
        if name == "done":
            return self._done(m, state, user)
        if name == "question":
            return self._question(m, state, command.argument, stored.key.workspace)
        if name in _EDIT_COMMANDS:
            try:
                edit = _EDIT_COMMANDS[name](m, command.argument, user)
            except EditError as error:
                reply = self._reply(m, state)
                reply.errors = [str(error)]
                return Outcome(m, state, reply)
            outcome = self._apply(m, state, user, [edit])
            if name == "vote":
                outcome.reply.sections = [votes_section(outcome.journey_map)]
            return outcome
        if name in {"votes", "summary"}:
            reply = self._reply(m, state)
            reply.sections = [votes_section(m)] if name == "votes" else summary_sections(m)
            return Outcome(m, state, reply)
        if name == "future":
            return self._future(m, state)
        if name == "critique":
            return self._critique(m, state, stored.key.workspace)
        return self._export(m, state, command.argument)

    def _navigate(self, m: JourneyMap, state: FacilitationState, command: Command) -> Outcome:
        if command.name == "next":
            missing = SPECS[state.step].missing(m)
            if missing:
                reply = self._reply(m, state, show_example=True)
                reply.errors = [
                    f"Before moving on, add {' and '.join(missing)}, "
                    "or say `skip` to move on anyway."
                ]
                return Outcome(m, state, reply)
        if command.name == "goto":
            target = STEP_NAMES.get(command.argument.strip().lower())
            if target is None:
                reply = self._reply(m, state)
                reply.errors = [
                    f"There is no step '{command.argument}'. Steps: "
                    + ", ".join(s.value for s in STEP_ORDER)
                    + "."
                ]
                return Outcome(m, state, reply)
        left = state.step
        state.step = {
            "next": left.next(),
            "skip": left.next(),
            "back": left.previous(),
        }.get(command.name) or STEP_NAMES[command.argument.strip().lower()]
        reply = self._reply(m, state, entered=state.step != left)
        if command.name == "next":
            reply.warnings = SPECS[left].checks(m)
        self._remember_tips(state, reply)
        return Outcome(m, state, reply)

    def _undo(self, stored: StoredMap, state: FacilitationState, user: str) -> Outcome:
        m = stored.journey_map
        current = self.store.version(m.id, m.version)
        parent = current[1] if current else None
        if parent is None:
            reply = self._reply(m, state)
            reply.errors = ["There is nothing to undo."]
            return Outcome(m, state, reply)
        previous, grandparent = self.store.version(m.id, parent)  # type: ignore[misc]
        # Keep the serial: ids handed out before the undo are never handed out again.
        restored = previous.model_copy(update={"contributors": m.contributors, "serial": m.serial})
        outcome = self._changed(
            m, restored, state, user, [f"undid the change to version {m.version}"], grandparent
        )
        outcome.reply.understood = [f"Undone: back to the map as it was at version {parent}."]
        return outcome

    def _edit(self, m: JourneyMap, state: FacilitationState, user: str, argument: str) -> Outcome:
        try:
            edit = self._edit_from(m, argument)
        except EditError as error:
            reply = self._reply(m, state)
            reply.errors = [str(error)]
            return Outcome(m, state, reply)
        return self._apply(m, state, user, [edit])

    def _edit_from(self, m: JourneyMap, argument: str) -> Edit:
        if argument.lower().startswith("title:"):
            return SetTitle(title=argument.split(":", 1)[1].strip())
        ref, field_name, value = split_edit(argument)
        field_name = FIELD_SYNONYMS.get(field_name, field_name)
        if ref.lower() == "scope":
            if field_name not in SCOPE_FIELDS:
                raise EditError(f"Scope fields: {', '.join(sorted(SCOPE_FIELDS))}.")
            return SetScope(field=field_name, value=value)  # type: ignore[arg-type]
        kind, item_id = resolve_item(m, ref)
        return UpdateItem(item=kind, item_id=item_id, field=field_name, value=value)

    def _remove(self, m: JourneyMap, state: FacilitationState, user: str, argument: str) -> Outcome:
        try:
            kind, item_id = resolve_item(m, argument)
        except EditError as error:
            reply = self._reply(m, state)
            reply.errors = [str(error)]
            return Outcome(m, state, reply)
        dependents = m.dependents_of(kind, item_id)
        if not dependents:
            return self._apply(m, state, user, [RemoveItem(item=kind, item_id=item_id)])
        state.pending_removal = PendingRemoval(item=kind, item_id=item_id)
        reply = self._reply(m, state)
        reply.warnings = [
            f"{kind} {item_id} has things hanging on it: {'; '.join(dependents[:10])}. "
            "Removing it removes or unlinks them too. Say `yes` to remove it, `no` to keep it."
        ]
        reply.suggestions = [
            Suggestion(label="Yes, remove", command="yes"),
            Suggestion(label="No, keep it", command="no"),
        ]
        return Outcome(m, state, reply)

    def _critique(self, m: JourneyMap, state: FacilitationState, workspace: str) -> Outcome:
        from bot.critique import critique  # imported on use: rules load only when asked for

        reply = self._reply(m, state)
        reply.critique = critique(m)
        if self.assistant is not None and reply.critique.findings:
            topics = " ".join(f.title for f in reply.critique.findings[:3])
            passages = ask(self.guidance, topics).passages
            try:
                narrative = self.assistant.narrate(m, reply.critique, passages, workspace)
            except AssistantUnavailable as unavailable:
                reply.notices.append(str(unavailable))
            else:
                reply.sections = [Section(heading="In short", body=narrative)]
        return Outcome(m, state, reply)

    def _export(self, m: JourneyMap, state: FacilitationState, argument: str) -> Outcome:
        from bot.critique import critique
        from bot.exports import ExportExtras, export_many

        reply = self._reply(m, state)
        formats = argument.lower().replace(",", " ").split() or ["all"]
        review = critique(m)
        extras = ExportExtras(
            scorecard=[(area.label, area.score) for area in review.scorecard],
            overall=review.overall,
            top_findings=[f.problem for f in review.findings[:5]],
            compare_with=self._other_state(m),
        )
        try:
            files = export_many(m, "all" if "all" in formats else formats, extras)
        except ValueError as unknown:  # names are checked before anything is made
            reply.errors = [str(unknown)]
            return Outcome(m, state, reply)
        reply.notices.append("Exported: " + "; ".join(f"{f.filename} ({f.summary})" for f in files))
        return Outcome(m, state, reply, files=files)

    def _other_state(self, m: JourneyMap) -> JourneyMap | None:
        """The linked map in the other state (future for a current map, and back), if any."""
        if m.linked_map_id:
            linked = self.store.load_by_id(m.linked_map_id)
            return linked.journey_map if linked else None
        future = self.store.find_linked(m.id)
        return future.journey_map if future else None

    def _future(self, m: JourneyMap, state: FacilitationState) -> Outcome:
        reply = self._reply(m, state)
        if m.state_of == "future":
            reply.errors = ["This map already is a future state; start from the current one."]
        else:
            reply.spawn = "future"
            reply.notices.append("Copying this map into a future-state map, in a new thread…")
        return Outcome(m, state, reply)

    def start_future(self, current: MapKey, key: MapKey, user: str) -> TurnResult:
        """Copy the map in `current` into a linked future-state map ("how it should be")."""
        stored = self.store.load(current)
        if stored is None:
            raise LookupError(f"no map in {current}")
        source = stored.journey_map
        future = source.model_copy(
            deep=True,
            update={
                "title": f"{source.title} (future state)"[:200],
                "state_of": "future",
                "linked_map_id": source.id,
                "status": MapStatus.DRAFT,
                "emotion_votes": [],
                "contributors": [Contribution(user=user, summary=f"future state of {source.id}")],
                "last_reviewed_at": None,
            },
        )
        state = FacilitationState(step=Step.TOUCHPOINTS)
        reply = self._reply(future, state, entered=True)
        reply.notices.insert(
            0,
            f"Future state of *{source.title}*: change stages, touchpoints and "
            "emotions into how the journey should be. Actions and KPIs can say "
            "which change they make: `edit action-3 changes: tp-12`.",
        )
        self._remember_tips(state, reply)
        created = self.store.create(key, future, state.model_dump(mode="json"), user)
        return TurnResult(reply=reply, journey_map=created.journey_map, version=1)

    def _done(self, m: JourneyMap, state: FacilitationState, user: str) -> Outcome:
        state.step = Step.REVIEW
        if m.status is MapStatus.COMPLETE:
            reply = self._reply(m, state)
            reply.notices.append("This map is already marked complete.")
            return Outcome(m, state, reply)
        completed = m.model_copy(update={"status": MapStatus.COMPLETE})
        outcome = self._changed(m, completed, state, user, ["marked the map complete"])
        outcome.reply.warnings = SPECS[Step.REVIEW].checks(completed)
        return outcome

    def _edit_proposal(self, m: JourneyMap, state: FacilitationState, pending: Pending) -> Outcome:
        reply = self._reply(m, state)
        if not pending.proposal:
            reply.errors = ["Write the change as `edit <item> <field>: <new value>`."]
            return Outcome(m, state, reply)
        reply.notices.append("Copy these lines, correct them, and send them back:")
        reply.sections = [Section(body="\n".join(edit_as_line(e) for e in pending.proposal))]
        return Outcome(m, state, reply)

    def _question(
        self, m: JourneyMap, state: FacilitationState, question: str, workspace: str
    ) -> Outcome:
        reply = self._reply(m, state)
        answer_question(reply, self.guidance, self.assistant, question, workspace)
        return Outcome(m, state, reply)

    # --- replies -----------------------------------------------------------------------------

    def _reply(
        self,
        m: JourneyMap,
        state: FacilitationState,
        *,
        entered: bool = False,
        show_example: bool = False,
    ) -> Reply:
        spec = SPECS[state.step]
        reply = Reply(
            step=state.step,
            step_number=STEP_ORDER.index(state.step) + 1,
            step_count=len(STEP_ORDER),
            step_title=state.step.label,
            question=spec.question,
            example=spec.example if (entered or show_example) else "",
            suggestions=_suggestions(state.step),
        )
        if entered:
            reply.tip = step_tip(self.guidance, m, state.step, state.shown_tips)
            if state.step is Step.REVIEW:
                reply.sections = map_outline(m)
                reply.warnings = spec.checks(m)
        return reply

    @staticmethod
    def _remember_tips(state: FacilitationState, reply: Reply) -> None:
        if reply.tip is not None:
            state.shown_tips.append(reply.tip.key)


_EDIT_COMMANDS = {
    "vote": lambda m, argument, user: team_commands.vote(argument, user),
    "settle": lambda m, argument, user: team_commands.settle(argument),
    "evidence": team_commands.evidence,
    "review": lambda m, argument, user: team_commands.review_rhythm(argument),
    "reviewed": lambda m, argument, user: SetReview(reviewed=True),
}


def _suggestions(step: Step) -> list[Suggestion]:
    if step is Step.REVIEW:
        return [
            Suggestion(label="Critique", command="critique"),
            Suggestion(label="Export", command="export all"),
            Suggestion(label="Mark complete", command="done"),
            Suggestion(label="Back", command="back"),
            Suggestion(label="Undo", command="undo"),
        ]
    return [
        Suggestion(label="Next", command="next"),
        Suggestion(label="Back", command="back"),
        Suggestion(label="Skip", command="skip"),
        Suggestion(label="Show map", command="show"),
        Suggestion(label="Undo", command="undo"),
    ]


HELP = (
    "`next`, `back`, `skip`: move between steps · `go to <step>`\n"
    "`show map`: the map so far · `undo`: take back the last change\n"
    "`edit <item> <field>: <value>` (e.g. `edit tp-4 owner: Digital`, "
    "`edit scope objective: …`)\n"
    "`remove <item>` (e.g. `remove stage Compare`, `remove pain-7`)\n"
    "`critique`: what to improve · `export pdf` (or markdown, docx, png, csv, xlsx, json, all)\n"
    "`done`: mark the map complete · ask a question ending in `?` for guidance"
)
