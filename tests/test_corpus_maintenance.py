"""Forgetting an ingested article keeps every derived table right: after ``forget``, the store holds exactly what a
clean ingest of the remaining articles makes (stories, syndication groups, outlet profiles, aligned claims, entity
counts, scores: ``corpus_snapshot``). Also: the store's migrations 5 and 6 on a store an older presslint made, and
the history listing's escaping of what came from outside.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from corpus_snapshot import differences, snapshot

from presslint import cli
from presslint.config import Settings
from presslint.corpus import dedup, forget, list_stories
from presslint.corpus.batch import ingest
from presslint.errors import PresslintError
from presslint.ingest import from_text
from presslint.model import Provenance, Report
from presslint.store import Store, schema
from presslint.store import corpus as db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = [FIXTURES / "corpus" / "articles", FIXTURES / "outlets"]


def _copy(stems_out: set[str], into: Path) -> Path:
    into.mkdir()
    for source in SOURCES:
        for path in source.iterdir():
            if path.name.split(".")[0] not in stems_out:
                shutil.copy(path, into / path.name)
    return into


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory):
    root = tmp_path_factory.mktemp("forget")
    folder = _copy(set(), root / "all")
    path = root / "corpus.db"
    with Store(path) as store:
        summary = ingest([str(folder)], store=store, settings=Settings(db=str(path)), nlp=nlp, progress=False)
    assert (summary.stored, summary.failed) == (17, 0)
    return folder, path


def _working_copy(path: Path, into: Path) -> Path:
    with sqlite3.connect(path) as source, sqlite3.connect(into) as target:
        source.backup(target)
    return into


def _hash(store: Store, folder: Path, stem: str) -> str:
    row = store.conn.execute("SELECT content_hash FROM articles WHERE origin = ?", (str(folder / f"{stem}.txt"),))
    return row.fetchone()[0]


def _story(store: Store, headline_start: str):
    found = [s for s in list_stories(store) if (s.headline or "").startswith(headline_start)]
    return found[0] if found else None


def _random_pick(seed: int) -> list[str]:
    stems = sorted({p.name.split(".")[0] for source in SOURCES for p in source.iterdir()})
    rng = random.Random(seed)
    return rng.sample(stems, rng.randint(2, 7))


LEEDS, FIRE, PORTO, ROTTERDAM = "Twelve hurt as fire", "Four workers killed", "Free public transport", "Rotterdam"


def _leeds_split(store: Store) -> None:
    # The wire original was the only text close enough to both rewrites: they are two groups now, so the story
    # counts four independent outlets, and claims the two rewrites share are corroborated.
    leeds = _story(store, LEEDS)
    assert (leeds.articles, leeds.independent_outlets, leeds.contradicted) == (4, 4, 1)
    assert leeds.corroborated > 0


def _no_contradiction(store: Store) -> None:
    fire = _story(store, FIRE)
    assert (fire.articles, fire.independent_outlets, fire.contradicted) == (3, 2, 0)


def _story_gone(store: Store) -> None:
    assert _story(store, PORTO) is None and len(list_stories(store)) == 3


def _outlet_gone(store: Store) -> None:
    # The earliest remaining article's headline: two of the same day, the one ingested first.
    assert "continental press" not in {p.outlet for p in db.outlet_profiles(store)}
    rotterdam = _story(store, ROTTERDAM)
    assert rotterdam.articles == 3 and rotterdam.headline == "Rotterdam port strike called off at last minute"


CASES = {
    "wire original tying two rewrites": (["meridian-leeds-fire"], _leeds_split),
    "both contradicting reports": (["daily-ledger", "coastal-post"], _no_contradiction),
    "a whole story": (["pulse-porto-trams", "harbour-porto-trams", "meridian-porto-trams"], _story_gone),
    "an outlet's only article, the earliest of its story": (["continental-rotterdam-strike"], _outlet_gone),
    "a random few": (_random_pick(5), None),
    "another random few": (_random_pick(11), None),
}


@pytest.mark.model
@pytest.mark.parametrize("case", sorted(CASES))
def test_corpus_maintenance_forget_equals_a_clean_rebuild(corpus, nlp, tmp_path, case):
    folder, path = corpus
    stems, expect = CASES[case]
    store_path = _working_copy(path, tmp_path / "forgotten.db")
    with Store(store_path) as store:
        for stem in stems:
            assert forget(store, _hash(store, folder, stem), nlp=nlp) == 1
        assert db.stale_stories(store) == []
        if expect:
            expect(store)
    rebuilt = tmp_path / "rebuilt.db"
    rest = _copy(set(stems), tmp_path / "rest")
    with Store(rebuilt) as store:
        ingest([str(rest)], store=store, settings=Settings(db=str(rebuilt)), nlp=nlp, progress=False)
    assert differences(snapshot(store_path), snapshot(rebuilt)) == [], stems


@pytest.mark.model
def test_corpus_maintenance_forget_cli_updates_the_story(corpus, nlp, tmp_path):
    folder, path = corpus
    store_path = _working_copy(path, tmp_path / "forgotten.db")
    with Store(store_path) as store:
        key = _hash(store, folder, "northern-wire")[:12]
        before = _story(store, FIRE)
    result = CliRunner().invoke(cli.main, ["forget", key, "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "deleted the article and its 1 report\n"
    with Store(store_path) as store:
        after = _story(store, FIRE)
        groups = [tuple(g) for g in store.conn.execute("SELECT canonical_outlet, members FROM syndication_groups")]
        profiles = {p.outlet for p in db.outlet_profiles(store)}
    # The wire story's copy in the Valley Times is its group's original now; the story lost one article, no outlet.
    assert (after.articles, after.independent_outlets) == (before.articles - 1, before.independent_outlets)
    assert ("valley times", 1) in groups and "northern wire" not in profiles


def _report(text: str, origin: str = "story.txt") -> Report:
    article = from_text(text, origin=origin)
    digest = hashlib.sha256(article.text.encode()).hexdigest()
    prov = Provenance("0.1.0", "en_test", "0", "0" * 64, "cfg1", "2021-12-11", "option", digest, "2021-12-11T10:00")
    return Report(article=article, provenance=prov)


def test_corpus_maintenance_store_forget_refuses_a_corpus_article(tmp_path):
    with Store(tmp_path / "p.db") as store:
        report_id = store.save(_report("Council vote delayed\n\nOfficials said the vote would move to March."))
        with db.transaction(store):
            group = db.create_group(store, 1, "outlet")
            db.insert_corpus_article(
                store,
                article_id=1,
                report_id=report_id,
                outlet="outlet",
                published="2021-12-11",
                date_known=True,
                headline="Council vote delayed",
                group_id=group,
                similarity=1.0,
                minhash=b"",
                embedding=b"",
                entities=[],
                bands=[],
            )
        with pytest.raises(PresslintError) as err:
            store.forget(report_id)
        assert err.value.code == "E409" and store.count() == 1


def test_corpus_maintenance_forget_outside_the_corpus_loads_no_nlp(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as store:
        store.save(_report("Council vote delayed\n\nOfficials said the vote would move to March."))
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from presslint.cli import main\n"
        f"result = CliRunner().invoke(main, ['forget', '1', '--db', {str(path)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print([m for m in ('spacy', 'thinc', 'torch', 'onnxruntime', 'wordllama') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def _variant(seed: int, keep: range) -> np.ndarray:
    """A MinHash signature equal to the original's (seed 0) at the positions in ``keep`` and different elsewhere:
    its estimated Jaccard with the original is len(keep) / 128."""
    positions = np.arange(128, dtype=np.uint64)
    base = positions * np.uint64(7919) + np.uint64(1)
    other = positions * np.uint64(104729) + np.uint64(1_000_003 * (seed + 1))
    return np.where(np.isin(np.arange(128), list(keep)), base, other)


ORIGINAL = _variant(0, range(128))
LEFT = _variant(1, range(0, 110))  # 0.86 with the original
RIGHT = _variant(2, range(18, 128))  # 0.86 with the original, 0.72 with LEFT: not a copy of it
OTHER = _variant(3, range(0))


@pytest.mark.parametrize(
    "members, groups, copies",
    [
        # A copy of an earlier text joins its group with its similarity; an unrelated text starts its own.
        ([(1, ORIGINAL), (2, LEFT), (3, OTHER)], [[1, 2], [3]], {2}),
        # The original, ingested last, folds the groups of its two rewrites into one.
        ([(1, LEFT), (2, RIGHT), (3, ORIGINAL)], [[1, 2, 3]], {3}),
        # Forgotten, nothing ties the two rewrites together any more: two groups, neither a copy.
        ([(1, LEFT), (2, RIGHT)], [[1], [2]], set()),
        ([], [], set()),
    ],
)
def test_corpus_maintenance_regroup_as_ingest_groups(members, groups, copies):
    found = dedup.regroup(members)
    assert [[a for a, _ in g] for g in found] == groups
    assert dedup.copies(members) == copies
    for group in found:
        assert group[0][1] == 1.0  # the first member started the group
        assert all(sim >= dedup.SYNDICATION_THRESHOLD for _, sim in group)


# -- migrations 5 and 6 on a store an older presslint made --------------------------------------------------------
OLD_FACTCHECK_TABLES = (  # as store/factchecks.py created them on first use before migration 5
    "CREATE TABLE IF NOT EXISTS factcheck_words (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS factcheck_terms (term TEXT NOT NULL,
        factcheck_id INTEGER NOT NULL REFERENCES factchecks(id) ON DELETE CASCADE,
        PRIMARY KEY (term, factcheck_id)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS factcheck_terms_row ON factcheck_terms(factcheck_id)",
    """CREATE TABLE IF NOT EXISTS factcheck_indexed (
        factcheck_id INTEGER PRIMARY KEY REFERENCES factchecks(id) ON DELETE CASCADE, words TEXT NOT NULL)""",
)


def _old_store(path: Path, *, factcheck_tables: bool) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for migration in schema.MIGRATIONS[:4]:
        for statement in migration.statements:
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 'then')", (migration.number, migration.name))
    if factcheck_tables:
        for statement in OLD_FACTCHECK_TABLES:
            conn.execute(statement)
        conn.execute("INSERT INTO factchecks (url, claim_reviewed, imported_at) VALUES ('u', 'claim', 'then')")
        conn.execute("INSERT INTO factcheck_indexed VALUES (1, 'claim')")
    story = "INSERT INTO stories (first_date, last_date, articles, outlets, centroid, created_at, updated_at, claims_updated_at) VALUES ('2024-01-01', '2024-01-01', 1, 1, x'', 't', ?, ?)"
    conn.execute(story, ("2024-01-01T10:00:00", "2024-01-01T10:00:05"))  # compared after its last change
    conn.execute(story, ("2024-01-01T10:00:09", "2024-01-01T10:00:05"))  # changed after: a run stopped between
    conn.execute(story, ("2024-01-01T10:00:09", None))  # never compared
    conn.close()


@pytest.mark.parametrize("factcheck_tables", [True, False])
def test_corpus_maintenance_migrations_on_an_older_store(tmp_path, factcheck_tables):
    path = tmp_path / "old.db"
    _old_store(path, factcheck_tables=factcheck_tables)
    with Store(path) as store:
        assert store.count("migrations") == schema.LATEST == 6
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"factcheck_words", "factcheck_terms", "factcheck_indexed", "factcheck_terms_row"} <= names
        assert db.stale_stories(store) == [2, 3]
        if factcheck_tables:  # what the older presslint indexed is kept
            assert [tuple(r) for r in store.conn.execute("SELECT words FROM factcheck_indexed")] == [("claim",)]


# -- what came from outside is escaped in listings -----------------------------------------------------------------
def test_corpus_maintenance_history_escapes_origins_and_titles(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as store:
        store.save(_report("Budget vote\x1b[31m delayed\n\nOfficials said so.", origin="evil\x1b]0;owned\x07.txt"))
    out = CliRunner().invoke(cli.main, ["history", "--db", str(path)])
    assert out.exit_code == 0
    assert "\x1b" not in out.output and "\x07" not in out.output
    assert "evil\\x1b]0;owned\\x07.txt" in out.output


@pytest.mark.parametrize(
    "args, code",
    [
        (["show", "99999999999999999999999"], "E401"),
        (["forget", "99999999999999999999999"], "E403"),
        (["story", "99999999999999999999999"], "E710"),
    ],
)
def test_corpus_maintenance_huge_ids_are_not_found(tmp_path, args, code):
    path = tmp_path / "p.db"
    Store(path).close()
    out = CliRunner().invoke(cli.main, [*args, "--db", str(path)])
    assert out.exit_code == 2 and out.stderr.startswith(f"error: {code}"), out.output


def test_corpus_maintenance_history_huge_offset_is_an_empty_page(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as store:
        store.save(_report("Council vote delayed\n\nOfficials said the vote would move to March."))
    out = CliRunner().invoke(cli.main, ["history", "--offset", "99999999999999999999999", "--db", str(path)])
    assert out.exit_code == 0 and out.output == "no stored reports\n"
