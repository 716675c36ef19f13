"""HYG004 extraction residue: photo credits and layout labels left as paragraphs, pointers to pictures the text lacks."""

from __future__ import annotations

import pytest

from presslint.analyzers.hygiene import find_extraction_residue

BODY = "The council voted on Tuesday to close the old bridge.\n\n"
AFTER = "\n\nRepairs will take two years, the engineer said."

RESIDUE = [
    # (paragraph, kind)
    ("Getty Images", "credit"),
    ("Getty.", "credit"),
    ("AP Photo/Jane Roe", "credit"),
    ("(AP Photo/Jane Roe, File)", "credit"),
    ("Jane Roe/AFP/Getty Images", "credit"),
    ("Photo: John Doe/Reuters", "credit"),
    ("Image: Shutterstock", "credit"),
    ("Advertisement", "label"),
    ("ADVERTISEMENT", "label"),
    ("Story continues below", "label"),
    ("Continue reading the main story", "label"),
    ("ABSTRACT.", "label"),
    ("FULL TEXT.", "label"),
    ("Scroll down for video", "label"),
    ("Watch the video below.", "media"),
    ("Watch a short clip of the hearing above.", "media"),
    ("The photos above show the bridge before the collapse.", "media"),
    ("Residents shared the footage below with the station.", "media"),
    ("The engineer pointed to cracks visible in the above image.", "media"),
]

NOT_RESIDUE = [
    "Reuters",  # a wire name alone may be the byline
    "AFP",
    "By Jane Roe, Associated Press",
    "Getty Images said on Monday that it would cut 300 jobs.",  # the company as a subject
    "The photo agency AP Photo/Wide World licensed the image in 1962, court papers show.",
    "A photographer for Getty Images was injured in the crowd.",
    "See below for the full list of closures.",  # a pointer to text, which the text holds
    "That quote above is the one the mayor later denied.",
    "Advertisement revenue fell by a third last year.",
    "The advertisement ran in three newspapers.",
    "Read more than 40 pages of the report and you find the same claim.",
    "Related reports are due next month.",
    "Water levels below the dam rose above the 2011 mark.",
    "Watch the skies above the city tonight for the meteor shower.",
]


@pytest.mark.parametrize("paragraph, kind", RESIDUE)
def test_hygiene_residue_fires(paragraph, kind):
    found = list(find_extraction_residue(BODY + paragraph + AFTER))
    assert [f.evidence["kind"] for f in found] == [kind]
    assert found[0].code == "HYG004" and found[0].severity == "info"
    assert found[0].message.startswith("Extraction residue: ")


@pytest.mark.parametrize("paragraph", NOT_RESIDUE)
def test_hygiene_residue_stays_quiet(paragraph):
    found = list(find_extraction_residue(BODY + paragraph + AFTER))
    assert not found, [f.message for f in found]


def test_hygiene_residue_one_finding_per_kind_with_all_places():
    text = "Getty.\n\nThe mayor spoke on Monday.\n\nGetty.\n\nShe left at noon.\n\nGetty Images\n\nAdvertisement"
    found = {f.evidence["kind"]: f for f in find_extraction_residue(text)}
    assert set(found) == {"credit", "label"}
    credit = found["credit"]
    assert credit.message == (
        "Extraction residue: a photo credit stands as its own paragraph (the picture is gone) ('Getty.', 3 places)"
    )
    assert [text[s.start : s.end] for s in [credit.span, *credit.related]] == ["Getty.", "Getty.", "Getty Images"]
    assert found["label"].related == []


def test_hygiene_residue_headline_is_not_read():
    text = "Advertisement\n\nThe council met on Monday."
    assert not list(find_extraction_residue(text, body_start=len("Advertisement\n\n")))


@pytest.mark.model
def test_hygiene_residue_in_the_report(check_text):
    report = check_text(
        "Bridge closes\n\nThe council voted to close the bridge.\n\nAP Photo/Jane Roe\n\nIt reopens in May."
    )
    found = [f for f in report.findings if f.code == "HYG004"]
    assert len(found) == 1 and found[0].name == "extraction-residue"
