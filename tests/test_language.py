"""Loaded language and propaganda techniques (LNG001-LNG011): tables of should-fire and must-not-fire sentences."""

from __future__ import annotations

import pytest

from presslint.analyzers import language

pytestmark = pytest.mark.model


def _findings(parse, text, code):
    return [f for f in parse(text)._.pl_findings if f.code == code]


# (code, sentence, words the finding's span must contain)
SHOULD_FIRE = [
    # LNG001 name-calling: the label is attached to a named target by the parse
    ("LNG001", "The Kremlin thugs beat protesters outside the courthouse.", "Kremlin thugs"),
    ("LNG001", "Russian occupiers shelled the port city for a third night.", "Russian occupiers"),
    ("LNG001", "State television called the Pentagon a terrorist organization.", "Pentagon"),
    ("LNG001", "The cleric said the US is a terrorist state.", "terrorist state"),
    ("LNG001", "He described the Revolutionary Guard as terrorists.", "terrorists"),
    ("LNG001", "Turkish troops are occupiers, the Kurdish commander said.", "occupiers"),
    ("LNG001", "The opposition leader said the Kyiv regime had lost its mandate.", "regime"),
    ("LNG001", "Pyongyang's puppets in Seoul lost the vote, the broadcaster said.", "puppets"),
    # a pejorative people-noun that is how the text refers to people is labelling, named target or not
    ("LNG001", "The anti-vaccine cranks behind the petition have no medical training.", "cranks"),
    ("LNG001", "Once again the green zealots on the committee blocked the new road.", "green zealots"),
    ("LNG001", "Party thugs smashed the windows of the campaign office.", "thugs"),
    # LNG002 loaded language
    ("LNG002", "Troops carried out a savage raid on the village at dawn.", "savage"),
    ("LNG002", "The mayor has been arrogant and failed to listen to the council.", "arrogant"),
    ("LNG002", "The statement condemned the heinous bombing of the market.", "heinous"),
    ("LNG002", "Local media said three martyrs were buried on Friday.", "martyrs"),
    ("LNG002", "The columnist called the hearing a witch hunt.", "witch hunt"),
    # 'massacre' as the plain name of a mass killing ('where the massacre took place') no longer fires (round 3 of
    # docs/precision.md); a judgement or metaphor still does.
    ("LNG002", "For the ruling party, Sunday's election was a massacre.", "massacre"),
    # LNG003 exaggeration / minimisation
    ("LNG003", "The storm completely destroyed the town's economy.", "completely destroyed"),
    ("LNG003", "This is the worst economic crisis ever, the mayor claimed.", "worst"),
    ("LNG003", "The union dismissed the offer as a mere gesture.", "a mere"),
    ("LNG003", "Fans packed the stadium like never before.", "like never before"),
    # LNG004 doubt
    ("LNG004", "Officials dismissed the so-called election as a formality.", "so-called election"),
    ("LNG004", 'The junta held the "elections" in March without observers.', "elections"),
    ("LNG004", 'The "government" said on Monday it would hold talks with donors.', "government"),
    # scare quotes that end a noun phrase begun before the marks: an adjective, a possessive, a name before them
    ("LNG004", 'The bill would cap the number of Haitian "refugees" admitted each year.', 'Haitian "refugees"'),
    ("LNG004", 'The clinic hired the mayor\'s "experts" to rewrite the report.', 'the mayor\'s "experts"'),
    ("LNG004", 'The minister mocked the Daily Courier "reporter" for asking twice.', 'the Daily Courier "reporter"'),
    ("LNG004", "Troops entered the province under the pretext of fighting smugglers.", "under the pretext of"),
    ("LNG004", "The self-proclaimed republic issued its own passports.", "self-proclaimed"),
    # LNG005 appeal to fear
    ("LNG005", "The party warned of an invasion of migrants this summer.", "invasion of migrants"),
    ("LNG005", "We must act before it is too late, the activist said.", "before it is too late"),
    # LNG006 flag-waving
    ("LNG006", "Only real Americans will understand this, the senator said.", "real Americans"),
    ("LNG006", "Every patriotic citizen should back the border law, the minister said.", "every patriotic"),
    ("LNG006", "The president called reporters enemies of the people.", "enemies of the people"),
    # LNG008 slogans
    ("LNG008", 'Protesters chanted "Death to the traitors" outside the court.', "Death to"),
    ("LNG008", 'Crowds shouted "Long live Castro" in the square.', "Long live"),
    ("LNG008", 'Supporters wore caps reading "Make Britain great again".', "great again"),
    # LNG009 thought-terminating cliches
    ("LNG009", "Asked about the cuts, the minister said it is what it is.", "it is what it is"),
    ("LNG009", "Enough is enough, the coach told reporters after the defeat.", "Enough is enough"),
    ("LNG009", "The spokesman said the debate is over and the plan will go ahead.", "the debate is over"),
    # LNG010 causal oversimplification
    ("LNG010", "Rising prices are all because of the new tax, the senator said.", "all because of"),
    ("LNG010", "The governor said the drought is solely to blame for the fires.", "solely to blame"),
    # LNG011 black-and-white fallacy
    ("LNG011", "The president told allies they were either with us or against us.", "with us or against us"),
    ("LNG011", "There is no middle ground on this issue, the bishop wrote.", "no middle ground"),
    # a bare loaded word as an exclamation, or a question that predicates it, still uses the word
    ("LNG002", "Savage! Troops burned the village at dawn.", "Savage"),
    ("LNG002", "Was the raid savage? Troops burned every house.", "savage"),
]

# (code, sentence) pairs that must stay quiet: neutral news language, negation, mentions, designations
MUST_NOT_FIRE = [
    ("LNG002", "Too many times in my career, I have been arrogant and failed to listen."),
    ("LNG002", "We were reckless with the budget, and we owe voters an apology."),
    ("LNG002", "Police charged the driver with reckless driving after the crash on the bypass."),
    # a bare word asked as a question (a caption's or subheading's 'Hoax?'): the writer asks whether it fits
    ("LNG002", "Hoax? The photo shows a crab longer than the pier, though the species rarely grows past a foot."),
    ("LNG002", "Massacre? Historians still argue over what happened in the valley that winter."),
    # the first part of a hyphenated compound modifier labels nothing
    ("LNG002", "The photo is doubtful. Hoax-tracking site Emergent points out that the account is new."),
    ("LNG002", "The agency opened a terror-related inquiry into the fire on Tuesday."),
    ("LNG002", "The judge ruled the defendant incompetent to stand trial."),
    ("LNG001", "Football fans queued overnight for tickets to the final."),
    ("LNG001", "The inspectors did not find any thugs, only tourists."),
    ("LNG001", "Hamas terrorists attacked the town overnight, police said."),
    ("LNG001", "Britain designated Hezbollah a terrorist organization in 2019."),
    ("LNG001", "The terrorist attack killed 12 people in Kabul on Friday."),
    ("LNG001", "Police arrested three suspected terrorists in Madrid."),
    ("LNG001", "The Islamic State terrorist group claimed the bombing."),
    ("LNG001", "Convicted terrorist Anders Lund was released from prison on Monday."),
    ("LNG001", "The EU's sanctions regime has been extended for six months."),
    ("LNG001", "The training regime for new recruits lasts 12 weeks."),
    ("LNG001", 'The term "regime" is contested among historians.'),
    ("LNG001", "The word terrorist has been used loosely by politicians."),
    ("LNG001", "Kenya is not a terrorist state, the minister told parliament."),
    ("LNG001", "The puppet show at the Edinburgh festival sold out."),
    ("LNG002", "A brutal heatwave hit southern Europe in July."),
    ("LNG002", "The killings were not a massacre, the general insisted."),
    ("LNG002", "The Senate voted 52 to 48 to confirm the nominee."),
    ("LNG002", "The company said quarterly profits rose 4 percent."),
    ("LNG002", "The deadly crash closed the motorway for six hours."),
    ("LNG003", "The record was the fastest time in the event's history."),
    ("LNG003", "The storm destroyed three houses and damaged a school."),
    ("LNG004", "The so-called long COVID affects millions of people."),
    ("LNG004", 'She received the "Journalist of the Year" award in May.'),
    ("LNG004", 'The museum\'s "Heroes" exhibition opens on Friday.'),
    ("LNG004", "Prosecutors say the man allegedly stole 40,000 euros."),
    # a partial quote of the source's own words is not a scare quote
    ("LNG004", 'The senator said in 2019 that his main goal was to make the governor a "one-term president."'),
    ("LNG004", "The mayor openly admires the general as a “strong leader,” and says so often."),
    # a quoted term after a preposition or verb, a name that is no legitimacy word, the source's own word
    ("LNG004", 'The union called for "peace" in the shipyards.'),
    ("LNG004", 'She praised the council\'s "Clean Harbor" plan.'),
    ("LNG004", 'Officers said the two "victims" had refused treatment.'),
    # a title in quotation marks, and the two moral categories named together
    ("LNG002", "The group's new ad, titled “Reckless,” will air in three states from Monday."),
    ("LNG002", "The novel follows two families who see the world in stark terms of good and evil."),
    ("LNG002", "The film is a simple story of good versus evil set in a mining town."),
    ("LNG005", "A wave of refugees crossed the border after the floods."),
    ("LNG006", "The Americans won the gold medal in the relay."),
    ("LNG008", "She came down with the flu last week."),
    ("LNG008", "The court sentenced him to death on Tuesday."),
    ("LNG009", "The minister said the review would end next year."),
    ("LNG010", "Economists said several factors drove prices higher."),
    ("LNG011", "The bill offers three options for schools to choose from."),
]


@pytest.mark.parametrize("code,text,words", SHOULD_FIRE)
def test_language_fires(parse, code, text, words):
    found = _findings(parse, text, code)
    assert found, f"{code} did not fire on: {text}"
    assert any(words.lower() in f.span.text.lower() for f in found), [f.span.text for f in found]
    for f in found:
        assert text[f.span.start - 0 : f.span.end] == f.span.text or f.span.text in text
        if code in language.MODEL_NAMES_TECHNIQUE and "model_technique" in f.evidence:
            # the learned technique head names these codes' technique better (measured on PTC training articles)
            assert f.evidence["rule_technique"] == language.TECHNIQUE[code]
            assert f.evidence["technique"] == f.evidence["model_technique"]
        else:
            assert f.evidence["technique"] == language.TECHNIQUE[code]


@pytest.mark.parametrize("code,text", MUST_NOT_FIRE)
def test_language_stays_quiet(parse, code, text):
    found = _findings(parse, text, code)
    assert not found, [(f.span.text, f.message) for f in found]


def test_language_name_calling_evidence_names_target_and_label(parse):
    doc = parse("The Kremlin thugs beat protesters outside the courthouse.")
    (finding,) = _findings(parse, doc.text, "LNG001")
    assert finding.severity == "warning"
    assert finding.evidence["target"] == "Kremlin"
    assert finding.evidence["matched"] == "thugs"
    assert finding.evidence["in_quote"] is False
    assert finding.message == "labels Kremlin as 'thugs'"


@pytest.mark.parametrize(
    "text",
    [
        '"The Kremlin thugs beat us," a protester said.',
        "A protester said the Kremlin thugs beat them.",
    ],
)
def test_language_quoted_label_is_the_sources_wording(parse, text):
    (finding,) = _findings(parse, text, "LNG001")
    assert finding.evidence["in_quote"] is True
    assert finding.severity == "warning"
    assert "source's wording" in finding.message


# A straight mark shaped as an opener (after a space, before a word) opens a new quote even while one is open: page
# residue such as a photo credit often sits between two quotes of the same speaker.
@pytest.mark.parametrize(
    "text, word, in_quote",
    [
        (
            'The mayor told reporters: "I have read the report.   Reuters   Mayor Ann Holt   "It is a vile and heinous '
            'crime and we will find who did it."',
            "heinous",
            True,
        ),
        # the quote after the residue closes where it ends: the writer's own words after it are the writer's
        (
            'Officials said: "We saw it.   AP   "It was a raid," the officer said. Troops carried out a savage raid on '
            "the village at dawn.",
            "savage",
            False,
        ),
    ],
)
def test_language_quote_opened_after_page_residue(parse, text, word, in_quote):
    (finding,) = [f for f in _findings(parse, text, "LNG002") if f.span.text == word]
    assert finding.evidence["in_quote"] is in_quote


def test_language_quoted_regions_reopen_on_an_opening_mark():
    text = 'He said: "I saw it.  Getty  "It was vile," she said "and cruel." Then "yes" and "no".'
    quotes = [text[a:b] for a, b in language.quoted_regions(text)]
    assert '"It was vile,"' in quotes and '"and cruel."' in quotes
    assert '"yes"' in quotes and '"no"' in quotes
    assert not any(q.startswith('," she') or q.startswith('" and') for q in quotes)


def test_language_terrorist_policy_state_actor_only(parse):
    state = _findings(parse, "The ministry said the army's Northern Command is a terrorist organization.", "LNG001")
    group = _findings(parse, "Officials said the group is a terrorist organization.", "LNG001")
    assert state and state[0].evidence["attached_as"] == "predicate"
    assert not group


def test_language_repetition_fires_on_second_use(parse):
    text = (
        "Witnesses said the raid was savage.\n\nA second savage raid followed on Sunday, "
        "and a third savage assault on Monday."
    )
    found = _findings(parse, text, "LNG007")
    assert len(found) == 1
    assert found[0].evidence["count"] == 3
    assert len(found[0].related) == 2


def test_language_single_use_is_not_repetition(parse):
    assert not _findings(parse, "Troops carried out a savage raid on the village at dawn.", "LNG007")


def test_language_lexicons_load_and_are_documented():
    lex = language.lexicons()
    assert "thugs" in lex.labels and "terrorist" in lex.labels
    assert lex.phrases["LNG002"] and lex.phrases["LNG011"]
    assert {"thug", "thugs"} <= set(language.expand("thug(s)"))
    assert all(rule.example and rule.explanation for rule in language.RULES)
    assert [r.code for r in language.RULES] == [f"LNG{i:03d}" for i in range(1, 15)]  # LNG012: the learned spans


# ------------------------------------------------------------------ phrase matches read in their context
@pytest.mark.parametrize(
    "text",
    [
        # a plain negation of a thing, not "there is no alternative" as an argument
        "There is no alternative route listed on the county website.",
        "Residents were told there is no alternative crossing until the bridge reopens.",
        "The organisers said there is no alternative venue for the concert this year.",
    ],
)
def test_language_black_and_white_quiet_on_plain_negation(parse, text):
    assert not _findings(parse, text, "LNG011")


def test_language_black_and_white_still_fires_on_the_argument(parse):
    assert _findings(parse, "There is no alternative, the prime minister told the conference.", "LNG011")


# Articles and headings that talk about a word rather than use it: no LNG002, no LNG007 for them.
MENTIONS = [
    ("What genocide means", "Genocide is the deliberate destruction of a people. The word was coined in 1944."),
    ("Defining a witch hunt", "A witch hunt is a campaign against people for their views. Its history is long."),
    ("Hoax, explained", "The word hoax has a murky origin. A hoax is a deliberate deception."),
    (None, 'Fans on both sides used "massacre" for what was a two-goal defeat.'),
    (None, 'The "carnage" the flyer promised turned out to be a pillow fight in the park.'),
    (None, "Barbarism is the absence of culture, the philosopher's first lecture begins."),
]


@pytest.mark.parametrize("title, body", MENTIONS)
def test_language_mention_is_not_use(parse, title, body):
    doc = parse(body, title=title)
    found = [f for f in doc._.pl_findings if f.code in ("LNG002", "LNG007")]
    assert not found, [(f.code, f.span.text) for f in found]


@pytest.mark.parametrize(
    "text, words",
    [
        ('The senator called the inquiry a "witch hunt".', "witch hunt"),  # the source's word, still reported
        ("What the army did in the village was a massacre.", "massacre"),  # a use: 'was a massacre'
        ("Troops carried out a savage raid on the village at dawn.", "savage"),
    ],
)
def test_language_use_near_a_mention_still_fires(parse, text, words):
    assert any(words in f.span.text for f in _findings(parse, text, "LNG002"))


def test_language_defined_term_is_not_counted_as_repetition(parse):
    doc = parse(
        "Genocide is the intent to destroy a group. Genocide became a crime in 1948. Courts define genocide narrowly.",
        title="What genocide means",
    )
    assert not [f for f in doc._.pl_findings if f.code in ("LNG002", "LNG007")]


# ------------------------------------------------------- techniques read from structure (analyzers/framing.py)
# (code, text, words the finding's span must contain, pattern): sentences of each kind written for the project
STRUCTURAL_FIRES = [
    # contemptuous nicknames and coinages
    ("LNG001", "Once again Governor Moneybags vetoed the school lunch bill.", "Governor Moneybags", "nickname"),
    ("LNG001", "As usual, Mayor Flipflop changed his mind about the stadium.", "Mayor Flipflop", "nickname"),
    (
        "LNG001",
        "Senator Dana Whitlow spoke first. Everyone knows Shifty Whitlow will vote against it.",
        "Shifty Whitlow",
        "nickname",
    ),
    ("LNG001", "The lapdog media never asked the minister a single hard question.", "lapdog media", "coinage"),
    ("LNG001", "Nobody in the lamestream press bothered to check the numbers.", "lamestream press", "coinage"),
    # labels for opponents
    (
        "LNG001",
        "The tax-and-spend crowd wants another levy on small businesses.",
        "tax-and-spend crowd",
        "opponent-label",
    ),
    ("LNG001", "As expected, the woke brigade objected to the new curriculum.", "woke brigade", "opponent-label"),
    ("LNG001", "Somehow the globalist cabal always gets its way in Brussels.", "globalist cabal", "opponent-label"),
    ("LNG001", "The deep state will never allow this reform to pass.", "deep state", "conspiracy-label"),
    ("LNG001", "Voters are tired of the unelected elite running their lives.", "unelected elite", "conspiracy-label"),
    # the same stances unquoted, or one stance word in scare quotes: still labels
    ("LNG001", "Some in the never-Trump crowd said they would sit out.", "never-Trump crowd", "opponent-label"),
    ("LNG001", 'The "woke" crowd complained about the school play again.', 'woke" crowd', "opponent-label"),
    # belittling
    (
        "LNG002",
        "The councillor threw a little tantrum when the vote went against him.",
        "threw a little tantrum",
        "belittling",
    ),
    ("LNG002", "The minister had a hissy fit over the leaked memo.", "hissy fit", "belittling"),
    ("LNG002", "The union boss whined that nobody had consulted him.", "whined", "belittling"),
    ("LNG002", "The chancellor had a meltdown when the figures leaked.", "had a meltdown", "belittling"),
    (
        "LNG002",
        "Nobody outside Westminster cares about her little crusade against cyclists.",
        "little crusade",
        "belittling",
    ),
    # appeal to fear
    ("LNG005", "This ruling should terrify every homeowner in the county.", "terrify every homeowner", "fear"),
    ("LNG005", "Every pensioner should be frightened by what this budget contains.", "Every pensioner", "fear"),
    # a whole class of people told what to feel: a bare plural under 'should'
    ("LNG005", "Homeowners should be terrified by what this ruling allows.", "Homeowners should be terrified", "fear"),
    ("LNG005", "If this treaty is signed, our nation will be destroyed.", "our nation will be destroyed", "doom"),
    ("LNG005", "Without the new dam, we are doomed.", "we are doomed", "doom"),
    # an imperative of fear to the reader; total loss foretold for everyone
    ("LNG005", "Be very afraid: the new census asks about your bank accounts.", "Be very afraid", "fear"),
    ("LNG005", "Under this plan every pensioner will lose everything.", "every pensioner will lose everything", "doom"),
    ("LNG005", "Anyone who rents stands to lose everything.", "Anyone who rents stands to lose everything", "doom"),
    # total ruin foretold for everyone or for what people live by
    ("LNG005", "The new tariff could bankrupt every farmer in the county.", "could bankrupt every farmer", "doom"),
    ("LNG005", "The tax would wipe out all our savings.", "The tax would wipe out all our savings", "doom"),
    (
        "LNG005",
        "If the treaty is signed, there will be nothing left of our culture.",
        "there will be nothing left of our culture",
        "doom",
    ),
    # safety denied to every person in the future
    (
        "LNG005",
        "Once the checkpoints go, no child in this city will be safe on the way to school.",
        "no child in this city will be safe",
        "fear",
    ),
    # safety denied to all of us for good: 'never ... again' of 'we' or what is ours
    (
        "LNG005",
        "If the depot opens, our children will never be safe again on the way to school.",
        "our children will never be safe again",
        "fear",
    ),
    ("LNG005", "Once the checkpoints go, we will never be safe again.", "we will never be safe again", "fear"),
    # black-and-white
    ("LNG011", "Either we close the border now or we lose everything.", "Either we close the border", "either-or"),
    ("LNG011", "Either you support the strike or you support the bosses.", "Either you support", "either-or"),
    ("LNG011", "In this election it is us or them.", "us or them", "us-or-them"),
    # one option is the speaker's, the ruin is everyone's
    ("LNG011", "Either I stay in office or we lose everything.", "Either I stay in office", "either-or"),
    # the first option in two steps joined by 'and': the dilemma is still the one after 'or'
    (
        "LNG011",
        "Either we stand up now and demand these flights stop, or we hand over the sky to whoever pays.",
        "Either we stand up now",
        "either-or",
    ),
    ("LNG011", "Either we act now and fund the levee, or we lose the whole town.", "Either we act now", "either-or"),
    # 'there is only one path': two options after a colon, one of them ruin or both the audience's
    (
        "LNG011",
        "There is only one path for the republic: to continue along the course set by the President, or to throw "
        "away everything that has been built.",
        "There is only one path for the republic",
        "either-or",
    ),
    (
        "LNG011",
        "There is only one road for this town: we build the bypass, or we watch the high street die.",
        "There is only one road",
        "either-or",
    ),
    (
        "LNG011",
        "There is only one course for the party: to stand behind its leader or to lose everything it has won.",
        "There is only one course",
        "either-or",
    ),
    (
        "LNG011",
        "There are only two paths for the country now: we stay united or we are finished.",
        "There are only two paths",
        "either-or",
    ),
    # the second option is ruin, whoever the actors; the parse may hang 'either' on a subject or split the clauses
    (
        "LNG011",
        "Either parliament passes the reform or the republic collapses.",
        "Either parliament passes the reform or the republic collapses",
        "either-or",
    ),
    (
        "LNG011",
        "Either the board backs the merger or shareholders end up with nothing.",
        "or shareholders end up with nothing",
        "either-or",
    ),
    # no 'either': the same audience offered two options, the second a loss for good
    (
        "LNG011",
        "You can sign the petition, or you can watch the library close forever.",
        "or you can watch the library close forever",
        "either-or",
    ),
]


@pytest.mark.parametrize("code, text, words, pattern", STRUCTURAL_FIRES)
def test_language_structural_technique_fires(parse, code, text, words, pattern):
    found = [f for f in _findings(parse, text, code) if f.evidence.get("pattern") == pattern]
    assert any(words in f.span.text for f in found), [(f.code, f.span.text) for f in parse(text)._.pl_findings]
    assert all(f.evidence["technique"] == language.TECHNIQUE[code] for f in found)


# A common compound word where the first name stands, between a title and a surname. The learned model may name
# the technique otherwise (it saw few such nicknames), so only the rule and the span are checked.
EPITHETS_BEFORE_NAMES = [
    (
        "By Friday, Governor Do-Nothing Pryce had skipped three sessions of the budget talks.",
        "Governor Do-Nothing Pryce",
    ),
    (
        "Mayor Ruth Okafor spoke first. Then Mayor Turncoat Okafor voted with the other side, as she always does.",
        "Mayor Turncoat Okafor",
    ),
]


@pytest.mark.parametrize("text, words", EPITHETS_BEFORE_NAMES)
def test_language_structural_epithet_before_surname(parse, text, words):
    found = [f for f in _findings(parse, text, "LNG001") if f.evidence.get("pattern") == "nickname"]
    assert any(f.span.text == words for f in found), [(f.code, f.span.text) for f in parse(text)._.pl_findings]


# Near misses: the same words or shapes in neutral news use.
STRUCTURAL_QUIET = [
    # a prefix of stance fused to a word is plain English, no coinage
    ("LNG001", "It is the fifth straight year in which antiabortion activists have pushed through new laws."),
    ("LNG001", "Several nonprofit groups sued the county over the new voting rules."),
    # surnames that are two words, real names, a title-case headline
    ("LNG001", "Senator Sheldon Whitehouse spoke first. Senator Whitehouse said the bill would pass."),
    ("LNG001", "Mayor Lightfoot said the city would appeal the ruling."),
    ("LNG001", "Sen. Mark Goodman and Rep. Ann Blackburn met on Friday."),
    ("LNG001", "Rusty Jones scored twice. Jones later said the team deserved the win."),
    ("LNG001", "Young Thomas Ashby signed for the club. Ashby is 17."),
    ("LNG001", "Senator Supports New Bill On Farm Subsidies After Long Debate"),
    # a capital that opens a quotation, as one that opens a sentence, is no sign of a name; 'every' is no adjective
    ("LNG001", '"Every Harris surrogate is lowering expectations," one adviser said. Kamala Harris spoke later.'),
    ("LNG001", "The memo was blunt: Every Harris surrogate must stay on message. Kamala Harris approved it."),
    ("LNG001", '"Nervous Harris aides are calling donors daily," one adviser said. Kamala Harris spoke later.'),
    # a surname that splits into a word and a three-letter scrap is a surname (regal + ado, good + ale, war + den)
    ("LNG001", "Mr. Regalado said the city would not endorse a candidate this year."),
    ("LNG001", "Ms. Goodale told the committee the figures were wrong."),
    ("LNG001", "Dr. Pettigrew said the trial had ended early."),
    # crowds, brigades and watchdogs in their ordinary senses
    ("LNG001", "The 40,000-strong crowd cheered as the team came out."),
    ("LNG001", "The home crowd booed the referee after the penalty."),
    ("LNG001", "A crowd of 5,000 anti-government protesters marched on parliament."),
    ("LNG001", "The fire brigade arrived within ten minutes."),
    ("LNG001", "The watchdog group published its annual report on Monday."),
    ("LNG001", "The shadow chancellor said the shadow cabinet would meet on Monday to discuss the shadow government."),
    ("LNG001", "Museum director Lonnie Bunch opened the new gallery."),
    # a given name that is a compound word or a hyphenated name between a title and a surname
    ("LNG001", "On Friday the health minister, Dr Goodwill Nkosi, opened the new clinic in the township."),
    ("LNG001", "Senator Jean-Pierre Moreau said the committee would meet again in the spring."),
    ("LNG001", "The leftwing journalist interviewed a firearms expert."),
    # a movement named by its own slogan in quotation marks: the newsroom's shorthand, not a label
    ("LNG001", 'Some in the "Warren or Nothing" crowd said they would sit out the general election.'),
    ("LNG001", 'The "Never Trump" crowd met in a hotel ballroom on Monday night.'),
    # belittling shapes that are not belittling
    ("LNG002", "The patient had a fit and was taken to hospital."),
    ("LNG002", "She thanked her little brother for his help."),
    ("LNG002", "The team had a fit of giggles during the photo shoot."),
    ("LNG002", "The reactor had a meltdown in 1979, and the plant never reopened."),
    # fear and doom shapes that report or negate
    ("LNG005", "We lost everything in the flood, she said, standing outside her house."),
    ("LNG005", "The result did not frighten investors, who bought shares on Monday."),
    ("LNG005", "We are not finished with the investigation, the prosecutor said."),
    ("LNG005", "The scene frightened the children who saw it."),
    ("LNG005", "We as a church must cease our support for the scheme."),
    ("LNG005", "Every passenger lost everything in the fire."),  # a loss reported, not foretold
    ("LNG005", "Every household will lose all its tax deductions under the plan."),  # not everything
    ("LNG005", "The children were afraid of the dogs."),  # someone's fear reported, not the reader's
    # ruin reported, a storm's forecast damage, a policy's plain description, a village not 'ours'
    ("LNG005", "The fire destroyed every shop on the street."),
    ("LNG005", "The surge could wreck every home on the seafront."),
    ("LNG005", "The bill would end all fees for students."),
    ("LNG005", "After the flood there was nothing left of the village."),
    # safety of places, a present fact, a warning with its condition
    ("LNG005", "No building on the street will be safe to enter until engineers inspect it."),
    ("LNG005", "No one was hurt, and everyone in the building is safe."),
    ("LNG005", "No one will be safe until the gunman is caught."),
    # a place never safe again, a person's own fear, a report of people afraid, a class told not to fear
    ("LNG005", "The old pier will never be safe again, the engineers said."),
    ("LNG005", "My children will never be safe again, she said."),
    ("LNG005", "Homeowners were terrified when the river burst its banks."),
    ("LNG005", "Homeowners should not be frightened by the new valuation, the assessor said."),
    # either/or for one actor's real options
    ("LNG011", "Voters can either renew the mandate or elect a new council."),
    ("LNG011", "Either the council raises taxes or it cuts services, the auditor wrote."),
    ("LNG011", "Tickets can be bought either online or at the station."),
    ("LNG011", "Either the council raises taxes and cuts staff, or it borrows again, the auditor wrote."),
    # a person weighing their own two options (a letter or diary quoted without marks): no dilemma put to anyone
    ("LNG011", "Either I sell the farm this year or I borrow against it again."),
    ("LNG011", "Either I quit the band or I lose my mind."),
    # a count of real options or facts after a colon, none of them ruin
    ("LNG011", "There is only one option for the club: sell the striker or sell the goalkeeper."),
    ("LNG011", "There were only two bids for the contract: one from Acme or one from Brill."),
    ("LNG011", "There are only two ways to pay: cash or a card."),
    ("LNG011", "There is only one way to find out: ask the mayor or read the report."),
    # two actors' options with no ruin in either, two subjects of one verb, the same audience with a plain choice
    ("LNG011", "Either the talks succeed or the strike continues into next month."),
    ("LNG011", "Either the House or the Senate can start the process."),
    ("LNG011", "We can meet on Monday, or we can meet on Tuesday."),
    ("LNG011", "You can renew the permit online, or you can renew it at the town hall."),
]


@pytest.mark.parametrize("code, text", STRUCTURAL_QUIET)
def test_language_structural_technique_quiet(parse, code, text):
    found = [f for f in _findings(parse, text, code) if f.evidence.get("pattern")]
    assert not found, [(f.span.text, f.evidence["pattern"]) for f in found]


# A policy told as violence against a class of people (LNG002; the model may name the technique name-calling).
POLICY_AS_WAR = [
    ("This budget is a war on the middle class.", "a war on the middle class"),
    ("The new fuel tax amounts to an all-out assault on farmers.", "an all-out assault on farmers"),
    ("The plan is nothing less than an attack on pensioners.", "an attack on pensioners"),
    ("The housing law represents a frontal assault on renters.", "a frontal assault on renters"),
    # near misses: a real war or attack, a war on a thing, a denial, an attack that is no policy's
    ("The regime waged war on its own people.", None),
    ("The cartel's war on police has killed 40 officers.", None),
    ("The policy is a war on drugs.", None),
    ("The plan is not a war on drivers.", None),
    ("The attack on pensioners in the park was caught on camera.", None),
    ("The bill is a response to the attack on nurses at the hospital.", None),
]


@pytest.mark.parametrize("text, words", POLICY_AS_WAR)
def test_language_policy_told_as_war_on_people(parse, text, words):
    found = [f.span.text for f in _findings(parse, text, "LNG002") if f.evidence.get("pattern") == "policy-war"]
    assert found == ([words] if words else [])


def test_language_structural_in_quote_is_the_sources_wording(parse):
    (finding,) = [
        f
        for f in _findings(parse, '"The deep state is sabotaging us," the candidate told supporters.', "LNG001")
        if f.evidence.get("pattern")
    ]
    assert finding.evidence["in_quote"] is True and "source's wording" in finding.message


def test_language_structural_mention_is_not_use(parse):
    doc = parse('Commentators disagree about what "deep state" means in Turkish politics.')
    assert not [f for f in doc._.pl_findings if f.evidence.get("pattern") == "conspiracy-label"]


@pytest.mark.parametrize(
    "text",
    [
        '"We have lost 18,000 steel jobs in five years," the union leader said.',
        "We have lost everything we owned, the farmer said after the flood.",
    ],
)
def test_language_structural_doom_quiet_on_reported_loss(parse, text):
    assert not [f for f in _findings(parse, text, "LNG005") if f.evidence.get("pattern") == "doom"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("This is the greatest scandal in history, the columnist wrote.", "greatest scandal in history"),
        ("It was the worst betrayal in modern history.", "worst betrayal in modern history"),
        ("They run the most corrupt government the world has ever seen.", "the world has ever seen"),
    ],
)
def test_language_exaggeration_superlative_with_universal_scope(parse, text, words):
    assert any(words in f.span.text for f in _findings(parse, text, "LNG003"))


# A name-calling label is a noun: the same word as a verb labels nobody.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The new engine has a boost mode. That cranks out 300 kW of power for eight seconds.", False),
        ("The studio cranks out a sequel every summer, and audiences keep coming.", False),
        ("The mayor dismissed the protesters as cranks and said the plan would go ahead.", True),
    ],
)
def test_language_label_used_as_a_verb_is_no_label(parse, text, fires):
    found = _findings(parse, text, "LNG001") + _findings(parse, text, "LNG002")
    assert bool(found) is fires, [f.message for f in found]


# A headline-style credit ('...: White House', 'Mayor Ruiz: ...') makes the words on the other side of the colon the
# source's: the finding says so (in_quote) and the reports leave it out by default.
@pytest.mark.parametrize(
    ("text", "word", "in_quote"),
    [
        ("Impeachment sham completely debunked: White House\n\nThe second hearing ended on Wednesday.", "sham", True),
        ("Mayor Ruiz: the rail plan is a disgraceful sham\n\nThe council votes on Friday.", "sham", True),
        ("Impeachment sham completely debunked\n\nThe second hearing ended on Wednesday.", "sham", False),
        ("The reason: a disgraceful sham of a hearing\n\nThe second hearing ended on Wednesday.", "sham", False),
        # a kicker that sets a scene with a preposition of place or time is no credit, in capitals or not
        (
            "TERROR ON THE TOWPATH: the police inquiry was a sham\n\nThe second hearing ended on Wednesday.",
            "sham",
            False,
        ),
        ("Chaos in Congress: the hearing was a sham\n\nThe second hearing ended on Wednesday.", "sham", False),
        ("FURY AT CITY HALL: the budget vote was a sham\n\nThe second hearing ended on Wednesday.", "sham", False),
        ("Uproar after the vote: the inquiry was a sham\n\nThe second hearing ended on Wednesday.", "sham", False),
        # a person the preposition describes still credits
        ("Mayor Ruiz in Lisbon: the rail plan is a sham\n\nThe second hearing ended on Wednesday.", "sham", True),
        # a name with 'of' or 'for' in it still credits
        ("Head of the IMF: the rescue plan is a sham\n\nThe second hearing ended on Wednesday.", "sham", True),
        ("Minister for Europe: the trade deal is a sham\n\nThe second hearing ended on Wednesday.", "sham", True),
    ],
)
def test_language_headline_credit_makes_it_the_sources_wording(parse, text, word, in_quote):
    found = [f for f in _findings(parse, text, "LNG002") if f.span.text == word]
    assert len(found) == 1 and found[0].evidence["in_quote"] is in_quote


# ------------------------------------------- insults, motive labels and ruin forever in the writer's own voice
# (code, text, words the finding's span must contain, pattern): several sentences of each kind, written for the project
WRITERS_VOICE_FIRES = [
    # an insulting adjective tied by the grammar to a person: "it was ADJ of X to", "X's ADJ plan", "X is ADJ"
    (
        "LNG002",
        "It was astonishingly stupid of Councillor Reyes to sign the contract.",
        "stupid of Councillor Reyes",
        "insult-evaluation",
    ),
    (
        "LNG002",
        "It is foolish of the minister to pretend the queues will vanish.",
        "foolish of the minister",
        "insult-evaluation",
    ),
    ("LNG002", "How spineless of the senator to skip the vote.", "spineless of the senator", "insult-evaluation"),
    (
        "LNG002",
        "The governor's idiotic scheme will empty the rainy-day fund.",
        "governor's idiotic scheme",
        "insult-evaluation",
    ),
    ("LNG002", "Residents will pay for Mayor Ortiz's brainless parking plan.", "brainless", "insult-evaluation"),
    (
        "LNG002",
        "Senator Pruitt is clueless about how small farms work.",
        "Senator Pruitt is clueless",
        "insult-evaluation",
    ),
    (
        "LNG002",
        "The spineless councillors voted the cuts through anyway.",
        "spineless councillors",
        "insult-evaluation",
    ),
    (
        "LNG002",
        "Once again the hypocritical senator lectured others on spending.",
        "hypocritical senator",
        "insult-evaluation",
    ),
    (
        "LNG002",
        "The scheming minister leaked the memo to friendly reporters.",
        "scheming minister",
        "insult-evaluation",
    ),
    (
        "LNG002",
        "Their dim-witted plan for the harbour failed within a month.",
        "Their dim-witted plan",
        "insult-evaluation",
    ),
    ("LNG002", "The small-minded councillors voted the library down.", "small-minded councillors", "insult-evaluation"),
    # a motive label pinned on a political actor
    (
        "LNG001",
        "The xenophobic party took a third of the seats in the regional vote.",
        "xenophobic party",
        "motive-label",
    ),
    ("LNG001", "The bigoted mayor refused to meet the delegation.", "bigoted mayor", "motive-label"),
    ("LNG001", "Everyone knows the government is racist.", "government is racist", "motive-label"),
    # ruin forever of something everyone values
    (
        "LNG005",
        "The bill is part of a campaign to end national security forever.",
        "end national security forever",
        "doom",
    ),
    ("LNG005", "This amendment would destroy our democracy for good.", "destroy our democracy for good", "doom"),
    (
        "LNG005",
        "Their plan will wreck the constitution once and for all.",
        "wreck the constitution once and for all",
        "doom",
    ),
]


@pytest.mark.parametrize("code, text, words, pattern", WRITERS_VOICE_FIRES)
def test_language_writers_voice_insult_motive_doom_fires(parse, code, text, words, pattern):
    found = [f for f in _findings(parse, text, code) if f.evidence.get("pattern") == pattern]
    assert any(words in f.span.text and not f.evidence["in_quote"] for f in found), [
        (f.code, f.span.text, f.evidence.get("pattern")) for f in parse(text)._.pl_findings
    ]


# Near misses: the same adjectives and shapes with no person judged, in a source's words, mentioned, negated,
# about the writer, about fiction, or in a neutral or technical sense.
WRITERS_VOICE_QUIET = [
    ("LNG002", "It was a stupid mistake that cost the team the match."),
    ("LNG002", "I was foolish to trust the forecast, the farmer admitted."),
    ("LNG002", "We were clueless about the rules when we started, the founders say."),
    ("LNG002", "It was kind of Senator Black to help the family."),
    ("LNG002", "The council is not clueless about the problem."),
    ("LNG002", "The dumb waiter in the old hotel still works."),
    ("LNG002", "The lazy river at the water park reopened on Monday."),
    ("LNG002", "It is a third-rate design, but the bridge has stood for decades."),
    ("LNG002", "Few now defend the stupid Crimean War and its generals."),
    # a capitalised adjective inside a name: a group's or a campaign's name, not the writer's evaluation
    ("LNG002", "Joan Pratt will run the Stop Spineless Sanders committee from March."),
    ("LNG002", "A degenerate case of the equation has no real solution."),
    ("LNG002", "Petty Officer Jane Ruiz led the boarding crew."),
    ("LNG002", "The novel's pompous butler is the funniest character in the book."),
    ("LNG002", "Critics of the film found its hero smug and its villain clueless."),
    ("LNG001", "Police said the racist attacks on the mosque were being investigated."),
    ("LNG001", 'The word "xenophobic" entered English dictionaries in the early 20th century.'),
    ("LNG001", "The report counted 40 racist incidents at football grounds last season."),
    ("LNG001", "The report documented a racist campaign of harassment against the family."),
    ("LNG005", "The vaccine could end polio forever, health officials hope."),
    ("LNG005", "The treaty would end the war for good, the envoy said."),
    ("LNG005", "The storm did not destroy the nation's harvest after all."),
]


@pytest.mark.parametrize("code, text", WRITERS_VOICE_QUIET)
def test_language_writers_voice_near_misses_quiet(parse, code, text):
    found = [
        f
        for f in _findings(parse, text, code)
        if f.evidence.get("pattern") in ("insult-evaluation", "motive-label", "doom") and not f.evidence["in_quote"]
    ]
    assert not found, [(f.span.text, f.evidence["pattern"]) for f in found]


# In a source's words the same insult is the source's: reported, hidden by default.
@pytest.mark.parametrize(
    "text",
    [
        '"It was foolish of Senator Black to say so," the governor said.',
        "The governor said it was foolish of Senator Black to say so.",
        "According to the union, the mayor's brainless plan will cost 300 jobs.",
        '"This xenophobic party has no place here," a protester shouted at the rally.',
    ],
)
def test_language_writers_voice_in_quote_is_the_sources_wording(check_text, text):
    found = [f for f in check_text(text).findings if f.evidence.get("pattern") in ("insult-evaluation", "motive-label")]
    assert found and all(f.evidence["in_quote"] and not f.shown for f in found), [
        (f.span.text, f.evidence.get("in_quote"), f.shown) for f in found
    ]


# Insult nouns and loaded verbs from the lexicons: a label on a named person, servility told of an ordinary act.
@pytest.mark.parametrize(
    "code, text, words",
    [
        ("LNG001", "Councillor Hayes is a hypocrite and everyone on the estate knows it.", "hypocrite"),
        ("LNG001", "Mr. Dunmore, a buffoon with a microphone, hosts the morning show.", "buffoon"),
        ("LNG001", "Governor Platt is a liar, plain and simple.", "liar"),
        ("LNG002", "For a decade the regulator coddled the big banks.", "coddled"),
        ("LNG002", "The senator grovelled to donors at the fundraiser.", "grovelled"),
        ("LNG002", "The prime minister kowtowed to Beijing over the port deal.", "kowtowed"),
        ("LNG002", "The majority railroaded the bill through committee in an hour.", "railroaded"),
        ("LNG001", "Everyone in Westminster knows Mr. Pell is a sycophant.", "sycophant"),
    ],
)
def test_language_insult_nouns_and_loaded_verbs_fire(parse, code, text, words):
    found = _findings(parse, text, code)
    assert any(words in f.span.text and not f.evidence["in_quote"] for f in found), [
        (f.code, f.span.text) for f in parse(text)._.pl_findings
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Critics called Governor Platt a liar after the hearing.",
        '"He is a hypocrite," the councillor said of Mr. Hayes.',
        # news-database copy writes a double quotation mark as two apostrophes
        "The mayor repeated the charge on ''Morning Report.'' ''He is a liar and the whole town knows it.''",
        # a charge someone makes: "accused X of ...", "blamed X for ..."
        "Opposition leaders accused the regulator of coddling the big banks.",
        "Small donors blamed the senator for kowtowing to the gun lobby.",
    ],
)
def test_language_insult_nouns_in_a_sources_words_are_theirs(parse, text):
    found = _findings(parse, text, "LNG001") + _findings(parse, text, "LNG002")
    assert found and all(f.evidence["in_quote"] for f in found), [(f.span.text, f.evidence["in_quote"]) for f in found]


# ------------------------------------------- round 8 kinds: names, someone else's portrayal, embedded posts
# A capitalised word that is part of a person's name is no loaded word; the same word as a word still fires.
@pytest.mark.parametrize(
    "text, word, fires",
    [
        ("Economist Lydia Savage wrote the report. Savage said the figures were revised twice.", "Savage", False),
        (
            "Historian Mark-Paul Slaughter joined the panel. A Slaughter memo circulated the next day.",
            "Slaughter",
            False,
        ),
        (
            "The council hired Owen Slaughter as its auditor, and Slaughter found the ledgers were clean.",
            "Slaughter",
            False,
        ),
        ("The slaughter of villagers in the valley went unreported for weeks.", "slaughter", True),
        ("Slaughter on that scale had not been recorded in the province before.", "Slaughter", True),
        ("Dale Brook, the auditor, said the savage cuts would close four clinics.", "savage", True),
    ],
)
def test_language_surname_is_not_a_loaded_word(parse, text, word, fires):
    found = [f for f in parse(text)._.pl_findings if f.code.startswith("LNG") and word in f.span.text.split()]
    found = [f for f in found if not f.learned]
    assert bool(found) is fires, [(f.code, f.span.text) for f in found]


# Someone else's portrayal or comparison: the words after 'as' / 'compared X to' are the portrayer's.
@pytest.mark.parametrize(
    "text, word, in_quote",
    [
        ("Union leaders have painted the merger as a reckless gamble with pensions.", "reckless", True),
        ("The mayor's critics depicted his budget as a reckless raid on reserves.", "reckless", True),
        ("Opponents cast the new levy as a disgraceful tax on the poor.", "disgraceful", True),
        ("The levy was characterised as a disgraceful tax on the poor by three councillors.", "disgraceful", True),
        ("At the rally Dana Ortiz, the party's founder, likened the treasurer to a religious zealot.", "zealot", True),
        # near misses: the writer's own words beside a portrayal verb
        (
            "The mayor portrayed himself as a prudent manager, but his reckless borrowing doubled the debt.",
            "reckless",
            False,
        ),
        ("The reckless merger was painted as a rescue by the board.", "reckless", False),
        ("The treasurer is a religious zealot who never compromises.", "zealot", False),
    ],
)
def test_language_portrayal_is_the_portrayers_wording(parse, text, word, in_quote):
    found = [f for f in parse(text)._.pl_findings if f.code in ("LNG001", "LNG002") and word in f.span.text]
    assert found and all(f.evidence["in_quote"] is in_quote for f in found), [
        (f.code, f.span.text, f.evidence["in_quote"]) for f in found
    ]


# A 'that' clause hung on a noun of claiming or complaining is the claimant's wording; the writer's own 'the fact
# that' or a plain sentence is not.
@pytest.mark.parametrize(
    "text, word, in_quote",
    [
        (
            "Despite persistent complaints that the mayor is a reckless demagogue, she passed more bills.",
            "demagogue",
            True,
        ),
        (
            "Yet in spite of steady carping that the senator is nothing but a demagogue, he has often won.",
            "demagogue",
            True,
        ),
        ("The accusation that the treasurer is a demagogue followed her into the new job.", "demagogue", True),
        # near misses
        ("The fact that the treasurer is a reckless demagogue is plain to all.", "demagogue", False),
        ("The mayor is a reckless demagogue, and the council knows that she is.", "demagogue", False),
    ],
)
def test_language_claim_noun_clause_is_the_claimants_wording(parse, text, word, in_quote):
    found = [f for f in parse(text)._.pl_findings if f.code in ("LNG001", "LNG002") and word in f.span.text]
    assert found and all(f.evidence["in_quote"] is in_quote for f in found), [
        (f.code, f.span.text, f.evidence["in_quote"]) for f in found
    ]


# The picture a simile draws labels no one; a simile whose head is the label still applies it.
@pytest.mark.parametrize(
    "text, word, fires",
    [
        ("The crowd closed on the heckler, like white cells moving to expel an unwanted invader.", "invader", False),
        ("The guards moved as if they were herding a gang of thugs out of the hall.", "thugs", False),
        ("The mayor behaved like a thug at the meeting on Tuesday.", "thug", True),
        ("The mayor's aides acted like thugs when reporters asked about the contract.", "thugs", True),
    ],
)
def test_language_simile_image_labels_no_one(parse, text, word, fires):
    found = [f for f in parse(text)._.pl_findings if f.code == "LNG001" and not f.learned and word in f.span.text]
    assert bool(found) is fires, [(f.code, f.span.text) for f in found]


# An embedded post (markup kept in the copy, or a pasted tweet with its credit line) is its author's words.
@pytest.mark.parametrize(
    "text, word, in_quote",
    [
        (
            'Residents gathered at the pier. <tweet tweet-author="@harbourwatch" tweet-date="May 2, 2018">A disgraceful '
            "betrayal of every fisherman here<tweet/> The harbour board has not commented.",
            "disgraceful",
            True,
        ),
        (
            'Residents gathered at the pier. <tweet author="harbourwatch" timestamp="1525219200">A disgraceful '
            "betrayal of every fisherman here</tweet>. The harbour board has not commented.",
            "disgraceful",
            True,
        ),
        (
            "Residents gathered at the pier.\nA disgraceful betrayal of every fisherman here\n"
            "— Harbour Watch (@harbourwatch) May 2, 2018\nThe harbour board has not commented.",
            "disgraceful",
            True,
        ),
        (
            "Residents gathered at the pier.\nThe board's disgraceful betrayal of every fisherman went on.\n"
            "The harbour board has not commented.",
            "disgraceful",
            False,
        ),
    ],
)
def test_language_embedded_post_is_its_authors_wording(parse, text, word, in_quote):
    found = [f for f in parse(text)._.pl_findings if f.code == "LNG002" and word in f.span.text.lower()]
    assert found and all(f.evidence["in_quote"] is in_quote for f in found), [
        (f.span.text, f.evidence["in_quote"]) for f in found
    ]


# The insult message names a word as what is owned, never a dash or a bracket the parse hung the adjective on.
@pytest.mark.parametrize(
    "text",
    [
        "Below is a list of the governor's idiotic ― and costly ― spending decisions.",
        "Readers sent in the senator's idiotic (and costly) proposals from last year.",
        "Here is the governor's idiotic tweet from Monday.",
    ],
)
def test_language_insult_message_names_no_dash(parse, text):
    found = [f for f in parse(text)._.pl_findings if f.evidence.get("pattern") == "insult-evaluation"]
    assert found, [(f.code, f.span.text) for f in parse(text)._.pl_findings]
    for f in found:
        tail = f.message.split(" insults ", 1)[1]
        assert tail.strip() and not any(ch in tail for ch in "―—–()"), f.message
        assert not tail.rstrip().endswith(("the", "of")), f.message


# A fierce adjective on an animal or its attack describes the animal; on people's acts it is still loaded. A
# possessive on a noun of violence suffered may be the victim; with 'on' it is the attacker.
@pytest.mark.parametrize(
    "text, fires",
    [
        ("A fisherman was saved from a savage bear attack when his phone rang and scared the animal away.", False),
        ("The swimmer survived a vicious attack by a shark off the reef.", False),
        ("The farmer is recovering from his vicious attack.", False),
        ("The gang carried out a savage attack on the shopkeeper.", True),
        ("The senator's vicious attack on the mayor drew rebukes.", True),
    ],
)
def test_language_animals_and_victims_are_not_judged(parse, text, fires):
    found = [f for f in parse(text)._.pl_findings if f.code in ("LNG001", "LNG002") and not f.learned]
    assert bool(found) is fires, [(f.code, f.span.text) for f in found]


# A kind of person ('any tyrant') or a campaigner for a cause ('a crusader against corruption') labels no one; 'the
# idea that X is a puppet' is someone's idea. The same words aimed at someone still fire.
@pytest.mark.parametrize(
    "text, word, shown",
    [
        ("An armed public is a threat to any tyrant, and the founders knew it.", "tyrant", False),
        (
            "The mayor started public life as a crusader against corruption and studied law in Boston.",
            "crusader",
            False,
        ),
        (
            "So this idea that the mayor is some kind of a puppet of the developers is what you believe if you read "
            "blogs.",
            "puppet",
            False,
        ),
        ("The tyrant who runs the province jailed three reporters this week.", "tyrant", True),
        ("The mayor is a puppet of the developers.", "puppet", True),
    ],
)
def test_language_kinds_causes_and_ideas_label_no_one(parse, text, word, shown):
    found = [
        f
        for f in parse(text)._.pl_findings
        if f.code in ("LNG001", "LNG002") and not f.learned and word in f.span.text and not f.evidence.get("in_quote")
    ]
    assert bool(found) is shown, [(f.code, f.span.text) for f in found]


# A list of bare words, each a sentence of its own, opening a story about the insults a campaign traded: the words are
# named, not applied by the writer. A word with a subject, or one bare word alone, is the writer's use.
@pytest.mark.parametrize(
    "text, word, fires",
    [
        (
            "Liar. Bigot. Crook.\n\nThe insults flew in both directions as the race entered its final month.",
            "Bigot",
            False,
        ),
        ("Thug. Coward.\n\nThose were the kinder words the two candidates used at Tuesday's debate.", "Thug", False),
        ("The mayor is a bigot. Racist remarks followed him into office.", "bigot", True),
        (
            "The hearing ended early. Bigot. That is the only word for the councillor who wrote those posts.",
            "Bigot",
            True,
        ),
    ],
)
def test_language_word_catalogue_is_a_mention(parse, text, word, fires):
    found = [f for f in parse(text)._.pl_findings if f.code in ("LNG001", "LNG002") and f.span.text == word]
    assert bool(found) == fires, [(f.code, f.span.text) for f in parse(text)._.pl_findings]
