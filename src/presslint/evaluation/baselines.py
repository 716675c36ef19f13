"""Simple same-run baselines: TF-IDF cosine, and TF-IDF + logistic regression trained inside each CV fold."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def tfidf(texts: Sequence[str], **options):
    """A fitted TfidfVectorizer (English stop words, sublinear tf) and the matrix of ``texts``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, **({"min_df": 1} | options))
    return vec, vec.fit_transform(texts)


def row_cosine(a, b) -> np.ndarray:
    """Cosine of row i of ``a`` with row i of ``b`` (rows are L2-normalised TF-IDF, so a dot product)."""
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def tfidf_logreg_scores(
    texts: Sequence[str],
    labels: Sequence[int] | np.ndarray,
    folds: Sequence[tuple[np.ndarray, np.ndarray]],
    **options,
) -> np.ndarray:
    """Out-of-fold P(label=1) of TF-IDF (word 1-2 grams) + logistic regression, vectoriser fitted per fold."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    docs, y = np.asarray(texts, dtype=object), np.asarray(labels)
    out = np.zeros(len(docs))
    for train, test in folds:
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, **options)
        model = LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced")
        model.fit(vec.fit_transform(docs[train]), y[train])
        out[test] = model.predict_proba(vec.transform(docs[test]))[:, 1]
    return out
