"""Tests for presslint.analyzers.claims: which body sentences are check-worthy, and how they are scored."""

from __future__ import annotations

import pytest

from presslint.analyzers.claims import score

PUB = "2021-12-11"


def _claims(doc):
    return {c.span.text: c for c in doc._.pl_claims}


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment fell to 4.2% in November, the lowest level since 2019.",
        "The storm killed 14 people in Bangladesh on Thursday.",
        "Germany's economy grew faster than France's in the third quarter.",
        "The outbreak was caused by contaminated water, the ministry said.",
        "Manchester City beat Liverpool 3-1 to move top of the Premier League.",
        "The electoral commission said turnout reached 67 per cent.",
    ],
)
def test_claims_checkworthy_sentences_found(parse, sentence):
    claims = _claims(parse(sentence, date=PUB))
    assert len(claims) == 1
    claim = next(iter(claims.values()))
    assert 0.3 <= claim.checkworthiness <= 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Will the government survive another winter of strikes?",
        "It was a long and difficult night for everyone.",
        "I think we should all be kinder to each other.",
        "Nobody knows what comes next.",
    ],
)
def test_claims_questions_and_opinion_skipped(parse, sentence):
    assert parse(sentence, date=PUB)._.pl_claims == []


def test_claims_link_quantities_and_dates(parse):
    doc = parse("The storm killed 14 people in Bangladesh on Thursday.", date=PUB)
    claim = doc._.pl_claims[0]
    assert [doc._.pl_quantities[i].value for i in claim.quantities] == [14]
    assert [doc._.pl_dates[i].value for i in claim.dates] == ["2021-12-09"]


def test_claims_numbers_score_higher_than_bare_statements(parse):
    doc = parse("The storm killed 14 people in Bangladesh on Thursday.\n\nThe storm hit Bangladesh hard.", date=PUB)
    scores = [c.checkworthiness for c in doc._.pl_claims]
    assert scores[0] > scores[-1]


def test_claims_score_is_bounded_and_hedges_lower_it():
    full = {
        "quantity": True,
        "date": True,
        "entity_fact": True,
        "comparative": True,
        "causal": True,
        "attribution": True,
        "hedge": False,
        "opinion": False,
    }
    assert score(full) == 1.0
    bare = dict.fromkeys(full, False)
    assert score({**bare, "quantity": True, "hedge": True}) < score({**bare, "quantity": True})


def test_claims_headline_is_not_a_claim(parse):
    doc = parse(
        "The storm killed 14 people in Bangladesh on Thursday, officials said.",
        date=PUB,
        title="Storm kills 14 in Bangladesh",
    )
    assert all(c.span.start >= doc._.pl_article.body_start for c in doc._.pl_claims)
    assert len(doc._.pl_claims) == 1


def test_claims_speed_of_numbers_dates_claims(parse):
    """The three analyzers together stay well under ~8 ms per 400-word article on a parsed doc."""
    import time

    from presslint.analyzers.claims import find_claims
    from presslint.analyzers.dates import find_date_problems, resolve_dates
    from presslint.analyzers.quantities import find_quantity_mentions, find_quantity_problems

    paragraph = (
        "The army deployed 3,000 troops to the region in March 2019, following the collapse of talks in 2018. "
        "Officials said on Thursday that 12 people were killed and dozens injured in two attacks last week. "
        "The government promised to spend $3.5 million on reconstruction by the end of 2022, about a third of "
        "the budget. After seven years of conflict, more than 40% of residents have left, the UN said. "
    )
    doc = parse(paragraph * 6, date=PUB)  # ~400 words
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        mentions = resolve_dates(doc)
        list(find_date_problems(doc, mentions))
        q = find_quantity_mentions(doc)
        list(find_quantity_problems(doc, q))
        list(find_claims(doc))
    per_doc_ms = (time.perf_counter() - start) / rounds * 1000
    print(f"numbers+dates+claims: {per_doc_ms:.2f} ms per ~400-word doc")
    assert per_doc_ms < 40  # loose bound for a shared CI machine; the budget is ~8 ms
