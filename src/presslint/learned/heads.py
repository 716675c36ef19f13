"""The heads in numpy: small MLPs over the encoder's piece vectors (no torch at inference).

Each head is Linear -> GELU (tanh form, as trained) -> Linear, stored as four arrays ``<head>.w1/b1/w2/b2`` in the
shipped ``heads.npz``. Span and sentence heads pool piece vectors first (:func:`span_features`, :func:`mean_pool`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

HEAD_NAMES = ("attribution", "propaganda", "technique", "checkworthiness")


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))


def mlp(weights: Mapping[str, np.ndarray], head: str, x: np.ndarray) -> np.ndarray:
    h = gelu(x @ weights[f"{head}.w1"] + weights[f"{head}.b1"])
    return h @ weights[f"{head}.w2"] + weights[f"{head}.b2"]


def softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def span_features(states: np.ndarray, ranges: Sequence[tuple[int, int]]) -> np.ndarray:
    """[mean, first, last] of the piece vectors of each [first, end) range (the technique head's input)."""
    if not ranges:
        return np.zeros((0, states.shape[1] * 3), dtype=np.float32)
    return np.stack([np.concatenate([states[a:b].mean(axis=0), states[a], states[b - 1]]) for a, b in ranges]).astype(
        np.float32
    )


def mean_pool(states: np.ndarray, ranges: Sequence[tuple[int, int]]) -> np.ndarray:
    """Mean piece vector of each [first, end) range (the check-worthiness head's input)."""
    if not ranges:
        return np.zeros((0, states.shape[1]), dtype=np.float32)
    return np.stack([states[a:b].mean(axis=0) for a, b in ranges]).astype(np.float32)
