"""The shipped learned model through the public inference API (onnxruntime, no torch): sentences written for the
project, each head on the behaviour a reader would expect, one encoder pass shared by every head."""

from __future__ import annotations

import pytest

from presslint import learned
from presslint.config import Settings, apply_overlay
from presslint.errors import PresslintError

pytestmark = pytest.mark.skipif(not learned.available(), reason="learned model folder missing from the package")

ATTRIBUTION_CASES = [
    # (text, source, cue, a word the content must hold)
    (
        "The finance minister said on Tuesday that the budget would be balanced by 2027.",
        "The finance minister",
        "said",
        "balanced",
    ),
    (
        "A spokesman for the ministry said the talks would resume next week.",
        "A spokesman for the ministry",
        "said",
        "talks",
    ),
    ("Residents say the water has been unsafe for months.", "Residents", "say", "water"),
]


@pytest.fixture(scope="module")
def model():
    return learned.load()


@pytest.fixture(scope="module")
def encoded(model):
    return model.encode([c[0] for c in ATTRIBUTION_CASES])


@pytest.mark.parametrize("i", range(len(ATTRIBUTION_CASES)))
def test_learned_attribution_finds_source_cue_and_content(encoded, model, i):
    text, source, cue, word = ATTRIBUTION_CASES[i]
    spans = learned.attributions(encoded[i], model=model)
    kinds = {(s.kind, s.text) for s in spans}
    assert ("source", source) in kinds, spans
    assert any(s.kind == "cue" and cue in s.text for s in spans), spans
    assert any(s.kind == "content" and word in s.text for s in spans), spans
    for s in spans:
        assert text[s.start : s.end] == s.text and 0.0 < s.probability <= 1.0


def test_learned_attribution_nothing_in_a_plain_statement(model):
    [doc] = model.encode(["The bridge reopened to traffic on Monday after two weeks of repairs."])
    assert not [s for s in learned.attributions(doc, model=model) if s.kind in ("source", "cue")]


LOADED = "These treacherous cowards have betrayed every decent, hard-working family in this great nation."
NEUTRAL = "The council will publish the minutes of the meeting on its website next week."


def test_learned_propaganda_marks_loaded_language_not_a_plain_sentence(model):
    loaded, neutral = model.encode([LOADED, NEUTRAL])
    found = learned.propaganda(loaded, model=model)
    assert found, "no span in a sentence of name-calling and loaded words"
    assert all(sp.technique in learned.labels.TECHNIQUES for sp in found)
    assert any(sp.technique in ("Loaded_Language", "Name_Calling,Labeling") for sp in found), found
    assert not learned.propaganda(neutral, model=model)


def test_learned_techniques_on_given_spans(model):
    [doc] = model.encode([LOADED])
    start = LOADED.index("treacherous cowards")
    [score] = learned.techniques(doc, [(start, start + len("treacherous cowards"))], model=model)
    assert score is not None
    assert abs(sum(score.probabilities.values()) - 1.0) < 1e-3
    assert score.technique in ("Name_Calling,Labeling", "Loaded_Language")


@pytest.mark.parametrize(
    ("worthy", "unworthy"),
    [
        (
            "Unemployment fell to 3.5 percent last year, the lowest rate since 1969.",
            "Thank you all for coming tonight.",
        ),
        ("We have cut taxes for 82 percent of middle-class families.", "Good evening, and welcome to the debate."),
    ],
)
def test_learned_checkworthiness_ranks_factual_claims_above_pleasantries(model, worthy, unworthy):
    text = f"{worthy}\n{unworthy}"
    [doc] = model.encode([text])
    scores = learned.checkworthiness(doc, [(0, len(worthy)), (len(worthy) + 1, len(text))], model=model)
    assert scores[0].probability > scores[1].probability


def test_learned_encode_batches_give_the_same_vectors(model):
    texts = [c[0] for c in ATTRIBUTION_CASES] + [LOADED]
    together = model.encode(texts)
    alone = model.encode(texts[1:2], batch_windows=1)
    assert abs(together[1].states - alone[0].states).max() < 1e-3


def test_learned_long_article_is_windowed_and_fully_covered(model):
    sentence = "The regional council said the new tram line would open in the spring of next year. "
    text = "Tram line to open next spring\n\n" + sentence * 40
    [doc] = model.encode([text])
    assert len(doc.pieces.windows) > 2
    assert doc.states.shape == (len(doc.pieces.ids), 384)
    assert (abs(doc.states).sum(axis=1) > 0).all()  # every piece got a vector
    cues = [s for s in learned.attributions(doc, model=model) if s.kind == "cue"]
    assert len(cues) >= 30


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({}, ("attribution", "propaganda", "checkworthiness")),
        ({"propaganda": False}, ("attribution", "checkworthiness")),
        ({"attribution": False, "checkworthiness": False}, ("propaganda",)),
    ],
)
def test_learned_settings_turn_heads_off(table, expected):
    settings = apply_overlay(Settings(), {"learned": table})
    assert learned.enabled_heads(settings) == expected


@pytest.mark.parametrize("table", [{"propoganda": False}, {"attribution": "no"}])
def test_learned_settings_reject_unknown_heads_and_non_booleans(table):
    with pytest.raises(PresslintError, match="E302"):
        apply_overlay(Settings(), {"learned": table})


def test_learned_missing_model_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLINT_MODELS", str(tmp_path))
    with pytest.raises(PresslintError, match="E504"):
        learned.load()


def test_learned_manifest_records_the_shipped_files():
    import hashlib
    import json

    folder = learned.model_dir()
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    for name, meta in manifest["files"].items():
        data = (folder / name).read_bytes()
        assert len(data) == meta["bytes"] < 50_000_000
        assert hashlib.sha256(data).hexdigest() == meta["sha256"], name
