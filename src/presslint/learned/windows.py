"""WordPiece windows over whole articles: the one tokenisation that training and inference share.

An article is tokenised once (no truncation, character offsets kept), then cut into windows of at most
``MAX_PIECES`` pieces, each cut made at the start of a line or sentence when one is in reach, so that a window holds
whole sentences and the encoder sees their neighbours. Windows do not overlap: every piece of the article is in
exactly one window, so each piece has exactly one contextual vector. ``[CLS]``/``[SEP]`` are added per window.
Pure Python + ``tokenizers``; no torch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_PIECES = 254  # + [CLS] + [SEP] = 256, the length all-MiniLM-L6-v2 was trained with
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(slots=True)
class Pieces:
    """One text as WordPiece pieces: ids, character offsets (start, end) and the windows (piece index ranges)."""

    text: str
    ids: np.ndarray  # int64, one per piece
    offsets: np.ndarray  # int64 (n, 2), character offsets into text
    windows: list[tuple[int, int]]  # [start, end) piece ranges, in order, covering every piece once


@lru_cache(maxsize=4)
def load_tokenizer(path: str):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(path)
    tok.no_truncation()
    tok.no_padding()
    return tok


def boundary_starts(text: str, offsets: np.ndarray) -> np.ndarray:
    """Piece indices that begin a line or follow a sentence-final piece: the preferred window cuts."""
    n = len(offsets)
    ok = np.zeros(n, dtype=bool)
    offs = offsets.tolist()  # Python ints: indexing a numpy row per piece cost more than the test itself
    for i in range(1, n):
        (prev_start, prev_end), start = offs[i - 1], offs[i][0]
        if (prev_end < start and "\n" in text[prev_end:start]) or (
            text[start : start + 1].isupper() and _SENT_END.search(text[prev_start:prev_end])
        ):
            ok[i] = True
    return ok


def cut_windows(n: int, starts: np.ndarray, size: int = MAX_PIECES) -> list[tuple[int, int]]:
    """Greedy windows of at most ``size`` pieces, each ending just before a boundary when one lies in the second half."""
    out, pos = [], 0
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            cands = np.flatnonzero(starts[pos + size // 2 : end + 1]) + pos + size // 2
            if len(cands):
                end = int(cands[-1])
        out.append((pos, end))
        pos = end
    return out


def pieces(texts: Sequence[str], tokenizer_path: str | Path, size: int = MAX_PIECES) -> list[Pieces]:
    """Tokenise texts (batched) and cut each into windows."""
    tok = load_tokenizer(str(tokenizer_path))
    encs = tok.encode_batch(list(texts), add_special_tokens=False)
    out = []
    for text, enc in zip(texts, encs):
        ids = np.asarray(enc.ids, dtype=np.int64)
        offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
        out.append(Pieces(text, ids, offs, cut_windows(len(ids), boundary_starts(text, offs), size)))
    return out


def order_windows(docs: Sequence[Pieces]) -> list[tuple[int, int, int, int]]:
    """Every window of every doc as (doc index, window index, start, end), longest first (little padding per batch)."""
    rows = [(d, w, s, e) for d, doc in enumerate(docs) for w, (s, e) in enumerate(doc.windows)]
    return sorted(rows, key=lambda r: -(r[3] - r[2]))


def window_inputs(docs: Sequence[Pieces], rows: Sequence[tuple[int, int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """input_ids and attention_mask (int64, padded to the longest window of ``rows``) with [CLS]/[SEP]."""
    length = max(e - s for _, _, s, e in rows) + 2
    ids = np.full((len(rows), length), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(rows), length), dtype=np.int64)
    for r, (d, _, s, e) in enumerate(rows):
        k = e - s
        ids[r, 0] = CLS_ID
        ids[r, 1 : k + 1] = docs[d].ids[s:e]
        ids[r, k + 1] = SEP_ID
        mask[r, : k + 2] = 1
    return ids, mask


def _inner(text: str, i: int) -> bool:
    """Whether character i is part of a word: alphanumeric, or an apostrophe or hyphen between two such."""
    if not 0 <= i < len(text):
        return False
    if text[i].isalnum():
        return True
    return text[i] in "'’-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def word_starts(text: str, offsets: np.ndarray) -> np.ndarray:
    """Per piece: True when it starts a word (the words of :func:`word_bounds`). A piece continues the previous
    one's word only when they touch and both characters at the seam are word characters, so punctuation glued to
    a word ('year.', '"We') is a word of its own and can take its own label."""
    n = len(offsets)
    out = np.ones(n, dtype=bool)
    if n < 2:
        return out
    seams = offsets[1:, 0]
    for t in np.flatnonzero(seams == offsets[:-1, 1]).tolist():  # only touching pieces can continue a word
        seam = int(seams[t])
        out[t + 1] = not (_inner(text, seam - 1) and _inner(text, seam))
    return out


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a character span to whole words (a WordPiece piece to its word; apostrophes and hyphens inside a word
    belong to it: "Lopez's", "well-known")."""

    def inner(i: int) -> bool:
        return _inner(text, i)

    while start > 0 and inner(start - 1) and inner(start):
        start -= 1
    while end < len(text) and inner(end) and inner(end - 1):
        end += 1
    return start, end
