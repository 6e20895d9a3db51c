"""Regenerate data/reference_vectors.json from the model (run once, when the model changes):

    .venv/bin/python tests/knowledge/make_reference_vectors.py

The vectors were checked against the fp32 sentence-transformers all-MiniLM-L6-v2 at generation
time (cosine >= 0.999, see docs/knowledge.md); the test compares later runs with these to 1e-3.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.embeddings import MODEL_ID, MiniLMEmbeddings

SENTENCES = [
    "Choose the stages of a B2B buying journey.",
    "How many personas should one journey map have?",
    "Touchpoints are not the same thing as channels.",
    "The cat sat on the warm windowsill.",
    "Résumé of naïve café interviews, with ÉMOJI 🚀 and CJK 顧客.",
]
OUT = Path(__file__).parent / "data" / "reference_vectors.json"


def main() -> None:
    vectors = MiniLMEmbeddings().embed_array(SENTENCES)
    payload = {
        "model": MODEL_ID,
        "sentences": SENTENCES,
        "vectors": [[round(float(x), 6) for x in row] for row in vectors],
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
