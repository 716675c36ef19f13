"""presslint.scale.batch: Dask results equal the single-process run; failures are rows, never a dead job."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from presslint.scale import batch  # noqa: E402

ARTICLES = (
    "tamega-valley-floods",
    "navy-air-station-closure",
    "okonkwo-porto-transfer",
    "eu-steel-quota-wire",
    "dunmore-measles-outbreak",
)


@pytest.fixture
def folder(tmp_path, fixtures_dir):
    root = tmp_path / "in"
    root.mkdir()
    for name in ARTICLES:
        shutil.copy(fixtures_dir / "articles" / f"{name}.txt", root / f"{name}.txt")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not text \x00\xff")
    return root


def _by_hash(rows):
    return {r["content_hash"]: (r["codes"], json.loads(r["findings"])) for r in rows if r["error_code"] is None}


@pytest.mark.model
def test_scale_batch_dask_equals_single_process(folder, tmp_path, nlp):
    out = tmp_path / "results.parquet"
    summary = batch.run_batch([str(folder)], str(out), workers=2, partition_size=2)
    rows = pq.read_table(out).to_pylist()
    assert summary.articles == len(ARTICLES) + 1 and summary.failed == 1
    assert [r["seq"] for r in rows] == list(range(len(rows)))
    failed = [r for r in rows if r["error_code"]]
    assert len(failed) == 1 and failed[0]["origin"].endswith("broken.txt") and failed[0]["error_code"] == "E103"

    local = list(batch.run_local([str(folder)], partition_size=2))
    assert _by_hash(rows) == _by_hash(local)
    assert len(_by_hash(rows)) == len(ARTICLES)
    one = next(r for r in rows if r["origin"].endswith("tamega-valley-floods.txt"))
    assert one["errors"] + one["warnings"] + one["infos"] == len(json.loads(one["findings"]))
    assert json.loads(one["categories"])


@pytest.mark.model
def test_scale_batch_analysis_crash_marks_only_that_item(folder, monkeypatch, nlp):
    from presslint import checker

    real = checker._analyse_stream

    def flaky(nlp, jobs, *args):
        if any("Okonkwo" in job.article.text for job in jobs):
            raise RuntimeError("analyzer exploded")
        return real(nlp, jobs, *args)

    monkeypatch.setattr(checker, "_analyse_stream", flaky)
    rows = list(batch.run_local([str(folder)], partition_size=3))
    assert len(rows) == len(ARTICLES) + 1
    crashed = [r for r in rows if r["error_code"] == "E502"]
    assert (
        len(crashed) == 1 and "okonkwo" in crashed[0]["origin"] and "analyzer exploded" in crashed[0]["error_message"]
    )
    assert crashed[0]["content_hash"]  # the article was read: its hash is kept for a re-run
    assert sum(r["error_code"] is None for r in rows) == len(ARTICLES) - 1


def test_scale_batch_expand_inputs_globs(tmp_path):
    for name in ("a.txt", "b.txt", "c.html"):
        (tmp_path / name).write_text("x")
    got = batch.expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "c.html"), str(tmp_path / "none-*.txt")])
    assert got == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.html"),
        str(tmp_path / "none-*.txt"),
    ]


@pytest.mark.model
def test_scale_batch_store_keeps_reports_and_versions(tmp_path, fixtures_dir, nlp):
    from presslint.store import Store
    from presslint.store.versions import versions

    src = tmp_path / "items.jsonl"
    text = (fixtures_dir / "articles" / "eu-steel-quota-wire.txt").read_text()
    src.write_text(json.dumps({"text": text, "url": "https://example.org/steel", "outlet": "Wire"}) + "\n")
    rows = list(batch.run_local([str(src)], keep_reports=True))
    with Store(tmp_path / "s.db") as store:
        sink = batch._ParquetSink(str(tmp_path / "o.parquet"), store)
        sink.add(0, rows)
        sink.close()
        assert store.count("reports") == 1
        assert [v.url for v in versions(store, "https://example.org/steel")] == ["https://example.org/steel"]
    assert "report_json" not in pq.read_table(tmp_path / "o.parquet").column_names
