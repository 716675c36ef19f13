"""Machine-translation artefacts (MTA001-MTA003): tables of should-fire and must-not-fire sentences."""

from __future__ import annotations

import pytest

from presslint.analyzers import translation

pytestmark = pytest.mark.model


def _findings(parse, text, code):
    return [f for f in parse(text)._.pl_findings if f.code == code]


SHOULD_FIRE = [
    # MTA001 duplicated word
    ("MTA001", "Officials said the the talks would resume on Monday.", "the the"),
    ("MTA001", "The delegation arrived in in Baghdad late on Tuesday.", "in in"),
    ("MTA001", "The bank said it it would raise rates again in June.", "it it"),
    ("MTA001", "Farmers were were told to move their cattle to higher ground.", "were were"),
    ("MTA001", "The The vaccine was approved by regulators on Friday.", "The The"),
    ("MTA001", "Firefighters managed to to contain the blaze by midnight.", "to to"),
    # MTA002 broken punctuation
    ("MTA002", "The minister arrived in Cairo , where he met his counterpart.", " ,"),
    ("MTA002", "The vote was postponed . , officials said.", "."),
    ("MTA002", "The report, Has been delayed until next year.", ", Has"),
    ("MTA002", "The council (which meets monthly said nothing about the budget.", "("),
    ("MTA002", "Prices rose sharply in March,, the statistics office said.", ",,"),
    ("MTA002", "The talks will resume next week ; no date has been set.", " ;"),
    ("MTA002", "The mayor said, The bridge will reopen in spring.", ", The"),
    ("MTA002", 'Police said the suspect "fled on foot after the robbery.', '"'),
    ("MTA002", "Will the strike end ?", " ?"),
    ("MTA002", "”We are not leaving,” the union leader told reporters outside the plant.", "”"),
    ("MTA002", "The coach called the result “a disaster for the club.“\n\nThe board met on Monday.", "“"),
    ("MTA002", "He replied, “Don’t say, ‘Happy holidays!’ “\n\nThe airline apologised on Monday.", "“"),
    ("MTA002", "The laptop gets a redesigned chassis.Many buyers had asked for a lighter one.", "chassis.Many"),
    ("MTA002", "The ferry was cancelled because of the storm.Passengers waited for hours.", "storm.Passengers"),
    ("MTA002", "Turnout was low, officials said.The count resumed on Monday.", "said.The"),
    # MTA003 literal translation
    (
        "MTA003",
        "The two countries agreed to strengthen their mutual cooperation in the field of energy.",
        "mutual cooperation",
    ),
    ("MTA003", "The army returned back to its barracks after the parade.", "returned back"),
    ("MTA003", "The ministry announced an announcement on the new visa rules.", "announced an announcement"),
    ("MTA003", "The government decided a decision to close the border.", "decided a decision"),
    ("MTA003", "The company has been operating here since 3 years.", "since 3 years"),
    ("MTA003", "The ministry provided equipments to farmers in the north.", "equipments"),
    ("MTA003", "From its side, the ministry denied the report.", "From its side"),
    ("MTA003", "The leaders discussed about the crisis in Sudan.", "discussed about"),
    (
        "MTA003",
        "The minister praised the agreement, which he described it as historic for both nations.",
        "which he described it",
    ),
    ("MTA003", "Police found the car which they had been searching it for since Monday.", "searching it"),
    ("MTA003", "The spokesman stressed on the need for calm in the capital.", "stressed on"),
    ("MTA003", "The plant was built in the year of 2015 with foreign funds.", "year of 2015"),
    ("MTA003", "Officials said the delegation will visit Ankara in the near time.", "in the near time"),
]

MUST_NOT_FIRE = [
    ("MTA001", "We will not win by having leaders tsk tsk over voters, she said."),
    ("MTA001", "The crowd chanted yeah yeah as the band came back on stage."),
    ("MTA003", "The candidate is drawing more support from her side of the ledger now, the analyst said."),
    ("MTA003", "Two senators from his side of the aisle voted against the bill."),
    ("MTA003", "The waiter was fired from his part-time job at the bar after the video spread."),
    # a date or an amount after the preposition: 'on Friday' says when, not what was emphasised
    ("MTA003", "Officials emphasized on Friday that the pope was not attacking the candidate."),
    ("MTA003", "The committee discussed about 20 proposals before the vote."),
    ("MTA003", "She returned the book which he gave her last week to the library."),
    ("MTA003", "The mayor opened the bridge, which she called a turning point for the town."),
    ("MTA001", "She had had enough of the delays, she said."),
    ("MTA001", "He said that that decision was final."),
    ("MTA001", "The band Duran Duran will tour Asia next year."),
    ("MTA001", "What it is is a tax on the poor, the senator said."),
    ("MTA001", "The campaign logged on on Monday to a record audience."),
    ("MTA001", "Sales rose in in-store and online channels."),
    ("MTA001", "The nurse gave her her medication at noon."),
    ("MTA001", "It was a very very close race, the returning officer said."),
    ("MTA002", "The minister arrived in Cairo, where he met his counterpart."),
    ("MTA002", "Shares of Acme Inc., a chipmaker, rose 3 percent on Thursday."),
    ("MTA002", "Tickets are sold only on tickets.Example.com and at the door."),
    ("MTA002", "The ad then shows the senator saying, “ you have to give them a path.” The ad ran on Monday."),
    ("MTA002", "As the paper reported, “ … if the vote were held tonight, she would win.” The vote is in May."),
    ("MTA002", "The shop moved its sales to ebay.Com last year, the owner said."),
    ("MTA002", "Write to press@city.Gov or call the office before Friday."),
    ("MTA002", "The meeting starts at 9 a.m.Tuesday in the town hall."),
    ("MTA002", "Read the filing at https://court.example.org/case.Smith before the hearing."),
    ("MTA002", "The results were released on Friday, The Guardian reported."),
    ("MTA002", "Officials said the ceasefire, which began on Sunday, was holding."),
    ("MTA002", "The rate rose to 4.5 percent (from 4.2 percent) in May."),
    ("MTA002", "He paused... then said nothing more about the deal."),
    ("MTA002", "The U.S., Canada and Mexico signed the pact in 2018."),
    ("MTA002", "Government Says, Yes To New Rail Link"),
    ("MTA002", '"We will rebuild," the mayor said on Tuesday.'),
    ("MTA002", "The plant in Dayton, Ohio, and a depot in Gary, Ind., will close in May."),
    ("MTA002", "Sen. Ann Hale, R-Tenn., voted against the bill; Rep. Joe Marsh, D-Mass., abstained."),
    ("MTA002", "The storm hit Mobile, Ala.; flights were cancelled across the region."),
    ("MTA002", '"The bridge is safe,” the engineer said after the inspection.'),
    ("MTA002", '“We expect a decision soon," a spokeswoman for the agency said.'),
    ("MTA002", 'The suspect is 5\'11" tall, police said, and was last seen "heading north."'),
    (
        "MTA002",
        '<tweet author="cityhall" lang="en>Polls open at 7</tweet>. The mayor said voting was "going smoothly."',
    ),
    (
        "MTA002",
        '"The town was quiet that night.\n\n“Nobody expected it,” one resident said, adding that the '
        'streets were empty."',
    ),
    ("MTA003", "In this regard, the ministry will take a decision next week."),
    ("MTA003", "The president will make a visit to Japan in the spring."),
    ("MTA003", "The committee refused to name names in its report."),
    ("MTA003", "The company has been operating here since 2019."),
    ("MTA003", "The firm researches new equipment for hospitals."),
    ("MTA003", "The two sides discussed the crisis in Sudan for three hours."),
    ("MTA003", "Within the framework of the deal, tariffs will fall by half."),
    ("MTA003", "The ministry announced a new plan to cut emissions."),
]


@pytest.mark.parametrize("code,text,words", SHOULD_FIRE)
def test_translation_fires(parse, code, text, words):
    found = _findings(parse, text, code)
    assert found, f"{code} did not fire on: {text}"
    assert any(words.lower() in f.span.text.lower() for f in found), [f.span.text for f in found]
    assert all(f.severity == "info" and f.span.text == text[f.span.start : f.span.end] for f in found)


@pytest.mark.parametrize("code,text", MUST_NOT_FIRE)
def test_translation_stays_quiet(parse, code, text):
    found = _findings(parse, text, code)
    assert not found, [(f.span.text, f.message) for f in found]


def test_translation_quote_running_into_next_paragraph_is_balanced(parse):
    text = "“The first part of the plan is ready.\n\n“The second part will follow next year,” the minister said."
    assert not _findings(parse, text, "MTA002")


def test_translation_quote_opened_with_a_closing_mark_is_reported_once(parse):
    text = "He says,” there are a lot of people who never get listened to.” The meeting ended at noon."
    found = _findings(parse, text, "MTA002")
    assert [(f.message, text[f.span.start : f.span.end]) for f in found] == [("'”' closes nothing", "”")]
    assert found[0].span.start == text.index("”")


def test_translation_run_on_sentences_told_once_with_all_places(parse):
    text = "The storm.Passengers waited.Nobody came. The bus left on time.Drivers were tired."
    found = _findings(parse, text, "MTA002")
    assert len(found) == 1
    assert found[0].message == "no space after the full stop (3 places)"
    assert [text[s.start : s.end] for s in [found[0].span, *found[0].related]] == [
        "storm.Passengers",
        "waited.Nobody",
        "time.Drivers",
    ]


def test_translation_literal_finding_suggests_natural_english(parse):
    (finding,) = _findings(parse, "The army returned back to its barracks after the parade.", "MTA003")
    assert finding.evidence["natural"] == "returned"
    assert "natural English" in finding.message


def test_translation_lexicons_have_explanations():
    assert all(c.natural and c.why for c in translation.calques().values())
    assert translation.cognates()["decide"] == "decision"
    assert [r.code for r in translation.RULES] == ["MTA001", "MTA002", "MTA003"]


# Emoticons in a quoted message or post are not broken punctuation.
@pytest.mark.parametrize(
    "text",
    [
        'The text read: "Running late, sorry :( see you at 8 :)" and the reply said "ok ;-)".',
        'Her last post said "miss you all :(" before the account went silent.',
        "The coach replied to the fan on social media with a single :-) and nothing else.",
        'His message ended with "thanks :\'(" and a link to the fundraiser.',
        'The account posted "love this city <3" an hour before the fire.',
    ],
)
def test_translation_emoticons_are_not_broken_punctuation(parse, text):
    assert not _findings(parse, text, "MTA002"), [f.span.text for f in _findings(parse, text, "MTA002")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("The council (which meets monthly said nothing about the budget.", "("),  # a real unclosed bracket
        ("The list covers items 1 to 8) and nothing more.", ")"),  # '8)' is no face
        ("The report (see page 8 was published on Monday.", "("),
    ],
)
def test_translation_broken_punctuation_near_emoticon_look_alikes_fires(parse, text, words):
    found = _findings(parse, text, "MTA002")
    assert any(words.strip() in f.span.text for f in found), [f.span.text for f in found]


# MTA002 on real copy: a surname that is also a function word, a title in title case, inline enumerators.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "Conservative columnist George Will has turned on the front-runner. In particular, Will wrote, the "
            "governor can challenge the former secretary of state.",
            False,
        ),
        ("She told her story in a memoir, In the Country We Love: My Family Divided, published Tuesday.", False),
        (
            "Rubio will come on strong for two reasons: 1) he will live in the state through the primary and 2) his "
            "rivals will fade.",
            False,
        ),
        # a series labelled in the sentence, with no colon before the first label
        ("The senator 1) read the letter, 2) called the mayor and 3) left the hall before the vote.", False),
        ("The senator read the letter 1) before noon, the aide said.", True),  # a lone '1)' closes nothing
        # an inch mark after feet is no closing quotation mark; the real one closes the quote
        ("“He is taller than me; he is like 6’2”,” the senator said on Sunday.", False),
        ("“His hands are the size of someone who is 5’2”. You cannot trust them.”", False),
        # a speaker inside a quotation voicing imagined words: the capital opens that speech
        ("“Would we have said, It’s hard, so I’m going to walk away?” the senator asked.", False),
        ("The senator said, It is hard to walk away from the table.", True),  # the writer's own sentence
        # a straight mark after a dash and before a nested quote's mark opens the quotation
        ("The week's reading list:\n—\"'Harbour Lights' star quits the show,\" by Ana Ruiz in the Herald.", False),
        ("The minister said, Has been a long week for the government.", True),  # the machine-translation fault
        ("The budget (which passed on Monday) was cut), the mayor said.", True),  # a bracket that closes nothing
    ],
)
def test_translation_mta002_names_titles_and_enumerators(parse, text, fires):
    assert bool(_findings(parse, text, "MTA002")) is fires


# A tweet's punctuation is its author's: '..' inside an embedded post is quoted as posted; the writer's own still fires.
@pytest.mark.parametrize(
    "text, fires",
    [
        (
            'Fans waited.\n<tweet tweet-author="@gatesfc" tweet-date="May 2, 2018">Doors open at six.. see you there<tweet/>',
            False,
        ),
        (
            "Fans waited.\nDoors open at six.. see you there\n— Gates FC (@gatesfc) May 2, 2018\nThe match sold out.",
            False,
        ),
        ("Fans waited.\nDoors opened at six.. and the stands filled quickly.\nThe match sold out.", True),
    ],
)
def test_translation_embedded_post_punctuation_is_the_posters(parse, text, fires):
    found = [f for f in parse(text)._.pl_findings if f.code == "MTA002" and f.span.text == ".."]
    assert bool(found) is fires, [(f.code, f.span.text) for f in parse(text)._.pl_findings]


# A paragraph that opens with an invisible direction mark (U+202A) and a backwards quotation mark: the mark opens the
# quote (reported once as turned the wrong way), and the correct closing mark is not reported as closing nothing.
def test_translation_direction_mark_before_a_backwards_opening_quote(parse):
    text = (
        "Comments flooded in.\n\n\u202a”Sorry Sarah, you should have said no!!!” wrote Pete Hill.\n\n"
        "\u202a”This is why they lost.” wrote Ann Lee."
    )
    messages = [f.message for f in _findings(parse, text, "MTA002")]
    assert messages and all("should be" in m for m in messages), messages
