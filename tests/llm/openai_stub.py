"""An OpenAI chat-completions server on loopback, scripted per request, so the real
langchain-openai client is exercised end to end (retries, timeouts, tool calls, usage).

    with OpenAIStub() as stub:
        stub.push(stub.error(429, {"Retry-After": "1"}), stub.tool_call({...}))
        model = ChatOpenAI(base_url=stub.base_url, api_key="test", max_retries=0)
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class StubReply:
    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def completion(message: dict[str, Any], usage: tuple[int, int], finish: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": usage[0],
            "completion_tokens": usage[1],
            "total_tokens": sum(usage),
        },
    }


class OpenAIStub:
    def __init__(self) -> None:
        self.script: deque[StubReply] = deque()
        self.requests: list[dict[str, Any]] = []
        self.handling_seconds: list[float] = []
        self.closing = threading.Event()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> OpenAIStub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    # --- script --------------------------------------------------------------------------------

    def push(self, *replies: StubReply) -> None:
        with self.lock:
            self.script.extend(replies)

    @staticmethod
    def tool_call(
        arguments: dict[str, Any] | str,
        name: str = "MapItems",
        usage: tuple[int, int] = (120, 30),
        delay: float = 0.0,
    ) -> StubReply:
        raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
        call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": raw}}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
        return StubReply(body=completion(message, usage, "tool_calls"), delay=delay)

    @staticmethod
    def text(content: str, usage: tuple[int, int] = (200, 40), delay: float = 0.0) -> StubReply:
        message = {"role": "assistant", "content": content}
        return StubReply(body=completion(message, usage, "stop"), delay=delay)

    @staticmethod
    def error(status: int, headers: dict[str, str] | None = None) -> StubReply:
        body = {"error": {"message": f"stub error {status}", "type": "stub", "code": None}}
        return StubReply(status=status, body=body, headers=headers or {})

    def _next(self) -> StubReply:
        with self.lock:
            return self.script.popleft() if self.script else self.error(500)

    # --- HTTP ----------------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                started = time.perf_counter()
                length = int(self.headers.get("Content-Length", 0))
                request = json.loads(self.rfile.read(length) or b"{}")
                with stub.lock:
                    stub.requests.append({"path": self.path, "json": request})
                reply = stub._next()
                if reply.delay:
                    stub.closing.wait(reply.delay)
                payload = json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)
                with stub.lock:
                    stub.handling_seconds.append(time.perf_counter() - started)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        return Handler
