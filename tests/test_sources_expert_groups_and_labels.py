"""Sources, session 29 (issue 11): vague groups named by their expertise ('meteorologists say', 'according to
researchers', 'industry groups warn'), a research team told of before, a vague group's act, bodies named after a
description or by a firm's name, and a line's label over a reporting sentence. Every sentence here was written for the
project."""

from __future__ import annotations

import pytest

from presslint.analyzers.sources import analyze

pytestmark = pytest.mark.model


def _vague(parse, text):
    return [f for f in analyze(parse(text))[2] if f.code == "SRC002"]


def _rows(check_text, text):
    summary = check_text(text).summary
    return [(r.name, r.kind, r.mentions) for r in summary.who_is_quoted], [r.name for r in summary.other_attributions]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Hurricanes are strengthening faster than they did in the 1980s, meteorologists say.", "meteorologists"),
        ("Pollsters agree that the suburbs will decide the race in November.", "Pollsters"),
        ("Flood insurance premiums will double within five years, industry groups warn.", "industry groups"),
        ("Security specialists say the flaw could expose millions of phones to attack.", "Security specialists"),
        ("Scholars say the manuscript is a 14th-century copy of a lost original.", "Scholars"),
        ("The drug cuts the risk of a second stroke by a third, according to researchers.", "researchers"),
        ("Before you refinance, planners say, check what the closing costs will be.", "planners"),
        # a sentence's first word the tagger reads as a name for its capital, and a field adjective
        ("Tax plan\n\nCommentators said the new tax will fail.", "Commentators"),
        ("Reactor\n\nSkeptics argue the new reactor will fail.", "Skeptics"),
        ("Legal scholars say the ruling will be overturned on appeal.", "Legal scholars"),
        ("The vaccine works in older adults too, medical experts say.", "medical experts"),
        # a quantity noun counting a vague group
        ("A growing number of economists say the housing market has peaked.", "A growing number of economists"),
        ("A handful of analysts expect the bank to cut rates in June.", "A handful of analysts"),
    ],
)
def test_sources_a_group_named_by_its_expertise_is_vague(parse, text, span):
    assert [f.span.text for f in _vague(parse, text)] == [span]


def test_sources_vague_according_to_reads_as_written(parse):
    (finding,) = _vague(parse, "The canal will silt up within a decade, according to experts.")
    assert "'according to experts'" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # the research the article has told of: its own authors
        "A study published Tuesday in The Lancet followed 9,000 adults for a decade. Researchers say those who walked "
        "every day lived longer.",
        "Scientists at the Max Planck Institute sequenced the genome of the extinct horse. Researchers said the work "
        "took six years.",
        # an affiliation, a determiner
        "Researchers at Stanford say the blood test is accurate in nine cases out of ten.",
        "Goldman Sachs analysts said the carmaker would cut prices again in the spring.",
        "A number of economists at the central bank said the housing market had peaked.",
        "A majority of voters said the housing market had peaked.",
        "The two groups said they would appeal the ruling to the supreme court.",
        # a vague group's act or stance, no claim
        "Others supported the governor's bid for a second term.",
        "Many voters backed Amina Yusuf's campaign for the council seat.",
    ],
)
def test_sources_a_team_told_of_or_an_act_is_not_vague(parse, text):
    assert not _vague(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "Others said the governor's bid for a second term was doomed.",
        "The clinic closed in March. Researchers say waiting lists have doubled since then.",
        "A study led by the polar institute linked the low ice to warming, but other researchers have cautioned that the "
        "record is too short.",
    ],
)
def test_sources_a_vague_groups_claim_still_fires(parse, text):
    assert len(_vague(parse, text)) == 1


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "The operator, Central Rail, said trains would run every hour on Sunday.",
            ("Central Rail", "organisation", 1),
        ),
        # under a headline the NER tags no entity at all: the firm's name ends with what it is
        (
            "Spinach recall\n\nGreenleaf Farms said it would recall 4,000 bags of spinach.",
            ("Greenleaf Farms", "organisation", 1),
        ),
        (
            "Ferry sale\n\nBrightwater Holdings said the sale of its ferries would close in March.",
            ("Brightwater Holdings", "organisation", 1),
        ),
        ("Jack White said the tour would start in Glasgow in May.", ("Jack White", "person", 1)),
        # a nation's officials announcing on the record: the officials, not the adjective
        (
            "Kenyan officials announced on Friday that the border crossing would reopen next week.",
            ("Kenyan officials", "organisation", 1),
        ),
    ],
)
def test_sources_a_body_named_after_its_description_or_by_its_trade(check_text, text, row):
    rows, _ = _rows(check_text, text)
    assert row in rows


def test_sources_a_lines_label_over_a_reporting_sentence_speaks_for_nobody(check_text):
    rows, others = _rows(check_text, "Missing person: Police said Tom Reed, 34, was last seen on Friday.")
    assert rows == [("Police", "organisation", 1)] and not others


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mayor Lin: We said from the start that the bridge was unsafe.", "Lin"),
        (
            "Ade Bello: ‘You Find Me Reckless Because I Ask Questions’\n\nCouncillor Ade Bello spoke on Friday.",
            "Ade Bello",
        ),
    ],
)
def test_sources_a_colon_speaker_telling_what_they_said_stays(check_text, text, name):
    rows, _ = _rows(check_text, text)
    assert name in [r[0] for r in rows]


def test_sources_vague_speaker_and_a_later_cue_are_quoted_with_a_gap(parse):
    (finding,) = _vague(parse, "Critics urged the council to reject the budget, saying it would close two libraries.")
    assert "'Critics … saying'" in finding.message


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # which people: a restrictive relative clause on another verb's object
        ("The amendment would shield some groups that oppose the new curriculum.", False),
        ("The new rules protect critics who say the tender was rigged.", False),
        # a view told through the group: an existential, a comma-set clause
        ("There are many who say the tender was rigged.", True),
        ("Drug resistance is a growing worry among experts who predict it will double the death toll.", True),
    ],
)
def test_sources_a_group_described_by_its_view_is_not_a_source(parse, text, fires):
    assert bool(_vague(parse, text)) is fires
