"""WARC / WARC.gz archives (warcio, Apache-2.0) to Articles: HTML ``response`` records only.

Limits against archive bombs, each a coded refusal of the archive (one IngestFailure; the other inputs of the batch
go on, and the records read before it are kept):

- a record whose declared length is over ``settings.max_bytes`` is refused without being read, and a record body
  (after any HTTP content decoding) is read at most ``max_bytes + 1`` bytes (E104);
- a header line longer than MAX_LINE bytes ends the archive (E101): warcio grows a line until it sees a newline, at a
  cost that rises with the square of its length, so 10 GiB of zeros without a newline would pin a core for hours;
- decompressed bytes are counted as they come out of gzip: more than MAX_RATIO times the compressed bytes read
  (plus RATIO_SLACK), or more than ``max_total`` in all, ends the archive (E104), so a bomb stops after a few
  megabytes of input, in well under a second;
- reading one record may take at most MAX_RECORD_SECONDS of work (E113), whatever the shape of the input.
"""

from __future__ import annotations

import gzip
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from ..config import Settings
from ..errors import E, Entry, PresslintError, quoted
from ..ingest import IngestFailure
from ..ingest.files import article_from_bytes

WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_TOTAL = 2 * 1024**3  # decompressed bytes per archive
MAX_LINE = 64 * 1024  # bytes in one WARC or HTTP header line (real ones are well under 16 KiB)
MAX_RATIO = 100  # decompressed bytes per compressed byte (HTML and WARC headers gzip 4-10x; zeros 1000x)
RATIO_SLACK = 16 * 1024**2  # decompressed bytes allowed before the ratio applies (small files, a first big member)
MAX_RECORD_SECONDS = 30.0  # seconds of reading one record may take
HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Refused(Exception):
    """The archive is refused; ``error`` says why."""

    def __init__(self, error: PresslintError) -> None:
        super().__init__(error.message)
        self.error = error


class _Capped(io.RawIOBase):
    """The decompressed stream, counted: refuses more than ``limit`` bytes in all, more than MAX_RATIO per
    compressed byte read from ``raw``, and a record that takes more than MAX_RECORD_SECONDS to read."""

    def __init__(self, inner, raw, limit: int, origin: str) -> None:
        self.inner, self.raw, self.limit, self.origin, self.seen = inner, raw, limit, origin, 0
        self.compressed = inner is not raw
        self.record_started = time.monotonic()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.inner.read(len(buffer))
        self.seen += len(data)
        if self.seen > self.limit:
            self._refuse(E.E104, size=f"more than {self.limit} (decompressed)", limit=self.limit)
        if self.compressed and self.seen > RATIO_SLACK + MAX_RATIO * self.raw.tell():
            size = f"{self.seen} (decompressed from {self.raw.tell()}, more than {MAX_RATIO} to 1)"
            self._refuse(E.E104, size=size, limit=RATIO_SLACK + MAX_RATIO * self.raw.tell())
        if time.monotonic() - self.record_started > MAX_RECORD_SECONDS:
            self._refuse(E.E113, seconds=f"{MAX_RECORD_SECONDS:g}", reason="one record took too long to read")
        buffer[: len(data)] = data
        return len(data)

    def _refuse(self, entry: Entry, **values: object) -> NoReturn:
        raise _Refused(PresslintError(entry, path=self.origin, **values))


def _bounded_iterator(stream, origin: str):
    """warcio's ArchiveIterator whose reader returns at most MAX_LINE bytes per line and refuses a longer one."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    class BoundedLines(DecompressingBufferedReader):
        # warcio's own readline joins ``line += more`` until a newline: quadratic in the line's length.
        def readline(self, length=None):
            if length == 0:
                return b""
            cap = MAX_LINE if length is None or length < 0 else min(length, MAX_LINE)
            parts, size = [], 0
            while size < cap:
                self._fillbuff()
                if self.empty():
                    break
                part = self.buff.readline(cap - size)
                parts.append(part)
                size += len(part)
                if part.endswith(b"\n"):
                    break
            line = b"".join(parts)
            if cap == MAX_LINE and size >= MAX_LINE and not line.endswith(b"\n"):
                reason = f"a header line longer than {MAX_LINE} bytes (it starts {quoted(line[:60])})"
                raise _Refused(PresslintError(E.E101, path=origin, reason=reason))
            return line

    iterator = ArchiveIterator(stream, no_record_parse=False, arc2warc=True)
    iterator.reader = BoundedLines(iterator.fh, block_size=iterator.reader.block_size)  # nothing read yet
    return iterator


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path, *, settings: Settings, max_total: int = MAX_TOTAL) -> Iterator:
    """One Article (or IngestFailure) per HTML response record of the archive at ``path``."""
    origin = str(path)
    limit = settings.max_bytes
    try:
        raw = path.open("rb")
    except OSError as err:
        yield IngestFailure.of(origin, PresslintError(E.E101, path=origin, reason=err.strerror or err))
        return
    with raw:
        head = raw.read(2)
        raw.seek(0)
        inner = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw  # multi-member: one member per record
        counted = _Capped(inner, raw, max_total, origin)
        stream = io.BufferedReader(counted, buffer_size=64 * 1024)
        number = 0
        try:
            for record in _bounded_iterator(stream, origin):
                number += 1
                item = _record_item(record, origin, number, limit)
                if item is not None:
                    yield item
                counted.record_started = time.monotonic()  # the consumer's time between records is not ours
        except _Refused as refused:
            yield IngestFailure.of(origin, refused.error)
        except Exception as err:  # a damaged archive: report it, keep what was read
            yield IngestFailure.of(
                origin, PresslintError(E.E101, path=origin, reason=f"bad WARC ({type(err).__name__}: {err})")
            )


def _record_item(record, origin: str, number: int, limit: int):
    """The Article or IngestFailure of one record, None for records that are not HTML responses."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}#{number}"
    media = (record.http_headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    if media not in HTML_TYPES:
        return None
    declared = record.rec_headers.get_header("Content-Length") or "0"
    if not declared.isdigit() or int(declared) > limit:
        return IngestFailure.of(uri, PresslintError(E.E104, path=uri, size=declared, limit=limit))
    status = (record.http_headers.get_statuscode() or "200").strip()
    if not status.startswith("2"):
        return None
    body = record.content_stream().read(limit + 1)  # content_stream undoes chunked/gzip encoding
    if len(body) > limit:
        return IngestFailure.of(uri, PresslintError(E.E104, path=uri, size=f"more than {limit}", limit=limit))
    try:
        article = article_from_bytes(body, origin=uri, html=True)
    except PresslintError as err:
        return IngestFailure.of(uri, err)
    article.url = article.url or uri
    return article
