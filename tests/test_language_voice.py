"""Loaded language in the writer's own voice (issue 11): contempt for what someone said, 'so-called' credentials,
insult words in a physical sense, and the writer's-voice cues that let a learned propaganda span be shown.
Sentences written for the project, several per kind, with near misses that must stay quiet."""

from __future__ import annotations

import pytest

from presslint.analyzers import language, voice

pytestmark = pytest.mark.model


def _structural(parse, text, pattern):
    return [f for f in parse(text)._.pl_findings if f.evidence.get("pattern") == pattern]


# (text, words the finding's span must contain): what an opponent said, told with a verb or noun of contempt
CONTEMPT_FIRES = [
    ("The senator ranted about the budget for most of the hearing.", "senator ranted"),
    ("Councillor Voss spewed insults at the planning officers.", "Voss spewed insults"),
    ("Once again the governor bloviated about tax cuts nobody has costed.", "governor bloviated"),
    ("The minister's latest tirade against the unions came on Friday.", "minister's latest tirade"),
    ("Her screed against the library board ran to four pages.", "Her screed"),
    ("He harangued the nurses for twenty minutes about overtime.", "He harangued"),
]
CONTEMPT_QUIET = [
    "The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor",  # a title-case headline names no one
    "The volcano spewed ash over three villages.",
    "He posted a rant about parking fees on the club's forum.",  # a genre word with no one's name on it
    "The minister did not rant; she read the figures slowly.",
    "The dog yapped at the postman every morning.",
    "A diatribe is a bitter verbal attack.",
]


@pytest.mark.parametrize("text, words", CONTEMPT_FIRES)
def test_language_voice_contempt_for_speech_fires(parse, text, words):
    found = _structural(parse, text, "contempt-verb")
    assert any(words in f.span.text and f.code == "LNG002" and not f.evidence["in_quote"] for f in found), [
        (f.code, f.span.text, f.evidence.get("pattern")) for f in parse(text)._.pl_findings
    ]


@pytest.mark.parametrize("text", CONTEMPT_QUIET)
def test_language_voice_contempt_for_speech_quiet(parse, text):
    assert not _structural(parse, text, "contempt-verb")


@pytest.mark.parametrize(
    "text",
    [
        '"The senator ranted for an hour," an aide to the chairman said.',
        "According to her rivals, the mayor's latest tirade cost the party the seat.",
    ],
)
def test_language_voice_contempt_in_a_sources_words_is_theirs(parse, text):
    found = _structural(parse, text, "contempt-verb")
    assert found and all(f.evidence["in_quote"] for f in found)


# 'so-called' before a noun of expertise or standing belittles; before a term being introduced it does not
@pytest.mark.parametrize(
    "text, words",
    [
        ("These so-called experts have been wrong about every recession.", "so-called experts"),
        ("Her so-called independent analysts all work for the lobby.", "so-called independent analysts"),
        ("The so-called journalists at the paper never called the family.", "so-called journalists"),
    ],
)
def test_language_voice_so_called_credentials_fires(parse, text, words):
    found = [f for f in _structural(parse, text, "belittling") if f.code == "LNG002"]
    assert any(words in f.span.text for f in found), [(f.code, f.span.text) for f in parse(text)._.pl_findings]


@pytest.mark.parametrize(
    "text",
    [
        "The so-called superdelegates can back any candidate at the convention.",
        "Doctors are still studying so-called long COVID in teenagers.",
        "The so-called Gang of Eight drafted the immigration bill.",
        "The word so-called can signal doubt.",
    ],
)
def test_language_voice_so_called_term_is_quiet(parse, text):
    assert not _structural(parse, text, "belittling")


# An insult word that also names a shape or texture, read in that sense (a downtoner, a body part or an object)
@pytest.mark.parametrize(
    "text",
    [
        "That is my aunt in the wedding photo: she's a little crooked in it, but I love it.",
        "His crooked smile made the whole studio laugh.",
        "The mayor's crooked tie was the talk of the ceremony.",
        "She is slightly crooked in the portrait because the frame slipped.",
        "The councillor's lazy eye was corrected when he was a boy.",
    ],
)
def test_language_voice_insult_word_in_a_physical_sense_is_quiet(parse, text):
    found = [f for f in _structural(parse, text, "insult-evaluation") if not f.evidence["in_quote"]]
    assert not found, [f.span.text for f in found]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Senator Hale is crooked and everyone in the capital knows it.", "Senator Hale is crooked"),
        ("The crooked councillors sold the land to their friends.", "crooked councillors"),
    ],
)
def test_language_voice_insult_word_in_its_moral_sense_still_fires(parse, text, words):
    found = _structural(parse, text, "insult-evaluation")
    assert any(words in f.span.text for f in found), [(f.code, f.span.text) for f in parse(text)._.pl_findings]


# The cues read inside a span: a word of judgement the grammar can see, or none
@pytest.mark.parametrize(
    "text, kind",
    [
        ("It was a blatant attempt to silence the inspectors.", "evaluative"),
        ("The senator shamelessly rewrote the history of the vote.", "evaluative"),
        ("It was the worst betrayal in the history of the town.", "superlative"),
        ("This is totally bogus, and the senator knows it.", "evaluative"),
        ("The thugs behind the plan met in secret.", "insult"),
        ("The mayor ranted at the reporters.", "contempt-verb"),
        # an evaluative adverb judging an act, or before an adjective that judges too
        ("The board behaved shamefully during the audit.", "evaluative"),
        ("It was a ridiculously blatant attempt to silence the inspectors.", "evaluative"),
    ],
)
def test_language_voice_cues_read_words_of_judgement(parse, text, kind):
    doc = parse(text)
    assert kind in [k for _, k in voice.voice_cues(doc[:])], voice.voice_cues(doc[:])


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday to discuss the budget for next year.",
        "The best-selling car of the year was a small hatchback.",  # a record, not a judgement superlative
        "The bridge is completely closed to traffic until March.",
        "The town has proved incredibly resilient after the flood.",  # an intensifier alone is no cue
        "She is one of the greatest sprinters of all time.",  # a ranking among many
        "Some of the world's worst conflicts drag on for decades.",  # a superlative bounded by a set
        "The sermon was about deliverance from evil.",  # 'evil' as the moral noun
        "He collected trash to help pay for his degree.",  # a contempt metaphor elsewhere, a plain noun here
        "The disgraced former congressman was sentenced on Monday.",  # a standing news descriptor
        "Survivors described the horrific attack to the inquiry.",  # words of violence describe real violence
        "The preacher is not some deluded fanatic raving on a street corner.",  # denied
        "He told jokes that were criticized as racist and homophobic.",  # someone else's verdict, reported
        "Even if the reforms did not dumb down the exams, parents were worried.",  # a verb, not the adjective
        "He has endured relentless questions about whether he will drop out.",  # intensity, not judgement
        "Bossie will take over as the head of Defeat Crooked Hillary next month.",  # a word of a group's name
        "The band Corrupt Cowards Inc played a short set on Friday.",
        # an evaluative adverb as a degree before a plain adjective: playful hyperbole, no verdict
        "People come for the cardamom buns, which are ridiculously good.",
        "The alley is insanely narrow, so delivery vans park on the main road.",
        "The tickets were absurdly cheap for a final.",
    ],
)
def test_language_voice_cues_quiet_on_plain_reporting(parse, text):
    doc = parse(text)
    assert not voice.voice_cues(doc[:])


def test_language_voice_gate_needs_technique_voice_and_a_cue():
    ev = {"in_quote": False, "mention": False, "cues": [["blatant", "evaluative"]]}
    assert voice.voiced(ev, "Loaded_Language")
    assert not voice.voiced(ev, "Appeal_to_Authority")
    assert not voice.voiced({**ev, "in_quote": True}, "Loaded_Language")
    assert not voice.voiced({**ev, "mention": True}, "Loaded_Language")
    assert not voice.voiced({**ev, "cues": []}, "Name_Calling,Labeling")
    assert not voice.voiced(None, "Loaded_Language")


# Learned spans: every one says it is learned, with its probability; the writer's-voice ones are shown from the
# second operating point, the others never by default; a quoted span is never the writer's voice.
LEARNED_TEXTS = [
    "The mayor's blatant, shameless grab for power is a disgrace to the city. The council met on Monday.",
    "This corrupt gang of career politicians has robbed the country blind for decades and laughed about it.",
    '"This corrupt gang of politicians has robbed us blind," the protester shouted outside the hall.',
]


@pytest.mark.parametrize("text", LEARNED_TEXTS)
def test_language_voice_learned_spans_say_learned_and_follow_the_operating_points(check_text, text):
    report = check_text(text)
    for f in report.findings:
        if f.code != language.LEARNED_CODE:
            continue
        assert f.learned and f.evidence["probability"] == f.confidence
        if f.evidence.get("writers_voice"):
            assert not f.evidence["in_quote"] and f.evidence["voice_cues"]
            assert f.evidence["show_at"] == language.VOICED_SHOW_AT
            assert f.shown == (language.VOICED_SHOW_AT is not None and f.confidence >= language.VOICED_SHOW_AT)
        else:
            assert not f.shown
        if text.startswith('"'):
            assert not f.evidence.get("writers_voice")


# LNG013 hyperbole: a judgement raised to a superlative with no bound, in the writer's voice
HYPERBOLE_FIRES = [
    ("The deal is the worst betrayal in the history of this country.", "the worst betrayal in the history"),
    ("It is the most corrupt administration ever.", "the most corrupt administration ever"),
    ("This is the biggest hoax of all time, and the senator knows it.", "the biggest hoax of all time"),
    ("It was the most dishonest campaign the country has ever seen.", "the most dishonest campaign"),
    ("Voters were handed the greatest swindle in American history.", "the greatest swindle in American history"),
    # the scope is a clause on the noun with 'ever' in it, however far from the superlative
    ("The treaty is the gravest betrayal this nation has ever suffered.", "the gravest betrayal this nation"),
    ("It is the worst trade deal that any British government has ever signed.", "has ever signed"),
    ("The levy is the most damaging tax ever imposed on farmers.", "the most damaging tax ever imposed"),
    # a degree word between the article and the superlative raises it further
    ("This is the very worst scandal of all time.", "the very worst scandal of all time"),
    # an unbounded comparison by negation
    ("There has never been a president more dishonest than this one.", "There has never been a president more"),
    ("No one has ever met a minister so spineless.", "No one has ever met a minister so spineless"),
]
HYPERBOLE_QUIET = [
    "It was the deadliest storm in the state's history.",  # a record measures
    "The worst flooding in the city's history closed 40 roads.",
    "He is the greatest player of all time, his coach said.",
    "The biggest crowd in the club's history watched the final.",
    "It was the worst betrayal he could imagine, but it passed.",  # bounded by what he could imagine
    "Nobody thinks it is the most corrupt administration ever.",
    # a superlative that measures, a harm adjective on a storm, one person's 'never'
    "It is the largest trade deal the country has ever signed.",
    "It was the costliest scandal the bank has ever faced.",
    "It was the most destructive hurricane ever recorded in the region.",
    "She had never seen a plan so reckless.",
    "The fire was the most damaging in the county since 1990.",
]


@pytest.mark.parametrize("text, words", HYPERBOLE_FIRES)
def test_language_voice_hyperbole_fires(parse, text, words):
    found = [f for f in parse(text)._.pl_findings if f.code == "LNG013"]
    assert any(words in f.span.text and not f.evidence["in_quote"] for f in found), [
        (f.code, f.span.text) for f in parse(text)._.pl_findings
    ]


@pytest.mark.parametrize("text", HYPERBOLE_QUIET)
def test_language_voice_hyperbole_quiet(parse, text):
    found = [f for f in parse(text)._.pl_findings if f.code == "LNG013" and not f.evidence["in_quote"]]
    assert not found, [f.span.text for f in found]


def test_language_voice_hyperbole_in_a_quote_is_the_sources_wording(check_text):
    report = check_text('"This is the worst deal ever," the senator said outside the chamber.')
    found = [f for f in report.findings if f.code == "LNG013"]
    assert found and all(f.evidence["in_quote"] and not f.shown for f in found)


# Reviews and match reports judge by design: the learned span there is not the writer's loaded language
@pytest.mark.parametrize(
    "text",
    [
        "The film is a gorgeous, ridiculous, utterly absurd romp.",
        "The striker was woeful and the whole team looked pathetic in the second half.",
        "The album's second side is a shameless, glorious mess.",
    ],
)
def test_language_voice_reviews_are_not_the_writers_loaded_language(check_text, text):
    found = [f for f in check_text(text).findings if f.code == language.LEARNED_CODE and f.shown]
    assert not found, [(f.span.text, f.evidence.get("voice_cues")) for f in found]


# A word of judgement that is someone's portrayal, denial or warning is no cue of the writer's voice for a learned
# span, whatever the span around it; the same word in the writer's own clause still is.
@pytest.mark.parametrize(
    "text, word, cue",
    [
        (
            "The bill met fierce opposition from unions and others, including large retailers that warn it could hurt "
            "tourism by painting the state as bigoted.",
            "bigoted",
            False,
        ),
        ("The campaign won by painting its rival as corrupt.", "corrupt", False),
        ("It was a claim the senator denied to me as laughable in a phone call on Monday.", "laughable", False),
        ("The governor rejected the audit as absurd and walked out.", "absurd", False),
        (
            "Liar. Bigot. Crook.\n\nThe insults flew in both directions as the race entered its final month.",
            "Bigot",
            False,
        ),
        ("By passing the bigoted bill, the state has hurt tourism.", "bigoted", True),
        ("The senator's denial was laughable, and the phone records show it.", "laughable", True),
        ("The governor walked out of the absurd hearing after an hour.", "absurd", True),
    ],
)
def test_language_voice_cues_respect_portrayal_and_mention(parse, text, word, cue):
    doc = parse(text)
    ev = voice.voice_evidence(doc, language.Context(doc), 0, len(doc.text))
    assert (word in [w for w, _ in ev["cues"]]) == cue, ev
