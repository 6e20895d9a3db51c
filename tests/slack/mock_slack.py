"""A local stand-in for Slack's Web API (and response_url, and file uploads), on 127.0.0.1 port 0.

It answers like Slack, records every call (method and parsed parameters), validates every block and
view it receives with slack_sdk.models, and can be told to fail: 429 with Retry-After, or 500."""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

TEAM = "T1"
BOT_USER = "UBOT"
BOT_ID = "BBOT"
MESSAGE_METHODS = {"chat.postMessage", "chat.update", "chat.postEphemeral", "respond"}
VIEW_METHODS = {"views.open", "views.update", "views.publish", "views.push"}
MESSAGE_BLOCKS = 50
MESSAGE_TEXT = 4000


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None = None
    status: int = 200
    at: float = field(default_factory=time.monotonic)
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def ts(self) -> str:
        """The ts of the message this call posted (or updated)."""
        return self.response.get("ts") or self.params.get("ts", "")

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.params.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks


@dataclass
class Fault:
    status: int
    retry_after: int | None = None


class MockSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.invalid: list[str] = []
        self.faults: dict[str, list[Fault]] = {}
        self.members: dict[str, set[str]] = {}  # channel -> member user ids (the bot included)
        self.names: dict[str, str] = {}  # user id -> real name
        self.tokens: dict[str, str] = {}  # token -> team, for multi-workspace tests
        self.socket_url = ""
        self.canvas_errors: list[str] = []  # errors the next canvases.create calls answer with
        self.canvases: dict[str, str] = {}  # canvas id -> its markdown
        self.hosted: dict[str, bytes] = {}  # file path (as on files.slack.com) -> bytes
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        serve = {"poll_interval": 0.05}  # stop() waits for a poll
        threading.Thread(target=self.httpd.serve_forever, kwargs=serve, daemon=True).start()

    # --- set-up ----------------------------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail(
        self, method: str, status: int, retry_after: int | None = None, times: int = 1
    ) -> None:
        with self._lock:
            self.faults.setdefault(method, []).extend([Fault(status, retry_after)] * times)

    def host_file(self, file_id: str, name: str, content: bytes) -> dict[str, Any]:
        """Serve `content` as Slack serves a shared file; returns the file as an event lists it."""
        path = f"/files-pri/{TEAM}-{file_id}/download/{name}"
        self.hosted[path] = content
        return {
            "id": file_id,
            "name": name,
            "size": len(content),
            "url_private_download": f"https://files.slack.com{path}",
        }

    def channel(self, channel: str, *users: str, bot: bool = True) -> None:
        self.members[channel] = set(users) | ({BOT_USER} if bot else set())

    # --- reading what happened ------------------------------------------------------------

    def calls_to(self, method: str, ok_only: bool = True) -> list[Call]:
        with self._lock:
            return [
                c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)
            ]

    def posts(self, thread: str | None = None) -> list[Call]:
        found = self.calls_to("chat.postMessage")
        return [c for c in found if thread is None or c.params.get("thread_ts") == thread]

    def wait_for(self, check, timeout: float = 10.0, what: str = "a Slack call"):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = check()
            if found:
                return found
            time.sleep(0.01)
        raise AssertionError(f"timed out waiting for {what}; calls: {self.summary()}")

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Until no call has arrived for `quiet` seconds (lazy listeners are done)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                last = self.calls[-1].at if self.calls else 0.0
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.02)

    def summary(self) -> list[str]:
        with self._lock:
            return [f"{c.method}:{c.status}" for c in self.calls]

    # --- answering ------------------------------------------------------------------------

    def handle(
        self, method: str, params: dict[str, Any], token: str | None
    ) -> tuple[int, dict, dict]:
        with self._lock:
            faults = self.faults.get(method)
            fault = faults.pop(0) if faults else None
        if fault is not None:
            self._record(Call(method, params, token, status=fault.status))
            headers = (
                {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            )
            return (
                fault.status,
                {"ok": False, "error": "ratelimited" if fault.status == 429 else "fatal_error"},
                headers,
            )
        problem = self._validate(method, params)
        call = Call(method, params, token, status=200 if problem is None else 400)
        answer = getattr(self, "_" + method.replace(".", "_"), None)
        if problem is not None:
            call.response = {"ok": False, "error": "invalid_blocks", "detail": problem}
        elif answer is None:
            call.response = {"ok": False, "error": "unknown_method"}
        else:
            call.response = answer(params, token)
        self._record(call)
        return 200, call.response, {}

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def _validate(self, method: str, params: dict[str, Any]) -> str | None:
        try:
            if method in MESSAGE_METHODS:
                _check_message(params)
            if method in VIEW_METHODS:
                _check_view(params.get("view"))
        except Exception as error:  # record and refuse, as Slack would
            problem = f"{method}: {type(error).__name__}: {error}"
            with self._lock:
                self.invalid.append(problem)
            return problem
        return None

    def _ts(self) -> str:
        n = next(self._serial)
        return f"{1700000000 + n}.{n:06d}"

    def _team(self, token: str | None) -> str:
        return self.tokens.get(token or "", TEAM)

    def _auth_test(self, params: dict, token: str | None) -> dict:
        team = self._team(token)
        return {
            "ok": True,
            "url": f"https://{team.lower()}.example.com/",
            "team": "Team",
            "user": "journeybot",
            "team_id": team,
            "user_id": BOT_USER,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _chat_postMessage(self, params: dict, token: str | None) -> dict:  # noqa: N802
        channel = params.get("channel", "")
        if channel in self.members and BOT_USER not in self.members[channel]:
            return {"ok": False, "error": "not_in_channel"}
        ts = self._ts()
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "message": {"ts": ts, "text": params.get("text", "")},
        }

    def _chat_update(self, params: dict, token: str | None) -> dict:
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}

    def _chat_postEphemeral(self, params: dict, token: str | None) -> dict:  # noqa: N802
        return {"ok": True, "message_ts": self._ts()}

    def _chat_getPermalink(self, params: dict, token: str | None) -> dict:  # noqa: N802
        channel, ts = params.get("channel", ""), params.get("message_ts", "")
        link = f"https://t1.example.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _respond(self, params: dict, token: str | None) -> dict:
        return {"ok": True}

    def _reactions_add(self, params: dict, token: str | None) -> dict:
        return {"ok": True}

    _reactions_remove = _reactions_add

    def _views_open(self, params: dict, token: str | None) -> dict:
        view = params.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        return {"ok": True, "view": {**view, "id": f"V{next(self._serial)}"}}

    _views_update = _views_publish = _views_open

    def _files_getUploadURLExternal(self, params: dict, token: str | None) -> dict:  # noqa: N802
        file_id = f"F{next(self._serial)}"
        return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def _files_completeUploadExternal(self, params: dict, token: str | None) -> dict:  # noqa: N802
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}

    def _canvases_create(self, params: dict, token: str | None) -> dict:
        with self._lock:
            error = self.canvas_errors.pop(0) if self.canvas_errors else None
        if error is not None:
            return {"ok": False, "error": error}
        canvas_id = f"F{next(self._serial)}"
        content = params.get("document_content")
        content = json.loads(content) if isinstance(content, str) else content
        self.canvases[canvas_id] = content["markdown"]
        return {"ok": True, "canvas_id": canvas_id}

    def _canvases_edit(self, params: dict, token: str | None) -> dict:
        changes = params.get("changes")
        changes = json.loads(changes) if isinstance(changes, str) else changes
        canvas_id = params.get("canvas_id", "")
        if canvas_id not in self.canvases:
            return {"ok": False, "error": "canvas_not_found"}
        self.canvases[canvas_id] = changes[0]["document_content"]["markdown"]
        return {"ok": True}

    def _canvases_access_set(self, params: dict, token: str | None) -> dict:
        return {"ok": True}

    def _conversations_members(self, params: dict, token: str | None) -> dict:
        members = sorted(self.members.get(params.get("channel", ""), set()))
        return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}

    def _conversations_info(self, params: dict, token: str | None) -> dict:
        channel = params.get("channel", "")
        if channel not in self.members:
            return {"ok": False, "error": "channel_not_found"}
        return {
            "ok": True,
            "channel": {"id": channel, "is_member": BOT_USER in self.members[channel]},
        }

    def _users_conversations(self, params: dict, token: str | None) -> dict:
        user = params.get("user", "")
        mine = sorted(c for c, members in self.members.items() if user in members)
        start, size = int(params.get("cursor") or 0), int(params.get("limit") or 100)
        page = mine[start : start + min(size, 2)]  # tiny pages, so paging is exercised
        more = start + len(page) < len(mine)
        cursor = str(start + len(page)) if more else ""
        return {
            "ok": True,
            "channels": [{"id": c} for c in page],
            "response_metadata": {"next_cursor": cursor},
        }

    def _users_info(self, params: dict, token: str | None) -> dict:
        user = params.get("user", "")
        return {
            "ok": True,
            "user": {"id": user, "name": user.lower(), "real_name": self.names.get(user, user)},
        }

    def _apps_connections_open(self, params: dict, token: str | None) -> dict:
        return {"ok": True, "url": self.socket_url}

    def _oauth_v2_access(self, params: dict, token: str | None) -> dict:
        self.tokens["xoxb-T2"] = "T2"
        return {
            "ok": True,
            "access_token": "xoxb-T2",
            "token_type": "bot",
            "scope": "chat:write,commands",
            "bot_user_id": BOT_USER,
            "app_id": "A1",
            "team": {"id": "T2", "name": "Second"},
            "enterprise": None,
            "is_enterprise_install": False,
            "authed_user": {"id": "U2"},
        }


def _no_empty_text(node: Any) -> None:
    """slack_sdk accepts empty text objects; Slack does not."""
    if isinstance(node, dict):
        if node.get("type") in {"plain_text", "mrkdwn"}:
            assert str(node.get("text", "")).strip(), "an empty text object"
        for value in node.values():
            _no_empty_text(value)
    elif isinstance(node, list):
        for value in node:
            _no_empty_text(value)


def _check_message(params: dict[str, Any]) -> None:
    assert "link_names" not in params, "link_names must never be sent"
    assert params.get("parse") != "full", "parse=full must never be sent"
    assert len(params.get("text") or "") <= MESSAGE_TEXT, "text over 4,000 characters"
    blocks = params.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    assert len(blocks) <= MESSAGE_BLOCKS, f"{len(blocks)} blocks in a message"
    _no_empty_text(blocks)
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, f"unknown block {block.get('type')}"
        parsed.validate_json()
        parsed.to_dict()


def _check_view(view: Any) -> None:
    view = json.loads(view) if isinstance(view, str) else view
    assert isinstance(view, dict), "no view"
    _no_empty_text(view)
    parsed = View(**view)
    parsed.validate_json()
    for block in parsed.blocks or []:
        block.validate_json()
    parsed.to_dict()


def _handler(slack: MockSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            """A shared file's download (url_private_download): needs the bot token."""
            path = urlsplit(self.path).path
            token = self.headers.get("authorization", "").removeprefix("Bearer ")
            slack._record(Call("download", {"path": path}, token=token))
            content = slack.hosted.get(path)
            if content is None or not token.startswith("xoxb-"):
                self._reply(404 if content is None else 403, b"", "text/plain")
                return
            self._reply(200, content, "application/octet-stream")

        def do_POST(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("content-length") or 0))
            if url.path.startswith("/upload/"):
                slack._record(
                    Call(
                        "upload",
                        {"file_id": url.path.rsplit("/", 1)[1], "size": len(raw), "content": raw},
                    )
                )
                self._reply(200, b"OK", "text/plain")
                return
            params: dict[str, Any] = dict(parse_qsl(url.query))
            content_type = self.headers.get("content-type", "")
            if raw and content_type.startswith("application/json"):
                params.update(json.loads(raw))
            elif raw:
                params.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
            auth = self.headers.get("authorization", "")
            token = auth.removeprefix("Bearer ") if auth else params.get("token")
            if url.path.startswith("/respond/"):
                status, body, headers = slack.handle("respond", params, token)
                self._reply(
                    status, b"ok" if body.get("ok", True) else b"invalid", "text/plain", headers
                )
                return
            method = url.path.removeprefix("/api/")
            status, body, headers = slack.handle(method, params, token)
            self._reply(status, json.dumps(body).encode(), "application/json", headers)

        def _reply(
            self, status: int, payload: bytes, content_type: str, headers: dict | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler
