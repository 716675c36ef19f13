"""Dates: time expressions normalised against the publication date, and the checks that compare them.

``resolve_dates(doc)`` turns spaCy DATE entities (plus a few patterns the model misses) into ``DateMention``s: an
ISO value and the interval it covers, or a duration ("for three months"), which is never a date. Common forms are
parsed here; dateparser is only a cached fallback for leftover DATE spans that name a month. The checks then compare
intervals, so "2019" never contradicts "March 2019": an order or a publication date is only broken when the whole
intervals disagree.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..ingest.text import MONTHS
from ..model import Finding, Span, TimeExpression
from ..nlp.docview import view
from ..nlp.lexicons import read_text
from ..nlp.numberwords import cardinals
from ..rules import Rule

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

RULES = [
    Rule(
        "DAT001",
        "dates-out-of-order",
        "warning",
        "dates",
        "Two events tied by 'after', 'following', 'before' or 'since' carry dates in the opposite order.",
        "When a sentence says one event followed another, their explicit dates must agree with that order. A reversed "
        "order usually means a wrong year or month (a typo, or a date copied from another story). Only explicit dates "
        "are compared, and only when the whole periods they name contradict the order: 'in 2016, after the March 2016 "
        "vote' is not flagged.",
        "In March 2015, following the May 2016 referendum, the prime minister resigned.",
    ),
    Rule(
        "DAT002",
        "date-after-publication",
        "error",
        "dates",
        "An event told in the past tense is dated after the article was published.",
        "A past-tense verb ('was signed on 12 May 2023') cannot govern a date later than the publication date; the "
        "date or the publication date is wrong. Plans and deadlines ('will', 'is due', 'scheduled', 'by the end of') "
        "are not flagged, and nothing is checked without a publication date.",
        "The agreement was signed on 12 May 2023. (published 11 December 2021)",
    ),
    Rule(
        "DAT003",
        "duration-inconsistent",
        "warning",
        "dates",
        "'After N years of X' or 'N years since X' disagrees with the year the article gives for the start of X.",
        "When the article dates the start of something ('the war began in 2011') and later counts its length ('after "
        "ten years of war'), start + N should match the sentence's own date or the publication year within a year. A "
        "larger gap means one of the figures is wrong. Approximate lengths ('nearly', 'more than') are not checked.",
        "The war began in 2011. ... After four years of war, the talks resumed. (published 2021)",
    ),
]

WEEKDAYS = {
    name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
NUMBER_WORDS = {"a": 1, "an": 1, **cardinals(1, 50)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?P<num>\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

# The core forms we parse ourselves (after a lead-in such as "the end of" has been cut off).
CORE_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("year", re.compile(rf"^(?:(?:the\s+)?year\s+)?{_YEAR}$")),
    ("decade", re.compile(r"^(?P<decade>1[5-9]\d|20\d)0'?s$")),
    ("month_year", re.compile(rf"^{_MONTH},?\s+(?:of\s+)?{_YEAR}$")),
    ("day_month_year", re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$")),
    ("month_day_year", re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$")),
    ("day_month", re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}$")),
    ("month_day", re.compile(rf"^{_MONTH}\s+{_DAY}$")),
    ("month", re.compile(rf"^{_MONTH}$")),
    ("weekday", re.compile(rf"^(?P<which>last|this|next|past|on)?\s*{_WEEKDAY}{_PART_OF_DAY}$")),
    ("deictic", re.compile(rf"^(?P<word>yesterday|today|tomorrow|tonight|last\s+night){_PART_OF_DAY}$")),
    ("ago", re.compile(rf"^{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago$")),
    ("this_unit", re.compile(r"^(?P<which>last|this|next|the\s+past|the\s+coming)\s+(?P<unit>week|month|year)$")),
    (
        "same_day",
        re.compile(
            r"^(?:the\s+)?(?P<rel>same\s+day|that\s+day|next\s+day|following\s+day|day\s+before|previous\s+day)$"
        ),
    ),
]

# Durations are lengths of time, never dates ("for three months", "after five years of").
DURATION = re.compile(
    rf"^(?P<qual>about|around|nearly|almost|more\s+than|over|some|at\s+least|less\s+than|roughly|just\s+over|"
    rf"just\s+under|approximately|fewer\s+than|up\s+to)?\s*{_NUM}(?:\s+(?:and\s+a\s+half|full))?[\s-]+"
    rf"(?P<unit>hour|day|week|month|year|decade)s?(?:\s+(?:old|long|later|earlier))?$"
)
VAGUE_PERIOD = re.compile(
    r"^(?:recent|(?:the\s+)?(?:past|last|next|coming|previous)\s+(?:few\s+|several\s+|\w+\s+)?)?"
    r"(?:hours|days|weeks|months|years|decades|centuries)$|^(?:decades|years|months|weeks|days)(?:\s+later|\s+earlier)?$"
)
LEAD_IN = re.compile(
    r"^(?:(?P<prep>by|until|till|in|on|since|from|during|before|after|of)\s+)?(?:the\s+)?"
    r"(?P<part>end\s+of|close\s+of|start\s+of|beginning\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of|"
    r"early|mid|late|spring\s+of|summer\s+of|autumn\s+of|fall\s+of|winter\s+of|spring|summer|autumn|fall|winter)"
    r"[\s-]*(?:the\s+)?"
)
# Text just before a DATE entity that belongs to it when the model left it out ("by the end of | 2021").
LEFT_EXTENSION = re.compile(
    r"(?:(?:the\s+)?(?:end|close|start|beginning|middle|first\s+half|second\s+half)\s+of\s+(?:the\s+)?|"
    r"(?:early|mid|late)[\s-])$",
    re.IGNORECASE,
)
# Dates the model sometimes labels CARDINAL or misses: a year after a preposition, month + year, weekdays.
EXTRA_PATTERNS = re.compile(
    rf"\b(?:in|since|by|until|from|during|before|after|of)\s+(?P<date>(?:(?:early|mid|late)[\s-])?(?:{_MONTH}\s+)?"
    rf"(?:1[89]\d\d|20\d\d)\b(?![\d%,.]\d|\s*(?:percent|per\s+cent|people|troops|km|tonnes|dollars)))"
    rf"|(?P<day>\b{_WEEKDAY}\b|\b(?:yesterday|today|tomorrow)\b)",
    re.IGNORECASE,
)
# Words that make a sentence about plans, forecasts or deadlines (modal verbs are caught by their tag MD).
FUTURE_CUES = frozenset(
    [
        "scheduled",
        "due",
        "expected",
        "planned",
        "plans",
        "plan",
        "set",
        "slated",
        "deadline",
        "upcoming",
        "next",
        "until",
        "aims",
        "aim",
        "intends",
        "intend",
        "tomorrow",
        "forecast",
        "projected",
    ]
)
PAST_AUX = frozenset(("was", "were", "had", "'d"))
ORDER_AFTER = ("following", "after", "since", "in the wake of", "in response to")
ORDER_BEFORE = ("before", "ahead of", "prior to")
DURATION_UNITS_IN_YEARS = {"year": 1.0, "decade": 10.0}


class Period(NamedTuple):
    """The days a date covers, first and last included ('March 2019' -> 2019-03-01 .. 2019-03-31)."""

    lo: dt.date
    hi: dt.date


@dataclass(slots=True)
class Resolved:
    value: str | None
    granularity: str | None
    period: Period | None  # None when unresolved
    relative: bool = False
    note: str | None = None


@dataclass(slots=True)
class DateMention:
    """One DATE span: its record (None for durations), the interval it covers, or the duration it states."""

    sent_index: int
    span: SpacySpan
    record: TimeExpression | None
    period: Period | None = None  # None for durations and unresolved dates
    explicit: bool = False  # the text states the year itself
    duration_years: float | None = None
    duration_qualifier: str | None = None

    @property
    def is_duration(self) -> bool:
        return self.record is None

    @property
    def year(self) -> int | None:
        """The one year its whole period lies in (None for durations, unresolved dates and periods across years)."""
        if self.period is None or self.period.lo.year != self.period.hi.year:
            return None
        return self.period.lo.year


class ExplicitDate(NamedTuple):
    """A date whose text states its year, with the record and the period it resolved to."""

    mention: DateMention
    record: TimeExpression
    period: Period


def _explicit_dates(mentions: list[DateMention]) -> Iterator[ExplicitDate]:
    for m in mentions:
        if m.record is not None and m.explicit and m.period is not None:
            yield ExplicitDate(m, m.record, m.period)


@lru_cache(maxsize=1)
def duration_lexicon() -> dict:
    text = read_text("numbers/duration_events.json")
    data = json.loads(text)
    return {"start_verbs": frozenset(data["start_verbs"]), "verb_nouns": data["verb_nouns"]}


# ---------------------------------------------------------------- normalisation


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(value: dt.date, relative: bool = False, note: str | None = None) -> Resolved:
    return Resolved(value.isoformat(), "day", Period(value, value), relative, note)


def _apply_part(res: Resolved, part: str) -> Resolved:
    """'end of 2019' -> 2019-12-31; 'early 2019' -> 2019 (Jan-Apr) with a note."""
    part = " ".join(part.split())
    if res.period is None:
        return res
    first, last = res.period
    if part in ("end of", "close of"):
        if res.granularity == "year":
            end = dt.date(first.year, 12, 31)
        elif res.granularity == "month":
            end = last
        else:
            return res
        return Resolved(
            end.isoformat(),
            "day",
            Period(first if res.granularity == "month" else dt.date(end.year, 10, 1), end),
            res.relative,
            f"end of {res.value}: last day of the period",
        )
    span_days = (last - first).days
    thirds = {
        "early": 0,
        "start of": 0,
        "beginning of": 0,
        "first half of": 0,
        "mid": 1,
        "middle of": 1,
        "late": 2,
        "second half of": 1,
    }
    if part in thirds and res.granularity in ("year", "month"):
        third = thirds[part]
        if "half" in part:
            lo = first + dt.timedelta(days=span_days // 2 * third)
            hi = first + dt.timedelta(days=span_days // 2 * (third + 1) + (span_days % 2) * third)
        else:
            lo = first + dt.timedelta(days=span_days * third // 3)
            hi = first + dt.timedelta(days=span_days * (third + 1) // 3)
        return Resolved(res.value, res.granularity, Period(lo, hi), res.relative, f"{part} {res.value}")
    season = part.removesuffix(" of")
    if season in ("spring", "summer", "autumn", "fall", "winter") and res.granularity == "year":
        return Resolved(res.value, "year", res.period, res.relative, f"{season} {res.value}")
    return res


def _infer_year(month: int, day: int | None, pubdate: dt.date | None, future: bool) -> Resolved:
    if pubdate is None:
        return Resolved(None, "day" if day else "month", None, True, "no publication date: year not stated")
    year = pubdate.year
    probe = _valid_day(year, month, day or 1)
    if probe is None:
        return Resolved(None, None, None, True, "invalid day")
    if future and probe < pubdate - dt.timedelta(days=31):
        year += 1
    elif not future and probe > pubdate + dt.timedelta(days=0 if day else 31):
        year -= 1
    note = f"year {year} inferred from the publication date"
    if day:
        found = _valid_day(year, month, day)
        return _day(found, True, note) if found else Resolved(None, None, None, True, "invalid day")
    return Resolved(
        f"{year}-{month:02d}", "month", Period(dt.date(year, month, 1), _month_end(year, month)), True, note
    )


def _num(word: str) -> float:
    return float(word) if word[0].isdigit() else float(NUMBER_WORDS[word])


def parse_core(kind: str, m: re.Match, pubdate: dt.date | None, future: bool) -> Resolved:
    g = m.groupdict()
    if kind == "year":
        y = int(g["year"])
        return Resolved(str(y), "year", Period(dt.date(y, 1, 1), dt.date(y, 12, 31)))
    if kind == "decade":
        d = int(g["decade"])
        return Resolved(str(d), "decade", Period(dt.date(d * 10, 1, 1), dt.date(d * 10 + 9, 12, 31)))
    if kind == "month_year":
        y, mo = int(g["year"]), MONTHS[g["month"]]
        return Resolved(f"{y}-{mo:02d}", "month", Period(dt.date(y, mo, 1), _month_end(y, mo)))
    if kind in ("day_month_year", "month_day_year"):
        found = _valid_day(int(g["year"]), MONTHS[g["month"]], int(g["day"]))
        return _day(found) if found else Resolved(None, None, None, False, "invalid day")
    if kind in ("day_month", "month_day"):
        return _infer_year(MONTHS[g["month"]], int(g["day"]), pubdate, future)
    if kind == "month":
        return _infer_year(MONTHS[g["month"]], None, pubdate, future)
    if pubdate is None:
        return Resolved(None, None, None, True, "no publication date")
    if kind == "weekday":
        target, which = WEEKDAYS[g["weekday"]], g["which"]
        if which == "next" or (which in (None, "on", "this") and future):
            ahead = (target - pubdate.weekday()) % 7 or (7 if which == "next" else 0)
            when = pubdate + dt.timedelta(days=ahead)
            return _day(when, True, "next such weekday on or after the publication date")
        back = (pubdate.weekday() - target) % 7
        if which in ("last", "past") and back == 0:
            back = 7
        return _day(
            pubdate - dt.timedelta(days=back), True, "most recent such weekday on or before the publication date"
        )
    if kind == "deictic":
        shift = {"yesterday": -1, "tomorrow": 1}.get(g["word"], 0)
        if g["word"].startswith("last"):
            shift = -1
        return _day(pubdate + dt.timedelta(days=shift), True, "relative to the publication date")
    if kind == "ago":
        n, unit = _num(g["num"]), g["unit"]
        if n != int(n):
            return Resolved(None, None, None, True, "fractional offset")
        n = int(n)
        if unit in ("day", "week"):
            return _day(
                pubdate - dt.timedelta(days=n * (7 if unit == "week" else 1)),
                True,
                "counted back from the publication date",
            )
        if unit == "month":
            y, mo = divmod(pubdate.year * 12 + pubdate.month - 1 - n, 12)
            return Resolved(
                f"{y}-{mo + 1:02d}",
                "month",
                Period(dt.date(y, mo + 1, 1), _month_end(y, mo + 1)),
                True,
                "counted back from the publication date",
            )
        y = pubdate.year - n
        return Resolved(
            str(y), "year", Period(dt.date(y, 1, 1), dt.date(y, 12, 31)), True, "counted back from the publication date"
        )
    if kind == "this_unit":
        which, unit = " ".join(g["which"].split()), g["unit"]
        if which in ("the past", "the coming"):
            return Resolved(None, None, None, True, "period counted from the publication date")
        shift = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            y = pubdate.year + shift
            return Resolved(
                str(y), "year", Period(dt.date(y, 1, 1), dt.date(y, 12, 31)), True, "relative to the publication date"
            )
        if unit == "month":
            y, mo = divmod(pubdate.year * 12 + pubdate.month - 1 + shift, 12)
            return Resolved(
                f"{y}-{mo + 1:02d}",
                "month",
                Period(dt.date(y, mo + 1, 1), _month_end(y, mo + 1)),
                True,
                "relative to the publication date",
            )
        monday = pubdate - dt.timedelta(days=pubdate.weekday()) + dt.timedelta(weeks=shift)
        iso = monday.isocalendar()
        return Resolved(
            f"{iso[0]}-W{iso[1]:02d}",
            "week",
            Period(monday, monday + dt.timedelta(days=6)),
            True,
            "relative to the publication date",
        )
    return Resolved(None, None, None, True, "not resolved")


@lru_cache(maxsize=8)
def _dateparser(pubdate: dt.date):
    from dateparser.date import DateDataParser  # lazy: only leftover DATE spans need it

    base = dt.datetime(pubdate.year, pubdate.month, pubdate.day, 12, 0)
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["month"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


@lru_cache(maxsize=2048)
def parse_with_dateparser(text: str, pubdate: dt.date | None) -> Resolved | None:
    """Fallback for leftover spans naming a month ("Dec. 3rd, 2020"); the result must keep any stated year."""
    if pubdate is None:
        pubdate = dt.date(2000, 1, 1)  # absolute dates only: a stated year is then checked below
    data = _dateparser(pubdate).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj.date()
    years = re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    if years and str(when.year) not in years:
        return None
    if data.period == "month":
        return Resolved(
            f"{when.year}-{when.month:02d}",
            "month",
            Period(when.replace(day=1), _month_end(when.year, when.month)),
            not years,
            "dateparser",
        )
    return _day(when, not years, "dateparser")


def normalise(
    text: str, pubdate: dt.date | None, *, future: bool = False
) -> Resolved | tuple[float, str, str | None] | None:
    """A DATE span's text -> Resolved, or (amount, unit, qualifier) for a duration, or None for vague periods."""
    t = " ".join(text.lower().replace("\u2019", "'").split()).removesuffix("'s").rstrip(".,")
    t = re.sub(r"^(?:on|in|at)\s+(?=the\s+same|that\s+day)", "", t)
    dur = DURATION.match(
        re.sub(r"^(?:the\s+)?(?:past|last|first|next)\s+(?=\d|\w+\s+(?:years|months|weeks|days))", "", t)
    )
    if dur and not t.endswith(("later", "earlier")):
        return _num(dur["num"]), dur["unit"], dur["qual"]
    if VAGUE_PERIOD.match(t) or t.endswith(("later", "earlier")):
        return None
    part = None
    lead = LEAD_IN.match(t)
    if lead and lead.end() < len(t):
        part, t = lead["part"], t[lead.end() :]
    else:
        t = re.sub(r"^(?:(?:in|on|at|since|by|during|from|until)\s+)?(?:the\s+(?!same\b))?", "", t)
    for kind, pattern in CORE_FORMS:
        m = pattern.match(t)
        if m:
            if kind == "same_day":
                return Resolved(None, "day", None, True, m["rel"])  # resolved against the text later
            res = parse_core(kind, m, pubdate, future)
            return _apply_part(res, part) if part else res
    if re.search(r"\b(?:" + "|".join(MONTHS) + r")\b", t) and not re.search(r"\d{4}\s*[-\u2013/]\s*\d", t):
        fallback = parse_with_dateparser(t, pubdate)
        if fallback is not None:
            return _apply_part(fallback, part) if part else fallback
    return Resolved(None, None, None, False, "not resolved")


# ---------------------------------------------------------------- syntax helpers


def _governor(span: SpacySpan) -> Token:
    """The word a date phrase hangs on: 'signed on 12 May' -> signed; 'the 2014 invasion' -> invasion."""
    root = span.root
    head = root.head
    while head.dep_ in ("prep", "pcomp") and head.head is not head and head.i not in range(span.start, span.end):
        head = head.head
    return head


def _tense(verb) -> str | None:
    """'past' or 'future' when the verb a date hangs on says so by itself, else None (then the sentence decides).

    A simple past ('visited', 'said') or a perfect ('has visited') is past; a verb with its own modal or 'to' ('will
    visit', 'to visit') or a plan word ('is scheduled to') is future. Another clause's modal in the same sentence
    ('... and said the government would act') does not make the date's own event future."""
    if getattr(verb, "pos_", None) not in ("VERB", "AUX"):
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in aux) or verb.lower_ in FUTURE_CUES:
        return "future"
    if any(c.lower_ in FUTURE_CUES for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd")):
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ in ("VBD", "VBZ", "VBP") and c.lemma_ == "have" for c in aux):
        return "past"
    return None


def _future_sentence(sent) -> bool:
    return any(t.tag_ == "MD" or (t.lower_ in FUTURE_CUES and t.ent_type_ != "DATE") for t in sent)


def _is_future(token, sent) -> bool:
    """Plans, forecasts and deadlines: a modal or a plan word in the sentence, or 'to' + verb."""
    return _future_sentence(sent) or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


PAST_MARKERS = frozenset(("last", "previous", "former", "past", "earlier", "prior"))


def _is_past_event(verb) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUX for c in verb.children):
        return True
    # A reduced relative on a noun marked as past ("the last election, held in October 2023"); the small model often
    # hangs it on the main verb (advcl) instead of the noun before the comma.
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    noun = None
    if verb.dep_ == "acl":
        noun = verb.head
    elif verb.dep_ == "advcl" and verb.head.tag_ == "VBD" and verb.i >= 2 and verb.doc[verb.i - 1].text == ",":
        noun = verb.doc[verb.i - 2]
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and any(c.lower_ in PAST_MARKERS for c in noun.children if c.dep_ == "amod")
    )


def _date_spans(doc) -> list:
    """DATE entities (extended leftwards by 'the end of' / 'early'), plus pattern matches the model missed."""
    spans = []
    taken: set[int] = set()
    text = view(doc).text  # Doc.text joins every token on each access: read it once
    for ent in view(doc).ents:
        if ent.label_ != "DATE":
            continue
        prefix = LEFT_EXTENSION.search(text[max(0, ent.start_char - 40) : ent.start_char])
        if prefix:
            wider = doc.char_span(ent.start_char - len(prefix.group(0)), ent.end_char, alignment_mode="expand")
            ent = wider if wider is not None and "\n" not in prefix.group(0) else ent
        spans.append(ent)
        taken.update(range(ent.start, ent.end))
    for m in EXTRA_PATTERNS.finditer(text):
        group = "date" if m.group("date") else "day"
        span = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        if any(t.ent_type_ in ("PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "MONEY", "QUANTITY") for t in span):
            continue
        spans.append(span)
        taken.update(range(span.start, span.end))
    spans.sort(key=lambda s: s.start)
    return spans


# ---------------------------------------------------------------- extraction


def resolve_dates(doc) -> list[DateMention]:
    """Every DATE span of the doc as a DateMention, in text order."""
    pubdate = doc._.pl_pubdate if doc.has_extension("pl_pubdate") else None
    sents = view(doc).sents
    sent_starts = view(doc).sent_starts
    future_by_sent: dict[int, bool] = {}
    mentions: list[DateMention] = []
    last_day: DateMention | None = None

    for span in _date_spans(doc):
        sent_index = bisect.bisect_right(sent_starts, span.start) - 1
        gov = _governor(span)
        tense = _tense(gov)
        if tense is not None:  # the date's own verb says it: 'visited on Monday and said they would ...' is past
            future = tense == "future"
        else:
            if sent_index not in future_by_sent:
                future_by_sent[sent_index] = _future_sentence(sents[sent_index])
            future = future_by_sent[sent_index] or any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children)
        result = normalise(span.text, pubdate, future=future)
        if result is None:
            continue
        if isinstance(result, tuple):
            amount, unit, qual = result
            per_year = DURATION_UNITS_IN_YEARS.get(unit)
            mentions.append(
                DateMention(
                    sent_index,
                    span,
                    None,
                    duration_years=amount * per_year if per_year else None,
                    duration_qualifier=qual,
                )
            )
            continue
        if result.note in ("same day", "that day", "next day", "following day", "day before", "previous day"):
            result = _same_day(result.note, last_day, pubdate)
        explicit = (
            bool(re.search(r"\b(?:1[5-9]\d\d|20\d\d|1[5-9]\d0'?s|20\d0'?s)\b", span.text)) and not result.relative
        )
        record = TimeExpression(Span.of(span), result.value, result.granularity, result.relative, result.note)
        mention = DateMention(sent_index, span, record, result.period, explicit)
        mentions.append(mention)
        if result.granularity == "day" and result.value:
            last_day = mention
    return mentions


def _same_day(rel: str, previous: DateMention | None, pubdate: dt.date | None) -> Resolved:
    if previous is None or previous.period is None:
        return Resolved(None, "day", None, True, f"'{rel}' with no earlier day-level date in the text")
    shift = {"next day": 1, "following day": 1, "day before": -1, "previous day": -1}.get(rel, 0)
    day = previous.period.lo + dt.timedelta(days=shift)
    where = {0: "same day as", 1: "day after", -1: "day before"}[shift]
    return _day(day, True, f"{where} '{previous.span.text}' ({previous.period.lo.isoformat()})")


# ---------------------------------------------------------------- checks


def _connectors(sent: SpacySpan) -> Iterator[tuple[Token, str]]:
    """(token heading the other event's phrase, 'after'|'before'): its head is the main clause."""
    for tok in sent:
        low = tok.lower_
        if low in ("following", "after", "since"):
            yield tok, "after"
        elif low == "before":
            yield tok, "before"
        elif low in ("wake", "response") and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            yield tok.head, "after"  # "in the wake of" / "in response to": the "in" phrase
        elif low in ("ahead", "prior") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("of", "to"):
            yield tok, "before"


def _in_subtree(span: SpacySpan, root: Token) -> bool:
    return root.left_edge.i <= span.root.i <= root.right_edge.i


def find_order_problems(doc, mentions: list[DateMention]) -> Iterator[Finding]:
    """DAT001: 'In March 2015, following the May 2016 referendum' -> the dates contradict 'following'."""
    by_sent: dict[int, list[ExplicitDate]] = {}
    for d in _explicit_dates(mentions):
        by_sent.setdefault(d.mention.sent_index, []).append(d)
    sents = view(doc).sents
    for index, dated in by_sent.items():
        if len(dated) < 2:
            continue
        for conn, direction in _connectors(sents[index]):
            if conn.dep_ == "mark":  # "after the vote was held in May 2016": the clause is the other event
                other_root, main = conn.head, conn.head.head
            elif conn.dep_ in ("prep", "advmod", "advcl", "pcomp"):
                other_root, main = conn, conn.head
            else:
                continue
            theirs = [d for d in dated if _in_subtree(d.mention.span, other_root)]
            ours = [
                d for d in dated if not _in_subtree(d.mention.span, other_root) and _governor(d.mention.span) == main
            ]
            if len(theirs) != 1 or len(ours) != 1:
                continue  # bail out: which date belongs to which event is unclear
            a, b = ours[0], theirs[0]
            broken = a.period.hi < b.period.lo if direction == "after" else a.period.lo > b.period.hi
            if not broken:
                continue
            verb = "follows" if direction == "after" else "precedes"
            yield Finding(
                "DAT001",
                "warning",
                f"'{a.mention.span.text}' is given for an event that {verb} one dated '{b.mention.span.text}' "
                f"('{conn.text}'), but the dates run the other way",
                Span.of(a.mention.span),
                related=[Span.of(b.mention.span)],
                confidence=0.8,
                evidence={
                    "date": a.record.value,
                    "other_date": b.record.value,
                    "connector": conn.text,
                    "expected_order": direction,
                },
            )


# Money set aside for a year: a budget, funding or spending "in 2016" can be voted before 2016 begins.
_BUDGET_WORDS = frozenset(
    {"budget", "budgets", "funding", "spending", "appropriation", "appropriations", "fiscal", "allocation", "outlays"}
)


def _budget_year(sent: SpacySpan) -> bool:
    return any(t.lower_ in _BUDGET_WORDS for t in sent)


def _noun_range(span: SpacySpan) -> bool:
    """The date is an end of a 'from X to Y' / 'between X and Y' range written right after a noun (a dash or comma
    between them allowed): the range gives that noun's period ('a delay from 2018 to 2020', 'a term between 2019
    and 2023'), not the date of the sentence's verb. 'lasted from March to May' has a verb before 'from'."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in ("to", "and", "through", "-", "–") or doc[i].ent_type_ == "DATE"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("from", "between"):
        return False
    j = i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    return j >= 0 and doc[j].pos_ == "NOUN" and doc[j].ent_type_ != "DATE"


def find_future_past(doc, mentions: list[DateMention]) -> Iterator[Finding]:
    """DAT002: a past-tense verb governing a date after the publication date."""
    pubdate = doc._.pl_pubdate
    if pubdate is None:
        return
    sents = None
    for m, record, period in _explicit_dates(mentions):
        if period.lo <= pubdate:
            continue
        if m.span.text.lower().startswith(("by ", "the end", "end")) or (record.note or "").startswith("end of"):
            continue
        verb = _governor(m.span)
        sents = sents or view(doc).sents
        if not _is_past_event(verb) or _is_future(verb, sents[m.sent_index]):
            continue
        if _noun_range(m.span):
            continue  # "voted for a two-year delay - from 2018 to 2020": the range is the delay's, not the vote's
        if record.granularity == "year" and period.lo.year == pubdate.year + 1 and _budget_year(sents[m.sent_index]):
            continue  # "Congress boosted funding in 2016", written in December 2015: a budget is set for a year ahead
        if any(t.lower_ in ("by", "until", "till") for t in m.span.root.head.lefts) or m.span.root.head.lower_ in (
            "by",
            "until",
            "till",
        ):
            continue
        yield Finding(
            "DAT002",
            "error",
            f"'{verb.text}' tells a past event, but it is dated '{m.span.text}', after the publication date "
            f"{pubdate.isoformat()}",
            Span.of(m.span),
            confidence=0.85,
            evidence={"date": record.value, "publication_date": pubdate.isoformat(), "verb": verb.text},
        )


def _event_noun(tok: Token) -> Token | None:
    """The noun naming X in 'after N years of X' / 'N years since X' (a clause: its subject)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok
    if tok.pos_ in ("VERB", "AUX"):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
                return c
    return None


def _start_years(doc, mentions: list[DateMention]) -> dict[str, dict[int, DateMention]]:
    """lemma of a lasting thing -> years the article gives for its start ('the war began in 2011')."""
    lex = duration_lexicon()
    starts: dict[str, dict[int, DateMention]] = {}
    for m, _, _ in _explicit_dates(mentions):
        year = m.year
        if year is None:
            continue
        gov = _governor(m.span)
        lemmas: set[str] = set()
        if gov.pos_ in ("NOUN", "PROPN") and m.span.root.dep_ in ("nummod", "compound", "nmod", "pobj", "npadvmod"):
            lemmas.add(gov.lemma_.lower())
        elif gov.pos_ == "VERB" and gov.lemma_ in lex["start_verbs"]:
            lemmas.update(lex["verb_nouns"].get(gov.lemma_, ()))
            for c in gov.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ in ("NOUN", "PROPN"):
                    lemmas.add(c.lemma_.lower())
            if gov.dep_ in ("relcl", "acl") and gov.head.pos_ in ("NOUN", "PROPN"):
                lemmas.add(gov.head.lemma_.lower())
        for lemma in lemmas:
            starts.setdefault(lemma, {}).setdefault(year, m)
    return starts


LIFETIME_NOUNS = frozenset(("operation", "operations", "service", "existence", "history", "life", "career", "tenure"))
POSSESSIVES = frozenset(("its", "his", "her", "their"))


def _own_lifetime(doc, m: DateMention) -> tuple[Token | None, list[Token]]:
    """'in its 26 years of operation': (the lifetime noun, the possessor's candidates: the clause subject and the
    nouns in apposition to it, since 'its' refers back to them)."""
    root = m.span.root
    nxt = doc[m.span.end] if m.span.end < len(doc) else None
    if (
        nxt is None
        or nxt.lower_ != "of"
        or not any(c.lower_ in POSSESSIVES and c.dep_ == "poss" for c in root.children)
    ):
        return None, []
    objs = [c for c in nxt.children if c.dep_ == "pobj" and c.lemma_.lower() in LIFETIME_NOUNS]
    if not objs:
        return None, []
    verb = root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return None, []
    owners = [subj] + [c for c in subj.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    return objs[0], owners


def find_duration_problems(doc, mentions: list[DateMention]) -> Iterator[Finding]:
    """DAT003: 'after N years of X' where X's stated start year + N misses the reference year by over a year."""
    pubdate = doc._.pl_pubdate
    starts = None
    for m in mentions:
        if (
            m.record is not None
            or m.duration_years is None
            or m.duration_qualifier
            or m.duration_years != int(m.duration_years)
        ):
            continue
        root = m.span.root
        thing: Token | None = None
        nxt = doc[m.span.end] if m.span.end < len(doc) else None
        if root.head.lower_ == "after" and nxt is not None and nxt.lower_ == "of":
            objs = [c for c in nxt.children if c.dep_ == "pobj"]
            thing = objs[0] if objs else None
        elif nxt is not None and nxt.lower_ == "since":
            objs = [c for c in nxt.children if c.dep_ in ("pobj", "pcomp")]
            thing = _event_noun(objs[0]) if objs else None
            if thing is None and nxt.head.pos_ == "VERB" and nxt.dep_ == "mark":
                thing = _event_noun(nxt.head)
        owners: list[Token] = []
        if thing is None:
            thing, owners = _own_lifetime(doc, m)
        if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
            continue
        if starts is None:
            starts = _start_years(doc, mentions)
        years = starts.get(thing.lemma_.lower())
        if owners:  # "its 26 years of operation": the start must be the owner's ("the dam, completed in 1988")
            years = {}
            for owner in owners:
                years.update(starts.get(owner.lemma_.lower(), {}))
        if not years or len(years) != 1:
            continue  # never dated, or dated twice: cannot decide
        start, start_mention = next(iter(years.items()))
        own = [
            (year, d)
            for d in mentions
            if d.sent_index == m.sent_index and (year := d.year) is not None and d is not start_mention
        ]
        if len(own) == 1:
            ref, own_date = own[0]
            ref_from = f"the sentence's date '{own_date.span.text}'"
        elif not own and pubdate is not None:
            ref, ref_from = pubdate.year, "the publication year"
        else:
            continue
        n = int(m.duration_years)
        if ref <= start or abs(start + n - ref) <= 1:
            continue
        yield Finding(
            "DAT003",
            "warning",
            f"'{m.span.text}' of {thing.text} does not fit: the article dates its start to {start}, "
            f"which gives about {ref - start} years by {ref} ({ref_from})",
            Span.of(m.span),
            related=[Span.of(start_mention.span)],
            confidence=0.7,
            evidence={
                "duration_years": n,
                "start_year": start,
                "reference_year": ref,
                "reference": ref_from,
                "thing": thing.lemma_,
            },
        )


def find_date_problems(doc, mentions: list[DateMention] | None = None) -> Iterator[Finding]:
    mentions = resolve_dates(doc) if mentions is None else mentions
    yield from find_order_problems(doc, mentions)
    yield from find_future_past(doc, mentions)
    yield from find_duration_problems(doc, mentions)


def find_dates(doc) -> list[TimeExpression]:
    """The doc's time expressions (durations left out)."""
    return [m.record for m in resolve_dates(doc) if m.record is not None]


def make_component(nlp) -> Any:
    def run(doc) -> dict[str, list]:
        mentions = resolve_dates(doc)
        return {
            "dates": [m.record for m in mentions if m.record is not None],
            "findings": list(find_date_problems(doc, mentions)),
        }

    return run
