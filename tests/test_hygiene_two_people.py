"""HYG003 on two people (a round-5 false-alarm kind): a surname standing alone belongs to the full names the
article writes it with, so 'Don Regan' is not a spelling of a 'Reagan' the article names as 'Nancy Reagan'. Real
variants of one person's name still fire. Sentences written for the project."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _hyg003(parse, text: str) -> list:
    return [f for f in parse(text)._.pl_findings if f.code == "HYG003"]


TWO_PEOPLE = [
    "Nancy Reagan guarded her husband's schedule closely. Reagan's aides learned to fear her. Former Reagan chief of "
    "staff Don Regan, who died in 2003, knew all about that: he was fired after clashing with her.",
    "Senator Ellen Carlson ran her office with a firm hand. Carlson's staff rarely spoke to the press. Her former "
    "campaign manager, Dean Carlsen, said she read every memo herself.",
    "Coach Peter Jansen praised his players. Jansen's captain, Ole Janssen, scored twice, and Janssen said the win "
    "mattered.",
    "Tom Kowalski opened his campaign on Monday. Anna Kowalsky, his rival, said he would lose.",
]


@pytest.mark.parametrize("text", TWO_PEOPLE)
def test_hygiene_two_people_with_alike_surnames_are_not_one_spelling(parse, text):
    assert _hyg003(parse, text) == []


ONE_PERSON = [
    # a lone surname the article never writes with another first name
    ('Mayor Tom Kowalski opened his campaign on Monday. "We will win," Kowalsky said.', "Kowalsky"),
    (
        "Senator Ellen Carlson ran her office with a firm hand. Her staff rarely spoke to the press, Carlsen said.",
        "Carlsen",
    ),
    # the same first name with two spellings of the surname
    ("Nancy Reagan guarded her husband's schedule closely. Aides learned to fear Nancy Regan.", "Nancy Regan"),
]


@pytest.mark.parametrize("text, span", ONE_PERSON)
def test_hygiene_one_person_spelled_two_ways_still_fires(parse, text, span):
    assert [f.span.text for f in _hyg003(parse, text)] == [span]
