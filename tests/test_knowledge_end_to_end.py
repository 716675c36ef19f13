"""Issue "Knowledge checks", done-when: a store imported from the test dump (real Wikidata JSON dump format) and the
shared example article through the CLI give the four knowledge findings, each with its Wikidata evidence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import main

DUMP = Path(__file__).resolve().parent / "fixtures" / "wikidata" / "sample.json.bz2"


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("kb") / "kb.sqlite")
    result = CliRunner().invoke(main, ["kb", "import", str(DUMP), "--kb", path, "--profile", "all", "--workers", "1"])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.model
def test_knowledge_end_to_end_shared_example_from_dump(kb_path, shared_example, tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(shared_example),
            "--kb",
            kb_path,
            "--date",
            "2021-12-11",
            "--select",
            "KB",
            "--format",
            "json",
            "--no-store",
        ],
    )
    assert result.exit_code == 1, result.output  # KB003/KB004 are errors
    findings = json.loads(result.output)["findings"]
    by_code = {f["code"]: f for f in findings}
    assert {"KB001", "KB003", "KB004", "KB005"} <= set(by_code), [(f["code"], f["span"]["text"]) for f in findings]
    assert by_code["KB001"]["span"]["text"] == "Kent Mackenzie"
    assert "Territorial Command" in by_code["KB005"]["span"]["text"]
    assert "International Security Assistance Force" in by_code["KB004"]["span"]["text"]
    assert by_code["KB003"]["span"]["text"] == "January 1998"
    for f in by_code.values():  # every knowledge finding cites Wikidata ids
        assert re.search(r"\bQ\d+\b", json.dumps(f["evidence"])), f["evidence"]


@pytest.mark.model
def test_knowledge_end_to_end_correct_text_is_not_flagged(kb_path, tmp_path):
    story = tmp_path / "correct.txt"
    story.write_text(
        "US commander says advisers will stay in Iraq\n\n"
        "Gen. Kenneth F. McKenzie Jr., the head of US Central Command (CENTCOM), said on Thursday that about 2,500 US "
        "troops would remain in Iraq in an advisory role. The Iraqi parliament voted in January 2020, following the "
        "assassination of Qasem Soleimani, to ask foreign troops to leave the country.\n"
    )
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(story),
            "--kb",
            kb_path,
            "--date",
            "2021-12-11",
            "--select",
            "KB",
            "--format",
            "json",
            "--no-store",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["findings"] == []
