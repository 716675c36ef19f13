"""eval/findings_rate.py --texts: a fixed list of PolNeAR dev texts and PTC articles, read as each corpus lays them
out and checked by the product's checker. The texts are written for the test, in the two corpora's file layouts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "eval" / "findings_rate.py"

POLNEAR = {
    "metro_2016-09-01_council-votes-on-bridge.txt": (
        "Council votes to repair Harlow Street bridge.\n\n"
        "The city council voted 7-2 on Tuesday to repair the Harlow Street bridge, officials said.\n"
        "Work will start in May and cost about $4 million, according to the public works department.\n"
    ),
    "metro_2016-09-02_school-board-names-new-head.txt": (
        "School board names new head; \n\n"
        "The school board named Dana Whitfield as superintendent on Monday.\n"
        "Whitfield said she would visit every school before the winter break.\n"
    ),
    "metro_2016-09-03_not-listed.txt": "A text that is not in the list.\n\nIt must not be read.\n",
}
METADATA = (
    "filename\tpublication_date\tauthor\twire\n"
    "metro_2016-09-01_council-votes-on-bridge\t2016-09-01\tJane Roe\tNone\n"
    "metro_2016-09-02_school-board-names-new-head\t2016-09-02\tNone\tAssociated Press\n"
)
PTC = {
    "900000001": (
        "The Truth They Will Not Tell You About the Dam\n\n"
        "Everyone knows the dam was built by crooks.\n"
        "The so-called experts have lied to every family in the valley.\n"
    ),
    "900000002": "Mayor Opens Library Wing\n\nThe mayor opened the new library wing on Friday.\n",
}


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("findings_rate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data(tmp_path):
    polnear = tmp_path / "polnear"
    (polnear / "dev" / "text").mkdir(parents=True)
    (polnear / "train" / "text").mkdir(parents=True)
    (polnear / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    for name, text in POLNEAR.items():
        (polnear / "dev" / "text" / name).write_text(text, encoding="utf-8")
    (polnear / "train" / "text" / "metro_train.txt").write_text(
        "Library hours extended.\n\nThe library will open on Sundays from next month, its director said.\n",
        encoding="utf-8",
    )
    ptc = tmp_path / "ptc-semeval2020"
    (ptc / "train-articles").mkdir(parents=True)
    for art, text in PTC.items():
        (ptc / "train-articles" / f"article{art}.txt").write_text(text, encoding="utf-8")
    listing = tmp_path / "heldout.json"
    listing.write_text(
        json.dumps(
            {
                "polnear_dev": ["metro_2016-09-02_school-board-names-new-head.txt", *list(POLNEAR)[:1]],
                "ptc_train": list(PTC),
            }
        ),
        encoding="utf-8",
    )
    return polnear, ptc, listing


@pytest.mark.parametrize(
    "index, title, byline, date, body_start",
    [
        # PolNeAR: the first line without the stop PolNeAR adds; the wire service when no author is named.
        (0, "School board names new head", "Associated Press", "2016-09-02", "The school board named"),
        (1, "Council votes to repair Harlow Street bridge", "Jane Roe", "2016-09-01", "The city council voted"),
        # PTC: the first line is the title as it is (no stop to strip); PTC has no byline or date.
        (2, "The Truth They Will Not Tell You About the Dam", None, None, "Everyone knows the dam"),
        (3, "Mayor Opens Library Wing", None, None, "The mayor opened"),
    ],
)
def test_eval_findings_rate_reads_listed_texts(harness, data, index, title, byline, date, body_start):
    polnear, ptc, listing = data
    articles = harness.listed_articles(listing, polnear, ptc)
    assert len(articles) == 4  # the listed ones only, PolNeAR first in the list's order, then PTC
    article = articles[index]
    assert article.title == title
    assert article.byline == byline
    assert (str(article.date) if article.date else None) == date
    body = article.text[article.title_span[1] :].lstrip()
    assert body.startswith(body_start)
    assert harness.corpus_of(article.origin) == ("ptc" if index >= 2 else "polnear")


def test_eval_findings_rate_refuses_a_missing_listed_text(harness, data, tmp_path):
    polnear, ptc, _ = data
    listing = tmp_path / "bad.json"
    listing.write_text(json.dumps({"polnear_dev": [], "ptc_train": ["900000099"]}), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"article900000099\.txt"):
        harness.listed_articles(listing, polnear, ptc)


@pytest.mark.model
def test_eval_findings_rate_runs_the_product_checker(harness, data, tmp_path, capsys):
    polnear, ptc, listing = data
    out = tmp_path / "sample.jsonl"
    harness.main([str(polnear), "--texts", str(listing), "--sample", "3", "--seed", "2026", "--out", str(out)])
    printed = capsys.readouterr().out
    assert "heldout.json: 4 articles" in printed
    assert "polnear: 2 articles" in printed and "ptc: 2 articles" in printed
    sample = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(sample) <= 3
    for record in sample:
        assert record["file"] in {*POLNEAR, *(f"article{a}.txt" for a in PTC)}
        assert record["span"] and record["code"][:3].isalpha()
    # The same as `presslint check` on that article: the PTC article with no byline is told so.
    import presslint

    report = presslint.check(harness.ptc_article(ptc / "train-articles" / "article900000002.txt"))
    assert "HYG001" in {f.code for f in report.findings}


def test_eval_findings_rate_reads_listed_train_texts_after_dev(harness, data, tmp_path):
    polnear, ptc, _ = data
    listing = tmp_path / "round4.json"
    listing.write_text(
        json.dumps({"polnear_train": ["metro_train.txt"], "polnear_dev": [next(iter(POLNEAR))], "ptc_train": []}),
        encoding="utf-8",
    )
    articles = harness.listed_articles(listing, polnear, ptc)
    assert [a.title for a in articles] == ["Council votes to repair Harlow Street bridge", "Library hours extended"]


def test_eval_findings_rate_reads_listed_web_pages(harness, data, tmp_path):
    # A Zyte-style page: gzipped HTML under html/, its URL in ground-truth.json; read through presslint's extraction.
    import gzip

    polnear, ptc, _ = data
    zyte = tmp_path / "zyte"
    (zyte / "html").mkdir(parents=True)
    body = "".join(
        f"<p>The harbour board met on Tuesday and agreed item {i} of the ferry budget after a long debate.</p>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Harbour board agrees ferry budget</title>"
        '<meta name="author" content="Jane Roe"></head><body><nav>Home | News</nav>'
        f"<article><h1>Harbour board agrees ferry budget</h1>{body}</article></body></html>"
    )
    (zyte / "html" / "abc123.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (zyte / "ground-truth.json").write_text(json.dumps({"abc123": {"url": "https://news.example/ferry"}}))
    listing = tmp_path / "pages.json"
    listing.write_text(json.dumps({"zyte": ["abc123"], "ptc_train": []}), encoding="utf-8")
    articles = harness.listed_articles(listing, polnear, ptc, zyte)
    assert len(articles) == 1
    assert articles[0].title == "Harbour board agrees ferry budget"
    assert "item 5 of the ferry budget" in articles[0].text and "Home | News" not in articles[0].text
    assert harness.corpus_of(articles[0].origin) == "zyte"
    with pytest.raises(SystemExit, match="--zyte"):
        harness.listed_articles(listing, polnear, ptc)


@pytest.mark.parametrize(
    "body, kept, dropped",
    [
        (
            "Rail fares rise again\n\nABSTRACT.\n\nFares will rise by 4 percent in March.\n\nFULL TEXT.\n\n"
            "Fares will rise by 4 percent in March, the rail authority said on Monday.\n",
            "Rail fares rise again\n\nFares will rise by 4 percent in March, the rail authority said",
            "ABSTRACT",
        ),
        # no FULL TEXT marker: not the database's layout, nothing is dropped
        (
            "ABSTRACT.\n\nA painter's abstract works go on show.\n",
            "ABSTRACT.\n\nA painter's abstract works go on show.",
            None,
        ),
    ],
)
def test_eval_findings_rate_drops_a_database_abstract(harness, body, kept, dropped):
    out = harness.drop_abstract(body)
    assert out.startswith(kept)
    assert dropped is None or dropped not in out
    assert "FULL TEXT." not in out
