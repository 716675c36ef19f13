"""WARC / WARC.gz archives (warcio, Apache-2.0) to Articles: HTML ``response`` records only.

Limits against archive bombs: a record whose declared length is over ``settings.max_bytes`` is refused without
being read, a record body (after any HTTP content decoding) is read at most ``max_bytes + 1`` bytes, and the whole
archive is decompressed through a counter that stops the file once ``max_total`` bytes have come out, whatever the
records declare. A refusal is one IngestFailure; the other inputs of the batch go on.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import E, PresslintError
from ..ingest import IngestFailure
from ..ingest.files import article_from_bytes

WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_TOTAL = 2 * 1024**3  # decompressed bytes per archive
HTML_TYPES = ("text/html", "application/xhtml+xml")


class _TooLarge(Exception):
    pass


class _Capped(io.RawIOBase):
    """A read-only stream that raises once more than ``limit`` bytes have been read from ``inner``."""

    def __init__(self, inner, limit: int) -> None:
        self.inner, self.limit, self.seen = inner, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.inner.read(len(buffer))
        self.seen += len(data)
        if self.seen > self.limit:
            raise _TooLarge()
        buffer[: len(data)] = data
        return len(data)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path, *, settings: Settings, max_total: int = MAX_TOTAL) -> Iterator:
    """One Article (or IngestFailure) per HTML response record of the archive at ``path``."""
    from warcio.archiveiterator import ArchiveIterator

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
        stream = io.BufferedReader(_Capped(inner, max_total), buffer_size=64 * 1024)
        number = 0
        try:
            for record in ArchiveIterator(stream, no_record_parse=False, arc2warc=True):
                number += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}#{number}"
                media = (record.http_headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
                if media not in HTML_TYPES:
                    continue
                declared = record.rec_headers.get_header("Content-Length") or "0"
                if not declared.isdigit() or int(declared) > limit:
                    yield IngestFailure.of(uri, PresslintError(E.E104, path=uri, size=declared, limit=limit))
                    continue
                status = (record.http_headers.get_statuscode() or "200").strip()
                if not status.startswith("2"):
                    continue
                body = record.content_stream().read(limit + 1)  # content_stream undoes chunked/gzip encoding
                if len(body) > limit:
                    yield IngestFailure.of(
                        uri, PresslintError(E.E104, path=uri, size=f"more than {limit}", limit=limit)
                    )
                    continue
                try:
                    article = article_from_bytes(body, origin=uri, html=True)
                except PresslintError as err:
                    yield IngestFailure.of(uri, err)
                    continue
                article.url = article.url or uri
                yield article
        except _TooLarge:
            yield IngestFailure.of(
                origin,
                PresslintError(E.E104, path=origin, size=f"more than {max_total} (decompressed)", limit=max_total),
            )
        except Exception as err:  # a damaged archive: report it, keep what was read
            yield IngestFailure.of(
                origin, PresslintError(E.E101, path=origin, reason=f"bad WARC ({type(err).__name__}: {err})")
            )
