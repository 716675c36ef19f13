"""Plain text to Article: normalise, then take the first line as the headline when it looks like one."""

from __future__ import annotations

import re
import unicodedata

from ..model import Article

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Invisible characters that only get in the way of matching: zero-width space, word joiner, BOM, soft hyphen, and
# C0/C1 controls other than tab and newline. ZWJ/ZWNJ stay: Persian and Indic scripts need them.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def normalise(text: str) -> str:
    """NFC, Unix newlines, single spaces, no trailing blanks, at most one empty line between paragraphs."""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def looks_like_title(line: str) -> bool:
    """A headline is one short line without a final full stop (a question mark is fine)."""
    words = line.split()
    return 0 < len(words) <= 25 and not line.rstrip().endswith((".", ",", ";", ":"))


def from_text(text: str, *, origin: str | None = None, title: str | None = None, **meta: object) -> Article:
    text = normalise(text)
    title_span = None
    if title:
        title = " ".join(normalise(title).split())
        if text.split("\n", 1)[0] != title:
            text = f"{title}\n\n{text}" if text else title
        title_span = (0, len(title))
    else:
        first = text.split("\n", 1)[0]
        if "\n" in text and looks_like_title(first):
            title, title_span = first, (0, len(first))
    fields = {k: v for k, v in meta.items() if k in Article.__slots__}
    extra = {k: v for k, v in meta.items() if k not in Article.__slots__}
    return Article(text=text, title=title, title_span=title_span, origin=origin, meta=extra, **fields)
