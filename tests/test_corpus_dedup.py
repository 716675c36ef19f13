"""MinHash near-duplicates and the story membership rule, on sentences written for the tests."""

from __future__ import annotations

import pytest

from presslint.corpus import dedup, stories

WIRE = (
    "The regional water authority said on Thursday that reservoir levels had fallen to 41 percent of capacity "
    "after the driest spring in three decades, and that a hosepipe ban would start next Monday for about two "
    "million households. Officials urged residents to take shorter showers and to report leaks, while farmers "
    "warned that crops in the eastern valleys could fail without rain before July. The authority said it was "
    "bringing forward work on a new pipeline from the northern lakes, which had been planned for next year."
)


@pytest.mark.parametrize(
    "variant, copy",
    [
        (WIRE + " Reporting by the Valley Gazette.", True),
        (WIRE.replace("on Thursday", "late on Thursday"), True),
        ("Valley Gazette - " + WIRE.replace("shorter showers", "short showers"), True),
        (
            "Farmers in the eastern valleys fear for their crops as reservoirs run low. The water authority will impose a "
            "hosepipe ban from Monday, affecting two million homes, after levels fell to 41 percent. Critics say the "
            "authority should have fixed leaking mains years ago instead of delaying the northern lakes pipeline.",
            False,
        ),
    ],
)
def test_corpus_dedup_light_edits_are_copies(variant, copy):
    sim = dedup.similarity(dedup.signature(WIRE), dedup.signature(variant))
    assert (sim >= dedup.SYNDICATION_THRESHOLD) is copy, sim


def test_corpus_dedup_band_keys_find_copies():
    a, b = dedup.signature(WIRE), dedup.signature(WIRE + " Reporting by the Valley Gazette.")
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(b))
    assert len(dedup.band_keys(a)) == dedup.bands_rows()[0]
    assert dedup.from_blob(dedup.to_blob(a)).tolist() == a.tolist()


@pytest.mark.parametrize(
    "cosine, shared, has_entities, joins",
    [
        (0.70, 2, True, True),
        (0.50, 1, True, True),
        (0.40, 3, True, False),  # same names, different subject
        (0.80, 0, True, False),  # similar wording, no shared name
        (0.80, 0, False, True),  # an article naming nobody needs a high cosine
        (0.60, 0, False, False),
    ],
)
def test_corpus_stories_membership_rule(cosine, shared, has_entities, joins):
    assert stories.qualifies(cosine, shared, has_entities) is joins
    assert 0.0 <= stories.membership_score(cosine, shared) <= 1.0


def test_corpus_stories_window():
    assert stories.window("2024-03-04", 7) == ("2024-02-26", "2024-03-11")
