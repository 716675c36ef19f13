"""Near-duplicates: MinHash signatures (datasketch, word 5-shingles, 128 permutations) and LSH banding.

Wire copies and light rewrites of one text share most 5-word shingles, so their estimated Jaccard similarity stays
high (>= ``SYNDICATION_THRESHOLD``) while two independent reports of the same event share few. The LSH bands are
stored as rows (``minhash_bands``: band number, band hash, article), so finding candidates for a new article is one
indexed query, the index grows incrementally and nothing has to be held in memory between runs; each candidate is
then confirmed with the full signature (estimated Jaccard >= ``SYNDICATION_THRESHOLD``).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

NUM_PERM = 128
SHINGLE = 5
SYNDICATION_THRESHOLD = 0.8
# Bands are tuned for a lower threshold than the one confirmed with the full signature: banding tuned at 0.8 itself
# misses about a third of pairs at 0.85, while at 0.5 a pair at 0.8 becomes a candidate with probability > 0.99.
LSH_THRESHOLD = 0.5
SEED = 1
SCHEME = "affine32"  # datasketch 2.x default; pinned so stored signatures stay comparable
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word k-shingles; a text shorter than k words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations  # built once; every signature shares them


def signature(text: str) -> np.ndarray:
    """The MinHash signature (128 uint64) of ``text``'s 5-shingles."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=4)
def bands_rows(threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives + negatives at ``threshold`` (datasketch's optimiser)."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def band_keys(sig: np.ndarray, threshold: float = LSH_THRESHOLD) -> list[tuple[int, int]]:
    """(band, key) per LSH band: key is a signed 64-bit hash of the band's rows (fits an SQLite INTEGER)."""
    bands, rows = bands_rows(threshold, len(sig))
    out = []
    for band in range(bands):
        digest = hashlib.blake2b(sig[band * rows : (band + 1) * rows].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def to_blob(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")
