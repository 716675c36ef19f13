"""The registry: every check and record declared once; the pipeline order, doc extensions, rule modules and report
fields all follow from it, and bad declarations fail loudly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presslint import registry
from presslint.registry import Check, Record, RegistryError

ROOT = Path(__file__).resolve().parent.parent
# The committed list of registrations (as spaCy's test_factory_registrations keeps one): a check cannot silently go
# missing or change what it reads and writes without this file changing with it.
REGISTRATIONS = ROOT / "tests" / "registrations.json"


def _declared() -> dict:
    return {
        c.name: {"stage": c.stage, "module": c.module, "reads": list(c.reads), "writes": list(c.writes)}
        for c in registry.CHECKS
    }


def test_registry_matches_the_committed_registrations():
    assert json.loads(REGISTRATIONS.read_text()) == _declared(), (
        f"the registry changed: update {REGISTRATIONS.name} if that was meant"
    )


def test_registry_declarations_are_valid():
    registry.validate()


@pytest.mark.parametrize("stage", registry.STAGES)
def test_registry_order_puts_writers_before_readers(stage):
    order = registry.ordered(stage)
    seen_writes: set[str] = {w for c in registry.CHECKS if registry.STAGES.index(c.stage) < registry.STAGES.index(stage)
                             for w in c.writes}  # fmt: skip
    for check in order:
        missing = set(check.reads) - seen_writes
        assert not missing, f"{check.name} reads {missing} before anything wrote them"
        seen_writes |= set(check.writes)


RECORDS = (
    Record("a", "builtins:str", "a"),
    Record("b", "builtins:str", "b"),
    Record("findings", "builtins:str", "f", shared=True),
)


@pytest.mark.parametrize(
    "checks, message",
    [
        ((Check("x", "m", reads=("a",), writes=("b",)), Check("y", "m", reads=("b",), writes=("a",))), "cycle"),
        ((Check("x", "m", reads=("a",), writes=("b",)),), "which no check writes"),
        ((Check("x", "m", writes=("a",)), Check("y", "m", writes=("a",))), "several writers"),
        ((Check("x", "m", writes=("zzz",)),), "undeclared record"),
        ((Check("x", "m", writes=("a",)), Check("x", "m", writes=("b",))), "duplicate check"),
        ((Check("x", "m", stage="doc", reads=("a",)), Check("y", "m", stage="report", writes=("a",))), "later stage"),
        ((Check("x", "m", stage="nowhere"),), "unknown stage"),
    ],
)
def test_registry_refuses_bad_declarations(checks, message):
    with pytest.raises(RegistryError, match=message):
        registry.ordered("doc", checks, RECORDS)


def test_registry_shared_record_may_have_many_writers_and_order_is_stable():
    checks = (
        Check("late", "m", reads=("b",), writes=("findings",)),
        Check("first", "m", writes=("a", "findings")),
        Check("second", "m", reads=("a",), writes=("b", "findings")),
    )
    registry.validate(checks, RECORDS)
    assert [c.name for c in registry.ordered("doc", checks, RECORDS)] == ["first", "second", "late"]


def test_registry_pipeline_follows_the_declared_order(nlp):
    names = [n for n in nlp.pipe_names if n.startswith("presslint_") and n != "presslint_newline_sents"]
    assert names == ["presslint_context", *(c.component for c in registry.ordered("doc"))]


def test_registry_spacy_analysis_finds_no_unmet_requirement(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert {name: p for name, p in problems.items() if p} == {}


def test_registry_component_may_not_write_an_undeclared_record(nlp, monkeypatch):
    from presslint.analyzers import headline
    from presslint.nlp import pipeline

    factory, _ = pipeline._component_factory(registry.check("headline"))
    monkeypatch.setattr(headline, "make_component", lambda nlp: lambda doc: {"sources": []})
    factory, _ = pipeline._component_factory(registry.check("headline"))
    component = factory(nlp, "x")
    with pytest.raises(RegistryError, match="does not declare"):
        component(nlp.make_doc("A headline"))


@pytest.mark.parametrize(
    "text",
    [
        "Two officials said the plan had failed, according to a memo seen by reporters.",
        "Grain prices rose 4% on Monday, the ministry said.\n\nFarmers said they would protest on Friday.",
    ],
)
def test_registry_load_pipeline_is_a_working_spacy_pipeline(text):
    import presslint

    nlp = presslint.load_pipeline()
    doc = nlp(text)
    piped = next(iter(nlp.pipe([text])))
    report = presslint.check(text)
    for record in registry.report_records():
        got = getattr(doc._, f"pl_{record.name}")
        assert isinstance(got, list)
        assert len(got) == len(getattr(piped._, f"pl_{record.name}")) == len(getattr(report, record.name))
    assert doc._.pl_article.text == text


def test_registry_report_fields_come_from_the_records():
    from presslint.model import Article, Provenance, Report

    prov = Provenance("0", "m", "1", "0" * 64, "h", "unknown", "unknown", "1" * 64, "now")
    report = Report(Article(text="x"), prov)
    for record in registry.report_records():
        assert getattr(report, record.name) == []
    with pytest.raises(TypeError, match="no record"):
        Report(Article(text="x"), prov, nonsense=[])
    with pytest.raises(AttributeError):
        report.nonsense  # noqa: B018


def test_registry_rules_command_does_not_import_spacy():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from presslint.cli import main\n"
        "for args in (['rules'], ['rules', 'SRC001'], ['errors'], ['history'], ['--help'], ['kb', '--help']):\n"
        "    result = CliRunner().invoke(main, args)\n"
        "    assert result.exit_code == 0, (args, result.output)\n"
        "heavy = [m for m in ('spacy', 'thinc', 'torch', 'onnxruntime') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
