"""The shipped learned heads inside `presslint check`: one encoder pass per batch of docs, the heads' output read by
the sources, language and claims checks, learned findings marked as such (hidden from the text report unless
--all, always in the JSON), and each head switched off by a setting. Articles written for the project."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from presslint import Settings, check, learned
from presslint.checker import pipeline_options
from presslint.errors import PresslintError
from presslint.ingest import from_text
from presslint.learned.labels import ATTRIBUTION_LABELS, TECHNIQUES, decode_bio
from presslint.learned.pipe import LearnedDoc, learned_of
from presslint.report import render

pytestmark = pytest.mark.skipif(not learned.available(), reason="learned model folder missing from the package")

RALLY = (
    "Rally draws crowds to the square\n\n"
    "Thousands gathered in the main square on Saturday. Our brave soldiers gave everything for this country, and "
    "now the bureaucrats in the capital want to throw it all away, one speaker told the crowd. The so-called "
    "experts have failed us again. Police said the rally passed off peacefully and that two people were arrested."
)
COUNCIL = (
    "Council approves harbour plan\n\n"
    "The harbour board approved the dredging plan on Monday by six votes to three. According to the board's "
    "chairwoman, Maria Lopez, the work will begin in April and cost $12 million. Fishermen insist the dredging will "
    "drive away the cod. The board will meet again next month."
)
RULES_ONLY = {"attribution": False, "propaganda": False, "checkworthiness": False}


def _report(text: str, select: tuple[str, ...] = (), **learned_table: bool):
    settings = Settings(store=False, kb="off", learned=learned_table, select=list(select))
    return check(from_text(text, date="2024-05-04"), settings=settings)


@pytest.fixture(scope="module")
def rally():
    # every rule, those off by default too ('so-called' is LNG004): the model may name any technique
    return _report(RALLY, select=("ALL",))


def test_learned_check_encodes_each_doc_once_the_same_alone_or_batched(nlp):
    from presslint.nlp import prepare_doc

    day = dt.date(2024, 5, 4)
    docs = list(nlp.pipe([prepare_doc(nlp, from_text(t, date="2024-05-04"), day) for t in (RALLY, COUNCIL)]))
    alone = nlp(prepare_doc(nlp, from_text(COUNCIL, date="2024-05-04"), day))
    for doc in [*docs, alone]:
        [item] = doc._.pl_learned
        assert isinstance(item, LearnedDoc)
        n = len(item.pieces.ids)
        assert item.states.shape == (n, 384) and item.states.dtype == np.float32
        assert item.attribution is not None and item.attribution.shape == (n, len(ATTRIBUTION_LABELS))
        assert item.propaganda is not None and item.propaganda.shape == (n, 3)
        assert item.checkworthiness and all(0.0 <= s.probability <= 1.0 for s in item.checkworthiness)
    # A window's vectors do not depend on the articles batched with it: findings reproduce.
    assert np.allclose(docs[1]._.pl_learned[0].states, alone._.pl_learned[0].states, atol=1e-5)
    assert learned_of(alone, "propaganda") is alone._.pl_learned[0]


def test_learned_check_names_the_technique_of_rule_spans(rally):
    ruled = [f for f in rally.findings if f.code.startswith("LNG") and not f.learned]
    assert ruled, [f.code for f in rally.findings]
    for f in ruled:
        assert f.evidence["model_technique"] in TECHNIQUES
        assert 0.0 < f.evidence["model_technique_probability"] <= 1.0
        assert f.evidence["technique"] in (f.evidence["rule_technique"], f.evidence["model_technique"])


def test_learned_check_json_carries_learned_findings_with_their_probability(rally):
    found = [f for f in rally.findings if f.learned]
    assert found, [(f.code, f.span.text) for f in rally.findings]
    data = json.loads(render(rally, "json"))
    by_start = {(f["code"], f["span"]["start"]): f for f in data["findings"]}
    for f in found:
        assert f.code == "LNG012" and f.severity == "info"
        assert f.confidence == f.evidence["probability"] and 0.0 < f.confidence <= 1.0
        assert f.evidence["model"].startswith("presslint-minilm")
        assert f.evidence["technique"] in TECHNIQUES
        assert not f.shown  # no operating point at precision 0.8 for propaganda spans: hidden by default
        row = by_start[(f.code, f.span.start)]
        assert row["learned"] is True and row["shown"] is False and row["confidence"] == f.confidence
    assert rally.summary.hidden == len(found)
    assert rally.summary.findings == len(rally.findings) - len(found)


def test_learned_check_text_report_hides_learned_findings_unless_all(rally):
    from presslint.summary import mark_shown, summarise

    text = render(rally, "text")
    learned_spans = [f for f in rally.findings if f.learned]
    assert "LNG012" not in text
    assert f"{len(learned_spans)} learned finding" in text and "--all shows them" in text
    mark_shown(rally.findings, show_all=True)
    rally.summary = summarise(rally)
    try:
        shown = render(rally, "text")
        assert "LNG012" in shown and "(learned, p=" in shown and "not shown" not in shown
        assert "LNG012" in render(rally, "html")
    finally:
        mark_shown(rally.findings, show_all=False)
        rally.summary = summarise(rally)


def test_learned_check_cli_all_flag_shows_learned_findings(tmp_path):
    from click.testing import CliRunner

    from presslint.cli import main

    path = tmp_path / "rally.txt"
    path.write_text(RALLY, encoding="utf-8")
    common = [str(path), "--no-store", "--no-kb", "--date", "2024-05-04"]
    hidden = CliRunner().invoke(main, ["check", *common])
    shown = CliRunner().invoke(main, ["check", *common, "--all"])
    assert hidden.exit_code in (0, 1) and shown.exit_code in (0, 1), hidden.output + shown.output
    assert "LNG012" not in hidden.output and "LNG012" in shown.output


@pytest.mark.parametrize("head", ["attribution", "propaganda", "checkworthiness"])
def test_learned_check_settings_turn_each_head_off(head):
    report = _report(RALLY, **{head: False})
    lng = [f for f in report.findings if f.code.startswith("LNG")]
    if head == "propaganda":
        assert not any(f.learned for f in lng) and not any("model_technique" in f.evidence for f in lng)
    else:
        assert any(f.learned for f in lng)
    assert not any(q.learned for q in report.quotes) or head != "attribution"


def test_learned_check_rules_only_matches_claims_rules_scores():
    on, off = _report(COUNCIL), _report(COUNCIL, **RULES_ONLY)
    assert [c.span for c in on.claims] == [c.span for c in off.claims]  # the head ranks the list, adds nothing
    assert [c.checkworthiness for c in on.claims] != [c.checkworthiness for c in off.claims]
    assert not any(f.learned or "model_technique" in f.evidence for f in off.findings)


def test_learned_check_missing_model_is_e504_and_rules_only_still_runs(tmp_path, monkeypatch):
    from presslint.nlp import load_pipeline

    monkeypatch.setenv("PRESSLINT_MODELS", str(tmp_path))
    with pytest.raises(PresslintError, match="E504"):
        load_pipeline(pipeline_options(Settings(store=False)))
    nlp = load_pipeline(pipeline_options(Settings(store=False, learned=dict(RULES_ONLY))))
    doc = nlp("Officials said the bridge would reopen on Monday.")
    assert doc._.pl_learned == [] and doc._.pl_quotes


@pytest.mark.parametrize(
    "text, word_labels, expected",
    [
        # punctuation glued to a word is a word of its own: the last word of a content keeps its label
        ("He said rates will rise.", ["O", "O", "B-content", "I-content", "I-content", "O"], "rates will rise"),
        ('"We won," she said.', ["O", "B-content", "I-content", "O", "O", "O", "O", "O"], "We won"),
    ],
)
def test_learned_decoding_keeps_the_word_before_glued_punctuation(text, word_labels, expected):
    import re

    offsets = np.array([m.span() for m in re.finditer(r"\w+|[^\w\s]", text)])
    assert len(offsets) == len(word_labels)
    probs = np.full((len(offsets), len(ATTRIBUTION_LABELS)), 0.02)
    for row, label in zip(probs, word_labels):
        row[ATTRIBUTION_LABELS.index(label)] = 0.9
    probs /= probs.sum(axis=1, keepdims=True)
    spans = decode_bio(text, offsets, probs, ATTRIBUTION_LABELS, start_penalty=1.0)
    assert [text[s:e] for kind, s, e, _ in spans if kind == "content"] == [expected]
