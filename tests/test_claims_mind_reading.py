"""SRC005 kinds "purpose" and "reason" (issue 11): the writer reading a person's mind and stating it as reporting —
a private wish or effort ('secretly hopes', 'clearly wants', 'is desperate to'), a wish to steer other people's minds
('wants voters to forget'), a purpose of manipulation or wrongdoing ('in a bid to distract from', 'designed to scare'),
and a hedged guess at why someone acted ('probably because she feared'). Near misses: announced plans and the aims of
bills, policies and organisations, quoted or attributed words, the person's own account next door, the writer's first
person, questions, conditions, denials and forecasts."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _src005(parse, text: str):
    return [f for f in parse("Campaign trail\n\n" + text)._.pl_findings if f.code == "SRC005"]


MIND_READING = [
    # a private wish or effort under a covert or certainty adverb
    ("The senator clearly wants the vice-presidential slot.", "purpose"),
    ("Mr. Alvarez privately wishes he had never backed the stadium deal.", "purpose"),
    ("The mayor is desperately trying to change the subject.", "purpose"),
    ("The governor quietly hopes the convention will draft him.", "purpose"),
    # a wish to steer other people's minds
    ("The mayor wants residents to forget the budget shortfall.", "purpose"),
    ("The senator hopes voters will overlook his attendance record.", "purpose"),
    ("He wants Americans to believe the economy is collapsing.", "purpose"),
    ("Ms. Okafor wants donors to blame the treasurer for the deficit.", "purpose"),
    # 'desperate to', said of one person
    ("Mayor Ruth Lindqvist is desperate to win back suburban voters.", "purpose"),
    ("He is desperate to avoid another debate.", "purpose"),
    ("The senator is desperate to change the conversation.", "purpose"),
    # a purpose of manipulation or wrongdoing
    ("The governor tweeted about the flag in a bid to distract from the audit.", "purpose"),
    (
        "The council released the emails on a Friday night in an effort to deflect attention from the layoffs.",
        "purpose",
    ),
    ("The mayor's ads appear to be aimed at stoking fear of immigrants.", "purpose"),
    ("The commercials are designed to scare older voters.", "purpose"),
    ("The senator raised the old scandal again to distract from his own record.", "purpose"),
    ("The posts seem designed to inflame the dispute.", "purpose"),
    ("He repeated the rumour in order to smear his opponent.", "purpose"),
    # a hedged guess at why someone acted
    ("She skipped the forum, probably because she feared hostile questions.", "reason"),
    ("The governor pulled the ads from local stations, perhaps to avoid a fight with the party.", "reason"),
    ("The mayor cancelled the rally, likely because of her sagging poll numbers.", "reason"),
    ("The senator skipped the vote, presumably because she opposed the bill.", "reason"),
]

MIND_READING_NEAR_MISSES = [
    # announced plans; the aims of bills, policies, programmes and organisations are public record
    "The bill aims to cut taxes for small businesses.",
    "The campaign plans to open ten offices in Ohio.",
    "The program is aimed at helping veterans find work.",
    "The new rule is designed to deter fraud.",
    "The policy is meant to encourage saving.",
    "The drill is designed to simulate an attack on the port.",
    "The campaign wants voters to think about jobs.",
    "The committee is trying to reduce the deficit.",
    "The mayor wants to build a new stadium.",
    "He hopes to become the first governor from the county to serve two terms.",
    "The senator wants the Senate to vote on the bill next week.",
    "The mayor wants residents to vote in the referendum.",
    "The company hopes customers will buy the new phone.",
    "The governor flew to Ohio in a bid to win over undecided voters.",
    "Police fired tear gas to disperse the crowd.",
    "Engineers built a channel to divert the river.",
    # quoted speech, attributed paraphrase, the person's own account in the sentence or next door
    "The governor said she wants voters to forget the scandal.",
    '"I want voters to forget the scandal," the governor said.',
    "The senator secretly hopes to run, according to two aides.",
    "The scheme was designed to defraud investors, prosecutors said.",
    "The senator skipped the vote, probably because she opposed the bill, aides said.",
    "The senator clearly wants the nomination.\n\nShe told reporters on Monday that she would accept it if offered.",
    "Her campaign has said she hopes to carry Ohio.\n\nThe senator is desperate to win the state.",
    # a source's one-word guess, with the speaker after the verb (once crashed the attributed-paragraph reading)
    '"Probably," said one former senior agency official.',
    # the writer's or a group's own first person, an opinion column's 'I think'
    "I secretly hope the team wins.",
    "We are desperate to find a solution.",
    "I think the senator wants voters to forget the scandal.",
    # crowds and events have no private reasons to read
    "Families are desperate to find shelter before winter.",
    "Refugees are desperate to leave the camp.",
    "The turnout in the county fell sharply, perhaps because of the rain.",
    # questions, conditions, denials, forecasts, a plain reason
    "Does the mayor want residents to forget the shortfall?",
    "If the mayor wants residents to forget the shortfall, she will be disappointed.",
    "The mayor does not want residents to forget the shortfall.",
    "The ad was not designed to scare anyone.",
    "The senator will want voters to forget the scandal.",
    "The senator will probably skip the vote because of the trip.",
    "The senator skipped the vote because she was in the hospital.",
]


@pytest.mark.parametrize(("text", "kind"), MIND_READING)
def test_claims_src005_mind_reading_of_a_person_fires(parse, text, kind):
    found = _src005(parse, text)
    assert [f.evidence["kind"] for f in found] == [kind], [f.evidence for f in found]
    assert "would source it" in found[0].message  # says what is guessed and what would source it
    assert found[0].severity == "info"


@pytest.mark.parametrize("text", MIND_READING_NEAR_MISSES)
def test_claims_src005_mind_reading_near_misses_quiet(parse, text):
    assert not _src005(parse, text), [f.evidence for f in _src005(parse, text)]


def test_claims_src005_mind_reading_message_names_the_guess_and_its_source(parse):
    (found,) = _src005(parse, "The mayor wants residents to forget the budget shortfall.")
    assert "what someone privately wants or intends" in found.message
    assert "the person's own statement" in found.message
    (reason,) = _src005(parse, "She skipped the forum, probably because she feared hostile questions.")
    assert "why someone acted" in reason.message and "own explanation" in reason.message


def test_claims_src005_mind_reading_not_shown_in_an_opinion_piece(nlp):
    from presslint import Settings, check
    from presslint.ingest import from_text

    text = "The harbour deal\n\nThe mayor wants residents to forget the budget shortfall."
    news = check(from_text(text, date="2021-12-11"), settings=Settings(store=False), nlp=nlp)
    assert [f.shown for f in news.findings if f.code == "SRC005"] == [True]
    article = from_text(text, date="2021-12-11")
    article.url = "https://example.org/opinion/2021/12/harbour-deal"
    column = check(article, settings=Settings(store=False), nlp=nlp)
    assert not [f for f in column.findings if f.code == "SRC005" and f.shown]
