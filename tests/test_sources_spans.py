"""Attribution span shapes: where a speaker phrase ends, contents in two parts, split quotations across a full stop.

The spans feed the report's quotes, the "who is quoted" table and SRC findings, and are scored against PolNeAR's
conventions by ``presslint eval attribution``."""

from __future__ import annotations

import pytest

from presslint.analyzers.sources import analyze, find_attributions

pytestmark = pytest.mark.model


def _one(parse, text):
    found = find_attributions(parse(text, date="2021-12-11"))
    assert len(found) == 1, [(a.quote.cue.text, a.quote.content.text) for a in found]
    return found[0]


# --------------------------------------------------------------------------------------------- speaker boundaries
@pytest.mark.parametrize(
    "text, speaker",
    [
        # when and where it was said is not who said it
        ("The governor at the time said the plant would stay open.", "The governor"),
        ("Trump, in Kentucky, said the race was over.", "Trump"),
        ("The mayor, speaking to reporters, said the bridge would reopen in May.", "The mayor"),
        ("Ms. Ortiz, at a rally in Tucson, said the wall would never be built.", "Ms. Ortiz"),
        # a focus word in front belongs to the writer
        ("Even the organizer of the rally said the city's rules were unfair.", "the organizer of the rally"),
        ("Both Ms. Ortiz and Mr. Lee said the vote had been fair.", "Ms. Ortiz and Mr. Lee"),
        # a dateline before a dash is where the story was filed, not who spoke
        ("NAIROBI -- Health Minister Grace Achieng said the clinics would reopen.", "Health Minister Grace Achieng"),
        ("LIMA - Local officials said the road had been cleared.", "Local officials"),
        # what says who the speaker is stays
        (
            "Stephen Vladeck of the University of Texas said the law was clear.",
            "Stephen Vladeck of the University of Texas",
        ),
        ("A nurse, who asked not to be named, said the ward was full.", "A nurse, who asked not to be named"),
        (
            "Voters who care most about the economy said the tax plan was unfair.",
            "Voters who care most about the economy",
        ),
        ("Officials from the 2012 campaign said the strategy had failed.", "Officials from the 2012 campaign"),
    ],
)
def test_sources_spans_speaker_phrase_ends_where_the_speaker_does(parse, text, speaker):
    att = _one(parse, text)
    assert att.quote.speaker is not None and att.quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a relative clause holding an attribution of its own is another claim, not who the speaker is
        ("Ms. Okafor, who argued that the levy was illegal, said the council would appeal.", "Ms. Okafor"),
        ("The treasurer, who believes the audit was rushed, said the figures would be checked again.", "The treasurer"),
        # a relative clause that says who the person is stays
        (
            "Derek Hale, who served as ambassador to Chile, said the talks would fail.",
            "Derek Hale, who served as ambassador to Chile",
        ),
    ],
)
def test_sources_spans_relative_clause_with_its_own_claim_leaves_the_speaker(parse, text, speaker):
    found = find_attributions(parse(text, date="2021-12-11"))
    said = [a for a in found if a.quote.cue.text == "said"]
    assert [a.quote.speaker.text for a in said if a.quote.speaker is not None] == [speaker]


def test_sources_spans_anonymity_asked_for_in_a_relative_clause_stays_anonymous(parse):
    doc = parse("A nurse, who asked not to be named, said the ward was full.", date="2021-12-11")
    _, sources, findings = analyze(doc)
    assert [s.kind for s in sources] == ["anonymous"]
    assert [f.code for f in findings] == ["SRC001"]


# ------------------------------------------------------------------------------------------ content in two parts
@pytest.mark.parametrize(
    "text, content, rest",
    [
        ("The plant, the manager said, will close in June.", "will close in June", "The plant"),
        ("Time, Mr. Pence added, was on their side.", "was on their side", "Time"),
        (
            "A new campaign manager, she said, could set a new tone for the race.",
            "could set a new tone for the race",
            "A new campaign manager",
        ),
        # a condition opening the reported sentence, which the parser hangs on the cue, is part of what was said
        (
            "If the talks fail, the minister said, the strike will go ahead.",
            "the strike will go ahead",
            "If the talks fail",
        ),
        (
            "Unless the bank cuts rates, the economist said, the slump will deepen next year.",
            "the slump will deepen next year",
            "Unless the bank cuts rates",
        ),
    ],
)
def test_sources_spans_parenthetical_cue_splits_the_content(parse, text, content, rest):
    att = _one(parse, text)
    assert att.quote.content.text == content
    assert att.continuation is not None and att.continuation.text == rest


@pytest.mark.parametrize(
    "text, rest",
    [
        (
            "“We will appeal,” said Ana Ruiz, the union's lawyer. “The ruling ignores the contract.”",
            "“The ruling ignores the contract.”",
        ),
        (
            "“The bridge will reopen in May,” the mayor said. “The ferry will stop running.”",
            "“The ferry will stop running.”",
        ),
        ("“Prices will rise,” the minister said, “and wages will follow.”", "“and wages will follow.”"),
    ],
)
def test_sources_spans_quotation_continues_after_the_attribution(parse, text, rest):
    att = _one(parse, text)
    assert att.continuation is not None and att.continuation.text == rest


@pytest.mark.parametrize(
    "text",
    [
        "“We will appeal,” the lawyer said. “The ruling stands,” the judge replied.",
        "“We will appeal,” the lawyer said.\n“The ruling stands.”",
    ],
)
def test_sources_spans_next_quotation_of_another_speaker_or_paragraph_is_not_a_continuation(parse, text):
    found = find_attributions(parse(text, date="2021-12-11"))
    first = found[0]
    assert first.quote.content.text == "“We will appeal,”"
    assert first.continuation is None


def test_sources_spans_report_quote_carries_the_continuation(check_text):
    report = check_text("“Prices will rise,” the minister said, “and wages will follow.”")
    (quote,) = report.quotes
    assert quote.continuation is not None and quote.continuation.text == "“and wages will follow.”"


# ------------------------------------------------------------------------------- a reporting clause ending a sentence
@pytest.mark.parametrize(
    "text, speaker, content",
    [
        (
            "Young people who take on heavy debt struggle, even with a good job, he said.",
            "he",
            "Young people who take on heavy debt struggle, even with a good job",
        ),
        (
            "The company is holding on, but it is under intense pressure from imports, said the company's chief "
            "executive, John Ferriola.",
            "the company's chief executive, John Ferriola",
            "The company is holding on, but it is under intense pressure from imports",
        ),
    ],
)
def test_sources_spans_reporting_clause_at_the_end_reports_what_comes_before(parse, text, speaker, content):
    att = _one(parse, text)
    assert (att.quote.speaker.text, att.quote.content.text) == (speaker, content)


@pytest.mark.parametrize(
    "text",
    [
        "In the Democratic race, he said.",  # no clause of its own before the comma
        "As for the campaign, the spokesman said.",
    ],
)
def test_sources_spans_fronted_adverbial_is_not_reported_content(parse, text):
    assert find_attributions(parse(text, date="2021-12-11")) == []


# ------------------------------------------------------------------------------------ headlines 'Name: statement'
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Lynch: No outside influence on the inquiry.\n\nAttorney General Loretta Lynch spoke in Washington on "
            "Tuesday.",
            "Lynch",
        ),
        (
            "Okafor: The port deal will create jobs.\n\nMayor Grace Okafor visited the harbour on Monday.",
            "Okafor",
        ),
    ],
)
def test_sources_spans_headline_speaker_named_in_the_article(parse, text, speaker):
    found = [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.cue.text == ":"]
    assert [a.quote.speaker.text for a in found] == [speaker]


def test_sources_spans_headline_topic_not_named_as_a_person_is_not_a_speaker(parse):
    text = "Harbour: The port deal will create jobs.\n\nMayor Grace Okafor visited the harbour on Monday."
    assert [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.cue.text == ":"] == []
