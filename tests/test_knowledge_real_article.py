"""Issue 12, done-when: a store imported (news profile, through the CLI) from the real-format fixture, and an article
written for the project that misnames real people and misplaces a real place: each finding fires with the right
QIDs and a message that names both sides; the same article written correctly draws nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import main

HERE = Path(__file__).resolve().parent
REAL = HERE / "fixtures" / "wikidata" / "real_format.json"
ARTICLES = HERE / "fixtures" / "kb_articles"
ARGS = ("--select", "KB", "--format", "json", "--no-store")


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("kb") / "kb.sqlite")
    result = CliRunner().invoke(main, ["kb", "import", str(REAL), "--kb", path, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 bad lines skipped" not in result.output  # the news profile never decodes the three bad lines
    return path


def _check(kb_path: str, name: str) -> list[dict]:
    result = CliRunner().invoke(
        main,
        [*("check", str(ARTICLES / name), "--kb", kb_path, "--date", "2023-03-15"), *ARGS],
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["findings"]


@pytest.mark.model
def test_knowledge_real_article_findings_name_both_sides(kb_path):
    found = {(f["code"], f["span"]["text"]): f for f in _check(kb_path, "real-rail-opening.txt")}
    assert set(found) == {
        ("KB001", "Oliver Khan"),
        ("KB001", "Henning Kristoffersen"),
        ("KB002", "Chancellor"),
        ("KB007", "Bielefeld"),
    }, sorted(found)
    kahn = found[("KB001", "Oliver Khan")]
    assert kahn["message"] == (
        "'Oliver Khan' looks like a misspelling of Oliver Kahn (Q900001001); Wikidata knows no such spelling"
    )
    assert kahn["evidence"]["differing"] == [{"written": "khan", "expected": "kahn"}]
    assert kahn["evidence"]["latin_script"] is True  # German citizen: German (Q188) is written in Latin (Q8229)
    kristoffersen = found[("KB001", "Henning Kristoffersen")]
    assert kristoffersen["evidence"]["qid"] == "Q900001002"  # a citizen of the Kingdom of Denmark (Q756617)
    merkel = found[("KB002", "Chancellor")]
    assert merkel["message"] == (
        "Angela Merkel left the post of Chancellor of Germany on 2021-12-08, before this article's date 2023-03-15; "
        "Olaf Scholz held it then"
    )
    assert (merkel["evidence"]["qid"], merkel["evidence"]["position"], merkel["evidence"]["holder_then"]) == (
        "Q567",
        "Q4970706",
        "Q61053",
    )
    bielefeld = found[("KB007", "Bielefeld")]
    assert bielefeld["message"] == "Bielefeld (Q2112) is in Germany according to Wikidata (P17), not Portugal"
    assert bielefeld["evidence"]["wikidata_countries"] == ["Q183"] and bielefeld["evidence"]["stated_country"] == "Q45"


@pytest.mark.model
def test_knowledge_real_article_correct_version_is_quiet(kb_path):
    assert _check(kb_path, "real-rail-opening-correct.txt") == []
