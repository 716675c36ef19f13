"""Corpus readers on files built in the tests: RSS/Atom, OPML over a local server, URL lists, WARC (and bombs),
and ingest error records. No network beyond a local http.server."""

from __future__ import annotations

import http.server
import io
import threading
import time
from pathlib import Path

import pytest

from presslint.config import Settings
from presslint.corpus import warc
from presslint.corpus.batch import ingest
from presslint.corpus.sources import iter_corpus_inputs, url_list
from presslint.ingest import IngestFailure
from presslint.model import Article
from presslint.store import Store
from presslint.store import corpus as db

BODY = (
    "The county council voted on Tuesday to close two branch libraries in the spring and to move their books to "
    "a new central library, a decision that drew protests from residents of both villages. Council leader Anna "
    "Hart said the savings of 1.2 million pounds a year would protect services for older people. Campaigners said "
    "they would ask for a judicial review and collected more than 4,000 signatures in a week. The central "
    "library is due to open in March with longer opening hours, a cafe and rooms for community groups. "
)
PAGE = f"""<!DOCTYPE html><html><head><title>Libraries to close</title></head><body><article>
<h1>Council votes to close two village libraries</h1><p>{BODY}</p><p>{BODY.replace("Tuesday", "Monday")}</p>
</article></body></html>"""


def rss(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[{d}]]></description></item>"
        for t, link, d in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Shire Herald</title>{items}</channel></rss>'


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title>Council votes to close two village libraries</title><link href="{link}"/>
<updated>2024-03-06T08:00:00Z</updated><summary>Short teaser.</summary></entry></feed>"""


@pytest.fixture
def server(tmp_path):
    """A local HTTP server over tmp_path/site; yields its base URL."""
    site = tmp_path / "site"
    site.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(site), **k)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = Settings(allow_private=True, store=False)


def test_corpus_readers_rss_entries_with_full_text(tmp_path):
    path = tmp_path / "herald.rss"
    path.write_text(rss([("Libraries to close", "https://herald.example/a", f"<p>{BODY}</p><p>{BODY}</p>")]))
    items = list(iter_corpus_inputs([str(path)], settings=LOCAL))
    assert len(items) == 1 and isinstance(items[0], Article)
    article = items[0]
    assert article.title == "Libraries to close" and article.outlet == "Shire Herald"
    assert article.date == "2024-03-05" and article.url == "https://herald.example/a"
    assert "judicial review" in article.text


ZH_PARAGRAPHS = [
    "县议会周二投票决定在春季关闭两座乡村图书馆，并将藏书迁往新建的中央图书馆，这一决定引发了两个村庄居民的抗议。",
    "议会领导人表示，每年节省的一百二十万英镑将用于保护老年人服务。反对者说，他们将申请司法审查，并在一周内收集了四千多个签名。",
    "中央图书馆预计三月开放，开放时间更长，并设有咖啡馆和社区活动室。",
    "一些家长担心孩子们今后需要乘坐公共汽车才能借书，而议会表示将增加流动图书车的班次，每周两次前往每个村庄。",
]


def test_corpus_readers_full_text_entry_in_chinese_is_not_taken_for_a_teaser():
    from presslint.corpus.feeds import feed_articles

    def no_fetch(url):
        raise AssertionError(f"a full-text entry must not be fetched: {url}")

    content = "".join(f"<p>{p}</p>" for p in ZH_PARAGRAPHS)
    data = rss([("图书馆将关闭", "https://herald.example/zh", content)]).encode()
    (article,) = feed_articles(data, origin="zh.rss", settings=LOCAL, fetch=no_fetch)
    assert isinstance(article, Article) and article.text.endswith(ZH_PARAGRAPHS[-1])


def test_corpus_readers_atom_teaser_is_followed_through_the_guard(server, tmp_path):
    site, base = server
    (site / "story.html").write_text(PAGE)
    path = tmp_path / "valley.atom"
    path.write_text(ATOM.format(link=f"{base}/story.html"))
    (article,) = iter_corpus_inputs([str(path)], settings=LOCAL)
    assert isinstance(article, Article) and "judicial review" in article.text
    assert article.date == "2024-03-06" and article.outlet
    (refused,) = iter_corpus_inputs([str(path)], settings=Settings(store=False))  # no allow_private
    assert isinstance(refused, IngestFailure) and refused.code == "E201"


def test_corpus_readers_opml_fetches_each_feed(server, tmp_path):
    site, base = server
    (site / "story.html").write_text(PAGE)
    (site / "herald.xml").write_text(rss([("Libraries to close", f"{base}/story.html", "Teaser only.")]))
    (site / "broken.xml").write_text("this is not a feed")
    opml = tmp_path / "subs.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
        <outline text="news"><outline type="rss" text="Herald" xmlUrl="{base}/herald.xml"/>
        <outline type="rss" text="Broken" xmlUrl="{base}/broken.xml"/>
        <outline type="rss" text="Missing" xmlUrl="{base}/missing.xml"/></outline></body></opml>""")
    items = list(iter_corpus_inputs([str(opml)], settings=LOCAL))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert len(articles) == 1 and articles[0].outlet == "Shire Herald"
    assert sorted(f.code for f in failures) == ["E101", "E205"]


def test_corpus_readers_url_list(server, tmp_path):
    site, base = server
    (site / "story.html").write_text(PAGE)
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today\n{base}/story.html\n\n{base}/gone.html\n")
    assert url_list(listing) == [f"{base}/story.html", f"{base}/gone.html"]
    kinds = [type(i).__name__ for i in iter_corpus_inputs([str(listing)], settings=LOCAL)]
    assert kinds == ["Article", "IngestFailure"]
    prose = tmp_path / "article.txt"
    prose.write_text("Headline here\n\nSee https://example.org for more.\n")
    assert url_list(prose) is None


def _warc(path: Path, records: list[tuple[str, str, bytes]], *, gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for uri, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )


@pytest.mark.parametrize("gz", [True, False])
def test_corpus_readers_warc_keeps_html_responses_only(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(
        path,
        [
            ("https://news.example/libraries", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG" + b"\0" * 100),
            ("https://news.example/data.json", "application/json", b"{}"),
        ],
        gz=gz,
    )
    items = list(warc.iter_warc(path, settings=LOCAL))
    assert [type(i).__name__ for i in items] == ["Article"]
    assert items[0].url == "https://news.example/libraries" and "judicial review" in items[0].text


def test_corpus_readers_warc_record_declaring_huge_length_is_refused(tmp_path):
    path = tmp_path / "bomb.warc"
    good = tmp_path / "good.warc"
    _warc(good, [("https://news.example/libraries", "text/html", PAGE.encode())], gz=False)
    http_part = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>tiny</p></body></html>"
    header = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"WARC-Target-URI: https://news.example/huge\r\nWARC-Date: 2024-03-05T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 99999999999\r\n\r\n"
    )
    path.write_bytes(header + http_part)
    items = list(warc.iter_warc(path, settings=Settings(max_bytes=100_000)))
    assert items and all(isinstance(i, IngestFailure) for i in items)
    assert items[0].code == "E104"


def test_corpus_readers_warc_decompression_bomb_stops_at_total_limit(tmp_path):
    path = tmp_path / "zip-bomb.warc.gz"
    payload = b"<html><body><p>" + b"A" * 30_000_000 + b"</p></body></html>"  # ~30 MB that gzips to ~30 KB
    _warc(path, [("https://news.example/bomb", "text/html", payload)])
    assert path.stat().st_size < 200_000
    # The record is refused by its declared length; skipping it then runs into the archive's total limit.
    items = list(warc.iter_warc(path, settings=Settings(max_bytes=1_000_000), max_total=5_000_000))
    assert [(type(i).__name__, i.code) for i in items] == [("IngestFailure", "E104")] * 2
    assert "decompressed" in items[-1].message
    # With a per-record limit above the payload, the total limit alone stops it.
    (only,) = warc.iter_warc(path, settings=Settings(max_bytes=50_000_000), max_total=5_000_000)
    assert only.code == "E104" and "decompressed" in only.message


def gzip_of_zeros(mib: int, *, head: bytes = b"") -> bytes:
    """One gzip member holding ``head`` then ``mib`` MiB of zeros, built without compressing them all: after a full
    flush, each MiB of zeros deflates to the same bytes, so they are repeated. The trailer's CRC is left wrong: a
    reader must give up long before it gets there (the shape of a 46 MB .warc.gz that inflates to 10 GiB)."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(b"\0" * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(b"\0" * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    return start + block * mib + packer.flush() + b"\0" * 8


WARC_HEAD = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000002>\r\n"
    b"WARC-Date: 2024-03-05T00:00:00Z\r\nWARC-Target-URI: https://news.example/bomb"
)


@pytest.mark.parametrize("head", [b"", WARC_HEAD])
def test_corpus_readers_warc_bomb_without_newline_is_refused_in_seconds(tmp_path, head):
    good = tmp_path / "good.warc.gz"
    _warc(good, [("https://news.example/libraries", "text/html", PAGE.encode())])
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(good.read_bytes() + gzip_of_zeros(1024, head=head))  # 1 GiB of zeros in about 1 MB
    assert path.stat().st_size < 2_000_000
    start = time.perf_counter()
    items = list(warc.iter_warc(path, settings=LOCAL))
    assert time.perf_counter() - start < 3
    assert [type(i).__name__ for i in items] == ["Article", "IngestFailure"]  # the record before it is kept
    refused = items[-1]
    assert refused.code == "E101" and f"longer than {warc.MAX_LINE} bytes" in refused.message
    assert len(refused.message) < 400


def test_corpus_readers_warc_inflating_far_beyond_its_size_is_refused(tmp_path):
    # A record with proper lines whose payload declares 1 GiB of zeros: skipped by its declared length, then the
    # reader must still get past it, and the decompression ratio stops the archive early.
    header = (
        WARC_HEAD + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 1073741824\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    )
    path = tmp_path / "ratio.warc.gz"
    path.write_bytes(gzip_of_zeros(1024, head=header))
    start = time.perf_counter()
    items = list(warc.iter_warc(path, settings=LOCAL))
    assert time.perf_counter() - start < 3
    assert [i.code for i in items] == ["E104", "E104"]  # the record by its declared length, then the archive
    assert f"more than {warc.MAX_RATIO} to 1" in items[-1].message


def test_corpus_readers_warc_record_taking_too_long_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://news.example/libraries", "text/html", PAGE.encode())])
    monkeypatch.setattr(warc, "MAX_RECORD_SECONDS", -1.0)
    (refused,) = warc.iter_warc(path, settings=LOCAL)
    assert refused.code == "E113" and "took too long" in refused.message


def test_corpus_readers_junk_warc_error_quotes_a_short_prefix(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "junk.warc").write_bytes(b"JUNK " + b"x" * 20_000_000)
    (refused,) = warc.iter_warc(folder / "junk.warc", settings=LOCAL)
    assert refused.code == "E101" and len(refused.message) < 400
    with Store(tmp_path / "c.db") as store:
        ingest([str(folder)], store=store, settings=LOCAL, nlp=nlp, progress=False)
        (stored,) = db.errors(store)
        assert stored.code == "E101" and len(stored.message) < 400


def test_corpus_readers_bad_items_become_error_records(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "batch.jsonl").write_text(
        '{"title": "Libraries to close", "text": ' + __import__("json").dumps(BODY) + ', "outlet": "Shire Herald", '
        '"date": "2024-03-05"}\n{not json\n{"title": "Empty", "text": ""}\n'
    )
    (folder / "empty.txt").write_text("")
    with Store(tmp_path / "c.db") as store:
        summary = ingest(
            [str(folder), str(tmp_path / "missing.rss")], store=store, settings=LOCAL, nlp=nlp, progress=False
        )
        errors = db.errors(store)
        assert summary.stored == 1 and summary.failed == 4 == len(errors)
        assert sorted(e.code for e in errors) == ["E102", "E107", "E107", "E108"]
        assert db.counts(store)["stories"] == 1
