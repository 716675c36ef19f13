"""HED005: a headline quotation the body gives hyphenated ('doom and despair' / 'doom-and-despair tour') is in it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _hed005(parse, text):
    return [f.span.text for f in parse(text)._.pl_findings if f.code == "HED005"]


@pytest.mark.parametrize(
    "text",
    [
        'Mayor slams rivals’ ‘doom and despair’ on jobs\n\nThe mayor attacked what he called "their doom-and-despair '
        'tour" at a rally on Monday.',
        'Coach hails ‘never say die’ spirit\n\nThe coach praised the players\' "never-say-die attitude" after the win.',
    ],
)
def test_headline_quote_hyphenated_in_body_is_supported(parse, text):
    assert not _hed005(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor slams rivals’ ‘doom and despair’ on jobs\n\nThe mayor attacked his rivals at a rally on Monday. "
        '"They offer nothing," he said.',
        'Coach hails ‘never say die’ spirit\n\nThe coach praised the players after the win. "They were brave," he said.',
    ],
)
def test_headline_quote_absent_from_body_still_fires(parse, text):
    assert _hed005(parse, text)
