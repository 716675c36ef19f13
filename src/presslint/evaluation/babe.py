"""BABE: is a news sentence biased? (label_bias: Biased / Non-biased; macro-F1.)

presslint's method: the average of two logistic regressions' probabilities, thresholded at 0.5:

- word (1-2 gram) and character (2-5 gram) TF-IDF;
- MiniLM sentence embeddings (all-MiniLM-L6-v2, int8 ONNX, :mod:`presslint.embeddings`) plus a *learned token
  lexicon* plus counts of presslint's own loaded-language lexicons (``data/language/*.txt``) and surface cues. The token
  lexicon is a logistic regression over MiniLM's contextual WordPiece vectors that predicts whether a token belongs to
  one of the sentence's annotated ``biased_words`` (weak supervision); a sentence's features are its highest token
  scores. It is learned inside each training fold only; the training sentences' own scores come from an inner 3-fold
  split, so the sentence model never sees a score from a token model that was trained on that sentence.

Baseline: word TF-IDF + logistic regression alone. Both are trained and scored with the same stratified 5-fold
cross-validation grouped by sentence text (a repeated sentence never sits on both sides). ``label_opinion`` is a
label, never an input.

BABE is AGPL-3.0: nothing trained on it is ever saved or shipped; the command trains from the path on every run.
"""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path, PurePosixPath

import numpy as np

from .baselines import tfidf_logreg_scores
from .scoring import macro_f1, per_class_f1

ANCHOR = "anchor 0.804 Spinde et al. 2021"
LABELS = ("Biased", "Non-biased")
INTENSIFIERS = frozenset(
    [
        "very",
        "extremely",
        "utterly",
        "totally",
        "completely",
        "absolutely",
        "truly",
        "really",
        "so",
        "such",
        "incredibly",
        "deeply",
        "shockingly",
        "outrageous",
        "radical",
        "extreme",
        "far-right",
        "far-left",
    ]
)


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


def _lexicon_patterns() -> dict[str, re.Pattern[str]]:
    """One case-insensitive pattern per presslint language lexicon file (phrases as whole words)."""
    from ..nlp.lexicons import expand, lexicon_files, read_lexicon

    out: dict[str, re.Pattern[str]] = {}
    for relpath in lexicon_files("language"):
        forms = {f.lower() for row in read_lexicon(relpath) for f in expand(row[0]) if f.strip()}
        if forms:
            alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            out[PurePosixPath(relpath).stem] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    return out


def lexicon_features(texts: list[str]) -> tuple[np.ndarray, list[str], list[dict]]:
    patterns = _lexicon_patterns()
    names = [*list(patterns), "intensifiers", "quotes", "exclaim", "question", "words"]
    rows, hits = [], []
    for text in texts:
        found = {name: [m.group(0) for m in pat.finditer(text)] for name, pat in patterns.items()}
        words = re.findall(r"[\w'-]+", text.lower())
        rows.append(
            [len(found[n]) for n in patterns]
            + [
                sum(w in INTENSIFIERS for w in words),
                text.count('"') + text.count("“"),
                text.count("!"),
                text.count("?"),
                len(words) / 30,
            ]
        )
        hits.append({k: v for k, v in found.items() if v})
    return np.asarray(rows, dtype=float), names, hits


WORD_CHAR = re.compile(r"[\w'-]")
TOKEN_FEATURES = ("token_max", "token_top3", "token_mean", "tokens_over_0.3")


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole word around the character span [start, end) (a WordPiece piece grows to its word)."""
    while start > 0 and WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and WORD_CHAR.match(text[end]):
        end += 1
    return start, end


def token_word_labels(text: str, offsets: list[tuple[int, int]], biased_words: list[str]) -> np.ndarray:
    """1 for each token whose whole word is one of the annotated biased words (case-insensitive; a multi-word
    annotation marks each of its words), else 0."""
    words = {w.lower() for phrase in biased_words for w in re.findall(r"[\w'-]+", phrase)}
    return np.asarray([int(text[slice(*word_span(text, a, b))].lower() in words) for a, b in offsets], dtype=int)


def token_bias_features(probs: np.ndarray) -> list[float]:
    """A sentence's learned-lexicon features from its tokens' P(biased word): max, mean of the top 3, mean, count > 0.3."""
    if len(probs) == 0:
        return [0.0, 0.0, 0.0, 0.0]
    top = np.sort(probs)[::-1]
    return [float(top[0]), float(top[:3].mean()), float(probs.mean()), float((probs > 0.3).sum())]


def _token_model(tokens: list[np.ndarray], labels: list[np.ndarray], idx: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([tokens[i] for i in idx]).astype(np.float32)
    t = np.concatenate([labels[i] for i in idx])
    return LogisticRegression(max_iter=500, C=0.5).fit(x, t)


def _token_scores(model, tokens: list[np.ndarray], idx: np.ndarray) -> list[np.ndarray]:
    return [model.predict_proba(tokens[i].astype(np.float32))[:, 1] if len(tokens[i]) else np.zeros(0) for i in idx]


def learned_lexicon(tokens, labels, texts, y, train, test, seed: int) -> tuple[np.ndarray, np.ndarray, list]:
    """Token-lexicon features for one outer fold: training sentences scored out-of-fold (inner 3 folds, grouped by
    text), test sentences by a token model fitted on the whole training fold. Also each test sentence's token scores."""
    from sklearn.model_selection import StratifiedGroupKFold

    train_feats = np.zeros((len(train), len(TOKEN_FEATURES)))
    inner = StratifiedGroupKFold(n_splits=3, shuffle=True, random_state=seed).split(train, y[train], texts[train])
    for fit, score in inner:
        model = _token_model(tokens, labels, train[fit])
        train_feats[score] = [token_bias_features(p) for p in _token_scores(model, tokens, train[score])]
    test_probs = _token_scores(_token_model(tokens, labels, train), tokens, test)
    return train_feats, np.asarray([token_bias_features(p) for p in test_probs]), test_probs


def tfidf_word_char_scores(texts: np.ndarray, y: np.ndarray, split) -> np.ndarray:
    """Out-of-fold P(biased) of word 1-2 gram + character 2-5 gram TF-IDF and logistic regression."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    out = np.zeros(len(texts))
    for train, test in split:
        vecs = [
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
        ]
        x_train = hstack([v.fit_transform(texts[train]) for v in vecs]).tocsr()
        x_test = hstack([v.transform(texts[test]) for v in vecs]).tocsr()
        model = LogisticRegression(max_iter=3000, C=2.0, class_weight="balanced").fit(x_train, y[train])
        out[test] = model.predict_proba(x_test)[:, 1]
    return out


def evaluate(path: str | Path, *, folds: int = 5, seed: int = 0, progress=lambda msg: None) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold
    from threadpoolctl import threadpool_limits

    from ..embeddings import minilm_encode

    rows = read(path)
    texts = [r["text"].strip() for r in rows]
    gold = [r["label_bias"] for r in rows]
    y = np.asarray([g == "Biased" for g in gold], dtype=int)
    groups = np.asarray(texts, dtype=object)
    split = list(StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(texts, y, groups))
    progress(f"{len(texts)} sentences; baseline")
    with threadpool_limits(1):
        base_scores = tfidf_logreg_scores(texts, y, split)
        progress("word+char TF-IDF")
        surface = tfidf_word_char_scores(groups, y, split)
        progress("MiniLM embeddings (once), lexicons")
    sentences, tokens, offsets = minilm_encode(texts)  # onnxruntime uses both cores
    labels = [token_word_labels(t, o, _words(r.get("biased_words"))) for t, o, r in zip(texts, offsets, rows)]
    lex, lex_names, hits = lexicon_features(texts)
    progress("MiniLM + learned token lexicon + lexicons, per fold")
    with threadpool_limits(1):
        side = np.zeros(len(texts))
        learned_word = [""] * len(texts)
        for train, test in split:
            tok_train, tok_test, test_probs = learned_lexicon(tokens, labels, groups, y, train, test, seed)
            scale = (lex[train].std(axis=0) + 1e-6) / 0.3
            x_train = np.hstack([sentences[train], tok_train, lex[train] / scale])
            x_test = np.hstack([sentences[test], tok_test, lex[test] / scale])
            model = LogisticRegression(max_iter=3000, C=1.0, class_weight="balanced").fit(x_train, y[train])
            side[test] = model.predict_proba(x_test)[:, 1]
            for i, probs in zip(test, test_probs):
                if len(probs):
                    learned_word[i] = texts[i][slice(*word_span(texts[i], *offsets[i][int(probs.argmax())]))]
        ours = (surface + side) / 2  # surface n-grams and meaning+lexicon evidence, equal say

    def label(s):
        return "Biased" if s >= 0.5 else "Non-biased"

    base_pred = [label(s) for s in base_scores]
    our_pred = [label(s) for s in ours]
    items = [
        {
            "text": t,
            "gold": g,
            "baseline": b,
            "presslint": o,
            "p_biased": round(float(s), 3),
            "biased_words": _words(r.get("biased_words")),
            "lexicon_hits": h,
            "learned_top_word": w,
        }
        for t, g, b, o, s, r, h, w in zip(texts, gold, base_pred, our_pred, ours, rows, hits, learned_word)
    ]
    return {
        "task": "babe",
        "sentences": len(texts),
        "folds": folds,
        "baseline": {"macro_f1": macro_f1(gold, base_pred, LABELS), "f1": per_class_f1(gold, base_pred, LABELS)},
        "presslint": {
            "macro_f1": macro_f1(gold, our_pred, LABELS),
            "f1": per_class_f1(gold, our_pred, LABELS),
            "lexicon_coverage": float((lex[:, : len(lex_names) - 5].sum(axis=1) > 0).mean()),
        },
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
        (
            f"babe macro-F1 (stratified {result['folds']}-fold CV grouped by sentence, {result['sentences']} sentences; "
            f"lexicon hits in {o['lexicon_coverage']:.0%} of sentences): baseline tfidf+logreg {b['macro_f1']:.3f} | "
            f"{ANCHOR} | presslint {o['macro_f1']:.3f}"
        ),
    ]
