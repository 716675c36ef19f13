"""Bytes to text: refuse binary data, honour a BOM or a declared charset, prefer UTF-8, then guess.

Order matters. A BOM is certain; strict UTF-8 almost never decodes legacy text by accident; mostly-valid UTF-8 with
a few bad bytes is damaged UTF-8 (replace, tell the user with W005), not cp1252; only text without any valid
multi-byte UTF-8 goes to charset-normalizer, and its answer is a guess the user is told about (W007). NUL bytes are
never dropped silently: in the first 4 KiB they mean binary data (E103); further in, a few are removed with a
warning (W008) and many are E103 again.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..errors import E, PresslintError, W

# Magic numbers of formats people hand us by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF = 4096
MAX_NUL_SHARE = 0.01  # NULs past the sniffed head above this share of the bytes: binary data appended, not text
_LATIN_CODEPAGES = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "cp1258",
    "latin_1",
    "iso8859_2",
    "iso8859_9",
    "iso8859_15",
    "mac_roman",
    "mac_latin2",
    "mac_turkish",
    "mac_iceland",
    "cp850",
    "cp437",
}


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    notices: list[dict[str, str]] = field(default_factory=list)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (None when it may be). UTF-16/32 without a BOM is text, despite its NULs."""
    head = data[:_SNIFF]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"it starts like {what}"
    if _utf16_without_bom(head) or any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "it contains NUL bytes"
    if head and len(_CONTROL.findall(head)) / len(head) > 0.05:
        return "it is full of control characters"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """utf-16-le/be when NULs sit in every other byte, as in mostly-ASCII UTF-16 text."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.7 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.7 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:_SNIFF])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, origin: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` read from ``origin``; ``declared`` is a charset from an HTTP header or a meta tag."""
    reason = binary_reason(data)
    if reason:
        raise PresslintError(E.E103, path=origin, reason=reason)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict_or_replaced(data[len(bom) :], encoding, origin)
    wide = _utf16_without_bom(data[:_SNIFF])
    if wide:
        return _strict_or_replaced(data, wide, origin)
    data, nul_notices = _without_nuls(data, origin)
    decoded = _decode_narrow(data, origin, declared)
    decoded.notices[:0] = nul_notices
    return decoded


def _without_nuls(data: bytes, origin: str) -> tuple[bytes, list[dict[str, str]]]:
    """``data`` without NUL bytes (only past the sniffed head: binary_reason refused any before), and the W008
    notice that says so; E103 when there are too many to be stray damage."""
    count = data.count(b"\x00")
    if not count:
        return data, []
    if count > MAX_NUL_SHARE * len(data):
        raise PresslintError(E.E103, path=origin, reason=f"it contains {count} NUL bytes after the first {_SNIFF}")
    notice = {
        "code": W.W008.code,
        "message": W.W008.format(count=count, offset=data.index(b"\x00")),
    }
    return data.replace(b"\x00", b""), [notice]


def _decode_narrow(data: bytes, origin: str, declared: str | None) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if _mostly_utf8(data):
        return _replaced(data, "utf-8")
    return _guess(data, origin)


def _strict_or_replaced(data: bytes, encoding: str, origin: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return _replaced(data, encoding)


def _replaced(data: bytes, encoding: str) -> Decoded:
    notice = {"code": W.W005.code, "message": W.W005.format(encoding=encoding.upper())}
    return Decoded(data.decode(encoding, errors="replace"), encoding, [notice])


def _mostly_utf8(data: bytes) -> bool:
    """Damaged UTF-8: valid multi-byte characters outnumber the bad bytes (cp1252 text has no valid ones)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good > 0 and good >= bad


def _guess(data: bytes, origin: str) -> Decoded:
    """A legacy code page guessed by charset-normalizer; the W007 notice tells the user it is a guess."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        encoding = best.encoding
        # Western news text in a single-byte code page is cp1252 far more often than its Latin look-alikes.
        latin = encoding in _LATIN_CODEPAGES or "cp1252" in best.could_be_from_charset
        if latin and _decodes(data, "cp1252"):
            encoding = "cp1252"
        text = str(best) if encoding == best.encoding else data.decode(encoding)
        return Decoded(text, encoding, _doubtful(data, text, encoding))
    if _decodes(data, "cp1252"):
        text = data.decode("cp1252")
        return Decoded(text, "cp1252", _doubtful(data, text, "cp1252"))
    return _replaced(data, "utf-8")


# What a Western single-byte code page legitimately puts among ASCII text: typographic punctuation and symbols.
_WESTERN_MARKS = frozenset(
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u00a3\u00b0\u00a7\u00a9\u00ae\u2122\u00ab\u00bb\u00bf\u00a1\u00b7\u00d7\u00a0\u00bd\u00bc\u00be"
)
MOSTLY_ASCII = 0.95  # below this share of ASCII bytes the detector had plenty of evidence to go on


def _doubtful(data: bytes, text: str, encoding: str) -> list[dict[str, str]]:
    """W007 when mostly-ASCII bytes that are not UTF-8 decode, in the guessed code page, to characters Western text
    does not hold where they stand: a letter outside a word, runs of accented letters, rare symbols; or to any other
    code page, a guess resting on a handful of bytes. Real cp1252 text ("café", “quotes”, 30°) passes quietly; stray
    invalid bytes in ASCII text do not."""
    high = sum(1 for byte in data if byte > 0x7F)
    if not high or high > (1 - MOSTLY_ASCII) * len(data):
        return []
    odd = 0 if encoding in ("cp1252", "latin_1", "iso8859_15") else high
    for i, ch in enumerate(text):
        if ord(ch) < 0x80 or ch in _WESTERN_MARKS:
            continue
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        in_word = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        next_high = bool(after) and ord(after) >= 0x80 and after not in _WESTERN_MARKS
        if not (ch.isalpha() and in_word and not next_high):
            odd += 1
    if not odd:
        return []
    return [{"code": W.W007.code, "message": W.W007.format(encoding=encoding, count=high)}]


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
