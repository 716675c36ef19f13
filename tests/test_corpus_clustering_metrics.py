"""Clustering metrics used by the FNC-1 story measurement, checked by hand."""

from __future__ import annotations

import pytest

from presslint.evaluation.clustering import bcubed, claim_labels, inverse_purity, purity


def test_corpus_clustering_metrics_perfect_and_singletons():
    gold = ["a", "a", "b", "b", "b"]
    assert purity(gold, gold) == inverse_purity(gold, gold) == 1.0
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(gold, [1, 2, 3, 4, 5])
    assert p == 1.0 and r == pytest.approx((1 / 2 * 2 + 1 / 3 * 3) / 5)


def test_corpus_clustering_metrics_one_big_cluster():
    gold = ["a", "a", "b", "b", "b"]
    pred = [0] * 5
    assert purity(gold, pred) == pytest.approx(3 / 5)
    assert inverse_purity(gold, pred) == 1.0
    p, r, _f = bcubed(gold, pred)
    assert r == 1.0 and p == pytest.approx((2 * 2 / 5 + 3 * 3 / 5) / 5)


def test_corpus_clustering_metrics_claims_merge_bodies_sharing_a_headline():
    related = [
        {"headline": "h1", "body_id": "1"},
        {"headline": "h1", "body_id": "2"},
        {"headline": "h2", "body_id": "2"},
        {"headline": "h3", "body_id": "3"},
    ]
    labels = claim_labels(related)
    assert labels["h1"] == labels["h2"] != labels["h3"]
