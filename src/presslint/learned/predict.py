"""From encoder piece vectors to typed records: what each head says about one text (numpy only).

These functions are pure: they take a text's :class:`~.windows.Pieces`, the encoder's vector for each of its pieces
and the head weights, and return records with character spans into the text and probabilities. The runtime
(:mod:`presslint.learned`) feeds them from the ONNX encoder; training scores the same functions on its own states.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .heads import mean_pool, mlp, sigmoid, softmax, span_features
from .labels import ATTRIBUTION_LABELS, PROPAGANDA_LABELS, TECHNIQUES, decode_bio
from .windows import Pieces


@dataclass(frozen=True, slots=True)
class AttributionSpan:
    """A source, cue or content span (PolNeAR's scheme), with the mean probability of its pieces' label."""

    kind: str  # "source", "cue" or "content"
    start: int
    end: int
    probability: float
    text: str


@dataclass(frozen=True, slots=True)
class PropagandaSpan:
    """A span the propaganda head marks, its most probable PTC technique, and the runner-up techniques."""

    start: int
    end: int
    probability: float  # P(the span is propaganda): mean over its pieces
    technique: str
    technique_probability: float
    alternatives: tuple[tuple[str, float], ...]  # next techniques, most probable first
    text: str


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """P(check-worthy) of one sentence."""

    start: int
    end: int
    probability: float
    text: str


@dataclass(frozen=True, slots=True)
class TechniqueScore:
    """The technique head's distribution over the 14 PTC labels for one given span."""

    start: int
    end: int
    technique: str
    probability: float
    probabilities: dict[str, float]


def piece_ranges(doc: Pieces, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """[first, end) piece range of each character span: the pieces whose characters overlap it (None when no piece
    falls in it). Piece offsets run forward through the text, so two binary searches find the range."""
    if not len(spans):
        return []
    starts, ends = doc.offsets[:, 0], doc.offsets[:, 1]
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    first = np.searchsorted(ends, bounds[:, 0], side="right")  # first piece ending after the span's start
    last = np.searchsorted(starts, bounds[:, 1], side="left")  # pieces before it start before the span's end
    return [(int(a), int(b)) if b > a else None for a, b in zip(first, last)]


# Decoding settings per head, read from the model's manifest ("decoding") by the runtime: start_penalty (Viterbi
# under BIO rules with that cost for opening a span; None = per-piece argmax) and o_weight (P(O) scaled by it).
# Chosen on training texts (every 6th PolNeAR train text, every 3rd PTC training article), never on held-back data:
# attribution start_penalty 0 / 1 / 2 / 4 gave source exact F1 0.503 / 0.510 / 0.437 / 0.270 there (argmax 0.393);
# propaganda o_weight 0.5 / 0.3 / 0.2 / 0.1 with start_penalty 0 gave SI F1 0.244 / 0.410 / 0.416 / 0.336 (argmax 0.186).
DECODING: dict[str, dict[str, float | None]] = {
    "attribution": {"start_penalty": 1.0, "o_weight": 1.0},
    "propaganda": {"start_penalty": 0.0, "o_weight": 0.2},
}


PIECE_HEADS = ("attribution", "propaganda")  # heads with one label distribution per piece


def piece_probabilities(weights: Mapping[str, np.ndarray], head: str, states: Sequence[np.ndarray]) -> list[np.ndarray]:
    """One head's label probabilities for every piece of several texts at once: one matmul per layer over all the
    pieces of a batch (small per-text matmuls cost more in call overhead and BLAS thread wake-ups than in work)."""
    if not states:
        return []
    flat = np.concatenate(states) if len(states) > 1 else states[0]
    probs = softmax(mlp(weights, head, flat)) if len(flat) else np.zeros((0, weights[f"{head}.b2"].shape[0]))
    return np.split(probs, np.cumsum([len(s) for s in states])[:-1])


def attributions(
    doc: Pieces,
    states: np.ndarray,
    weights: Mapping[str, np.ndarray],
    *,
    min_prob: float = 0.0,
    start_penalty: float | None = None,
    probs: np.ndarray | None = None,
) -> list[AttributionSpan]:
    """Source / cue / content spans of one text (``probs``: the head's piece probabilities when already computed)."""
    if len(doc.ids) == 0:
        return []
    if probs is None:
        probs = softmax(mlp(weights, "attribution", states))
    penalty = start_penalty if start_penalty is not None else DECODING["attribution"]["start_penalty"]
    o_weight = float(DECODING["attribution"]["o_weight"] or 1.0)
    return [
        AttributionSpan(kind, s, e, round(p, 4), doc.text[s:e])
        for kind, s, e, p in decode_bio(
            doc.text,
            doc.offsets,
            probs,
            ATTRIBUTION_LABELS,
            min_prob=min_prob,
            start_penalty=penalty,
            o_weight=o_weight,
        )
    ]


def techniques(
    doc: Pieces, states: np.ndarray, weights: Mapping[str, np.ndarray], spans: Sequence[tuple[int, int]]
) -> list[TechniqueScore | None]:
    """The technique head on given character spans (None for a span with no piece)."""
    ranges = piece_ranges(doc, spans)
    real = [r for r in ranges if r is not None]
    probs = softmax(mlp(weights, "technique", span_features(states, real))) if real else np.zeros((0, len(TECHNIQUES)))
    out: list[TechniqueScore | None] = []
    k = 0
    for (s, e), r in zip(spans, ranges):
        if r is None:
            out.append(None)
            continue
        p = probs[k]
        k += 1
        best = int(p.argmax())
        out.append(
            TechniqueScore(
                s, e, TECHNIQUES[best], round(float(p[best]), 4), {t: round(float(v), 4) for t, v in zip(TECHNIQUES, p)}
            )
        )
    return out


def propaganda(
    doc: Pieces,
    states: np.ndarray,
    weights: Mapping[str, np.ndarray],
    *,
    min_prob: float = 0.0,
    start_penalty: float | None = None,
    o_weight: float | None = None,
    probs: np.ndarray | None = None,
) -> list[PropagandaSpan]:
    """Propaganda spans of one text, each with its technique (``probs``: the head's piece probabilities when
    already computed)."""
    if len(doc.ids) == 0:
        return []
    if probs is None:
        probs = softmax(mlp(weights, "propaganda", states))
    penalty = start_penalty if start_penalty is not None else DECODING["propaganda"]["start_penalty"]
    weight = o_weight if o_weight is not None else float(DECODING["propaganda"]["o_weight"] or 1.0)
    # line-bounded: a line is a headline, a dek or a paragraph, and no one phrase runs from one into the next
    found = decode_bio(
        doc.text,
        doc.offsets,
        probs,
        PROPAGANDA_LABELS,
        min_prob=min_prob,
        start_penalty=penalty,
        o_weight=weight,
        line_bounded=True,
    )
    labelled = techniques(doc, states, weights, [(s, e) for _, s, e, _ in found])
    out = []
    for (_, s, e, p), tech in zip(found, labelled):
        if tech is None:
            continue
        ranked = sorted(tech.probabilities.items(), key=lambda kv: -kv[1])
        out.append(
            PropagandaSpan(s, e, round(p, 4), tech.technique, tech.probability, tuple(ranked[1:3]), doc.text[s:e])
        )
    return out


_SENTENCE = re.compile(r"[^\n]+?(?:[.!?…][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|$)", re.MULTILINE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Lines cut after sentence-final punctuation followed by a capital: a light splitter for texts without a parse."""
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def checkworthiness(
    doc: Pieces,
    states: np.ndarray,
    weights: Mapping[str, np.ndarray],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[SentenceScore]:
    """P(check-worthy) of each sentence (given character spans, else :func:`sentence_spans`)."""
    spans = list(sentences) if sentences is not None else sentence_spans(doc.text)
    return checkworthiness_batch(weights, [(doc, states, spans)])[0]


def checkworthiness_batch(
    weights: Mapping[str, np.ndarray], items: Sequence[tuple[Pieces, np.ndarray, Sequence[tuple[int, int]]]]
) -> list[list[SentenceScore]]:
    """P(check-worthy) of the given sentences of several texts: one matmul per layer over every sentence of the
    batch. A sentence with no piece gets no score."""
    pooled, where = [], []
    for doc, states, spans in items:
        ranges = piece_ranges(doc, spans)
        real = [r for r in ranges if r is not None]
        pooled.append(mean_pool(states, real))
        where.append([(s, e) for (s, e), r in zip(spans, ranges) if r is not None])
    features = np.concatenate(pooled) if pooled else np.zeros((0, 384), dtype=np.float32)
    probs = sigmoid(mlp(weights, "checkworthiness", features)[:, 0]) if len(features) else np.zeros(0)
    out: list[list[SentenceScore]] = []
    k = 0
    for (doc, _, _), spans in zip(items, where):
        out.append(
            [SentenceScore(s, e, round(float(probs[k + i]), 4), doc.text[s:e]) for i, (s, e) in enumerate(spans)]
        )
        k += len(spans)
    return out


_BETWEEN = re.compile(r"[\s,;:.\-–—\"'“”‘’()]*")


def content_fragments(text: str, spans: Sequence[AttributionSpan]) -> list[tuple[tuple[int, int], ...]]:
    """Contents as fragment tuples: two content spans split only by a cue (and its source) and punctuation on one
    line -- '"We will win," she said, "and soon."' -- are one discontinuous content, as PolNeAR annotates them."""
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[list[tuple[int, int]]] = []
    last_content: list[tuple[int, int]] | None = None
    between: list[AttributionSpan] = []
    for sp in ordered:
        if sp.kind != "content":
            between.append(sp)
            continue
        if last_content is not None and any(b.kind == "cue" for b in between):
            gap_start = last_content[-1][1]
            pos, ok = gap_start, True
            for b in between:
                if not _BETWEEN.fullmatch(text[pos : b.start]):
                    ok = False
                    break
                pos = b.end
            if ok and _BETWEEN.fullmatch(text[pos : sp.start]) and "\n" not in text[gap_start : sp.start]:
                last_content.append((sp.start, sp.end))
                between = []
                continue
        last_content = [(sp.start, sp.end)]
        out.append(last_content)
        between = []
    return [tuple(f) for f in out]
