"""Stories from the corpus fixture folder: 12 articles, 6 invented outlets, 3 events; wire copies counted once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint import cli
from presslint.config import Settings
from presslint.corpus.batch import ingest
from presslint.store import Store
from presslint.store import corpus as db

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "corpus" / "articles"
EVENTS = {
    "leeds-fire": {
        "meridian-leeds-fire",
        "courier-leeds-fire",
        "ledger-leeds-fire",
        "harbour-leeds-fire",
        "pulse-leeds-fire",
    },
    "rotterdam-strike": {
        "continental-rotterdam-strike",
        "ledger-rotterdam-strike",
        "harbour-rotterdam-strike",
        "courier-rotterdam-strike",
    },
    "porto-trams": {"pulse-porto-trams", "harbour-porto-trams", "meridian-porto-trams"},
}
WIRE_COPIES = {
    "leeds-fire": {"meridian-leeds-fire", "courier-leeds-fire", "ledger-leeds-fire"},
    "rotterdam-strike": {"continental-rotterdam-strike", "ledger-rotterdam-strike", "harbour-rotterdam-strike"},
}
INDEPENDENT_OUTLETS = {"leeds-fire": 3, "rotterdam-strike": 2, "porto-trams": 3}


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Store(path) as store:
        summary = ingest([str(ARTICLES)], store=store, settings=Settings(db=str(path)), nlp=nlp, progress=False)
    return path, summary


def _stems(store, story_id):
    return {Path(m.origin).stem: m for m in db.story_members(store, story_id)}


def test_corpus_stories_one_story_per_event(corpus):
    path, summary = corpus
    assert (summary.stored, summary.failed, summary.new_stories) == (12, 0, 3)
    with Store(path) as store:
        rows = db.stories_since(store)
        found = {frozenset(_stems(store, r.id)) for r in rows}
    assert found == {frozenset(v) for v in EVENTS.values()}


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_corpus_stories_syndicated_copies_count_once(corpus, event):
    path, _ = corpus
    with Store(path) as store:
        for row in db.stories_since(store):
            members = _stems(store, row.id)
            if set(members) == EVENTS[event]:
                break
        else:
            pytest.fail(f"no story for {event}")
        assert row.articles == len(EVENTS[event])
        assert row.independent_outlets == INDEPENDENT_OUTLETS[event]
    copies = WIRE_COPIES.get(event, set())
    groups = {members[s].syndication_group_id for s in copies}
    assert len(groups) <= 1  # every wire copy in one syndication group
    others = {members[s].syndication_group_id for s in EVENTS[event] - copies}
    assert not groups & others and len(others) == len(EVENTS[event] - copies)  # independent reports stay apart


def test_corpus_stories_second_ingest_skips_everything(corpus, nlp):
    path, _ = corpus
    with Store(path) as store:
        before = db.counts(store)
        again = ingest([str(ARTICLES)], store=store, settings=Settings(db=str(path)), nlp=nlp, progress=False)
        assert (again.stored, again.skipped, again.failed) == (0, 12, 0)
        assert db.counts(store) == before


def test_corpus_stories_cli_list_and_story_views(corpus):
    path, _ = corpus
    runner = CliRunner()
    listed = runner.invoke(cli.main, ["stories", "--db", str(path), "--format", "json", "--since", "2024-03-06"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert {r["headline"] for r in rows} >= {"Rotterdam dockworkers walk out over automation plans"}
    assert all(r["last_date"] >= "2024-03-06" for r in rows)
    fire = next(
        r
        for r in json.loads(runner.invoke(cli.main, ["stories", "--db", str(path), "--format", "json"]).output)
        if "Leeds" in r["headline"]
    )
    text = runner.invoke(cli.main, ["story", str(fire["id"]), "--db", str(path)])
    assert text.exit_code == 0 and "3 syndicated copies count as one source" in text.output
    data = json.loads(runner.invoke(cli.main, ["story", str(fire["id"]), "--db", str(path), "--format", "json"]).output)
    assert data["independent_outlets"] == 3 and data["syndication"][0]["copies"] == 3
    assert {o["outlet"] for o in data["outlets"]} == {
        "meridian wire",
        "northern courier",
        "daily ledger",
        "harbour times",
        "city pulse",
    }
    member = data["outlets"][0]["articles"][0]
    assert {"published", "headline", "syndication_group_id", "errors", "warnings", "infos"} <= set(member)


def test_corpus_stories_html_is_escaped_and_self_contained(corpus, tmp_path):
    from presslint.report.story import story_html

    path, _ = corpus
    with Store(path) as store:
        row = db.stories_since(store)[0]
        data = __import__("presslint.corpus.views", fromlist=["story_data"]).story_data(
            row, db.story_members(store, row.id)
        )
    data.headline = '<script>alert("x")</script>'
    page = story_html(data)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<link" not in page and "src=" not in page
    out = tmp_path / "story.html"
    result = CliRunner().invoke(cli.main, ["story", str(row.id), "--db", str(path), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")
