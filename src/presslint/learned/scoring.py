"""Head-level scores on the held-back data with the project's scorers (numpy only).

``encode`` is any function from texts to (Pieces, piece vectors) pairs: the shipped ONNX encoder at evaluation time,
the torch encoder while training. Thresholds at an operating point (precision >= 0.8) are read from the same runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import predict
from .data import checkthat_documents, splits
from .windows import Pieces

Encode = Callable[[Sequence[str]], list[tuple[Pieces, np.ndarray]]]


def attribution_predictions(
    items: Sequence[tuple[str, str]],
    encode: Encode,
    weights: Mapping[str, np.ndarray],
    *,
    min_prob: float = 0.0,
    merge: bool = True,
) -> list[dict[str, list]]:
    """Per text: {"source"|"cue"|"content": [fragments]} as the attribution scorer reads them, and the raw spans."""
    out = []
    for doc, states in encode([text for _, text in items]):
        spans = predict.attributions(doc, states, weights, min_prob=min_prob)
        pred: dict[str, list] = {"source": [], "cue": [], "content": [], "_spans": spans}
        for sp in spans:
            if sp.kind != "content":
                pred[sp.kind].append(((sp.start, sp.end),))
        pred["content"] = (
            predict.content_fragments(doc.text, spans)
            if merge
            else [((sp.start, sp.end),) for sp in spans if sp.kind == "content"]
        )
        out.append(pred)
    return out


def attribution(root: str | Path, encode: Encode, weights: Mapping[str, np.ndarray], *, split: str = "dev") -> dict:
    from ..evaluation.attribution import load_split, span_scores

    items = load_split(root, split)
    preds = attribution_predictions([(n, t) for n, t, _ in items], encode, weights)
    scores = span_scores((text, gold, pred) for (_, text, gold), pred in zip(items, preds))
    return {
        "data": f"{root}/{split}",
        "texts": len(items),
        "scores": scores,
        "operating": _attribution_points(items, preds),
    }


def _attribution_points(items, preds) -> dict[str, Any]:
    """Per span type: precision/recall (exact match) when keeping only spans with probability >= t, for a grid of t."""
    from ..evaluation.attribution import normalise

    out: dict[str, Any] = {}
    for kind in ("source", "cue", "content"):
        rows = []  # (probability, correct)
        n_gold = 0
        for (_, text, gold), pred in zip(items, preds):
            g = {normalise(text, f) for f in gold.get(kind, [])}
            n_gold += len(g)
            for sp in pred["_spans"]:
                if sp.kind == kind:
                    rows.append((sp.probability, normalise(text, ((sp.start, sp.end),)) in g))
        out[kind] = operating_points(rows, n_gold)
    return out


def operating_points(rows: Sequence[tuple[float, bool]], n_gold: int) -> list[dict[str, float]]:
    """Precision and recall when keeping predictions with probability >= t, t on a grid (exact-match counting)."""
    out = []
    for t in np.round(np.arange(0.3, 1.0, 0.05), 2):
        kept = [ok for p, ok in rows if p >= t]
        tp = sum(kept)
        out.append(
            {
                "threshold": float(t),
                "precision": round(tp / len(kept), 4) if kept else 0.0,
                "recall": round(tp / n_gold, 4) if n_gold else 0.0,
                "kept": len(kept),
            }
        )
    return out


def propaganda(root: str | Path, encode: Encode, weights: Mapping[str, np.ndarray]) -> dict:
    """SI and TC on the held-back PTC articles (TC: the technique head on the gold spans)."""
    from ..evaluation.propaganda import load, si_scores, tc_micro_f1

    texts, si_gold, tc_rows = load(root)
    ids = sorted(set(splits()["ptc"]["heldback"]) & set(texts))
    encoded = dict(zip(ids, encode([texts[i] for i in ids])))
    pred: dict[str, list[tuple[int, int]]] = {}
    rows = []
    for art in ids:
        doc, states = encoded[art]
        spans = predict.propaganda(doc, states, weights)
        pred[art] = [(sp.start, sp.end) for sp in spans]
        gold = si_gold.get(art, [])
        for sp in spans:  # precision credit of each span, for the operating points
            covered = sum(max(0, min(sp.end, e) - max(sp.start, s)) for s, e in _merge(gold))
            rows.append((sp.probability, covered / max(1, sp.end - sp.start) >= 0.5))
    gold_si = {a: si_gold.get(a, []) for a in ids}
    held_tc = [r for r in tc_rows if r[0] in set(ids)]
    tc_pred = []
    for art, _, s, e in held_tc:
        doc, states = encoded[art]
        tech = predict.techniques(doc, states, weights, [(s, e)])[0]
        tc_pred.append(tech.technique if tech else None)
    si = si_scores(gold_si, pred)
    return {
        "data": f"{root} held-back articles ({len(ids)})",
        "articles": len(ids),
        "si": {"p": si[0], "r": si[1], "f1": si[2]},
        "tc_micro_f1": tc_micro_f1([r[1] for r in held_tc], tc_pred),
        "tc_spans": len(held_tc),
        "operating": operating_points(rows, sum(len(v) for v in gold_si.values())),
    }


def _merge(spans):
    from ..evaluation.propaganda import merge

    return merge(spans)


def checkworthiness(root: str | Path, encode: Encode, weights: Mapping[str, np.ndarray]) -> dict:
    """MAP over the held-back CheckThat! files (each file one text, one sentence a line)."""
    from ..evaluation.scoring import mean_average_precision

    docs = checkthat_documents(root, splits()["checkthat"]["heldback"])
    groups, rows = [], []
    for (_, _, sents), (doc, states) in zip(docs, encode([text for _, text, _ in docs])):
        scores = predict.checkworthiness(doc, states, weights, [(s, e) for s, e, _, _ in sents])
        probs = [sc.probability for sc in scores]
        labels = [label for _, _, label, _ in sents]
        groups.append((probs, labels))
        rows += [(p, bool(y)) for p, y in zip(probs, labels)]
    return {
        "data": f"{root} held-back files ({len(docs)})",
        "files": len(docs),
        "map": mean_average_precision(groups),
        "operating": operating_points(rows, sum(y for _, y in rows)),
    }
