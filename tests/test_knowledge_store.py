"""The knowledge store's contract (what the linker codes against) and the synthetic store builder (tiny sizes only;
the 1M/3M builds are benchmarks/kb_import.py)."""

from __future__ import annotations

import pytest

from presslint.errors import PresslintError
from presslint.knowledge.keys import name_key, token_keys
from presslint.knowledge.store import KnowledgeBase
from presslint.knowledge.synthetic import _keys, build_synthetic, generate, sample_names
from presslint.knowledge.wikidata import EntityRecord, Statement

DATE = {"time": "+2014-12-28T00:00:00Z", "precision": 11}


def _record(qid="Q900000310", label="International Security Assistance Force", **kw) -> EntityRecord:
    return EntityRecord(
        qid=qid,
        label=label,
        description=kw.get("description", "NATO-led mission"),
        names=[(label, "en", "label"), (kw.get("short", "ISAF"), "mul", "short")],
        statements=[Statement("P31", "Q176799"), Statement("P576", DATE), Statement("P749", "Q7184")],
        sitelinks=18,
    )


def test_knowledge_store_roundtrip_and_replace():
    kb = KnowledgeBase(":memory:")
    assert kb.add([_record()]) == 1
    assert kb.entity("Q900000310") == _record()
    kb.add([_record(description="changed")])  # same QID: replaced, not duplicated
    assert kb.entity("Q900000310").description == "changed"
    assert kb.stats()["entities"] == 1 and kb.stats()["names"] == 2 and kb.stats()["statements"] == 3
    kb.delete("Q900000310")
    assert not kb.has("Q900000310") and kb.stats()["names"] == 0


def test_knowledge_store_candidates_and_exact():
    kb = KnowledgeBase(":memory:")
    kb.add([_record(), _record("Q900000311", "International Monetary Fund", short="IMF")])
    (acronym,) = kb.exact("isaf")
    assert (acronym.qid, acronym.matched, acronym.kind, acronym.types) == ("Q900000310", "ISAF", "short", ("Q176799",))
    assert kb.candidates("International Security Assistance Force")[0].qid == "Q900000310"
    assert kb.candidates("the of") == []  # no significant token: no scan


def test_knowledge_store_meta_is_written_with_the_rows(tmp_path):
    kb = KnowledgeBase(tmp_path / "kb.sqlite")
    kb.add([_record()], meta={"import:x": {"lines": 5}})
    kb.close()
    kb = KnowledgeBase(tmp_path / "kb.sqlite", readonly=True)
    assert kb.get_meta("import:x") == {"lines": 5} and kb.has("Q900000310")
    assert kb.stats()["bytes"] > 0


def test_knowledge_store_not_a_database_is_coded_error(tmp_path):
    path = tmp_path / "text.sqlite"
    path.write_text("not a database, just some text that is long enough to have a header" * 20)
    with pytest.raises(PresslintError, match="E605"):
        KnowledgeBase(path)
    with pytest.raises(PresslintError, match="E605"):
        KnowledgeBase(path, readonly=True)


def test_knowledge_store_synthetic_keys_equal_the_store_keys():
    for _, _, names, _ in generate(300, 3):
        for parts in names:
            key, blocking = _keys(parts)
            assert key == name_key(" ".join(parts)) and sorted(blocking) == token_keys(" ".join(parts))


def test_knowledge_store_synthetic_tiny_build(tmp_path):
    stats = build_synthetic(tmp_path / "syn.sqlite", entities=1000, aliases_per_entity=3)
    assert stats["entities"] == 1000 and stats["names"] == 4000 and stats["bytes"] > 0
    kb = KnowledgeBase(tmp_path / "syn.sqlite", readonly=True)
    assert kb.stats()["entities"] == 1000
    names = sample_names(50)
    assert sum(1 for n in names if kb.candidates(n)) >= 40  # most queries meet a blocking key
    label = kb.entity("Q800000000").label
    assert "Q800000000" in [c.qid for c in kb.candidates(label, limit=200)]
