"""MTA002 on copy glued together: no space after a closing quotation mark, two sentences written as one word, and
dashes spaced on one side only."""

from __future__ import annotations

import pytest

from presslint.analyzers.translation import find_dash_spacing, find_run_together, find_unbalanced

GLUED_QUOTES = [
    # (text, the glued place: closing mark and the next character)
    ("“We will rebuild every bridge in this county!”Then the governor left the stage.", "”T"),
    ("The coach was blunt. “Nobody works harder than this team.”Fans cheered as the players walked out.", "”F"),
    ("“Prices will fall next year,”Economists at the bank were less sure.", "”E"),
    ("“Are we safe here?”Residents asked the same question all week.", "”R"),
    # two quotations run together with no space between them
    ("“The bridge is unsafe.”“It should close tomorrow,” the engineer said.", "”“"),
    ('"We were never told about the spill."Local farmers said the water turned brown.', '"L'),
    ('The mayor said: "The budget is balanced."Critics disagreed.', '"C'),
]

QUOTES_SPACED_OR_NOT_GLUED = [
    "“We will rebuild every bridge in this county!” Then the governor left the stage.",
    "“The bridge is unsafe.” “It should close tomorrow,” the engineer said.",
    "He called it “the Apprentice”s best season, and the network agreed.",  # a lower-case letter after the mark
    "The show “Lost”In its third season, the ratings fell.",  # no stop or comma inside the mark: not a sentence
    "She is 5'10\"Tall and fast, the scout wrote.",  # inches
    "“Yes,” he said. “No,” she said.",
    "The sign read “CLOSED.”\n\nPolice arrived an hour later.",
]


@pytest.mark.parametrize("text, glued", GLUED_QUOTES)
def test_translation_missing_space_after_closing_quote_fires(text, glued):
    found = [f for f in find_unbalanced(text) if f.evidence["kind"] == "no-space-after-quote"]
    assert [f.evidence["matched"] for f in found] == [glued]
    assert found[0].message == "no space after the closing quotation mark"


@pytest.mark.parametrize("text", QUOTES_SPACED_OR_NOT_GLUED)
def test_translation_spaced_or_unglued_quotes_stay_quiet(text):
    assert not [f for f in find_unbalanced(text) if f.evidence["kind"] == "no-space-after-quote"]


def test_translation_glued_quotes_told_once_with_all_places():
    text = "“We won!”Supporters danced. “It is over.”Nobody left. “Go home,”Police said."
    found = [f for f in find_unbalanced(text) if f.evidence["kind"] == "no-space-after-quote"]
    assert len(found) == 1
    assert found[0].message == "no space after the closing quotation mark (3 places)"
    assert [text[s.start : s.end] for s in [found[0].span, *found[0].related]] == ["”S", "”N", "”P"]


@pytest.mark.model
def test_translation_wedged_straight_mark_closes_and_is_told_as_a_missing_space(parse):
    """'plant,"Ann Lee': the straight mark closes the open quote (it is not an unclosed quote nor a mark opening a
    new one); what is wrong is the space missing after it."""
    text = '"We will keep fighting for the plant,"Ann Lee, the union chair, said on Monday.'
    found = [f for f in parse(text)._.pl_findings if f.code == "MTA002"]
    assert [(f.evidence["kind"], f.evidence["matched"]) for f in found] == [("no-space-after-quote", '"A')]


RUN_TOGETHER = [
    # (text, the glued word, how it should read)
    ("She was born and raised in a small farming townIn a statement, her lawyer said.", "townIn", "town. In"),
    ("The plant closed in the spring of that yearThe workers were never paid.", "yearThe", "year. The"),
    ("He was a reporter in ChicagoAfter that, he joined the mayor's office.", "ChicagoAfter", "Chicago. After"),
    ("Turnout was the lowest in two decadesBut officials said the count was accurate.", "decadesBut", "decades. But"),
    ("The agency stopped publishing the dataThey gave no reason for the change.", "dataThey", "data. They"),
    ("Two men were charged with arsonThree others were released without charge.", "arsonThree", "arson. Three"),
]

RUN_TOGETHER_NEAR_MISSES = [
    "Her LinkedIn profile lists a degree in economics.",
    "The group MoveOn held a rally; MoveOn said it would hold another.",
    "He ate at McDonald's and checked his iPhone before posting on YouTube.",
    "The PowerPoint slides praised LeBron James and Ron DeSantis.",
    "Supporters chanted #FeelTheBern and #StillWithHer outside the hall.",
    "The video was posted by @NowThis on Tuesday.",
    "The page loaded https://example.com/watch?item=liveNow&The=1 twice.",
    "Call getUserThe() or setValueIn(x) in the script.",
    "In a Q&A with J.R.R. Tolkien fans, the author's grandson spoke.",
    "The list: apples, pears, plums.",
    "The startup NowThis News and the app WeWork both cut jobs.",
    "The iPadThe was a typo in the brochure, the company said.",  # head of fewer than three lower-case letters
]


@pytest.mark.parametrize("text, word, reading", RUN_TOGETHER)
def test_translation_run_together_sentences_fire(text, word, reading):
    found = list(find_run_together(text))
    assert [f.evidence["matched"] for f in found] == [word]
    assert found[0].message == f"two sentences run together with no full stop or space: '{word}' reads as '{reading}'"


@pytest.mark.parametrize("text", RUN_TOGETHER_NEAR_MISSES)
def test_translation_run_together_names_and_brands_stay_quiet(text):
    assert not list(find_run_together(text)), [f.message for f in find_run_together(text)]


def test_translation_run_together_told_once_with_all_places():
    text = "The dam held for a weekThen it broke. Rescuers came from the cityThey worked through the night."
    found = list(find_run_together(text))
    assert len(found) == 1
    assert found[0].message.endswith("(2 places)")
    assert [text[s.start : s.end] for s in [found[0].span, *found[0].related]] == ["weekThen", "cityThey"]


@pytest.mark.model
def test_translation_glued_text_reported_through_the_pipeline(parse):
    text = (
        "Flood ends\n\n“The water is going down!”Residents began to clean their homes. The river rose for a "
        "weekAfter the rain stopped, it fell again."
    )
    kinds = {f.evidence["kind"] for f in parse(text)._.pl_findings if f.code == "MTA002"}
    assert {"no-space-after-quote", "run-together"} <= kinds


DASHES = [
    # (text, the place reported)
    ("The senators pledged to fight the rule with everything they had— right up to the vote.", "had— right"),
    ("Trucks lined up at the U.S.- Canada crossing for six hours.", "U.S.- Canada"),
    ("The so- called reform plan was dropped in March.", "so- called"),
    ("Farmers blamed the schools —and the board that runs them.", "schools —and"),
    ("The bill, sponsored by Sen. Ann Lee (D- Ore.), passed on Friday.", "(D- Ore.),"),
    ("Officials denied the report- the ministry called it false.", "report- the"),
]

DASHES_FINE = [
    "The pre- and post-war economies differed sharply.",
    "Students in third- through eighth-grade classes took the test.",
    "Full- or part-time workers may apply, the notice said.",
    "The vote — and the protests that followed — shook the town.",
    "The vote—and the protests that followed—shook the town.",
    "- Schools reopen on Monday\n- Buses run as usual",
    "“I- I don't know,” she said.",  # a stammer written down
    "“We— we tried everything,” he said.",
    "A well-known, long-running dispute ended on Friday.",
    "The score was 3-1 after 90 minutes, with a 2–0 lead at half-time.",
    "Never again.— Jane Roe (@janeroe) May 4, 2019",  # a post's credit line
]


@pytest.mark.parametrize("text, place", DASHES)
def test_translation_one_sided_dash_fires(text, place):
    found = list(find_dash_spacing(text))
    assert [f.evidence["matched"] for f in found] == [place]
    assert found[0].message == "a dash or hyphen with a space on one side only"


@pytest.mark.parametrize("text", DASHES_FINE)
def test_translation_spaced_or_closed_dashes_stay_quiet(text):
    assert not list(find_dash_spacing(text)), [f.evidence for f in find_dash_spacing(text)]


def test_translation_dash_inside_an_embedded_post_is_the_posters():
    text = "The club posted a reply.\n\nWe tried— we really did.\n\nThe league did not comment."
    post = (text.index("We tried"), text.index("\n\nThe league"))
    assert list(find_dash_spacing(text))
    assert not list(find_dash_spacing(text, (post,)))
