"""A local server that speaks Slack's Socket Mode protocol: a websocket at /link that says hello,
pushes envelopes {envelope_id, type, payload, accepts_response_payload} and collects the acks."""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import uuid
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve


class SocketModeServer:
    def __init__(self) -> None:
        self.acks: queue.Queue[dict[str, Any]] = queue.Queue()
        self.connected = threading.Event()
        self._connection: ServerConnection | None = None
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, daemon=True).start()
        self._server: Server = self._run(self._start())

    @property
    def url(self) -> str:
        port = self._server.sockets[0].getsockname()[1]
        return f"ws://127.0.0.1:{port}/link"

    def push(
        self,
        kind: str,
        payload: dict[str, Any],
        accepts_response_payload: bool = False,
        retry_attempt: int | None = None,
    ) -> str:
        envelope_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if retry_attempt is not None:
            envelope |= {"retry_attempt": retry_attempt, "retry_reason": "timeout"}
        assert self.connected.wait(10), "the app never connected"
        assert self._connection is not None
        self._run(self._connection.send(json.dumps(envelope)))
        return envelope_id

    def ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The app's acknowledgement of one envelope (others are kept for later)."""
        kept: list[dict[str, Any]] = []
        try:
            while True:
                message = self.acks.get(timeout=timeout)
                if message.get("envelope_id") == envelope_id:
                    return message
                kept.append(message)
        finally:
            for message in kept:
                self.acks.put(message)

    def stop(self) -> None:
        self._server.close()
        self._run(self._server.wait_closed())
        self._loop.call_soon_threadsafe(self._loop.stop)

    def _run(self, coroutine):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    async def _start(self) -> Server:
        return await serve(self._serve, "127.0.0.1", 0)

    async def _serve(self, connection: ServerConnection) -> None:
        if connection.request is None or urlsplit(connection.request.path).path != "/link":
            await connection.close()
            return
        self._connection = connection
        await connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        self.connected.set()
        async for message in connection:
            self.acks.put(json.loads(message))
