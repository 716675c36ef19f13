"""Files, folders, JSONL and stdin: encodings, size and binary guards, and batches that go on past bad items."""

from __future__ import annotations

import io
import json
import sys
import time

import pytest

from presslint import Settings
from presslint.errors import PresslintError
from presslint.ingest import IngestFailure, iter_inputs, read

STORY = (
    "Hospital waiting lists fall for third month\n\n"
    "The number of patients waiting more than a year for planned operations fell for the third month in a row, "
    "according to figures published on Thursday by the health department. Officials said extra weekend clinics had "
    "helped, but warned that winter pressures could reverse the trend."
)
ACCENTED = (
    "Café owners protest over “unfair” rent rises\n\n"
    "Owners of more than forty cafés in the old town said on Friday that the council’s new lease terms would force "
    "some of them to close — a claim the council’s property director rejected."
)


def write(tmp_path, name, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def code_of(location, **settings):
    with pytest.raises(PresslintError) as err:
        read(location, settings=Settings(**settings))
    return err.value.code


def test_ingest_files_reads_utf8_text(tmp_path):
    article = read(write(tmp_path, "story.txt", STORY))
    assert article.title == "Hospital waiting lists fall for third month"
    assert article.encoding == "utf-8" and article.language == "en" and "notices" not in article.meta
    assert article.origin.endswith("story.txt")


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n\t  \r\n"),
        ("blank.html", b"  \n "),
        ("bom-only.txt", b"\xef\xbb\xbf\n"),
    ],
)
def test_ingest_files_empty_input_is_e102(tmp_path, name, data):
    assert code_of(write(tmp_path, name, data)) == "E102"


@pytest.mark.parametrize(
    "name, data",
    [
        ("nul.txt", b"Some text\x00\x00\x00 with NUL bytes\x00 in it" * 3),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"),
        ("archive.md", b"PK\x03\x04\x14\x00\x06\x00"),
    ],
)
def test_ingest_files_binary_input_is_e103(tmp_path, name, data):
    assert code_of(write(tmp_path, name, data)) == "E103"


def test_ingest_files_huge_file_is_rejected_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: no disk, no reading
    start = time.perf_counter()
    with pytest.raises(PresslintError) as err:
        read(str(path))
    assert err.value.code == "E104" and "50000000 bytes" in err.value.message
    assert time.perf_counter() - start < 0.5


def test_ingest_files_max_bytes_setting_applies(tmp_path):
    assert code_of(write(tmp_path, "story.txt", STORY), max_bytes=100) == "E104"


def test_ingest_files_invalid_utf8_is_replaced_with_notice(tmp_path):
    data = ACCENTED.encode("utf-8").replace(b"forty", b"fo\xffrty\xc3")
    article = read(write(tmp_path, "damaged.txt", data))
    assert "\ufffd" in article.text and "cafés" in article.text
    assert article.meta["notices"][0]["code"] == "W005"
    assert "UTF-8" in article.meta["notices"][0]["message"]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_ingest_files_legacy_and_wide_encodings_decode_cleanly(tmp_path, encoding):
    article = read(write(tmp_path, "story.txt", ACCENTED.encode(encoding)))
    assert article.text.startswith("Café owners protest over “unfair” rent rises")
    assert "council’s property director" in article.text
    assert "notices" not in article.meta


def test_ingest_files_latin1_decodes_as_western(tmp_path):
    text = "Le maire a déclaré à la presse que la rénovation du théâtre coûterait deux millions d'euros."
    article = read(write(tmp_path, "note.txt", text.encode("latin-1")))
    assert article.text == text and article.language == "fr"


def test_ingest_files_missing_path_is_e108(tmp_path):
    assert code_of(str(tmp_path / "nope.txt")) == "E108"


def test_ingest_files_markdown_heading_becomes_title(tmp_path):
    article = read(write(tmp_path, "story.md", "# " + STORY))
    assert article.title == "Hospital waiting lists fall for third month"


def test_ingest_files_html_content_in_txt_file_is_sniffed(tmp_path, fixtures_dir):
    html = (fixtures_dir / "html" / "harbour-strike.html").read_bytes()
    article = read(write(tmp_path, "saved-page.txt", html))
    assert article.byline == "Maria Lopez"


def test_ingest_files_folder_keeps_going_past_a_bad_file(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path, "a.txt", STORY)
    write(tmp_path, "b/empty.txt", b"")
    write(tmp_path, "b/c.md", ACCENTED)
    write(tmp_path, "d.bin.txt", b"\x00\x01\x02binary")
    write(tmp_path, ".hidden.txt", STORY)
    write(tmp_path, ".git/config.txt", STORY)
    write(tmp_path, "notes.docx", STORY)  # not an article suffix
    items = list(iter_inputs([str(tmp_path)]))
    names = [item.origin.rsplit("/", 1)[-1] for item in items]
    assert names == ["a.txt", "c.md", "empty.txt", "d.bin.txt"]
    assert [type(i).__name__ for i in items] == ["Article", "Article", "IngestFailure", "IngestFailure"]
    assert [i.code for i in items if isinstance(i, IngestFailure)] == ["E102", "E103"]


def test_ingest_files_empty_folder_and_missing_path_are_failures(tmp_path):
    (tmp_path / "empty").mkdir()
    locations = [str(tmp_path / "empty"), str(tmp_path / "missing.txt"), write(tmp_path, "ok.txt", STORY)]
    items = list(iter_inputs(locations))
    assert [getattr(i, "code", "ok") for i in items] == ["E109", "E108", "ok"]


def test_ingest_files_jsonl_bad_line_does_not_stop_the_rest(tmp_path, fixtures_dir):
    html = (fixtures_dir / "html" / "harbour-strike.html").read_text()
    lines = [
        json.dumps({"text": STORY, "date": "2024-03-07T10:00:00Z", "author": "Sam Reed", "site": "Daily Ledger"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "Nothing here"}),
        json.dumps({"html": html, "url": "https://ledger.example/port", "outlet": "Daily Ledger"}),
        json.dumps({"text": ACCENTED, "date": "last Tuesday", "title": "Rent row"}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    items = list(iter_inputs([path]))
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "E107", "E107", "E107", "ok", "ok"]
    assert items[1].origin.endswith("batch.jsonl:2") and ":2:" in items[1].message
    first, page, rent = items[0], items[4], items[5]
    assert (first.date, first.byline, first.outlet, first.language) == ("2024-03-07", "Sam Reed", "Daily Ledger", "en")
    assert page.byline == "Maria Lopez" and page.outlet == "Daily Ledger" and page.url == "https://ledger.example/port"
    assert rent.title == "Rent row" and rent.date is None and rent.meta["notices"][0]["code"] == "W006"


def test_ingest_files_read_of_jsonl_with_one_record(tmp_path):
    path = write(tmp_path, "one.jsonl", json.dumps({"text": STORY}) + "\n")
    assert read(path).title.startswith("Hospital")
    two = write(tmp_path, "two.jsonl", (json.dumps({"text": STORY}) + "\n") * 2)
    assert code_of(two) == "E110"
    assert code_of(str(tmp_path)) == "E110"


def test_ingest_files_jsonl_oversized_record(tmp_path):
    path = write(tmp_path, "big.jsonl", json.dumps({"text": STORY * 20}) + "\n" + json.dumps({"text": STORY}) + "\n")
    items = list(iter_inputs([path], settings=Settings(max_bytes=2000)))
    assert [getattr(i, "code", "ok") for i in items] == ["E107", "ok"]


def test_ingest_files_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ACCENTED.encode("cp1252"))))
    article = read("-")
    assert article.origin == "-" and article.title.startswith("Café owners")


def test_ingest_files_stdin_over_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    assert code_of("-", max_bytes=50) == "E104"


def test_ingest_files_sidecar_metadata_fills_date_and_outlet(tmp_path):
    from presslint.ingest import read

    story = tmp_path / "story.txt"
    story.write_text("Bridge reopens after repairs\n\nThe bridge reopened on Monday, the council said.\n")
    (tmp_path / "story.meta.json").write_text('{"date": "2021-03-02", "outlet": "Valley Post", "byline": "A. Writer"}')
    article = read(str(story))
    assert (article.date, article.outlet, article.byline) == ("2021-03-02", "Valley Post", "A. Writer")
    assert article.title == "Bridge reopens after repairs"


def test_ingest_files_bad_sidecar_is_a_coded_error(tmp_path):
    import pytest

    from presslint.errors import PresslintError
    from presslint.ingest import read

    story = tmp_path / "story.txt"
    story.write_text("Title line\n\nBody text here.\n")
    (tmp_path / "story.meta.json").write_text("[1, 2")
    with pytest.raises(PresslintError) as err:
        read(str(story))
    assert err.value.code == "E111"


# -- guessed encodings and NULs are never silent ----------------------------------------------------------------------
PLAIN = (
    "The council said the bridge would reopen in March after repairs costing 2 million pounds. Engineers found "
    "cracks in two of the supports last year, and the crossing has been closed to heavy lorries since then."
)


@pytest.mark.parametrize(
    "damage",
    [
        b"costing \xff\xfe 2 million",  # stray bytes in ASCII text: not UTF-8, not text anyone wrote in cp1252
        b"costing 2 million\x81\x8d",
        b"bridge \xc3 would",  # a lone UTF-8 lead byte
        b"March\xa4 after",
    ],
)
def test_ingest_files_invalid_utf8_in_ascii_text_carries_a_warning(tmp_path, damage):
    original = damage.replace(b"\xff\xfe ", b"").replace(b"\x81\x8d", b"").replace(b" \xc3", b"").replace(b"\xa4", b"")
    data = ("Bridge to reopen in March\n\n" + PLAIN).encode().replace(original, damage)
    assert data != ("Bridge to reopen in March\n\n" + PLAIN).encode()
    article = read(write(tmp_path, "story.txt", data))
    codes = [n["code"] for n in article.meta.get("notices", [])]
    assert codes == ["W007"] and article.encoding in article.meta["notices"][0]["message"]


@pytest.mark.parametrize(
    "text",
    [
        "José García said the café would close: “we have no choice”, he said – on Monday, at 30°C.",
        "The naïve plan cost €2m and £1.5m — both “too much”, the council’s auditor said.",
    ],
)
def test_ingest_files_real_cp1252_text_decodes_without_warning(tmp_path, text):
    article = read(write(tmp_path, "story.txt", ("Council plan\n\n" + text).encode("cp1252")))
    assert article.encoding == "cp1252" and text in article.text and "notices" not in article.meta


def test_ingest_files_nul_bytes_after_the_head_are_removed_with_a_warning(tmp_path):
    filler = (PLAIN + "\n\n") * 40  # about 9 KB, so the NULs sit past the 4 KiB the binary check sniffs
    data = ("Bridge to reopen\n\n" + filler).encode() + b"Officials\x00 said\x00\x00 so."
    article = read(write(tmp_path, "story.txt", data))
    (notice,) = article.meta["notices"]
    assert notice["code"] == "W008" and "3 NUL bytes" in notice["message"]
    first = data.index(b"\x00")
    assert f"byte {first}" in notice["message"]
    assert article.text.endswith("Officials said so.")


def test_ingest_files_many_nul_bytes_after_the_head_are_binary(tmp_path):
    data = ("Bridge to reopen\n\n" + (PLAIN + "\n\n") * 40).encode() + b"\x00" * 5000 + b"tail"
    assert code_of(write(tmp_path, "story.txt", data)) == "E103"


@pytest.fixture
def locked_folder(tmp_path, monkeypatch):
    """A folder with a readable article and a subfolder that cannot be listed (as without read permission: the
    tests may run as root, where chmod does not stop reading, so listing it raises as the kernel would)."""
    import os

    (tmp_path / "news" / "locked").mkdir(parents=True)
    write(tmp_path / "news", "a.txt", STORY)
    write(tmp_path / "news" / "locked", "b.txt", STORY.replace("third", "fourth"))
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return tmp_path / "news"


def test_ingest_files_unreadable_subfolder_is_reported(locked_folder):
    items = list(iter_inputs([str(locked_folder)]))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [type(i).__name__ for i in items].count("Article") == 1
    assert [(f.code, f.origin) for f in failures] == [("E101", str(locked_folder / "locked"))]
    assert "Permission denied" in failures[0].message


def test_ingest_files_unreadable_subfolder_is_reported_by_corpus_readers(locked_folder):
    from presslint.corpus.sources import iter_corpus_inputs

    items = list(iter_corpus_inputs([str(locked_folder)], settings=Settings(store=False)))
    assert sorted(type(i).__name__ for i in items) == ["Article", "IngestFailure"]
    assert next(i for i in items if isinstance(i, IngestFailure)).code == "E101"


def gz(data: bytes | str) -> bytes:
    import gzip

    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data)


@pytest.mark.parametrize("name", ["page.html.gz", "PAGE.HTM.GZ", "page.html", "saved.txt.gz"])
def test_ingest_files_reads_a_page_saved_gzip_compressed(tmp_path, fixtures_dir, name):
    # Saved with `curl --compressed -o page.html.gz`, or compressed bytes kept under page.html by a client.
    html = (fixtures_dir / "html" / "harbour-strike.html").read_bytes()
    article = read(write(tmp_path, name, gz(html)))
    assert article.byline == "Maria Lopez" and "<p>" not in article.text


def test_ingest_files_reads_gzip_compressed_text_as_text(tmp_path):
    article = read(write(tmp_path, "story.txt.gz", gz(STORY)))
    assert article.title == "Hospital waiting lists fall for third month"


def test_ingest_files_gzip_bomb_stops_at_the_size_limit(tmp_path):
    bomb = gz(b"\x00" * 20_000_000)  # about 20 KB on disk, 20 MB inside
    start = time.perf_counter()
    with pytest.raises(PresslintError) as err:
        read(write(tmp_path, "bomb.html.gz", bomb), settings=Settings(max_bytes=100_000))
    assert err.value.code == "E104" and "decompressed" in str(err.value)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("data", [gz(STORY)[:25], b"\x1f\x8b" + b"not really gzip at all"])
def test_ingest_files_broken_gzip_is_e103(tmp_path, data):
    with pytest.raises(PresslintError) as err:
        read(write(tmp_path, "cut.txt.gz", data))
    assert err.value.code == "E103" and "gzip" in str(err.value)


def test_ingest_files_folder_includes_compressed_pages(tmp_path):
    write(tmp_path, "a.txt", STORY)
    write(tmp_path, "b.txt.gz", gz(ACCENTED))
    write(tmp_path, "c.tar.gz", gz(b"not an article"))  # not an article suffix
    names = [item.origin.rsplit("/", 1)[-1] for item in iter_inputs([str(tmp_path)])]
    assert names == ["a.txt", "b.txt.gz"]
