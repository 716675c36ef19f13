"""The SQLite store: migrations, WAL, idempotent saves keyed by (text, version, config, date), history, forget."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter

import pytest

from presslint.errors import PresslintError
from presslint.ingest import from_text
from presslint.model import Finding, Provenance, Report, Span
from presslint.store import LATEST, Store, open_store, schema


def make_report(
    text: str,
    *,
    findings=(),
    config_hash="cfg1",
    version="0.1.0",
    pubdate="2021-12-11",
    content_hash: str | None = None,
    origin="story.txt",
) -> Report:
    article = from_text(text, origin=origin)
    prov = Provenance(
        presslint_version=version,
        model_name="en_test",
        model_version="0",
        model_sha256="0" * 64,
        config_hash=config_hash,
        publication_date=pubdate,
        publication_date_source="option",
        content_hash=content_hash or hashlib.sha256(article.text.encode()).hexdigest(),
        checked_at="2021-12-11T10:00:00+00:00",
    )
    return Report(article=article, provenance=prov, findings=list(findings))


def finding(text: str, needle: str, code="SRC001", severity="warning") -> Finding:
    start = text.index(needle)
    return Finding(
        code,
        severity,
        "message",
        Span(start, start + len(needle), needle, 3, start + 1),
        evidence={"matched": needle},
        name="anonymous-source",
        category="sources",
    )


STORY = "Council delays the budget vote\n\nTwo officials said the vote would move to March, citing late figures."


@pytest.fixture
def store():
    with Store(":memory:") as db:
        yield db


def test_store_migrations_applied_once(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as first:
        assert schema.applied(first.conn) == [m.number for m in schema.MIGRATIONS]
    with Store(path) as again:
        assert schema.migrate(again.conn) == []
        assert again.count("migrations") == len(schema.MIGRATIONS)


def test_store_wal_mode_and_foreign_keys(tmp_path):
    with Store(tmp_path / "p.db") as db:
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_failed_migration_rolls_back(tmp_path, monkeypatch):
    bad = schema.Migration(LATEST + 1, "broken", ("CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL"))
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, bad))
    with pytest.raises(PresslintError) as err:
        Store(tmp_path / "p.db")
    assert err.value.code == "E402"
    conn = sqlite3.connect(tmp_path / "p.db")
    assert [r[0] for r in conn.execute("SELECT number FROM migrations")] == list(range(1, LATEST + 1))
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'extra'").fetchone() is None


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as db:
        db.conn.execute("INSERT INTO migrations VALUES (?, 'future', 'now')", (LATEST + 1,))
    with pytest.raises(PresslintError) as err:
        Store(path)
    assert err.value.code == "E405"


def test_store_default_path_under_presslint_home(_isolated_home):
    with open_store() as db:
        assert db.path == str(_isolated_home / "presslint.db")


def test_store_save_get_round_trip(store):
    report = make_report(STORY, findings=[finding(STORY, "Two officials said")])
    report_id = store.save(report)
    assert report.id == report_id
    loaded = store.get(report_id)
    assert loaded.to_dict() == report.to_dict()
    assert loaded.article.text == STORY
    assert loaded.findings[0].span.text == "Two officials said"


def test_store_text_kept_once_in_articles(store):
    store.save(make_report(STORY))
    raw = store.conn.execute("SELECT report_json FROM reports").fetchone()[0]
    assert "late figures" not in raw


def test_store_same_key_is_idempotent(store):
    first = store.save(make_report(STORY))
    second = store.save(make_report(STORY))
    assert first == second
    assert store.count("reports") == 1 and store.count("articles") == 1


# A second save under the same key (same text, version, config and date) keeps the report stored first, as
# Store.save documents: the stored report is what `history` and `show` have been giving out since.
RESAVES = [
    pytest.param([], [("late figures", "NUM002", "error")], id="new-finding"),
    pytest.param([("Two officials said", "SRC001", "warning")], [], id="finding-gone"),
    pytest.param(
        [("Two officials said", "SRC001", "warning")],
        [("Two officials said", "SRC001", "error")],
        id="severity-changed",
    ),
]


@pytest.mark.parametrize("first_findings, second_findings", RESAVES)
def test_store_resave_keeps_the_stored_report(store, first_findings, second_findings):
    first = make_report(STORY, findings=[finding(STORY, n, c, s) for n, c, s in first_findings])
    second = make_report(STORY, findings=[finding(STORY, n, c, s) for n, c, s in second_findings])
    first_id = store.save(first)
    assert store.save(second) == first_id and second.id == first_id
    kept = store.get(first_id)
    assert kept.to_dict() == first.to_dict()
    row = store.history()[0]
    counts = Counter(f.severity for f in first.findings)
    assert (row.errors, row.warnings, row.infos) == (counts["error"], counts["warning"], counts["info"])
    assert store.count("reports") == 1


def test_store_resave_keeps_the_first_article_record(store):
    store.save(make_report(STORY, origin="first.txt"))
    store.save(make_report(STORY, origin="second.txt", config_hash="cfg2"))
    assert {r.origin for r in store.history()} == {"first.txt"}
    assert store.count("articles") == 1


@pytest.mark.parametrize("change", [{"config_hash": "cfg2"}, {"version": "0.2.0"}, {"pubdate": "2022-01-01"}])
def test_store_new_version_config_or_date_is_a_new_report(store, change):
    store.save(make_report(STORY))
    other = make_report(STORY, **change)
    prov = other.provenance
    assert store.find(prov.content_hash, prov.presslint_version, prov.config_hash, prov.publication_date) is None
    assert store.save(other) != 1
    assert store.count("reports") == 2 and store.count("articles") == 1


def test_store_find_returns_stored_report(store):
    report = make_report(STORY, findings=[finding(STORY, "Two officials said")])
    store.save(report)
    prov = report.provenance
    found = store.find(prov.content_hash, prov.presslint_version, prov.config_hash, "2021-12-11")
    assert found is not None and found.id == report.id and len(found.findings) == 1
    assert store.find(prov.content_hash, prov.presslint_version, prov.config_hash) is not None


def test_store_history_newest_first_with_counts(store):
    other = "Storm closes the harbour\n\nThe port authority said ships would wait offshore until Friday."
    store.save(
        make_report(
            STORY, findings=[finding(STORY, "Two officials said"), finding(STORY, "late figures", "NUM002", "error")]
        )
    )
    store.save(make_report(other, origin="storm.txt"))
    rows = store.history(limit=10)
    assert [r.title for r in rows] == ["Storm closes the harbour", "Council delays the budget vote"]
    assert (rows[1].errors, rows[1].warnings, rows[1].infos) == (1, 1, 0)
    assert rows[0].origin == "storm.txt"
    assert [r.id for r in store.history(limit=1, offset=1)] == [rows[1].id]


def test_store_forget_by_report_id_deletes_article_and_reports(store):
    first = store.save(make_report(STORY))
    store.save(make_report(STORY, config_hash="cfg2"))
    assert store.forget(first) == 2
    assert store.count("reports") == 0 and store.count("articles") == 0


def test_store_forget_by_hash_prefix(store):
    report = make_report(STORY)
    store.save(report)
    assert store.forget(report.provenance.content_hash[:10]) == 1
    assert store.count("articles") == 0


@pytest.mark.parametrize("key, code", [("999", "E403"), ("abc", "E403"), ("not-a-key", "E403")])
def test_store_forget_unknown_key(store, key, code):
    store.save(make_report(STORY))
    with pytest.raises(PresslintError) as err:
        store.forget(key)
    assert err.value.code == code


def test_store_forget_ambiguous_prefix(store):
    store.save(make_report(STORY, content_hash="abcdef01" + "0" * 56))
    store.save(make_report(STORY + " More.", content_hash="abcdef02" + "0" * 56))
    with pytest.raises(PresslintError) as err:
        store.forget("abcdef")
    assert err.value.code == "E404"


@pytest.mark.parametrize("key", [42, "42", "x"])
def test_store_get_unknown_id(store, key):
    with pytest.raises(PresslintError) as err:
        store.get(key)
    assert err.value.code == "E401"


def test_store_unopenable_path(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(PresslintError) as err:
        Store(tmp_path / "file" / "p.db")
    assert err.value.code == "E402"
