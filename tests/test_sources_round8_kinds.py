"""Round-8 false-alarm kinds for SRC001/SRC002 (back-references to named people, a hedge sourced by the next
sentence, a scene's bystanders, a quantifier of a group just named), each with near misses that still fire."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CODES = ("SRC001", "SRC002")

NAMED_PAIR = (
    "Senate Finance Committee Chairwoman Maria Alvarez (D-Ore.) and Budget Committee Chairman Tom Hale (R-Kan.) "
    "wrote to the Treasury on Tuesday asking for the audit files.\n\nThe department has not replied. Its spokesman "
    "declined to comment on the letter.\n\n"
)


def _found(check_text, text: str) -> list[tuple[str, str]]:
    return [(f.code, f.span.text) for f in check_text(text).findings if f.code in CODES]


@pytest.mark.parametrize(
    "text",
    [
        # a counted group as many as the people named acting together before it: a back-reference
        NAMED_PAIR + 'The two lawmakers, however, argue that "the law leaves no room for delay," citing a 2009 case.',
        # 'reportedly', then the person it is about quoted in their own words in the next sentence
        "Radio host Dana Kirk reportedly got a call from the mayor's office on Friday. Kirk tweeted, \"The mayor's "
        'chief of staff told me the permit was never filed."',
        # the reporter's own view of a room: the far verb's subject is not the bystanders
        "By the 40-minute mark on Thursday night, some people were dozing and others checking their watches as he "
        "mentioned raising teacher pay (with far less energy than Mr. Ortiz's fiery plea for smaller classes) and "
        "described Mrs. Lane's plans for new housing rules.",
        # 'most' of the group the sentence has just named, not a vague crowd
        "Democratic governors face harder questions in light of the new budget outlook, since most have proposed "
        "new, large spending increases, especially for schools and roads.",
        "Democratic governors face harder questions in light of the new budget outlook. Most have argued that the "
        "cuts will hurt schools.",
    ],
)
def test_sources_round8_kinds_stay_quiet(check_text, text):
    assert _found(check_text, text) == []


@pytest.mark.parametrize(
    "text, code, span",
    [
        # one person named before, a count of two: still nobody known
        (
            "Senate Finance Committee Chairwoman Maria Alvarez (D-Ore.) wrote to the Treasury on Tuesday.\n\n"
            'The two lawmakers, however, argue that "the law leaves no room for delay," citing a 2009 case.',
            "SRC001",
            "The two lawmakers",
        ),
        # a count that differs from the people named
        (
            NAMED_PAIR + "The three lawmakers argue that the law leaves no room for delay.",
            "SRC001",
            "The three lawmakers",
        ),
        # an indefinite count asking for anonymity
        (
            NAMED_PAIR + "Two senators, who asked not to be named, say that the law leaves no room for delay.",
            "SRC001",
            "Two senators, who asked not to be named",
        ),
        # someone else quoted next: the hedge's source is still unsaid
        (
            "Radio host Dana Kirk reportedly got a call from the mayor's office on Friday. Lee Park tweeted, \"The "
            'chief of staff told me the permit was never filed."',
            "SRC002",
            "reportedly",
        ),
        (
            "Radio host Dana Kirk reportedly got a call from the mayor's office. Kirk later went on holiday.",
            "SRC002",
            "reportedly",
        ),
        # bystanders who do speak
        ("By the second hour, some people were booing and said the plan would fail.", "SRC002", "some people"),
        # 'most' of a vague group is vague; 'most' in a new paragraph has no group
        ("Critics are divided on the plan. Most have argued that the cuts will hurt schools.", "SRC002", "Most"),
        (
            "Democratic governors face harder questions.\n\nMost have argued that the cuts will hurt schools.",
            "SRC002",
            "Most",
        ),
    ],
)
def test_sources_round8_kinds_near_misses_still_fire(check_text, text, code, span):
    assert (code, span) in _found(check_text, text)
