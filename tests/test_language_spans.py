"""LNG001 spans: a hyphenated modifier is quoted whole in the span and the message."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, span",
    [
        (
            "In April it emerged that the cheese-loving despot had ordered three officials to a course.",
            "cheese-loving despot",
        ),
        ("Witnesses said the killing by a London-accented zealot was filmed.", "London-accented zealot"),
        ("The eco-zealots behind the plan met on Monday.", "eco-zealots"),
    ],
)
def test_language_spans_hyphenated_modifier_is_whole(parse, text, span):
    found = [f for f in parse(text)._.pl_findings if f.code == "LNG001"]
    assert [f.span.text for f in found] == [span]
    assert f"'{span}'" in found[0].message
