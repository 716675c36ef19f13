"""The false-alarm kinds of held-out precision round 4 (docs/precision.md), each with near misses that must still fire.

Every sentence here was written for the project, in other wording than the texts the kinds were found in. Each row
is (text, code, span words or None, fires): the check runs through the public API with the default settings and the
rule selected, and a row that must fire fails if the rule goes silent.
"""

from __future__ import annotations

import pytest


def _hits(report, code: str, words: str | None) -> list:
    return [f for f in report.findings if f.code == code and (words is None or words in f.span.text)]


def _case(check_text, text: str, code: str, words: str | None, fires: bool) -> None:
    report = check_text(text, select=[code])  # the rule itself, whether or not it is on by default
    got = _hits(report, code, words)
    shown = [(f.code, f.span.text, f.message) for f in report.findings]
    assert bool(got) is fires, shown


# --- 1. CON001 / CON002 / NUM001: statements about different subjects or frames ----------------------------------
STATEMENTS = [
    # a bare pronoun is not a subject to match
    (
        "Two county commissioners said on Monday that they will not support the stadium plan. Mara Lee, who owns a "
        "bakery on Main Street, said she supports the stadium plan.",
        "CON001",
        False,
    ),
    (
        "The governor mocked his rival, saying he did not carry a single county. Alvarez carried both counties.",
        "CON001",
        False,
    ),
    # a qualifier (party, place, which contest) tells the two statements apart
    (
        "Turnout rose sharply in the Democratic primary. Turnout did not rise in the Republican primary.",
        "CON001",
        False,
    ),
    (
        "The measure passed in the Ohio Senate on Tuesday. The measure did not pass in the Kentucky Senate.",
        "CON001",
        False,
    ),
    # a real conflict between two sources about one event still fires
    (
        "Port officials said the naval blockade of Varna has ended. The fleet command said the naval blockade of "
        "Varna has not ended.",
        "CON001",
        True,
    ),
    (
        "Mara Lee said the stadium plan was approved on Monday. The council clerk said the stadium plan was not "
        "approved on Monday.",
        "CON001",
        True,
    ),
    # the same boilerplate sentence after two different events: 'latest' points at whatever came last
    (
        "Ortiz won the Harlow primary. Ortiz earned her latest win in a string of contests held on Tuesday.\n\nThe "
        "polls closed in the west at nine.\n\nOrtiz won the Dunmore primary. Ortiz earned her latest win in a string "
        "of contests held on Tuesday.",
        "CON002",
        False,
    ),
    # an identifying relative clause ('where exit polls were conducted') is not the statement
    (
        "Young voters made up a third of the electorate in four of ten states where exit polls were conducted on "
        "Tuesday. Most voters named the economy as their main worry in six of ten states where exit polls were "
        "conducted on Tuesday.",
        "CON002",
        False,
    ),
    # a forecast by one person against the result for another
    (
        "Governor Ruiz is backing Dana Kemp, but he is not predicting she will win the county's caucuses. Alvarez won "
        "the county's caucuses on Tuesday.",
        "CON002",
        False,
    ),
    (
        "The city council approved the new harbour budget on Tuesday. On Tuesday the city council approved the new "
        "harbour budget.",
        "CON002",
        True,
    ),
]


@pytest.mark.parametrize("text, code, fires", STATEMENTS)
def test_contradictions_different_subjects_or_frames(check_text, text, code, fires):
    _case(check_text, text, code, None, fires)


COUNTS = [
    # two thresholds of two contests: one says which contest, the other does not
    (
        "It takes 1,150 delegates to win the Labour leadership. Voting ends on Friday. It takes 900 delegates to win "
        "the leadership.",
        False,
    ),
    (
        "A bill needs 60 votes to pass in the Senate. The session ends in May. A bill needs 218 votes to pass in the "
        "House.",
        False,
    ),
    # two subjects, two counts
    ("Kemp has 412 delegates. Lowry has 230 delegates.", False),
    ("He has 412 delegates, his aides said. Lowry has 230 delegates.", False),
    # one frame, one subject, two values: a real conflict
    (
        "It takes 1,150 delegates to win the Labour leadership. Voting ends on Friday. It takes 1,250 delegates to "
        "win the Labour leadership.",
        True,
    ),
    ("The storm killed 12 people in the valley. The storm killed 15 people in the valley.", True),
]


@pytest.mark.parametrize("text, fires", COUNTS)
def test_quantities_counts_in_different_frames(check_text, text, fires):
    _case(check_text, text, "NUM001", None, fires)


# --- 2. Ordinary word senses ------------------------------------------------------------------------------------
SENSES = [
    # 'lot' as a plot of land
    (
        "Buyers paid a premium for a lakefront lot, and then a builder put a garage in front of them.",
        "LNG001",
        "lot",
        False,
    ),
    ("The family bought a golf-course lot in 2009 and built a house on it.", "LNG001", "lot", False),
    ("A vacant corner lot on Elm Street will become a park.", "LNG001", "lot", False),
    ("The senator dismissed the open-borders lot as cranks.", "LNG001", "lot", True),
    # in the plural, or as the place something is in, 'lot' is land: the group 'that lot' has neither
    ("The city could expand its park-and-ride lots on the edge of town.", "LNG001", "lot", False),
    ("Shoppers left their cars in the pay-and-display lots near the station.", "LNG001", "lot", False),
    ("Commuters parked in the park-and-ride lot before dawn.", "LNG001", "lot", False),
    ("He has no time for the tax-and-spend lot in the capital.", "LNG001", "lot", True),
    ("Voters are tired of the open-borders lot and its slogans.", "LNG001", "lot", True),
    ("The open-borders crowd will never accept the new law.", "LNG001", "crowd", True),
    # 'just a handful of days' as a time phrase
    (
        "The rally will take place in Denver on May 3, just a handful of days after the mayor lost the primary.",
        "LNG003",
        "handful",
        False,
    ),
    ("The verdict came just a handful of weeks before the election.", "LNG003", "handful", False),
    ("The council says just a handful of residents oppose the tower.", "LNG003", "handful", True),
    # an account under discussion, not the writer's claim
    (
        "But to say the flood completely destroyed the village misses what the chronicle is about.",
        "LNG003",
        "completely destroyed",
        False,
    ),
    (
        "The old story that the fire completely destroyed the abbey is not supported by the ruins.",
        "LNG003",
        "completely destroyed",
        False,
    ),
    ("The flood completely destroyed the village's economy.", "LNG003", "completely destroyed", True),
]


@pytest.mark.parametrize("text, code, words, fires", SENSES)
def test_language_ordinary_word_senses(check_text, text, code, words, fires):
    _case(check_text, text, code, words, fires)


# --- 3. Quoted witnesses and the names of events -----------------------------------------------------------------
WITNESSES = [
    ('"There was carnage in the square," said Ana Ruiz, who saw the bus hit the crowd. "People everywhere."', False),
    ('"It was a bloodbath," a survivor of the bridge collapse told reporters.', False),
    ('"At the funeral they kept saying he is a martyr," his cousin said.', False),
    ("'Carnage in the square' as truck hits crowd in Varna\n\nA truck drove into a crowd on Sunday.", False),
    ('"Out on the pavement they kept calling the boy a martyr," Rania said.', False),
    ('"What happened on the bridge is carnage," the interior minister told reporters.', True),
    ("The carnage in the square was the work of cowards backed by the regime.", True),
    ("The government's budget is carnage for the poor.", True),
]


@pytest.mark.parametrize("text, fires", WITNESSES)
def test_language_witness_words_in_quotation(check_text, text, fires):
    words = next(w for w in ("carnage", "bloodbath", "martyr", "Carnage") if w in text)
    _case(check_text, text, "LNG002", words, fires)


EVENT_NAMES = [
    ("Relatives of a Harlow Massacre victim asked the police for the autopsy report.", False),
    (
        "The blog ran a piece titled Footage shows drone over crowd at Harlow Massacre, police never asked for it.",
        False,
    ),
    ("PROOF: Police Failed To List One Harlow Massacre Victim As Toll Rises\n\nThe toll rose on Monday.", False),
    ("The Massacre of our jobs continues in every town, the union said.", True),
    ("The vote on the budget was a massacre.", True),
]


@pytest.mark.parametrize("text, fires", EVENT_NAMES)
def test_language_place_massacre_is_an_event_name(check_text, text, fires):
    _case(check_text, text, "LNG002", "assacre", fires)


REPEATED_ACROSS_A_QUOTATION = [
    (
        'The footage showed the brutality of the raid. As the poet wrote, "the brutality of power is its own alibi."',
        False,
    ),
    ('The hearing is a sham. "It is a sham," the senator agreed.', False),
    ("The hearing is a sham. Everyone knows the process is a sham run by partisans.", True),
]


@pytest.mark.parametrize("text, fires", REPEATED_ACROSS_A_QUOTATION)
def test_language_repetition_counts_the_writers_own_uses(check_text, text, fires):
    _case(check_text, text, "LNG007", None, fires)


# --- 4. LNG008: a slogan mentioned, not used ---------------------------------------------------------------------
SLOGANS = [
    ("Critics mocked Governor Hale's \u201cMake Ohio Great Again\u201d rallying cry.", False),
    ("The mayor's promise to \u201cMake Harlow Great Again\u201d won him the suburbs.", False),
    ("The slogan \u201cDeath to the council\u201d was painted on the wall overnight, police said.", False),
    (
        "\u201cWhen my opponent says \u2018Let\u2019s make this county great again,\u2019 that is code for going "
        "backward,\u201d the senator said.",
        False,
    ),
    ("The motto 'Long live Varnia' appears on every banknote.", False),
    (
        "The mayor said her own call to \u201cmake Harlow whole again\u201d \u2014 a reply to Hale\u2019s "
        "\u201cMake Harlow Great Again\u201d rallying cry \u2014 was the better slogan.",
        False,
    ),
    ("The senator said the goal was not to \u201cmake Ohio great again\u201d but to make it fair.", False),
    # the slogan names the thing printed with it, or spells out an acronym
    ("A teenager was attacked for wearing a red Make Ohio Great Again hat, police said.", False),
    ("He wore a MOGA (Make Ohio Great Again) cap to the hearing on Monday.", False),
    ("At the rally Hale told supporters: \u201cWe will make Ohio great again.\u201d", True),
    ("Protesters chanted \u201cDeath to the council\u201d outside city hall.", True),
    ("Together we will make this county great again.", True),
]


@pytest.mark.parametrize("text, fires", SLOGANS)
def test_language_slogan_mentioned_not_used(check_text, text, fires):
    _case(check_text, text, "LNG008", None, fires)


# --- 5. LNG004: a partial quotation after a promising verb -------------------------------------------------------
DOUBT = [
    ("The candidate once again pledged a \u201cpolitical revolution\u201d for the state.", False),
    ("She promised a \u201cnew government\u201d within a hundred days.", False),
    ("The rebels vowed a \u201cpeople's election\u201d in the spring.", False),
    ("Observers were not invited to the \u201celections\u201d held in the east.", True),
    ("The so-called government of the region met on Monday.", True),
]


@pytest.mark.parametrize("text, fires", DOUBT)
def test_language_partial_quote_after_promising_verb(check_text, text, fires):
    _case(check_text, text, "LNG004", None, fires)


# --- 6. MTA002: typographic conventions --------------------------------------------------------------------------
PUNCTUATION = [
    ('"The court ruled for the city . . . and nobody expected that," the lawyer said.', "MTA002", False),
    ('"We lost the vote . . . . Then we lost the seat," she said.', "MTA002", False),
    ("And the prophet said, Behold the flood is near, and ye shall not pass.", "MTA002", False),
    ("And he answered, Because the gate was shut, we could not enter.", "MTA002", False),
    ("The council met on Friday , and the vote was close.", "MTA002", True),
    ("The mayor resigned on Friday.. The council met later.", "MTA002", True),
    ("The council met on Friday, Because the budget was late.", "MTA002", True),
]


@pytest.mark.parametrize("text, code, fires", PUNCTUATION)
def test_translation_ellipsis_and_scripture_speech(check_text, text, code, fires):
    _case(check_text, text, code, None, fires)


# --- 7. SRC001: a count followed by appositive names -------------------------------------------------------------
NAMED_AFTER_COUNT = [
    (
        "In an essay published last year, two members of Retired Judges for Open Courts, Helen Marsh and Peter Quinn, "
        "pointed out that the court had sat in secret for a decade.",
        False,
    ),
    (
        "Three residents of the building, Omar Haddad, Lucy Park and Ivan Petrov, said the alarms never sounded.",
        False,
    ),
    (
        "In an essay printed years ago by The Harbour Herald, two members of Retired Judges for Open Courts, Helen "
        "Marsh and Peter Quinn, pointed out that \u2014 had the archive been public \u2014 the court might have "
        "acted sooner.",
        False,
    ),
    (
        "In an essay published last year, two members of Retired Judges for Open Courts pointed out that the court "
        "had sat in secret for a decade.",
        True,
    ),
    ("Two members of the tenants' committee said the alarms never sounded.", True),
    (
        "Two members of the tenants' committee, who asked not to be named, said the alarms never sounded.",
        True,
    ),
]


@pytest.mark.parametrize("text, fires", NAMED_AFTER_COUNT)
def test_sources_count_with_appositive_names_is_named(check_text, text, fires):
    _case(check_text, text, "SRC001", None, fires)


# --- 8. SRC005: hedged assessments are not guesses at hidden conduct ---------------------------------------------
ASSESSMENTS = [
    ("Marsh may have also opened a new era of home-made drones that no law can reach.", False),
    ("With the verdict, the lawyer may have unlocked a wave of similar lawsuits across the country.", False),
    ("Okafor, who is 41, seems to have only had a part-time job at the bakery.", False),
    ("The singer appears to have grown up in a small town in Ohio.", False),
    ("The governor may have hidden the audit from the legislature.", True),
    ("The minister appears to be concealing the real cost of the contract.", True),
    ("The agency probably knew about the leak for months.", True),
    ("The mayor may have had the audit destroyed.", True),
]


@pytest.mark.parametrize("text, fires", ASSESSMENTS)
def test_claims_speculation_not_on_hedged_assessments(check_text, text, fires):
    _case(check_text, text, "SRC005", None, fires)
