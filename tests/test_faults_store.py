"""Fault injection on the store: a full disk, a lock held by another process, corrupted pages, and kill -9 at random
points of an ingest followed by a resume. Each case checks that the error is coded (never a ``sqlite3`` traceback)
and that nothing already computed is lost: what was stored stays readable, and a resumed run ends with exactly the
store a clean run makes (``corpus_snapshot``: every derived table, compared by content).

The full disk is a size-capped tmpfs when this process may mount one (root), else SQLite's own cap on the database
size (``PRAGMA max_page_count``: the same SQLITE_FULL, raised by SQLite instead of the file system); the test id says
which ran, and a warning says so when the mount was refused at run time. The kill -9 cases fork the test process
after the NLP pipeline is loaded, so a killed ingest costs a second or two, not a pipeline load.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_snapshot import differences, snapshot

from presslint import cli
from presslint.config import Settings
from presslint.corpus import alignments, list_stories, maintenance, story_view
from presslint.corpus.batch import ingest
from presslint.errors import PresslintError
from presslint.ingest import from_text
from presslint.model import FactCheck, Provenance, Report
from presslint.store import Store, StoreFault, factchecks, queries, versions
from presslint.store import corpus as db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CAN_MOUNT = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None
DISK = "tmpfs" if CAN_MOUNT else "page-cap"
TEXT = "Council delays the budget vote\n\nTwo officials said the vote would move to March, citing late figures. "


def report(text: str, origin: str = "story.txt") -> Report:
    article = from_text(text, origin=origin)
    digest = hashlib.sha256(article.text.encode()).hexdigest()
    prov = Provenance("0.1.0", "en_test", "0", "0" * 64, "cfg1", "2021-12-11", "option", digest, "2021-12-11T10:00")
    return Report(article=article, provenance=prov)


def texts(n: int, words: int = 400) -> list[str]:
    """``n`` distinct article texts of about ``words`` words (a disk fills after a predictable few)."""
    return [f"Budget vote {i}\n\n" + " ".join(f"council{i} figure{j}" for j in range(words // 2)) for i in range(n)]


# -- a disk that fills up ------------------------------------------------------------------------------------------
class SmallDisk:
    """A folder whose stores run out of space on demand: ``cap(store, free_bytes)``, then ``free(store)``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.kind = "page-cap"
        self.filler = folder / "filler.bin"

    def mount(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if not CAN_MOUNT:
            return
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(self.folder)], capture_output=True, text=True
        )
        if done.returncode == 0:
            self.kind = "tmpfs"
        else:
            reason = done.stderr.strip()
            warnings.warn(f"full disk faked with SQLite's max_page_count: mount refused ({reason})", stacklevel=2)

    def unmount(self) -> None:
        if self.kind == "tmpfs":
            subprocess.run(["umount", "-l", str(self.folder)], check=False)

    def cap(self, store: Store, free_bytes: int) -> None:
        if self.kind == "tmpfs":
            stat = os.statvfs(self.folder)
            self.filler.write_bytes(b"\0" * max(0, stat.f_bavail * stat.f_frsize - free_bytes))
        else:
            (pages,) = store.conn.execute("PRAGMA page_count").fetchone()
            (size,) = store.conn.execute("PRAGMA page_size").fetchone()
            store.conn.execute(f"PRAGMA max_page_count = {pages + free_bytes // size}")

    def free(self, store: Store) -> None:
        if self.kind == "tmpfs":
            self.filler.unlink()
        else:
            store.conn.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def small_disk(tmp_path, request):
    disk = SmallDisk(tmp_path / "disk")
    disk.mount()
    request.node.user_properties.append(("full_disk", disk.kind))
    try:
        yield disk
    finally:
        disk.unmount()


@pytest.mark.parametrize("kind", [DISK])
def test_faults_store_full_disk_save_is_coded_and_keeps_what_was_stored(small_disk, kind):
    store = Store(small_disk.folder / "p.db")
    try:
        small_disk.cap(store, 256 * 1024)
        saved = []
        with pytest.raises(StoreFault) as err:
            for text in texts(200):
                saved.append(store.save(report(text)))
        assert err.value.code == "E406" and err.value.kind == "full" and err.value.lasting, small_disk.kind
        assert "the disk is full" in err.value.message
        assert 0 < len(saved) < 200
        # Everything stored before the failure is still there and readable; the failed save left nothing half-done.
        assert store.count() == len(saved) == store.count("articles")
        assert [r.id for r in store.history(limit=len(saved))] == saved[::-1]
        assert store.get(saved[-1]).article.text.startswith("Budget vote")
        # Once there is room again, the report that did not fit is stored: nothing computed had to be redone.
        small_disk.free(store)
        failed = report(texts(200)[len(saved)])
        assert store.save(failed) == failed.id and store.count() == len(saved) + 1
    finally:
        store.close()


# -- a lock held by another process ------------------------------------------------------------------------------
@contextlib.contextmanager
def lock_held(path: Path, exclusive: bool = False):
    """Another process holding the store's write lock (or, ``exclusive``, the whole file) until the block ends."""
    statements = ["PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE"] if exclusive else ["BEGIN IMMEDIATE"]
    code = (
        "import sqlite3, sys\n"
        f"conn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        f"for statement in {statements!r}:\n"
        "    conn.execute(statement)\n"
        "conn.execute(\"INSERT INTO ingest_errors (origin, code, message, created_at) VALUES ('x', 'x', 'x', 'x')\")\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_faults_store_lock_held_by_another_writer(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as store:
        first = store.save(report(TEXT))
    waiting = report("Another vote\n\nThe mayor said the figures would arrive on Monday.")
    with lock_held(path), Store(path, timeout=0.3) as store:
        started = time.monotonic()
        with pytest.raises(StoreFault) as err:
            store.save(waiting)
        assert time.monotonic() - started < 5
        assert err.value.code == "E406" and err.value.kind == "busy" and not err.value.lasting
        assert "another process held the store locked for more than 0.3 s" in err.value.message
        for write in (lambda: store.forget(first), lambda: db.record_error(store, "x", "E101", "m")):
            with pytest.raises(StoreFault, match="E406"):
                write()
        # Readers are never blocked by a writer (WAL): what was stored stays readable meanwhile.
        assert store.get(first).id == first and len(store.history()) == 1
    with Store(path) as store:  # the lock is gone: the same report is stored, nothing was lost
        assert store.save(waiting) == waiting.id and store.count() == 2


def test_faults_store_exclusive_lock_refuses_open_with_a_coded_error(tmp_path, monkeypatch):
    path = tmp_path / "p.db"
    with Store(path) as store:
        store.save(report(TEXT))
    monkeypatch.setattr("presslint.store.faults.BUSY_TIMEOUT", 0.2)  # the CLI's stores wait this long
    with lock_held(path, exclusive=True):
        with pytest.raises(StoreFault) as err:
            Store(path, timeout=0.2)
        assert err.value.code == "E402" and err.value.kind == "busy"
        result = CliRunner().invoke(cli.main, ["history", "--db", str(path)])
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
        assert result.stderr.startswith("error: E402") and "locked" in result.stderr


def test_faults_store_cli_write_under_lock_is_one_coded_line(tmp_path, monkeypatch):
    path = tmp_path / "p.db"
    with Store(path) as store:
        first = store.save(report(TEXT))
    monkeypatch.setattr("presslint.store.faults.BUSY_TIMEOUT", 0.2)
    with lock_held(path):
        result = CliRunner().invoke(cli.main, ["forget", str(first), "--db", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: E406") and result.stderr.count("\n") == 1
    with Store(path) as store:
        assert store.count() == 1  # nothing was half-deleted


# -- corrupted pages -----------------------------------------------------------------------------------------------
def damage(path: Path, how: str, seed: int = 7) -> None:
    """``header``: the file no longer starts like a database. ``pages``: every table's and index's root page (but
    the schema and the migrations table) overwritten with noise, so the store opens and every query fails."""
    rng = random.Random(seed)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        roots = [
            r[0]
            for r in conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE rootpage > 1 AND tbl_name != 'migrations' AND name NOT LIKE 'sqlite_autoindex_migrations%'"
            )
        ]
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open(path, "r+b") as f:
        if how == "header":
            f.write(b"this is not a presslint store" + rng.randbytes(72))
            return
        for page in roots:
            f.seek((page - 1) * page_size)
            f.write(rng.randbytes(page_size))


@pytest.fixture
def filled_store(tmp_path) -> Path:
    """A store with a report, an ingest error, a fact-check and an article version (no NLP needed)."""
    path = tmp_path / "p.db"
    with Store(path) as store:
        saved = report(TEXT, origin="https://news.example/budget")
        store.save(saved)
        db.record_error(store, "bad.txt", "E102", "E102: empty")
        factchecks.save_factchecks(
            store, [FactCheck("https://fc.example/1", "The council cut the budget by half", "False")]
        )
        saved.article.url = "https://news.example/budget"
        versions.record_version(store, saved.article)
    return path


HASH = report(TEXT).provenance.content_hash
# Every entry point of the store, as the CLI, the web app, the checker and ingest call them.
ENTRY_POINTS = {
    "save": lambda s: s.save(report("A new text\n\nThe mayor said so on Monday.")),
    "find": lambda s: s.find(HASH, "0.1.0", "cfg1"),
    "get": lambda s: s.get(1),
    "history": lambda s: s.history(),
    "forget": lambda s: s.forget(1),
    "count": lambda s: s.count(),
    "corpus.forget": lambda s: maintenance.forget(s, 1),
    "maintenance.repair": lambda s: maintenance.repair(s),
    "known_hashes": lambda s: db.known_hashes(s, [HASH]),
    "record_error": lambda s: db.record_error(s, "x.txt", "E101", "m"),
    "errors": lambda s: db.errors(s),
    "stories_since": lambda s: db.stories_since(s),
    "list_stories": lambda s: list_stories(s),
    "story_view": lambda s: story_view(s, 1),
    "story_claims": lambda s: db.story_claims(s, 1),
    "outlet_profiles": lambda s: db.outlet_profiles(s),
    "counts": lambda s: db.counts(s),
    "refresh_story": lambda s: alignments.refresh_story(s, 1),
    "save_factchecks": lambda s: factchecks.save_factchecks(s, [FactCheck("https://fc.example/2", "A claim", "x")]),
    "ensure_index": lambda s: factchecks.ensure_index(s),
    "candidates": lambda s: factchecks.candidates(s, {"council", "budget", "cut"}),
    "load_factchecks": lambda s: factchecks.load_factchecks(s),
    "record_version": lambda s: versions.record_version(s, from_text("New\n\nText.", url="https://n.example/a")),
    "versions": lambda s: versions.versions(s, "https://news.example/budget"),
    "changed_urls": lambda s: versions.changed_urls(s),
}


def test_faults_store_damaged_header_refused_at_open(filled_store):
    damage(filled_store, "header")
    with pytest.raises(StoreFault) as err:
        Store(filled_store)
    assert err.value.code == "E408" and err.value.kind == "damaged"
    assert "file is not a database" in err.value.message


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_faults_store_damaged_pages_every_entry_point_is_coded(filled_store, entry):
    damage(filled_store, "pages")
    # The schema and the migrations are intact: it opens.
    with Store(filled_store) as store, pytest.raises(PresslintError) as err:
        ENTRY_POINTS[entry](store)
    assert err.value.code == "E408", err.value.message
    assert "malformed" in err.value.message
    assert err.value.hint("cli") and ".recover" in err.value.hint("cli")


COMMANDS = {
    "history": ["history"],
    "show": ["show", "1"],
    "forget": ["forget", "1"],
    "stories": ["stories"],
    "story": ["story", "1"],
    "outlets": ["outlets"],
    "ingest": ["ingest", "{folder}", "--no-progress"],
}


@pytest.mark.parametrize("how", ["header", "pages"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_faults_store_damaged_cli_one_coded_line_exit_2(filled_store, tmp_path, how, command):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    damage(filled_store, how)
    args = [a.format(folder=folder) for a in COMMANDS[command]] + ["--db", str(filled_store)]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 2, (result.output, result.exception)
    assert result.stderr.startswith("error: E408: The store at") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output


class _FailingConnection:
    """A connection whose every statement fails with an I/O error (SQLITE_IOERR), as a dying disk gives."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, *args, **kwargs):
        err = sqlite3.OperationalError("disk I/O error")
        err.sqlite_errorcode, err.sqlite_errorname = 10, "SQLITE_IOERR"
        raise err

    executemany = execute

    def __getattr__(self, name):
        return getattr(self._conn, name)


WRITES = {"save", "forget", "record_error", "save_factchecks", "ensure_index", "record_version"}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_faults_store_io_error_reads_e407_writes_e406(filled_store, entry):
    with Store(filled_store) as store:
        conn, store.conn = store.conn, _FailingConnection(store.conn)
        try:
            with pytest.raises(PresslintError) as err:
                ENTRY_POINTS[entry](store)
        finally:
            store.conn = conn
    assert err.value.code == ("E406" if entry in WRITES else "E407"), err.value.message
    assert "an input/output error (SQLITE_IOERR: disk I/O error)" in err.value.message


# -- ingest: a full disk, a lock, kill -9, two processes at once (the NLP pipeline loaded once) ------------------
CORPUS = [FIXTURES / "corpus" / "articles", FIXTURES / "outlets"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """17 articles: three events from six outlets with wire copies, and one fire five outlets report differently."""
    root = tmp_path_factory.mktemp("faults-corpus")
    for source in CORPUS:
        for path in source.iterdir():
            shutil.copy(path, root / path.name)
    return root


@pytest.fixture(scope="module")
def clean(nlp, folder, tmp_path_factory) -> dict:
    """The store one uninterrupted ingest makes: what every faulty run must end with once resumed."""
    path = tmp_path_factory.mktemp("clean") / "clean.db"
    with Store(path) as store:
        summary = ingest([str(folder)], store=store, settings=Settings(db=str(path)), nlp=nlp, progress=False)
    assert (summary.stored, summary.failed) == (17, 0)
    return snapshot(path)


def _ingest(path: Path, folder: Path, nlp, **store_options):
    with Store(path, **store_options) as store:
        return ingest([str(folder)], store=store, settings=Settings(db=str(path)), nlp=nlp, progress=False)


@pytest.mark.model
@pytest.mark.parametrize("kind", [DISK])
def test_faults_store_full_disk_ingest_stops_and_resumes(nlp, folder, clean, small_disk, kind):
    path = small_disk.folder / "corpus.db"
    with Store(path) as store:
        # Room for part of the run: the WAL fills a file system; SQLite's cap counts only the database's pages.
        small_disk.cap(store, 640 * 1024 if small_disk.kind == "tmpfs" else 120 * 1024)
        first = ingest([str(folder)], store=store, settings=Settings(db=str(path)), nlp=nlp, progress=False)
    assert first.stopped and "E406" in first.stopped and "the disk is full" in first.stopped, (small_disk.kind, first)
    assert 0 < first.stored < 17 and first.failed >= 1
    with Store(path) as store:
        recorded = db.counts(store)["ingest_errors"]
        assert first.failed == recorded + len(first.unrecorded)  # every failure is somewhere: the store or the summary
        assert all(f["code"] == "E406" for f in first.unrecorded)
        small_disk.free(store)
    resumed = _ingest(path, folder, nlp)
    assert (resumed.failed, resumed.stopped) == (0, None)
    assert resumed.skipped == first.stored and resumed.stored == 17 - first.stored
    ours = snapshot(path)
    assert differences({**ours, "ingest_errors": []}, clean) == []


@pytest.mark.model
def test_faults_store_ingest_under_lock_fails_coded_then_resumes(nlp, clean, tmp_path):
    folder = tmp_path / "porto"
    folder.mkdir()
    for path in (FIXTURES / "corpus" / "articles").glob("*porto-trams*"):
        shutil.copy(path, folder / path.name)
    path = tmp_path / "p.db"
    Store(path).close()
    with lock_held(path):
        locked = _ingest(path, folder, nlp, timeout=0.2)
    assert (locked.stored, locked.failed, locked.stopped) == (0, 3, None)  # a lock passes: the run went on
    assert {f["code"] for f in locked.unrecorded} == {"E406"}  # the store could not take the failures either
    assert all("locked for more than 0.2 s" in f["message"] for f in locked.unrecorded)
    again = _ingest(path, folder, nlp)
    assert (again.stored, again.failed) == (3, 0)


# kill -9 points: (what is patched, when the process dies). "after-save": a report stored, its corpus rows not yet;
# "in-corpus-write": inside the transaction adding an article to the corpus; "before-align": a chunk stored, its
# stories' claims not compared; "in-claims-write": inside the transaction replacing a story's claims.
KILL_POINTS = {
    "after-save": (queries.Store, "save", True),
    "in-corpus-write": (db, "insert_corpus_article", True),
    "before-align": (alignments, "refresh_story", False),
    "in-claims-write": (db, "replace_story_claims", True),
}


def _child(run, *, deadline: float = 120.0) -> int:
    """Run ``run()`` in a forked copy of this process (the pipeline already loaded); returns its wait status."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            run()
            os._exit(0)
        except BaseException:
            os._exit(3)
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail(f"the forked ingest did not finish within {deadline} s")


def _killed_at(module, name: str, after: bool, nth: int):
    """Patch ``module.name`` (in the child only) to die by SIGKILL on its ``nth`` call, after it ran or before."""
    original = getattr(module, name)
    calls = [0]

    def patched(*args, **kwargs):
        calls[0] += 1
        if calls[0] == nth and not after:
            os.kill(os.getpid(), signal.SIGKILL)
        result = original(*args, **kwargs)
        if calls[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(module, name, patched)


@pytest.mark.model
@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_faults_store_kill_9_then_resume_equals_a_clean_run(nlp, folder, clean, tmp_path, point):
    rng = random.Random(f"{point}:{random.getrandbits(32)}")  # pytest-randomly seeds random: replayable
    path = tmp_path / "p.db"
    module, name, after = KILL_POINTS[point]
    nth = rng.randint(1, 3) if point in ("before-align", "in-claims-write") else rng.randint(2, 16)

    def run():
        _killed_at(module, name, after, nth)
        _ingest(path, folder, nlp)

    status = _child(run)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (point, nth, status)
    # A second run killed from outside at a random moment, then a resume here.
    delay = rng.uniform(0.2, 2.0)
    pid = os.fork()
    if pid == 0:
        try:
            _ingest(path, folder, nlp)
        finally:
            os._exit(0)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with Store(path) as store:
        stale = db.stale_stories(store)
        had_reports = {
            r[0]
            for r in store.conn.execute("SELECT a.content_hash FROM reports r JOIN articles a ON a.id = r.article_id")
        }
    looked_up: dict[str, bool] = {}  # content hash -> whether the checker found its report stored
    original_find = queries.Store.find

    def find(self, content_hash, *args, **kwargs):
        found = original_find(self, content_hash, *args, **kwargs)
        looked_up[content_hash] = found is not None
        return found

    queries.Store.find = find
    try:
        resumed = _ingest(path, folder, nlp)
    finally:
        queries.Store.find = original_find
    assert resumed.failed == 0 and resumed.repaired_stories == len(stale), (point, nth, delay, resumed)
    # Reports stored before a kill are re-used: only the articles that had none were checked again.
    assert {h for h, found in looked_up.items() if not found} == set(clean["articles"]) - had_reports
    assert differences(snapshot(path), clean) == [], (point, nth, delay)


@pytest.mark.model
def test_faults_store_before_align_kill_leaves_stale_stories_that_resume_repairs(nlp, folder, clean, tmp_path):
    path = tmp_path / "p.db"

    def run():
        _killed_at(alignments, "refresh_story", False, 1)
        _ingest(path, folder, nlp)

    status = _child(run)
    assert os.WIFSIGNALED(status)
    with Store(path) as store:
        stale = db.stale_stories(store)
        assert stale and all(s.corroborated + s.contradicted + s.single_source == 0 for s in db.stories_since(store))
    resumed = _ingest(path, folder, nlp)
    assert resumed.repaired_stories == len(stale) and resumed.skipped == 16
    assert differences(snapshot(path), clean) == []


@pytest.mark.model
def test_faults_store_two_concurrent_ingests_are_idempotent(nlp, folder, clean, tmp_path):
    path = tmp_path / "p.db"  # a new store: both processes also migrate it at the same moment
    results = tmp_path / "results"
    results.mkdir()
    pids = []
    for i in range(2):
        pid = os.fork()
        if pid == 0:
            try:
                summary = _ingest(path, folder, nlp)
                (results / f"{i}.json").write_text(json.dumps(summary.to_dict()))
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    summaries = [json.loads((results / f"{i}.json").read_text()) for i in range(2)]
    assert [s["failed"] for s in summaries] == [0, 0], summaries  # no false failures (it was E406 IntegrityError)
    assert sum(s["stored"] for s in summaries) == 17 and sum(s["skipped"] for s in summaries) == 17
    assert differences(snapshot(path), clean) == []
