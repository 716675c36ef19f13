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


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline and its dek: one run of I- labels across the break is two phrases
        ("Is the mayor naive?\n\nOr is he cunning?", ["Is the mayor naive?", "Or is he cunning?"]),
        # two paragraphs with one line break
        ("A total disgrace.\nA betrayal of every voter.", ["A total disgrace.", "A betrayal of every voter."]),
        # no break: one span, as without the option
        ("A total disgrace and a betrayal of every voter.", ["A total disgrace and a betrayal of every voter."]),
    ],
)
def test_learned_labels_line_bounded_spans_end_at_a_line_break(text, expected):
    [doc] = pieces([text], TOKENIZER)
    labels = np.full(len(doc.ids), PROPAGANDA_LABELS.index("I-propaganda"))
    labels[0] = PROPAGANDA_LABELS.index("B-propaganda")
    probs = np.eye(3)[labels]
    spans = decode_bio(text, doc.offsets, probs, PROPAGANDA_LABELS, line_bounded=True)
    assert [text[s:e] for _, s, e, _ in spans] == expected
    assert len(decode_bio(text, doc.offsets, probs, PROPAGANDA_LABELS)) == 1  # without it: one run, one span


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


def _viterbi_reference(offsets, probs, labels, start_penalty, word_start):
    """The Viterbi recursion in its array form (one numpy step per piece): the specification the Python-float
    version in labels.viterbi_labels must match label for label."""
    from presslint.learned.labels import bio_transitions

    n, k = probs.shape
    logp = np.log(np.clip(probs, 1e-9, 1.0))
    allowed, cont, is_b, is_i = bio_transitions(labels)  # the BIO rules are shared; the recursion is what is checked
    penalty = np.where(is_b, -start_penalty, 0.0)
    score = logp[0] + penalty + np.where(is_i, -np.inf, 0.0)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = np.where(allowed if word_start[t] else cont, score[:, None], -np.inf)
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t] + (penalty if word_start[t] else 0.0)
    out = np.zeros(n, dtype=np.int64)
    out[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        out[t - 1] = back[t, out[t]]
    return out


VITERBI_TEXTS = [
    ARTICLE,
    'The minister said: "We will not back down," adding that the talks were "over".',
    "Protesters called the plan a betrayal; officials, speaking anonymously, said it would go ahead.",
    "Prices rose 4.5% in March, the statistics office's figures showed.",
]


@pytest.mark.parametrize("text", VITERBI_TEXTS)
@pytest.mark.parametrize(
    ("labels", "start_penalty", "sharpness"),
    [
        (ATTRIBUTION_LABELS, 1.0, 1.0),
        (ATTRIBUTION_LABELS, 0.0, 4.0),
        (PROPAGANDA_LABELS, 0.0, 1.0),
        (PROPAGANDA_LABELS, 2.5, 4.0),
        (ATTRIBUTION_LABELS, 0.0, 0.0),  # every label equally likely: ties everywhere, the first label must win
    ],
)
def test_learned_labels_viterbi_matches_array_form(text, labels, start_penalty, sharpness):
    from presslint.learned.labels import viterbi_labels
    from presslint.learned.windows import word_starts

    [doc] = pieces([text], TOKENIZER)
    rng = np.random.default_rng(len(text) + len(labels))
    logits = rng.normal(size=(len(doc.ids), len(labels))) * sharpness
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probs = probs.astype(np.float32)
    expected = _viterbi_reference(doc.offsets, probs, labels, start_penalty, word_starts(text, doc.offsets))
    got = viterbi_labels(doc.offsets, probs, labels, start_penalty=start_penalty, text=text)
    assert got.tolist() == expected.tolist()


@pytest.mark.parametrize("text", [*VITERBI_TEXTS, "Mid-year figures: 'well-known' U.S.-based firms' year.\nNext"])
def test_learned_windows_word_and_boundary_starts_per_piece(text):
    import re

    from presslint.learned.windows import _inner, word_starts

    [doc] = pieces([text], TOKENIZER)
    offs = doc.offsets.tolist()
    words = [True] + [
        not (offs[t][0] == offs[t - 1][1] and _inner(text, offs[t][0] - 1) and _inner(text, offs[t][0]))
        for t in range(1, len(offs))
    ]
    ends = re.compile(r"[.!?…][\"'”’)\]]*$")
    bounds = [False] + [
        "\n" in text[offs[i - 1][1] : offs[i][0]]
        or bool(ends.search(text[offs[i - 1][0] : offs[i - 1][1]]) and text[offs[i][0] : offs[i][0] + 1].isupper())
        for i in range(1, len(offs))
    ]
    assert word_starts(text, doc.offsets).tolist() == words
    assert boundary_starts(text, doc.offsets).tolist() == bounds
