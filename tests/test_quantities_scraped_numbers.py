"""NUM002 on scraped copy: a thousands separator with a stray space ('3, 200') cuts the whole in two."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _num002(parse, text):
    return [f.span.text for f in parse(text)._.pl_findings if f.code == "NUM002"]


@pytest.mark.parametrize(
    "text",
    [
        "So far, only 800 of the 3, 200 sorties over the region involved dropping bombs.",
        "Just 450 of the 1, 250 applicants were offered a place this year.",
    ],
)
def test_quantities_split_thousands_whole_is_not_compared(parse, text):
    assert not _num002(parse, text)


@pytest.mark.parametrize(
    "text, part",
    [
        ("So far, only 800 of the 320 sorties over the region involved dropping bombs.", "800"),
        ("Just 450 of the 250 applicants were offered a place, 12, 000 more were turned away.", "450"),
    ],
)
def test_quantities_part_over_a_plain_whole_still_fires(parse, text, part):
    assert part in _num002(parse, text)
