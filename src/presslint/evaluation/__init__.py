"""Measured accuracy: evaluation commands on public data (``presslint eval ...``).

Each task module reads a dataset from a path given on the command line, runs presslint's method and a simple baseline
on the same items, and returns a summary plus per-item records for error analysis. Nothing here runs in the default
pipeline or the test suite (only the scorers in :mod:`.scoring` are unit-tested), and no dataset is shipped.
scikit-learn is needed (``pip install presslint[eval]``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def wordllama():
    """The packaged WordLlama static embeddings (MIT), loaded offline from the package folder."""
    import wordllama as _wl
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(_wl.__file__).parent, disable_download=True)


def embed(texts: list[str]):
    """L2-normalised 256-d sentence embeddings (a float32 array, one row per text)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 256), dtype="float32")
    return wordllama().embed(list(texts), norm=True, batch_size=256)


@lru_cache(maxsize=1)
def spacy_model():
    """presslint's spaCy model with its own sentence splitting (no presslint components: evaluation only)."""
    import spacy

    from ..nlp import MODEL_PACKAGE

    return spacy.load(MODEL_PACKAGE)
