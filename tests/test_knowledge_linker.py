"""The linker: mentions -> Wikidata items through the store's index, with context, and unlinked when unsure."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kb_factory import build_store


@pytest.fixture(scope="module")
def linker():
    from presslint.knowledge.linker import Linker

    return Linker(build_store())


@pytest.mark.parametrize(
    ("mention", "name", "person", "low"),
    [
        ("Kent Mackenzie", "Kenneth F. McKenzie Jr.", True, 0.8),
        ("Kazemi", "Mustafa al-Kadhimi", True, 0.75),
        ("Ken McKenzie", "Kenneth F. McKenzie Jr.", True, 0.9),
        ("Centcom", "CENTCOM", False, 1.0),
        ("US Central Command", "United States Central Command", False, 0.7),
    ],
)
def test_knowledge_linker_name_similarity_high(mention, name, person, low):
    from presslint.knowledge.linker import name_similarity

    assert name_similarity(mention, name, person=person) >= low


@pytest.mark.parametrize(
    ("mention", "name"),
    [("Baghdad", "Baghdad airport airstrike"), ("Iraq", "Iran–Iraq War"), ("John Smith", "Kenneth F. McKenzie Jr.")],
)
def test_knowledge_linker_name_similarity_low(mention, name):
    from presslint.knowledge.linker import name_similarity

    assert name_similarity(mention, name) < 0.7


@pytest.mark.parametrize(
    ("text", "surface", "qid"),
    [
        ("Gen. Kent Mackenzie, the head of CENTCOM, spoke to reporters.", "Kent Mackenzie", "Q900000012"),
        ("Iraqi Prime Minister Mustafa al-Kazemi met US officials.", "Mustafa al-Kazemi", "Q900000035"),
        ("The head of CENTCOM, Gen. Kenneth McKenzie, spoke to reporters.", "CENTCOM", "Q900000010"),
        ("ISAF handed over security to Afghan forces.", "ISAF", "Q900000020"),
        ("The summit was held in Lyon, France, on Monday.", "Lyon", "Q900000150"),
        ("Apple chief executive Tim Cook spoke at the launch.", "Tim Cook", "Q900000121"),
    ],
)
def test_knowledge_linker_links_mentions(linker, parse, text, surface, qid):
    linking = linker.link(parse(text, date="2021-12-11"))
    found = {link.mention.span.text: link for link in linking.links}
    assert surface in found and found[surface].qid == qid, (found.keys(), linking.unlinked)
    assert found[surface].reasons


def test_knowledge_linker_role_links_organisation(linker, parse):
    linking = linker.link(parse("Gen. Kent Mackenzie, the head of CENTCOM, spoke to reporters.", date="2021-12-11"))
    person = next(link for link in linking.links if link.qid == "Q900000012")
    assert any("P39" in r for r in person.reasons)
    assert "Q900000010" in linking.qids()


def test_knowledge_linker_context_picks_namesake(linker, parse):
    linking = linker.link(
        parse("Tourists in Paris, Texas, visited the rail museum in the United States.", date="2021-06-01")
    )
    paris = [link for link in linking.links if link.mention.span.text == "Paris"]
    assert paris and paris[0].qid == "Q900000153"


def test_knowledge_linker_leaves_unknown_unlinked(linker, parse):
    linking = linker.link(parse("John Smith, a farmer, said the harvest was poor.", date="2021-06-01"))
    assert all(link.mention.span.text != "John Smith" for link in linking.links)
    assert any(m.span.text == "John Smith" for m, _why in linking.unlinked)


def test_knowledge_linker_uses_index_not_scan(parse):
    from presslint.knowledge.linker import Linker

    kb = build_store()
    statements: list[str] = []
    kb.db.set_trace_callback(statements.append)
    Linker(kb).link(parse("Gen. Kent Mackenzie, the head of CENTCOM, spoke to reporters.", date="2021-12-11"))
    kb.db.set_trace_callback(None)
    assert statements and all("FROM entities\n" not in s and not s.rstrip().endswith("FROM names") for s in statements)
