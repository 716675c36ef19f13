"""BABE: is a news sentence biased? (label_bias: Biased / Non-biased; macro-F1.)

presslint's method: counts of presslint's own loaded-language lexicons (``data/language/*.txt``: loaded words,
name-calling, exaggeration, doubt, fear, ...) and a few surface cues (quotes, exclamation, intensifiers) with WordLlama
sentence embeddings in one logistic regression, averaged with a word TF-IDF logistic regression (the baseline model:
the two disagree often enough that the average beats either). Baseline: word TF-IDF + logistic regression alone.
Both are trained and scored with the same stratified 5-fold cross-validation grouped by sentence text (a repeated
sentence never sits on both sides).

BABE is AGPL-3.0: nothing trained on it is ever saved or shipped; the command trains from the path on every run.
"""
from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import numpy as np

from . import embed
from .baselines import tfidf_logreg_scores
from .scoring import macro_f1, per_class_f1

ANCHOR = "anchor 0.804 Spinde et al. 2021"
LABELS = ("Biased", "Non-biased")
INTENSIFIERS = frozenset("""very extremely utterly totally completely absolutely truly really so such incredibly
deeply shockingly outrageous radical extreme far-right far-left""".split())


def read(path: str | Path) -> list[dict]:
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.glob("*.csv"))
    rows = []
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh, delimiter=";"):
                if r.get("label_bias") in LABELS and (r.get("text") or "").strip():
                    rows.append(r)
    return rows


def _lexicon_patterns() -> dict[str, re.Pattern]:
    """One case-insensitive pattern per presslint language lexicon file (phrases as whole words)."""
    from ..analyzers import language

    out = {}
    for path in sorted(language.DATA.glob("*.txt")):
        forms = {f.lower() for row in language.read_lexicon(path) for f in language.expand(row[0]) if f.strip()}
        if forms:
            alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            out[path.stem] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)
    return out


def lexicon_features(texts: list[str]) -> tuple[np.ndarray, list[str], list[dict]]:
    patterns = _lexicon_patterns()
    names = list(patterns) + ["intensifiers", "quotes", "exclaim", "question", "words"]
    rows, hits = [], []
    for text in texts:
        found = {name: [m.group(0) for m in pat.finditer(text)] for name, pat in patterns.items()}
        words = re.findall(r"[\w'-]+", text.lower())
        rows.append([len(found[n]) for n in patterns] + [
            sum(w in INTENSIFIERS for w in words), text.count('"') + text.count("“"), text.count("!"),
            text.count("?"), len(words) / 30])
        hits.append({k: v for k, v in found.items() if v})
    return np.asarray(rows, dtype=float), names, hits


def evaluate(path: str | Path, *, folds: int = 5, seed: int = 0, progress=lambda msg: None) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold
    from threadpoolctl import threadpool_limits

    rows = read(path)
    texts = [r["text"].strip() for r in rows]
    gold = [r["label_bias"] for r in rows]
    y = np.asarray([g == "Biased" for g in gold], dtype=int)
    groups = np.asarray(texts)
    split = list(StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(texts, y, groups))
    progress(f"{len(texts)} sentences; baseline")
    with threadpool_limits(1):
        base_scores = tfidf_logreg_scores(texts, y, split)
        progress("lexicon features and embeddings")
        lex, lex_names, hits = lexicon_features(texts)
        emb = embed(texts)
        dense = np.hstack([emb, lex])
        side = np.zeros(len(texts))
        for train, test in split:
            scale = np.concatenate([np.ones(emb.shape[1]), (lex[train].std(axis=0) + 1e-6) / 0.3])
            model = LogisticRegression(max_iter=3000, C=2.0, class_weight="balanced")
            model.fit(dense[train] / scale, y[train])
            side[test] = model.predict_proba(dense[test] / scale)[:, 1]
        ours = (base_scores + side) / 2  # word evidence and meaning+lexicon evidence, equal say
    label = lambda s: "Biased" if s >= 0.5 else "Non-biased"  # noqa: E731
    base_pred = [label(s) for s in base_scores]
    our_pred = [label(s) for s in ours]
    items = [{"text": t, "gold": g, "baseline": b, "presslint": o, "p_biased": round(float(s), 3),
              "biased_words": _words(r.get("biased_words")), "lexicon_hits": h}
             for t, g, b, o, s, r, h in zip(texts, gold, base_pred, our_pred, ours, rows, hits)]
    return {
        "task": "babe", "sentences": len(texts), "folds": folds,
        "baseline": {"macro_f1": macro_f1(gold, base_pred, LABELS), "f1": per_class_f1(gold, base_pred, LABELS)},
        "presslint": {"macro_f1": macro_f1(gold, our_pred, LABELS), "f1": per_class_f1(gold, our_pred, LABELS),
                      "lexicon_coverage": float((lex[:, :len(lex_names) - 5].sum(axis=1) > 0).mean())},
        "items": items,
    }


def _words(value: str | None) -> list[str]:
    try:
        out = ast.literal_eval(value or "[]")
        return list(out) if isinstance(out, (list, tuple)) else []
    except (ValueError, SyntaxError):
        return []


def summary(result: dict) -> list[str]:
    b, o = result["baseline"], result["presslint"]
    return [
        f"babe baseline tfidf+logreg: macro-F1 {b['macro_f1']:.3f}",
        f"babe macro-F1 (stratified {result['folds']}-fold CV grouped by sentence, {result['sentences']} sentences; "
        f"lexicon hits in {o['lexicon_coverage']:.0%} of sentences): baseline tfidf+logreg {b['macro_f1']:.3f} | "
        f"{ANCHOR} | presslint {o['macro_f1']:.3f}",
    ]
