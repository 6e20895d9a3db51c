"""A map read from a paste or a shared file becomes a new thread's map: the thread opens with
the map's summary, then what was read and the critique (ids kept, at the review step)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services import Services
from bot.slack.blocks.critique import imported_map_blocks
from bot.slack.blocks.summary import map_summary_blocks, map_summary_text
from bot.slack.payloads import Message
from storage import MapKey


def import_into_new_thread(
    services: Services,
    client: WebClient,
    message: Message,
    content: bytes | str,
    filename: str | None,
    source: str,
) -> str:
    """Import, adopt and critique; returns "" when done, or the import problem to explain."""
    from bot.critique import critique
    from bot.critique.adopt import adopt
    from bot.critique.imports import ImportProblem, read_map, render_report

    try:
        imported = read_map(content, filename)
    except ImportProblem as problem:
        return problem.message
    m = imported.map.model_copy(update={"version": 1})
    root = client.chat_postMessage(
        channel=message.channel, text=map_summary_text(m), blocks=map_summary_blocks(m)
    )
    key = MapKey(workspace=message.team, channel=message.channel, thread=root["ts"])
    stored = adopt(services.store, key, imported.map, message.user, source)
    result = critique(stored.journey_map, item_evidence=imported.item_evidence)
    report = render_report(imported.report, stored.journey_map)
    client.chat_postMessage(
        channel=message.channel,
        thread_ts=root["ts"],
        text=f"Imported {stored.journey_map.title}: {result.overall}/100",
        blocks=imported_map_blocks(report, result),
    )
    return ""
