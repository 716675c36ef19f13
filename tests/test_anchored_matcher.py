"""AnchoredMatcher gives exactly the matches of spaCy's Matcher run over the whole doc."""

import pytest
import spacy
from spacy.matcher import Matcher

from presslint.nlp.anchored import AnchoredMatcher, _max_length

PATTERNS = {
    "SUPER": [
        [
            {"LOWER": "the"},
            {"LOWER": {"IN": ["worst", "biggest"]}},
            {"IS_PUNCT": False, "OP": "{0,3}"},
            {"LOWER": "ever"},
        ],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["worst", "biggest"]}}, {"LOWER": "in"}, {"LOWER": "history"}],
    ],
    "SLOGAN": [
        [
            {"LOWER": {"IN": ["down", "death"]}},
            {"LOWER": {"IN": ["to", "with"]}},
            {"LOWER": "the", "OP": "?"},
            {"IS_TITLE": True},
        ]
    ],
    "SINCE": [[{"LOWER": "since"}, {"LIKE_NUM": True}, {"LOWER": {"IN": ["years", "days"]}}]],
}

TEXTS = [
    "It was the worst storm ever, and the biggest flood in history hit the worst town of all ever.",
    "The crowd chanted down with the Mayor and death to Tyranny; down with the Mayor again.",
    "He has lived here since 12 years and since three days; the biggest the worst ever ever.",
    "the worst ever",
    "Nothing here matches at all.",
    "the the the worst worst, ever ever ever since 5 years",
]


@pytest.mark.parametrize("text", TEXTS)
def test_anchored_matcher_same_matches_as_matcher(text):
    nlp = spacy.blank("en")
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for key, patterns in PATTERNS.items():
        plain.add(key, patterns)
        anchored.add(key, patterns)
    doc = nlp(text)
    assert sorted(anchored(doc)) == sorted(plain(doc))


def test_anchored_matcher_unanchored_pattern_runs_everywhere():
    nlp = spacy.blank("en")
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("NUM", [[{"LIKE_NUM": True}, {"LOWER": "years"}]])
    assert [(s, e) for _, s, e in anchored(nlp("after 12 years and 3 years"))] == [(1, 3), (4, 6)]


@pytest.mark.parametrize(
    ("pattern", "length"),
    [
        ([{"LOWER": "a"}, {"OP": "{0,3}"}, {"LOWER": "b"}], 5),
        ([{"LOWER": "a"}, {"OP": "{2}"}], 3),
        ([{"LOWER": "a"}, {"OP": "?"}], 2),
        ([{"LOWER": "a"}, {"OP": "*"}], None),
        ([{"LOWER": "a"}, {"OP": "{2,}"}], None),
    ],
)
def test_anchored_matcher_max_length(pattern, length):
    assert _max_length(pattern) == length
