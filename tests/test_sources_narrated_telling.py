"""SRC001 and unnamed people telling the story's subject something at a past time of the story: they are part of the
narrated events, not the article's anonymous source. Telling the paper, reporters, 'me' or at no time of the story
still fires."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _src001(parse, text):
    return [f.span.text for f in parse(text)._.pl_findings if f.code == "SRC001"]


@pytest.mark.parametrize(
    "text",
    [
        "While he was in a county jail awaiting trial, immigration officials told him he had never been a citizen.",
        "When she applied for a passport in 2004, officials told her she had never been a citizen.",
        "In 1998, two immigration officials told Maria Diaz she would be deported.",
        "After he returned from the war, Army officials told him his discharge papers had been lost.",
    ],
)
def test_sources_narrated_telling_is_not_an_anonymous_source(parse, text):
    assert not _src001(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "Two officials told him the talks had collapsed.",  # no time of the story: him may be the reporter
        "Immigration officials told the Post he had never been a citizen.",
        "While the talks went on, two officials told reporters the deal was dead.",
        "In 2001, officials told me the deal was dead.",
        "Immigration officials told him on Tuesday that his visa had been revoked.",
        "Officials tell him the deal is dead.",
    ],
)
def test_sources_narrated_telling_near_misses_still_fire(parse, text):
    assert _src001(parse, text)
