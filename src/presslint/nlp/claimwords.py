"""The words a checkable claim is matched on, shared by fact-check matching (``corpus.claimreview``) and the store's
signature index of fact-checks (``store.factchecks``): content words, and the rarest few that any match must share.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

MIN_COVERAGE = 0.75  # share of the reviewed claim's content words found in the sentence
MIN_CONTENT_WORDS = 4  # shorter reviewed claims are too generic to match on words
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+(?:[.,]\d+)*")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "no",
        "said",
        "says",
        "say",
        "will",
        "would",
        "can",
        "could",
        "than",
        "then",
        "there",
        "here",
        "about",
        "after",
        "before",
        "over",
        "under",
        "into",
        "more",
        "most",
        "less",
        "very",
        "also",
        "just",
        "only",
    ]
)


def _content(text: str) -> list[str]:
    return [w.lower().replace(",", "") for w in _WORD.findall(text) if w.lower() not in _STOP]


def content_words(text: str) -> set[str]:
    """The content words matching compares (lower case, no stop words, numbers without thousands separators)."""
    return set(_content(text))


def signature(words: set[str], rarity: Callable[[str], int]) -> list[str]:
    """The rarest words of a reviewed claim, as few as guarantee that any sentence covering MIN_COVERAGE of
    ``words`` contains one of them: at most n - ceil(MIN_COVERAGE * n) words may be missing from a match, so any
    one more than that holds at least one word the sentence has. Which ones does not change the result, only how
    many candidates a sentence draws: rare words draw few."""
    n = len(words)
    missing = n - math.ceil(MIN_COVERAGE * n - 1e-9)
    return sorted(words, key=lambda w: (rarity(w), w))[: missing + 1]
