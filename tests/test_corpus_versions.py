"""presslint.corpus.versions and store.versions: a URL seen again with changed text keeps both and says what changed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from presslint.corpus.versions import correction_notices, diff_versions
from presslint.ingest import from_text
from presslint.report.diff import render_diff
from presslint.store import Store
from presslint.store.versions import changed_urls, record_version, versions

URL = "https://news.example/2024/05/harbour-crane"

OLD = """Crane collapse at Westford harbour injures five

A crane collapsed at Westford harbour on Monday, injuring five dock workers, the port authority said.

The 60-metre crane was unloading a container ship when its arm buckled, said port director Lena Hart.

Two of the injured were taken to Westford General Hospital with serious injuries, the ambulance service said.

The port authority said the crane had passed a safety inspection in March.
"""

NEW = """Crane collapse at Westford harbour injures seven

A crane collapsed at Westford harbour on Monday, injuring seven dock workers, the port authority said.

The 60-metre crane was unloading a container ship when its arm buckled, said port director Lena Hart.

Two of the injured were taken to Westford General Hospital with serious injuries, the ambulance service said.

Unions said the dock workers had complained about the crane's brakes at least three times since January.

Correction: An earlier version of this article said five workers were injured. The port authority has since said seven were hurt.
"""


@pytest.mark.parametrize(
    "text, found",
    [
        ("Body.\n\nCorrection: The minister's name was misspelled.", True),
        ("Body.\n\nAn earlier version of this article misstated the date of the vote.", True),
        ("Body.\n\nThis story has been updated with comment from the police.", True),
        ("Body.\n\nEditor's note: The headline was changed.", True),
        ("Body.\n\nThe council voted on a correction to the budget.", False),
        ("Body.\n\nAn earlier version of the bill was rejected in March.", False),
    ],
)
def test_corpus_versions_correction_notices(text, found):
    assert bool(correction_notices(text)) is found


def test_corpus_versions_store_keeps_each_text_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        old, new = from_text(OLD), from_text(NEW)
        old.url = new.url = URL
        assert record_version(store, old, seen_at="2024-05-06T09:00:00+00:00") is True
        assert record_version(store, old, seen_at="2024-05-06T10:00:00+00:00") is False  # same text again
        assert record_version(store, new, seen_at="2024-05-06T15:00:00+00:00") is True
        assert record_version(store, from_text(OLD)) is False  # no URL: no identity across fetches
        seen = versions(store, URL)
        assert [v.seen_at[11:13] for v in seen] == ["09", "15"] and seen[0].text == old.text
        assert changed_urls(store) == [(URL, 2)]


@pytest.mark.model
def test_corpus_versions_diff(check_text):
    old, new = check_text(OLD, date="2024-05-06"), check_text(NEW, date="2024-05-06")
    diff = diff_versions(old, new)
    assert diff.title_before.endswith("five") and diff.title_after.endswith("seven")
    (altered,) = [c for c in diff.altered if "injuring" in c.new.text]
    assert "five dock workers" in altered.old.text and "seven dock workers" in altered.new.text
    assert any("complained about the crane's brakes" in c.new.text for c in diff.added)
    assert any("safety inspection" in c.old.text for c in diff.removed)
    assert diff.unchanged >= 1
    assert len(diff.new_notices) == 1 and diff.new_notices[0].text.startswith("Correction:")
    # the notice is reported as a notice, not as an added claim
    assert not any(c.new is not None and c.new.text.startswith("Correction") for c in diff.added)
    text = render_diff(diff)
    assert "new notice" in text and "~ altered" in text and "+ added" in text and "- removed" in text
    assert json.loads(diff.to_json())["new_hash"] == new.provenance.content_hash
    assert diff_versions(old, old).changes == []


@pytest.mark.model
def test_corpus_versions_cli(tmp_path, nlp):
    from presslint.cli import main

    db = tmp_path / "cli.db"
    with Store(db) as store:
        for text, when in ((OLD, "2024-05-06T09:00:00+00:00"), (NEW, "2024-05-06T15:00:00+00:00")):
            article = from_text(text, date="2024-05-06")
            article.url = URL
            record_version(store, article, seen_at=when)
    result = CliRunner().invoke(main, ["versions", URL, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 versions of" in result.output and "Correction:" in result.output and "~ altered" in result.output
    data = json.loads(CliRunner().invoke(main, ["versions", URL, "--db", str(db), "--format", "json"]).output)
    assert len(data["versions"]) == 2 and len(data["diffs"]) == 1
    result = CliRunner().invoke(main, ["versions", "https://news.example/none", "--db", str(db)])
    assert "no versions stored" in result.output
