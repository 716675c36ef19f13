"""Plain text to Article: normalise, then take the first line as the headline when it looks like one."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from ..model import Article

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Invisible characters that only get in the way of matching: zero-width space, word joiner, BOM, soft hyphen, and
# C0/C1 controls other than tab and newline. ZWJ/ZWNJ stay: Persian and Indic scripts need them.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


# Scripts written without spaces between words, and roughly how many characters a word takes in each: Chinese words
# run 1.5-2 characters and Japanese mixes kanji with kana; Thai, Lao, Khmer and Burmese words a few characters more.
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_SOUTHEAST_ASIAN = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_CHARS_PER_WORD = ((_HAN_KANA, 2.0), (_SOUTHEAST_ASIAN, 4.0))
_WORDLIKE = re.compile(r"\w")


def word_count(text: str) -> int:
    """Words in ``text`` in any script: space-separated tokens, plus an estimate for scripts without spaces.

    ``len(text.split())`` counts a paragraph of Chinese or Japanese as one word; here its characters count instead
    (two to a word for Han and kana, four for Thai, Lao, Khmer and Burmese).
    """
    estimate = 0.0
    for pattern, per_word in _CHARS_PER_WORD:
        found = len(pattern.findall(text))
        if found:
            estimate += found / per_word
            text = pattern.sub(" ", text)
    return sum(1 for token in text.split() if _WORDLIKE.search(token)) + math.ceil(estimate)


def normalise(text: str) -> str:
    """NFC, Unix newlines, single spaces, no trailing blanks, at most one empty line between paragraphs."""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def looks_like_title(line: str) -> bool:
    """A headline is one short line without a final full stop (a question mark is fine)."""
    return 0 < word_count(line) <= 25 and not line.rstrip().endswith((".", ",", ";", ":", "\u3002"))


# A headline line that ends on one of these words (or a hyphen, dash or comma) goes on in the next line.
_OPEN_ENDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "as",
        "by",
        "from",
        "into",
        "onto",
        "over",
        "after",
        "before",
        "than",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "amid",
        "against",
        "about",
        "across",
        "between",
        "via",
    ]
)
MAX_KICKER_WORDS = 3


def _is_kicker(line: str) -> bool:
    """A section label above the headline: "EXCLUSIVE", "Analysis:", "Gaza" (one to three words, capitals, a colon,
    or a single word)."""
    words = line.rstrip(":").split()
    if not 0 < len(words) <= MAX_KICKER_WORDS or line.endswith((".", "?", "!", ",", ";")):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return len(words) == 1 or line.endswith(":") or (bool(letters) and all(ch.isupper() for ch in letters))


def _continues(first: str, second: str) -> bool:
    """True when ``second`` carries on the headline ``first`` broke off (a wrapped line, not a standfirst)."""
    if first.endswith((".", "?", "!", ":", ";", '"', "\u201d", "\u2019")):
        return False
    last = first.split()[-1].lower() if first.split() else ""
    return second[:1].islower() or first.endswith(("-", "\u2013", "\u2014", ",")) or last in _OPEN_ENDS


def split_head(text: str) -> tuple[str, str | None, dict[str, str]]:
    """(text, headline, extra metadata) for a normalised text whose first lines are its headline.

    A head block of two or three lines before the first blank line is read as one headline, not as a headline and a
    body line: a kicker above the headline ("EXCLUSIVE", "Gaza") moves to ``meta["kicker"]``, a headline wrapped over
    two lines is joined into one line, and a line under the headline is its standfirst (``meta["standfirst"]``; it
    stays in the text as the body's first paragraph). Otherwise the first line is the headline when it looks like
    one.
    """
    head, blank, rest = text.partition("\n\n")
    block = head.split("\n")
    extra: dict[str, str] = {}
    if blank and rest and 2 <= len(block) <= 3:
        if _is_kicker(block[0]) and looks_like_title(block[1]):
            extra["kicker"] = block.pop(0).rstrip(":").strip()
        if len(block) >= 2 and _continues(block[0], block[1]) and looks_like_title(f"{block[0]} {block[1]}"):
            block[0:2] = [f"{block[0]} {block[1]}"]
        if looks_like_title(block[0]) and len(block) > 1 and not _DATE_LINE.match(block[-1]):
            extra["standfirst"] = " ".join(block[1:])  # (a date line under the headline is no standfirst)
        text = "\n".join(block) + "\n\n" + rest
    first = text.split("\n", 1)[0]
    if "\n" in text and looks_like_title(first):
        return text, first, extra
    extra.pop("standfirst", None)
    return text, None, extra


# Month names and their abbreviations -> 1-12 (the date checks read dates with the same table).
MONTHS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?"
# A line of the head that is only a date: 'March 4, 2025', 'Tuesday 4 March 2025', '2025-03-04', 'Published: Mar. 4,
# 2025 at 10:32 a.m. ET', 'Updated 10:32 AM EST, Tue March 4, 2025', or a dateline, the date after the place it was
# filed from ('Istanbul, Oct. 3, 2025', 'NEW YORK, 4 March 2025'), a city with its country or state ('Valencia, Spain,
# Oct. 19, 2025', 'Washington, D.C., March 4, 2025'). Numeric dates with slashes are left out: 03/04 is March in one
# country and April in another.
_PLACE = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s+"  # capitalised words and a comma
_DATE_LINE = re.compile(
    r"^(?:(?P<label>published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_PLACE}){{0,2}}"
    rf"(?:{_CLOCK},?\s+)?{_WEEKDAY}"
    rf"(?P<date>{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_YEAR}-\d\d-\d\d)"
    rf"(?:,?\s+(?:at\s+)?{_CLOCK})?\s*$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[|•·]\s+")
HEAD_DATE_LINES = 6  # lines under the headline where a date line is looked for (bylines, datelines, standfirst)


def _date_of(written: str) -> dt.date | None:
    """'Mar. 4th, 2025', '4 March 2025' or '2025-03-04' as a date (None when no such day exists)."""
    numbers = [int(n) for n in re.findall(r"\d+", written)]
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", written.lower()) if w in MONTHS), None)
    try:
        if month is None:  # ISO
            return dt.date(*numbers)
        return dt.date(max(numbers), month, min(numbers))  # the year is the larger of the two numbers
    except (TypeError, ValueError):
        return None


def head_date(text: str, skip: int = 1) -> str | None:
    """The publication date a plain text prints in its head: an ISO date read from a line (or a part of a line
    between '|' or '•', such as 'By Jane Roe | March 4, 2025') that holds only a date, within the first lines after
    the headline. A 'Published' date wins over an 'Updated' one; a sentence that mentions a date is no date line."""
    found: list[tuple[bool, str]] = []
    for line in text.split("\n")[skip : skip + HEAD_DATE_LINES + 1]:
        for part in _SEPARATORS.split(line.strip()):
            m = _DATE_LINE.match(part.strip())
            day = _date_of(m["date"]) if m else None
            if m and day:
                found.append(((m["label"] or "").lower().endswith("updated"), day.isoformat()))
    return min(found)[1] if found else None  # not-updated first, then the earliest


def from_text(
    text: str,
    *,
    origin: str | None = None,
    title: str | None = None,
    byline: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
    **meta: object,
) -> Article:
    """An Article from plain text: the headline given or found (``split_head``), the Article's own fields, and any
    other keyword in ``meta`` (the caller's metadata wins over what ``split_head`` found)."""
    text = normalise(text)
    title_span = None
    if title:
        title = " ".join(normalise(title).split())
        if text.split("\n", 1)[0] != title:
            text = f"{title}\n\n{text}" if text else title
        title_span = (0, len(title))
    else:
        text, title, head_meta = split_head(text)
        meta = {**head_meta, **meta}  # the caller's metadata wins
        if title:
            title_span = (0, len(title))
    if date is None and (date := head_date(text, 1 if title_span else 0)):
        meta = {**meta, "date_from": "text"}  # a date line of the text, not the page's or the caller's metadata
    return Article(
        text=text,
        title=title,
        title_span=title_span,
        byline=byline,
        date=date,
        outlet=outlet,
        url=url,
        origin=origin,
        language=language,
        encoding=encoding,
        meta=dict(meta),
    )
