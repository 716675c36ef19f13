"""CLEF CheckThat! 2019 Task 1: rank the sentences of a debate or speech by check-worthiness (MAP over files).

presslint's method (``learned``): the claims analyzer's features (``analyzers/claims.py``: quantities, dates, entity
with a factual verb, comparison, causal link, attribution, hedge, opinion — read from a spaCy parse, with numbers and
dates from spaCy's entity labels) plus its heuristic score, WordLlama sentence embeddings and a few transcript cues
(length, first person, question), in a logistic regression trained leave-one-file-out. The untrained heuristic
(``claims.score``) is reported too. Baseline: word TF-IDF + logistic regression, leave-one-file-out.
Ties keep line order.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import embed, spacy_model
from .baselines import tfidf_logreg_scores
from .scoring import mean_average_precision

ANCHOR = "anchor 0.166 best primary 2019"
NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
DATE_LABELS = frozenset({"DATE", "TIME"})


def read(path: str | Path) -> list[dict]:
    root = Path(path)
    if (root / "training").is_dir():
        root = root / "training"
    rows = []
    for f in sorted(root.glob("*.tsv")):
        for line in f.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[-1].strip() in ("0", "1"):
                rows.append(
                    {
                        "file": f.stem,
                        "line": int(parts[0]),
                        "speaker": parts[1],
                        "text": "\t".join(parts[2:-1]),
                        "label": int(parts[-1]),
                    }
                )
    return rows


def claim_features(texts: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """claims.py's feature flags per sentence (numbers/dates from entity labels), and its heuristic score."""
    from ..analyzers import claims

    names: list[str] = []
    rows, heuristic = [], []
    for doc in spacy_model().pipe(texts, batch_size=64):
        labels = [e.label_ for e in doc.ents]
        n_q = sum(1 for lab in labels if lab in NUMBER_LABELS)
        n_d = sum(1 for lab in labels if lab in DATE_LABELS)
        has_entity = any(lab in claims.FACT_ENTITIES for lab in labels)
        feats = claims._features(doc[:], n_q, n_d, False, has_entity)
        names = list(feats)
        words = [t.lower_ for t in doc if t.is_alpha]
        heuristic.append(claims.score(feats) if len(doc) >= 5 and not doc.text.rstrip().endswith("?") else 0.0)
        rows.append(
            [float(v) for v in feats.values()]
            + [
                heuristic[-1],
                min(len(words), 60) / 60,
                float(doc.text.rstrip().endswith("?")),
                sum(w in ("i", "me", "my") for w in words) / max(1, len(words)),
                sum(w in ("we", "our", "us") for w in words) / max(1, len(words)),
                float(n_q),
                float(len(labels)),
            ]
        )
    names += ["heuristic", "length", "question", "first_person", "we", "n_numbers", "n_entities"]
    return np.asarray(rows), names, np.asarray(heuristic)


def _by_file(rows: list[dict], scores) -> list[tuple[list[float], list[int]]]:
    groups: dict[str, tuple[list[float], list[int]]] = {}
    for r, s in zip(rows, scores):
        g = groups.setdefault(r["file"], ([], []))
        g[0].append(float(s))
        g[1].append(r["label"])
    return list(groups.values())


def evaluate(path: str | Path, *, progress=lambda msg: None) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut
    from threadpoolctl import threadpool_limits

    rows = read(path)
    texts = [r["text"] for r in rows]
    y = np.asarray([r["label"] for r in rows])
    files = np.asarray([r["file"] for r in rows])
    split = list(LeaveOneGroupOut().split(texts, y, files))
    progress(f"{len(rows)} sentences in {len(split)} files; baseline")
    with threadpool_limits(1):
        base = tfidf_logreg_scores(texts, y, split)
        progress("claims features (spaCy parse) and embeddings")
        feats, names, heuristic = claim_features(texts)
        dense = np.hstack([feats, embed(texts)])
        learned = np.zeros(len(rows))
        for train, test in split:
            model = LogisticRegression(max_iter=3000, C=0.1, class_weight="balanced")
            model.fit(dense[train], y[train])
            learned[test] = model.predict_proba(dense[test])[:, 1]
    result = {
        "task": "checkthat2019",
        "sentences": len(rows),
        "files": len(split),
        "baseline": {"map": mean_average_precision(_by_file(rows, base))},
        "heuristic": {"map": mean_average_precision(_by_file(rows, heuristic))},
        "presslint": {"map": mean_average_precision(_by_file(rows, learned))},
        "items": [
            {
                **r,
                "baseline": round(float(b), 4),
                "heuristic": float(h),
                "presslint": round(float(s), 4),
                "features": [n for n, v in zip(names, f) if v and n not in ("length",)],
            }
            for r, b, h, s, f in zip(rows, base, heuristic, learned, feats)
        ],
    }
    return result


def summary(result: dict) -> list[str]:
    b, h, o = result["baseline"]["map"], result["heuristic"]["map"], result["presslint"]["map"]
    return [
        f"checkthat2019 baseline tfidf+logreg (leave-one-file-out): MAP {b:.3f}",
        f"checkthat2019 MAP over {result['files']} files (leave-one-file-out; claims.py heuristic alone {h:.3f}): "
        f"baseline tfidf+logreg {b:.3f} | {ANCHOR} | presslint {o:.3f}",
    ]
