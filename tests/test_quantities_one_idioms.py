"""NUM002 and 'one' inside a hyphened idiom ('one-time rivals' = former rivals, 'one-off', 'one-sided'): no count."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _num002(parse, text):
    return [f.span.text for f in parse(text)._.pl_findings if f.code == "NUM002"]


@pytest.mark.parametrize(
    "text",
    [
        "Trump shares the ballot with four of his one-time rivals for the nomination.",
        "Three of the one-off payments went to the same contractor, the audit found.",
        "Five of the one-sided races were called within minutes of the polls closing.",
        "Six of the one-on-one meetings were held in the governor's office.",
        "Two of the one-party states in the region held elections last year.",
    ],
)
def test_quantities_one_idioms_are_no_count(parse, text):
    assert not _num002(parse, text)


@pytest.mark.parametrize(
    "text, part",
    [
        ("Four of the one remaining rivals said they would stay in the race.", "Four"),
        ("The force has 500 soldiers: 300 American and 250 British.", "300"),
    ],
)
def test_quantities_one_idioms_a_real_whole_still_fires(parse, text, part):
    found = _num002(parse, text)
    assert found, found
