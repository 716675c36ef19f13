"""A spaCy ``Matcher`` run only where its patterns can start.

spaCy's Matcher walks every token of the doc (two Token objects per word, every pattern's states at each position),
which cost ~1.6 ms an article for LNG's handful of token patterns. When every pattern starts with a plain
lower-case word (``{"LOWER": "the"}`` or ``{"LOWER": {"IN": [...]}}``, not optional) and has a bounded length, a
match can only start at a token with that word (and, when the second pattern token is plain too, that second word
after it), and ends within the longest pattern's length. ``AnchoredMatcher`` runs the same Matcher over just
those windows of the doc (merged where they overlap) and shifts the offsets back: the same matches. A pattern
without such an anchor or bound makes it run over the whole doc, exactly as the plain Matcher.
"""

from __future__ import annotations

import re
from typing import Any

from .docview import view

_BOUNDED_OP = re.compile(r"^\{(\d*),?(\d*)\}$")


def _plain_lower(token: dict[str, Any]) -> frozenset[str] | None:
    """The words a pattern token accepts when it is a plain, required LOWER test; else None."""
    if set(token) != {"LOWER"}:
        return None
    value = token["LOWER"]
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


def _max_length(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a match of the pattern can span; None when unbounded ('*', '+', '{n,}')."""
    total = 0
    for token in pattern:
        op = token.get("OP")
        if op in (None, "?", "!", "1"):
            total += 1
            continue
        bounded = _BOUNDED_OP.match(op) if isinstance(op, str) else None
        if bounded is None or (not bounded.group(2) and "," in op):
            return None  # '*', '+', '{n,}' (or an operator this reader does not know)
        total += int(bounded.group(2) or bounded.group(1) or 0)
    return total


class AnchoredMatcher:
    """``Matcher`` with the same ``add`` and ``__call__(doc) -> [(match_id, start, end)]``; matches come per window
    in document order (the order of a whole-doc Matcher run may differ among matches that end at the same place)."""

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import Matcher

        self.matcher = Matcher(vocab)
        self._anchors: list[tuple[frozenset[str], frozenset[str] | None]] = []
        self._firsts: frozenset[str] = frozenset()
        self._max_len = 0
        self._anywhere = False

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        self.matcher.add(key, patterns)
        for pattern in patterns:
            first = _plain_lower(pattern[0]) if pattern else None
            length = _max_length(pattern)
            if first is None or length is None:
                self._anywhere = True
                continue
            second = _plain_lower(pattern[1]) if len(pattern) > 1 else None
            self._anchors.append((first, second))
            self._firsts |= first
            self._max_len = max(self._max_len, length)

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        if self._anywhere:
            return list(self.matcher(doc))
        lowers = view(doc).lowers
        n = len(lowers)
        starts = [
            i
            for i in view(doc).where(lowers=self._firsts)
            if any(
                lowers[i] in first and (second is None or (i + 1 < n and lowers[i + 1] in second))
                for first, second in self._anchors
            )
        ]
        found: list[tuple[int, int, int]] = []
        segment: list[int] | None = None
        for i in [*starts, None]:
            if segment is not None and (i is None or i >= segment[1]):
                a, b = segment
                found += [(key, a + s, a + e) for key, s, e in self.matcher(doc[a:b])]
                segment = None
            if i is None:
                break
            end = min(i + self._max_len, n)
            if segment is None:
                segment = [i, end]
            else:
                segment[1] = max(segment[1], end)
        return found
