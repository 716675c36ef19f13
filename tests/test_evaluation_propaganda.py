"""PTC scorers (SemEval-2020 T11 SI and TC) and reader on tiny hand-made cases (no dataset, no model)."""

from __future__ import annotations

import pytest

from presslint.evaluation.propaganda import baseline_si, lines, load, merge, si_scores, tc_micro_f1


def test_evaluation_propaganda_merge_joins_overlaps():
    assert merge([(5, 10), (0, 3), (8, 12), (12, 14), (20, 20)]) == [(0, 3), (5, 14)]


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        # perfect
        ({"a": [(0, 10)]}, {"a": [(0, 10)]}, (1.0, 1.0, 1.0)),
        # prediction half inside the gold span: P = 5/10; R = 5/10
        ({"a": [(0, 10)]}, {"a": [(5, 15)]}, (0.5, 0.5, 0.5)),
        # short prediction inside a long gold span: P = 1, R = 2/10 -> F1 = 2*0.2/1.2
        ({"a": [(0, 10)]}, {"a": [(2, 4)]}, (1.0, 0.2, 1 / 3)),
        # two gold spans, one found exactly, one missed: P = 1, R = (1 + 0)/2
        ({"a": [(0, 10), (20, 30)]}, {"a": [(0, 10)]}, (1.0, 0.5, 2 / 3)),
        # a prediction in an article without gold earns nothing: P = (1 + 0)/2, R = 1
        ({"a": [(0, 10)]}, {"a": [(0, 10)], "b": [(0, 4)]}, (0.5, 1.0, 2 / 3)),
        # overlapping predictions are merged first: (0,6)+(4,10) -> (0,10): one span, P = 1
        ({"a": [(0, 10)]}, {"a": [(0, 6), (4, 10)]}, (1.0, 1.0, 1.0)),
        # one prediction covering two gold spans: P = (10 + 10)/30; each gold span fully covered: R = 1
        ({"a": [(0, 10), (20, 30)]}, {"a": [(0, 30)]}, (2 / 3, 1.0, 0.8)),
        # nothing predicted
        ({"a": [(0, 10)]}, {}, (0.0, 0.0, 0.0)),
    ],
)
def test_evaluation_propaganda_si_scores(gold, pred, expected):
    assert si_scores(gold, pred) == pytest.approx(expected)


def test_evaluation_propaganda_si_overlapping_gold_counts_each_character_once():
    # gold spans overlap (0,10) and (5,15); prediction (0,15): P = 15/15 (not 20/15), R = (10/10 + 10/10)/2
    assert si_scores({"a": [(0, 10), (5, 15)]}, {"a": [(0, 15)]}) == pytest.approx((1.0, 1.0, 1.0))


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        (["Doubt", "Slogans", "Loaded_Language", "Repetition"], ["Doubt", "Slogans", "Doubt", "Repetition"], 0.75),
        (["Doubt", "Slogans"], ["Loaded_Language", "Loaded_Language"], 0.0),
        # a missing prediction (None) is a false negative, not a false positive: P = 1/1, R = 1/2 -> F1 2/3
        (["Doubt", "Slogans"], ["Doubt", None], 2 / 3),
    ],
)
def test_evaluation_propaganda_tc_micro_f1(gold, pred, expected):
    assert tc_micro_f1(gold, pred) == pytest.approx(expected)


def test_evaluation_propaganda_tc_length_mismatch_raises():
    with pytest.raises(ValueError):
        tc_micro_f1(["Doubt"], [])


def test_evaluation_propaganda_reads_articles_and_labels(tmp_path):
    text = "A title\n\nThe totally corrupt elite lies.\nRain fell.\n"
    (tmp_path / "train-articles").mkdir()
    (tmp_path / "train-articles" / "article7.txt").write_text(text)
    (tmp_path / "train-labels-SI.tsv").write_text("7\t21\t34\n")
    (tmp_path / "train-labels-TC.tsv").write_text("7\tLoaded_Language\t21\t34\n7\tName_Calling,Labeling\t21\t34\n")
    texts, si, tc = load(tmp_path)
    assert texts == {"7": text} and si == {"7": [(21, 34)]}
    assert tc == [("7", "Loaded_Language", 21, 34), ("7", "Name_Calling,Labeling", 21, 34)]
    assert text[21:34] == "corrupt elite"
    assert lines(text) == [(0, 7), (9, 39), (41, 50)]  # trailing periods trimmed
    assert baseline_si(text) == [(9, 39)]  # "totally" is on the intensifier list


def test_evaluation_propaganda_clauses_cut_lines_at_punctuation_and_conjunctions():
    from presslint.evaluation.propaganda import clauses

    text = "Title\n\nThe plan failed, and the minister, who lied, must go.\n"
    assert [text[s:e] for s, e in clauses(text)] == [
        "Title",
        "The plan failed",
        "and the minister",
        "who lied",
        "must go",
    ]
