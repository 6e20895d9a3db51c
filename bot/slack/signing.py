"""Slack's request signatures, checked before Bolt sees a request: a request that fails for any
reason (missing or malformed headers, an old timestamp, a wrong signature) is refused with a
reason that names the check, never the body."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping

MAX_SKEW_SECONDS = 300  # Slack's rule: older (or newer) requests may be replays
VERSION = "v0"


def signature_problem(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    clock: Callable[[], float] = time.time,
) -> str | None:
    """Why the request is not Slack's (None when it is). `headers` have lower-case names."""
    stamp = headers.get("x-slack-request-timestamp", "")
    signature = headers.get("x-slack-signature", "")
    if not stamp or not signature:
        return "missing signature headers"
    if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 12:
        return "malformed timestamp"
    if abs(clock() - int(stamp)) > MAX_SKEW_SECONDS:
        return "timestamp outside the allowed clock skew"
    if not secret:
        return "no signing secret configured"
    expected = sign(secret, stamp, body)
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return "signature mismatch"
    return None


def sign(secret: str, stamp: str, body: bytes) -> str:
    message = f"{VERSION}:{stamp}:".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{VERSION}={digest}"
