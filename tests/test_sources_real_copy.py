"""Sources in wire and rumour copy: credit lines, an outlet's own unnamed source told again ('our source added'),
and hedges inside what a stated speaker says."""

from __future__ import annotations

import pytest

from presslint.analyzers.sources import analyze

pytestmark = pytest.mark.model


def _src001(parse, text):
    return [f for f in analyze(parse(text, date="2021-12-11"))[2] if f.code == "SRC001"]


STORY = "Ferry fares rise\n\nThe ferry company will raise fares by 8 percent in April to cover fuel costs."


@pytest.mark.parametrize(
    "credit",
    [
        "Source: Harbour Gazette",
        "Sources: Reuters, AP",
        "Credit: County Records Office",
        "Courtesy: City Archive",
        # an aside in brackets states nothing
        "Source: Harbour Gazette (see chart)",
        "Credit: County Records Office (pictured above)",
        # a last line crediting the work the story rests on
        'SOURCE: The full study, "Salt and Sleep," is published in the Journal of Nutrition.',
        "Source: Figures are taken from the county's annual budget report.",
    ],
)
def test_sources_credit_line_is_not_an_anonymous_source(parse, credit):
    assert not _src001(parse, f"{STORY}\n\n{credit}")


@pytest.mark.parametrize(
    "line",
    [
        "Sources: the minister will resign before the vote",
        "Source: the company plans to close two plants next year",
        "Sources: the mayor will not run again (see profile)",
    ],
)
def test_sources_colon_headline_with_a_statement_is_still_anonymous(parse, line):
    assert [f.span.text for f in _src001(parse, f"{line}\n\nThe announcement is expected on Monday.")]


@pytest.mark.parametrize(
    "later",
    [
        "Our source added that the leaders were driven across the river at night.",
        "The leaders were driven across the river at night, our source added.",
    ],
)
def test_sources_our_source_again_is_one_finding(parse, later):
    text = (
        "Smugglers move north\n\nThe smuggling ring moved its base north in the spring, according to our source "
        f"in the border police. {later}"
    )
    found = _src001(parse, text)
    assert len(found) == 1
    assert any(r.text.lower() == "our source" for r in found[0].related)


def test_sources_two_differently_described_sources_stay_two(parse):
    text = (
        "Smugglers move north\n\nThe ring moved north, according to our source in the border police. A customs "
        "officer told the paper that the boats were sold."
    )
    assert len(_src001(parse, text)) == 2


def _src002(parse, text):
    return [f.span.text for f in analyze(parse(text, date="2021-12-11"))[2] if f.code == "SRC002"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Post wrote that the envoy was reportedly taken aback by the offer.",
        "The minister told reporters the deal was reportedly worth $2 billion.",
        "The envoy reportedly told aides he would resign, the Times reported on Sunday.",
        "He was thought to be a minor figure, sources told the Daily Beast.",
        "Ms. Ortiz said the shipment was believed to have left the port on Friday.",
        "The dam is thought to be close to failing, engineers warned on Monday.",
    ],
)
def test_sources_hedge_inside_a_stated_speakers_words_is_not_unattributed(parse, sentence):
    assert not _src002(parse, f"Envoy talks\n\n{sentence}")


@pytest.mark.parametrize(
    "sentence, hedge",
    [
        ("The envoy was reportedly taken aback by the offer.", "reportedly"),
        ("It is believed that the envoy left the city on Monday.", "It is believed"),
        ("The envoy is said to have left the city before the vote.", "is said"),
        ("It was reported that the envoy had resigned.", "It was reported"),
        # the hedge on the saying verb itself: who reported that the envoy said it?
        ('The envoy reportedly said, "Not this year," when asked about the offer.', "reportedly"),
        ("The envoy reportedly told aides that he would turn the offer down.", "reportedly"),
        ("The mayor reportedly warned donors that the budget would not pass.", "reportedly"),
    ],
)
def test_sources_hedge_with_no_speaker_still_fires(parse, sentence, hedge):
    assert hedge in _src002(parse, f"Envoy talks\n\n{sentence}")


@pytest.mark.parametrize(
    "sentence, anonymous",
    [
        # a group whose members the phrase names: the reader knows who speaks
        (
            "Intelligence officials — including Navy Director Adm. John Rowe and Director Mary Clay — have long argued "
            "that data manipulation is a threat.",
            False,
        ),
        ("Senior aides, including Maria Lopez and Tom Hale, said the plan was dead.", False),
        # a stance toward a person: no statement anyone could check
        (
            "The first batch of emails leaked in July, which forced the chairwoman to resign after showing that some "
            "party staffers had favored the senator over her rival.",
            False,
        ),
        ("The leaks showed that several campaign aides had backed Ruiz in the primary.", False),
        # an age with 'the': an epithet for the person the story is about
        (
            'Ana Ruiz, the long-serving secretary general of the league, sat in her office.\n\n"From Day One, I made '
            'housing the top priority," the bespectacled, 71-year-old diplomat said in an interview.',
            False,
        ),
        # a description in apposition to a named person
        (
            "He dismissed criticism from Ames, Mills and Harold Dunn, a banker and former Reagan administration "
            "official who has suggested Carson drop out.",
            False,
        ),
        ("A 45-year-old official said the plan was dead.", True),
        # a verb of saying whose clause the parser took for an object still attributes a claim
        (
            "A staffer at the Westside clinic said the doctor who performed the biopsy, right before her death, took "
            "a selfie while the patient was under anesthesia.",
            True,
        ),
        # near misses that stay anonymous
        ("Senior aides, including some who worked for the governor, said the plan was dead.", True),
        ("Some party staffers said the senator had lost the room.", True),
    ],
)
def test_sources_named_members_and_stances_are_not_anonymous_sources(parse, sentence, anonymous):
    assert bool(_src001(parse, f"Party emails\n\n{sentence}")) is anonymous


@pytest.mark.parametrize(
    "text, fires",
    [
        (
            'Fire online\n\nThe plans drew fire.\n\n<tweet id="1" author="@dailynews" datetime="2016-06-29">Trump '
            "reportedly wants a boxer at the convention https://t.co/x</tweet>\n\nThe campaign did not respond.",
            False,  # an embedded post's words are its author's, who is named
        ),
        ("Fire online\n\nThe plans drew fire. Trump reportedly wants a boxer at the convention.", True),
    ],
)
def test_sources_hedge_inside_an_embedded_post_is_the_posts(parse, text, fires):
    assert bool(_src002(parse, text)) is fires


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("The mood in the hall changed. Someone said the vote had been rigged.", "Someone"),
        ("The mood in the hall changed. Somebody told me the count was stopped.", "Somebody"),
        ("Someone close to the campaign said the vote had been rigged.", "Someone close to the campaign"),
        ('Few insiders saw it coming. Someone called it a "quiet revolution," and I agree.', "Someone"),
        ("If someone says the vote was rigged, they should prove it.", None),  # a condition, nobody speaks
        ("She said someone had broken into the office.", None),  # someone acts; she speaks
        ("Looks like someone told Trump that he needs the Latino vote.", None),  # a guess at what he heard
        ("'Someone told reception a man was beating a woman outside,' a hospital spokesman said.", None),
        ("The first we knew was when someone came into reception to say a man was hurt, the hospital said.", None),
        ("I want someone to look at that number and say it is wrong.", None),
        ("The law acts on the mere fact that someone claims a relative is a danger.", None),  # anyone at all
    ],
)
def test_sources_indefinite_pronoun_speaker_is_unattributed(parse, sentence, speaker):
    found = _src002(parse, f"Hall vote\n\n{sentence}")
    assert (speaker in found) if speaker else not found


@pytest.mark.parametrize(
    "sentence, verdict",
    [
        ("The raid followed a string of attacks, which was widely seen as an intelligence failure.", "was widely seen"),
        ("The program was widely seen as a failure by the end of the year.", "was widely seen"),
        ("The envoy faced criticism over what was viewed as a snub of the governor.", "was viewed"),
        ("The senator is generally regarded as the front-runner for the nomination.", "is generally regarded"),
        ("The pipeline deal is increasingly considered a long shot in the capital.", "is increasingly considered"),
        ("The reform was largely perceived as an attack on the unions.", "was largely perceived"),
        ("The treaty was widely portrayed as a defeat for the hawks.", "was widely portrayed"),
        # the holder after 'by' is a crowd nobody can name: 'critics say' in the passive
        ("The levy has been interpreted by many as a tax on renters.", "has been interpreted by many"),
        ("The pardon is seen by some as a reward for loyalty.", "is seen by some"),
        ("The port deal was described by critics as a gift to the shipping lines.", "was described by critics"),
        ("The curfew is viewed by some residents as heavy-handed.", "is viewed by some residents"),
    ],
)
def test_sources_passive_verdict_held_by_nobody_or_a_crowd_is_unattributed(parse, verdict, sentence):
    assert verdict in _src002(parse, f"Envoy talks\n\n{sentence}")


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill will be considered by the Senate next week.",  # a deliberation, not a verdict
        "The envoy was seen leaving the building at noon.",  # a sight
        "The governor is not seen as vulnerable this year.",  # a negation
        '"I was seen as an outsider," she said.',  # quoted, and first person
        "The plan is considered a long shot by most analysts.",  # a holder is named (vague: not this check's)
        "The plan was seen as a long shot, according to a Gallup survey.",
        "We were seen as outsiders when we arrived in town.",
        "The envoy was considered for the post of ambassador.",
        "The senator is regarded as the front-runner for the nomination.",  # bare: no crowd is claimed
        "In many ways, the campaign can be seen as the last gasp of an era.",  # the writer's own reading
        "If the network is increasingly seen as a news site, the deal makes sense.",  # a condition
        "The pardon was described by the governor as a reward for loyalty.",  # a named holder
        "The curfew is viewed by the city's own lawyers as heavy-handed.",  # a definite one
        "The port deal was described by critics, including Senator Ana Ruiz, as a gift to the lines.",
        "The pardon could be seen by some as a reward for loyalty.",  # the writer's guess at how it may look
        "The suspect was described by witnesses as tall, with a grey beard.",  # an eyewitness account
        "The mayor is described as a careful lawyer.",  # bare: no crowd is claimed
    ],
)
def test_sources_passive_verdict_with_a_holder_or_no_verdict_is_quiet(parse, sentence):
    found = _src002(parse, f"Envoy talks\n\n{sentence}")
    assert not [s for s in found if s.startswith(("is ", "was ", "were ", "has ", "could "))]


@pytest.mark.parametrize(
    "sentence, anonymous",
    [
        (
            "According to unnamed employees, the company's chief executive says the watch will ship in April.",
            ["unnamed employees"],
        ),
        ("According to two people familiar with the plan, the minister said the deal was done.", None),
        ("Speaking on condition of anonymity, the official said the deal was done.", ["the official"]),
    ],
)
def test_sources_anonymity_words_belong_to_their_own_source(parse, sentence, anonymous):
    found = [f.span.text for f in _src001(parse, f"Watch launch\n\n{sentence}")]
    if anonymous is None:  # the people familiar with the plan are anonymous; the minister is not
        assert found and not any("minister" in s for s in found)
    else:
        assert found == anonymous


@pytest.mark.parametrize(
    "sentence, fires",
    [
        ("The organ was feared to have been taken by an animal, according to doctors.", False),
        ("The ship was believed to have sunk near the reef, as reported by the coastguard.", False),
        ("The organ was feared to have been taken by an animal.", True),
    ],
)
def test_sources_passive_hedge_with_according_to_in_the_sentence(parse, sentence, fires):
    assert bool(_src002(parse, f"Hospital case\n\n{sentence}")) is fires
