"""The one checker: the same input gives the same findings through every door (library, CLI, HTTP API, Dask batch),
several processes give what one process gives, in order, and one bad article costs only itself."""

from __future__ import annotations

import json
import os
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import presslint
from presslint import Settings, checker
from presslint.checker import Checker
from presslint.ingest import from_text
from presslint.model import Failure, Report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
GERMAN = (
    "Stadtrat beschließt neue Buslinien\n\nDer Stadtrat hat am Dienstag beschlossen, dass ab dem kommenden Jahr drei "
    "neue Buslinien durch die Innenstadt fahren sollen. Zwei Beamte sagten der Zeitung, die Entscheidung sei "
    "endgültig. Die Opposition kritisierte den Plan und forderte eine Abstimmung im Parlament."
)
ARTICLES = ["millbrook-bus-lanes.txt", "eastmere-port-bribery-trial.txt", "tamega-valley-floods.txt"]
DATE = "2024-03-05"


def _texts(shared_example_path: Path | None = None) -> dict[str, str]:
    texts = {name: (FIXTURES / name).read_text(encoding="utf-8") for name in ARTICLES}
    texts["german.txt"] = GERMAN
    return texts


def _key(findings: list) -> list[tuple]:
    return [
        (f["code"], f["span"]["start"], f["span"]["end"], f["message"])
        if isinstance(f, dict)
        else (f.code, f.span.start, f.span.end, f.message)
        for f in findings
    ]


@pytest.fixture(scope="module")
def through_library(nlp):
    settings = Settings(store=False, date=DATE)
    return {name: presslint.check(text, settings=settings, nlp=nlp) for name, text in _texts().items()}


def test_checker_library_identifies_language(through_library):
    german = through_library["german.txt"]
    assert german.article.language == "de" and german.findings == []
    assert [n.code for n in german.notices][:1] == ["W001"]
    assert any(through_library[name].findings for name in ARTICLES)


def test_checker_cli_gives_the_library_findings(through_library, tmp_path):
    from presslint.cli import main

    for name, text in _texts().items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-store", "--date", DATE])
        assert result.exit_code in (0, 1), result.output
        assert _key(json.loads(result.stdout)["findings"]) == _key(through_library[name].findings), name


def test_checker_http_api_gives_the_library_findings(through_library, tmp_path):
    from fastapi.testclient import TestClient

    from presslint.web.app import ServerConfig, create_app

    config = ServerConfig(settings=Settings(db=str(tmp_path / "web.db")), workers=1, queue=4, timeout=120.0)
    with TestClient(create_app(config), base_url="http://localhost") as client:
        for name, text in _texts().items():
            response = client.post("/api/v1/check", json={"text": text, "date": DATE})
            assert response.status_code == 200, response.text
            assert _key(response.json()["findings"]) == _key(through_library[name].findings), name


def test_checker_batch_gives_the_library_findings(through_library, tmp_path):
    from presslint.scale import batch

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in _texts().items():
        (folder / name).write_text(text, encoding="utf-8")
    rows = list(batch.run_local([str(folder)], settings=Settings(store=False, date=DATE)))
    by_origin = {Path(r["origin"]).name: r for r in rows}
    for name in _texts():
        assert _key(json.loads(by_origin[name]["findings"])) == _key(through_library[name].findings), name


def test_checker_shared_example_same_through_library_cli_and_api(shared_example, nlp, tmp_path):
    from fastapi.testclient import TestClient

    from presslint.cli import main
    from presslint.web.app import ServerConfig, create_app

    report = presslint.check(shared_example, settings=Settings(store=False), nlp=nlp)
    assert report.findings
    result = CliRunner().invoke(main, ["check", str(shared_example), "--format", "json", "--no-store"])
    assert _key(json.loads(result.stdout)["findings"]) == _key(report.findings)
    config = ServerConfig(settings=Settings(db=str(tmp_path / "web.db")), workers=1, queue=2, timeout=120.0)
    with TestClient(create_app(config), base_url="http://localhost") as client:
        text = shared_example.read_text(encoding="utf-8")
        response = client.post("/api/v1/check", json={"text": text, "filename": shared_example.name})
        assert response.status_code == 200, response.text
        assert _key(response.json()["findings"]) == _key(report.findings)


def test_checker_several_processes_give_the_same_reports_in_order(nlp, tmp_path):
    texts = list(_texts().values()) * 3
    articles = [from_text(t, origin=f"a{i}") for i, t in enumerate(texts)]
    settings = Settings(store=False, date=DATE)
    one = list(Checker(settings, nlp=nlp).check_many(articles, jobs=1))
    two = list(
        Checker(settings, nlp=nlp).check_many([from_text(t, origin=f"a{i}") for i, t in enumerate(texts)], jobs=2)
    )
    assert [r.article.origin for r in two] == [f"a{i}" for i in range(len(texts))]
    assert [_key(r.findings) for r in two] == [_key(r.findings) for r in one]
    assert [[s.name for s in r.sources] for r in two] == [[s.name for s in r.sources] for r in one]


def test_checker_one_crash_costs_only_its_article(nlp, monkeypatch):
    real = checker._analyse_stream

    def flaky(nlp_, jobs, *args):
        if any("EXPLODE" in job.article.text for job in jobs):
            raise RuntimeError("analyzer exploded")
        return real(nlp_, jobs, *args)

    monkeypatch.setattr(checker, "_analyse_stream", flaky)
    texts = [_texts()[ARTICLES[0]], "Headline\n\nThis text will EXPLODE the analyzer.", _texts()[ARTICLES[1]]]
    items = list(Checker(Settings(store=False), nlp=nlp).check_many([from_text(t) for t in texts]))
    assert [type(i) for i in items] == [Report, Failure, Report]
    assert items[1].code == "E502" and "analyzer exploded" in items[1].message and items[1].article is not None


def test_checker_text_over_the_limit_is_an_item_failure_not_a_crash(nlp):
    huge = "Officials said the plan failed. " * 4_000  # over the 100,000-character limit set here
    items = list(
        Checker(Settings(store=False, max_chars=100_000), nlp=nlp).check_many(
            [from_text(huge), from_text(_texts()[ARTICLES[0]])]
        )
    )
    assert isinstance(items[0], Failure) and items[0].code == "E112"
    assert isinstance(items[1], Report)


def test_checker_reuses_and_saves_through_the_store(nlp, tmp_path, monkeypatch):
    from presslint.store import Store

    analysed: list[int] = []
    real = Checker._analyse_here

    def counting(self, jobs):
        analysed.append(len(jobs))
        return real(self, jobs)

    monkeypatch.setattr(Checker, "_analyse_here", counting)
    text = _texts()[ARTICLES[2]]
    settings = Settings(db=str(tmp_path / "s.db"), date=DATE)
    with Checker(settings, store=Store(settings.db_path()), nlp=nlp) as first:
        report = first.check(text)
    with Checker(settings, store=Store(settings.db_path()), nlp=nlp) as second:
        again = second.check(text)
    assert analysed == [1]  # the second check re-used the stored report without loading the pipeline
    assert again.id == report.id and _key(again.findings) == _key(report.findings)


def test_checker_check_raises_the_coded_error_of_a_bad_input():
    with pytest.raises(presslint.PresslintError) as err:
        Checker(Settings(store=False)).check(Path("/no/such/article.txt"))
    assert err.value.code == "E108"


def test_checker_orders_findings_and_sums_up_what_is_shown(through_library, nlp, tmp_path):
    """Findings most severe first, then in reading order; the summary counts what the report shows, the stored
    report keeps it, and a baseline that hides findings is summed up again."""
    from presslint import baseline
    from presslint.store import Store

    rank = {"error": 0, "warning": 1, "info": 2}
    for name, report in through_library.items():
        order = [(rank[f.severity], f.span.start) for f in report.findings]
        assert order == sorted(order), name
        shown = [f for f in report.findings if f.shown]  # learned findings below their operating point are hidden
        assert report.summary is not None and report.summary.findings == len(shown), name
        assert report.summary.hidden == len(report.findings) - len(shown), name
    text = _texts()[ARTICLES[0]]
    settings = Settings(db=str(tmp_path / "s.db"), date=DATE)
    with Checker(settings, store=Store(settings.db_path()), nlp=nlp) as first:
        report = first.check(text)
        stored = first.store.get(report.id)
    assert stored.summary == report.summary and report.summary.findings >= 2
    hide = baseline.Baseline(baseline.entries(report.replace(findings=report.findings[:1])))
    with Checker(settings, store=Store(settings.db_path()), nlp=nlp, baseline=hide) as second:
        kept = second.check(text)
    assert len(kept.findings) == len(report.findings) - 1
    assert kept.summary.findings == sum(f.shown for f in kept.findings) == report.summary.findings - 1
    assert kept.findings == report.findings[1:]
    assert all(i < len(kept.findings) for i in kept.summary.most_serious)


def test_checker_unreadable_fact_check_index_keeps_the_report(nlp, tmp_path, monkeypatch):
    from presslint.errors import E, PresslintError
    from presslint.store import Store

    def broken(report):
        raise PresslintError(E.E407, path=str(tmp_path / "s.db"), reason="disk I/O error")

    settings = Settings(db=str(tmp_path / "s.db"), date=DATE)
    checker_ = Checker(settings, store=Store(settings.db_path()), nlp=nlp)
    monkeypatch.setattr(checker_, "_factcheck_stage", lambda: broken)
    with checker_:
        report = checker_.check(_texts()[ARTICLES[0]])
    assert report.findings and "E407" in [n.code for n in report.notices]


@pytest.mark.parametrize("user, share, expected", [(None, 1, "1"), (None, 2, "2"), ("3", 1, "3")])
def test_checker_worker_takes_its_share_of_the_encoder_threads(monkeypatch, user, share, expected):
    # --jobs N: each worker's encoder runs on cores // N threads, unless the user chose PRESSLINT_THREADS.
    from presslint import checker

    monkeypatch.delenv("PRESSLINT_THREADS", raising=False)
    if user:
        monkeypatch.setenv("PRESSLINT_THREADS", user)
    loaded = []
    monkeypatch.setattr(
        checker, "worker_checker", lambda settings: loaded.append(settings) or types.SimpleNamespace(nlp=None)
    )
    checker._pool_start(Settings(store=False), share)
    assert os.environ["PRESSLINT_THREADS"] == expected and len(loaded) == 1
