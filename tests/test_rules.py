import re

import pytest

from presslint import rules
from presslint.errors import PresslintError


def test_rules_catalogue_entries_are_complete():
    cat = rules.catalogue()
    assert cat, "no rules registered"
    for code, rule in cat.items():
        assert re.fullmatch(r"[A-Z]{2,4}\d{3}", code)
        assert rule.severity in ("info", "warning", "error")
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), code
        assert rule.summary and rule.explanation and rule.example, code


def test_rules_names_are_unique():
    names = [r.name for r in rules.catalogue().values()]
    assert len(names) == len(set(names))


def test_rules_expand_prefix_and_code():
    cat = rules.catalogue()
    prefix = next(iter(cat)).rstrip("0123456789")
    assert rules.expand([prefix]) == {c for c in cat if c.startswith(prefix)}
    code = next(iter(cat))
    assert rules.expand([code.lower()]) == {code}


def test_rules_unknown_code_is_a_coded_error():
    with pytest.raises(PresslintError) as err:
        rules.expand(["NOPE999"])
    assert err.value.code == "E301"


def test_rules_docs_file_is_current():
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert docs.read_text() == rules.render_markdown(), (
        "docs/rules.md is stale: run `presslint rules --format markdown > docs/rules.md`"
    )
