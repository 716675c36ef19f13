"""Issue 5 end to end: ingest a folder holding several outlets' versions of the same events and get the right
stories, syndicated copies counted once, and agreeing and conflicting claims stored and shown by `story`.

The folder is the corpus fixture (three events, wire copies) plus the outlets fixture (one chemical-plant fire:
a wire story and its copy, an independent report that agrees, one that gives another death toll, one that says an
evacuation order was never given).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint import cli
from presslint.config import Settings
from presslint.corpus import list_stories, story_view
from presslint.corpus.batch import ingest
from presslint.model import to_dict
from presslint.store import Store

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIRE = {"caldmoor gazette", "coastal post", "daily ledger", "northern wire", "valley times"}


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    for folder in (FIXTURES / "corpus" / "articles", FIXTURES / "outlets"):
        for path in folder.iterdir():
            shutil.copy(path, root / path.name)
    db = root / "corpus.db"
    with Store(db) as store:
        summary = ingest([str(root)], store=store, settings=Settings(db=str(db)), nlp=nlp, progress=False)
    return db, summary


def _fire_story(db) -> dict:
    with Store(db) as store:
        for row in list_stories(store):
            view = story_view(store, row.id)
            if {o.outlet for o in view.outlets} == FIRE:
                return view
    pytest.fail("no story holds the five reports of the plant fire")


def _claim(view, status, words):
    found = [c for c in view["claims"] if c["status"] == status and any(words in m["text"] for m in c["members"])]
    assert len(found) == 1, (status, words, [c["text"] for c in view["claims"] if c["status"] == status])
    return found[0]


def test_corpus_alignments_stories_and_independent_outlets(corpus):
    db, summary = corpus
    assert (summary.stored, summary.failed, summary.new_stories, summary.syndicated) == (17, 0, 4, 4)
    with Store(db) as store:
        rows = list_stories(store)
    assert sorted((r.articles, r.independent_outlets) for r in rows) == [(3, 3), (4, 2), (5, 3), (5, 4)]
    fire = _fire_story(db)
    assert fire.articles == 5 and fire.independent_outlets == 4
    assert [(g.copies, g.outlets) for g in fire.syndication] == [(2, ["northern wire", "valley times"])]


def test_corpus_alignments_stored_claims(corpus):
    db, _ = corpus
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    story_id = _fire_story(db).id
    statuses = {
        r["status"]: r["n"]
        for r in conn.execute(
            "SELECT status, count(*) AS n FROM story_claims WHERE story_id = ? GROUP BY status", (story_id,)
        )
    }
    assert statuses["contradicted"] == 2 and statuses["corroborated"] == 1
    row = conn.execute(
        "SELECT corroborated, contradicted, single_source FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    assert (row[0], row[1], row[2]) == (1, 2, statuses["single-source"])
    # Corroborated by five articles, four independent outlets: the wire copy counts once.
    firefighters = conn.execute(
        """SELECT c.id, c.independent_outlets FROM story_claims c JOIN story_claim_members m ON m.claim_id = c.id
           WHERE c.story_id = ? AND c.status = 'corroborated' AND m.text LIKE '%80 firefighters%'""",
        (story_id,),
    ).fetchone()
    assert firefighters["independent_outlets"] == 4
    members = conn.execute(
        "SELECT outlet, start, end, text FROM story_claim_members WHERE claim_id = ?", (firefighters["id"],)
    ).fetchall()
    assert {m["outlet"] for m in members} == FIRE
    texts = dict(
        conn.execute("SELECT c.article_id, a.text FROM corpus_articles c JOIN articles a ON a.id = c.article_id")
    )
    for m in conn.execute(
        "SELECT article_id, start, end, text FROM story_claim_members WHERE claim_id = ?", (firefighters["id"],)
    ):
        assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]  # offsets index the article's text
    # The death toll: both sides stored, with outlets and the reason.
    conflict = conn.execute(
        """SELECT x.* FROM story_claim_conflicts x JOIN story_claims c ON c.id = x.claim_id
           WHERE c.story_id = ? AND x.kind = 'number'""",
        (story_id,),
    ).fetchone()
    assert {conflict["a_value"], conflict["b_value"]} == {"4 worker", "6 worker"}
    assert "daily ledger" in {conflict["a_outlet"], conflict["b_outlet"]}
    assert "killed six workers" in conflict["a_text"] + conflict["b_text"] and "4 vs 6" in conflict["reason"]
    sides = json.loads(
        conn.execute("SELECT sides FROM story_claims WHERE id = ?", (conflict["claim_id"],)).fetchone()[0]
    )
    assert {s["position"]: (s["independent"], s["outlets"]) for s in sides} == {
        "4 worker": (2, ["caldmoor gazette", "northern wire", "valley times"]),
        "6 worker": (1, ["daily ledger"]),
    }


def test_corpus_alignments_story_json_claim_by_claim(corpus):
    db, _ = corpus
    story_id = _fire_story(db).id
    out = CliRunner().invoke(cli.main, ["story", str(story_id), "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["syndication"][0]["note"] == "2 syndicated copies count as one source"
    evacuation = _claim(data, "contradicted", "evacuation")
    conflict = evacuation["conflicts"][0]
    assert conflict["kind"] == "polarity"
    assert {conflict["a"]["outlet"], conflict["b"]["outlet"]} == {"caldmoor gazette", "coastal post"}
    assert "did not order" in conflict["a"]["text"] + conflict["b"]["text"]
    assert {s["position"]: s["independent"] for s in evacuation["sides"]} == {"affirms": 2, "denies": 1}
    assert _claim(data, "corroborated", "80 firefighters")["independent_outlets"] == 4
    assert _claim(data, "single-source", "fined 20,000 pounds")["outlets"] == ["coastal post"]
    # a wire sentence and its copy: one claim, two outlets, one independent source
    copy = _claim(data, "single-source", "storage building at the Brennan Chemicals site")
    assert copy["outlets"] == ["northern wire", "valley times"] and copy["independent_outlets"] == 1
    profiles = {p["outlet"]: p for p in data["profiles"]}
    assert set(profiles) == FIRE and profiles["daily ledger"]["articles"] == 3  # store-wide, not per story


def test_corpus_alignments_story_text_html_and_lists(corpus):
    db, _ = corpus
    runner = CliRunner()
    story_id = _fire_story(db).id
    text = runner.invoke(cli.main, ["story", str(story_id), "--db", str(db)]).output
    assert "2 syndicated copies count as one source" in text
    assert "Contradicted" in text and "4 worker: caldmoor gazette, northern wire, valley times (2 independent)" in text
    assert "by 4 independent outlets" in text and "Single-source" in text
    page = runner.invoke(cli.main, ["story", str(story_id), "--db", str(db), "--format", "html"]).output
    assert "Contradicted" in page and "&quot;We did not know" in page and "<script" not in page
    listed = json.loads(runner.invoke(cli.main, ["stories", "--db", str(db), "--format", "json"]).output)
    assert {(r["corroborated"], r["contradicted"]) for r in listed if r["id"] == story_id} == {(1, 2)}
    assert "corrob." in runner.invoke(cli.main, ["stories", "--db", str(db)]).output
    outlets = json.loads(runner.invoke(cli.main, ["outlets", "--db", str(db), "--format", "json"]).output)
    wire = next(p for p in outlets if p["outlet"] == "northern wire")
    assert wire["articles"] == 1 and wire["sources"] and wire["anonymous_source_rate"] is not None
    assert wire["findings_per_1000_words"] == round(1000 * wire["findings"] / wire["words"], 2)
    assert "anon. rate" in runner.invoke(cli.main, ["outlets", "--db", str(db)]).output


def test_corpus_alignments_recompute_only_the_story_that_changed(corpus, nlp, tmp_path):
    db, _ = corpus
    copy_db = tmp_path / "copy.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy_db) as dst:
        src.backup(dst)
    fire_id = _fire_story(copy_db).id
    with Store(copy_db) as store:
        before = {
            r["story_id"]: r["ids"]
            for r in store.conn.execute("SELECT story_id, group_concat(id) AS ids FROM story_claims GROUP BY story_id")
        }
        counts = store.conn.execute(
            "SELECT corroborated, contradicted FROM stories WHERE id = ?", (fire_id,)
        ).fetchone()
    # Another outlet runs the wire story: a new member of the fire story, a copy that must count once.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _headline, body = (FIXTURES / "outlets" / "northern-wire.txt").read_text().split("\n", 1)
    (inbox / "upland-echo.txt").write_text(f"Chemicals plant fire kills four\n{body}")  # own headline, wire body
    (inbox / "upland-echo.meta.json").write_text(json.dumps({"outlet": "Upland Echo", "date": "2025-03-12"}))
    with Store(copy_db) as store:
        summary = ingest([str(inbox)], store=store, settings=Settings(db=str(copy_db)), nlp=nlp, progress=False)
        assert (summary.stored, summary.syndicated, summary.aligned_stories) == (1, 1, 1)
        after = {
            r["story_id"]: r["ids"]
            for r in store.conn.execute("SELECT story_id, group_concat(id) AS ids FROM story_claims GROUP BY story_id")
        }
        view = story_view(store, fire_id)
    assert after[fire_id] != before[fire_id]
    assert {k: v for k, v in after.items() if k != fire_id} == {k: v for k, v in before.items() if k != fire_id}
    assert view.articles == 6 and view.independent_outlets == 4
    assert (view.corroborated, view.contradicted) == tuple(counts)
    assert _claim(to_dict(view), "corroborated", "80 firefighters")["independent_outlets"] == 4
    assert "3 syndicated copies count as one source" in view.syndication[0].note
