"""CON001 contradictory statements and CON002 repeated statements (presslint.analyzers.contradictions)."""

from __future__ import annotations

import pytest

from presslint.analyzers.contradictions import RULES, find_contradictions, find_repetitions


@pytest.fixture(scope="module")
def light_parse(parse):
    """The whole pipeline (so quotes and sources are there), with a fixed publication date."""
    return lambda text: parse(text, date="2022-03-01")


CONFLICTS = [
    # politics
    "Peace talks\n\nGovernment negotiators said the talks had collapsed. Rebel leaders said the talks would continue.",
    "Troop plan\n\nThe defence ministry said the troops will withdraw from the province. A senior general said the "
    "troops will stay in the province.",
    # business
    "Factory future\n\nThe carmaker said the plant would close. The regional governor insisted the plant would not close.",
    "Merger news\n\nShareholders approved the merger on Friday. A company filing showed that shareholders rejected "
    "the merger on Friday.",
    # sport
    "Cup final\n\nCity won the final after extra time. City lost the final, the club's statement said.",
    # health
    "Hospital wing\n\nThe health authority said the ward had reopened. Nurses said the ward had not reopened.",
    # denial framed as such is a conflict to surface
    "Border\n\nLocal officials said soldiers had pulled out of the town. The army denied that soldiers had pulled out "
    "of the town.",
]

NO_CONFLICT = [
    "Markets\n\nShares rose in Tokyo. Shares fell in London.",  # different places
    "Markets\n\nOil prices rose on Monday. Oil prices fell on Friday.",  # different days
    "Earnings\n\nApple shares rose sharply. Microsoft shares fell sharply.",  # different subjects
    "Season\n\nThe champions won the final. The champions lost the replay.",  # different objects
    "Strike\n\nThe strike will not end soon. The strike will continue into next month.",  # consistent
    "Talks\n\nThe talks collapsed in March. The talks later resumed.",  # change over time
    "Budget\n\nAnalysts said the bill may pass. Others said lawmakers could reject the bill.",  # hedged
    "Clinic\n\nReports said the clinic had closed. In fact, the clinic did not close.",  # correction framed as such
    "Trade\n\nExports increased by 4% last year. Imports decreased by 2% last year.",  # different subjects
    # a gerund states nothing of its own
    "Tax row\n\nThe senator boasted that not paying income taxes made him smart. The governor said she pays her "
    "income taxes every year.",
    # "should" says what ought to be, not what is
    "Audit\n\nThe council refused to publish the audit. Residents said the council should publish the audit.",
    # "does not show whether" leaves the content open; "shows" has its content in the complement
    "Footage\n\nThe family's lawyer said the footage shows the man walking away. The lawyer added that the footage "
    "does not show whether the man was armed.",
]


@pytest.mark.parametrize("text", CONFLICTS)
def test_contradictions_con001_fires(light_parse, text):
    findings = list(find_contradictions(light_parse(text)))
    assert [f.code for f in findings] == ["CON001"], text
    finding = findings[0]
    assert finding.related and finding.related[0].start < finding.span.start
    sides = finding.evidence["statements"]
    assert {s["polarity"] for s in sides} <= {"positive", "negative"} and finding.evidence["reason"]


@pytest.mark.parametrize("text", NO_CONFLICT)
def test_contradictions_con001_silent(light_parse, text):
    assert list(find_contradictions(light_parse(text))) == []


def test_contradictions_con001_names_both_sources(light_parse):
    doc = light_parse(
        "Peace talks\n\nGovernment negotiators said the talks had collapsed. "
        "Rebel leaders said the talks would continue."
    )
    finding = next(find_contradictions(doc))
    names = [s["source"]["name"] for s in finding.evidence["statements"]]
    assert names == ["Government negotiators", "Rebel leaders"]
    assert "antonyms" in finding.evidence["reason"]


def test_contradictions_con001_uses_quote_sources(light_parse):
    from presslint.model import Quote, Source, Span

    doc = light_parse(
        "Plant\n\nThe plant will close in June, the company said. The plant will not close in June, the mayor said."
    )
    text = doc.text
    first, second = text.index("The plant will close"), text.index("The plant will not close")
    doc._.pl_sources = [Source(1, "Acme Corp", "named_organisation"), Source(2, "Mayor Ann Lee", "named_person")]
    doc._.pl_quotes = [
        Quote(
            "indirect", Span.between(text, first + 30, first + 45), Span.between(text, first, first + 29), source_id=1
        ),
        Quote(
            "indirect",
            Span.between(text, second + 34, second + 47),
            Span.between(text, second, second + 33),
            source_id=2,
        ),
    ]
    finding = next(find_contradictions(doc))
    sources = [s["source"] for s in finding.evidence["statements"]]
    assert [(s["name"], s["kind"]) for s in sources] == [
        ("Acme Corp", "named_organisation"),
        ("Mayor Ann Lee", "named_person"),
    ]


REPEATED = [
    "Mission\n\nOfficials announced on Thursday that the coalition's combat mission had ended. The national security "
    "adviser said on Thursday that the coalition's combat mission had ended.",
    "Budget\n\nThe city council approved the new school budget on Tuesday. Local media reported that the city council "
    "approved the new school budget on Tuesday.",
]

NOT_REPEATED = [
    "Prices\n\nFood prices rose in March. Food prices rose in April.",  # different times
    "Budget\n\nThe council approved the school budget. The council approved the road budget.",  # different objects
    'Plant\n\nThe company said the plant would close. "The plant will close," the chief executive said.',  # quote
    "Result\n\nThe team won. The team won again.",  # too short, and a second win
    # background phrases (a reduced relative, a gerund) repeated around two different statements
    "Tweets\n\nThe campaign defended the senator's tweets mocking the former mayor Ann Ruiz. The senator spoke in "
    "Dayton hours after posting tweets mocking the former mayor Ann Ruiz.",
    "Ad\n\nA new ad attacks the governor for not paying state income tax. The ad ends with her rival blasting her for "
    "not paying state income tax.",
    # the same framing verb ("ruled", "shows") before two different contents
    "Court\n\nA state appeals court ruled Monday against the city's plan for closing polling places. The appeals court "
    "ruled that the plan could keep some eligible voters from voting.",
]


@pytest.mark.parametrize("text", REPEATED)
def test_contradictions_con002_fires(light_parse, text):
    findings = list(find_repetitions(light_parse(text)))
    assert [f.code for f in findings] == ["CON002"]
    assert findings[0].related[0].start < findings[0].span.start
    assert findings[0].evidence["overlap"] >= 0.6


@pytest.mark.parametrize("text", NOT_REPEATED)
def test_contradictions_con002_silent(light_parse, text):
    assert list(find_repetitions(light_parse(text))) == []


def test_contradictions_rules_catalogued():
    assert [(r.code, r.name, r.severity) for r in RULES] == [
        ("CON001", "contradictory-statements", "warning"),
        ("CON002", "repeated-statement", "info"),
    ]
    assert all(r.explanation and r.example for r in RULES)


@pytest.mark.parametrize(
    "text",
    [
        # a past failure and a future promise are two moments, not one claim
        "Funding\n\nThe minister said the government would provide funding. Critics said the government had not "
        "provided funding.",
    ],
)
def test_contradictions_con001_tense_shift_silent(light_parse, text):
    assert list(find_contradictions(light_parse(text))) == []


# Two sources, two wordings of one event: a verb and a negated event noun ("no withdrawal had taken place"),
# tied by a shared place or "the same day"; pronoun or missing subjects allowed.
ATTRIBUTED_CONFLICTS = [
    "Troops\n\nProvincial officials said on Monday that the battalion was leaving Helmand. A defence ministry "
    "spokesman said the same day that no withdrawal had taken place in Helmand.",
    "Mine\n\nThe mining company said it was pulling out of Zambia. A government spokesman said there had been no "
    "pullout from Zambia.",
    "Election\n\nThe electoral commission said counting had been completed in all 400 polling stations. Opposition "
    "leaders said counting had not been completed in two districts.",
]

ATTRIBUTED_SILENT = [
    # different places
    "Troops\n\nProvincial officials said the battalion was leaving Kandahar. A ministry spokesman said no withdrawal "
    "had taken place in Helmand.",
    # nothing ties the two accounts to one event
    "Troops\n\nResidents said the soldiers were leaving. A ministry spokesman said no withdrawal had taken place.",
    # a demand is not a report of what happened
    "Troops\n\nProtesters in Helmand stressed the need for foreign troops to leave Helmand. A ministry spokesman said "
    "no withdrawal had taken place in Helmand.",
    # "not in all" does not contradict "in two"
    "Election\n\nThe commission said counting had not been completed in all districts. Observers said counting had "
    "been completed in two districts.",
    # different actors
    "Troops\n\nBritish officials said British troops were leaving Basra. A spokesman said no US withdrawal had taken "
    "place in Basra, and US troops were staying.",
]


@pytest.mark.parametrize("text", ATTRIBUTED_CONFLICTS)
def test_contradictions_con001_attributed_accounts_fire(light_parse, text):
    findings = list(find_contradictions(light_parse(text)))
    assert [f.code for f in findings] == ["CON001"], text
    sides = findings[0].evidence["statements"]
    assert all(s["source"] for s in sides) and sides[0]["source"]["name"] != sides[1]["source"]["name"]
    assert any(s["reasons"] for s in sides)  # the polarity reason of the negative side


@pytest.mark.parametrize("text", ATTRIBUTED_SILENT)
def test_contradictions_con001_attributed_accounts_silent(light_parse, text):
    assert list(find_contradictions(light_parse(text))) == [], text


REPEATED_PARAPHRASE = [
    # the second telling swaps a noun for its near-synonym and spells the vote out
    "Bridge\n\nThe county board voted 5-2 to approve the first phase of the bridge project. On Monday the county "
    "board approved the first phase of the bridge scheme by five votes to two.",
    # a modifier dropped and another added in the retelling
    "Mission\n\nDefence officials announced on Friday that the UN-led peacekeeping mission had ended. The foreign "
    "minister announced that the UN-led coalition's peacekeeping mission in the region had ended.",
]

NOT_REPEATED_PARAPHRASE = [
    "Bridge\n\nThe board voted 5-2 to approve the bridge plan. The board approved the road plan by four votes to "
    "three.",  # different objects and votes
    "Markets\n\nTraders said Apple's phone sales had risen. Analysts said Samsung's phone sales had risen.",  # owners
]


@pytest.mark.parametrize("text", REPEATED_PARAPHRASE)
def test_contradictions_con002_paraphrase_fires(light_parse, text):
    findings = list(find_repetitions(light_parse(text)))
    assert [f.code for f in findings] == ["CON002"], text


@pytest.mark.parametrize("text", NOT_REPEATED_PARAPHRASE)
def test_contradictions_con002_paraphrase_silent(light_parse, text):
    assert list(find_repetitions(light_parse(text))) == [], text


# A trend under way and a state that still holds are not opposite accounts of one event.
TREND_AND_STATE = [
    "Ohio\n\nSmith said they are moving out of Ohio. Jones said manufacturing still remains the largest employer "
    "in Ohio.",
    '"They are moving out of Ohio," Smith said. "It remains the largest employer in Ohio," Jones said.',
    "Steel\n\nThe union said jobs are moving out of the valley. The mayor said most jobs remain in the valley.",
    "Retail\n\nAnalysts said shoppers are leaving the high street. The council said the high street stays the "
    "busiest in the county.",
]


@pytest.mark.parametrize("text", TREND_AND_STATE)
def test_contradictions_con001_trend_and_state_silent(light_parse, text):
    assert list(find_contradictions(light_parse(text))) == [], text


@pytest.mark.parametrize(
    "text",
    [
        # a completed departure against staying: still one event told two ways
        "Troops\n\nThe ministry said US troops had left Iraq. General Dean said US troops remain in Iraq.",
        "Talks\n\nThe ministry said the talks had ended. The union said the talks continue.",
    ],
)
def test_contradictions_con001_completed_change_against_state_fires(light_parse, text):
    assert [f.code for f in find_contradictions(light_parse(text))] == ["CON001"], text


# A paraphrase followed by the quotation it summarises, with or without a speech verb on the quotation.
PARAPHRASE_AND_QUOTE = [
    'Schools\n\nThe mayor promised that the city would hire 40 new teachers next year. In her words: "We will hire '
    '40 new teachers next year."',
    "Schools\n\nThe mayor said the city would hire 40 new teachers next year.\n\n"
    '"We will hire 40 new teachers next year, and that is a promise."',
    'Port\n\nThe operator confirmed that the port would reopen to container ships on Friday. Its statement: "The '
    'port will reopen to container ships on Friday."',
]


@pytest.mark.parametrize("text", PARAPHRASE_AND_QUOTE)
def test_contradictions_con002_paraphrase_then_quote_silent(light_parse, text):
    assert list(find_repetitions(light_parse(text))) == [], text


def test_contradictions_con002_two_paraphrases_still_fire(light_parse):
    text = (
        "Schools\n\nThe mayor promised that the city would hire 40 new teachers next year. At the end of the meeting the "
        "mayor said the city would hire 40 new teachers next year."
    )
    assert [f.code for f in find_repetitions(light_parse(text))] == ["CON002"]


@pytest.mark.parametrize(
    "text",
    [
        "Water\n\nHe told voters their children would drink the cleanest water in the state. Their children drink "
        "the water every day at school.",
        "Buses\n\nThe mayor said the city will run buses to the airport. The city runs buses to the airport on "
        "weekdays.",
    ],
)
def test_contradictions_con002_promise_and_present_practice_silent(light_parse, text):
    assert list(find_repetitions(light_parse(text))) == [], text
