"""presslint.corpus.compare: claims across outlets marked corroborated, contradicted or single-source."""

from __future__ import annotations

import json

import pytest

from presslint import Settings, check_articles
from presslint.corpus.compare import CONTRADICTED, CORROBORATED, SINGLE, compare_story, near_copies
from presslint.ingest import from_text, iter_inputs
from presslint.report.story import comparison_text as render_text

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def reports(nlp, fixtures_dir):
    articles = list(iter_inputs([str(fixtures_dir / "outlets")]))
    return {r.article.outlet: r for r in check_articles(articles, settings=Settings(store=False), nlp=nlp)}


@pytest.fixture(scope="module")
def story(reports, nlp):
    return compare_story(list(reports.values()), nlp=nlp)


def _claim_with(story, words):
    found = [c for c in story.claims if any(words in m.span.text for m in c.members)]
    assert found, words
    return found[0]


def test_corpus_compare_syndicated_copy_counts_once(story, reports):
    assert story.articles == 5 and story.outlets == 5 and story.independent_outlets == 4
    wire, copy = reports["Northern Wire"].provenance.content_hash, reports["Valley Times"].provenance.content_hash
    assert story.syndication[wire] == story.syndication[copy]
    firefighters = _claim_with(story, "More than 80 firefighters")
    assert firefighters.status == CORROBORATED
    assert firefighters.independent_outlets == 4  # five articles, the wire copy counted once


def test_corpus_compare_number_disagreement(story):
    deaths = _claim_with(story, "killed six workers")
    assert deaths.status == CONTRADICTED
    conflict = next(c for c in deaths.conflicts if c.kind == "number")
    assert {conflict.a_value, conflict.b_value} == {"4 worker", "6 worker"}
    assert {conflict.a.outlet, conflict.b.outlet} & {"Daily Ledger"}
    sides = {s.position: s for s in deaths.sides}
    # two independent reports agree on the figure (the wire and its copy count as one)
    assert sides["4 worker"].independent == 2 and set(sides["4 worker"].outlets) == {
        "Caldmoor Gazette",
        "Northern Wire",
        "Valley Times",
    }
    assert sides["6 worker"].outlets == ["Daily Ledger"]


def test_corpus_compare_polarity_disagreement(story):
    evacuation = _claim_with(story, "did not order the evacuation")
    assert evacuation.status == CONTRADICTED
    conflict = evacuation.conflicts[0]
    assert conflict.kind == "polarity"
    sides = {s.position: s for s in evacuation.sides}
    assert sides["denies"].outlets == ["Coastal Post"] and sides["affirms"].independent == 2
    quoted = {conflict.a.outlet: conflict.a.span.text, conflict.b.outlet: conflict.b.span.text}
    assert "did not order" in quoted["Coastal Post"]


def test_corpus_compare_single_source_and_only_two_contradictions(story):
    fine = _claim_with(story, "fined 20,000 pounds")
    assert fine.status == SINGLE and fine.independent_outlets == 1
    assert len(story.by_status(CONTRADICTED)) == 2  # nothing else is called a contradiction


def test_corpus_compare_explicit_syndication_overrides_detection(reports, nlp):
    reps = list(reports.values())
    separate = {r.provenance.content_hash: i for i, r in enumerate(reps)}  # say: no copies at all
    story = compare_story(reps, syndication=separate, nlp=nlp)
    assert story.independent_outlets == 5
    assert _claim_with(story, "More than 80 firefighters").independent_outlets == 5


def test_corpus_compare_near_copies(reports):
    groups = near_copies(list(reports.values()))
    by_outlet = {r.article.outlet: groups[r.provenance.content_hash] for r in reports.values()}
    assert by_outlet["Northern Wire"] == by_outlet["Valley Times"]
    assert len(set(by_outlet.values())) == 4


def test_corpus_compare_profiles_json_and_text(story):
    profiles = {p.outlet: p for p in story.profiles}
    assert profiles["Daily Ledger"].anonymous_sources == 1  # "according to a union official"
    assert profiles["Caldmoor Gazette"].anonymous_source_rate == 0.0
    assert all(p.words > 100 for p in profiles.values())
    data = json.loads(story.to_json())
    assert {c["status"] for c in data["claims"]} == {CONTRADICTED, CORROBORATED, SINGLE}
    text = render_text(story)
    assert "Contradicted" in text and "Daily Ledger" in text and "4 independent" in text


def _pair(nlp, first, second):
    texts = [f"Story headline\n\n{first}", f"Other headline\n\n{second}"]
    arts = [from_text(t, date="2024-05-02") for t in texts]
    for art, outlet in zip(arts, ("Outlet One", "Outlet Two")):
        art.outlet = outlet
    reps = list(check_articles(arts, settings=Settings(store=False), nlp=nlp))
    return compare_story(reps, nlp=nlp)


@pytest.mark.parametrize(
    "first, second, status",
    [
        (
            "The earthquake killed 12 people in the province of Valdera on Monday, the interior ministry said.",
            "The earthquake killed 19 people in the province of Valdera on Monday, the regional governor said.",
            CONTRADICTED,
        ),
        (
            "Officials said the storm destroyed 140 homes in Port Essly on Sunday.",
            "The storm destroyed 140 homes in Port Essly on Sunday, the county said.",
            CORROBORATED,
        ),
        (
            "The central bank of Norland raised its main interest rate to 4.5 percent on Thursday.",
            "The central bank of Norland did not raise its main interest rate on Thursday, its governor said.",
            CONTRADICTED,
        ),
    ],
)
def test_corpus_compare_pairs(nlp, first, second, status):
    story = _pair(nlp, first, second)
    assert story.claims[0].status == status, render_text(story)


@pytest.mark.parametrize(
    "first, second",
    [
        # approximate figures never contradict
        (
            "About 300 protesters marched through Lendham on Saturday, police said.",
            "Some 320 protesters marched through Lendham on Saturday, organisers said.",
        ),
        # different counted things, different verbs: not the same claim
        (
            "The crash killed three passengers on the Medford line on Friday, the rail operator said.",
            "The crash injured 40 passengers on the Medford line on Friday, the rail operator said.",
        ),
        # a hedged statement does not contradict an assertion
        (
            "The Tarn council approved the new budget for Elmstead on Tuesday.",
            "The Tarn council may not approve the new budget for Elmstead, a councillor warned.",
        ),
    ],
)
def test_corpus_compare_must_not_contradict(nlp, first, second):
    story = _pair(nlp, first, second)
    assert not story.by_status(CONTRADICTED), render_text(story)
