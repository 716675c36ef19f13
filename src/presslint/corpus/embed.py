"""Story embeddings: WordLlama static vectors (MIT) of headline + lead, loaded once per process, lazily, offline."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

DIM = 256
LEAD_WORDS = 60  # the lead: roughly the first two sentences of the body


@lru_cache(maxsize=1)
def model():
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 rows, one per text (zeros for an empty list)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.asarray(model().embed(list(texts), norm=True, batch_size=256), dtype=np.float32)


def headline_lead(headline: str | None, body: str, words: int = LEAD_WORDS) -> str:
    """What a story is about: the headline and the first ``words`` words of the body."""
    lead = " ".join(body.split()[:words])
    return f"{headline}. {lead}" if headline else lead


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4")
