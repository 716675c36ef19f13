import json
from pathlib import Path

import jsonschema
import pytest

import presslint
from presslint.report import render

SCHEMA = json.loads((Path(presslint.__file__).parent / "schema" / "report.schema.json").read_text())

ARTICLE = """Council approves new bus lanes after heated debate

Two council officials said the vote was rushed. Mayor Anna Berg told the Daily Courier that 14 of the 21 members
backed the plan on Tuesday. Critics say the so-called consultation was a sham.
"""


@pytest.mark.model
def test_report_json_validates_against_schema(check_text):
    report = check_text(ARTICLE)
    data = json.loads(render(report, "json"))
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == report.schema_version
    assert next(iter(data)) == "schema_version"


@pytest.mark.model
def test_report_json_spans_index_the_carried_text(check_text):
    data = json.loads(render(check_text(ARTICLE), "json"))
    text = data["article"]["text"]
    spans = [f["span"] for f in data["findings"]] + [e["span"] for e in data["entities"]]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
        line_start = text.rfind("\n", 0, span["start"]) + 1
        assert span["column"] == span["start"] - line_start + 1
        assert span["line"] == text.count("\n", 0, span["start"]) + 1


def test_report_json_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_report_json_schema_is_generated_from_the_records():
    from presslint.report.schema import schema_text

    committed = Path(presslint.__file__).parent / "schema" / "report.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(), (
        "schema/report.schema.json is stale; regenerate: "
        ".venv/bin/python -m presslint.report.schema > src/presslint/schema/report.schema.json"
    )


def test_report_json_schema_has_every_report_record():
    from presslint import registry

    for record in registry.report_records():
        assert record.name in SCHEMA["required"] and record.name in SCHEMA["properties"]


def test_report_json_is_readable_utf8_indented_by_two():
    from presslint.model import Article, Provenance, Report

    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    report = Report(article=Article(text="Café prices “rise”", title="Café"), provenance=prov)
    out = render(report, "json")
    assert out.startswith('{\n  "schema_version": "1.6",\n  "article": {\n    "text": "Café prices “rise”",')
    assert "\\u" not in out
    assert json.loads(out)["article"]["title"] == "Café"
