"""The facilitation engine: (map, who, text or edits) in, (changed map, reply) out.

It knows nothing of Slack or terminals. A turn is load -> apply -> save: `handle` loads the
thread's map, `turn` routes the message (form edits, a command from the command table, a
question, or an answer for the reader) to its handler, and the result is saved with optimistic
concurrency (on a conflict: reload and re-apply)."""

from __future__ import annotations

from bot.domain.chatter import ChatterKind
from bot.engine.assist import Assistant
from bot.engine.commands import read_command
from bot.engine.context import Context, Guidance, Services, build_reply
from bot.engine.handlers import answers, asking, outputs
from bot.engine.reader import message_chatter
from bot.engine.reply import TurnResult
from bot.engine.repository import MapRepository, Stored
from bot.engine.state import FacilitationState, Outcome, Pending, PendingRemoval, Turn
from bot.model import Contribution, JourneyMap, MapStatus, Step
from storage import MapKey, StaleRevision

__all__ = [
    "ConcurrentEditError",
    "Engine",
    "FacilitationState",
    "Guidance",
    "Outcome",
    "PendingRemoval",
    "Turn",
]


class ConcurrentEditError(Exception):
    """The map kept changing under this turn; the team is asked to try again."""


class Engine:
    def __init__(
        self,
        store: MapRepository,
        guidance: Guidance | None = None,
        assistant: Assistant | None = None,
        attempts: int = 60,
    ):
        self.store = store
        self.guidance = guidance
        self.assistant = assistant
        self.attempts = attempts

    @property
    def services(self) -> Services:
        return Services(self.store, self.guidance, self.assistant)

    # --- entry points --------------------------------------------------------------------

    def start(self, key: MapKey, title: str, user: str) -> TurnResult:
        journey_map = JourneyMap(title=title.strip() or "Untitled journey")
        journey_map.contributors.append(Contribution(user=user, summary="started the map"))
        state = FacilitationState()
        reply = build_reply(self.services, journey_map, state, entered=True)
        reply.notices.insert(0, f"Started *{journey_map.title}*. Anyone here can answer.")
        stored = self.store.create(key, journey_map, state.model_dump(mode="json"), user)
        return TurnResult(reply=reply, journey_map=stored.journey_map, version=1)

    def load(self, key: MapKey) -> Stored | None:
        return self.store.load(key)

    def handle(self, key: MapKey, turn: Turn) -> TurnResult | None:
        """Load, apply, save; None when no map lives in `key`."""
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

    def export(self, key: MapKey, formats: str) -> TurnResult | None:
        """Export from outside the thread (CLI, `/journey export`, App Home): reads the map and
        saves nothing, so a yes/no waiting in the thread is left as it is."""
        stored = self.store.load(key)
        if stored is None:
            return None
        ctx = self._context(stored, "export")
        outcome = outputs.export(ctx, formats)
        return TurnResult(
            reply=outcome.reply,
            journey_map=stored.journey_map,
            version=stored.journey_map.version,
            files=outcome.files,
        )

    def check(self, key: MapKey, turn: Turn) -> list[str]:
        """What would go wrong if the turn were applied (Slack forms validate through this);
        saves nothing."""
        stored = self.store.load(key)
        if stored is None:
            return ["That map is gone."]
        return self.turn(stored, turn).reply.errors

    def _save(self, stored: Stored, outcome: Outcome, user: str) -> Stored:
        state = outcome.state.model_dump(mode="json")
        if outcome.journey_map == stored.journey_map and state == stored.state:
            return stored
        return self.store.save(
            stored, outcome.journey_map, state, user, outcome.summary, outcome.parent
        )

    # --- one turn, pure but for reading versions (undo) -----------------------------------

    def turn(self, stored: Stored, turn: Turn) -> Outcome:
        ctx = self._context(stored, turn.user)
        if turn.edits:
            return ctx.apply(turn.edits)
        command = read_command(turn.text)
        if command is not None and command.spec.read_only:
            return command.spec.handler(ctx, command.argument)  # a pending yes/no stays
        kind: ChatterKind | None = None if command else message_chatter(ctx.map, turn.text)
        if kind is not None:  # a question or small talk never touches the map or a yes/no
            return asking.chatter(ctx, turn.text, kind)
        ctx.pending = Pending(ctx.state.pending_removal, ctx.state.pending_proposal)
        ctx.state.pending_removal = ctx.state.pending_proposal = None
        if command is not None:
            return command.spec.handler(ctx, command.argument)
        return answers.answer(ctx, turn.text)

    def _context(self, stored: Stored, user: str) -> Context:
        state = FacilitationState.model_validate(stored.state)
        return Context(self.services, stored, state, user)

    def _other_state(self, m: JourneyMap) -> JourneyMap | None:
        stored = self.store.load_by_id(m.id)
        if stored is None:
            return None
        return outputs.other_state(self._context(stored, ""), m)

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
        reply = build_reply(self.services, future, state, entered=True)
        reply.notices.insert(
            0,
            f"Future state of *{source.title}*: change stages, touchpoints and "
            "emotions into how the journey should be. Actions and KPIs can say "
            "which change they make: `edit action-3 changes: tp-12`.",
        )
        created = self.store.create(key, future, state.model_dump(mode="json"), user)
        return TurnResult(reply=reply, journey_map=created.journey_map, version=1)
