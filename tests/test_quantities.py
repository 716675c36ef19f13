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
        # how many sources tell each thing is no count of one event
        "The mayor often shouted at aides about the audit, two advisers said. He would sometimes throw papers across "
        "the room, one adviser said.",
    ],
)
def test_quantities_num001_silent_on_consistent_text(parse, text):
    assert _num(parse(text, date=PUB), "NUM001") == []


# An article that lists several incidents: each paragraph names its own attacker or town, so the counts are of
# different events; a paragraph naming nobody continues the one before it.
SEVERAL_INCIDENTS = [
    "Agency record\n\nThe agency had interviewed the bomber Tomas Vidal a year before the attack. Three people were "
    "killed at the race.\n\nThe agency also missed warnings about gunman Piet Aalders in Rotterdam.\n\nIt was painful to "
    "the families of the nine people who were killed.\n\nIn Lyon, shooter Marc Dufour managed to kill 14 people.",
    "Sentencing\n\nThe court heard how Ivo Marsh killed 12 people at the mall.\n\nThe sentence was lighter than the "
    "one given to Dan Ruel, who killed 30 people at a school.",
]
ONE_INCIDENT_TWO_PARAGRAPHS = [
    # a region for the whole, a town for the parts: one flood
    "Floods\n\nFloods killed 23 people in northern Spain, the civil protection agency said.\n\nOf the 19 people killed, "
    "11 were in Burgos, according to the town hall.",
    # the spokesman speaks; he is not another incident
    "Market fire\n\nThe fire in Kaduna killed 12 people, the police said.\n\nPolice spokesman Ade Bello said the fire "
    "killed 15 people.",
    "Bus crash\n\nThe crash near Tarsus killed nine people.\n\nThe bus driver, Emre Kaya, survived. The crash near "
    "Tarsus killed 11 people, the governor's office said.",
]


# A count of an earlier event named by its year ('the 1998 sinking of ..., which killed 61 people') is not another
# figure for the event the article reports, whose own sentences never mention that year.
EARLIER_EVENT_BY_YEAR = [
    "Ferry disaster\n\nThe ferry capsized near the harbour on Sunday. Officials said 23 people were killed.\n\nIt was "
    "the worst accident on the lake since the 1998 sinking of the Kivu Star, which killed 61 people.",
    "Quake\n\nThe earthquake killed 38 people, the governor said.\n\nIt was the strongest to hit the region since the "
    "2011 quake, which killed 185 people.",
    "Mine collapse\n\nFive miners were killed in the collapse.\n\nThe 2010 collapse at the same pit killed 29 miners.",
    "Floods\n\nThe floods killed nine people, the agency said.\n\nThe 2013 floods killed 40 people.",
]
# ... while a year both counts' sentences carry, or no year at all, leaves one event told two ways.
SAME_EVENT_WITH_OR_WITHOUT_YEAR = [
    "Warehouse fire\n\nThe 2019 fire killed 12 people, the police said.\n\nThe 2019 fire killed 15 people, the fire "
    "service said.",
    "Bus crash\n\nThe crash near Tarsus killed nine people.\n\nThe governor said the crash near Tarsus, which killed 11 "
    "people, was the third on that road.",
]


@pytest.mark.parametrize("text", EARLIER_EVENT_BY_YEAR)
def test_quantities_num001_silent_on_an_earlier_event_named_by_year(parse, text):
    assert _num(parse(text, date=PUB), "NUM001") == []


@pytest.mark.parametrize("text", SAME_EVENT_WITH_OR_WITHOUT_YEAR)
def test_quantities_num001_fires_on_one_event_with_or_without_year(parse, text):
    assert len(_num(parse(text, date=PUB), "NUM001")) == 1


@pytest.mark.parametrize("text", SEVERAL_INCIDENTS)
def test_quantities_num001_silent_across_incidents(parse, text):
    assert _num(parse(text, date=PUB), "NUM001") == []


@pytest.mark.parametrize("text", ONE_INCIDENT_TWO_PARAGRAPHS)
def test_quantities_num001_fires_within_one_incident_across_paragraphs(parse, text):
    assert len(_num(parse(text, date=PUB), "NUM001")) == 1


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
        # rates of rates: 'N in M' is a share, not a count
        "He won nearly 6 in 10 of the 3 in 10 voters who call themselves very liberal.",
        "Two in three of the one in five households that rent said costs had risen.",
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


# -- parsing: scales, qualifiers, fractions, currencies, units ---------------------------------------------------
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Two hundred volunteers cleared the beach, and an estimated 300 more joined in the afternoon.",
            [("Two hundred", 200, "volunteer", None, False), ("an estimated 300", 300, None, None, True)],
        ),
        (
            # 'm' scales a sum of money only; after a bare number it is a unit of its own
            "The club paid $200m for the striker, and the runners covered 200m in the heat.",
            [("$200m", 2e8, "dollar", "$", False), ("200", 200, "m", None, False)],
        ),
        (
            "About 40 per cent of voters backed the plan, and two thirds of members voted against it, while half of "
            "the staff left.",
            [
                ("About 40 per cent", 40, "voter", "%", True),
                ("two thirds", 0.667, "member", "fraction", False),
                ("half", 0.5, "staff", "fraction", False),
            ],
        ),
        (
            "The charity raised 12 dollars per donor, up to 30 percent of its target.",
            [("12", 12, "dollar", "$", False), ("up to 30 percent", 30, "target", "%", True)],
        ),
        (
            "Hundreds of families were moved and a quarter of the farms flooded.",
            [("Hundreds", 200, "family", None, True), ("a quarter", 0.25, "farm", "fraction", False)],
        ),
        # a year-shaped number the model reads as a count is a count
        ("The club has 2000 members.", [("2000", 2000, "member", None, False)]),
        # the counted noun after adjectives and adverbs; a part before "of the" counts what the whole counts
        (
            "Police arrested 300 very tired football supporters after the match.",
            [("300", 300, "supporter", None, False)],
        ),
        (
            "Rescuers found 12 of the 40 missing climbers alive.",
            [("12", 12, None, None, False), ("40", 40, "climber", None, False)],
        ),
        (
            "One third of voters and three quarters of the homes were affected.",
            [("One third", 0.333, "voter", "fraction", False), ("three quarters", 0.75, "home", "fraction", False)],
        ),
        (
            "The council spent €5 million on 40 new buses.",
            [("€5 million", 5e6, "euro", "€", False), ("40", 40, "bus", None, False)],
        ),
        (
            "About 1,500 km of road and 20 kilometres of track were damaged.",
            [("About 1,500 km", 1500, "road", "km", True), ("20 kilometres", 20, "track", "km", False)],
        ),
        (
            "Some 60 percent of nurses and up to half of doctors said they would strike.",
            [("Some 60 percent", 60, "nurse", "%", True), ("up to half", 0.5, "doctor", "fraction", True)],
        ),
        (
            "Exports rose to $4.5 billion, or 3.2 per cent of output.",
            [("$4.5 billion", 4.5e9, "dollar", "$", False), ("3.2 per cent", 3.2, "output", "%", False)],
        ),
    ],
)
def test_quantities_parsed_in_context(parse, sentence, expected):
    found = [(q.span.text, q.value, q.counts, q.unit, q.approximate) for q in parse(sentence, date=PUB)._.pl_quantities]
    assert [(t, pytest.approx(v), c, u, a) for t, v, c, u, a in expected] == found


# -- NUM001 and NUM002 in full ----------------------------------------------------------------------------------
NUM_FINDINGS = [
    # text, code, message, span, related, evidence
    (
        "Gunmen killed 12 people in the market. The 15 people killed in the attack were buried in a mass grave.",
        "NUM001",
        "'15 people' conflicts with '12 people' given earlier for the same event (kill)",
        "15",
        ["12"],
        {"counts": "people", "event": "kill", "values": [12.0, 15.0], "modifiers": []},
    ),
    (
        "The factory dismissed 300 workers in the spring. Union leaders condemned the decision to dismiss 450 workers.",
        "NUM001",
        "'450 workers' conflicts with '300 workers' given earlier for the same event (dismiss)",
        "450",
        ["300"],
        {"counts": "worker", "event": "dismiss", "values": [300.0, 450.0], "modifiers": []},
    ),
    (
        "The coalition has 500 soldiers: 300 American and 250 British.",
        "NUM002",
        "The parts (300 + 250 = 550) add up to more than the whole '500' (a list after the total)",
        "300 American and 250",
        ["500"],
        {"whole": 500.0, "parts": [300.0, 250.0], "sum": 550.0, "link": "a list after the total"},
    ),
    (
        "The hospital treated 40 patients, 55 of them children.",
        "NUM002",
        "The part '55' is larger than the whole '40' (of them)",
        "55",
        ["40"],
        {"whole": 40.0, "parts": [55.0], "sum": 55.0, "link": "of them"},
    ),
    (
        "The hospital treated about 40 patients, 65 of them children.",  # past the 1.5x allowance for 'about'
        "NUM002",
        "The part '65' is larger than the whole 'about 40' (of them)",
        "65",
        ["about 40"],
        {"whole": 40.0, "parts": [65.0], "sum": 65.0, "link": "of them"},
    ),
    (
        "Officials said 120 per cent of the residents had been vaccinated.",
        "NUM002",
        "'120 per cent' of the residents is more than all of them",
        "120 per cent",
        [],
        {"percent": 120.0, "of": "resident", "link": "percent of a population"},
    ),
    (
        "Rescuers said 15 of the 12 victims were children.",
        "NUM002",
        "The part '15' is larger than the whole '12' ('of' ties the part to the whole)",
        "15",
        ["12"],
        {"whole": 12.0, "parts": [15.0], "sum": 15.0, "link": "'of' ties the part to the whole"},
    ),
    (
        "The survey found that seven out of five voters backed the plan.",
        "NUM002",
        "The part 'seven' is larger than the whole 'five' ('out' ties the part to the whole)",
        "seven",
        ["five"],
        {"whole": 5.0, "parts": [7.0], "sum": 7.0, "link": "'out' ties the part to the whole"},
    ),
    (
        "The firm hired 400 workers, of which 450 were contractors.",
        "NUM002",
        "The part '450' is larger than the whole '400' (of which)",
        "450",
        ["400"],
        {"whole": 400.0, "parts": [450.0], "sum": 450.0, "link": "of which"},
    ),
    (
        "Of the 30 passengers rescued, 34 were taken to hospital, the coastguard said.",
        "NUM002",
        "The part '34' is larger than the whole '30' ('Of the ..., N ...' ties the part to the whole)",
        "34",
        ["30"],
        {"whole": 30.0, "parts": [34.0], "sum": 34.0, "link": "'Of the ..., N ...' ties the part to the whole"},
    ),
]


# Other shapes of one count told twice: a passive subject, a tally verb, the verb of a relative clause, one place.
NUM_FINDINGS += [
    ("Twelve people were killed in the blast, police said. Hospital officials said 15 people were killed in the "
     "blast.", "NUM001", "'15 people' conflicts with 'Twelve people' given earlier for the same event (kill)", "15",
     ["Twelve"], {"counts": "people", "event": "kill", "values": [12.0, 15.0], "modifiers": []}),
    ("The ministry reported 42 cases, up from 29 a week earlier. The dashboard listed 37 cases.", "NUM001",
     "'37 cases' conflicts with '42 cases' given earlier for the same event (tally)", "37", ["42"],
     {"counts": "case", "event": "tally", "values": [42.0, 37.0], "modifiers": []}),
    ("Union leaders said 300 workers walked out. The 450 workers who walked out want higher pay.", "NUM001",
     "'450 workers' conflicts with '300 workers' given earlier for the same event (walk)", "450", ["300"],
     {"counts": "worker", "event": "walk", "values": [300.0, 450.0], "modifiers": []}),
    ("Floods killed 12 people in Kenya. Floods killed 30 people in Kenya.", "NUM001",
     "'30 people' conflicts with '12 people' given earlier for the same event (kill)", "30", ["12"],
     {"counts": "people", "event": "kill", "values": [12.0, 30.0], "modifiers": []}),
]  # fmt: skip

# The other ways news text ties a part to its whole.
LIST = "The parts (300 + 250 = 550) add up to more than the whole '500' (a list after the total)"
FRONTED = "'Of the ..., N ...' ties the part to the whole"
NUM_FINDINGS += [
    ("The army has 500 soldiers — 300 American and 250 British.", "NUM002", LIST, "300 American and 250", ["500"],
     {"whole": 500.0, "parts": [300.0, 250.0], "sum": 550.0, "link": "a list after the total"}),
    ("The army has 500 soldiers - 300 American and 250 British.", "NUM002", LIST, "300 American and 250", ["500"],
     {"whole": 500.0, "parts": [300.0, 250.0], "sum": 550.0, "link": "a list after the total"}),
    ("The hospital employs 40 nurses, of whom 55 are agency staff.", "NUM002",
     "The part '55' is larger than the whole '40' (of which)", "55", ["40"],
     {"whole": 40.0, "parts": [55.0], "sum": 55.0, "link": "of which"}),
    ("The army deployed 1,200 soldiers there, of which 1,500 were reservists.", "NUM002",
     "The part '1,500' is larger than the whole '1,200' (of which)", "1,500", ["1,200"],
     {"whole": 1200.0, "parts": [1500.0], "sum": 1500.0, "link": "of which"}),
    ("The firm hired 400 workers, 450 of whom were contractors.", "NUM002",
     "The part '450' is larger than the whole '400' (of them)", "450", ["400"],
     {"whole": 400.0, "parts": [450.0], "sum": 450.0, "link": "of them"}),
    ("But of the 30 passengers rescued, 34 were taken to hospital.", "NUM002",
     f"The part '34' is larger than the whole '30' ({FRONTED})", "34", ["30"],
     {"whole": 30.0, "parts": [34.0], "sum": 34.0, "link": FRONTED}),
    ("Of those 30 passengers, 34 were taken to hospital.", "NUM002",
     f"The part '34' is larger than the whole '30' ({FRONTED})", "34", ["30"],
     {"whole": 30.0, "parts": [34.0], "sum": 34.0, "link": FRONTED}),
    ("Of its 12 branches, 15 will close next year.", "NUM002",
     f"The part '15' is larger than the whole '12' ({FRONTED})", "15", ["12"],
     {"whole": 12.0, "parts": [15.0], "sum": 15.0, "link": FRONTED}),
]  # fmt: skip


@pytest.mark.parametrize("text, code, message, span, related, evidence", NUM_FINDINGS)
def test_quantities_findings_in_full(parse, text, code, message, span, related, evidence):
    (finding,) = [f for f in parse(text, date=PUB)._.pl_findings if f.code.startswith("NUM")]
    assert (finding.code, finding.message, finding.span.text) == (code, message, span)
    assert [r.text for r in finding.related] == related
    assert finding.evidence == evidence
    assert (finding.severity, finding.confidence) == (("warning", 0.7) if code == "NUM001" else ("error", 0.85))


@pytest.mark.parametrize(
    "text",
    [
        "The hospital treated about 40 patients, 55 of them children.",  # within 1.5x of an approximate whole
        "The hospital treated more than 40 patients, 55 of them children.",  # a lower bound is no ceiling
        "Rescuers said 15 of the 12 hours were spent underwater, and 60 percent of the crew was exhausted.",
        "The firm hired 400 workers, of which 350 were contractors.",
        "The coalition has 500 soldiers: 300 American and 200 British.",
        "Of the 30 passengers rescued, more than 34 were taken to hospital.",  # a lower bound is not a part
        "The club has 500 members: 300 men and 150 women.",
        "The force of 500 soldiers, including 300 officers and 250 women, left on Monday.",  # the groups may overlap
    ],
)
def test_quantities_num002_silent_within_bounds(parse, text):
    assert _num(parse(text, date=PUB), "NUM002") == []


@pytest.mark.parametrize(
    "text",
    [
        # a question reports nothing
        "Gunmen killed 12 people in the market. Were 15 people killed in the attack?",
        # different days, resolved by the dates analyzer
        "Gunmen killed 12 people in the market on Monday. Gunmen killed 15 people in the market on Tuesday.",
        # the same figure
        "Gunmen killed 12 people in the market. The 12 people killed in the attack were buried in a mass grave.",
        # "later" tells an update; "new" cases are not all the cases
        "Twelve people were killed in the blast. Police later confirmed that 15 people were killed in the blast.",
        "The ministry reported 42 new cases on Monday. The dashboard listed 37 cases.",
    ],
)
def test_quantities_num001_silent_on_lists_questions_days_and_agreement(parse, text):
    assert _num(parse(text, date=PUB), "NUM001") == []
