"""LNG014 evaluation written as reporting (issue 11): the writer grading people, opinion or outcomes in their own
voice. Sentences written for the project, several per kind and in other wordings, with near misses that must stay
quiet: descriptive senses, figures and polls, sport, markets, real fighting, quotations and attributed verdicts."""

from __future__ import annotations

import pytest

from presslint.analyzers import judgement

pytestmark = pytest.mark.model


def _evaluations(parse, text, title=None):
    return [f for f in parse(text, title=title)._.pl_findings if f.code == "LNG014"]


# (text, kind, words the finding's span must contain)
FIRES = [
    # degree: an emotive degree adverb, or a degree adverb with no measure on a word of standing
    ("The mandate is wildly popular among younger voters.", "degree", "wildly popular"),
    ("The agreement still leaves the coastal cities perilously vulnerable to rising seas.", "degree", "perilously"),
    ("The governor remains hugely unpopular in the rural counties.", "degree", "hugely unpopular"),
    ("The new tax has proved enormously unpopular with small landlords.", "degree", "enormously unpopular"),
    ("The agency was woefully unprepared for the surge in applications.", "degree", "woefully unprepared"),
    ("The agency's response was mind-bogglingly slow.", "degree", "mind-bogglingly slow"),
    # outcome: a dramatising adjective on a result; a forecast on a contest or an effort
    ("The councillor suffered a stunning defeat in the primary.", "outcome", "stunning defeat"),
    ("Her rivals handed the incumbent a humiliating setback at the convention.", "outcome", "humiliating setback"),
    ("Democrats suffered a crushing defeat in the 2014 midterms.", "outcome", "crushing defeat"),
    ("The vote gave the senator a nearly insurmountable lead in pledged delegates.", "verdict", "insurmountable lead"),
    ("The union's campaign to block the merger looks doomed.", "verdict", "doomed"),
    ("The reform bid is hopeless without the Greens.", "verdict", "hopeless"),
    # performance: a grade of how well a public actor did a thing
    ("The senator ran a brilliant primary campaign against her rivals.", "performance", "brilliant primary campaign"),
    ("The governor's botched rollout of the health exchange left thousands without cover.", "performance", "botched"),
    ("The mayor gave a lackluster speech at the party convention on Tuesday.", "performance", "lackluster speech"),
    (
        "The health minister's clumsy handling of the drug recall has cost her the trust of doctors.",
        "performance",
        "clumsy",
    ),
    # character: a judgement of a person tied to the person by the grammar
    ("Clinton has been cagey about where she stands on the pipeline.", "character", "cagey"),
    ("Governor Ruiz has been evasive about the cost of the bridge.", "character", "evasive"),
    ("The hapless mayor tried again on Tuesday.", "character", "hapless mayor"),
    ("The senator deftly sidestepped questions about the donation.", "character", "deftly sidestepped"),
    ("The minister conveniently forgot the earlier promise.", "character", "conveniently forgot"),
    ("The mayor was bold enough to tout his record on crime.", "character", "bold enough"),
    ("The developers had the temerity to ask for a second subsidy.", "character", "temerity"),
    ("Smith is a Johnny-come-lately to the climate cause.", "character", "Johnny-come-lately"),
    # drama: a political or business dispute told as war or melodrama
    ("The two firms are locked in a titanic lobbying battle over the rules.", "drama", "titanic lobbying battle"),
    ("The insurers and the hospitals are in an all-out war over what the state pays.", "drama", "all-out war"),
    ("The administration threw a scare into the industry two years ago.", "drama", "threw a scare into"),
    ("The ruling is sure to spur a declaration of war by the growers and the refiners.", "drama", "declaration of war"),
    ("The teachers' union fired the opening salvo in the contract talks.", "drama", "opening salvo"),
    ("Union leaders had reason to bask in the glow of the vote.", "drama", "bask in the glow"),
    ("The budget deal sent shock waves through the party's left wing.", "drama", "shock waves"),
    # a physical scene in the sentence does not excuse a grade of people or opinion
    ("The new owners were woefully unprepared for the drought that left the course overgrown.", "degree", "woefully"),
    ("The plan to reopen the weedy old course is wildly popular with residents.", "degree", "wildly popular"),
]

QUIET = [
    # quoted, attributed or reported as someone else's verdict
    '"The mandate is wildly popular," the senator said.',
    "According to the report, the governor has been cagey about the deal.",
    "The senator was described as evasive by two colleagues.",
    "Opponents dismissed the mayor as hapless.",
    "Critics call him a Johnny-come-lately to the issue.",
    "Analysts say the lead is insurmountable.",
    "The group recognizes that the planet is on a path to catastrophically high temperatures.",
    "Her aides believe the lead is insurmountable.",
    "He called it a declaration of war on farmers.",
    "The judge's decision was a slap in the face to the families, their lawyer said.",
    # a figure or a poll given; a question; a negation; the writer's own aside
    "The mandate is wildly popular, with 70 percent support in the latest poll.",
    "The bank reported a stunning loss of $2 billion.",
    "She stayed in the 2008 race despite his insurmountable delegate lead.",  # a finished contest, in hindsight
    "China's hugely popular social network carried the story first.",  # a background description, not the claim
    "The outgoing mayor was wildly unpopular. Her approval rating fell to 21 percent in the spring.",
    "Is the mandate wildly popular?",
    "The mandate is not wildly popular.",
    "I think the governor is hugely unpopular.",
    "I was naive about the cost.",
    # descriptive senses: a view, a property, a plight, damage, a type of person
    "The trail offers a stunning view of the valley.",
    "The hotel is conveniently located near the station.",
    "The project is hugely complex.",
    "The vote made the choice painfully clear.",  # emphasis on how plain a point is
    "It became painfully apparent that the council had no money left.",
    "The minister is hugely important to the talks.",
    "The storm caused devastating damage to the harbour.",
    "The storm dealt a devastating blow to the farms.",
    "The shrewd investor bought the shares in March.",
    "Prices swung wildly on Monday.",
    # a grade of a performance outside public life, or someone else's grade of it
    "The band's dazzling performance closed the festival.",
    "The botched surgery left the patient in a coma, the hospital said.",
    "The brilliant sunshine drew crowds to the beach on Sunday.",
    '"It was a brilliant campaign," said Smith, the party chairman.',
    "Critics called the rollout botched and demanded hearings.",
    "The striker's brilliant performance won the cup for the club.",
    # sport, markets, fiction, real fighting, fixed terms
    "The team suffered a stunning defeat in the final.",
    "The epic final went to extra time.",
    "Stocks fell in a bloody session for investors.",
    "The film is a wildly funny romp.",
    "The novel's hapless hero never finds the treasure.",
    "The troops fought an all-out battle for the airport.",
    "The bloody battle for the city left hundreds of soldiers dead.",
    "The trade war between the two countries dragged on.",
    # a plain contest noun is the news's own figure; literal senses of an idiom
    "The party is bracing for the battle for the Senate.",
    "The campaign faces an uphill battle in the state.",
    "Tourists bask in the sun on the beach at Nice.",
    "The shark smelled blood in the water.",
    "Several residents described a devastating loss after the fire killed two neighbours.",
    # a degree word on a physical state the reporter sees: a place or a thing, not a verdict
    "Weeds and fallen branches cover the wildly overgrown fairways of the shuttered country club.",
    "The stone stairs up to the old lighthouse are alarmingly steep.",
    "After a week of rain the back roads were hopelessly muddy.",
]


# A genre noun inside an everyday idiom ('back on track', 'track record') does not make the sentence a review.
@pytest.mark.parametrize(
    "text, words",
    [
        ("With the campaign back on track, Clinton has been cagey about where she stands on the pipeline.", "cagey"),
        ("Despite his track record, the hapless mayor lost the vote.", "hapless"),
    ],
)
def test_judgement_fires_beside_idioms_with_genre_nouns(parse, text, words):
    assert any(words in f.span.text for f in _evaluations(parse, text))


@pytest.mark.parametrize("text, kind, words", FIRES)
def test_judgement_fires_in_the_writers_voice(parse, text, kind, words):
    found = _evaluations(parse, text)
    assert any(words in f.span.text and f.evidence["kind"] == kind for f in found), [
        (f.span.text, f.evidence) for f in found
    ]
    f = next(f for f in found if words in f.span.text)
    assert f.severity == "info" and not f.learned and f.evidence["in_quote"] is False
    assert "writer's own voice" in f.message


@pytest.mark.parametrize("text", QUIET)
def test_judgement_quiet_on_near_misses(parse, text):
    assert not _evaluations(parse, text), [(f.span.text, f.evidence) for f in _evaluations(parse, text)]


# The message says what the word judges and that no source is given.
MESSAGES = [
    ("The mandate is wildly popular among younger voters.", ["how popular the mandate is", "no source"]),
    ("Expressions of sympathy for the families proved pathetically weak.", ["how weak expressions of sympathy", "no"]),
    ("Clinton has been cagey about where she stands on the pipeline.", ["Clinton's candour", "no source"]),
    ("The councillor suffered a stunning defeat in the primary.", ["the defeat as stunning", "no source"]),
    (
        "The vote gave the senator a nearly insurmountable lead in pledged delegates.",
        ["verdict on the lead", "no poll"],
    ),
]


@pytest.mark.parametrize("text, parts", MESSAGES)
def test_judgement_message_says_what_is_judged(parse, text, parts):
    (finding,) = _evaluations(parse, text)
    for part in parts:
        assert part in finding.message, finding.message


def test_judgement_leaves_words_to_the_loaded_language_rules(parse):
    """A word an LNG002 rule already marks ('the senator is clueless') is not reported twice."""
    findings = parse("The thin-skinned governor lashed out at reporters again.")._.pl_findings
    assert [f.code for f in findings if f.code.startswith("LNG0") and f.code != "LNG012"] == ["LNG002"]


def test_judgement_lexicon_has_a_reason_for_every_word():
    lex = judgement.lexicon()
    cues = [
        c
        for c in lex.words
        if not c.endswith("-noun") and c not in ("literal-context", "emphasis-only", "physical-state")
    ]
    assert {"emotive-degree", "measure-free", "standing", "outcome", "verdict", "character"} <= set(cues)
    for cls in cues:
        for word, judges in lex.of(cls).items():
            assert judges and judges != "-", (cls, word)


def test_judgement_reported_in_the_text_report(check_text):
    report = check_text("The mayor's plan is wildly popular with commuters.\n\nIt goes to a vote on Monday.")
    found = [f for f in report.findings if f.code == "LNG014"]
    assert len(found) == 1 and found[0].shown


# A headline's degree word sums up the story when a body sentence with a percentage, a poll or a survey is on the
# same subject (two content words shared with the headline); with no such measure, or one on another subject, it
# is still the writer's verdict.
HEADLINE = "Mayor Tweets A Wildly Inaccurate Map Of Flood Risk Zones"


@pytest.mark.parametrize(
    "body, fires",
    [
        (
            "Only 12 percent of the homes the map marks as safe lie outside the flood risk zones, engineers found.",
            False,
        ),
        ("A county survey found the flood zones on the map missed two of every three flooded streets.", False),
        ("The map was posted on Friday by the mayor's office.", True),
        ("The map was posted on Friday. The mayor's tax will rise by 3 percent next year.", True),
    ],
)
def test_judgement_headline_degree_backed_by_the_bodys_figures(parse, body, fires):
    found = [f for f in _evaluations(parse, body, title=HEADLINE) if "Wildly" in f.span.text]
    assert bool(found) == fires, [(f.span.text, f.evidence) for f in _evaluations(parse, body, title=HEADLINE)]
