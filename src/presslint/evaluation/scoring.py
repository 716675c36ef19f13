"""Metric helpers shared by the evaluation commands. Plain Python, no scikit-learn: they are unit-tested by hand.

- :func:`prf` / :func:`per_class_f1` / :func:`macro_f1`: precision, recall and F1 from gold and predicted labels.
- :func:`fnc_score` / :func:`fnc_relative_score`: the FNC-1 weighted score (0.25 for the related/unrelated call,
  0.75 more for the right stance of a related pair) and its ratio to the best possible score.
- :func:`average_precision` / :func:`mean_average_precision`: ranking quality (CheckThat! 2019 Task 1). Ties in the
  score are broken by the original order (a stable sort), as the official scorer's ``sorted`` does.
- :func:`shingles` / :func:`shingle_counts` / :func:`extraction_scores`: the article-extraction benchmark's
  precision/recall/F1 over the multiset of 4-word shingles (same arithmetic as its ``evaluate.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

FNC_RELATED = ("agree", "disagree", "discuss")
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; 0.0 where a denominator is zero."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def per_class_f1(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None
) -> dict[Hashable, float]:
    """F1 of each label (labels default to those seen in gold or pred)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    labels = list(labels) if labels is not None else sorted(set(gold) | set(pred), key=str)
    out = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        out[label] = prf(tp, fp, fn)[2]
    return out


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None) -> float:
    scores = per_class_f1(gold, pred, labels)
    return sum(scores.values()) / len(scores) if scores else 0.0


def _fnc_pair(gold: str, pred: str) -> float:
    score = 0.0
    if gold == pred:
        score += 0.25
        if gold != "unrelated":
            score += 0.50
    if gold in FNC_RELATED and pred in FNC_RELATED:
        score += 0.25
    return score


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """The FNC-1 scorer's points (same arithmetic as its ``score_submission``)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    return sum(_fnc_pair(g, p) for g, p in zip(gold, pred))


def fnc_relative_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Score divided by the score of a perfect prediction (1.0 best)."""
    best = fnc_score(gold, gold)
    return fnc_score(gold, pred) / best if best else 0.0


def average_precision(labels_in_rank_order: Sequence[int]) -> float:
    """AP of a ranked list of 0/1 relevance labels; 0.0 when nothing is relevant."""
    hits, total = 0, 0.0
    for rank, relevant in enumerate(labels_in_rank_order, start=1):
        if relevant:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def rank(scores: Sequence[float], labels: Sequence[int]) -> list[int]:
    """Labels sorted by descending score; equal scores keep their original (line) order."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [labels[i] for i in order]


def mean_average_precision(groups: Iterable[tuple[Sequence[float], Sequence[int]]]) -> float:
    """Mean over groups (e.g. one debate file each) of the AP of ranking that group's items by score."""
    aps = [average_precision(rank(scores, labels)) for scores, labels in groups]
    return sum(aps) / len(aps) if aps else 0.0


_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of n-word shingles of word tokens (``\\w+``), case kept (as the benchmark's ``evaluate.py``); a text
    shorter than n words is one shingle of all its words, so a short body still counts."""
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def shingle_counts(predicted: str, expected: str, n: int = 4) -> tuple[int, int, int]:
    """(tp, fp, fn) of the predicted body against the expected body over shingle multisets."""
    pred, gold = shingles(predicted, n), shingles(expected, n)
    tp = sum((pred & gold).values())
    return tp, sum(pred.values()) - tp, sum(gold.values()) - tp


def _page_precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fn)


def shingle_prf(predicted: str, expected: str, n: int = 4) -> tuple[float, float, float]:
    """Precision, recall and F1 of one page (both texts empty: a perfect 1.0)."""
    counts = shingle_counts(predicted, expected, n)
    return (1.0, 1.0, 1.0) if counts == (0, 0, 0) else extraction_scores([counts])


def extraction_scores(counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The benchmark's aggregate over pages: precision averaged over pages that predicted something, recall over pages
    whose truth has something (pages with neither count in neither), and F1 = harmonic mean of those two averages
    (not the mean of per-page F1)."""
    precisions = [_page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
