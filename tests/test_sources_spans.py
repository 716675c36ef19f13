"""Attribution span shapes: where a speaker phrase ends, contents in two parts, split quotations across a full stop.

The spans feed the report's quotes, the "who is quoted" table and SRC findings, and are scored against PolNeAR's
conventions by ``presslint eval attribution``."""

from __future__ import annotations

import pytest

from presslint.analyzers.sources import analyze, find_attributions

pytestmark = pytest.mark.model


def _one(parse, text):
    found = find_attributions(parse(text, date="2021-12-11"))
    assert len(found) == 1, [(a.quote.cue.text, a.quote.content.text) for a in found]
    return found[0]


# --------------------------------------------------------------------------------------------- speaker boundaries
@pytest.mark.parametrize(
    "text, speaker",
    [
        # when and where it was said is not who said it
        ("The governor at the time said the plant would stay open.", "The governor"),
        ("Trump, in Kentucky, said the race was over.", "Trump"),
        ("The mayor, speaking to reporters, said the bridge would reopen in May.", "The mayor"),
        ("Ms. Ortiz, at a rally in Tucson, said the wall would never be built.", "Ms. Ortiz"),
        # a focus word in front belongs to the writer
        ("Even the organizer of the rally said the city's rules were unfair.", "the organizer of the rally"),
        ("Both Ms. Ortiz and Mr. Lee said the vote had been fair.", "Ms. Ortiz and Mr. Lee"),
        # a dateline before a dash is where the story was filed, not who spoke
        ("NAIROBI -- Health Minister Grace Achieng said the clinics would reopen.", "Health Minister Grace Achieng"),
        ("LIMA - Local officials said the road had been cleared.", "Local officials"),
        # what says who the speaker is stays
        (
            "Stephen Vladeck of the University of Texas said the law was clear.",
            "Stephen Vladeck of the University of Texas",
        ),
        ("A nurse, who asked not to be named, said the ward was full.", "A nurse, who asked not to be named"),
        (
            "Voters who care most about the economy said the tax plan was unfair.",
            "Voters who care most about the economy",
        ),
        ("Officials from the 2012 campaign said the strategy had failed.", "Officials from the 2012 campaign"),
    ],
)
def test_sources_spans_speaker_phrase_ends_where_the_speaker_does(parse, text, speaker):
    att = _one(parse, text)
    assert att.quote.speaker is not None and att.quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a relative clause holding an attribution of its own is another claim, not who the speaker is
        ("Ms. Okafor, who argued that the levy was illegal, said the council would appeal.", "Ms. Okafor"),
        ("The treasurer, who believes the audit was rushed, said the figures would be checked again.", "The treasurer"),
        # a relative clause that says who the person is stays
        (
            "Derek Hale, who served as ambassador to Chile, said the talks would fail.",
            "Derek Hale, who served as ambassador to Chile",
        ),
    ],
)
def test_sources_spans_relative_clause_with_its_own_claim_leaves_the_speaker(parse, text, speaker):
    found = find_attributions(parse(text, date="2021-12-11"))
    said = [a for a in found if a.quote.cue.text == "said"]
    assert [a.quote.speaker.text for a in said if a.quote.speaker is not None] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "A nurse, who asked not to be named, said the ward was full.",
        # an 'as' clause credits an unnamed aide just the same
        "The new levy, as one council aide put it, is a tax on people who cannot move away.",
    ],
)
def test_sources_spans_unnamed_speaker_stays_anonymous(parse, text):
    doc = parse(text, date="2021-12-11")
    _, sources, findings = analyze(doc)
    assert [s.kind for s in sources] == ["anonymous"]
    assert [f.code for f in findings] == ["SRC001"]


# ------------------------------------------------------------------------------------------ content in two parts
@pytest.mark.parametrize(
    "text, content, rest",
    [
        ("The plant, the manager said, will close in June.", "will close in June", "The plant"),
        ("Time, Mr. Pence added, was on their side.", "was on their side", "Time"),
        (
            "A new campaign manager, she said, could set a new tone for the race.",
            "could set a new tone for the race",
            "A new campaign manager",
        ),
        # a condition opening the reported sentence, which the parser hangs on the cue, is part of what was said
        (
            "If the talks fail, the minister said, the strike will go ahead.",
            "the strike will go ahead",
            "If the talks fail",
        ),
        (
            "Unless the bank cuts rates, the economist said, the slump will deepen next year.",
            "the slump will deepen next year",
            "Unless the bank cuts rates",
        ),
        # an 'according to' phrase set inside the clause it credits: the words on both sides
        (
            "The governor, according to aides, plans to veto the bill on Friday.",
            "plans to veto the bill on Friday",
            "The governor",
        ),
        (
            "Since the spring, according to the water ministry, more than 300 wells have run dry.",
            "more than 300 wells have run dry",
            "Since the spring",
        ),
        (
            "At the centre of the dispute, according to two people briefed on the talks, was a clause on the sharing"
            " of river water.",
            "was a clause on the sharing of river water",
            "At the centre of the dispute",
        ),
        (
            "Her complaint, according to two aides, was the choice of venue: “It was a barn. A barn!”",
            "was the choice of venue: “It was a barn. A barn!”",
            "Her complaint",
        ),
        # an adverb the parser hangs on the cue still opens the reported sentence
        (
            "Instead, the mayor told reporters, the city would sell the depot to a housing trust.",
            "the city would sell the depot to a housing trust",
            "Instead",
        ),
        # or on the auxiliary of the reported clause's verb
        (
            "Even so, he said, he’s learned enough about the plan to oppose it.",
            "he’s learned enough about the plan to oppose it",
            "Even so",
        ),
        # a quotation after the cue clause that goes on with the words before it
        (
            "A long dry winter, the engineer said, “would empty the reservoirs before June.”",
            "“would empty the reservoirs before June.”",
            "A long dry winter",
        ),
        (
            "When the new bridge opens, Ms. Okafor added, “the ferry will lose half its riders.”",
            "“the ferry will lose half its riders.”",
            "When the new bridge opens",
        ),
        (
            "In other words, the minister said, “the fuel subsidy is over.”",
            "“the fuel subsidy is over.”",
            "In other words",
        ),
        # a split quotation whose second part the parser reads as the cue's clause
        (
            "“Judge,” the lawyer said, “I have never had that happen in any case in thirty years.”",
            "“I have never had that happen in any case in thirty years.”",
            "“Judge,”",
        ),
        (
            "''In the Hale case,'' Professor Mbeki said, ''even though the ruling was narrow, it changed how juries"
            " are picked.''",
            "''even though the ruling was narrow, it changed how juries are picked.''",
            "''In the Hale case,''",
        ),
    ],
)
def test_sources_spans_parenthetical_cue_splits_the_content(parse, text, content, rest):
    att = _one(parse, text)
    assert att.quote.content.text == content
    assert att.continuation is not None and att.continuation.text == rest


@pytest.mark.parametrize(
    "text, content",
    [
        ("According to the police, the driver fled the scene.", "the driver fled the scene"),
        ("The driver fled the scene, according to the police.", "The driver fled the scene"),
        # the phrase ends the first clause of two: that clause is the content
        (
            "Prices rose 4 percent last year, according to the bureau, and wages fell.",
            "Prices rose 4 percent last year",
        ),
        ("But, according to the police, the driver fled the scene.", "the driver fled the scene"),
    ],
)
def test_sources_spans_according_to_at_a_clause_edge_is_one_part(parse, text, content):
    att = _one(parse, text)
    assert att.quote.content.text == content
    assert att.continuation is None


@pytest.mark.parametrize(
    "text, content",
    [
        # the writer's setting of the saying before the cue clause is not what was said: a participle, the channel,
        # the time, a linking conjunction
        ("Asked about the budget, the mayor said, “We will cut nothing.”", "“We will cut nothing.”"),
        ("In a statement, the company said, “we regret the delay.”", "“we regret the delay.”"),
        ("Minutes later, the coach said, “we are not done yet.”", "“we are not done yet.”"),
        ("But, she added, “the vote will go ahead.”", "“the vote will go ahead.”"),
        # a quotation that opens a sentence of its own
        (
            "On the subject of taxes, Ms. Ruiz added, “Nobody will pay more next year.”",
            "“Nobody will pay more next year.”",
        ),
        # a phrase fronted in the clause the report credits, not in the cue's
        (
            "In Lagos, traders added two new stalls near the gate, the Daily Post reported.",
            "In Lagos, traders added two new stalls near the gate",
        ),
    ],
)
def test_sources_spans_setting_before_the_cue_clause_is_not_content(parse, text, content):
    found = [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.content.text == content]
    assert len(found) == 1
    assert found[0].continuation is None


@pytest.mark.parametrize(
    "text, rest",
    [
        (
            "“We will appeal,” said Ana Ruiz, the union's lawyer. “The ruling ignores the contract.”",
            "“The ruling ignores the contract.”",
        ),
        (
            "“The bridge will reopen in May,” the mayor said. “The ferry will stop running.”",
            "“The ferry will stop running.”",
        ),
        ("“Prices will rise,” the minister said, “and wages will follow.”", "“and wages will follow.”"),
        # the addressee, the place or the time of the saying end the reporting sentence
        (
            "“There can't be separate rules for us,” she told the panel. “There can't be two kinds of citizen here.”",
            "“There can't be two kinds of citizen here.”",
        ),
        (
            "“The only thing he has is money,” Ortiz said at a news conference at the town hall. “Voters know it.”",
            "“Voters know it.”",
        ),
        (
            "“It was a fair deal,” Mr. Lee recalled last week. “But he was an honest opponent.”",
            "“But he was an honest opponent.”",
        ),
        # the manner or the occasion of the saying, with verbs of its own, still ends the reporting sentence
        (
            "“We will keep the clinic open,” she said, pointing to the crowd outside the hall. “Nobody here wants it"
            " closed.”",
            "“Nobody here wants it closed.”",
        ),
        (
            "“Nobody told us,” Mr. Osei said of the closure, which the council approved in March. “We read it in the"
            " paper.”",
            "“We read it in the paper.”",
        ),
        (
            "“The port needs dredging,” the harbor master said at a hearing in Duluth on Tuesday, two weeks after a"
            " freighter ran aground near the pier. “Ships are waiting offshore.”",
            "“Ships are waiting offshore.”",
        ),
        (
            "“The audit was fair,” said Rosa Diaz, who chairs the finance committee, speaking to reporters after the"
            " vote. “Nobody was singled out.”",
            "“Nobody was singled out.”",
        ),
        # words of the writer's that lead into the quotation before the reporting clause
        (
            "In her home town, “fishing is the only industry left,” she says. “So the quota decides everything.”",
            "“So the quota decides everything.”",
        ),
        (
            "Small farms may have to sell ''because the banks want their money back,'' Mr. Ito said. ''But the big"
            " growers will buy.''",
            "''But the big growers will buy.''",
        ),
    ],
)
def test_sources_spans_quotation_continues_after_the_attribution(parse, text, rest):
    att = _one(parse, text)
    assert att.continuation is not None and att.continuation.text == rest


@pytest.mark.parametrize(
    "text",
    [
        "“We will appeal,” the lawyer said. “The ruling stands,” the judge replied.",
        "“We will appeal,” the lawyer said.\n“The ruling stands.”",
        "“We will appeal,” the lawyer said, and then she left the court. “The ruling stands.”",  # a clause of its own
        "“We will appeal,” the lawyer said, and her client agreed. “The ruling stands.”",
        # another speaker's saying in the reporting sentence: the next quotation may be theirs
        "“We will appeal,” the lawyer said after the judge told reporters the case was closed. “The ruling stands.”",
    ],
)
def test_sources_spans_next_quotation_of_another_speaker_or_paragraph_is_not_a_continuation(parse, text):
    found = find_attributions(parse(text, date="2021-12-11"))
    first = found[0]
    assert first.quote.content.text == "“We will appeal,”"
    assert first.continuation is None


def test_sources_spans_report_quote_carries_the_continuation(check_text):
    report = check_text("“Prices will rise,” the minister said, “and wages will follow.”")
    (quote,) = report.quotes
    assert quote.continuation is not None and quote.continuation.text == "“and wages will follow.”"


# ------------------------------------------------------------------------------- a reporting clause ending a sentence
@pytest.mark.parametrize(
    "text, speaker, content",
    [
        (
            "Young people who take on heavy debt struggle, even with a good job, he said.",
            "he",
            "Young people who take on heavy debt struggle, even with a good job",
        ),
        (
            "The company is holding on, but it is under intense pressure from imports, said the company's chief "
            "executive, John Ferriola.",
            "the company's chief executive, John Ferriola",
            "The company is holding on, but it is under intense pressure from imports",
        ),
        # parses that hide a plain attribution
        # the gerund that is the reported clause's subject, taken by the parser for the verb's complement
        (
            "He said legalizing it could put thousands of people to work in the hill towns.",
            "He",
            "legalizing it could put thousands of people to work in the hill towns",
        ),
        (
            "Manny Ruiz said seeing so many officers at the parade was a welcome change.",
            "Manny Ruiz",
            "seeing so many officers at the parade was a welcome change",
        ),
        # the speaker hung as an appositive on a fronted phrase, leaving the verb no subject
        (
            "As a part of his plea, Tomasz Wrona, 38, said that he defrauded nearly 200 pensioners from his office.",
            "Tomasz Wrona, 38",
            "that he defrauded nearly 200 pensioners from his office",
        ),
        (
            "In an interview with the Gazette, her chief of staff, Lena Fry, said the budget was fair.",
            "her chief of staff, Lena Fry",
            "the budget was fair",
        ),
        # the closing quotation mark the parser hangs on the speaker belongs to the quotation
        (
            '"Most residents are against this kind of scheme," Maria Delgado, 58, said.',
            "Maria Delgado, 58",
            '"Most residents are against this kind of scheme,"',
        ),
    ],
)
def test_sources_spans_speaker_and_content_of_one_attribution(parse, text, speaker, content):
    att = _one(parse, text)
    assert (att.quote.speaker.text, att.quote.content.text) == (speaker, content)


@pytest.mark.parametrize(
    "text",
    [
        "In the Democratic race, he said.",  # no clause of its own before the comma
        "As for the campaign, the spokesman said.",
    ],
)
def test_sources_spans_fronted_adverbial_is_not_reported_content(parse, text):
    assert find_attributions(parse(text, date="2021-12-11")) == []


# ------------------------------------------------------------------------------------ headlines 'Name: statement'
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Lynch: No outside influence on the inquiry.\n\nAttorney General Loretta Lynch spoke in Washington on "
            "Tuesday.",
            "Lynch",
        ),
        (
            "Okafor: The port deal will create jobs.\n\nMayor Grace Okafor visited the harbour on Monday.",
            "Okafor",
        ),
    ],
)
def test_sources_spans_headline_speaker_named_in_the_article(parse, text, speaker):
    found = [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.cue.text == ":"]
    assert [a.quote.speaker.text for a in found] == [speaker]


def test_sources_spans_headline_topic_not_named_as_a_person_is_not_a_speaker(parse):
    text = "Harbour: The port deal will create jobs.\n\nMayor Grace Okafor visited the harbour on Monday."
    assert [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.cue.text == ":"] == []


# ------------------------------------------------------------------------------- 'as X noted': a credit, not a time
@pytest.mark.parametrize(
    "text, speaker, cue, content",
    [
        (
            "As the Gazette reported last week, the council spent twice its road budget on consultants.",
            "the Gazette",
            "reported",
            "the council spent twice its road budget on consultants",
        ),
        (
            "But as Ms. Adeyemi noted, the clinic has had no full-time doctor since March.",
            "Ms. Adeyemi",
            "noted",
            "the clinic has had no full-time doctor since March",
        ),
        (
            "Ridership fell by a third in two years, as the transit authority reported on Monday.",
            "the transit authority",
            "reported",
            "Ridership fell by a third in two years",
        ),
        (
            "The new levy, as one council aide put it, is a tax on people who cannot move away.",
            "one council aide",
            "put it",
            "is a tax on people who cannot move away",
        ),
        (
            "As she told reporters in Leeds, the plan has no money behind it.",
            "she",
            "told",
            "the plan has no money behind it",
        ),
    ],
)
def test_sources_spans_as_clause_credits_the_sentence_around_it(parse, text, speaker, cue, content):
    att = _one(parse, text)
    assert (att.quote.speaker.text, att.quote.cue.text, att.quote.content.text) == (speaker, cue, content)


def test_sources_spans_as_clause_inside_the_sentence_keeps_both_parts(parse):
    att = _one(parse, "The new levy, as one council aide put it, is a tax on people who cannot move away.")
    assert att.continuation is not None and att.continuation.text == "The new levy"


@pytest.mark.parametrize(
    "text",
    [
        "As the minister spoke, protesters chanted outside the hall.",  # a time: 'speak' credits nothing
        "As the results came in, the mood in the hall changed.",
        "As she was explaining the budget, the lights went out.",  # a time: the progressive
        "As the mayor noted the rise in rents, the crowd booed.",  # a topic of her own, not a credit
        "Prices rose in May, as expected.",
    ],
)
def test_sources_spans_as_clause_of_time_or_with_its_own_object_credits_nothing(parse, text):
    assert find_attributions(parse(text, date="2021-12-11")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Ortiz remembered seeing the van outside the depot.",  # a gerund with no clause under it
        "On Monday, the ferry said nothing about the delays.",
    ],
)
def test_sources_spans_no_clause_behind_a_gerund_or_fronted_phrase(parse, text):
    assert [a.quote.content.text for a in find_attributions(parse(text, date="2021-12-11"))] == []


# --------------------------------------------------------- a later reporting clause after an opening attribution
@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Other Democratic candidates said they support toll roads and congestion charges or bridge fees, but "
            "they wouldn’t push for them at the national level, because those decisions should be left to cities, "
            "they said.",
            "but they wouldn’t push for them at the national level, because those decisions should be left to cities",
        ),
        (
            'She said she had not read the audit, and when asked whether she would resign, she said, "Not today."',
            '"Not today."',
        ),
    ],
)
def test_sources_spans_later_reporting_clause_leaves_the_opening_attribution_its_words(parse, text, content):
    found = find_attributions(parse(text, date="2021-12-11"))
    said = [a for a in found if a.quote.cue.text == "said"]
    assert len(said) == 2
    first, later = said
    assert later.quote.content.text == content
    assert not later.quote.content.overlaps(first.quote.cue)


@pytest.mark.parametrize(
    "text, cue, opening",
    [
        (
            "The council has said it has no plans to release the two audits of the depot, one written by the county "
            "and another by an outside firm, according to lawyers for the tenants.",
            "according to",
            "The council has said",
        ),
        (
            "The nurse's parents, who asked the hospital to show them the records, read them on Friday, lawyers for "
            "the family said.",
            "said",
            "The nurse's parents",
        ),
    ],
)
def test_sources_spans_another_source_reporting_an_attribution_keeps_all_of_it(parse, text, cue, opening):
    found = [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.cue.text == cue]
    assert len(found) == 1 and found[0].quote.content.text.startswith(opening)


# ------------------------------------------------------------------------------- transcripts: 'TAPPER: ...' turns
TRANSCRIPT = (
    "Mayor on the flood defences\n\n"
    "Partial transcript as follows:\n\n"
    "DANA REYES: The council published its levee report on Friday. Let us start there.\n\n"
    "OKONJO: Well, I think the whole city needs to pull together on the levees. People are frightened.\n\n"
    "REYES: And you back the new levy. Some residents are unhappy about it.\n\n"
    "OKONJO: The levee fund has doubled since 2014. That money is already committed.\n\n"
    "REYES: Mayor, thank you for joining us."
)


def test_sources_spans_transcript_turns_are_their_speakers_words(parse):
    found = [a for a in find_attributions(parse(TRANSCRIPT, date="2021-12-11")) if a.quote.cue.text == ":"]
    assert [(a.quote.speaker.text, a.quote.content.text) for a in found] == [
        ("DANA REYES", "The council published its levee report on Friday. Let us start there"),
        ("OKONJO", "Well, I think the whole city needs to pull together on the levees. People are frightened"),
        ("REYES", "And you back the new levy. Some residents are unhappy about it"),
        ("OKONJO", "The levee fund has doubled since 2014. That money is already committed"),
        ("REYES", "Mayor, thank you for joining us"),
    ]
    assert {a.kind for a in found} == {"named_person"}


def test_sources_spans_transcript_speakers_in_the_sources_table(parse):
    _, sources, findings = analyze(parse(TRANSCRIPT, date="2021-12-11"))
    assert {s.name: s.kind for s in sources if s.kind == "named_person"} == {
        "DANA REYES": "named_person",
        "OKONJO": "named_person",
    }
    assert not [f for f in findings if f.code == "SRC001"]


# ---------------------------------------------------------------------- interviews: 'Q:' / 'A:' question and answer
QA_INTRO = (
    "Council member explains her vote on the transit levy\n\n"
    "By Dana Whitfield\n\n"
    "The council approved the levy on Tuesday. Council member Rosa Delgado, who voted for it, spoke to the Ledger "
    "after the meeting.\n\n"
)
QA_BODY = (
    "Q: Why did you support the levy?\n\n"
    "A: The buses are full every morning and the routes have not changed in twenty years.\n\n"
    "Q: When will riders see changes?\n\n"
    "A: The first new routes start in March, if the state signs off on the money.\n"
)


@pytest.mark.parametrize(
    "text, name",
    [
        # the one person the introduction names; the byline's writer is no interviewee
        (QA_INTRO + QA_BODY, "Rosa Delgado"),
        # named in the headline only
        (
            "Q&A: Fire chief Ana Ruiz on a long dry season\n\n"
            "The county's fire chief took our questions before the season opens.\n\n"
            "Q: How dry is it?\n\nA: Drier than any June we have on record.\n\n"
            "Q: Are the crews ready?\n\nA: We hired forty seasonal firefighters this spring.",
            "Ana Ruiz",
        ),
        # a full name and a later surname are one person
        (
            "Five questions for a departing coach\n\nTom Albrecht leaves the club after nine seasons. Albrecht "
            "talked to us on Friday.\n\nQ: Any regrets?\n\nA: Losing the 2019 final still hurts.\n\n"
            "Q: What comes next?\n\nA: I will coach the under-18 side in Leipzig from August.",
            "Tom Albrecht",
        ),
    ],
)
def test_sources_spans_interview_answers_are_the_interviewees_words(parse, text, name):
    doc = parse(text, date="2021-12-11")
    answers = [a for a in find_attributions(doc) if a.quote.speaker is not None and a.quote.speaker.text == "A"]
    assert len(answers) == 2
    assert {(a.kind, a.name) for a in answers} == {("named_person", name)}
    _, sources, findings = analyze(doc)
    assert name in {s.name for s in sources if s.kind == "named_person"}
    assert not [f for f in findings if f.code in ("SRC001", "SRC002") and f.span.text == "A"]


@pytest.mark.parametrize(
    "text",
    [
        # two people named before the questions: whose answers they are is a guess, so nobody's
        "Two rivals, one debate\n\nMayor Ana Ruiz and her challenger Tom Albrecht met on Monday.\n\n"
        + QA_BODY
        + "\nQ: Last one?\n\nA: Yes.",
        # nobody named at all
        "Readers ask about the levy\n\nWe put your questions to the transit office.\n\n" + QA_BODY,
        # one question and one answer: a label, no interview
        QA_INTRO + "Q: Why did you support the levy?\n\nA: The buses are full every morning.\n",
    ],
)
def test_sources_spans_qa_answers_without_one_named_interviewee_stay_unattributed(parse, text):
    doc = parse(text, date="2021-12-11")
    assert not [a for a in find_attributions(doc) if a.quote.speaker is not None and a.quote.speaker.text == "A"]


@pytest.mark.parametrize(
    "text",
    [
        # one capitalised label is a heading, not a transcript
        "Storm closes the coast road\n\nWATCH: The coast road was closed on Friday after the storm.\n\nThe council said "
        "repairs would take a week.",
        # notes and corrections open paragraphs too
        "Bridge vote delayed\n\nUPDATE: The vote was moved to Monday.\n\nNOTE: The council did not say why.\n\nUPDATE: "
        "The vote will now be held on Tuesday.\n\nNOTE: This story has been updated.",
        # a listing in capitals
        "Two phones compared\n\nPROS: The battery lasts two days.\n\nCONS: The camera is weak.\n\nPROS: It is cheap."
        "\n\nCONS: It is heavy.",
    ],
)
def test_sources_spans_capitalised_labels_outside_a_transcript_are_no_speakers(parse, text):
    found = [a for a in find_attributions(parse(text, date="2021-12-11")) if a.quote.cue.text == ":"]
    assert found == []


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ms. Varga accused the council of hiding the audit from residents.",
            "the council of hiding the audit from residents",
        ),
        (
            "The mayor described the opening night as a disaster for the theatre.",
            "the opening night as a disaster for the theatre",
        ),
        ("Engineers blamed the heatwave for the power cuts.", "the heatwave for the power cuts"),
        ("The senator praised the harbour deal.", "the harbour deal"),  # no predicate: the object alone
    ],
)
def test_sources_spans_object_content_keeps_what_the_object_is_said_to_be(parse, text, content):
    assert _one(parse, text).quote.content.text == content


@pytest.mark.parametrize(
    "text, content",
    [
        # the writer's aside after a comma at the end of the reported clause is not the speaker's
        (
            "The challenger announced that she would not seek a recount, conceding the seat to Mr. Hale.",
            "that she would not seek a recount",
        ),
        (
            "She said the bill would give the police more time to check buyers, which critics have called a delay.",
            "the bill would give the police more time to check buyers",
        ),
        (
            "He said he had lived in the city as long as Mayor Ruth Okoro, a former nurse who was born abroad.",
            "he had lived in the city as long as Mayor Ruth Okoro",
        ),
        # inside the clause, or in the speaker's quotation marks, it stays
        (
            "The minister said the plan, which was drafted in May, would cut costs.",
            "the plan, which was drafted in May, would cut costs",
        ),
        ("He said the deal helps farmers, ranchers and growers.", "the deal helps farmers, ranchers and growers"),
    ],
)
def test_sources_spans_writers_trailing_aside_is_not_reported(parse, text, content):
    found = find_attributions(parse(text, date="2021-12-11"))
    assert found[0].quote.content.text == content


# ------------------------------------------------------------------- inverted speakers with a relative clause
def test_sources_spans_split_quotation_around_an_inverted_speaker_with_a_relative_clause(parse):
    text = (
        '"The problem," said Helen Marsh, an analyst who is the head of the Northern Energy Forum, "is that we\'re '
        'going to be importing power and exporting jobs."'
    )
    att = _one(parse, text)
    assert att.quote.speaker.text == "Helen Marsh, an analyst who is the head of the Northern Energy Forum"
    assert att.quote.content.text == '"The problem,"'
    assert att.continuation is not None
    assert att.continuation.text == '"is that we\'re going to be importing power and exporting jobs."'


def test_sources_spans_name_set_off_after_a_role_names_the_speaker(parse):
    text = (
        "The deal brought major American investments in Ukraine, said a former spokesman for the Foreign Ministry, "
        "Oleg Voloshyn, who also ran as a candidate in the new bloc."
    )
    _, sources, findings = analyze(parse(text, date="2021-12-11"))
    assert [(s.name, s.kind) for s in sources] == [("Oleg Voloshyn", "named_person")]
    assert not [f for f in findings if f.code == "SRC001"]


QA_VIEWS = (
    "Q&A: The port director on delays and fees\n\n"
    "By Nina Brandt\n\n"
    "Harbor director Luis Ortega has run the port since 2019. He spoke to us about queues and fees.\n\n"
    "Q: {first} Is that true?\n\n"
    "A: On the worst days, yes. The average is closer to two hours.\n\n"
    "Q: {second} How do you answer them?\n\n"
    "A: The fee pays for the appointment system.\n"
)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Some truckers say they wait six hours for a container.", "Critics argue the gate fee is a tax on haulers."),
        ("Many people believe automation will cost hundreds of jobs.", "Opponents say the fee was never needed."),
        ("Others insist the cranes are years late.", "Some say the port has lost its way."),
    ],
)
def test_sources_spans_a_view_put_in_a_question_is_no_vague_or_unsourced_claim(check_text, first, second):
    """The interviewer puts what others say to the interviewee: the outlet asserts nothing and names nobody."""
    report = check_text(QA_VIEWS.format(first=first, second=second))
    assert not [f for f in report.findings if f.code in ("SRC002", "SRC004", "SRC005", "SRC006")]


@pytest.mark.parametrize(
    "text, code",
    [
        # the same views in an ordinary paragraph, and in an interview with a single question (no Q&A)
        ("Port fees rise\n\nCritics argue the gate fee is a tax on haulers. The port disagrees.", "SRC002"),
        (
            "Port fees rise\n\nQ: Critics argue the gate fee is a tax on haulers. Is it?\n\nA: No.\n\n"
            "The port raised the fee in May.",
            "SRC002",
        ),
        # the interviewer's own unnamed source is the outlet's sourcing, question or not
        (
            QA_VIEWS.format(
                first="One port official told us the cranes are years late.", second="Critics argue the fee is a tax."
            ),
            "SRC001",
        ),
    ],
)
def test_sources_spans_a_view_outside_a_qa_question_still_fires(check_text, text, code):
    assert code in {f.code for f in check_text(text).findings}
