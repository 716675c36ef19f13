"""The writer disowning a claim ('That's not to suggest that ...') is not the writer making it: a learned span inside
the content of a negated verb of claiming is no loaded language in the writer's own voice (issue 11). Sentences
written for the project."""

from __future__ import annotations

import pytest

from presslint.analyzers import voice

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence, words, disowned",
    [
        ("That's not to suggest that the mayor's speeches are making voters angry.", "the mayor's speeches", True),
        ("This does not mean the governor's plan has failed.", "the governor's plan has failed", True),
        ("I am not saying the senator is corrupt, only that the donations need an answer.", "the senator is", True),
        ("The mayor's speeches are making voters angry.", "The mayor's speeches", False),
        ("Critics suggest that the mayor's speeches are making voters angry.", "the mayor's speeches", False),
        ("The mayor did not attend the meeting because the plan had failed.", "the plan had failed", False),
    ],
)
def test_voice_disclaimed_claim_is_not_the_writers(bare_nlp, sentence, words, disowned):
    doc = bare_nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert voice.disclaimed(span) is disowned


def test_voice_learned_span_never_joins_a_headline_to_its_dek(check_text):
    text = (
        "Why the mayor wants the aid of a lame duck\n\nIs the governor being naive - or cunning?\n\nThe mayor met the "
        "outgoing governor on Monday to discuss the budget for the new bridge."
    )
    spans = [f.span.text for f in check_text(text).findings if f.code == "LNG012"]
    assert not [s for s in spans if "\n" in s.strip()], spans
