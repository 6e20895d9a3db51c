"""The terminal chat: the same engine and store as Slack, one person at a keyboard.

A command (`next`, `show map`, `undo`…) is sent as soon as it is typed; an answer may span
several lines and is sent at the first empty line."""

from __future__ import annotations

import getpass
import logging
import sys
import uuid
from pathlib import Path
from typing import TextIO

from bot.engine import Turn, TurnResult
from bot.engine.commands import read_command
from bot.services import Services
from bot.terminal.render import render_reply
from storage import MapKey

QUIT = {"quit", "exit", "bye", ":q"}
FIRST_SCREEN = (
    "JourneyBot terminal chat. An answer may take several lines: press Enter on an empty line "
    "to send it.\nCommands (next, back, show map, undo, help, quit) work on any line. "
    "quit, Ctrl-C or Ctrl-D leave; everything is saved as you go."
)
WORKSPACE = "local"
CHANNEL = "terminal"


def terminal_key(thread: str) -> MapKey:
    return MapKey(workspace=WORKSPACE, channel=CHANNEL, thread=thread)


class Chat:
    def __init__(self, services: Services, stdin: TextIO, stdout: TextIO, user: str) -> None:
        self.services = services
        self.stdin = stdin
        self.stdout = stdout
        self.user = user
        self.held: str | None = None  # a command typed on a continuation line, sent next

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def ask(self, prompt: str) -> str | None:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        return None if line == "" else line.rstrip("\n")

    def choose_map(self) -> MapKey | None:
        maps = self.services.store.list_maps(WORKSPACE, [CHANNEL])
        if maps:
            self.say("Your maps:")
            for number, summary in enumerate(maps, start=1):
                self.say(
                    f"  {number}. {summary.title}  (step {summary.step}, "
                    f"version {summary.version}, {summary.status})"
                )
            self.say("Type a number to resume, or a title to start a new map.")
        else:
            self.say("Welcome to JourneyBot. Let's build a customer journey map together.")
            self.say("What is the journey? Give the map a title.")
        while True:
            answer = self.ask("title> ")
            if answer is None:
                return None
            answer = answer.strip()
            if answer.lower() in QUIT:
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(maps):
                key = maps[int(answer) - 1].key
                self.say(f"Resuming {maps[int(answer) - 1].title}.")
                self.show(self.services.engine.handle(key, Turn(user=self.user, text="help")))
                return key
            if answer:
                key = terminal_key(uuid.uuid4().hex[:12])
                self.show(self.services.engine.start(key, answer, self.user))
                return key

    def show(self, result: TurnResult | None) -> None:
        if result is None:
            return
        self.say(render_reply(result.reply, result.journey_map))
        for path in self.write_files(result):
            self.say(f"  Saved {path}")

    def write_files(self, result: TurnResult) -> list[Path]:
        if not result.files:
            return []
        from bot.exports import write_files

        out_dir = self.services.settings.journeybot_data_dir / "exports"
        return write_files(result.files, out_dir)

    def read_message(self) -> str | None:
        if self.held is not None:
            held, self.held = self.held, None
            return held
        first = self.ask("\nyou> ")
        if first is None:
            return None
        if not first.strip() or _is_command(first):
            return first
        lines = [first]
        while True:
            more = self.ask("...  (empty line sends) ")
            if more is None or not more.strip():
                return "\n".join(lines)
            if _is_command(more):  # `next` on a continuation line: send the answer, then it
                self.held = more
                return "\n".join(lines)
            lines.append(more)

    def loop(self, key: MapKey) -> None:
        while True:
            message = self.read_message()
            if message is None or message.strip().lower() in QUIT:
                self.say("Saved. Bye!")
                return
            if not message.strip():
                continue
            result = self.services.engine.handle(key, Turn(user=self.user, text=message))
            self.show(result)
            if result is not None and result.reply.spawn == "future":
                key = self.open_future(key)

    def open_future(self, current: MapKey) -> MapKey:
        """The terminal's "new thread": a new key, and the chat carries on in the future map."""
        future = terminal_key(uuid.uuid4().hex[:12])
        self.show(self.services.engine.start_future(current, future, self.user))
        return future


def run_chat(
    services: Services,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    user: str | None = None,
) -> int:
    if "log_level" not in services.settings.model_fields_set:
        logging.getLogger().setLevel(logging.WARNING)  # the chat speaks for itself
    chat = Chat(services, stdin, stdout, user or getpass.getuser())
    chat.say(FIRST_SCREEN)
    try:
        key = chat.choose_map()
        if key is not None:
            chat.loop(key)
        else:
            chat.say("Bye!")
    except KeyboardInterrupt:
        chat.say("\nSaved. Bye!")
    return 0


def _is_command(line: str) -> bool:
    return line.strip().lower() in QUIT or read_command(line) is not None
