"""Counts in real copy: NUM002 and a whole cut by a spaced thousands separator ('3, 200'), NUM001 and a part of
the group ('five of the donors')."""

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


def _num001(parse, text):
    return [f for f in parse(text)._.pl_findings if f.code == "NUM001"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people in the market. Five of the people killed in the attack were children.",
        "The factory dismissed 300 workers in the spring. Forty of those workers dismissed were rehired in May.",
    ],
)
def test_quantities_part_of_the_group_is_no_conflicting_count(parse, text):
    assert not _num001(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people in the market. The 15 people killed in the attack were buried in a mass grave.",
        "The factory dismissed 300 workers in the spring. Union leaders condemned the decision to dismiss 450 workers.",
    ],
)
def test_quantities_conflicting_counts_beside_partitives_still_fire(parse, text):
    assert len(_num001(parse, text)) == 1
