"""Export files into a map's thread with files_upload_v2 (three Web API steps: an upload URL,
the bytes, completion). Uploads are not idempotent, so each map version is uploaded once per
set of files (formats and their summaries, which say whether the critique is in)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Protocol

from slack_sdk import WebClient

from bot.model import JourneyMap
from bot.text import slack_escape, truncate
from storage import MapKey, MapStore

log = logging.getLogger(__name__)
COMMENT_CHARS = 200


class ExportLike(Protocol):
    """What uploading reads from bot.exports.ExportFile."""

    filename: str
    content: bytes
    mime_type: str
    format: str
    summary: str


def upload_exports(
    client: WebClient, store: MapStore, key: MapKey, m: JourneyMap, files: Sequence[ExportLike]
) -> bool:
    """Upload `files` to the map's thread; False when this version was already uploaded."""
    formats = ",".join(sorted({f"{f.format}={f.summary}" for f in files}))
    formats = hashlib.sha256(formats.encode()).hexdigest()[:16]  # fits the event key column
    claim = f"slack:export:{m.id}:{m.version}:{formats}"
    if not store.claim_event(claim):
        log.info("export of map %s version %s already uploaded", m.id, m.version)
        return False
    try:
        client.files_upload_v2(
            file_uploads=[
                {"content": f.content, "filename": f.filename, "title": f.filename} for f in files
            ],
            channel=key.channel,
            thread_ts=key.thread,
            initial_comment=export_comment(m, files),
        )
    except Exception:
        store.release_event(claim)  # so that asking again uploads this version
        raise
    return True


def export_comment(m: JourneyMap, files: Sequence[ExportLike]) -> str:
    formats = ", ".join(sorted({str(f.format).upper() for f in files}))
    text = f"{m.title}, version {m.version}: {formats}"
    return truncate(slack_escape(text), COMMENT_CHARS)
