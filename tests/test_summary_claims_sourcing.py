"""Whether the claims list marks a claim as resting on a source (issue 11, round 10 of the claims list).

A sentence set in a named record ('In the latest Quinnipiac University poll, ...') rests on that record, as 'according
to' does; a sentence whose subject only acts ('the union endorsed the mayor in 2019') does not rest on the actor: the
claim is that the act happened, and it needs a source of its own. Verbs of saying keep their speaker as the source.
The sentences are written for these tests."""

from __future__ import annotations

import pytest


def _lines(report, claim: str):
    return [line for line in report.summary.claim_list if report.claims[line.claim].span.text.startswith(claim)]


# -- a named record the sentence is set in is its source ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "by"),
    [
        (
            "In the latest Quinnipiac University poll, conducted in May, the senator trails her challenger by 6 "
            "points among likely voters.",
            "Quinnipiac University poll",
        ),
        ("In a Monmouth University survey released Tuesday, the governor's approval fell to 38 percent.", "Monmouth"),
        ("Per FEC filings, the super PAC raised $12 million in the first quarter of 2016.", "FEC filings"),
        (
            "The county's jobless rate rose to 7.4 percent in March in a report by the Labor Department.",
            "the Labor Department",
        ),
        ("In Gallup's latest survey, the president's approval stood at 44 percent in October.", "Gallup"),
        (
            "In a Pew Research Center study published last year, 61 percent of adults backed the 2015 accord.",
            "Pew Research Center",
        ),
    ],
)
def test_summary_claims_list_named_record_frame_is_the_source(check_text, text, by):
    lines = _lines(check_text(text), text[:12])
    assert lines and lines[0].sourced
    assert by in (lines[0].by or "")


@pytest.mark.parametrize(
    "text",
    [
        "In a recent poll, the mayor led her rival by 9 points among registered voters.",  # names no pollster
        "In the first debate in 2016, Trump interrupted Clinton 51 times.",  # an event, no record
        "In an Ohio survey, 54 percent of voters opposed the 2017 tax law.",  # a place names no pollster
        "In the 2010 census, the city counted 8.2 million residents.",  # which census, by whom: not said
        # a place inside the clause, not its frame
        "A new inquiry was opened in the FBI investigation of the senator, and it could cost him the 2018 race.",
    ],
)
def test_summary_claims_list_frame_naming_no_record_stays_unsourced(check_text, text):
    lines = _lines(check_text(text), text[:12])
    assert lines and not lines[0].sourced


# -- an actor is not the source of a claim about its own act ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The former Heisman Trophy winner, who played for the Jets, endorsed Republican presidential candidate "
        "Donald Trump in 2015.",
        "The senator backed the 2017 tax law, which cut the corporate rate to 21 percent.",
        "The union endorsed the mayor in 2019, a year after he raised wages for city workers by 15 percent.",
        "The council rejected the $4 million budget on Tuesday after a 6-3 vote.",
        "Governor Lee supported the $2 billion stadium deal in 2018, months before the election.",
        "Clinton called for a ban on assault weapons after the 2016 shooting in Orlando.",
    ],
)
def test_summary_claims_list_actor_is_not_the_source_of_its_act(check_text, text):
    lines = _lines(check_text(text), text[:12])
    assert lines and not lines[0].sourced


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("Smith said the poll was wrong about the governor's 12-point lead in 2016.", "Smith"),
        ('"We won by 3 million votes in 2016," Trump said.', "Trump"),
        ("The unemployment rate fell to 3.5 percent in 2019, according to the Census Bureau.", "Census Bureau"),
        ("De Blasio also repeated his claim that the city had added 300,000 jobs since 2014.", "De Blasio"),
        ("Senator Jones praised the $40 billion aid package as the largest in a generation.", "Jones"),
        ("Mayor Ruiz blamed the 2021 storm for the outage that left 40,000 homes dark.", "Ruiz"),
        ("Governor Lee disputed the idea that crime rose 20 percent last year.", "Lee"),
        ("Trump tweeted that the Washington Post had lost $100 million in 2016.", "Trump"),
        ("Senator Warren argued that the tax would raise $2.75 trillion over ten years.", "Warren"),
        (
            "In a Gallup survey released Tuesday, 52 percent of Americans said the economy was getting worse.",
            "52 percent",
        ),
        # a commitment in words, a topic spoken of, a description: the speaker's statement
        ("Senator Sanders vowed last month to take his campaign all the way to the convention in July.", "Sanders"),
        (
            "Every day, Pope Francis spoke of the violence of the cartels and the lack of jobs for 20 million young people.",
            "Francis",
        ),
        ("Mayor Ruiz has described the 2019 budget as the city's worst in decades.", "Ruiz"),
    ],
)
def test_summary_claims_list_speaker_of_a_statement_stays_the_source(check_text, text, by):
    lines = _lines(check_text(text), text[:12])
    assert lines and lines[0].sourced
    assert by in (lines[0].by or "")


# -- the records the list reads ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue", "act"),
    [
        ("The union endorsed the mayor in 2019.", "endorsed", True),
        ("The council rejected the $4 million budget on Tuesday.", "rejected", True),
        ("Senator Jones praised the aid package as the largest in a generation.", "praised", False),
        ("The governor denied the report on Friday.", "denied", False),
        ("The mayor announced that the city would hire 500 officers.", "announced", False),
    ],
)
def test_sources_quote_act_marks_an_act_not_a_statement(check_text, text, cue, act):
    quotes = [q for q in check_text(text).quotes if q.cue.text.startswith(cue)]
    assert quotes and quotes[0].act is act


def test_sources_named_record_frame_is_an_attribution(check_text):
    report = check_text("In the latest Quinnipiac University poll, the senator trails her challenger by 6 points.")
    (quote,) = report.quotes
    assert (quote.cue.text, quote.speaker.text if quote.speaker else None, quote.content.text) == (
        "In",
        "the latest Quinnipiac University poll",
        "the senator trails her challenger by 6 points",
    )
