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
from collections.abc import Iterator
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


def _matches(members: list[tuple[int, np.ndarray]]) -> Iterator[tuple[int, list[tuple[int, float]]]]:
    """(article id, [(earlier article id, estimated Jaccard)]) for each of ``members`` ((article id, signature) in
    ingest order): the earlier texts it is a copy of, found as ingest finds them (a shared LSH band, then
    ``SYNDICATION_THRESHOLD`` on the full signatures)."""
    placed: list[tuple[int, np.ndarray, set[tuple[int, int]]]] = []
    for article_id, sig in members:
        keys = set(band_keys(sig))
        found = []
        for other_id, other_sig, other_keys in placed:
            if keys & other_keys and (sim := similarity(sig, other_sig)) >= SYNDICATION_THRESHOLD:
                found.append((other_id, sim))
        yield article_id, found
        placed.append((article_id, sig, keys))


def copies(members: list[tuple[int, np.ndarray]]) -> set[int]:
    """The members that copy an earlier one (ingest order): a copy follows its original's story when ingested."""
    return {article_id for article_id, found in _matches(members) if found}


def regroup(members: list[tuple[int, np.ndarray]]) -> list[list[tuple[int, float]]]:
    """Syndication groups of ``members`` ((article id, signature) in ingest order) as ingesting them in that order
    forms them: a text joins the earliest group holding a copy of it, folding in any later group it also copies,
    with its best similarity. Returns the groups in order of creation, each as (article id, similarity) in ingest
    order."""
    group_of: dict[int, int] = {}
    groups: dict[int, list[tuple[int, float]]] = {}
    for article_id, found in _matches(members):
        matches: dict[int, float] = {}
        for other_id, sim in found:
            group = group_of[other_id]
            matches[group] = max(sim, matches.get(group, 0.0))
        if matches:
            group, best = min(matches), max(matches.values())
            for other in sorted(set(matches) - {group}):
                for moved, _ in groups[other]:
                    group_of[moved] = group
                groups[group] = sorted(groups[group] + groups.pop(other))
        else:
            group, best = (max(groups) + 1 if groups else 0), 1.0
        groups.setdefault(group, []).append((article_id, best))
        group_of[article_id] = group
    return [groups[g] for g in sorted(groups)]
