"""HTTP mode: a small threaded stdlib server around Bolt. POST /slack/events takes every request
Slack sends (events, commands, interactions); GET /healthz says whether the database answers;
with OAuth, GET /slack/install and /slack/oauth_redirect run the install flow."""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import sqlalchemy as sa
from slack_bolt import App, BoltRequest, BoltResponse

from storage import MapStore

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1_000_000


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the stdlib's 5 drops connections when Slack sends a burst


class SlackHTTPServer:
    def __init__(self, app: App, store: MapStore, host: str = "0.0.0.0", port: int = 3000) -> None:
        self.app = app
        self.store = store
        self.httpd = _Server((host, port), _handler(self))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve_forever(self) -> None:
        log.info("listening on port %s (%s, %s)", self.port, EVENTS_PATH, HEALTH_PATH)
        self.httpd.serve_forever()

    def start(self) -> SlackHTTPServer:
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def healthy(self) -> bool:
        try:
            with self.store.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except Exception:
            log.exception("health check: database unavailable")
            return False
        return True


def _handler(server: SlackHTTPServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            path, _, query = self.path.partition("?")
            flow = server.app.oauth_flow
            if path == HEALTH_PATH:
                ok = server.healthy()
                self._send(
                    BoltResponse(
                        status=200 if ok else 503,
                        body=json.dumps({"ok": ok}),
                        headers={"content-type": "application/json"},
                    )
                )
            elif flow is not None and path == flow.install_path:
                self._send(flow.handle_installation(self._bolt_request("", query)))
            elif flow is not None and path == flow.redirect_uri_path:
                self._send(flow.handle_callback(self._bolt_request("", query)))
            else:
                self._send(BoltResponse(status=404, body="not found"))

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("content-length") or 0)
            if urlsplit(self.path).path != EVENTS_PATH or length > MAX_BODY:
                self._send(BoltResponse(status=404, body="not found"))
                return
            body = self.rfile.read(length).decode("utf-8")
            query = urlsplit(self.path).query
            self._send(server.app.dispatch(self._bolt_request(body, query)))

        def _bolt_request(self, body: str, query: str) -> BoltRequest:
            headers: dict[str, list[str]] = {}
            for name, value in self.headers.items():
                headers.setdefault(name.lower(), []).append(value)
            return BoltRequest(body=body, query=query, headers={**headers})

        def _send(self, response: BoltResponse) -> None:
            payload = (response.body or "").encode("utf-8")
            self.send_response(response.status)
            for name, values in response.headers.items():
                if name.lower() == "content-length":
                    continue
                for value in values:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # request lines carry OAuth codes in query strings; Bolt logs what matters

    return Handler
