"""Real-format Wikidata JSON (tests/fixtures/wikidata/real_format.json, wbgetentities.json): every quirk imports, none
aborts the import, malformed entities are counted and reported, the P31 pre-filter ignores qualifiers and key order,
ranks and time precision are kept, redirects resolve, short names only in kept languages, the class table."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from presslint.knowledge.dump import _init_worker, _maybe_kept, import_dump, p31_types
from presslint.knowledge.linker import held_at, statement_period, values_at
from presslint.knowledge.profile import get_profile, item_types
from presslint.knowledge.store import KnowledgeBase
from presslint.knowledge.wikidata import UNKNOWN, EntityError, parse_entity, time_bounds, time_to_iso

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikidata"
REAL = FIXTURES / "real_format.json"
API = FIXTURES / "wbgetentities.json"


def _lines() -> list[bytes]:
    return [line.rstrip(b",") for line in REAL.read_bytes().splitlines()[1:-1]]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    store = KnowledgeBase(":memory:")
    import_dump(REAL, store, profile=get_profile("all"))
    return store


def test_knowledge_real_format_fixture_is_in_sync():
    import runpy

    before = REAL.read_bytes(), API.read_bytes()
    runpy.run_path(str(FIXTURES / "make_real_format.py"), run_name="__main__")
    assert (REAL.read_bytes(), API.read_bytes()) == before, "run make_real_format.py and commit its outputs"


def test_knowledge_real_format_every_quirk_imports_and_bad_lines_are_reported(kb):
    result = import_dump(REAL, KnowledgeBase(":memory:"), profile=get_profile("all"))
    state = result.state
    assert result.status == "done" and state.seen == 27 and state.kept == 24 and state.bad_lines == 3
    assert [line for line, _ in state.bad_samples] == [26, 27, 28]
    reasons = [reason for _, reason in state.bad_samples]
    assert reasons[0].startswith("malformed entity (no id): EntityError: not an item id: 42")
    assert reasons[1].startswith("malformed entity Q900001006: EntityError: a P31 statement is not an object")
    assert reasons[2].startswith("not JSON")


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("aliases as []", {"id": "Q1", "labels": {"en": {"value": "x"}}, "aliases": []}),
        ("claims as []", {"id": "Q1", "claims": [], "sitelinks": []}),
        ("labels as []", {"id": "Q1", "labels": [], "descriptions": []}),
        ("no sections", {"id": "Q1"}),
        ("null sections", {"id": "Q1", "labels": None, "claims": None, "aliases": None}),
        ("aliases of a language as {}", {"id": "Q1", "aliases": {"en": {}}}),
    ],
)
def test_knowledge_real_format_empty_and_missing_sections(field, data):
    record = parse_entity(data)
    assert record.qid == "Q1" and record.statements == [] and record.sitelinks == 0, field


@pytest.mark.parametrize("data", [42, [], {"id": 42}, {"id": "P31"}, {"id": "Q1", "claims": {"P31": ["Q5"]}}])
def test_knowledge_real_format_malformed_entity_raises_entity_error(data):
    with pytest.raises(EntityError):
        parse_entity(data)


def test_knowledge_real_format_ranks_and_dates(kb):
    bielefeld = kb.entity("Q2112")
    assert "Q45" not in [s.value for s in bielefeld.statements]  # deprecated: never imported
    assert bielefeld.values("P17") == ["Q183"]  # the preferred statement wins
    assert values_at(bielefeld, "P17", dt.date(1970, 1, 1)) == ["Q713750"]
    assert values_at(bielefeld, "P17", dt.date(1940, 6, 1)) == ["Q7318"]
    assert values_at(bielefeld, "P17", dt.date(1945, 12, 31)) == ["Q7318"]  # a year-precision end covers the year
    assert values_at(bielefeld, "P17", dt.date(1946, 1, 1)) == []  # no statement covers it: no country then
    assert values_at(bielefeld, "P17", dt.date(2021, 1, 1)) == ["Q183"]


def test_knowledge_real_format_time_precision_and_padding(kb):
    merkel = kb.entity("Q567")
    (term,) = merkel.statements_of("P39")
    assert term.qualifiers["P580"][0]["time"] == "+2005-11-22T00:00:00Z"  # '+00000002005-...' unpadded
    assert statement_period(term) == (dt.date(2005, 11, 22), dt.date(2021, 12, 8))
    (scholz,) = kb.entity("Q61053").statements_of("P39")
    assert statement_period(scholz) == (dt.date(2021, 12, 1), None)  # month precision: the earliest day it can be
    assert held_at(scholz, dt.date(2021, 12, 1)) is True and held_at(scholz, dt.date(2021, 11, 30)) is False
    election = kb.entity("Q900001005")
    assert time_bounds(election.values("P585")[0]) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert time_to_iso(election.values("P585")[0]) == "2021"


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ({"time": "+1990-00-00T00:00:00Z", "precision": 8}, (dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
        ({"time": "+1901-00-00T00:00:00Z", "precision": 7}, (dt.date(1901, 1, 1), dt.date(2000, 12, 31))),
        ({"time": "+2020-02-00T00:00:00Z", "precision": 10}, (dt.date(2020, 2, 1), dt.date(2020, 2, 29))),
        ({"time": "+2020-02-30T00:00:00Z", "precision": 11}, None),
        ({"time": "-0044-03-15T00:00:00Z", "precision": 11}, None),
        (UNKNOWN, None),
    ],
)
def test_knowledge_real_format_time_bounds(value, bounds):
    assert time_bounds(value) == bounds


def test_knowledge_real_format_somevalue_and_novalue(kb):
    christophersen = kb.entity("Q900001002")
    assert [s.value for s in christophersen.statements_of("P570")] == [UNKNOWN]
    assert christophersen.values("P570") == []  # an unknown date is no date to compare with
    assert kb.entity("Q900001005").values("P710") == []  # novalue: dropped


def test_knowledge_real_format_held_at_unknown_end_is_unknown():
    from presslint.knowledge.wikidata import Statement

    start = {"time": "+2010-01-01T00:00:00Z", "precision": 11}
    ended_unknown = Statement("P39", "Q1", {"P580": [start], "P582": [UNKNOWN]})
    assert held_at(ended_unknown, dt.date(2015, 1, 1)) is None
    assert held_at(ended_unknown, dt.date(2009, 1, 1)) is False
    assert held_at(Statement("P39", "Q1", {}), dt.date(2015, 1, 1)) is None
    assert held_at(Statement("P39", "Q1", {"P580": [start]}), dt.date(2015, 1, 1)) is True


def test_knowledge_real_format_short_names_only_in_kept_languages(kb):
    us = {(t, kind) for t, _lang, kind in kb.entity("Q30").names}
    assert ("US", "short") in us and not {"VS", "EUA", "米"} & {t for t, _ in us}
    germany = {t for t, _lang, _kind in kb.entity("Q183").names}
    assert "BRD" in germany and "DE" not in germany and "Duitsland" not in germany


def test_knowledge_real_format_wbgetentities_redirect_missing_and_empty():
    answer = json.loads(API.read_text())["entities"]
    store = KnowledgeBase(":memory:")
    records = [parse_entity(e) for e in answer.values() if "missing" not in e]
    store.add(records)
    assert store.entity("Q900001010").qid == "Q900001011"  # the merged id resolves to the kept one
    assert store.has("Q900001010") and store.resolve("Q900001010") == "Q900001011"
    empty = store.entity("Q900001012")
    assert empty.label is None and empty.names == [] and empty.sitelinks == 0


def test_knowledge_real_format_prefilter_never_decides_on_a_qualifier():
    profile = get_profile("people")
    _init_worker(profile, frozenset())
    band = next(line for line in _lines() if b'"Q900001003"' in line)
    assert p31_types(band) == ["Q900001090"]  # the qualifier's Q5 is not a type
    assert not _maybe_kept(band)


@pytest.mark.parametrize("profile", ["news", "people", "orgs", "places", "events", "all"])
def test_knowledge_real_format_prefilter_agrees_with_decoding(profile):
    """The pre-filter reads each line's types exactly as decoding does, whatever the key order."""
    _init_worker(get_profile(profile), frozenset())
    for line in _lines():
        try:
            data = json.loads(line)
            types = item_types(data)
        except (ValueError, AttributeError):
            continue
        if not isinstance(data.get("id"), str):
            continue
        assert p31_types(line) == types, data["id"]
        reordered = json.dumps(dict(reversed(list(data.items()))), ensure_ascii=False).encode()  # spaces, any order
        assert p31_types(reordered) == types, data["id"]
        kept = get_profile(profile).keeps(types, len(data.get("sitelinks") or {}))
        assert _maybe_kept(line) == kept and _maybe_kept(reordered) == kept, data["id"]


def test_knowledge_real_format_class_table_keeps_narrow_classes(tmp_path):
    from presslint.knowledge.classes import build_class_table, load_class_table, save_class_table

    table = build_class_table(REAL)
    assert {"Q900001092", "Q900001093"} <= set(table["groups"]["places"])
    assert table["built"] == dt.date.today().isoformat() and table["bad_lines"] == 0
    save_class_table(table, tmp_path / "classes.json")
    profile = get_profile("news").with_classes(load_class_table(tmp_path / "classes.json"))
    without, with_classes = KnowledgeBase(":memory:"), KnowledgeBase(":memory:")
    import_dump(REAL, without, profile=get_profile("places"), fill=False)
    result = import_dump(REAL, with_classes, profile=get_profile("places").with_classes(table), fill=False)
    assert not without.has("Q900001004") and with_classes.has("Q900001004")  # "Festungsstadt": a garrison town
    assert result.state.profile["classes_built"] == table["built"] and profile.classes_built == table["built"]
