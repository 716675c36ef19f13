"""Tests for presslint.analyzers.dates: normalisation against the publication date and the DAT rules."""

from __future__ import annotations

import datetime as dt

import pytest

from presslint.analyzers.dates import normalise

PUB = "2021-12-11"  # a Saturday


def _dates(doc):
    return {d.span.text: d for d in doc._.pl_dates}


def _codes(doc, prefix="DAT"):
    return [f.code for f in doc._.pl_findings if f.code.startswith(prefix)]


@pytest.mark.parametrize(
    "sentence, expression, value, granularity",
    [
        ("Unemployment fell to 4.2% in January 2020, the statistics office said.", "January 2020", "2020-01", "month"),
        ("Russian troops were first deployed to the region in 2014.", "2014", "2014", "year"),
        (
            "The central bank raised rates on 3 March 2021 for the first time in a decade.",
            "3 March 2021",
            "2021-03-03",
            "day",
        ),
        ("Voters went to the polls on November 3, 2020 in record numbers.", "November 3, 2020", "2020-11-03", "day"),
        ("The minister resigned last Thursday after weeks of pressure.", "last Thursday", "2021-12-09", "day"),
        ("Health officials confirmed the first case on Thursday.", "Thursday", "2021-12-09", "day"),
        ("The striker was injured in training yesterday.", "yesterday", "2021-12-10", "day"),
        ("The ceasefire collapsed two weeks ago.", "two weeks ago", "2021-11-27", "day"),
        ("The airline expects to resume flights next month.", "next month", "2022-01", "month"),
        ("The company promised to close the plant by the end of 2021.", "the end of 2021", "2021-12-31", "day"),
        ("Work on the dam started in early 2019.", "early 2019", "2019", "year"),
        ("Inflation was far lower in the 1990s.", "the 1990s", "199", "decade"),
        ("The club was relegated last year.", "last year", "2020", "year"),
        ("Floods hit the coast on Dec. 3rd, 2020, officials said.", "Dec. 3rd, 2020", "2020-12-03", "day"),
    ],
)
def test_dates_normalised_against_publication_date(parse, sentence, expression, value, granularity):
    found = _dates(parse(sentence, date=PUB))
    assert expression in found, list(found)
    assert (found[expression].value, found[expression].granularity) == (value, granularity)


# PUB is Saturday 11 December 2021. The date's own verb decides past or future, not another clause's modal.
@pytest.mark.parametrize(
    "sentence, expression, value",
    [
        ("The mayor visited the harbour on Monday and said the council would rebuild it.", "Monday", "2021-12-06"),
        ("Police arrested two men on Wednesday and warned that more arrests could follow.", "Wednesday", "2021-12-08"),
        ("The union has met the minister on Thursday, and it says talks will continue.", "Thursday", "2021-12-09"),
        (
            "The firm had 900 staff at the end of September, and it would hire more.",
            "the end of September",
            "2021-09-30",
        ),
        ("The minister will visit the harbour on Monday, her office said.", "Monday", "2021-12-13"),
        ("The talks are scheduled to resume on Wednesday, officials said on Friday.", "Wednesday", "2021-12-15"),
        ("Officials said on Friday that the talks would resume next week.", "Friday", "2021-12-10"),
    ],
)
def test_dates_tense_of_the_dates_own_verb(parse, sentence, expression, value):
    found = _dates(parse(sentence, date=PUB))
    assert found[expression].value == value


def test_dates_end_of_year_has_note(parse):
    found = _dates(parse("The government pledged to withdraw all forces by the end of 2021.", date=PUB))
    assert "end of" in (found["the end of 2021"].note or "")


def test_dates_same_day_resolves_to_previous_day(parse):
    doc = parse("Rebels attacked the town on 4 June 2021. Government jets struck back the same day.", date=PUB)
    same = next(d for d in doc._.pl_dates if "same day" in d.span.text)
    assert same.value == "2021-06-04"
    assert "4 June 2021" in same.note


@pytest.mark.parametrize(
    "sentence",
    [
        "The company has been losing money for three months.",
        "The talks ended after seven years of negotiation.",
        "The drought has lasted nearly 30 years in some regions.",
    ],
)
def test_dates_durations_are_not_dates(parse, sentence):
    assert parse(sentence, date=PUB)._.pl_dates == []


@pytest.mark.parametrize(
    "sentence, expression",
    [
        ("The minister resigned last Thursday.", "last Thursday"),
        ("The striker was injured in training yesterday.", "yesterday"),
        ("The ceasefire collapsed two weeks ago.", "two weeks ago"),
    ],
)
def test_dates_relative_unresolved_without_pubdate(parse, sentence, expression):
    found = _dates(parse(sentence, date=None))
    assert found[expression].value is None
    assert "no publication date" in found[expression].note


def test_dates_absolute_resolved_without_pubdate(parse):
    found = _dates(parse("The referendum was held in June 2016.", date=None))
    assert found["June 2016"].value == "2016-06"


def test_dates_normalise_is_cheap_for_simple_forms():
    pub = dt.date(2021, 12, 11)
    assert normalise("in 2014", pub).value == "2014"
    assert normalise("seven years", pub) == (7.0, "year", None)


@pytest.mark.parametrize(
    "text",
    [
        "In March 2015, following the May 2016 referendum, the prime minister resigned.",
        "The league suspended the club in January 2018 after the match-fixing scandal of August 2019.",
        "Prices doubled in 2017, in the wake of the 2019 currency crisis.",
        "Parliament passed the law in 2020, before the 2018 election.",
    ],
)
def test_dates_dat001_fires_on_reversed_order(parse, text):
    doc = parse(text, date=PUB)
    found = [f for f in doc._.pl_findings if f.code == "DAT001"]
    assert len(found) == 1
    assert found[0].related and found[0].evidence["other_date"]


@pytest.mark.parametrize(
    "text",
    [
        "In March 2017, following the May 2016 referendum, the prime minister resigned.",
        "Prices doubled in 2019, in the wake of the 2019 currency crisis.",
        "The bridge opened in 2019, after construction began in 2015.",
        "Parliament passed the law in 2016, before the 2018 election.",
        "The company collapsed in 2009, a year after the 2008 crash.",
        "Since 2014, the country has held three elections, the last in 2020.",
    ],
)
def test_dates_dat001_silent_on_consistent_order(parse, text):
    assert "DAT001" not in _codes(parse(text, date=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "The trade agreement was signed on 12 May 2023 by both governments.",
        "The hurricane made landfall in September 2022, killing four people.",
        "The team won the championship in 2024.",
    ],
)
def test_dates_dat002_fires_on_past_event_after_publication(parse, text):
    found = [f for f in parse(text, date=PUB)._.pl_findings if f.code == "DAT002"]
    assert len(found) == 1
    assert found[0].evidence["publication_date"] == PUB


@pytest.mark.parametrize(
    "text",
    [
        "The trade agreement will be signed on 12 May 2023.",
        "The election is due in March 2022.",
        "The stadium is scheduled to open in 2024.",
        "The ministry said the vaccine would be available by the end of 2022.",
        "The trade agreement was signed on 12 May 2021 by both governments.",
        "Officials said the plant is expected to close in 2023.",
    ],
)
def test_dates_dat002_silent_on_plans_and_past_dates(parse, text):
    assert "DAT002" not in _codes(parse(text, date=PUB))


# Budgets are voted for the year ahead: in December 2021 "boosted funding in 2022" tells a past vote, not a past year.
# Two years ahead, or a past event that is not money, still fires.
@pytest.mark.parametrize(
    "text, fires",
    [
        ("Parliament significantly boosted research funding in 2022, yet it is still short of what labs need.", False),
        ("The council cut its road-repair budget in 2022 after a long debate.", False),
        ("Lawmakers approved record defence spending in 2022.", False),
        ("Parliament significantly boosted research funding in 2023.", True),
        ("The council closed the library in 2022 after a long debate.", True),
    ],
)
def test_dates_dat002_budget_for_the_next_year(parse, text, fires):
    assert ("DAT002" in _codes(parse(text, date=PUB))) is fires, text


# A 'from X to Y' range right after a noun gives that noun's period, not the date of the past-tense verb.
@pytest.mark.parametrize(
    "text, fires",
    [
        ("Lawmakers only voted for a two-year delay — from 2018 to 2020.", False),
        ("The board voted for a hiring freeze from 2018 to 2020.", False),
        ("The council approved a rent cap, from 2017 to 2019, by a wide margin.", False),
        ("The strike lasted from March to May 2016.", True),
        ("The mayor served two terms, and he stepped down in June 2017.", True),
    ],
)
def test_dates_dat002_range_of_a_noun_is_its_period(parse, text, fires):
    assert ("DAT002" in _codes(parse(text, date="2015-12-28"))) is fires, text


def test_dates_dat002_needs_publication_date(parse):
    assert "DAT002" not in _codes(parse("The trade agreement was signed on 12 May 2023.", date=None))


@pytest.mark.parametrize(
    "text",
    [
        "The civil war began in 2011. After four years of war, the talks resumed.",
        "Foreign forces arrived in 2014. After three years of presence, the last units are leaving.",
    ],
)
def test_dates_dat003_fires_on_inconsistent_duration(parse, text):
    found = [f for f in parse(text, date=PUB)._.pl_findings if f.code == "DAT003"]
    assert len(found) == 1
    assert found[0].related


@pytest.mark.parametrize(
    "text",
    [
        "Foreign forces arrived in 2014. After seven years of presence, the last units are leaving.",
        "The civil war began in 2011. After ten years of war, the talks resumed.",
        "The civil war began in 2011. After nearly four years of war, the talks resumed.",
        "The company has been losing money for three years, analysts said.",
        "After four years of war, the talks resumed.",
    ],
)
def test_dates_dat003_silent_on_consistent_duration(parse, text):
    assert "DAT003" not in _codes(parse(text, date=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 48%, down from 55% at the last election, held in November 2024.",
        "The previous summit, held in June 2024, ended without a deal.",
    ],
)
def test_dates_dat002_fires_on_reduced_relative_about_the_past(parse, text):
    assert "DAT002" in _codes(parse(text, date=PUB)), text


@pytest.mark.parametrize(
    "text",
    [
        "The next election, to be held in November 2024, will decide the mayor.",
        "Turnout was 48%, down from 55% at the last election, held in November 2021.",
        "The summit, held every two years, ended without a deal.",
    ],
)
def test_dates_dat002_silent_on_reduced_relative_plans(parse, text):
    assert "DAT002" not in _codes(parse(text, date=PUB)), text


@pytest.mark.parametrize(
    "text",
    [
        "The bridge, completed in 1975, has carried traffic without a closure in its 30 years of service.",
        "The Kariba dam, completed in 1959, had never failed in its 40 years of operation, the operator said.",
    ],
)
def test_dates_dat003_fires_on_own_lifetime(parse, text):
    found = [f for f in parse(text, date="2024-05-01")._.pl_findings if f.code == "DAT003"]
    assert len(found) == 1, text
    assert found[0].related


@pytest.mark.parametrize(
    "text",
    [
        "The bridge, completed in 1994, has carried traffic without a closure in its 30 years of service.",
        "The dam has held back every flood in its 40 years of operation, the operator said.",
        "The bridge, completed in 1975, was closed after 30 years of service in another town.",
    ],
)
def test_dates_dat003_silent_on_consistent_lifetime(parse, text):
    assert "DAT003" not in _codes(parse(text, date="2024-05-01")), text
