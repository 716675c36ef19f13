"""LNG002 'hoax' and 'sham': a fact-check's verdict on a piece of media is not a loaded label; on a policy it is."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _lng002(parse, text):
    return [f.span.text.lower() for f in parse(text)._.pl_findings if f.code == "LNG002"]


@pytest.mark.parametrize(
    "text",
    [
        "The picture of the giant squid turned out to be a hoax.",
        "But the story is nothing more than a hoax, the harbour master said.",
        "Reports of the sighting appear to have come from a hoax website.",
        "Internet hoax debunkers traced the video to a film studio.",
        "The viral post was a sham: the photo was taken in 2009.",
        "The actor is very much alive, despite a hoax concerning his death.",
        "The hoax spread quickly on social media before the agency denied it.",
    ],
)
def test_language_verdicts_on_media_are_not_loaded(parse, text):
    assert not _lng002(parse, text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Climate change is a hoax invented to raise taxes.", "hoax"),
        ("The impeachment is a sham and everyone knows it.", "sham"),
        ("This sham inquiry must end before the election.", "sham"),
        ("The pandemic was a hoax from the start.", "hoax"),
        ("Voters are tired of the climate hoax.", "hoax"),
        ("He dismissed the inquiry as a hoax.", "hoax"),
        ("Democrats pushed their hoax for three years.", "hoax"),
    ],
)
def test_language_verdicts_on_policies_and_events_still_fire(parse, text, word):
    assert word in _lng002(parse, text)
