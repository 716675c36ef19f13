"""Propositions, polarity and alignment read from the parse (presslint.analyzers.semantics)."""

from __future__ import annotations

import pytest

from presslint.nlp import semantics


@pytest.fixture(scope="module")
def light_nlp(bare_nlp):
    """The model plus the newline splitter only: semantics reads nothing other analyzers write."""
    return bare_nlp


def props_of(nlp, sentence: str) -> list[semantics.Proposition]:
    sent = next(iter(nlp(sentence).sents))
    return semantics.sentence_propositions(sent, 0)


def first(nlp, sentence: str, predicate: str) -> semantics.Proposition:
    found = [p for p in props_of(nlp, sentence) if p.predicate == predicate]
    assert found, [(p.predicate, p.text) for p in props_of(nlp, sentence)]
    return found[0]


def test_semantics_lexicon_relations():
    lex = semantics.lexicon()
    assert lex.relation("end", "continue") == "antonym"
    assert lex.relation("withdraw", "stay") == "antonym"
    assert lex.relation("rise", "fall") == "antonym"
    assert lex.relation("approve", "reject") == "antonym"
    assert lex.relation("rise", "climb") == "synonym"
    assert lex.relation("rise", "approve") is None
    assert lex.nominals["withdrawal"] == "withdraw"


@pytest.mark.parametrize(
    "sentence, predicate, positive, reason",
    [
        ("The factory will not close next year.", "close", False, "'not'"),
        ("The ministry denied that troops had withdrawn from the border.", "withdraw", False, "denied"),
        ("The company has yet to approve the merger.", "approve", False, "yet to"),
        ("No withdrawal of troops has taken place.", "withdraw", False, "'no' withdrawal"),
        ("The union refused to accept the pay offer.", "accept", False, "refused"),
        ("The striker never scored for the club.", "score", False, "'never'"),
        ("The bank raised interest rates on Thursday.", "raise", True, None),
        ("Officials said the trial of the vaccine had ended.", "end", True, None),
    ],
)
def test_semantics_polarity_table(light_nlp, sentence, predicate, positive, reason):
    prop = first(light_nlp, sentence, predicate)
    assert prop.positive is positive
    assert prop.hedge is None
    if reason:
        assert any(reason in r for r in prop.reasons), prop.reasons


@pytest.mark.parametrize(
    "sentence, predicate",
    [
        ("Talks may collapse if no deal is reached.", "collapse"),
        ("Investors hope the central bank will cut rates.", "cut"),
        ("It is unclear whether the plant will reopen.", "reopen"),
        ("The minister did not deny that the hospital would close.", "close"),
    ],
)
def test_semantics_hedged_statements(light_nlp, sentence, predicate):
    assert first(light_nlp, sentence, predicate).hedge is not None


def test_semantics_speaker_from_attribution_verb(light_nlp):
    prop = first(light_nlp, "Union leaders said the strike would continue.", "continue")
    assert prop.speaker == "Union leaders"


@pytest.mark.parametrize(
    "left, right, stance",
    [
        ("The troops will withdraw from the region.", "The troops will stay in the region.", "conflict"),
        ("The talks collapsed.", "The talks will continue.", "conflict"),
        ("The factory will not close.", "The factory will close.", "conflict"),
        # copular 'stay open' is read through its adjective: 'open' agrees with 'not close'
        ("The factory will not close.", "The factory will stay open.", "agree"),
        ("The strike will not end.", "The strike will continue.", "agree"),
        ("The council approved the budget.", "The council passed the budget.", "agree"),
    ],
)
def test_semantics_alignment_stance(light_nlp, left, right, stance):
    p, q = props_of(light_nlp, left)[0], props_of(light_nlp, right)[0]
    alignment = semantics.align(p, q)
    assert (alignment.stance if alignment else None) == stance


@pytest.mark.parametrize(
    "left, right",
    [
        ("Shares rose in Tokyo.", "Shares fell in London."),  # different places
        (
            "Prices rose on Monday.",
            "Prices fell on Friday.",
        ),  # different days
        ("Apple shares rose sharply.", "Microsoft shares fell sharply."),  # different subjects
        ("The champions won the final.", "The champions lost the replay."),  # different objects
        ("Police found weapons in the car.", "Police did not find weapons in the house."),  # different places
    ],
)
def test_semantics_different_events_do_not_align(light_nlp, left, right):
    p, q = props_of(light_nlp, left)[0], props_of(light_nlp, right)[0]
    assert semantics.align(p, q) is None
