"""The evaluation metrics on tiny hand-made cases whose answers are worked out by hand in the comments."""

import pytest

from presslint.evaluation.scoring import (
    average_precision,
    extraction_scores,
    fnc_relative_score,
    fnc_score,
    macro_f1,
    mean_average_precision,
    per_class_f1,
    prf,
    shingle_counts,
    shingle_prf,
    shingles,
)


def test_scoring_prf_zero_denominators():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(2, 2, 0) == (0.5, 1.0, pytest.approx(2 / 3))


def test_scoring_macro_f1_by_hand():
    gold = ["B", "B", "B", "N", "N"]
    pred = ["B", "B", "N", "N", "B"]
    # B: tp 2, fp 1, fn 1 -> P 2/3 R 2/3 F1 2/3; N: tp 1, fp 1, fn 1 -> F1 1/2; macro (2/3 + 1/2) / 2 = 7/12
    assert per_class_f1(gold, pred) == {"B": pytest.approx(2 / 3), "N": pytest.approx(0.5)}
    assert macro_f1(gold, pred) == pytest.approx(7 / 12)


def test_scoring_macro_f1_counts_a_label_never_predicted():
    # labels fixed: "C" is in neither list -> F1 0, and it still counts in the mean
    assert macro_f1(["A", "A"], ["A", "A"], labels=["A", "C"]) == pytest.approx(0.5)


@pytest.mark.parametrize(
    "gold,pred,points",
    [
        (["unrelated"], ["unrelated"], 0.25),
        (["unrelated"], ["discuss"], 0.0),
        (["agree"], ["agree"], 1.0),
        (["agree"], ["disagree"], 0.25),  # related/unrelated right, stance wrong
        (["agree"], ["unrelated"], 0.0),
        (["discuss"], ["discuss"], 1.0),
    ],
)
def test_scoring_fnc_pair_points(gold, pred, points):
    assert fnc_score(gold, pred) == pytest.approx(points)


def test_scoring_fnc_relative_score_by_hand():
    gold = ["unrelated", "unrelated", "agree", "disagree", "discuss"]
    pred = ["unrelated", "discuss", "agree", "agree", "unrelated"]
    # points 0.25 + 0 + 1 + 0.25 + 0 = 1.5; best 0.25 * 2 + 1 * 3 = 3.5
    assert fnc_score(gold, pred) == pytest.approx(1.5)
    assert fnc_relative_score(gold, pred) == pytest.approx(1.5 / 3.5)


def test_scoring_average_precision_by_hand():
    # relevant at ranks 1 and 3: (1/1 + 2/3) / 2 = 5/6
    assert average_precision([1, 0, 1, 0]) == pytest.approx(5 / 6)
    assert average_precision([0, 0]) == 0.0


def test_scoring_map_ties_keep_original_order():
    # file 1: scores tie at 0.5, so line order stands: labels [0, 1, 0] -> AP 1/2
    # file 2: ranked 0.9 (0), 0.2 (1) -> AP 1/2; file 3: 0.7 (1) first -> AP 1.  MAP = (0.5 + 0.5 + 1) / 3 = 2/3
    groups = [([0.5, 0.5, 0.1], [0, 1, 0]), ([0.2, 0.9], [1, 0]), ([0.7, 0.3], [1, 0])]
    assert mean_average_precision(groups) == pytest.approx(2 / 3)


def test_scoring_shingles_multiset_and_short_text():
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }
    assert shingles("Only three words") == {("Only", "three", "words"): 1}
    assert shingles("") == {}


def test_scoring_shingle_f1_by_hand():
    expected = "one two three four five six"  # shingles: 1234, 2345, 3456
    predicted = "one two three four five menu"  # shingles: 1234, 2345, 345m
    assert shingle_counts(predicted, expected) == (2, 1, 1)
    p, r, f = shingle_prf(predicted, expected)
    assert (p, r, f) == (pytest.approx(2 / 3), pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert shingle_prf("", "") == (1.0, 1.0, 1.0)
    assert shingle_prf("", expected) == (0.0, 0.0, 0.0)


def test_scoring_extraction_averages_precision_and_recall_then_f1():
    # page 1 perfect (P 1, R 1); page 2 (tp 1, fp 3, fn 0): P 1/4, R 1; page 3 nothing predicted: only R 0 counts.
    # mean P over pages 1-2 = 5/8; mean R over pages 1-3 = 2/3; F1 = 2 * 5/8 * 2/3 / (5/8 + 2/3) = 20/31
    p, r, f = extraction_scores([(5, 0, 0), (1, 3, 0), (0, 0, 4)])
    assert p == pytest.approx(5 / 8)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(20 / 31)
