from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge.embeddings import (
    DIMENSION,
    MODEL_ID,
    MODEL_SHA256,
    MiniLMEmbeddings,
    ModelIntegrityError,
    shared_embeddings,
    verify_file,
)

REFERENCE = Path(__file__).parent / "data" / "reference_vectors.json"


def test_matches_reference_vectors() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert reference["model"] == MODEL_ID
    vectors = np.array(shared_embeddings().embed_documents(reference["sentences"]))
    assert vectors.shape == (len(reference["sentences"]), DIMENSION)
    np.testing.assert_allclose(vectors, np.array(reference["vectors"]), atol=1e-3)


def test_vectors_are_unit_length_and_batch_independent() -> None:
    emb = shared_embeddings()
    texts = ["short", "a much longer sentence about the stages of a customer journey map"]
    batch = np.array(emb.embed_documents(texts))
    single = np.array([emb.embed_query(t) for t in texts])
    np.testing.assert_allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(batch, single, atol=1e-5)  # dynamic padding does not leak


def test_similar_sentences_score_higher_than_unrelated_ones() -> None:
    emb = shared_embeddings()
    anchor, similar, unrelated = np.array(
        emb.embed_documents(
            [
                "How should we name the stages of our customer journey?",
                "What are good names for the phases of a customer's journey?",
                "The recipe needs two eggs and a cup of flour.",
            ]
        )
    )
    assert anchor @ similar > 0.6
    assert anchor @ similar > anchor @ unrelated + 0.4


def test_a_tampered_model_file_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the model")
    with pytest.raises(ModelIntegrityError, match="sha256"):
        verify_file(fake, MODEL_SHA256)
    with pytest.raises(ModelIntegrityError, match="refusing"):
        MiniLMEmbeddings(model_path=fake).embed_query("x")


def test_a_missing_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError, match="missing"):
        MiniLMEmbeddings(model_path=tmp_path / "absent.onnx").load()


def test_model_is_loaded_once_per_process() -> None:
    assert shared_embeddings() is shared_embeddings()
