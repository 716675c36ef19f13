"""The false-alarm kinds of held-out precision round 3 (docs/precision.md), each with near misses that must still fire.

Every sentence here was written for the project, in other wording than the texts the kinds were found in. Each row
is (text, code, span words or None, fires): the check runs through the public API with the default settings, and a
row that must fire fails if the rule goes silent.
"""

from __future__ import annotations

import pytest

from presslint.nlp.blockquotes import block_quotations, in_block_quotation


def _hits(report, code: str, words: str | None) -> list:
    return [f for f in report.findings if f.code == code and (words is None or words in f.span.text)]


def _case(check_text, text: str, code: str, words: str | None, fires: bool) -> None:
    report = check_text(text, select=[code])  # the rule itself, whether or not it is on by default
    got = _hits(report, code, words)
    shown = [(f.code, f.span.text) for f in report.findings]
    assert bool(got) is fires, shown


# --- LNG002 / LNG001 / LNG007: literal, theological, literary and designation senses ------------------------------
LANGUAGE = [
    # 'evil' as the moral noun
    ("Fear of punishment turns many people from evil, the theologian argued.", "LNG002", "evil", False),
    ("The preacher asked how long a city can do evil and escape judgement.", "LNG002", "evil", False),
    ("Grace alone can heal our inborn inclination to evil, the bishop wrote.", "LNG002", "evil", False),
    ("The governor is an evil man who has ruined the state.", "LNG002", "evil", True),
    ("The evil plans of the council will destroy the harbour.", "LNG002", "evil", True),
    # an adjective on a fictional character
    ("Iago, by flattery and lies, became the most evil character in English literature.", "LNG002", "evil", False),
    ("Critics call the stepmother the most evil character in the novel.", "LNG002", "evil", False),
    ("The most evil character in this town is the mayor who took the bribes.", "LNG002", "evil", True),
    # 'massacre' as the name of a mass killing
    (
        "Had the gunman fired from the tower during the nighttime massacre, witnesses would have seen it.",
        "LNG002",
        "massacre",
        False,
    ),
    ("Survivors of the Harbor Street massacre gathered on Sunday to remember the dead.", "LNG002", "massacre", False),
    ("The 1994 massacre of villagers is still taught in the schools.", "LNG002", "massacre", False),
    ("The massacre of free speech continues on campus, where professors are silenced.", "LNG002", "massacre", True),
    ("The vote on the budget was a massacre.", "LNG002", "massacre", True),
    # a designation reported as the story's subject
    (
        "The commander mocked the folly of the government in considering the Varnian Republican Guard a terrorist "
        "group.",
        "LNG001",
        "terrorist",
        False,
    ),
    ("The Varnian Republican Guard, a terrorist group, shelled the port.", "LNG001", "terrorist", True),
    ("The Varnian army is a terrorist group.", "LNG001", "terrorist", True),
]


@pytest.mark.parametrize("text, code, words, fires", LANGUAGE)
def test_language_literal_senses_and_designations(check_text, text, code, words, fires):
    _case(check_text, text, code, words, fires)


REPETITION = [
    # three different speakers, each in quotation marks: their words, not the writer's refrain
    (
        '"The hearing is a sham," the senator wrote. Her colleague called the process "a disgraceful sham." A third '
        'lawmaker said it was "nothing but a sham."',
        False,
    ),
    ('"This inquiry is a hoax," the governor said. "A hoax from start to finish," his spokesman added.', False),
    # a quotation carried over several lines, then another speaker
    (
        "Budget fight\n\n\"The governor's plan is a disaster.\nThe hearing was a sham from start to finish.\nVote "
        'no!" the senator wrote on Friday. Her colleague called the hearing "a sham" too.',
        False,
    ),
    # the writer repeats the label in the paper's own voice
    ("The hearing is a sham. Everyone knows the process is a sham run by partisans.", True),
    # (round 4: one use by the writer and one in a quotation is no refrain: tests/test_precision_round4.py)
    ('The hearing is a sham and the verdict a sham. "It is a sham," the senator agreed.', True),
]


@pytest.mark.parametrize("text, fires", REPETITION)
def test_language_repetition_needs_the_writers_own_use(check_text, text, fires):
    _case(check_text, text, "LNG007", None, fires)


# --- SRC001: non-sources, or sources named elsewhere ---------------------------------------------------------------
SOURCES = [
    # an agency's public announcement
    (
        "Coast Guard officials announced on Monday that the search for the trawler had been called off.",
        "SRC001",
        "officials",
        False,
    ),
    (
        "Port Authority officials published the new fees on Tuesday, a rise of ten percent.",
        "SRC001",
        "officials",
        False,
    ),
    (
        "Coast Guard officials said on Monday that the search had been called off, speaking on condition of anonymity.",
        "SRC001",
        "officials",
        True,
    ),
    (
        "Officials who asked not to be named announced on Monday that the search had been called off.",
        "SRC001",
        "Officials",
        True,
    ),
    # a group whose member the next sentences name and quote
    (
        "Federal investigators said on Friday that the driver had planned the attack for months. Laura Kim, the FBI "
        "special agent in charge of the case, said the man acted alone.",
        "SRC001",
        "investigators",
        False,
    ),
    (
        "Some members of the council said the budget was unfair. Councillor Tom Reyes, who chairs the finance "
        "committee, said the cuts fell hardest on the east side.",
        "SRC001",
        "members",
        False,
    ),
    (
        "Federal investigators said on Friday that the driver had planned the attack for months. The weather was cold "
        "and the roads were closed.",
        "SRC001",
        "investigators",
        True,
    ),
    (
        "Senior officials said the talks had collapsed. Anna Berg, the foreign minister, said she still hoped for a "
        "deal.",
        "SRC001",
        "officials",
        True,
    ),
    (
        "Even some members of his own party said that the apology fell short. Dana Whitlock, the former chair of the "
        'state party, voiced her anger on Twitter. "That was no apology at all," Whitlock tweeted.',
        "SRC001",
        "members",
        False,
    ),
    (
        'Even some members of his own party said that the apology fell short. The weather was cold. "That was no '
        'apology at all," Whitlock tweeted.',
        "SRC001",
        "members",
        True,
    ),
    # sources inside a supposition
    (
        "Nobody knows what happened if the sources lied to the reporters and thus thought the story was true.",
        "SRC001",
        "sources",
        False,
    ),
    ("If the officials said that in private, the minister was never told.", "SRC001", "officials", False),
    ("The sources lied to the reporters and thus thought the story was true.", "SRC001", "sources", True),
    # an agent inside what a named or documentary source reports
    (
        "Investigators said the rifle was found in a storage unit, the court filing said.",
        "SRC001",
        "Investigators",
        False,
    ),
    ("Investigators said the rifle was found in a storage unit.", "SRC001", "Investigators", True),
    (
        "Officials say half of the homes on the island were built without a permit, the Harbour Herald reported.",
        "SRC001",
        "Officials",
        True,
    ),
]


@pytest.mark.parametrize("text, code, words, fires", SOURCES)
def test_sources_non_sources_and_named_groups(check_text, text, code, words, fires):
    _case(check_text, text, code, words, fires)


# --- SRC002: hedges that attribute nothing ------------------------------------------------------------------------
HEDGES = [
    ("The paper ignored the supposedly urgent security concerns of the region.", False),
    ("The clinic billed the state for treatments purportedly from licensed therapists that never took place.", False),
    ("The senator was supposedly ill on the day of the vote.", True),
    ("The minister reportedly fled the capital on Tuesday.", True),
    ("The money was purportedly paid to a shell company in Cyprus.", True),
]


@pytest.mark.parametrize("text, fires", HEDGES)
def test_sources_hedge_on_a_modifier_attributes_nothing(check_text, text, fires):
    _case(check_text, text, "SRC002", None, fires)


# --- SRC004 / HED005: block quotations without marks; attribution in the sentence --------------------------------
COLON_LETTER = (
    "Residents demand answers on flood report\n\nThe Harbor Street Residents Association sent the council an open "
    "letter on Monday. The residents go on to write:\n\nWe have waited two years for answers and we are tired of "
    "waiting.\n\nThe council has hidden the flood report from us for two years, and the mayor covered up the damage "
    "to our homes.\n\nThe council meets again on Friday."
)
NO_COLON = (
    "Residents demand answers on flood report\n\nThe Harbor Street Residents Association sent the council an open "
    "letter on Monday.\n\nThe weather was mild and the meeting was short.\n\nThe council has hidden the flood report "
    "from the public for two years, and the mayor covered up the damage to the homes.\n\nThe council meets again on "
    "Friday."
)
SPEECH_OVER_LINES = (
    "Pastor's sermon draws crowd\n\nIn the recording, the pastor tells the crowd: \"Brothers and sisters, listen to "
    "me.\n\nThe elders covered up the theft of the building fund for a decade.\n\nThat is why we are leaving this "
    'church." The crowd cheered.'
)
RUN_ON_TESTIMONY = (
    "Judge answers the committee\n\nThe judge spoke for forty minutes, calling out the senators for plotting against "
    "him.\nThe conduct of several members of this committee at my hearing was a disgrace.\nSome of you were waiting "
    "with a plan.\nThe first letter was hidden for weeks by a member of this committee and by staff.\nYou "
    "needed it only if you could not defeat me on the merits.\nThe committee meets again on Monday."
)
UNSOURCED = (
    "Ministry records under fire\n\nThe ministry falsified its own records many times in the last decade.\n\nThe "
    "ministry has not responded."
)


@pytest.mark.parametrize(
    "text, fires",
    [(COLON_LETTER, False), (SPEECH_OVER_LINES, False), (RUN_ON_TESTIMONY, False), (NO_COLON, True), (UNSOURCED, True)],
)
def test_claims_unsourced_claim_not_inside_a_block_quotation(check_text, text, fires):
    _case(check_text, text, "SRC004", None, fires)


def test_blockquotes_regions():
    text = (
        'Intro line says:\nWe wrote this.\nOur second line.\nBack to the writer.\nA "quote opens\nand runs\non" here.'
    )
    regions = block_quotations(text)
    assert in_block_quotation(text, text.index("We wrote"), text.index("We wrote") + 5)
    assert in_block_quotation(text, text.index("Our second"), text.index("Our second") + 5)
    assert not in_block_quotation(text, text.index("Back to"), text.index("Back to") + 5)
    assert in_block_quotation(text, text.index("and runs"), text.index("and runs") + 5)
    assert len(regions) >= 2


# --- SRC005: concessions, public states, counterfactuals ----------------------------------------------------------
SPECULATION = [
    ("The governor may not have kept his promise to repair every bridge before the winter.", False),
    ("Prison protects the town from any future thefts they might have carried out.", False),
    ("The letter was released only when Judge Marlow appeared to be heading for confirmation.", False),
    ("The senators seem to be retreating into their usual caution.", False),
    ("The minister seems not to have understood the scale of the protest.", False),
    ("The governor may have hidden the audit from the legislature.", True),
    ("The minister appears to be concealing the real cost of the contract.", True),
    ("The minister appears to have hidden the real cost of the contract.", True),
    ("The agency probably knew about the leak for months.", True),
]


@pytest.mark.parametrize("text, fires", SPECULATION)
def test_claims_speculation_not_on_concessions_or_public_states(check_text, text, fires):
    _case(check_text, text, "SRC005", None, fires)


# --- HED005: trimmed quotations, puns, block quotations -----------------------------------------------------------
HEADLINES = [
    (
        "A Nurse Speaks: 'Rota Is Death of Night Ward'\n\nA nurse at the county hospital spoke to us on Tuesday. "
        '"This new staffing rota is the death of our night ward, and everyone on the ward knows it," she said.\n\n'
        "The hospital said the rota would be reviewed in June.",
        False,
    ),
    (
        "The Mayor's 'Budjet' for the Youth Clubs\n\nThe mayor presented the city budget on Monday. It cuts funding "
        "for youth clubs by a third.\n\nCouncil members will vote on the budget next week.",
        False,
    ),
    (
        "Fishermen to minister: 'The quota cuts will empty our harbours'\n\nForty fishing crews signed a letter to "
        "the minister this week. The crews write:\n\nThe quota cuts will empty our harbours within five years and we "
        "will have no choice but to sell our boats.\n\nThe ministry said it would reply next month.",
        False,
    ),
    (
        "Mayor calls budget 'a betrayal of every family in the city'\n\nThe mayor presented the city budget on "
        'Monday. "It is badly flawed," she said of the council\'s plan.\n\nCouncil members will vote next week.',
        True,
    ),
    (
        "Mayor calls rival 'traitor'\n\nThe mayor presented the city budget on Monday. \"It is badly flawed,\" she "
        "said of the plan.\n\nCouncil members will vote next week.",
        True,
    ),
]


@pytest.mark.parametrize("text, fires", HEADLINES)
def test_headline_quote_trimmed_pun_or_block(check_text, text, fires):
    _case(check_text, text, "HED005", None, fires)


# --- CON002, MTA001, HYG003 --------------------------------------------------------------------------------------
OTHERS = [
    (
        "Dealer\n\nRay Dunmore sold 700 rifles to the gunman on Tuesday. Dunmore denied any role in the attack and "
        "said he sold 700 rifles to the gunman on Tuesday.",
        "CON002",
        False,
    ),
    (
        "Dealer\n\nRay Dunmore sold 700 rifles to the gunman on Tuesday. Police said that Ray Dunmore sold 700 "
        "rifles to the gunman on Tuesday.",
        "CON002",
        True,
    ),
    ("Senator Hale said he did not think the attacks did his rival in in 2012.", "MTA001", False),
    ("The striking drivers finally gave in in the last week of talks.", "MTA001", False),
    ("The family lived in in the old house by the river for twenty years.", "MTA001", True),
    ("The report was sent to the the council on Friday.", "MTA001", True),
    (
        "Gina Maretti writes on the diocese website.\nGina Maretti • 9 hours ago\nWith respect to Dr. Maretti, her "
        "argument fails.",
        "HYG003",
        False,
    ),
    ("Gina Maretti writes on the diocese website. Later, Dr. Maretty replied to her critics.", "HYG003", True),
]


@pytest.mark.parametrize("text, code, fires", OTHERS)
def test_contradictions_translation_hygiene_round3_kinds(check_text, text, code, fires):
    _case(check_text, text, code, None, fires)


@pytest.mark.parametrize(
    "text, named",
    [
        ("Mara Quill published a study last month that listed every time the ministry falsified its figures.", True),
        ("Amnesty International documented how the ministry falsified its figures.", True),
        ("The study listed every time the ministry falsified its figures.", False),
        ("The ministry falsified its figures many times, and nobody published the study.", False),
    ],
)
def test_claims_attribution_by_a_named_publisher(parse, text, named):
    from presslint.analyzers.claims import _published_by_named

    doc = parse(text)
    sent = next(s for s in doc.sents if "falsified" in s.text)
    assert _published_by_named(sent) is named
