"""Files, folders, JSONL and stdin to Articles. Sizes are checked before reading, so a huge file costs nothing."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Settings
from ..errors import E, PresslintError, W
from ..model import Article, Failure
from .decode import declared_charset, decode
from .html import from_html, looks_like_html
from .text import from_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
# Pages saved compressed (wget/curl with --compressed, crawl dumps, the Zyte benchmark): page.html.gz, story.txt.gz.
GZIP_SUFFIXES = tuple(f"{suffix}.gz" for suffix in TEXT_SUFFIXES + HTML_SUFFIXES)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + GZIP_SUFFIXES
_GZIP_MAGIC = b"\x1f\x8b"
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(slots=True)
class IngestFailure(Failure):
    """One input that could not become an Article (read, fetched or decoded); a batch records it and goes on."""


def article_from_bytes(data: bytes, *, origin: str, html: bool | None = None, markdown: bool = False) -> Article:
    """Decode and parse one document. ``html`` None means: sniff it."""
    is_html = looks_like_html(data) if html is None else html
    decoded = decode(data, origin=origin, declared=declared_charset(data) if is_html else None)
    if not decoded.text.strip():
        raise PresslintError(E.E102, path=origin)
    if is_html:
        article = from_html(decoded.text, origin=origin)
    else:
        text = _MD_HEADING.sub("", decoded.text.lstrip("\ufeff \t\r\n"), count=1) if markdown else decoded.text
        article = from_text(text, origin=origin)
    if not article.text.strip():
        raise PresslintError(E.E102, path=origin)
    article.encoding = decoded.encoding
    if decoded.notices:
        article.meta.setdefault("notices", []).extend(decoded.notices)
    return article


def _read_capped(stream: BinaryIO, origin: str, limit: int, size: int | None = None) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PresslintError(E.E104, path=origin, size=size or f"more than {limit}", limit=limit)
    return data


def _gunzipped(data: bytes, origin: str, limit: int) -> bytes:
    """A gzip-compressed file's content, read no further than ``limit`` decompressed bytes (a small bomb expanding to
    gigabytes costs ``limit``, then E104)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as inner:
            content = inner.read(limit + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise PresslintError(
            E.E103, path=origin, reason=f"it is gzip-compressed data that does not decompress ({err})"
        ) from err
    if len(content) > limit:
        raise PresslintError(E.E104, path=origin, size=f"more than {limit} decompressed", limit=limit)
    return content


def read_path(path: Path, *, settings: Settings) -> Article:
    """One text or HTML file, or one saved gzip-compressed (read as the name without .gz says). E104 comes from the
    file's size alone, before any byte is read."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise PresslintError(E.E104, path=origin, size=size, limit=settings.max_bytes)
        with path.open("rb") as stream:
            data = _read_capped(stream, origin, settings.max_bytes)
    except PresslintError:
        raise
    except OSError as err:
        raise PresslintError(E.E101, path=origin, reason=err.strerror or err) from err
    name = path.with_suffix("") if path.name.lower().endswith(".gz") else path
    if data.startswith(_GZIP_MAGIC):  # also a page.html a client saved still compressed
        data = _gunzipped(data, origin, settings.max_bytes)
    suffix = name.suffix.lower()
    html = True if suffix in HTML_SUFFIXES else (False if suffix == ".md" else None)  # a saved page in .txt is HTML
    article = article_from_bytes(data, origin=origin, html=html, markdown=suffix == ".md")
    return apply_sidecar(article, name)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def apply_sidecar(article: Article, path: Path) -> Article:
    """Metadata from ``<name>.meta.json`` beside a text file (date, byline, outlet, url, title) fills what the text
    itself does not say; a plain-text file has no other place to keep its publication date."""
    meta_file = sidecar_path(path)
    if not meta_file.is_file():
        return article
    try:
        record = json.loads(meta_file.read_text(encoding="utf-8"))
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as err:
        raise PresslintError(E.E111, path=meta_file, reason=err) from err
    fields = _record_fields(record, lambda reason: PresslintError(E.E111, path=meta_file, reason=reason))
    notices = fields.pop("_notices", [])
    fields.pop("title", None)  # the headline comes from the text, so offsets stay valid
    for key, value in fields.items():
        if getattr(article, key, None) in (None, ""):
            setattr(article, key, value)
    if notices:
        article.meta.setdefault("notices", []).extend(notices)
    return article


def read_stdin(*, settings: Settings) -> Article:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = _read_capped(stream, "-", settings.max_bytes)
    else:  # a text stream put in place of stdin (tests, embedding)
        data = sys.stdin.read(settings.max_bytes + 1).encode("utf-8")
        if len(data) > settings.max_bytes:
            raise PresslintError(E.E104, path="-", size=f"more than {settings.max_bytes}", limit=settings.max_bytes)
    return article_from_bytes(data, origin="-")


def walk(folder: Path, *, accept=None, failures: list[IngestFailure] | None = None) -> list[Path]:
    """Readable files under ``folder``, recursively, sorted, skipping hidden files and folders.

    ``accept(path)`` picks the files (default: the article suffixes). A folder that cannot be listed (no permission,
    gone mid-walk) is never skipped silently: it becomes an E101 IngestFailure in ``failures``.
    """
    accept = accept or (lambda path: path.name.lower().endswith(SUFFIXES))
    found: list[Path] = []

    def unreadable(err: OSError) -> None:
        if failures is not None:
            where = str(err.filename or folder)
            reason = f"cannot list this folder ({err.strerror or err})"
            failures.append(IngestFailure.of(where, PresslintError(E.E101, path=where, reason=reason)))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and accept(Path(root, name)):
                found.append(Path(root, name))
    return sorted(found)


# JSONL ---------------------------------------------------------------------------------------------------------

_ALIASES = {"author": "byline", "site": "outlet", "sitename": "outlet", "lang": "language"}


def iter_jsonl(path: Path, *, settings: Settings) -> Iterator[Article | IngestFailure]:
    """One Article per JSON object line; a bad line becomes an E107 failure and the rest go on.

    The file may be any size (corpora are big); each record is held to ``settings.max_bytes``.
    """
    try:
        stream = path.open("rb")
    except OSError as err:
        yield IngestFailure.of(str(path), PresslintError(E.E101, path=path, reason=err.strerror or err))
        return
    with stream:
        for number, line in _lines(stream, settings.max_bytes):
            origin = f"{path}:{number}"
            if line is None:
                too_long = PresslintError(
                    E.E107, path=path, line=number, reason=f"record over {settings.max_bytes} bytes"
                )
                yield IngestFailure.of(origin, too_long)
                continue
            if not line.strip():
                continue
            try:
                yield record_article(line, path=path, number=number)
            except PresslintError as err:
                yield IngestFailure.of(origin, err)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over ``limit`` (skipped without holding it)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def record_article(line: bytes, *, path: Path, number: int) -> Article:
    origin = f"{path}:{number}"

    def bad(reason: str) -> PresslintError:
        return PresslintError(E.E107, path=path, line=number, reason=reason)

    decoded = decode(line, origin=origin)
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as err:
        raise bad(f"not JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(record, dict):
        raise bad("a line must hold one JSON object")
    fields = _record_fields(record, bad)
    notices = list(decoded.notices) + fields.pop("_notices", [])
    text, html = record.get("text"), record.get("html")
    if isinstance(html, str) and html.strip():
        article = from_html(html, url=fields.get("url"), origin=origin)
        for key, value in fields.items():  # the record's own metadata wins over what the page says
            setattr(article, key, value)
    elif isinstance(text, str) and text.strip():
        article = from_text(text, origin=origin, **fields)
    else:
        raise bad("no non-empty 'text' or 'html' string")
    if notices:
        article.meta.setdefault("notices", []).extend(notices)
    return article


def _record_fields(record: dict[str, Any], bad) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in record.items():
        key = _ALIASES.get(key, key)
        if key not in ("title", "url", "date", "byline", "outlet", "language") or value in (None, ""):
            continue
        if not isinstance(value, str):
            raise bad(f"'{key}' must be a string")
        fields[key] = value.strip()
    if "date" in fields:
        iso = iso_date(fields["date"])
        if iso is None:
            fields["_notices"] = [{"code": W.W006.code, "message": W.W006.format(value=fields["date"])}]
            del fields["date"]
        else:
            fields["date"] = iso
    return fields


def iso_date(value: str) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string, else None."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
