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
    # the same name on both sides still clashes
    "Primary night\n\nGarcia won four counties on Tuesday. Garcia did not win four counties on Tuesday, the state "
    "board said.",
    # denial framed as such is a conflict to surface
    "Border\n\nLocal officials said soldiers had pulled out of the town. The army denied that soldiers had pulled out "
    "of the town.",
    "Flood alert\n\nThe state borders the river and has been warned.\n\nThe state does not border the river, officials "
    "said.",
    # a passive clause against an active one with the same thing as object is still one event
    "Parking fees\n\nThe council raised the parking fee in March, the mayor said. The parking fee was cut in March, "
    "according to the council's own budget.",
]

NO_CONFLICT = [
    # a passive subject is what is acted on: 'rates are raised' is not the rates cutting anything
    "Rates\n\nThe governor said it was risky to raise interest rates, which would strengthen the currency and cut demand "
    'for exports. "When those rates are raised, bad things will happen," the senator said recently.',
    'Tariffs\n\nThe tariffs, which would cut imports of steel, worried the mills. "Once the tariffs are raised, '
    'prices will follow," the trade minister said.',
    # 'not born in X' and 'born outside X' say the same thing
    "Rumour\n\nThe rumour was the notion that the mayor wasn't born in the city. Some 20 percent of people in a poll "
    "said they believe the mayor was born outside the city.",
    "Team\n\nThe squad did not train with its captain on Monday. The squad trained without its captain on Monday, the "
    "coach said.",
    "Myths\n\nHis most famous false claim was the notion that the mayor wasn't born on American soil. Some 20 percent "
    "of people in a recent poll said they believe the mayor was born outside the country.",
    # 'both of whom' stands for people named elsewhere: without coreference it matches no one
    "Trade bill\n\nSo far, only two Democrats, both of whom opposed the trade deal, are backing the measure. "
    "Presumptive nominee Jane Hale backed the deal, while John Ross has threatened to tear it up.",
    "Vote\n\nThree council members, each of whom rejected the budget in May, now back the tax. Councillor Ann Lee "
    "approved the budget in May.",
    # one voice, one shared word: a sequence, another object, a routine vs a one-off
    "Fishing boats\n\nPolice detained 10 fishermen from two boats on Monday. The fishermen were swiftly released.",
    "Border checks\n\nInspectors do not routinely check the cargo of lorries. This month inspectors are also checking "
    "all of about 900 lorries from the port.",
    # someone's own thing is not another's
    "Data\n\nFor sensitive data, the ministry does not use its own servers at all. It uses servers run by the army, "
    "according to officials familiar with the system.",
    # 'no longer' tells a change of state: the other sentence may be about before
    "Holdings\n\nSmith no longer owns stock in the bank, but he earned interest from a sold investment. Smith owns "
    "between $5,000 and $10,000 in Acme stock.",
    "Club\n\nThe club no longer owns the stadium, its accounts show. The club owns the stadium and two training "
    "grounds, a 2019 brochure says.",
    # 'which' in two relative clauses stands for two different places
    "Ebola alert\n\nUganda, South Sudan, Rwanda, Burundi and the Republic of Congo – which border the DRC – have all "
    "been alerted.\n\nConcerned health officials in Nigeria, which also does not border the DRC, have put similar "
    "measures in place.",
    "Flood alert\n\nOhio, Indiana and Kentucky – which border the river – have all been warned.\n\nOfficials in Iowa, "
    "which does not border the river, have opened shelters too.",
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
    # a pronoun against a name: with no coreference, possibly two people
    "Primary night\n\nGarcia has won four counties so far. Her rival Lin mocked Ortiz because he did not win any "
    "counties.",
    "Awards\n\nMs. Adeyemi won the regional prize last year. Asked about the shortlist, he said he did not win the "
    "regional prize.",
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
    "Recycling\n\nOfficials announced on Thursday that the city's recycling programme had ended. The council's chief "
    "executive said on Thursday that the city's recycling programme had ended.",
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


# One voice, two moments: a forecast someone made and the writer's account of what happened, or a count still under
# way and a quote about the result; and a clause that is the content of a belief, not a statement of its own.
ONE_VOICE_TWO_MOMENTS = [
    "Board fight\n\nIn a merger, he said, the brand would survive and Ruiz would stay in charge. The company struggled "
    "for years, and its fortunes turned only after Ruiz left.",
    "Ballots\n\nIn the northern districts the votes are still being counted. “People waited for hours and today they "
    "feel their votes did not count,” said Ana Ortiz of the monitoring group.",
    "Probe\n\n“The prosecutor will not move forward with the case,” Diaz said. “There is no sign that a prosecutor will "
    "move forward with the case,” Diaz added.",
    "Charges\n\nThe board did not approve the deal, the chairman said. Nobody on the board voiced the belief that the "
    "board approved the deal.",
    "Harbour plan\n\nThe port director said the terminal will stay open all winter. The terminal closed in January "
    "after the storms.",
]


@pytest.mark.parametrize("text", ONE_VOICE_TWO_MOMENTS)
def test_contradictions_con001_forecast_outcome_and_belief_content_silent(light_parse, text):
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
    "Vaccination\n\nHealth officials announced on Friday that the city-run vaccination drive had ended. The health "
    "minister announced that the city-run free vaccination drive in the region had ended.",
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


# -- what the findings carry: message, confidence, relation, shared words, link -------------------------------------
CON001_IN_FULL = [
    # text, message, confidence, relation, shared, link
    (
        CONFLICTS[0],
        "This statement contradicts an earlier one about the same event (Government negotiators vs Rebel leaders): "
        "'the talks had collapsed' vs 'the talks would continue' (antonyms 'collapse' / 'continue').",
        0.8,  # 0.7, + 0.1 for two sources
        "antonym",
        ["talk"],
        None,
    ),
    (
        CONFLICTS[3],
        "This statement contradicts an earlier one about the same event: 'Shareholders approved the merger on "
        "Friday' vs 'shareholders rejected the merger on Friday' (antonyms 'approve' / 'reject').",
        0.8,  # 0.7, + 0.1 for two shared arguments, no sources
        "antonym",
        ["shareholder", "merger"],
        None,
    ),
    (
        CONFLICTS[4],
        "This statement contradicts an earlier one about the same event: 'City won the final after extra time' vs "
        "'City lost the final' (antonyms 'win' / 'lose').",
        0.7,
        "antonym",
        ["city"],
        None,
    ),
    (
        CONFLICTS[5],
        "This statement contradicts an earlier one about the same event (The health authority vs Nurses): 'the ward "
        "had reopened' vs 'the ward had not reopened' ('reopen' negated by 'not').",
        0.8,
        "same",
        ["ward"],
        None,
    ),
    (
        "Bridge\n\nEngineers said the bridge was safe. Inspectors said the bridge was not safe.",  # adjectives state too
        "This statement contradicts an earlier one about the same event (Engineers vs Inspectors): 'the bridge was "
        "safe' vs 'the bridge was not safe' ('safe' negated by 'not').",
        0.8,
        "same",
        ["bridge"],
        None,
    ),
    (
        ATTRIBUTED_CONFLICTS[1],
        "This statement contradicts an earlier one about the same event (The mining company vs A government "
        "spokesman): 'it was pulling out of Zambia' vs 'there had been no pullout from Zambia' ('pull_out' negated by "
        "'no' pullout).",
        0.7,  # 0.6 for a looser, linked alignment, + 0.1 for two sources
        "same",
        [],
        "same place 'zambia'",
    ),
    (
        "Troops\n\nProvincial officials said on Monday that the battalion was leaving. A defence ministry spokesman "
        "said the same day that no withdrawal had taken place.",
        "This statement contradicts an earlier one about the same event (Provincial officials vs A defence ministry "
        "spokesman): 'the battalion was leaving' vs 'no withdrawal had taken place' ('withdraw' negated by 'no' "
        "withdrawal).",
        0.7,
        "synonym",
        [],
        "same day 2022-02-28",  # 'the same day' resolved by the dates analyzer to Monday
    ),
    (
        # a verb whose stated content is its infinitive ("voted to approve")
        "Council\n\nThe council voted to approve the plan. Residents said the council had rejected the plan.",
        "This statement contradicts an earlier one about the same event: 'to approve the plan' vs 'the council had "
        "rejected the plan' (antonyms 'approve' / 'reject').",
        0.8,
        "antonym",
        ["council", "plan"],
        None,
    ),
    (
        # no headline: the body starts at the first character
        "The talks had collapsed, negotiators said. Rebel leaders said the talks would continue.",
        "This statement contradicts an earlier one about the same event (negotiators vs Rebel leaders): 'The talks "
        "had collapsed' vs 'the talks would continue' (antonyms 'collapse' / 'continue').",
        0.8,
        "antonym",
        ["talk"],
        None,
    ),
]


@pytest.mark.parametrize("text, message, confidence, relation, shared, link", CON001_IN_FULL)
def test_contradictions_con001_in_full(light_parse, text, message, confidence, relation, shared, link):
    doc = light_parse(text)
    (finding,) = find_contradictions(doc)
    assert finding.code == "CON001" and finding.severity == "warning"
    assert finding.message == message
    assert finding.confidence == confidence
    sentences = [s.text for s in doc.sents if s.text.strip()]
    assert finding.span.text in sentences and finding.related[0].text in sentences
    evidence = finding.evidence
    assert (evidence["relation"], evidence["shared"], evidence.get("link")) == (relation, shared, link)
    assert evidence["reason"] in message
    assert [set(s) for s in evidence["statements"]] == [
        {"text", "predicate", "polarity", "reasons", "hedge", "source"}
    ] * 2


def test_contradictions_con001_headline_is_not_a_body_statement(light_parse):
    # the headline's claim against the body is HED003's business, not CON001's
    assert (
        list(find_contradictions(light_parse("Talks collapse\n\nRebel leaders said the talks would continue."))) == []
    )


def test_contradictions_con001_same_day_without_the_dates_analyzer(light_parse):
    doc = light_parse(
        "Troops\n\nProvincial officials said on Monday that the battalion was leaving. A defence ministry spokesman "
        "said the same day that no withdrawal had taken place."
    )
    doc._.pl_dates = []  # no resolved dates: the words "the same day" after a dated sentence tie the two
    (finding,) = find_contradictions(doc)
    assert finding.evidence["link"] == "'the same day'"
    doc._.pl_dates = None
    assert next(find_contradictions(doc)).evidence["link"] == "'the same day'"


def test_contradictions_con001_sources_from_speakers_and_parse(light_parse):
    from presslint.model import Quote, Span

    text = "Plant\n\nThe plant will close in June, the company said. The plant will not close in June, the mayor said."
    doc = light_parse(text)
    first, second = text.index("The plant will close"), text.index("The plant will not close")
    speaker = text.index("the mayor")
    doc._.pl_quotes = [  # a quote with a speaker but no resolved source: the speaker's words stand for it
        Quote(
            "indirect",
            Span.between(text, second + 34, second + 47),
            Span.between(text, second, second + 33),
            speaker=Span.between(text, speaker, speaker + len("the mayor")),
        )
    ]
    doc._.pl_sources = []
    finding = next(find_contradictions(doc))
    left, right = (s["source"] for s in finding.evidence["statements"])
    assert right == {"name": "the mayor", "kind": "unknown", "quote": "indirect"}
    assert left == {"name": "the company", "kind": "unknown", "quote": None}  # the subject of the governing 'said'
    assert "(the company vs the mayor)" in finding.message
    assert first < second


@pytest.mark.parametrize(
    "left, right, different",
    [
        ("Darwish", "Leila Darwish", False),
        ("the ministry", "The Ministry", False),
        ("Rebel leaders", "Government negotiators", True),
        (None, "Rebel leaders", False),
    ],
)
def test_contradictions_different_sources(left, right, different):
    from presslint.analyzers import contradictions

    def side(name):
        return {"source": {"name": name, "kind": "unknown", "quote": None} if name else None}

    assert contradictions._different_sources(side(left), side(right)) is different
    assert contradictions._different_sources(side(right), side(left)) is different


CON002_IN_FULL = [
    # text, repeated statement, confidence, overlap, shared words
    (
        REPEATED[0],
        "the city's recycling programme had ended",
        0.9,
        1.0,
        ["city", "end", "plan", "recycling"],  # "programme" folded into its near-synonym "plan"
    ),
    (
        REPEATED_PARAPHRASE[0],
        "to approve the first phase of the bridge project",
        0.9,
        1.0,
        ["2", "5", "approve", "board", "bridge", "county", "phase", "plan", "vote"],  # "five votes to two" as digits
    ),
    (
        "Derby\n\nUnited beat City 3-1 in the derby on Saturday. On Saturday United beat City 3-1 in the derby, the "
        "club said.",
        "United beat City 3-1 in the derby on Saturday",
        0.9,
        1.0,
        ["1", "3", "beat", "city", "derby", "saturday", "united"],
    ),
]


# Retellings that share most but not all of their words: the confidence grows with the overlap, up to 0.9.
CON002_IN_FULL += [
    (
        "Plant\n\nThe steel company closed its old plant in the north. The company closed the plant after heavy losses.",
        "The steel company closed its old plant in the north",
        0.8,  # 0.5 + 0.6 / 2
        0.6,
        ["close", "firm", "plant"],
    ),
    (
        "Plant\n\nThe steel company closed its old plant in the north. The steel company closed the plant after heavy "
        "losses.",
        "The steel company closed its old plant in the north",
        0.83,  # 0.5 + 0.67 / 2
        0.67,
        ["close", "firm", "plant", "steel"],
    ),
    (
        "Ferry\n\nThe ferry company cancelled the evening sailings to the island. The ferry company cancelled the "
        "sailings to the island after storm warnings.",
        "The ferry company cancelled the evening sailings to the island",
        0.9,  # capped
        0.83,
        ["cancel", "ferry", "firm", "island", "sailing"],
    ),
]


@pytest.mark.parametrize("text, statement, confidence, overlap, shared", CON002_IN_FULL)
def test_contradictions_con002_in_full(light_parse, text, statement, confidence, overlap, shared):
    doc = light_parse(text)
    (finding,) = find_repetitions(doc)
    assert (finding.code, finding.severity) == ("CON002", "info")
    assert finding.message == f"This repeats an earlier statement: '{statement}'."
    assert finding.confidence == confidence
    assert finding.evidence["overlap"] == overlap and finding.evidence["shared_words"] == shared
    assert finding.evidence["statements"][0]["text"] == statement
    sentences = [s.text for s in doc.sents if s.text.strip()]
    assert finding.span.text == sentences[-1] and finding.related[0].text in sentences


@pytest.mark.parametrize(
    "text",
    [
        # two results: the numbers differ
        "Derby\n\nUnited beat City 3-1 in the derby on Saturday. United beat City 2-0 in the derby on Saturday, the "
        "club said.",
    ],
)
def test_contradictions_con002_different_numbers_are_two_statements(light_parse, text):
    assert list(find_repetitions(light_parse(text))) == []


@pytest.mark.parametrize(
    "a, b, overlap",
    [
        ({"plan", "end"}, {"plan", "end", "city"}, 1.0),
        ({"plan", "end", "city", "tax"}, {"plan", "vote"}, 0.5),
        (set(), {"plan"}, 0.0),
        ({"plan"}, set(), 0.0),
    ],
)
def test_contradictions_overlap_is_share_of_the_shorter(a, b, overlap):
    from presslint.analyzers import contradictions

    assert contradictions._overlap(frozenset(a), frozenset(b)) == overlap


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


RALLY = (
    "The former governor spoke hours after Ms. Vance, who has been leading in polls here, held a rally nearby in which "
    "she kept up her attack on Mr. Hale, mocking his ''mission accomplished'' speech on the floods and pointedly "
    "saying the state was not ''safe'' during the governor's tenure.\n\n"
)


@pytest.mark.parametrize(
    "text, fires",
    [
        # the quote is a question mocking the claim the narration paraphrased: nothing asserted against it
        (
            RALLY + "''What does that mean, he kept the state safe after the floods?'' Ms. Vance asked, repeating a "
            "charge she made in Saturday's debate.",
            False,
        ),
        # the other side says it, as a statement: still a conflict
        (RALLY + "''He kept the state safe after the floods,'' Mr. Hale's spokesman, Tom Reed, said on Sunday.", True),
    ],
)
def test_contradictions_question_asserts_nothing(light_parse, text, fires):
    assert any(f.code == "CON001" for f in find_contradictions(light_parse(text))) is fires


# Arriving and leaving are two events in sequence; a clause whose subject is 'what' names a question. Neither sets
# one statement against another; a plain denial of the same event still does.
@pytest.mark.parametrize(
    "text, fires",
    [
        (
            "Officials said a security team arrived at the embassy shortly before the envoy arrived. Embassy staff "
            "insisted that the envoy left the embassy, but have shown no evidence.",
            False,
        ),
        (
            "The judge wrote that the scan didn't constitute a search under the law. Cases over what constitutes an "
            "unlawful search will keep reaching the court.",
            False,
        ),
        (
            "The ministry said the plant closed in May. A union leader said the plant did not close and is still "
            "running.",
            True,
        ),
    ],
)
def test_contradictions_sequence_and_wh_clauses_state_no_conflict(light_parse, text, fires):
    assert any(f.code == "CON001" for f in find_contradictions(light_parse(text))) is fires
