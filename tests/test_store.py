"""The SQLite store: migrations, WAL, idempotent saves keyed by (text, version, config, date), history, forget."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from typing import ClassVar

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


# -- opening: folders, the busy timeout, closing on failure, messages ------------------------------------------------
def test_store_creates_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "reports.db"
    with Store(path) as db:
        db.save(make_report(STORY))
    assert path.is_file()


def test_store_waits_ten_seconds_for_a_busy_database(tmp_path):
    with Store(tmp_path / "p.db") as db:
        assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


class TrackedConnection(sqlite3.Connection):
    closed: ClassVar[list[bool]] = []

    def close(self):
        TrackedConnection.closed.append(True)
        super().close()


def test_store_closes_the_connection_when_opening_fails(tmp_path, monkeypatch):
    path = tmp_path / "p.db"
    with Store(path) as db:
        db.conn.execute("INSERT INTO migrations VALUES (?, 'future', 'now')", (LATEST + 1,))
    real = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real(*a, factory=TrackedConnection, **k))
    TrackedConnection.closed.clear()
    with pytest.raises(PresslintError) as err:
        Store(path)
    assert err.value.message == (
        f"E405: The store at '{path}' has schema version {LATEST + 1}, newer than this presslint knows ({LATEST}); "
        "upgrade presslint"
    )
    assert TrackedConnection.closed == [True]


def test_store_unopenable_path_message(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(PresslintError) as err:
        Store(tmp_path / "file" / "p.db")
    assert err.value.message.startswith(f"E402: Cannot open the store at '{tmp_path / 'file' / 'p.db'}': ")
    assert "File exists" in err.value.message or "Not a directory" in err.value.message


def test_store_opens_a_database_with_an_empty_migrations_table(tmp_path):
    path = tmp_path / "p.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    conn.close()
    with Store(path) as db:
        assert schema.applied(db.conn) == [m.number for m in schema.MIGRATIONS]


# -- writes that fail roll back and say why ---------------------------------------------------------------------------
def test_store_failed_save_leaves_nothing_behind(store, monkeypatch):
    from presslint.store import queries

    calls = []

    def clock():  # the article row is written, then the report row fails
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("clock stopped")
        return "2021-12-11T10:00:00+00:00"

    monkeypatch.setattr(queries, "now", clock)
    with pytest.raises(RuntimeError, match="clock stopped"):
        store.save(make_report(STORY))
    assert store.count("articles") == 0 and store.count("reports") == 0


@pytest.mark.parametrize("operation", ["save", "forget"])
def test_store_write_errors_are_e406(tmp_path, operation):
    path = tmp_path / "p.db"
    with Store(path) as db:
        report_id = db.save(make_report(STORY))
        db.conn.execute("PRAGMA query_only = ON")  # every write now fails inside SQLite
        with pytest.raises(PresslintError) as err:
            db.save(make_report(STORY, config_hash="cfg2")) if operation == "save" else db.forget(report_id)
        assert err.value.message == (
            f"E406: Cannot write to the store at '{path}': the store is read-only "
            "(SQLITE_READONLY: attempt to write a readonly database)"
        )
        db.conn.execute("PRAGMA query_only = OFF")
        assert db.count("reports") == 1 and db.count("articles") == 1


# -- what is stored -----------------------------------------------------------------------------------------------
def test_store_keeps_json_readable_and_values_it_cannot_encode_as_text(store):
    import datetime as dt

    text = "Café prices “rise”\n\nThe café said prices would rise."
    report = make_report(text, findings=[finding(text, "The café said")])
    report.findings[0].evidence["date"] = dt.date(2021, 12, 11)
    report_id = store.save(report)
    raw = store.conn.execute("SELECT report_json FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
    assert "“rise”" in raw and "Café" in raw  # UTF-8 as written, not \\u escapes
    assert store.get(report_id).findings[0].evidence["date"] == "2021-12-11"


def test_store_history_counts_every_severity_and_defaults_to_twenty(store):
    findings = [
        finding(STORY, "Two officials said", "SRC001", "warning"),
        finding(STORY, "late figures", "NUM002", "error"),
        finding(STORY, "Council delays", "HYG001", "info"),
        finding(STORY, "the budget vote", "HED002", "info"),
    ]
    store.save(make_report(STORY, findings=findings))
    row = store.history()[0]
    assert (row.errors, row.warnings, row.infos) == (1, 1, 2)
    assert row.to_dict() == {
        "id": row.id,
        "created_at": row.created_at,
        "title": "Council delays the budget vote",
        "origin": "story.txt",
        "content_hash": row.content_hash,
        "presslint_version": "0.1.0",
        "config_hash": "cfg1",
        "errors": 1,
        "warnings": 1,
        "infos": 2,
    }
    for n in range(21):
        store.save(make_report(STORY, config_hash=f"more{n}"))
    assert len(store.history()) == 20 and len(store.history(limit=30)) == 22
    assert store.count() == store.count("reports") == 22


def test_store_count_refuses_other_tables(store):
    with pytest.raises(ValueError, match="sqlite_master"):
        store.count("sqlite_master")


# -- forget: which keys match ---------------------------------------------------------------------------------------
def test_store_forget_refuses_a_short_prefix_even_when_it_matches(store):
    store.save(make_report(STORY, content_hash="abc123" + "0" * 58))
    with pytest.raises(PresslintError) as err:
        store.forget("abc12")  # five characters: too easy to mistype into the wrong article
    assert err.value.message.startswith("E403: Nothing stored matches 'abc12'")
    assert store.forget("abc123") == 1


@pytest.mark.parametrize(
    "key, message",
    [
        ("999", "E403: Nothing stored matches '999' (give a report id from `presslint history` or an article hash)"),
        ("abcdef", "E404: Hash prefix 'abcdef' matches 3 stored articles; give more characters"),
        (" ABCDEF ", "E404: Hash prefix ' ABCDEF ' matches 3 stored articles; give more characters"),
    ],
)
def test_store_forget_messages(store, key, message):
    for n in range(3):
        store.save(make_report(STORY + f" Update {n}.", content_hash=f"abcdef{n:02d}" + "0" * 56))
    with pytest.raises(PresslintError) as err:
        store.forget(key)
    assert err.value.message == message
    assert store.count("articles") == 3


@pytest.mark.parametrize("key", [42, "42", "x"])
def test_store_get_unknown_id_message(store, key):
    with pytest.raises(PresslintError) as err:
        store.get(key)
    assert err.value.message == f"E401: No stored report with id {key}"


@pytest.mark.parametrize("timeout", [0.25, 3.0])
def test_store_keeps_the_lock_timeout_it_is_given(tmp_path, timeout):
    assert Store(str(tmp_path / "a.db"), timeout=timeout).timeout == timeout


def test_store_opening_a_file_that_is_not_a_database_names_the_file_and_the_reason(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database " * 200)
    with pytest.raises(PresslintError) as info:
        Store(str(path))
    assert info.value.code == "E408"
    assert str(path) in str(info.value) and "not a database" in str(info.value)
