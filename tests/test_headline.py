"""HED001-HED003: question headlines answered no or left open, headline claims the body lacks."""

from __future__ import annotations

import pytest

from presslint.analyzers.headline import RULES, find_headline_findings


@pytest.fixture(scope="module")
def light_parse(parse):
    """The whole pipeline (so quotes and sources are there), with a fixed publication date."""
    return lambda text: parse(text, date="2022-03-01")


def codes(light_parse, text: str) -> list[str]:
    return [f.code for f in find_headline_findings(light_parse(text))]


ANSWERED_NO = [
    "Will the strike at the port end this week?\n\nUnion leaders said on Monday that the strike at the port would "
    "continue into next month. Managers declined to comment.",
    "Will the government withdraw the fuel tax?\n\nThe finance minister said the government would keep the fuel tax "
    "and would not withdraw the fuel tax before the election.",
    "Is the new bridge safe?\n\nEngineers said the new bridge was unsafe and should be closed to lorries.",
    "Did the airline win its appeal?\n\nThe airline lost its appeal at the high court on Wednesday, judges ruled.",
    "Will the museum reopen in spring?\n\nThe museum will remain closed until next year, the city said. Repairs to "
    "the roof have not reopened the museum's galleries.",
]

ANSWERED_YES = [
    "Will the pension reform pass?\n\nThe senate approved the pension reform on Thursday by 180 votes to 120.",
    "Is the vaccine safe for children?\n\nRegulators said the vaccine is safe for children over five.",
    "Did the striker leave the club?\n\nThe striker left the club on Monday after six seasons, the club confirmed.",
    # the body affirms the question with an event noun ("completed his transfer")
    "Is Mendes leaving Benfica for Ajax?\n\nBenfica midfielder Rui Mendes has completed his transfer to Ajax for 12 "
    "million euros, the two clubs said on Monday.",
]

LEFT_OPEN = [
    "Will the airline cut fares?\n\nAnalysts said the airline may cut fares if demand weakens. The company reported "
    "a profit of 2 million euros.",
    "Will interest rates rise again?\n\nEconomists are divided. Some expect that rates could rise in the summer, "
    "while others point to slowing growth.",
]


@pytest.mark.parametrize("text", ANSWERED_NO)
def test_headline_hed001_answered_no(light_parse, text):
    findings = list(find_headline_findings(light_parse(text)))
    assert [f.code for f in findings] == ["HED001"], [f.message for f in findings]
    finding = findings[0]
    assert finding.related and finding.evidence["answers"][0]["answer"] == "no"
    assert finding.evidence["headline"]["predicate"] and finding.evidence["answers"][0]["reason"]


@pytest.mark.parametrize("text", ANSWERED_YES)
def test_headline_answered_yes_is_silent(light_parse, text):
    assert codes(light_parse, text) == []


@pytest.mark.parametrize("text", LEFT_OPEN)
def test_headline_hed002_left_open(light_parse, text):
    findings = list(find_headline_findings(light_parse(text)))
    assert [f.code for f in findings] == ["HED002"]
    assert findings[0].severity == "info"


def test_headline_hed002_nothing_related_is_low_confidence(light_parse):
    findings = list(
        find_headline_findings(
            light_parse(
                "Is the new stadium worth the money?\n\nThe stadium seats 40,000 fans. Tickets for the opening match sold "
                "out in an hour."
            )
        )
    )
    assert [f.code for f in findings] == ["HED002"] and findings[0].confidence <= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Why did the talks fail?\n\nThe talks failed because neither side would compromise on wages.",  # wh-question
        "Airline profits rise\n\nThe airline's profits rose by 12% in the first quarter.",  # consistent statement
    ],
)
def test_headline_other_questions_and_statements_silent(light_parse, text):
    assert codes(light_parse, text) == []


NUMBER_MISMATCH = [
    "Flood kills 50 in coastal town\n\nRescuers said 15 people were killed when the river burst its banks on Sunday.",
    "Carmaker to cut 2,000 jobs\n\nThe carmaker said it would cut 200 jobs at its plant in the north.",
]

NUMBER_CONSISTENT = [
    "Flood kills 15 in coastal town\n\nRescuers said 15 people were killed when the river burst its banks.",
    "Nearly 50 hurt in train crash\n\nOfficials said 48 passengers were hurt when two trains collided.",
    "Bank posts 1.5m profit\n\nThe bank reported a profit of 1,510,000 pounds for the year.",
    "Three things to know about the budget\n\nThe chancellor presented the budget on Wednesday.",  # nothing to compare
]


@pytest.mark.parametrize("text", NUMBER_MISMATCH)
def test_headline_hed003_number_not_in_body(light_parse, text):
    findings = list(find_headline_findings(light_parse(text)))
    assert [f.code for f in findings] == ["HED003"]
    assert findings[0].evidence["headline_number"] and findings[0].evidence["body_numbers"]


@pytest.mark.parametrize("text", NUMBER_CONSISTENT)
def test_headline_hed003_number_consistent(light_parse, text):
    assert codes(light_parse, text) == []


def test_headline_hed003_person_never_mentioned(light_parse):
    findings = list(
        find_headline_findings(
            light_parse(
                "Minister says Maria Gonzalez will lead the inquiry\n\nThe government said a senior judge would lead the "
                "inquiry into the hospital scandal, which opens in May."
            )
        )
    )
    assert [f.code for f in findings] == ["HED003"]
    assert findings[0].evidence["name"] == "Maria Gonzalez"


@pytest.mark.parametrize(
    "text",
    [
        "Maria Gonzalez to lead the inquiry\n\nThe government said Judge Gonzalez would lead the inquiry.",  # surname
        "World Health Organization warns on measles\n\nThe WHO said cases of measles had doubled.",  # acronym
        "Barcelona Beat Madrid In Thriller\n\nThe Catalan side won 3-2 at home on Sunday.",  # title case: not checked
    ],
)
def test_headline_hed003_names_found_or_not_checked(light_parse, text):
    assert codes(light_parse, text) == []


def test_headline_no_title_is_silent(light_parse):
    assert codes(light_parse, "The council approved the budget. The mayor said the budget was balanced.") == []


def test_headline_rules_catalogued():
    assert [(r.code, r.name, r.severity) for r in RULES] == [
        ("HED001", "question-headline-answered-no", "warning"),
        ("HED002", "question-headline-left-open", "info"),
        ("HED003", "headline-claim-not-in-body", "warning"),
        ("HED004", "headline-stronger-than-body", "warning"),
        ("HED005", "headline-quote-not-in-body", "warning"),
    ]
    assert all(r.explanation and r.example for r in RULES)


def test_headline_not_yet_is_left_open_not_no(light_parse):
    findings = list(
        find_headline_findings(
            light_parse(
                "Will the council approve the housing plan?\n\nThe council has yet to approve the housing plan, and a "
                "public hearing will take place in May."
            )
        )
    )
    assert [f.code for f in findings] == ["HED002"]


# Rhetorical question headlines: a jab at someone or an appeal, not a yes/no question the body should answer.
RHETORICAL = [
    "Seriously, Senator? Another vote against flood relief\n\nSenator Jane Doe voted against the relief bill on "
    "Tuesday, days after calling for more aid.",
    "Are you kidding me, Senator?\n\nSenator Jane Doe voted against the relief bill on Tuesday.",
    "Is this really the best the council can do?!\n\nThe council approved a 2 per cent budget increase on Tuesday.",
    "Really, Minister? Another fee rise?\n\nThe ministry raised passport fees by 10 euros on Monday.",
    "Will you pay more for water next year?\n\nThe regulator approved new water tariffs on Monday.",
]


@pytest.mark.parametrize("text", RHETORICAL)
def test_headline_rhetorical_question_is_not_hed001_or_hed002(light_parse, text):
    assert [c for c in codes(light_parse, text) if c in ("HED001", "HED002")] == []


@pytest.mark.parametrize(
    "title, why",
    [
        ("Seriously, Senator?", "opens with 'Seriously'"),
        ("Is this the best the council can do?!", "exclamation"),
        ("Are you ready for the new tax?", "addresses someone"),
        ("Another delay, Mr Mayor?", "addresses someone"),
    ],
)
def test_headline_rhetorical_reason(light_parse, title, why):
    from presslint.analyzers.headline import rhetorical

    doc = light_parse(f"{title}\n\nThe council met on Monday.")
    first = next(s for s in doc.sents if s.text.strip())
    assert rhetorical(first) == why


def test_headline_plain_question_still_left_open(light_parse):
    text = (
        "Will the strike end this week?\n\nUnion leaders said on Monday that talks with the port operator had "
        "resumed. No date was set for a vote."
    )
    assert codes(light_parse, text) == ["HED002"]


# HED004: the headline's word carries a charge the body's milder wording does not.
STRONGER = [
    (
        "Terrorists storm border town\n\nArmed fighters entered the town at dawn, police said. Three militants were "
        "later arrested.",
        "Terrorists",
    ),
    (
        "Police clash with rioters in capital\n\nThousands of protesters marched on parliament on Saturday. Police "
        "used tear gas to disperse the demonstrators.",
        "rioters",
    ),
    (
        "Villagers massacred in overnight raid\n\nAt least 14 villagers were killed in an overnight attack, the "
        "provincial governor said.",
        "massacred",
    ),
    ("Regime blocks aid convoy\n\nThe government stopped a UN aid convoy at the border on Tuesday.", "Regime"),
    (
        "Council accused of fraud over housing grants\n\nAuditors found irregularities in how the council paid "
        "out housing grants last year.",
        "fraud",
    ),
]


@pytest.mark.parametrize("text, word", STRONGER)
def test_headline_hed004_stronger_than_body(light_parse, text, word):
    findings = [f for f in find_headline_findings(light_parse(text)) if f.code == "HED004"]
    assert len(findings) == 1 and findings[0].span.text == word, [f.message for f in findings]
    assert findings[0].related and findings[0].evidence["body_words"]


@pytest.mark.parametrize(
    "text",
    [
        # the body uses the word as well
        "Terrorists attack border post\n\nThe gunmen, whom the interior ministry called terrorists, fled south.",
        # someone's word in the headline's quotation marks
        'Minister calls marchers "thugs"\n\nThe minister said the protesters were "thugs" who wanted chaos.',
        # nothing milder in the body to compare with
        "Massacre anniversary marked in silence\n\nHundreds gathered in the square on Sunday to remember.",
        # a plain headline
        "Fighters enter border town\n\nArmed fighters entered the town at dawn, police said.",
    ],
)
def test_headline_hed004_silent(light_parse, text):
    assert "HED004" not in codes(light_parse, text)


# HED005: quotation marks in the headline around words nobody says in the body.
@pytest.mark.parametrize(
    "text, narration",
    [
        (
            "Mayor calls budget 'a betrayal of the city'\n\nThe mayor said the budget was \"badly flawed\" and would "
            "hurt schools.",
            False,
        ),
        ('Coach: "We were robbed"\n\nThe coach said the referee had made two mistakes in the second half.', False),
        (
            "Mayor calls budget 'a betrayal of the city'\n\nThe mayor said the budget was a betrayal of the city.",
            True,
        ),
    ],
)
def test_headline_hed005_quote_not_in_body(light_parse, text, narration):
    findings = [f for f in find_headline_findings(light_parse(text)) if f.code == "HED005"]
    assert len(findings) == 1, [f.message for f in findings]
    assert findings[0].evidence["in_body_narration"] is narration


@pytest.mark.parametrize(
    "text",
    [
        'Mayor calls budget "a betrayal of the city"\n\n"This budget is a betrayal of the city and everyone in it," '
        "the mayor said on Monday.",
        'Senator Calls Plan ‘A Disgrace’\n\nSenator Ana Ruiz called the plan "a disgrace" on Monday.',  # title case
        'Union: pay offer "an insult ... to every nurse"\n\n"The offer is an insult, frankly, to every nurse in '
        'this country," the union said.',  # an ellipsis in the headline quote
        "Trump's 'fight' for jobs\n\nTrump said he would fight for jobs in Ohio.",  # one scare-quoted word
        "Council's housing plan under fire\n\nCouncillors criticised the plan on Tuesday.",  # no quotation marks
    ],
)
def test_headline_hed005_silent(light_parse, text):
    assert "HED005" not in codes(light_parse, text)
