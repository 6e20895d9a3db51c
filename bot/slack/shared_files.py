"""A map file shared with the bot (in a map's thread, or with a mention): CSV, TSV, XLSX,
Markdown or our JSON is downloaded with the bot token and imported like a pasted map.

Slack delivers the share as a message (subtype `file_share`) whose `files` list each file's
`name`, `size` and `url_private_download`. The bot token goes only to Slack's own hosts; the
WebClient's base URL stands in for Slack's host when it is not Slack (a local test server)."""

from __future__ import annotations

import logging
import urllib.request
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ValidationError
from slack_sdk import WebClient

from bot.critique.imports import MAX_BYTES
from bot.services import Services
from bot.slack.map_import import import_into_new_thread
from bot.slack.payloads import Message
from bot.text import slack_escape, truncate

log = logging.getLogger(__name__)
MAP_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".md", ".markdown", ".json", ".txt"})
DOWNLOAD_TIMEOUT_S = 10
_SLACK_HOSTS = ("slack.com", "slack-edge.com")
TYPES_HELP = "CSV, TSV, XLSX, Markdown (.md) or JourneyBot JSON"


class SharedFile(BaseModel):
    """What the bot reads of a file in a message's `files` list."""

    id: str = ""
    name: str = ""
    size: int = 0
    url_private_download: str = ""

    @property
    def is_map_file(self) -> bool:
        return PurePosixPath(self.name.casefold()).suffix in MAP_SUFFIXES


class Unreadable(Exception):
    """The file could not be fetched; the message says why, for the person who shared it."""


def import_shared_files(
    services: Services, client: WebClient, message: Message, event: dict[str, Any]
) -> bool:
    """Import the map file shared in `event`, if it is for the bot; True when handled."""
    files = _shared_files(event)
    in_map_thread = message.thread_key is not None and services.store.load(message.thread_key)
    if not files or not (message.mentions_bot or in_map_thread):
        return False
    maps = [f for f in files if f.is_map_file]
    if not maps:
        if not message.mentions_bot:
            return False  # a picture shared in a map's thread is not for the bot
        names = ", ".join(f.name for f in files)
        _whisper(client, message, f"I can't read {names} as a map: share {TYPES_HELP}, please.")
        return True
    shared = maps[0]
    try:
        content = download(client, shared)
    except Unreadable as why:
        _whisper(client, message, str(why))
        return True
    problem = import_into_new_thread(
        services, client, message, content, shared.name, f"the file {shared.name} shared in Slack"
    )
    if problem:
        _whisper(client, message, f"I couldn't read {shared.name} as a map. {problem}")
    return True


def _shared_files(event: dict[str, Any]) -> list[SharedFile]:
    files = []
    for raw in event.get("files") or []:
        try:
            files.append(SharedFile.model_validate(raw))
        except ValidationError:
            log.info("a shared file's description could not be read")
    return files


def download(client: WebClient, shared: SharedFile) -> bytes:
    """The file's bytes, at most MAX_BYTES, fetched with the bot token from Slack."""
    if shared.size > MAX_BYTES:
        raise Unreadable(f"{shared.name} is over {MAX_BYTES // (1024 * 1024)} MB: too big to read.")
    url = file_url(shared.url_private_download, client.base_url)
    if not url:
        raise Unreadable(f"Slack gave no download link for {shared.name}: share it again, please.")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_S) as response:  # noqa: S310
            content: bytes = response.read(MAX_BYTES + 1)
    except OSError as error:
        log.warning("downloading a shared file failed: %s", type(error).__name__)
        raise Unreadable(
            f"I couldn't download {shared.name} from Slack: try again, please."
        ) from None
    if len(content) > MAX_BYTES:
        raise Unreadable(f"{shared.name} is over {MAX_BYTES // (1024 * 1024)} MB: too big to read.")
    return content


def file_url(url: str, base_url: str) -> str:
    """The URL to fetch: Slack's own (only Slack hosts get the token), or the same path on the
    WebClient's base URL when that is not Slack (a Web API stand-in)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not _is_slack(parts.hostname or ""):
        return ""
    base = urlsplit(base_url)
    if _is_slack(base.hostname or ""):
        return url
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))


def _is_slack(host: str) -> bool:
    return any(host == name or host.endswith("." + name) for name in _SLACK_HOSTS)


def _whisper(client: WebClient, message: Message, text: str) -> None:
    client.chat_postEphemeral(
        channel=message.channel, user=message.user, text=slack_escape(truncate(text, 2000))
    )
