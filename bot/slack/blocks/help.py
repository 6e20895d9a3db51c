"""What `/journey help` answers: the slash commands, then the conversation's own commands as
the engine's command table lists them."""

from __future__ import annotations

from bot.engine.commands import help_text
from bot.slack.blocks.kit import Block, context, header, section

COMMANDS = (
    "`/journey new <title>`: start a map; I open a thread for it in this channel\n"
    "`/journey list`: the maps you can see\n"
    "`/journey show [map]`: the map so far, only to you (this channel's latest map by default)\n"
    "`/journey summary [map]`: the map on one screen, posted in the map's thread\n"
    "`/journey critique [map]`: what to improve, posted in the map's thread\n"
    "`/journey canvas [map]`: the map as a Slack canvas, updated after every saved version\n"
    "`/journey export <format> [--with-critique] [map]`: pdf, markdown, docx, png, svg, csv, "
    "xlsx, json or all, uploaded to the map's thread; the critique only when asked for\n"
    "`/journey help`: this list"
)
IN_THREAD = (
    "In a map's thread, anyone in the channel answers the step's question by replying. "
    "`[map]` is a map's id or words from its title."
)


def help_blocks() -> list[Block]:
    in_thread = "*In a map's thread, at every step*\n" + help_text()
    return [header("JourneyBot"), section(COMMANDS), section(in_thread), context(IN_THREAD)]


HELP_TEXT = "JourneyBot: /journey new <title> starts a map; /journey help lists the commands."
