"""The dump importer: the real dump format in .json/.gz/.bz2, profiles, the fill pass for positions, resume after a
stop, no-op re-runs, parallel parsing, bad lines, and the `presslint kb` commands on the fixture dump."""

from __future__ import annotations

import bz2
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint import cli
from presslint.errors import PresslintError
from presslint.knowledge.dump import import_dump, missing_references, open_dump
from presslint.knowledge.profile import get_profile
from presslint.knowledge.store import KnowledgeBase

DUMPS = Path(__file__).resolve().parent / "fixtures" / "wikidata"
SAMPLE = DUMPS / "sample.json"


def _import(path, profile="all", **kw) -> KnowledgeBase:
    kb = KnowledgeBase(":memory:")
    import_dump(path, kb, profile=get_profile(profile), **kw)
    return kb


def test_knowledge_dump_fixtures_are_in_sync():
    plain = SAMPLE.read_bytes()
    lines = plain.decode().splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert all(line.endswith(",") for line in lines[1:-2]) and not lines[-2].endswith(",")
    for name in ("sample.json.gz", "sample.json.bz2"):
        stream, raw = open_dump(DUMPS / name)
        with raw, stream:
            assert stream.read() == plain, f"{name} is stale: run make_fixtures.py"


@pytest.mark.parametrize("name", ["sample.json", "sample.json.gz", "sample.json.bz2"])
def test_knowledge_dump_reads_every_format(name):
    kb = _import(DUMPS / name)
    assert kb.stats()["entities"] == 66  # 67 items, the scholarly article excluded; the property skipped
    mckenzie = kb.entity("Q900000101")
    assert mckenzie.label == "Kenneth F. McKenzie Jr."
    (p39,) = [s for s in mckenzie.statements if s.pid == "P39"]
    assert p39.value == "Q900000201" and p39.qualifiers["P580"][0]["time"] == "+2019-03-28T00:00:00Z"


@pytest.mark.parametrize(
    ("mention", "qid"),
    [
        ("Kenneth Mackenzie", "Q900000101"),
        ("CENTCOM", "Q900000301"),
        ("ISAF", "Q900000310"),
        ("Operation Inherent Resolve", "Q900000320"),
        ("Mustafa al-Kazimi", "Q900000110"),
        ("Qassem Suleimani", "Q900000120"),
        ("Bayern Munich", "Q900000370"),
        ("Warsaw Pact", "Q900000380"),
        ("Angela Merkel", "Q567"),
    ],
)
def test_knowledge_dump_fixture_names_are_found(mention, qid):
    kb = _import(SAMPLE)
    assert qid in [c.qid for c in kb.candidates(mention)]


def test_knowledge_dump_news_profile_filters_and_fills_positions():
    kb = KnowledgeBase(":memory:")
    result = import_dump(SAMPLE, kb, profile=get_profile("news"))
    assert result.status == "done"
    assert not kb.has("Q900000500")  # scholarly article
    assert not kb.has("Q900000501")  # no class, no sitelinks
    assert not kb.has("Q900000401")  # made-up event class: only --profile all or --types keeps it
    assert kb.has("Q900000220")  # the Quds Force command: no position class, added by the fill pass
    assert result.state.filled == 1 and missing_references(kb) == []
    assert [q for q, _ in kb.holders("Q900000210")] == ["Q900000110", "Q900000111", "Q900000112"]


def test_knowledge_dump_types_and_min_sitelinks_overrides():
    profile = get_profile("news").with_overrides(types=("Q900000903",))
    kb = KnowledgeBase(":memory:")
    import_dump(SAMPLE, kb, profile=profile, fill=False)
    assert kb.has("Q900000401") and not kb.has("Q900000220")
    strict = get_profile("people").with_overrides(min_sitelinks=19)
    kb = KnowledgeBase(":memory:")
    import_dump(SAMPLE, kb, profile=strict, fill=False)
    assert kb.has("Q42") and not kb.has("Q900000101")  # 20 sitelinks kept, 8 dropped


def test_knowledge_dump_resume_after_limit_and_rerun_is_noop(tmp_path):
    path = tmp_path / "kb.sqlite"
    kb = KnowledgeBase(path)
    first = import_dump(DUMPS / "sample.json.bz2", kb, profile=get_profile("all"), limit=20, checkpoint=5)
    assert first.status == "limit" and first.state.seen == 20
    kb.close()
    kb = KnowledgeBase(path)  # a new process after the stop
    with pytest.raises(PresslintError, match="E606"):
        import_dump(DUMPS / "sample.json.bz2", kb, profile=get_profile("all"))
    second = import_dump(DUMPS / "sample.json.bz2", kb, profile=get_profile("all"), resume=True)
    assert second.status == "done" and second.seen_this_run == 48 and second.state.seen == 68
    assert kb.stats()["entities"] == 66
    again = import_dump(DUMPS / "sample.json.bz2", kb, profile=get_profile("all"))
    assert again.status == "already" and again.seen_this_run == 0


def test_knowledge_dump_parallel_equals_serial():
    serial, parallel = _import(SAMPLE), _import(SAMPLE, workers=2)
    assert serial.stats() == parallel.stats()
    assert serial.entity("Q900000400") == parallel.entity("Q900000400")


def _dump(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "bad.json.bz2"
    path.write_bytes(bz2.compress(("[\n" + ",\n".join(lines) + "\n]\n").encode()))
    return path


def test_knowledge_dump_skips_a_truncated_line_and_fails_on_many(tmp_path):
    good = json.dumps(
        {
            "type": "item",
            "id": "Q900000999",
            "labels": {"en": {"language": "en", "value": "Good"}},
            "claims": {},
            "sitelinks": {},
        }
    )
    kb = _import(_dump(tmp_path, [good, '{"type":"item","id":"Q9000009']))
    assert kb.has("Q900000999")
    with pytest.raises(PresslintError, match="E602"):
        _import(_dump(tmp_path, [good] + ["{broken"] * 12))


def test_knowledge_dump_missing_file_is_coded_error(tmp_path):
    with pytest.raises(PresslintError, match="E601"):
        _import(tmp_path / "nope.json.bz2")


def test_knowledge_dump_cli_import_stats_lookup(tmp_path):
    runner = CliRunner()
    kb = str(tmp_path / "kb.sqlite")
    result = runner.invoke(cli.main, ["kb", "import", str(DUMPS / "sample.json.gz"), "--kb", kb, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "entities/s" in result.output and "full dump" in result.output
    again = runner.invoke(cli.main, ["kb", "import", str(DUMPS / "sample.json.gz"), "--kb", kb])
    assert again.exit_code == 0 and "nothing to do" in again.output
    stats = runner.invoke(cli.main, ["kb", "stats", "--kb", kb])
    assert stats.exit_code == 0 and "entities    60" in stats.output and "size" in stats.output
    lookup = runner.invoke(cli.main, ["kb", "lookup", "Kenneth Mackenzie", "--kb", kb])
    assert lookup.exit_code == 0 and lookup.output.startswith("Q900000101   Kenneth F. McKenzie Jr.")
    acronym = runner.invoke(cli.main, ["kb", "lookup", "CENTCOM", "--kb", kb])
    assert "matched short 'CENTCOM'" in acronym.output
    missing = runner.invoke(cli.main, ["kb", "stats", "--kb", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 2 and "E605" in missing.output


@pytest.mark.parametrize("profile", ["news", "people", "orgs", "places", "events", "all"])
def test_knowledge_dump_prefilter_never_drops_a_kept_entity(profile):
    from presslint.knowledge import dump
    from presslint.knowledge.profile import item_types

    dump._init_worker(get_profile(profile), frozenset())
    hashed = 0
    for line in SAMPLE.read_bytes().splitlines()[2:-1]:  # items only
        text = line.rstrip(b",")
        data = json.loads(text)
        kept = get_profile(profile).keeps(item_types(data), len(data["sitelinks"]))
        assert dump._maybe_kept(text) or not kept, data["id"]
        # the dumps also carry a snak hash: the regex reads that form too
        with_hash = text.replace(
            b'"property":"P31",', b'"property":"P31","hash":"ad7d38a03cdd40cdc373de0dc4e7b7fcbccb31d9",'
        )
        hashed += with_hash != text
        assert dump._maybe_kept(with_hash) == dump._maybe_kept(text)
    assert hashed > 40
