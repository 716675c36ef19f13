"""Knowledge checks (KB001-KB007) on articles written for the project, against a store built from tests/kb_factory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kb_factory import NATO, all_items, build_store

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "kb_articles"


@pytest.fixture(scope="module")
def checker():
    from presslint.knowledge.checks import KnowledgeChecker

    return KnowledgeChecker(build_store())


def _kb_findings(checker, parse, text: str, date: str):
    return checker.check(parse(text, date=date))


@pytest.mark.parametrize(
    ("name", "date", "code", "needle"),
    [
        ("uk-pm-title-lost", "2023-03-15", "KB002", "Prime Minister"),
        ("bowie-says", "2021-06-01", "KB006", "David Bowie"),
        ("apple-ceo-misnamed", "2021-06-01", "KB001", "Tom Cook"),
        ("treaty-before-war", "2021-06-01", "KB003", "March 1975"),
        ("city-wrong-country", "2021-06-01", "KB007", "Lyon"),
        ("mission-wrong-country", "2021-06-01", "KB004", "Kosovo Force"),
    ],
)
def test_knowledge_checks_fire_on_articles(checker, parse, name, date, code, needle):
    findings = _kb_findings(checker, parse, (ARTICLES / f"{name}.txt").read_text(), date)
    hits = [f for f in findings if f.code == code and needle in f.span.text]
    assert hits, [(f.code, f.span.text, f.message) for f in findings]
    evidence = hits[0].evidence
    assert any(str(v).startswith("Q9") or str(v).startswith("Q3") for v in evidence.values()), evidence
    assert {f.code for f in findings} == {code}, [(f.code, f.message) for f in findings]


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("uk-pm-correct", "2023-03-15"),
        ("bowie-correct", "2021-06-01"),
        ("apple-ceo-correct", "2021-06-01"),
        ("treaty-correct", "2021-06-01"),
        ("city-correct", "2021-06-01"),
        ("mission-correct", "2021-06-01"),
    ],
)
def test_knowledge_checks_quiet_on_correct_articles(checker, parse, name, date):
    findings = _kb_findings(checker, parse, (ARTICLES / f"{name}.txt").read_text(), date)
    assert findings == [], [(f.code, f.span.text, f.message) for f in findings]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Prime Minister Boris Johnson said on Tuesday that taxes would not rise.", "2021-06-01"),
        ("In 2021, Prime Minister Boris Johnson said taxes would not rise.", "2023-03-15"),
        ("Then-prime minister Boris Johnson said in 2021 that taxes would not rise.", "2023-03-15"),
        ("David Bowie said in a 2002 interview that Berlin changed his music.", "2021-06-01"),
        ("Gen. Kenneth McKenzie, the head of CENTCOM, said the mission would continue.", "2021-12-11"),
        ("Iraqi Prime Minister Mustafa al-Kazemi met US officials in Baghdad.", "2021-12-11"),
        ("Tom Cook took five wickets as the visitors collapsed on the final day.", "2021-06-01"),
        ("The North Atlantic Treaty Organization (NATO) said its ministers would meet in Brussels.", "2021-06-01"),
        (
            "The International Security Assistance Force (ISAF) ended its mission in Afghanistan in December 2014.",
            "2021-06-01",
        ),
        ("Erbil, Iraq, has seen a building boom.", "2021-06-01"),
    ],
)
def test_knowledge_checks_quiet_on_correct_sentences(checker, parse, text, date):
    findings = _kb_findings(checker, parse, text, date)
    assert findings == [], [(f.code, f.span.text, f.message) for f in findings]


@pytest.mark.parametrize(
    ("text", "code", "needle"),
    [
        (
            "NATO (North American Trade Organisation) ministers met on Monday.",
            "KB005",
            "North American Trade Organisation",
        ),
        ("The US-led Kosovo Force (KFOR) said the situation in the north was calm.", "KB004", "Kosovo Force"),
        ("Gen. Kent Mackenzie, the head of CENTCOM, said the mission would continue.", "KB001", "Kent Mackenzie"),
    ],
)
def test_knowledge_checks_fire_on_sentences(checker, parse, text, code, needle):
    findings = _kb_findings(checker, parse, text, "2021-12-11")
    assert any(f.code == code and needle in f.span.text for f in findings), [
        (f.code, f.span.text, f.message) for f in findings
    ]


@pytest.mark.parametrize(
    ("text", "date", "needle"),
    [
        ("The US-led Kosovo Force (KFOR) said the situation in the north was calm.", "2021-12-11", "Kosovo Force"),
        ("The French-led Kosovo Force said it would send more troops.", "2021-12-11", "Kosovo Force"),
        ("The US-led ISAF said two soldiers were wounded in Helmand.", "2010-05-04", "ISAF"),
    ],
)
def test_knowledge_checks_parent_without_label_named_by_qid(parse, text, date, needle):
    """KB004 names a parent organisation the store holds without an English label by its QID (it used to crash
    joining None into the message)."""
    from presslint.knowledge.checks import KnowledgeChecker

    items = all_items()
    for x in items:
        if x["id"] == NATO:
            x["labels"] = {}  # an entity the import kept with aliases but no label
    checker = KnowledgeChecker(build_store(items))
    kb004 = [f for f in checker.check(parse(text, date=date)) if f.code == "KB004"]
    assert [f.span.text for f in kb004] == [needle]
    assert f"its parent organisation is {NATO} (P749)" in kb004[0].message


def test_knowledge_checks_rules_catalogued():
    from presslint import rules

    cat = rules.catalogue()
    for code in ("KB001", "KB002", "KB003", "KB004", "KB005", "KB006", "KB007"):
        rule = cat[code]
        assert rule.summary and rule.explanation and rule.example and rule.category == "knowledge"


def test_knowledge_checks_open_missing_store_is_coded_error(tmp_path):
    from presslint.errors import PresslintError
    from presslint.knowledge.checks import KnowledgeChecker

    with pytest.raises(PresslintError) as err:
        KnowledgeChecker.open(str(tmp_path / "nope.sqlite"))
    assert err.value.code == "E402"


def test_knowledge_checks_through_public_api(tmp_path, check_text):
    build_store(path=str(tmp_path / "kb.sqlite")).close()
    text = (ARTICLES / "bowie-says.txt").read_text()
    report = check_text(text, date="2021-06-01", kb=str(tmp_path / "kb.sqlite"))
    kb = [f for f in report.findings if f.code.startswith("KB")]
    assert [f.code for f in kb] == ["KB006"] and kb[0].name == "dead-person-acting"


def test_knowledge_checks_shared_example(shared_example, parse):
    from presslint.knowledge.checks import KnowledgeChecker

    checker = KnowledgeChecker(build_store())
    doc = parse(shared_example.read_text(encoding="utf-8"), date="2021-12-11")
    findings = checker.check(doc)
    by_code = {f.code: f for f in findings}
    assert "Mackenzie" in by_code["KB001"].span.text and by_code["KB001"].evidence["qid"] == "Q900000012"
    assert (
        by_code["KB004"].evidence["stated_country"] == "Q796"
        and "Q889" in by_code["KB004"].evidence["wikidata_countries"]
    )
    assert by_code["KB005"].evidence["qid"] == "Q900000010"
    assert by_code["KB003"].evidence["event"] == "Q900000031" and by_code["KB003"].evidence["property"] == "P585"


def test_knowledge_checks_open_online_uses_cache(tmp_path):
    pytest.importorskip("presslint.knowledge.online")
    from presslint.config import Settings
    from presslint.knowledge.checks import KnowledgeChecker

    checker = KnowledgeChecker.open("online", settings=Settings(kb_cache=str(tmp_path / "cache.sqlite")))
    assert (tmp_path / "cache.sqlite").exists() and checker.linker is not None
