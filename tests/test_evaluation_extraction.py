"""The body-extraction scorer on tiny pages written for the test, in the benchmark's layout (ground-truth.json +
html/<id>.html.gz). The aggregate is checked by hand with stand-in extractors; one page runs through the real ingest."""

import gzip
import json

import pytest

from presslint.evaluation import extraction

BODY_1 = (
    "The city council voted on Tuesday to expand the bus network to three new districts.\n\n"
    "The plan adds twelve routes and will cost about 40 million dollars over five years, officials said."
)
BODY_2 = "Heavy rain closed two mountain roads overnight and the regional weather office issued a flood warning."
BODY_3 = "A local bakery won the national bread prize for its sourdough loaf made with rye from nearby farms."


def _page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright Example Media. All rights reserved. Subscribe to our newsletter.</footer>"
        "</body></html>"
    )


@pytest.fixture
def bench(tmp_path):
    pages = {
        "p1": ("Council expands bus network", BODY_1),
        "p2": ("Roads closed by rain", BODY_2),
        "p3": ("Bakery wins bread prize", BODY_3),
    }
    (tmp_path / "html").mkdir()
    truth = {}
    for pid, (title, body) in pages.items():
        (tmp_path / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(_page(title, body).encode("utf-8")))
        truth[pid] = {"articleBody": body, "url": f"https://news.example.org/{pid}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def test_evaluation_extraction_reads_benchmark_layout(bench):
    pages = extraction.read(bench)
    assert [p["id"] for p in pages] == ["p1", "p2", "p3"]
    assert "<article>" in pages[0]["html"] and pages[1]["expected"] == BODY_2


def test_evaluation_extraction_aggregate_by_hand(bench, monkeypatch):
    ours = {"p1": BODY_1, "p2": BODY_2 + " Read more: sign up now", "p3": ""}
    monkeypatch.setattr(extraction, "presslint_body", lambda html, url=None: ours[url.rsplit("/", 1)[1]])
    monkeypatch.setattr(extraction, "trafilatura_body", lambda html, url=None: "")
    result = extraction.evaluate(bench)
    # p1 exact: P 1 R 1. p2: body has 16 words -> 13 shingles, all found; 5 extra words add 5 shingles -> P 13/18, R 1.
    # p3 nothing: no precision, R 0.  P = (1 + 13/18) / 2 = 31/36, R = 2/3, F1 = 2PR / (P + R)
    p, r = 31 / 36, 2 / 3
    assert result["presslint"]["p"] == pytest.approx(p)
    assert result["presslint"]["r"] == pytest.approx(r)
    assert result["presslint"]["f"] == pytest.approx(2 * p * r / (p + r))
    assert result["baseline"] == {"p": 0.0, "r": 0.0, "f": 0.0}
    assert len(result["items"]) == 3


def test_evaluation_extraction_presslint_body_leaves_out_title_and_boilerplate(bench):
    page = extraction.read(bench)[0]
    body = extraction.presslint_body(page["html"], page["url"])
    assert not body.startswith("Council expands bus network")
    assert "Subscribe" not in body and "Sport" not in body
    assert extraction.extraction_scores([extraction.shingle_counts(body, page["expected"])])[2] == pytest.approx(1.0)


def test_evaluation_extraction_rejected_page_counts_as_empty():
    assert extraction.presslint_body("<html><body><nav>Home</nav></body></html>") == ""


def test_evaluation_extraction_summary_names_folder_baseline_and_ends_with_result(bench):
    result = extraction.evaluate(bench)
    lines = extraction.summary(result)
    assert str(bench.resolve()) in lines[0] and "(3 pages)" in lines[0]
    assert lines[-1] == f"RESULT task=extraction f1={result['presslint']['f']:.3f}"
    assert "baseline trafilatura" in lines[-2] and "anchor trafilatura" in lines[-2]
    assert any(line.startswith("extraction baseline trafilatura.extract") for line in lines[:-1])
    # both extractors ran on the same pages in this run
    assert result["baseline"]["f"] > 0.8 and result["presslint"]["f"] > 0.8
