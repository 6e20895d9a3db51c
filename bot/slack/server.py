"""HTTP mode on uvicorn, through Bolt's ASGI adapter. POST /slack/events takes every request
Slack sends (events, commands, interactions); GET /healthz says whether the database answers and
Slack accepts the token; with OAuth, GET /slack/install and /slack/oauth_redirect run the
install flow.

Before Bolt sees a request: the body is capped and must arrive within a read timeout, the
signature is checked (any failure is a 401 that names the check, never the body), and a body
that is neither JSON nor a form is a 400. Bolt's `dispatch` is synchronous, so it runs in a thread
pool; a connection that is still sending holds a coroutine, not a thread."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import uvicorn
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from bot.slack.health import Health
from bot.slack.signing import signature_problem

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1_000_000  # Slack's largest payloads (a modal's full state) are far below this
READ_TIMEOUT_SECONDS = 10.0  # for the headers (in the protocol) and for the body (below)
DISPATCHERS = 16  # threads running Bolt's dispatch (acknowledgements)
GRACEFUL_SHUTDOWN_SECONDS = 20
JSON = {"content-type": "application/json"}


class SlackASGI(SlackRequestHandler):
    """Bolt's ASGI adapter with the checks a public endpoint needs, and /healthz."""

    def __init__(self, app: App, health: Health, signing_secret: str) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self.health = health
        self.signing_secret = signing_secret
        self.executor = ThreadPoolExecutor(DISPATCHERS, thread_name_prefix="ack")
        self.on_shutdown: list[Callable[[], None]] = []

    async def __call__(self, scope: Any, receive: Callable, send: Callable) -> None:
        if scope["type"] == "http" and scope["path"] == HEALTH_PATH:
            await _send(send, await self._in_thread(self.health.report))
            return
        await super().__call__(scope, receive, send)

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        headers = {k.lower(): v for k, v in request.get_headers().items() if isinstance(v, str)}
        body, refusal = await read_body(request, headers)
        if refusal is not None:
            return refusal
        problem = signature_problem(self.signing_secret, headers, body)
        if problem is not None:
            log.info("refused an unverified request: %s", problem)
            return BoltResponse(status=401, body=json.dumps({"error": "invalid request"}))
        try:
            bolt_request = BoltRequest(
                body=body.decode("utf-8"), query=request.query_string, headers=dict(headers)
            )
        except (ValueError, TypeError, AttributeError, KeyError) as error:
            log.warning("refused a malformed body (%s)", type(error).__name__)
            return BoltResponse(status=400, body=json.dumps({"error": "malformed body"}))
        return await self._in_thread(self.app.dispatch, bolt_request)

    async def handle_installation(self, request: AsgiHttpRequest) -> BoltResponse:
        return await self._in_thread(self._oauth_flow().handle_installation, _get(request))

    async def handle_callback(self, request: AsgiHttpRequest) -> BoltResponse:
        return await self._in_thread(self._oauth_flow().handle_callback, _get(request))

    async def _handle_lifespan(self, receive: Callable, send: Callable) -> None:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
            message = await receive()
        if message["type"] == "lifespan.shutdown":
            await asyncio.to_thread(self.shutdown)
            await send({"type": "lifespan.shutdown.complete"})

    def shutdown(self) -> None:
        """After the server stopped taking requests: run the shutdown hooks, in order."""
        for hook in self.on_shutdown:
            try:
                hook()
            except Exception:
                log.exception("a shutdown step failed")
        self.executor.shutdown(wait=True)

    def _oauth_flow(self) -> Any:
        assert self.app.oauth_flow is not None  # the base class routes here only with OAuth
        return self.app.oauth_flow

    async def _in_thread(self, work: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.executor, work, *args)


async def read_body(
    request: AsgiHttpRequest, headers: dict[str, str]
) -> tuple[bytes, BoltResponse | None]:
    """The body, or the refusal to send instead: 413 past MAX_BODY, 408 when too slow."""
    declared = headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY:
        return b"", BoltResponse(status=413, body=json.dumps({"error": "body too large"}))
    try:
        body = await asyncio.wait_for(_receive_all(request), READ_TIMEOUT_SECONDS)
    except TimeoutError:
        log.warning("refused a request whose body did not arrive in time")
        return b"", BoltResponse(status=408, body=json.dumps({"error": "request timeout"}))
    except _Disconnected:
        return b"", BoltResponse(status=400, body="")  # nobody is left to read it
    if body is None:
        return b"", BoltResponse(status=413, body=json.dumps({"error": "body too large"}))
    return body, None


class _Disconnected(Exception):
    """The client went away before sending the whole body."""


async def _receive_all(request: AsgiHttpRequest) -> bytes | None:
    chunks = bytearray()
    while True:
        message = await request.receive()
        if message["type"] != "http.request":
            raise _Disconnected
        chunks += message.get("body", b"")
        if len(chunks) > MAX_BODY:
            return None
        if not message.get("more_body", False):
            return bytes(chunks)


def _get(request: AsgiHttpRequest) -> BoltRequest:
    return BoltRequest(body="", query=request.query_string, headers=request.get_headers())


async def _send(send: Callable, response: BoltResponse) -> None:
    headers = [(k.encode(), v.encode()) for k, vs in response.headers.items() for v in vs]
    body = (response.body or "").encode()
    start = {"type": "http.response.start", "status": response.status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})


class TimedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline for a request's headers: a client that opens
    a connection and trickles (or never sends) its headers is disconnected."""

    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_header_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._start_header_timer()

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _start_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(READ_TIMEOUT_SECONDS, self._too_slow)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def server_config(asgi: Any, workers: int = 1, **extra: Any) -> uvicorn.Config:
    return uvicorn.Config(
        asgi,
        http=TimedHttpProtocol,
        lifespan="on",
        workers=workers,
        log_config=None,  # our logging set-up (control characters escaped)
        access_log=False,  # request lines carry OAuth codes in query strings
        timeout_keep_alive=5,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        **extra,
    )


def bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)  # Slack sends bursts
    sock.set_inheritable(True)
    return sock


class SlackHTTPServer:
    """One process serving the ASGI app on uvicorn: in the foreground (`serve_forever`, which
    handles SIGINT/SIGTERM with a graceful shutdown) or on a thread (`start`/`stop`)."""

    def __init__(self, asgi: SlackASGI, host: str = "0.0.0.0", port: int = 3000) -> None:
        self.asgi = asgi
        self.socket = bind(host, port)
        self.server = uvicorn.Server(server_config(asgi))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.socket.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve_forever(self) -> None:
        log.info("listening on port %s (%s, %s)", self.port, EVENTS_PATH, HEALTH_PATH)
        self.server.run(sockets=[self.socket])

    def start(self) -> SlackHTTPServer:
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )
        self._thread.start()
        while not self.server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the HTTP server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=GRACEFUL_SHUTDOWN_SECONDS + 5)
        self.socket.close()
