"""Baselines: fingerprints survive line shifts and edits elsewhere, hide only what was recorded, bad files -> E305."""

from __future__ import annotations

import hashlib
import json

import pytest

from presslint import baseline
from presslint.errors import PresslintError
from presslint.ingest import from_text
from presslint.model import Finding, Provenance, Report, Span

STORY = (
    "Mayor faces questions over contract\n\n"
    "Two officials said the contract was signed without a tender.\n"
    "The mayor's office called the claims a smear campaign.\n"
    "Two officials said the contract was signed without a tender."
)


def report_with(text: str, needles=("Two officials said", "smear campaign"), origin="mayor.txt") -> Report:
    """A report whose findings sit on the given phrases (a repeated phrase takes its next occurrence)."""
    article = from_text(text, origin=origin)
    findings, last = [], {}
    for needle in needles:
        start = article.text.index(needle, last.get(needle, -1) + 1)
        last[needle] = start
        findings.append(Finding("SRC001", "warning", "message", Span(start, start + len(needle), needle)))
    prov = Provenance(
        "0.1.0",
        "en_test",
        "0",
        "0",
        "cfg",
        "2021-12-11",
        "option",
        hashlib.sha256(article.text.encode()).hexdigest(),
        "2021-12-11T10:00:00+00:00",
    )
    return Report(article=article, provenance=prov, findings=findings)


def saved(tmp_path, *reports):
    path = tmp_path / "baseline.json"
    baseline.write(path, reports)
    return baseline.load(path)


def test_baseline_hides_recorded_findings(tmp_path):
    report = report_with(STORY)
    kept, hidden = saved(tmp_path, report).split(report)
    assert kept == [] and hidden == 2


def test_baseline_survives_line_shift(tmp_path):
    accepted = saved(tmp_path, report_with(STORY))
    shifted = STORY.replace("\n\n", "\n\nBy A. Reporter, City Desk\n\n", 1)
    kept, hidden = accepted.split(report_with(shifted))
    assert kept == [] and hidden == 2


def test_baseline_shows_new_finding_in_edited_article(tmp_path):
    accepted = saved(tmp_path, report_with(STORY, needles=("Two officials said",)))
    edited = STORY + "\nA source close to the mayor said the deal was routine."
    report = report_with(edited, needles=("Two officials said", "A source close to the mayor said"))
    kept, hidden = accepted.split(report)
    assert [f.span.text for f in kept] == ["A source close to the mayor said"] and hidden == 1


def test_baseline_occurrence_index_counts_repeats(tmp_path):
    once = report_with(STORY, needles=("Two officials said",))
    accepted = saved(tmp_path, once)
    twice = report_with(STORY, needles=("Two officials said", "Two officials said"))
    kept, hidden = accepted.split(twice)
    assert hidden == 1 and len(kept) == 1


def test_baseline_does_not_hide_findings_of_another_article(tmp_path):
    accepted = saved(tmp_path, report_with(STORY, origin="-"))
    other = "Harbour plan approved\n\nTwo officials said the harbour plan was approved on Monday."
    kept, hidden = accepted.split(report_with(other, needles=("Two officials said",), origin="-"))
    assert hidden == 0 and len(kept) == 1


def test_baseline_normalises_quotes_case_and_spaces():
    assert baseline.normalise_span("Called  it a \u201csmear\u201d") == baseline.normalise_span('called it a "smear"')


@pytest.mark.parametrize(
    "content, reason",
    [
        (None, "No such file"),
        ("{not json", "not JSON"),
        ('{"findings": []}', "not a presslint baseline"),
        ('{"presslint_baseline": 1, "findings": {}}', "must be a list"),
        ('{"presslint_baseline": 1, "findings": [{"code": "SRC001"}]}', "bad entry"),
    ],
)
def test_baseline_bad_file_is_E305(tmp_path, content, reason):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(PresslintError) as err:
        baseline.load(path)
    assert err.value.code == "E305" and reason in err.value.message


def test_baseline_file_is_readable_json(tmp_path):
    path = tmp_path / "b.json"
    assert baseline.write(path, [report_with(STORY)]) == 2
    data = json.loads(path.read_text())
    assert data["presslint_baseline"] == 1
    assert {e["code"] for e in data["findings"]} == {"SRC001"}
    assert data["findings"][0]["text"] == "two officials said"
