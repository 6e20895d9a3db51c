"""Nothing in the knowledge base reaches beyond loopback, and chroma's own embedding function
(which downloads an ONNX model on first use) is never called."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest
from chromadb.api.types import DefaultEmbeddingFunction
from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

from .conftest import FIXTURE_GUIDES, make_kb, make_location


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return host == "localhost"
    return isinstance(address, str | bytes)  # unix sockets


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if not _is_loopback(address):
            attempts.append(address)
            raise OSError(f"test blocks network access to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    def no_download(*args: object, **kwargs: object) -> None:
        attempts.append("chroma default embedding function")
        raise AssertionError("chroma's default embedding function must never run")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(ONNXMiniLM_L6_V2, "__call__", no_download)
    monkeypatch.setattr(ONNXMiniLM_L6_V2, "_download_model_if_not_exists", no_download)
    monkeypatch.setattr(DefaultEmbeddingFunction, "__call__", no_download)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return attempts


def test_build_search_and_reopen_without_any_download(
    tmp_path: Path, no_network: list[object]
) -> None:
    location = make_location(tmp_path)
    kb = make_kb(location, FIXTURE_GUIDES)
    assert kb.search("proto persona")[0].guide_id == "personas"
    assert kb.tip("stages", "B2B SaaS") is not None
    reopened = make_kb(location, FIXTURE_GUIDES)
    assert reopened.ask("can we use a proto-persona?").status == "answered"
    assert reopened.ingest().added == 0
    assert no_network == []
    with pytest.raises(OSError, match="blocks"):  # the guard itself works (no packet is sent)
        socket.create_connection(("192.0.2.1", 80), timeout=1)
