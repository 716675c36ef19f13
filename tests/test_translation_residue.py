"""MTA001/MTA002 on scraped copy: leftover script and acronyms are not the writer's slips, real slips beside them are."""

from __future__ import annotations

import pytest

from presslint.analyzers.translation import mask_code_lines

pytestmark = pytest.mark.model


def _findings(parse, text, code):
    return [f for f in parse(text)._.pl_findings if f.code == code]


AD_SCRIPT = '<!-- ad_client = "pub-1234"; ad_width = 300; ad_format = "300x250_as"; ad_channel = "99"; //-->'
SOCIAL_SCRIPT = '(function(d, s, id) { var js = d.createElement(s); js.src = "//cdn.example.net/sdk.js"; }(document));'
TRACKER = (
    'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag("js", new Date());'
)


@pytest.mark.parametrize("script", [AD_SCRIPT, SOCIAL_SCRIPT, TRACKER])
def test_translation_residue_script_lines_are_not_broken_punctuation(parse, script):
    text = f"The council approved the budget on Tuesday.\n\n{script}\n\nThe vote was 7 to 2, the clerk said."
    assert not _findings(parse, text, "MTA002"), [f.message for f in _findings(parse, text, "MTA002")]


@pytest.mark.parametrize(
    "prose, words",
    [
        ('The mayor said "we will rebuild, and the budget (which passed on Monday covers it.', "("),
        ("Residents voted = yes; the turnout was high ; officials said.", " ;"),
        ('Officials said the ad "reads = wrong; twice = bad; and never closed.', '"'),
    ],
)
def test_translation_residue_prose_with_code_like_marks_still_fires(parse, prose, words):
    text = f"{prose}\n\n{AD_SCRIPT}"
    found = _findings(parse, text, "MTA002")
    assert any(words.strip() in f.span.text for f in found), [f.span.text for f in found]


def test_translation_residue_mask_keeps_offsets():
    text = f"Prose line.\n{AD_SCRIPT}\nMore prose."
    masked = mask_code_lines(text)
    assert len(masked) == len(text) and masked.startswith("Prose line.\n") and masked.endswith("\nMore prose.")
    assert not masked.split("\n")[1].strip()


@pytest.mark.parametrize(
    "text",
    [
        "IS is now in control of large parts of the province, the governor said.",
        "Officials at the WHO who spoke on Monday said the outbreak was slowing.",
        "The IT it hired last year has already replaced the servers.",
        "Everything the US us citizens were promised has been delayed, the senator said.",
    ],
)
def test_translation_residue_acronym_then_its_word_is_not_a_doubled_word(parse, text):
    assert not _findings(parse, text, "MTA001"), [f.span.text for f in _findings(parse, text, "MTA001")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("IS IS now in control of large parts of the province.", "IS IS"),
        ("The WHO said the the outbreak was slowing.", "the the"),
        ("Officials from the the US said nothing.", "the the"),
    ],
)
def test_translation_residue_doubles_beside_acronyms_still_fire(parse, text, words):
    found = _findings(parse, text, "MTA001")
    assert any(f.span.text == words for f in found), [f.span.text for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands staged a sit-in in the name of reform.",
        "The team held a weigh-in in the gym before the fight.",
        "Love from all of us, Ann x x",
        "The grid runs from A to F, with rows A B C marked in red.",
    ],
)
def test_translation_residue_hyphen_ends_and_letters_are_not_doubled_words(parse, text):
    assert not _findings(parse, text, "MTA001"), [f.span.text for f in _findings(parse, text, "MTA001")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("The judge paid a a fee before the hearing.", "a a"),
        ("Then i i said it again, the witness wrote.", "i i"),
        ("The protest turned into into a sit-in outside the hall.", "into into"),
    ],
)
def test_translation_residue_real_doubles_near_hyphens_still_fire(parse, text, words):
    found = _findings(parse, text, "MTA001")
    assert any(f.span.text.lower() == words for f in found), [f.span.text for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "\"What I see is what traders call 'a flight to safety,' \" he said on Monday.",
        "\"They treat it like, 'Oh, this matters,' \" the organiser said at the rally.",
        '"It is a disgrace that he is doing this, " the senator said.',
    ],
)
def test_translation_residue_closing_mark_after_a_space_closes(parse, text):
    assert not _findings(parse, text, "MTA002"), [f.message for f in _findings(parse, text, "MTA002")]


@pytest.mark.parametrize(
    "text",
    ['The mayor said, "We will rebuild the bridge.', 'He told them, "Yes and no, and nothing else on Monday.'],
)
def test_translation_residue_unclosed_quotes_after_a_comma_still_fire(parse, text):
    assert any("never closed" in f.message for f in _findings(parse, text, "MTA002"))
