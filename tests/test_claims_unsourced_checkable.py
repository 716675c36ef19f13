"""SRC006: a figure, a poll standing, public opinion or an effect stated in the writer's own voice with no source
named (presslint.analyzers.claims, checkable_reason / find_unsourced). Sentences written for the project."""

from __future__ import annotations

import pytest

TITLE = "County news"


def _src006(parse, text: str, title: str = TITLE) -> list:
    doc = parse(text, title=title)
    return [f for f in doc._.pl_findings if f.code == "SRC006"]


# What fires, several wordings per kind.
FIRES = [
    # (a) figures: money, percentages, shares, counts
    ("The school district spent $4.6 million on new buses last year.", "figure"),
    ("Roughly 38 percent of the county's households rent their homes.", "figure"),
    ("The nurses' union now has 14,000 members across the region.", "figure"),
    # a count of players that is a standing statistic, in the present, stays a figure
    ("The junior league now has 1,200 registered players across the region.", "figure"),
    ("Roughly 60 percent of the county's teachers hold a master's degree.", "figure"),
    # a share of the vote in the present is as often a poll's as a result
    ("The senator has just 6 percent support of the Latino vote in the state.", "figure"),
    ("The reelection fund holds $780,000 in cash, more than any rival's.", "figure"),
    ("Nearly half of the county's bridges are rated in poor condition.", "figure"),
    ("More than 40,000 Canadians have signed up for the rebate since it opened.", "figure"),
    # a person's approval is no body's decision on the record
    ("Residents approved of the plan by a margin of 3 to 1, with 61 percent in favour.", "figure"),
    # (a) standings from polls nobody names
    ("Patel is running a distant fourth in statewide polling.", "poll"),
    ("Okafor has trailed in the polls since the summer.", "poll"),
    ("Okafor's poll numbers have climbed since the debate.", "poll"),
    ("The governor's approval ratings have slipped since the budget fight.", "poll"),
    # (b) public opinion, a group's feelings
    ("The new transit levy is deeply unpopular among suburban commuters.", "opinion"),
    ("Rural voters are rallying behind the former sheriff.", "opinion"),
    ("Young renters have soured on the mayor.", "opinion"),
    ("The water plan is popular with small-business owners.", "opinion"),
    # (c) an effect on someone's fortunes, a thing as its cause
    ("The tax rebate helped lift the governor's approval among retirees.", "effect"),
    ("The debate stumble cost the senator crucial votes in the suburbs.", "effect"),
    ("The layoffs have eroded confidence in the company's leadership.", "effect"),
    ("Her stance on water rights has boosted her popularity with farmers.", "effect"),
    ("The scandal has damaged the mayor's reputation among business owners.", "effect"),
]


@pytest.mark.parametrize(("text", "kind"), FIRES)
def test_claims_src006_unsourced_checkable_claim_fires(parse, text, kind):
    found = _src006(parse, text)
    assert [f.evidence["kind"] for f in found] == [kind]
    assert found[0].severity == "info"


# Near misses: sourced in reach, quoted, hedged, background, a scene, a named poll, a camp, a person's own act.
QUIET = [
    "The campaign had raised $3.2 million by June, its treasurer said.",
    "According to the county assessor, 38 percent of households rent their homes.",
    '"We have raised $3.2 million," the treasurer told reporters.',
    "Patel is running fourth in a Marist poll released on Tuesday.",
    "A Monmouth University survey asked 800 likely voters about the race on Monday.\n\n"
    "Okafor trails in the polls by nine points.",
    "The county treasurer released her annual report on Friday.\n\nThe reserve fund holds $780,000 in cash.",
    "The agency released figures on Friday showing that 4.9 percent of workers were unemployed.",
    "The senator spoke to 2,300 people in the gymnasium on Friday.",
    "The fire killed three people and destroyed two homes.",
    # the field of a past contest: players, runners, entrants at the event the article reports
    "The tournament, organised by the national federation, drew 208 players from 41 countries.",
    "The city marathon attracted 4,300 runners on Sunday despite the rain.",
    "More than 150 athletes took part in the trials last weekend.",
    "The contest had 120 entrants from across the county.",
    "The 62-year-old mayor has served on the council for 14 years.",
    "The election will be held on Nov. 8, and polling places open at 7 a.m.",
    "The plan may cost $2 billion over a decade.",
    "The governor's approval rating could slip further if the strike drags on.",
    "If the levy passes, bus fares would fall by 5 percent.",
    "Republicans are rallying behind the speaker.",
    "His supporters are lining up behind him.",
    "The senator boosted spending on roads and bridges.",
    "The Fortune 500 company moved its headquarters to Denver.",
    "Voters will go to the polls on Tuesday.",
    "The new engine puts out 300 kW and almost 490 lb-ft of torque.",
    "The river runs at depths of 20-820 metres along the valley.",
    "Shares of the retailer gained $2.85, or 8.1 percent, to $38.05 before the market opened.",
    "The 30-year bond rose in price to yield 2.25%, from 2.29% late on Monday.",
    "The agency faces 18 lawsuits over the program.",
    "Channel 10 News spoke with her in an interview.",
    "It takes 218 votes to pass a bill in the House.",
    "Three-month copper lost 0.4% to $8,120 a tonne on Tuesday.",
    "Her deputy in the 10,000 Women program was a former banker.",
    "A consultant whose advice has helped the studio protect its reputation joined the firm in May.",
    # a body's decision puts its figure on the record
    "The council approved increases of 6 percent a year for the following three years.",
    "The school board adopted a $48 million budget on Tuesday.",
    # an election's official count: votes, delegates, seats, a share that voted (public data, like a market quote)
    "Morales has won 212 delegates so far, well short of the number needed.",
    "The incumbent took 58 percent of the vote in the first round.",
    "Nearly 12 percent of them voted for the independent, a retired judge.",
    "The Greens won 14 seats, four more than in the last parliament.",
    "In all, 1,104 delegates are at stake in Tuesday's primaries.",
    "With 312 delegates at stake, the governor is sure to win at least half of them.",
    "Okafor won 64 percent of 1,190 votes cast at the party caucus.",
    "The mayor took 61 percent of the vote to her challenger's 39 percent.",
    # what a named document provides, in the plain present
    "Under the city charter, a candidate needs more than half of the votes cast to win outright.",
    "Under the new contract, nurses receive a raise of 4 percent a year through 2028.",
    "Under the fishing treaty, each country keeps 12 percent of the annual catch.",
    # the outlet's note on its own article
    "Pratt took 43.9 percent of the vote, according to unofficial results.\n\n"
    "Correction: An earlier version misstated Pratt's share. It was 43.9 percent, not 45.9 percent.",
    "The board meets on Monday.\n\nClarification: The district spent $4.6 million on buses, not $6.4 million.",
]


@pytest.mark.parametrize("text", QUIET)
def test_claims_src006_quiet_when_sourced_or_routine(parse, text):
    assert not _src006(parse, text), [f.message for f in _src006(parse, text)]


@pytest.mark.parametrize(
    "text, figure",
    [
        # a body's decision elsewhere in the sentence does not put this figure on the record
        (
            "When nine counties adopted the new maps in 2019, Harlan County rejected them by 72 percent.",
            "72 percent",
        ),
        # what happened under a document, or under a person, is no provision of it
        ("Under the new law, 40,000 people have lost their health coverage.", "40,000"),
        ("Under the mayor, the city spends $4.6 million a year on new buses.", "$4.6 million"),
        ("A candidate needs more than half of the votes cast to win outright.", "more than half"),
    ],
)
def test_claims_src006_figure_not_sourced_by_a_decision_on_something_else(parse, text, figure):
    assert figure in [f.span.text for f in _src006(parse, text)]


def test_claims_src006_figure_repeated_from_the_writers_own_voice_still_fires(parse):
    # the first statement gave no source, so the repeat is no sourced figure either
    text = (
        "The board meets again on Monday to vote on the bus contract.\n\nThe district spent $4.6 million on new "
        "buses last year.\n\nThe $4.6 million came from a state grant."
    )
    assert [f.related[0].text for f in _src006(parse, text)] == [
        "The district spent $4.6 million on new buses last year.",
        "The $4.6 million came from a state grant.",
    ]


def test_claims_src006_figure_keeps_a_hyphenated_number_word(parse):
    found = _src006(parse, "Ninety-two percent of the county's schools had failed an inspection.")
    assert [f.span.text for f in found] == ["Ninety-two percent"]


def test_claims_src006_a_speaker_next_door_names_no_poll(parse):
    """A quotation in the paragraph before sources a figure that follows it, never a poll standing or the public's
    mood: only a poll names a poll."""
    said = 'The senator spoke in Ames on Friday. "We are going to win this," she told the crowd.\n\n'
    assert _src006(parse, said + "Young renters have soured on the mayor.")
    assert _src006(parse, said + "Okafor has trailed in the polls since the summer.")
    assert not _src006(parse, said + "The campaign had raised $3.2 million by June.")


def test_claims_src006_headline_never_fires(parse):
    assert not _src006(parse, "The board met on Tuesday to discuss the schedule.", title="District spent $4.6 million")


def test_claims_src006_quiet_in_a_first_person_column(parse):
    """A column argues with its figures: 'I', 'me', 'my' three times outside quotation marks."""
    column = (
        "I have lived in this county for most of my life.\n\n"
        "The school district spent $4.6 million on new buses last year.\n\n"
        "My own street still has no sidewalk."
    )
    assert not _src006(parse, column)
    report = (
        "Residents of the county have waited years for sidewalks.\n\n"
        "The school district spent $4.6 million on new buses last year.\n\n"
        "Elm Street still has no sidewalk."
    )
    assert _src006(parse, report)


def test_claims_src006_quiet_on_a_labelled_opinion_page(parse):
    assert not _src006(parse, "The school district spent $4.6 million on new buses last year.", title="Opinion: Buses")


def test_claims_src006_quiet_when_the_headline_names_the_poll_or_study(parse):
    text = "Against the mayor, the challenger earned 51 percent to her 35 percent."
    assert not _src006(parse, text, title="Poll: challenger leads the mayor")
    assert not _src006(parse, text, title="New survey finds a tight race")
    assert _src006(parse, text, title="Challenger leads the mayor")


# Paragraphs between the lead and the figure, with nothing that sources it, so only the lead can.
_MIDDLE = (
    "\n\nBuyers have been cautious since the spring.\n\n"
    '"It is a slower market," said Dana Ruiz, a broker in Eastport.\n\n'
    "The Lams have been looking for a house since March. They lost three bids to cash buyers.\n\n"
    "Their landlord plans to sell the building next year.\n\n"
)
_FIGURE = "The median condominium sold for $268,000 in September, up 1.4 percent from a year earlier."


@pytest.mark.parametrize(
    "lead, quiet",
    [
        # the lead names the data the article reports, or a company's own results
        (
            "Home prices in the county fell for a second month in September, according to figures released "
            "Monday by the county's realtors' association.",
            True,
        ),
        (
            "A survey of 1,200 landlords, released on Tuesday by the state housing agency, found that rents fell in "
            "the third quarter.",
            True,
        ),
        (
            "Harbor Homes, the region's largest builder, reported third-quarter profit that beat forecasts on Tuesday.",
            True,
        ),
        (
            "Home sales in the county fell for a second month in September, the state housing agency said on Monday "
            "in its monthly market report.",
            True,
        ),
        # near misses: the lead quotes a person, or a company reports something other than its results
        (
            "Home prices in the county fell for a second month in September, according to a spokesman for the mayor.",
            False,
        ),
        ("Home prices in the county fell for a second month in September, an economist at the state bank said.", False),
        ("Harbor Homes, the region's largest builder, reported a fire at its sawmill on Tuesday morning.", False),
        # evidence mentioned in the lead, or a news report, names no data for the article's figures
        (
            "Home sales in the county fell for a second month in September, the mayor said on Monday in her "
            "weekly report to the council.",
            False,
        ),
        ("Rents in the county fell in some surveys this autumn, and landlords are worried about empty flats.", False),
        ("Economic data matter to every family that is choosing between renting a home and buying one.", False),
        (
            "According to a new report by the Gazette, landlords in the county are struggling to fill empty flats.",
            False,
        ),
    ],
)
def test_claims_src006_quiet_when_the_lead_names_the_data(parse, lead, quiet):
    found = _src006(parse, lead + _MIDDLE + _FIGURE)
    assert (not found) is quiet, [f.message for f in found]


def test_claims_src006_capped_per_article_most_checkworthy_first(parse):
    """At most three per article, however many figures a story runs."""
    text = "\n\n".join(
        [
            "The district spent $4.6 million on buses in 2020.",
            "It spent $2.1 million on roofs.",
            "Roughly 38 percent of its schools need new boilers.",
            "The district employs 2,400 teachers.",
            "Its reserve fund holds $780,000.",
        ]
    )
    found = _src006(parse, text)
    assert len(found) == 3
    assert [f.span.start for f in found] == sorted(f.span.start for f in found)


def test_claims_src006_message_says_what_is_unsourced_and_what_would_source_it(parse):
    figure = _src006(parse, "The school district spent $4.6 million on new buses last year.")[0]
    assert "'$4.6 million'" in figure.message and "no source is given for the figure" in figure.message
    assert figure.related and figure.related[0].text.startswith("The school district")
    poll = _src006(parse, "Okafor has trailed in the polls since the summer.")[0]
    assert "no poll is named" in poll.message
    opinion = _src006(parse, "Young renters have soured on the mayor.")[0]
    assert "no poll or survey is named" in opinion.message


def test_claims_src006_sentence_is_in_the_claims_list_as_unsourced(check_text):
    report = check_text("County news\n\nThose cuts have eroded confidence in the school board.")
    found = [f for f in report.findings if f.code == "SRC006"]
    assert found
    lines = [line for line in report.summary.claim_list if report.claims[line.claim].span.overlaps(found[0].span)]
    assert lines and not lines[0].sourced


# A game's statistics, several paragraphs after the lead, with nothing else that sources them.
_GAME_MIDDLE = (
    '\n\n"We needed this one," the captain said after the game.\n\n'
    "The visitors had lost four in a row before the trip.\n\n"
)
_GAME_FIGURES = [
    "The home side shot 41 percent from the field and made 9 of 31 three-point attempts.",
    "Rahane finished on 54 not out from 131 balls, with six fours.",
    "The visitors completed 512 passes, 140 more than their hosts.",
]


@pytest.mark.parametrize("figure", _GAME_FIGURES)
@pytest.mark.parametrize(
    "lead, quiet",
    [
        # the lead tells a game's result: a scoreline governed by a verb of winning, or a margin in a game's units
        (
            "Chidinma Okafor scored 34 points and the Los Angeles Sparks held off the Minnesota Lynx 98-93 on "
            "Saturday night, snapping a four-game losing streak.",
            True,
        ),
        ("Arsenal beat Chelsea 3-1 at the Emirates on Sunday to move two points clear at the top of the table.", True),
        (
            "An unbeaten partnership of 118 carried Mumbai to a five-wicket victory over Saurashtra on the final day "
            "of their Ranji Trophy match on Sunday.",
            True,
        ),
        ("Somerset won by 12 runs at Taunton on Friday after bowling out Kent in the last over of the day.", True),
        # near misses: a vote's tally, a range of figures, a margin in points or votes, a result word with no score
        ("The city council voted 5-2 on Tuesday night to delay a decision on the $18 million parking garage.", False),
        ("The Senate defeated the amendment 52-48 on Tuesday after a long debate over the farm subsidy bill.", False),
        ("The board rejected the motion 7-2 and then won the right to appeal the ruling in the state court.", False),
        ("The board approved budgets for 2024-2025 on Tuesday and set the tax rate for the coming year.", False),
        ("The mayor won re-election by a 10-point margin on Tuesday, carrying every ward but one in the city.", False),
        ("The union said it had won a victory for its members after three weeks of talks with the hospital.", False),
    ],
)
def test_claims_src006_quiet_when_the_lead_reports_a_match_result(parse, lead, quiet, figure):
    found = _src006(parse, lead + _GAME_MIDDLE + figure)
    assert (not found) is quiet, [f.message for f in found]
