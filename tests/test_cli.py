"""The CLI: exit codes, select/ignore, stdin, batches with bad inputs, JSON arrays, baselines, the store commands,
re-use of stored reports, and the generated docs/cli.md.

Most tests replace the NLP pipeline by a small fake (marker phrases -> findings, with a fixed three-rule catalogue)
so that exit codes and store behaviour are tested independently of the analyzers; one test runs the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from presslint import __version__, checker, cli, rules
from presslint.model import Finding, Notice, Provenance, Report, Span
from presslint.rules import Rule
from presslint.store import Store

ROOT = Path(__file__).resolve().parent.parent

FAKE_RULES = {
    r.code: r
    for r in (
        Rule("SRC001", "anonymous-source", "warning", "sources", "Anonymous source.", "Why.", "Officials said."),
        Rule("NUM002", "part-exceeds-whole", "error", "numbers", "Part exceeds whole.", "Why.", "120 of 100."),
        Rule("LNG002", "loaded-language", "info", "language", "Loaded word.", "Why.", "The regime said."),
    )
}
# Marker phrase -> rule code the fake pipeline fires on it.
MARKERS = {"officials said": "SRC001", "of the 100": "NUM002", "regime": "LNG002"}

CLEAN = "Library extends opening hours\n\nThe city library will open until 9pm on weekdays from next month, its director announced.\n"
WARN = "Vote delayed after row\n\nTwo senior officials said the vote would be delayed until the spring session.\n"
ERROR = "Hospital figures questioned\n\nA total of 120 of the 100 beds were occupied, according to the ward's weekly note.\n"
INFO = (
    "Neighbours trade accusations\n\nThe regime in the capital rejected the report on Monday, state television said.\n"
)


class FakePipeline:
    """Stands in for the checker's analysis (Checker._analyse_here): counts the articles it analyses."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def __call__(self, the_checker, jobs):
        settings = the_checker.settings
        for job in jobs:
            article = job.article
            if "CRASH" in article.text:
                raise RuntimeError("analyzer crashed")
            self.analysed.append(article.origin)
            pubdate, source = checker.publication_date(article, settings)
            raw = []
            for marker, code in MARKERS.items():
                for m in re.finditer(re.escape(marker), article.text):
                    raw.append(
                        Finding(code, FAKE_RULES[code].severity, f"fake {code}", Span(m.start(), m.end(), m.group()))
                    )
            prov = Provenance(
                __version__,
                "fake",
                "0",
                "0",
                settings.config_hash(),
                pubdate.isoformat() if pubdate else "unknown",
                source,
                checker.content_hash(article),
                dt.datetime.now(dt.UTC).isoformat(),
            )
            yield Report(article=article, provenance=prov, findings=raw, notices=[Notice("W002", "W002: no date")])


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(rules, "catalogue", lambda: FAKE_RULES)
    fake_pipeline = FakePipeline()
    monkeypatch.setattr(checker.Checker, "_analyse_here", lambda self, jobs: fake_pipeline(self, jobs))
    monkeypatch.setattr(checker, "default_jobs", lambda: 1)  # the fake counts in this process
    return fake_pipeline


@pytest.fixture
def run():
    runner = CliRunner()

    def _run(*args, input=None):
        return runner.invoke(cli.main, [str(a) for a in args], input=input, catch_exceptions=False)

    return _run


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in {"clean.txt": CLEAN, "warn.txt": WARN, "error.txt": ERROR, "info.txt": INFO}.items():
        (folder / name).write_text(text)
    return folder


def stored(db: Path) -> int:
    with Store(db) as store:
        return store.count("reports")


# -- exit codes and filtering ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, options, code",
    [
        ("clean.txt", [], 0),
        ("warn.txt", [], 0),
        ("error.txt", [], 1),
        ("warn.txt", ["--fail-on", "warning"], 1),
        ("info.txt", ["--fail-on", "warning"], 0),
        ("info.txt", ["--fail-on", "info"], 1),
        ("error.txt", ["--fail-on", "never"], 0),
        ("error.txt", ["--ignore", "NUM"], 0),
        ("error.txt", ["--select", "SRC,LNG"], 0),
        ("warn.txt", ["--select", "SRC001", "--fail-on", "warning"], 1),
    ],
)
def test_cli_exit_codes(fake, run, articles, name, options, code):
    result = run("check", articles / name, *options)
    assert result.exit_code == code, result.stdout + result.stderr


def test_cli_select_and_ignore_filter_findings(fake, run, articles):
    both = articles / "both.txt"
    both.write_text("Regime accused\n\nTwo officials said the regime had lied about the count.\n")

    def codes(*opts):
        return [f["code"] for f in json.loads(run("check", both, "--format", "json", *opts).stdout)["findings"]]

    assert codes() == ["SRC001", "LNG002"]
    assert codes("--select", "LNG") == ["LNG002"]
    assert codes("--ignore", "LNG002") == ["SRC001"]


@pytest.mark.parametrize("options", [["--select", "XYZ999"], ["--ignore", "SRC,BOGUS1"]])
def test_cli_unknown_rule_code_is_E301(fake, run, articles, options):
    result = run("check", articles / "clean.txt", *options)
    assert result.exit_code == 2
    assert "E301" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("options, code", [(["--format", "yaml"], "E303"), (["--date", "11/12/2021"], "E304")])
def test_cli_bad_option_values_are_coded(fake, run, articles, options, code):
    result = run("check", articles / "clean.txt", *options)
    assert result.exit_code == 2 and code in result.stderr


def test_cli_stdin(fake, run):
    result = run("check", "-", "--format", "json", input=WARN)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["article"]["origin"] == "-" and [f["code"] for f in data["findings"]] == ["SRC001"]


def test_cli_no_colour_when_not_a_tty(fake, run, articles):
    result = run("check", articles / "warn.txt")
    assert "\033[" not in result.stdout and "SRC001" in result.stdout


# -- batches --------------------------------------------------------------------------------------------------------
def test_cli_missing_input_still_checks_the_rest(fake, run, articles, tmp_path):
    result = run("check", articles / "warn.txt", tmp_path / "nope.txt", articles / "info.txt", "--format", "json")
    assert result.exit_code == 2
    assert "E108" in result.stderr
    assert [r["article"]["origin"] for r in json.loads(result.stdout)] == [
        str(articles / "warn.txt"),
        str(articles / "info.txt"),
    ]


def test_cli_folder_with_bad_file(fake, run, articles):
    (articles / "empty.txt").write_text("")
    result = run("check", articles)
    assert result.exit_code == 2
    assert re.search(r"error: E1\d\d: .*empty\.txt", result.stderr)
    for name in ("clean.txt", "error.txt", "info.txt", "warn.txt"):  # the good ones are still checked and printed
        assert name in result.stdout


def test_cli_json_array_for_several_reports_object_for_one(fake, run, articles):
    many = json.loads(run("check", articles, "--format", "json", "--fail-on", "never").stdout)
    assert isinstance(many, list) and len(many) == 4
    assert [Path(r["article"]["origin"]).name for r in many] == ["clean.txt", "error.txt", "info.txt", "warn.txt"]
    one = json.loads(run("check", articles / "clean.txt", "--format", "json").stdout)
    assert isinstance(one, dict) and one["schema_version"]


def test_cli_text_reports_concatenated_to_file(fake, run, articles, tmp_path):
    out = tmp_path / "out.txt"
    result = run("check", articles / "warn.txt", articles / "info.txt", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text()
    assert "warn.txt" in text and "info.txt" in text


def test_cli_html_one_file_per_report_in_folder(fake, run, articles, tmp_path, monkeypatch):
    monkeypatch.setattr("presslint.report.render", lambda report, fmt, **_: f"<html>{report.article.origin}</html>")
    out = tmp_path / "html"
    out.mkdir()
    result = run("check", articles, "--format", "html", "-o", out, "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["clean.html", "error.html", "info.html", "warn.html"]


def test_cli_html_several_reports_without_folder_is_refused(fake, run, articles, tmp_path):
    result = run("check", articles, "--format", "html", "-o", tmp_path / "one.html")
    assert result.exit_code == 2 and "E306" in result.stderr
    assert fake.analysed == []  # refused before any work


def test_cli_batch_keeps_reports_stored_before_a_crash(fake, run, articles, tmp_path):
    (articles / "zz-crash.txt").write_text("Crash test\n\nThis CRASH text makes the fake analyzer fail.\n")
    db = tmp_path / "p.db"
    with pytest.raises(RuntimeError):
        run("check", articles, "--db", db)
    assert stored(db) == 4


# -- the store ------------------------------------------------------------------------------------------------------
def test_cli_recheck_reuses_stored_report(fake, run, articles, tmp_path):
    db = tmp_path / "p.db"
    first = run("check", articles / "warn.txt", "--db", db, "--format", "json")
    assert fake.analysed == [str(articles / "warn.txt")]
    second = run("check", articles / "warn.txt", "--db", db, "--format", "json")
    assert fake.analysed == [str(articles / "warn.txt")]  # not analysed again
    assert stored(db) == 1
    assert json.loads(first.stdout)["id"] == json.loads(second.stdout)["id"]
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]


def test_cli_recheck_same_text_from_another_path_reuses_it(fake, run, articles, tmp_path):
    db = tmp_path / "p.db"
    run("check", articles / "warn.txt", "--db", db)
    copy = tmp_path / "copy.txt"
    copy.write_text(WARN)
    result = run("check", copy, "--db", db, "--format", "json")
    assert len(fake.analysed) == 1 and json.loads(result.stdout)["article"]["origin"] == str(copy)


@pytest.mark.parametrize("change", [["--ignore", "LNG"], ["--select", "SRC"], ["--date", "2022-03-01"]])
def test_cli_config_or_date_change_gives_new_report(fake, run, articles, tmp_path, change):
    db = tmp_path / "p.db"
    run("check", articles / "warn.txt", "--db", db)
    run("check", articles / "warn.txt", "--db", db, *change)
    assert len(fake.analysed) == 2 and stored(db) == 2


def test_cli_config_file_change_gives_new_report(fake, run, articles, tmp_path):
    db, config = tmp_path / "p.db", tmp_path / "presslint.toml"
    config.write_text('ignore = ["NUM"]\n')
    assert run("check", articles / "error.txt", "--db", db, "--config", config).exit_code == 0
    config.write_text("ignore = []\n")
    assert run("check", articles / "error.txt", "--db", db, "--config", config).exit_code == 1
    assert len(fake.analysed) == 2 and stored(db) == 2


def test_cli_no_store_neither_reads_nor_writes(fake, run, articles, tmp_path):
    db = tmp_path / "p.db"
    run("check", articles / "warn.txt", "--db", db)
    run("check", articles / "warn.txt", "--db", db, "--no-store")
    assert len(fake.analysed) == 2 and stored(db) == 1


def test_cli_default_store_under_presslint_home(fake, run, articles, _isolated_home):
    run("check", articles / "warn.txt")
    assert stored(_isolated_home / "presslint.db") == 1


def test_cli_history_show_forget(fake, run, articles, tmp_path):
    db = tmp_path / "p.db"
    run("check", articles / "warn.txt", articles / "error.txt", "--db", db)
    rows = json.loads(run("history", "--db", db, "--format", "json").stdout)
    assert [r["title"] for r in rows] == ["Hospital figures questioned", "Vote delayed after row"]
    assert (rows[0]["errors"], rows[1]["warnings"]) == (1, 1)
    listing = run("history", "--db", db, "--limit", "1").stdout
    assert "Hospital figures questioned" in listing and "Vote delayed" not in listing and "1/0/0" in listing

    shown = run("show", rows[1]["id"], "--db", db, "--format", "json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["findings"][0]["code"] == "SRC001"
    assert "SRC001" in run("show", rows[1]["id"], "--db", db).stdout

    gone = run("forget", rows[1]["id"], "--db", db)
    assert gone.exit_code == 0 and "1 report" in gone.stdout
    assert stored(db) == 1
    missing = run("show", rows[1]["id"], "--db", db)
    assert missing.exit_code == 2 and "E401" in missing.stderr
    again = run("forget", rows[1]["id"], "--db", db)
    assert again.exit_code == 2 and "E403" in again.stderr


def test_cli_history_empty_store(run, tmp_path):
    result = run("history", "--db", tmp_path / "p.db")
    assert result.exit_code == 0 and "no stored reports" in result.stdout


# -- baselines ------------------------------------------------------------------------------------------------------
def test_cli_baseline_round_trip(fake, run, articles, tmp_path):
    story, base = articles / "error.txt", tmp_path / "baseline.json"
    written = run("check", story, "--write-baseline", base, "--no-store")
    assert written.exit_code == 1 and "wrote 1 finding" in written.stderr
    hidden = run("check", story, "--baseline", base, "--no-store")
    assert hidden.exit_code == 0 and "1 finding hidden" in hidden.stderr and "NUM002" not in hidden.stdout
    # a paragraph added above the finding shifts its line, and a new finding appears
    story.write_text(ERROR.replace("\n\n", "\n\nTwo officials said the ward was full.\n\n", 1))
    shifted = run("check", story, "--baseline", base, "--no-store", "--format", "json", "--fail-on", "warning")
    assert [f["code"] for f in json.loads(shifted.stdout)["findings"]] == ["SRC001"]
    assert shifted.exit_code == 1 and "1 finding hidden" in shifted.stderr


def test_cli_bad_baseline_is_E305(fake, run, articles, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2")
    result = run("check", articles / "warn.txt", "--baseline", bad)
    assert result.exit_code == 2 and "E305" in result.stderr
    assert fake.analysed == []


# -- rules ----------------------------------------------------------------------------------------------------------
def test_cli_rules_json_and_explain(fake, run):
    data = json.loads(run("rules", "--format", "json").stdout)
    assert [r["code"] for r in data] == ["SRC001", "NUM002", "LNG002"]
    explained = run("rules", "NUM002")
    assert "Part exceeds whole." in explained.stdout and "Example: 120 of 100." in explained.stdout
    unknown = run("rules", "XYZ999")
    assert unknown.exit_code == 2 and "E301" in unknown.stderr


# -- docs -----------------------------------------------------------------------------------------------------------
def command_names() -> list[str]:
    return [name for name, command in cli.main.commands.items() if not command.hidden]


def test_cli_docs_are_current():
    docs = ROOT / "docs" / "cli.md"
    assert docs.is_file(), "docs/cli.md is missing; see the command at the top of presslint/cli.py render_docs()"
    assert docs.read_text() == cli.render_docs(), (
        'docs/cli.md is stale; regenerate: .venv/bin/python -c "from presslint.cli import render_docs; '
        "print(render_docs(), end='')\" > docs/cli.md"
    )


@pytest.mark.parametrize("name", command_names())
def test_cli_every_command_documented(name):
    docs = (ROOT / "docs" / "cli.md").read_text()
    assert f"## presslint {name}\n" in docs
    command = cli.main.commands[name]
    assert command.help, f"`presslint {name}` has no help text"
    undocumented = [p.name for p in command.params if isinstance(p, click.Option) and not p.help]
    assert not undocumented, f"options of `presslint {name}` without help: {undocumented}"


@pytest.mark.parametrize("name", command_names())
def test_cli_every_command_in_readme(name):
    readme = ROOT / "README.md"
    if not readme.is_file():
        pytest.skip("README.md not written yet")
    assert f"presslint {name}" in readme.read_text(), f"README.md does not show `presslint {name}`"


# -- the real pipeline ----------------------------------------------------------------------------------------------
@pytest.mark.model
def test_cli_real_pipeline_check_and_reuse(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Council approves new bus lanes\n\n"
        "The city council approved three new bus lanes on Tuesday after a two-hour debate, the transport "
        "committee said in a statement. Work will start in May and should take about six weeks, according to "
        "the committee, which expects journeys on the busiest routes to become faster.\n"
    )
    db = tmp_path / "p.db"
    first = run("check", story, "--db", db, "--format", "json", "--date", "2021-12-11")
    assert first.exit_code in (0, 1), first.stderr
    report = json.loads(first.stdout)
    assert report["article"]["title"] == "Council approves new bus lanes"
    second = run("check", story, "--db", db, "--format", "json", "--date", "2021-12-11")
    assert json.loads(second.stdout)["id"] == report["id"] and stored(db) == 1


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "no_color, output, expected", [(None, None, True), ("1", None, False), (None, "out.txt", False)]
)
def test_cli_colour_only_on_a_terminal_without_no_color(monkeypatch, no_color, output, expected):
    monkeypatch.setattr("sys.stdout", _Terminal())
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert cli.options.colour(output) is expected


def test_cli_store_write_error_is_coded(fake, run, articles, tmp_path, monkeypatch):
    from presslint.store import queries

    def broken(self, report):
        raise queries.PresslintError(queries.E.E406, path=self.path, reason="disk I/O error")

    monkeypatch.setattr(queries.Store, "save", broken)
    result = run("check", articles / "warn.txt", "--db", tmp_path / "p.db")
    assert result.exit_code == 2 and "E406" in result.stderr


def test_cli_store_failure_keeps_every_report_and_exits_2(fake, run, articles, tmp_path, monkeypatch):
    from presslint.store import queries

    def full_disk(self, report):
        raise queries.PresslintError(queries.E.E406, path=self.path, reason="database or disk is full")

    monkeypatch.setattr(queries.Store, "save", full_disk)
    result = run("check", articles, "--db", tmp_path / "p.db", "--format", "json", "--fail-on", "never")
    reports = json.loads(result.stdout)
    assert result.exit_code == 2  # items failed, even though each report was computed and printed
    assert len(reports) == 4 and result.stderr.count("E406") == 4
    assert all(any(n["code"] == "E406" for n in r["notices"]) for r in reports)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_batch_output_is_streamed_and_valid_with_failures(fake, run, articles, fmt):
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02 binary \x00\xff")
    result = run("check", articles, "--no-store", "--format", fmt)
    assert result.exit_code == 2 and "E103" in result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
    else:
        data = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["article"]["origin"]).name for r in data] == ["clean.txt", "error.txt", "info.txt", "warn.txt"]


def test_cli_json_of_a_batch_with_nothing_checked_is_an_empty_array(fake, run, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary \x00\xff")
    result = run("check", folder, "--no-store", "--format", "json")
    assert result.exit_code == 2 and json.loads(result.stdout) == []


# -- the text report: summary on top, findings most severe first; --quiet prints the findings alone ----------------
MIXED = (
    "Neighbours trade accusations\n\nThe regime in the capital said 120 of the 100 seats were filled, and two "
    "officials said the count was fair.\n"
)


def test_cli_text_report_has_a_summary_and_findings_most_severe_first(fake, run, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED)
    out = run("check", path, "--fail-on", "never", "--no-store").stdout
    assert "\nsummary\n  findings        3: 1 error, 1 warning, 1 info\n" in out
    listed = re.findall(r"^ +\S+ (error|warning|info) +(\w+) fake", out.split("\nfindings (3)\n")[1], re.M)
    assert listed == [("error", "NUM002"), ("warning", "SRC001"), ("info", "LNG002")]  # not the reading order
    assert "  notes: W002 no publication date, relative dates unresolved" in out
    assert "date unknown" not in out  # said once, by the note


def test_cli_quiet_prints_the_findings_only(fake, run, tmp_path):
    paths = []
    for name, text in (("mixed.txt", MIXED), ("clean.txt", CLEAN), ("warn.txt", WARN)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text)
    baseline = tmp_path / "baseline.json"
    result = run("check", *paths, "--quiet", "--fail-on", "never", "--no-store", "--write-baseline", baseline)
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    pattern = re.compile(r"^(\S+):(\d+):(\d+): (error|warning|info) ([A-Z]{3}\d{3}) fake \5$")
    assert all(pattern.match(line) for line in lines), lines
    assert [(Path(m.group(1)).name, m.group(5)) for m in map(pattern.match, lines)] == [
        ("mixed.txt", "NUM002"),
        ("mixed.txt", "SRC001"),
        ("mixed.txt", "LNG002"),
        ("warn.txt", "SRC001"),
    ]
    json_out = json.loads(run("check", paths[0], "--format", "json", "--quiet", "--no-store").stdout)
    assert len(json_out["findings"]) == 3 and json_out["summary"]["findings"] == 3  # other formats are whole
