"""WordPiece windows and BIO labels of the learned heads: tokenisation, window cuts, span <-> label round trips."""

from __future__ import annotations

import numpy as np
import pytest

from presslint.learned import PACKAGE_MODELS
from presslint.learned.labels import ATTRIBUTION_LABELS, PROPAGANDA_LABELS, decode_bio, piece_labels
from presslint.learned.windows import boundary_starts, cut_windows, pieces, word_bounds

TOKENIZER = PACKAGE_MODELS / "presslint-minilm" / "tokenizer.json"

ARTICLE = (
    "Council delays vote on housing plan\n\n"
    "The city council postponed a vote on the housing plan on Tuesday. "
    "Its chairwoman, Maria Lopez, said the figures needed another look.\n"
    "Residents who packed the hall said they would return next month. "
    "The developer declined to comment."
)


@pytest.mark.parametrize(
    ("n", "starts", "size", "expected"),
    [
        (10, [], 4, [(0, 4), (4, 8), (8, 10)]),  # no boundary: hard cuts
        (10, [3, 6], 5, [(0, 3), (3, 6), (6, 10)]),  # cuts at sentence starts in the second half of a window
        (10, [1], 4, [(0, 4), (4, 8), (8, 10)]),  # a boundary too early in the window is not used
        (3, [], 254, [(0, 3)]),
        (0, [], 254, []),
    ],
)
def test_learned_windows_cut_covers_every_piece_once(n, starts, size, expected):
    mask = np.zeros(n, dtype=bool)
    mask[starts] = True
    windows = cut_windows(n, mask, size)
    assert windows == expected
    assert all(e - s <= size for s, e in windows)
    assert sum(e - s for s, e in windows) == n


def test_learned_windows_cut_at_sentence_starts():
    [doc] = pieces([ARTICLE], TOKENIZER, size=24)
    starts = boundary_starts(ARTICLE, doc.offsets)
    assert len(doc.windows) > 2
    for s, _ in doc.windows[1:]:
        assert starts[s], ARTICLE[doc.offsets[s][0] :]
    assert sum(e - s for s, e in doc.windows) == len(doc.ids)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("the unprecedented move", 7, 10, "unprecedented"),
        ("Lopez's office said", 0, 5, "Lopez's"),
        ("a well-known figure", 7, 12, "well-known"),
        ("said: yes", 0, 4, "said"),
    ],
)
def test_learned_windows_word_bounds_grow_pieces_to_words(text, start, end, expected):
    s, e = word_bounds(text, start, end)
    assert text[s:e] == expected


def test_learned_labels_round_trip_attribution_spans():
    [doc] = pieces([ARTICLE], TOKENIZER)
    gold = [
        ("source", ARTICLE.index("Its chairwoman"), ARTICLE.index(", said")),
        ("cue", ARTICLE.index("said the figures"), ARTICLE.index("said the figures") + 4),
        ("content", ARTICLE.index("the figures"), ARTICLE.index("another look") + len("another look")),
    ]
    labels = piece_labels(doc.offsets, gold, ATTRIBUTION_LABELS)
    spans = decode_bio(ARTICLE, doc.offsets, np.eye(len(ATTRIBUTION_LABELS))[labels], ATTRIBUTION_LABELS)
    assert [(k, ARTICLE[s:e]) for k, s, e, _ in spans] == [(k, ARTICLE[s:e]) for k, s, e in gold]
    assert all(p == pytest.approx(1.0) for *_, p in spans)


def test_learned_labels_inner_piece_b_does_not_split_a_word():
    text = "plain warmongering"
    [doc] = pieces([text], TOKENIZER)
    assert len(doc.ids) > 3  # 'warmongering' is several pieces
    labels = np.zeros(len(doc.ids), dtype=int)
    labels[1:] = PROPAGANDA_LABELS.index("B-propaganda")  # every piece of the word says B-
    spans = decode_bio(text, doc.offsets, np.eye(3)[labels], PROPAGANDA_LABELS)
    assert [text[s:e] for _, s, e, _ in spans] == ["warmongering"]


def test_learned_labels_min_prob_drops_unsure_spans():
    text = "Officials said it was over."
    [doc] = pieces([text], TOKENIZER)
    probs = np.tile([0.1, 0.6, 0.3], (len(doc.ids), 1))  # every piece: B 0.6 -> one span per word, P(span) 0.9
    assert decode_bio(text, doc.offsets, probs, PROPAGANDA_LABELS, min_prob=0.95) == []
    assert decode_bio(text, doc.offsets, probs, PROPAGANDA_LABELS, min_prob=0.5)


def test_learned_split_quotation_is_one_content():
    from presslint.learned.predict import AttributionSpan, content_fragments

    text = '"We will win," the coach said, "and we will do it soon."\n"Next line," he added.'

    def span(kind, part, after=""):
        start = text.index(after + part) + len(after)
        return AttributionSpan(kind, start, start + len(part), 0.9, part)

    spans = [
        span("content", "We will win"),
        span("source", "the coach"),
        span("cue", "said"),
        span("content", "and we will do it soon"),
        span("content", "Next line"),
        span("source", "he", after='," '),
        span("cue", "added"),
    ]
    frags = content_fragments(text, spans)
    assert [[text[s:e] for s, e in f] for f in frags] == [["We will win", "and we will do it soon"], ["Next line"]]
