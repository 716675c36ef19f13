"""Tests for presslint.analyzers.quantities: parsing numbers and the NUM rules."""

from __future__ import annotations

import pytest

PUB = "2021-12-11"


def _quantities(doc):
    return {q.span.text: q for q in doc._.pl_quantities}


def _num(doc, code):
    return [f for f in doc._.pl_findings if f.code == code]


@pytest.mark.parametrize(
    "sentence, expression, value, counts, unit, approximate",
    [
        ("The army deployed 1,800 troops to the border.", "1,800", 1800, "troop", None, False),
        ("The government will spend $3.5 million on new clinics.", "$3.5 million", 3.5e6, "dollar", "$", False),
        ("The club paid £200m for the striker.", "£200m", 2e8, "pound", "£", False),
        ("Inflation reached 6.8% in November.", "6.8%", 6.8, None, "%", False),
        ("About a third of the harvest was lost to the floods.", "About a third", 0.333, "harvest", "fraction", True),
        ("Dozens of people were injured in the stampede.", "Dozens", 24, "people", None, True),
        ("Nearly 40 people were rescued from the flooded mine.", "Nearly 40", 40, "people", None, True),
        ("More than 1,200 patients were treated at the hospital.", "More than 1,200", 1200, "patient", None, True),
        ("Turnout was 67 per cent, the electoral commission said.", "67 per cent", 67, None, "%", False),
        ("Twelve miners were trapped underground for two days.", "Twelve", 12, "miner", None, False),
    ],
)
def test_quantities_parsed(parse, sentence, expression, value, counts, unit, approximate):
    found = _quantities(parse(sentence, date=PUB))
    assert expression in found, list(found)
    q = found[expression]
    assert q.value == pytest.approx(value)
    assert (q.counts, q.unit, q.approximate) == (counts, unit, approximate)
    assert q.sentence == 0


@pytest.mark.parametrize(
    "sentence", ["The team won the title in 2019.", "Boeing 737 jets were grounded.", "She finished first on Sunday."]
)
def test_quantities_skip_years_names_and_ordinals(parse, sentence):
    assert not [q for q in parse(sentence, date=PUB)._.pl_quantities if q.value in (2019, 737, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people in the market. The 15 people killed in the attack were buried in a mass grave.",
        "The factory dismissed 300 workers in the spring. Union leaders condemned the decision to dismiss 450 workers.",
    ],
)
def test_quantities_num001_fires_on_conflicting_counts(parse, text):
    found = _num(parse(text, date=PUB), "NUM001")
    assert len(found) == 1
    assert found[0].related and len(found[0].evidence["values"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        # updates, bounds and additions explain the difference
        "Gunmen killed 12 people in the market. The death toll later rose to 15.",
        "Gunmen killed 12 people in the market. At least 15 people were killed in the attack.",
        "Gunmen killed 12 people in the market. Another 15 people were killed in a second blast.",
        # different places, different days
        "Floods killed 12 people in Kenya. Floods killed 30 people in Uganda.",
        "Police arrested 40 protesters on Monday. Police arrested 25 protesters on Tuesday.",
        # different things counted
        "The army deployed 3,000 troops. The rebels deployed 500 fighters.",
        # consistent whole and part
        "The firm hired 400 workers, of which 250 were contractors. The 250 contractors will stay until spring.",
        "The hospital admitted 40 patients. The 40 patients admitted were all adults.",
    ],
)
def test_quantities_num001_silent_on_consistent_text(parse, text):
    assert _num(parse(text, date=PUB), "NUM001") == []


@pytest.mark.parametrize(
    "text",
    [
        "The firm hired 400 workers, of which 450 were contractors.",
        "Rescuers said 15 of the 12 victims were children.",
        "The survey found that seven out of five voters backed the plan.",
        "The coalition has 500 soldiers: 300 American and 250 British.",
        "Officials said 120 per cent of the residents had been vaccinated.",
        "The hospital treated 40 patients, 55 of them children.",
        "The mission sent 800 engineers there, of which 950 were civilians.",
    ],
)
def test_quantities_num002_fires_when_part_exceeds_whole(parse, text):
    found = _num(parse(text, date=PUB), "NUM002")
    assert len(found) == 1
    assert found[0].evidence


@pytest.mark.parametrize(
    "text",
    [
        "The union has 3,000 members, of which 1,200 are nurses.",
        "The mission sent 800 engineers there, of which 650 were civilians.",
        "Rescuers said 5 of the 12 victims were children.",
        "The survey found that three out of five voters backed the plan.",
        "The coalition has 500 soldiers: 300 American and 200 British.",
        "Public debt reached 120 per cent of GDP last year.",
        "Sales rose 150% compared with last year.",
        "The hospital treated 40 patients, 15 of them children.",
        "The hospital treated more than 40 patients, including 30 women and 25 children.",
        "About 500 people attended, 300 of them students and 250 of them teachers.",
    ],
)
def test_quantities_num002_silent_on_consistent_parts(parse, text):
    assert _num(parse(text, date=PUB), "NUM002") == []


@pytest.mark.parametrize(
    "text",
    [
        # a tally reported by two verbs for the same day; the comparison phrase belongs to the other number
        "Health officials confirmed 58 cases of dengue on Monday, up from 40 a week earlier. The ministry's website, "
        "which is updated each evening, listed 51 confirmed cases on Monday.",
        # the parts are placed in other towns, the toll itself is not
        "The storm killed 14 people in southern Spain and forced more than 2,000 from their homes. Of the 11 people "
        "killed, six were in Malaga and five in Almeria.",
    ],
)
def test_quantities_num001_fires_on_retold_tallies(parse, text):
    found = _num(parse(text, date=PUB), "NUM001")
    assert len(found) == 1, [f.message for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Health officials confirmed 58 cases of dengue on Monday. The ministry listed 71 confirmed cases on Friday.",
        "Health officials confirmed 58 cases on Monday. The toll later rose to 71 confirmed cases.",
        "The storm killed 14 people in southern Spain. Of the 14 people killed, nine were in Malaga and five in Almeria.",
    ],
)
def test_quantities_num001_silent_on_retold_consistent_tallies(parse, text):
    assert _num(parse(text, date=PUB), "NUM001") == []


@pytest.mark.parametrize(
    "text",
    [
        "Of the 30 passengers rescued, 34 were taken to hospital, the coastguard said.",
        "Of the eight schools inspected, 11 were rated unsafe.",
    ],
)
def test_quantities_num002_fires_on_fronted_whole(parse, text):
    found = _num(parse(text, date=PUB), "NUM002")
    assert len(found) == 1 and found[0].related


@pytest.mark.parametrize(
    "text",
    [
        "Of the 30 passengers rescued, 12 were taken to hospital and 18 were sent home.",
        "Of the eight schools inspected, three were rated unsafe.",
        "Of the 30 passengers, more than 40 relatives were waiting at the port.",
    ],
)
def test_quantities_num002_silent_on_fronted_whole(parse, text):
    assert _num(parse(text, date=PUB), "NUM002") == []
