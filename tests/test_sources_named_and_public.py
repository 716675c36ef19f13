"""SRC001 on speakers who are named or public (round-5 false-alarm kinds), with near misses that still fire.

Each table holds sentences written for the project: a name with a nickname in quotation marks or coordinated with
its title, the actor of a public act (a threat, a pledge, a demand) rather than the source of a claim, a group at a
public hearing or a summary lede whose speaker the next sentences name, and investigators speaking through the named
body's report the article cites.
"""

from __future__ import annotations

import pytest

from presslint.analyzers.sources import analyze

pytestmark = pytest.mark.model


def _src001(parse, text: str) -> list[str]:
    doc = parse(text, date="2021-12-11")
    return [f.span.text for f in analyze(doc)[2] if f.code == "SRC001"]


def _sources(parse, text: str) -> list[tuple[str, str]]:
    doc = parse(text, date="2021-12-11")
    return [(s.kind, s.name) for s in analyze(doc)[1]]


# ----------------------------------------------------------------------------- a name with a nickname or a title
NICKNAMED = [
    ("Former CIA operative and Marine Dan “Red” Keller said both plans were unworkable.", "Keller"),
    (
        'Retired firefighter and union organizer Pat "Smokey" Dunn said the station had been neglected for years.',
        "Dunn",
    ),
    ("Veteran reporter and author Ed “Scoop” Lasky told the panel that the memo was forged.", "Lasky"),
    ("Former officer and whistleblower Ann “Red” Tate claimed the files were destroyed.", "Tate"),
    ('The team\'s former coach and scout, Bill "Tuna" Parsons, said the trade was a mistake.', "Parsons"),
    ('Jazz saxophonist Charlie "Bird" Parker once said music was his only teacher.', "Parker"),
    # the same coordination of a title and a name, with no nickname
    ("Former intelligence officer and Ranger Dave Moreno said the plan was unworkable.", "Moreno"),
]


@pytest.mark.parametrize("text, surname", NICKNAMED)
def test_sources_nicknamed_or_titled_name_is_a_named_person(parse, text, surname):
    assert _src001(parse, text) == []
    assert any(kind == "named_person" and surname in name for kind, name in _sources(parse, text))


STILL_ANONYMOUS_NEAR_NAMES = [
    # the nicknamed person is someone the speaker is related to, not the speaker
    ('An aide to boxer Marvin "Marvelous" Hagler said the fight was off.', "An aide to boxer"),
    # a nickname with no name: still an unnamed official
    ('A senior official, nicknamed "the Fixer" by colleagues, said the deal was close.', "A senior official"),
    ("Two officials familiar with the talks said the deal was close.", "Two officials familiar with the talks"),
]


@pytest.mark.parametrize("text, speaker", STILL_ANONYMOUS_NEAR_NAMES)
def test_sources_unnamed_speaker_near_a_nickname_still_fires(parse, text, speaker):
    assert any(s.startswith(speaker) for s in _src001(parse, text))


# --------------------------------------------------------------------------------- the actor of a public act
PUBLIC_ACTS = [
    "Riot police fired tear gas at the crowd on Sunday. The warning was clear, given that officers had earlier "
    "threatened to use rubber bullets if the barricades stayed up.",
    "Union members vowed to keep the plant closed until the dispute is settled.",
    "Officials pledged to rebuild the bridge within a year.",
    "Police officers ordered the crowd to disperse and warned residents to stay indoors.",
    "Officials agreed to pay the contractors in full.",
    "Officials urged drivers to avoid the area.",
    "Administration officials demanded an apology from the network.",
    "Lawmakers rejected the budget on Tuesday.",
    "Protesters blocked the main road into the port for six hours on Monday.",
]


@pytest.mark.parametrize("text", PUBLIC_ACTS)
def test_sources_actor_of_a_public_act_is_not_an_anonymous_source(parse, text):
    assert _src001(parse, "Town news\n\n" + text) == []


# an act inside an unnamed source's reported words: the anonymity asked for is the reporter's, not the actors'
NESTED_ACTS = [
    (
        "Two Republican aides, who requested anonymity to discuss private conversations, said at least eight "
        "senators had threatened to vote no.",
        ["Two Republican aides, who requested anonymity to discuss private conversations"],
    ),
    (
        "A council staff member, who spoke on condition of anonymity, said several members had vowed to block the "
        "budget.",
        ["A council staff member, who spoke on condition of anonymity"],
    ),
]


@pytest.mark.parametrize("text, speakers", NESTED_ACTS)
def test_sources_actors_inside_an_unnamed_sources_words_are_not_anonymous_sources(parse, text, speakers):
    assert _src001(parse, "Town news\n\n" + text) == speakers


CLAIMS_BY_UNNAMED = [
    # the same verbs passing on information: a that-clause, a claim, or anonymity asked for
    ("Officials threatened that the talks would collapse if the ceasefire broke down.", "Officials"),
    ("Officials warned that the dam could fail within days.", "Officials"),
    ("Officials claimed to have found the missing files.", "Officials"),
    ("An official who asked not to be named threatened to release the emails.", "An official who asked"),
    ("A source close to the family vowed to publish the letters.", "A source close to the family"),
    # inside reported words, an actor whose own phrase asks for anonymity
    ("Officials said two aides, who asked not to be named, had threatened to leak the memo.", "two aides, who asked"),
]


@pytest.mark.parametrize("text, speaker", CLAIMS_BY_UNNAMED)
def test_sources_unnamed_source_of_a_claim_still_fires(parse, text, speaker):
    assert any(s.startswith(speaker) for s in _src001(parse, "Town news\n\n" + text))


def test_sources_clause_parsed_as_an_infinitive_is_no_act(parse):
    # the parser takes the title-case clause after the colon for the cue's xcomp: no 'to', so no commitment
    text = "Officials Warn: Bird Flu Epidemic Could ‘Explode’\n\nThe outbreak grew."
    assert _src001(parse, text) == ["Officials"]


# ------------------------------------------------- a hearing, or a summary lede whose speaker is named next
NAMED_NEXT = [
    "Tuesday's session was not the first time that Republican members of Congress questioned the agency's use of "
    "the heavy rocket. At a hearing last month of the House science subcommittee that oversees the agency, Rep. Jane "
    "Doe (R-Ohio), the panel's chair, asked the administrator why the rocket was two years late.",
    "Opposition lawmakers questioned the minister's travel spending during the hearing.",
    "Republican members of Congress questioned the agency's budget.",
    "The United States pressed its allies on defense spending on Saturday, with top defense officials stressing that "
    "the alliance's budget had to grow and warning that the threat was real. Defense Secretary John Roe told the "
    'security conference in Munich that Europe "cannot wait any longer."',
    "County health officials urged residents to get tested, warning that cases were rising fast. County health "
    "director Maria Lopez said the clinics would stay open late.",
]


@pytest.mark.parametrize("text", NAMED_NEXT)
def test_sources_public_hearing_or_speech_summary_is_not_anonymous(parse, text):
    assert _src001(parse, "Hearing\n\n" + text) == []


STILL_ANONYMOUS_GROUPS = [
    # a count, a cue that passes on information, anonymity asked, another body's speaker, or nobody named
    (
        "Two defense officials stressed that the alliance's budget had to grow. Defense Secretary John Roe told the "
        'security conference in Munich that Europe "cannot wait any longer."',
        "Two defense officials",
    ),
    (
        "Defense officials said the strike had killed 12 fighters. Defense Secretary John Roe told the security "
        'conference in Munich that Europe "cannot wait any longer."',
        "Defense officials",
    ),
    (
        "Top defense officials, speaking on condition of anonymity, stressed that the alliance's budget had to grow. "
        'Defense Secretary John Roe told the security conference in Munich that Europe "cannot wait any longer."',
        "Top defense officials",
    ),
    (
        "Top defense officials stressed that the alliance's budget had to grow. Foreign Minister Ana Ruiz told the "
        'security conference in Munich that Europe "cannot wait any longer."',
        "Top defense officials",
    ),
    ("Top defense officials stressed that the alliance's budget had to grow. The conference ends on Sunday.", "Top"),
    ("Officials questioned the accuracy of the figures.", "Officials"),
    (
        "Two members of the board familiar with the audit questioned the accuracy of the figures.",
        "Two members of the board",
    ),
    ("Republican members of Congress said privately that the rocket would be cancelled.", "Republican members"),
]


@pytest.mark.parametrize("text, speaker", STILL_ANONYMOUS_GROUPS)
def test_sources_unnamed_group_passing_on_information_still_fires(parse, text, speaker):
    assert any(s.startswith(speaker) for s in _src001(parse, "Hearing\n\n" + text))


# ------------------------------------------------------------------- investigators speaking through a named report
REPORT = (
    "A report by the Senate Permanent Subcommittee on Investigations, released on Wednesday, found that a regional "
    "bank helped move funds for a sanctioned shipping firm. The subcommittee, chaired by Sen. Jane Roe, spent a year "
    "reviewing the bank's records."
)
CLAIM = (
    "In March 2018, the firm held some $1.2 billion in accounts at the bank's branch in Dubai, according to Senate "
    "investigators, who said the firm moved quickly to convert the money into euros."
)
FBI_REPORT = "The FBI released its report on the shooting on Friday. It runs to 200 pages."

NAMED_REPORTS = [
    f"Senate report faults bank\n\n{REPORT}\n\n{CLAIM}\n\nThe bank said it had followed the law.",
    f"Shooting review\n\n{FBI_REPORT}\n\nThe gunman had visited the mall twice in the week before the attack, FBI "
    "investigators said.",
    f"Senate report faults bank\n\n{CLAIM}\n\n{REPORT}",  # the report named after the citation
]


@pytest.mark.parametrize("text", NAMED_REPORTS)
def test_sources_investigators_of_a_named_report_are_not_anonymous(parse, text):
    assert _src001(parse, text) == []


UNNAMED_INVESTIGATORS = [
    f"Bank news\n\n{CLAIM}\n\nThe bank said it had followed the law.",  # no report named
    "Bank news\n\nA report by the Treasury, released on Wednesday, found that a regional bank helped move funds for "
    f"a sanctioned shipping firm.\n\n{CLAIM}",  # another body's report
    f"Shooting review\n\n{FBI_REPORT}\n\nThe gunman had visited the mall twice, two FBI investigators said.",
    f"Shooting review\n\n{FBI_REPORT}\n\nThe gunman had visited the mall twice, FBI investigators who asked not to "
    "be named said.",
]


@pytest.mark.parametrize("text", UNNAMED_INVESTIGATORS)
def test_sources_investigators_with_no_named_report_still_fire(parse, text):
    assert any("investigators" in s for s in _src001(parse, text))
