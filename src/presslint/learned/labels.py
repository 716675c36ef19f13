"""Label sets of the learned heads, character spans <-> piece labels, and BIO decoding (numpy only).

Training turns gold character spans into one label per WordPiece piece (:func:`piece_labels`); inference turns the
heads' per-piece probabilities back into character spans (:func:`decode_bio`), grown to whole words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .windows import word_bounds, word_starts

ATTRIBUTION_TYPES = ("source", "cue", "content")
ATTRIBUTION_LABELS = ("O", *(f"{p}-{t}" for t in ATTRIBUTION_TYPES for p in ("B", "I")))
PROPAGANDA_LABELS = ("O", "B-propaganda", "I-propaganda")
TECHNIQUES = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)


def piece_labels(
    offsets: np.ndarray, spans: Iterable[tuple[str, int, int]], labels: Sequence[str], ignore: int = -100
) -> np.ndarray:
    """One label index per piece: ``B-x`` on the first piece of a span of type x, ``I-x`` on the rest, ``O`` elsewhere.

    ``spans`` are (type, start, end) character spans; a piece belongs to a span when their characters overlap. Later
    spans win where spans overlap (PolNeAR is univocal, so this only happens at annotation slips).
    """
    index = {name: i for i, name in enumerate(labels)}
    out = np.zeros(len(offsets), dtype=np.int64)
    starts, ends = offsets[:, 0], offsets[:, 1]
    for kind, start, end in sorted(spans, key=lambda s: (s[1], s[2])):
        inside = np.flatnonzero((starts < end) & (ends > start))
        if len(inside) == 0:
            continue
        out[inside] = index[f"I-{kind}"]
        out[inside[0]] = index[f"B-{kind}"]
    return out


def decode_bio(
    text: str,
    offsets: np.ndarray,
    probs: np.ndarray,
    labels: Sequence[str],
    *,
    min_prob: float = 0.0,
    start_penalty: float | None = None,
    o_weight: float = 1.0,
    line_bounded: bool = False,
) -> list[tuple[str, int, int, float]]:
    """(type, start, end, probability) spans from per-piece label probabilities.

    Each piece takes its most probable label (or, with ``start_penalty``, the Viterbi path of :func:`viterbi_labels`); a span is a run of pieces of one type (opened by ``B-x``, or by ``I-x``
    after a piece of another type), its characters grown to whole words; its probability is the mean over its pieces
    of P(B-x) + P(I-x) (after the ``o_weight`` correction). Spans below ``min_prob`` are dropped. With
    ``line_bounded`` a line break ends a span and the run goes on as a new one, its probability its own.
    """
    if len(offsets) == 0:
        return []
    if o_weight != 1.0:  # a prior correction: P(O) scaled down, the rest renormalised (recall for a rare class)
        probs = probs.copy()
        probs[:, 0] *= o_weight
        probs = probs / probs.sum(axis=1, keepdims=True)
    if start_penalty is None:
        best = probs.argmax(axis=1)
    else:
        best = viterbi_labels(offsets, probs, labels, start_penalty=start_penalty, text=text)
    kinds = [labels[i].split("-", 1)[1] if labels[i] != "O" else None for i in best]
    # a B- label opens a new span only at the start of a word (a B- on a word's inner piece is noise)
    starts = word_starts(text, offsets)
    begins = [labels[b].startswith("B-") and bool(starts[k]) for k, b in enumerate(best)]
    if line_bounded:  # a piece after a line break opens its own span, whatever its label
        begins = [b or (k > 0 and "\n" in text[offsets[k - 1][1] : offsets[k][0]]) for k, b in enumerate(begins)]
    type_cols: dict[str, list[int]] = {}
    for i, name in enumerate(labels):
        if name != "O":
            type_cols.setdefault(name.split("-", 1)[1], []).append(i)
    out = []
    i, n = 0, len(best)
    while i < n:
        kind = kinds[i]
        if kind is None:
            i += 1
            continue
        j = i + 1
        while j < n and kinds[j] == kind and not begins[j]:
            j += 1
        p = float(probs[i:j][:, type_cols[kind]].sum(axis=1).mean())
        start, end = word_bounds(text, int(offsets[i][0]), int(offsets[j - 1][1]))
        if p >= min_prob and end > start:
            out.append((kind, start, end, p))
        i = j
    return out


def bio_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(allowed, cont, is_b, is_i): allowed[prev, cur] at a word start (``I-x`` only after ``B-x``/``I-x``), cont[prev,
    cur] inside a word (a piece only continues its word's label), and which labels open or continue a span."""
    k = len(labels)
    kind = [name.split("-", 1)[1] if name != "O" else None for name in labels]
    is_b = np.array([name.startswith("B-") for name in labels])
    is_i = np.array([name.startswith("I-") for name in labels])
    allowed = np.ones((k, k), dtype=bool)
    cont = np.zeros((k, k), dtype=bool)
    for p in range(k):
        for c in range(k):
            if is_i[c]:
                allowed[p, c] = kind[p] == kind[c] and kind[p] is not None
            same = kind[p] == kind[c]
            cont[p, c] = (labels[p] == "O" and labels[c] == "O") or (kind[p] is not None and same and is_i[c])
    return allowed, cont, is_b, is_i


def viterbi_labels(
    offsets: np.ndarray,
    probs: np.ndarray,
    labels: Sequence[str],
    *,
    start_penalty: float = 0.0,
    text: str | None = None,
) -> np.ndarray:
    """The most probable label sequence under BIO rules (``I-x`` only after ``B-x``/``I-x``; a piece inside a word
    continues the previous piece's label), with ``start_penalty`` nats charged for opening a span, so that one
    unsure piece does not cut a long content in two. Returns one label index per piece."""
    n, k = probs.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    logp = np.log(np.clip(probs, 1e-9, 1.0))
    allowed, cont, is_b, is_i = bio_transitions(labels)
    penalty = np.where(is_b, -start_penalty, 0.0)
    if text is not None:  # punctuation glued to a word is a word of its own ('year.')
        word_start = word_starts(text, offsets)
    else:
        word_start = np.ones(n, dtype=bool)
        word_start[1:] = offsets[1:, 0] != offsets[:-1, 1]
    # The recursion runs on Python floats over each label's allowed predecessors (a handful of labels; numpy's
    # per-call overhead on 7-element rows cost ~4x more). Same arithmetic as the array form: float32 log
    # probabilities widened to float64, (best + logp) + penalty, the first predecessor wins a tie, and a label with
    # no allowed predecessor scores -inf with predecessor 0 (numpy's argmax over a column of -inf).
    rows = logp.tolist()
    pen = [float(x) for x in penalty]
    at_word = [[p for p in range(k) if allowed[p, c]] for c in range(k)]
    inner = [[p for p in range(k) if cont[p, c]] for c in range(k)]
    neg = -np.inf
    score = [rows[0][c] + pen[c] + (neg if is_i[c] else 0.0) for c in range(k)]
    back: list[list[int]] = [[0] * k]
    labels_k = range(k)
    for t, starts_word in enumerate(word_start.tolist()[1:], start=1):
        preds = at_word if starts_word else inner
        row = rows[t]
        new = [0.0] * k
        ptr = [0] * k
        for c in labels_k:
            best, arg = neg, 0
            for p in preds[c]:
                if score[p] > best:
                    best, arg = score[p], p
            new[c] = best + row[c] + pen[c] if starts_word else best + row[c]
            ptr[c] = arg
        back.append(ptr)
        score = new
    out = np.zeros(n, dtype=np.int64)
    last = max(labels_k, key=lambda c: (score[c], -c))  # the first of equal maxima, as argmax
    out[-1] = last
    for t in range(n - 1, 0, -1):
        last = back[t][last]
        out[t - 1] = last
    return out
