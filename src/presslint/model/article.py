"""Typed records of one checked article: the article, its spans, findings and records, and the ``Report``.

Offsets are character offsets into ``Article.text`` (the extracted, normalised text, headline included), end
exclusive. Records are plain dataclasses so analyzers, renderers, the store and the API all speak one language;
``to_dict``/``from_dict`` give the JSON form documented in ``schema/report.schema.json``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, Self

from .. import registry

SCHEMA_VERSION = "1.6"  # 1.2: Finding.shown, Quote.learned/confidence, Summary.hidden; 1.3: Quote.continuation;
# 1.4: the genre record and Summary.genre; 1.5: Quote.act; 1.6: publication_date_source "text"

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
DateSource = Literal["metadata", "text", "option", "unknown"]  # text: a date line in the text's head
SourceKind = Literal["named_person", "named_organisation", "role_only", "anonymous", "unknown"]
QuoteKind = Literal["direct", "indirect", "mixed"]
GenreKind = Literal["news", "opinion", "analysis"]


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


# Where presslint.nlp.docview keeps a doc's view in ``doc.user_data`` (read here, never imported: model sits below nlp).
DOC_VIEW_KEY = "presslint.view"


def viewed_text(doc: Any) -> str | None:
    """The doc's text when a check has already built its view (``DocView.text``), else None: lets ``Span.of`` cut a
    span's text from it instead of joining a Token per word, without making a view for a doc nobody viewed."""
    cached = doc.user_data.get(DOC_VIEW_KEY) if doc is not None else None
    return cached.text if cached is not None and cached.doc is doc else None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text. ``line``/``column`` (1-based) are filled in when the report is built."""

    start: int  # character offset into article.text
    end: int  # end exclusive
    text: str  # the text between start and end
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, obj: Any) -> Span:
        """Span of a spaCy Token or Span (anything with idx/start_char and text)."""
        if hasattr(obj, "start_char"):
            # A spaCy Span's .text joins a new Token per word; cut it from the doc's text when a check has read it
            # (the doc's view, presslint.nlp.docview, holds that text: the article's, which equals the doc's).
            start, end = obj.start_char, obj.end_char
            text = viewed_text(obj.doc)
            return cls(start, end, text[start:end] if text is not None else obj.text)
        return cls(obj.idx, obj.idx + len(obj.text), obj.text)

    @classmethod
    def between(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Article:
    """One article as ingested: normalised text plus what we know about where it came from."""

    text: str  # extracted, normalised text, headline included
    title: str | None = None
    title_span: tuple[int, int] | None = None  # where the headline sits in ``text``
    byline: str | None = None
    date: str | None = None  # ISO 8601 publication date (YYYY-MM-DD) when known
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # path, URL or "-" it was read from
    language: str | None = None
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def body_start(self) -> int:
        """Offset where the body begins (after the headline and the blank line that follows it)."""
        if not self.title_span:
            return 0
        pos = self.title_span[1]
        while pos < len(self.text) and self.text[pos] in "\r\n \t":
            pos += 1
        return pos


@dataclass(slots=True)
class Entity:
    """A named mention the core found (person, organisation, place, date ...), exposed for knowledge checks."""

    span: Span
    label: str  # spaCy NER label, or a gazetteer label such as GPE
    normalized: str
    origin: str = "ner"  # "ner", "gazetteer", "acronym", "role"


@dataclass(slots=True)
class Source:
    id: int
    name: str
    kind: SourceKind
    mentions: list[Span] = field(default_factory=list)
    description: str | None = None  # e.g. the role words of a role-only source
    count: int | None = None  # "three health officials" -> 3


@dataclass(slots=True)
class Quote:
    kind: QuoteKind
    cue: Span
    content: Span
    speaker: Span | None = None
    channel: Span | None = None  # "told Radio Norte" -> Radio Norte
    source_id: int | None = None
    learned: bool = False  # found by the learned attribution head, not the rules
    confidence: float | None = None  # a learned quote: the lowest probability of its speaker, cue and content spans
    continuation: Span | None = None  # the content's other part around the cue: '"A," she said, "B."' -> "B."
    # the speaker's act on the content ('endorsed Donald Trump', 'rejected the budget', 'threatened to strike'), not a
    # statement of it: the attribution sources no claim (the claim that the act happened needs a source of its own)
    act: bool = False


@dataclass(slots=True)
class Quantity:
    span: Span
    value: float
    counts: str | None = None  # what the number counts ("troops"), its head noun lemma
    unit: str | None = None
    approximate: bool = False
    sentence: int | None = None


@dataclass(slots=True)
class TimeExpression:
    span: Span
    value: str | None  # ISO date/period ("2021-12-31", "2014", "2021-12") or None when unresolved
    granularity: str | None = None  # day, month, year
    relative: bool = False
    note: str | None = None  # why it is unresolved, or how it was resolved


@dataclass(slots=True)
class Claim:
    span: Span
    source_id: int | None = None
    checkworthiness: float | None = None
    quantities: list[int] = field(default_factory=list)
    dates: list[int] = field(default_factory=list)


@dataclass(slots=True)
class GenreCue:
    """One piece of evidence for a genre: what it is, in words, and where it is when it has a place."""

    cue: str  # page, label, disclaimer, bio, signatures, first_person, opinion_verb, reader
    note: str  # what was seen, in words a reader understands
    span: Span | None = None


@dataclass(slots=True)
class Genre:
    """What kind of piece the article reads as, with the cues the call rests on (none for news)."""

    kind: GenreKind  # news, opinion (op-ed, column, editorial, letter, review) or analysis
    form: str | None = None  # op-ed, column, editorial, letter, review, when the cues say which
    cues: list[GenreCue] = field(default_factory=list)


@dataclass(slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    span: Span
    related: list[Span] = field(default_factory=list)
    confidence: float = 1.0
    evidence: dict[str, Any] = field(default_factory=dict)
    name: str = ""  # rule name, filled from the catalogue
    category: str = ""  # rule category, filled from the catalogue
    learned: bool = False  # True when a trained model, not a rule, produced it (its probability in confidence)
    # In the text and HTML reports: set when the report is finished (summary.mark_shown). A learned finding below
    # its operating point (evidence "show_at") is kept in the JSON with its probability but hidden unless --all.
    shown: bool = True


@dataclass(slots=True)
class Failure:
    """An input that ended in a coded error instead of a report; a batch records it and goes on."""

    origin: str
    code: str
    message: str
    error: Any = field(default=None, repr=False, compare=False)  # the PresslintError, when there is one
    article: Article | None = field(default=None, repr=False, compare=False)  # when it was read before failing

    @classmethod
    def of(cls, origin: str, err: Any, article: Article | None = None) -> Self:
        return cls(origin, err.code, err.message, err, article)


@dataclass(slots=True)
class Notice:
    code: str
    message: str


# How a reader names a source: the analyzer's kinds, with "other" for documents, groups and unclear speakers.
ReaderKind = Literal["person", "organisation", "role", "anonymous", "other"]


@dataclass(slots=True)
class QuotedSource:
    """One row of "who is quoted": a source as a reader counts it, the Source records that name the same speaker
    merged into it."""

    name: str  # the fullest name its mentions give
    kind: ReaderKind  # person, organisation, role (role words, no name), anonymous; other: neither a person nor a body
    sources: list[int]  # ids of the Source records merged into this row
    mentions: int  # how often it is named as a speaker
    quotes: list[int]  # indices into quotes: what it is quoted or paraphrased as saying
    first: Span  # its first mention
    description: str | None = None  # the role words that come with the name ("the county's emergency manager")
    count: int | None = None  # how many people it stands for ("two officials" -> 2)


@dataclass(slots=True)
class ClaimLine:
    """A check-worthy claim as the report lists it."""

    claim: int  # index into claims
    checkworthiness: float  # the claim's score, 0..1
    sourced: bool  # attributed to a source in the text
    by: str | None = None  # who or what it is attributed to
    by_kind: ReaderKind | None = None  # that source's kind, as in who_is_quoted


@dataclass(slots=True)
class Summary:
    """What a reader sees first, computed once when the report is finished (renderers only format it)."""

    words: int  # words in the article, headline included
    findings: int  # findings shown in the report
    errors: int
    warnings: int
    infos: int
    claims: int  # check-worthy claims
    claims_attributed: int  # check-worthy claims attributed to a source
    claims_unsourced: int  # check-worthy claims attributed to no one
    sources: int  # real sources: the rows of who_is_quoted
    anonymous_sources: int  # rows of who_is_quoted that are anonymous
    anonymous_share: float | None  # anonymous_sources / sources; null without sources
    loaded_language: int  # LNG findings
    loaded_language_per_1000_words: float  # LNG findings per 1,000 words
    most_serious: list[int]  # indices into findings: the most serious (at most three), most serious first
    notes: list[Notice]  # the notices, each in brief, for one line
    who_is_quoted: list[QuotedSource]  # people, organisations, roles and anonymous sources, most mentioned first
    other_attributions: list[QuotedSource]  # what else statements are attributed to: documents, groups, unclear
    claim_list: list[ClaimLine]  # the check-worthy claims, most check-worthy first
    genre: str | None = None  # one line when the piece reads as opinion or analysis: the genre and its cues
    hidden: int = 0  # learned findings below their operating point and LNG findings on a source's own words: in the JSON, hidden from text and HTML


@dataclass(slots=True)
class Provenance:
    presslint_version: str
    model_name: str
    model_version: str
    model_sha256: str
    config_hash: str
    publication_date: str  # ISO date or "unknown"
    publication_date_source: DateSource  # where the publication date came from
    content_hash: str
    checked_at: str


class Report:
    """One checked article: its text and provenance, the findings, the notices, and the records the registry
    declares for the report (``sources``, ``quotes``, ``claims`` ...), read as attributes: ``report.sources``.

    The record fields come from ``registry.RECORDS``, so a new record type is declared there, not here.
    """

    __slots__ = ("article", "findings", "id", "notices", "provenance", "records", "schema_version", "summary")

    def __init__(
        self,
        article: Article,
        provenance: Provenance,
        findings: list[Finding] | None = None,
        notices: list[Notice] | None = None,
        *,
        schema_version: str = SCHEMA_VERSION,
        id: int | None = None,  # store id once saved
        summary: Summary | None = None,  # set when the report is finished (presslint.summary)
        **records: list[Any],
    ) -> None:
        names = record_names()
        unknown = set(records) - set(names)
        if unknown:
            raise TypeError(f"Report has no record {', '.join(sorted(unknown))} (see registry.RECORDS)")
        self.article = article
        self.provenance = provenance
        self.findings = findings if findings is not None else []
        self.notices = notices if notices is not None else []
        self.schema_version = schema_version
        self.id = id
        self.summary = summary
        self.records: dict[str, list[Any]] = {name: list(records.get(name) or []) for name in names}

    def __getattr__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, "records")[name]
        except (KeyError, AttributeError):
            raise AttributeError(f"Report has no attribute {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name in Report.__slots__:
            object.__setattr__(self, name, value)
        elif name in self.records:
            self.records[name] = value
        else:
            raise AttributeError(f"Report has no attribute {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in Report.__slots__)

    __hash__ = None  # type: ignore[assignment]  # unhashable, as __eq__ compares fields; typeshed: a method

    def __repr__(self) -> str:
        return f"Report(id={self.id}, article={self.article.origin!r}, findings={len(self.findings)})"

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in Report.__slots__}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            object.__setattr__(self, k, v)

    def replace(self, **changes: Any) -> Report:
        """A shallow copy with some fields or records changed."""
        fields = {k: getattr(self, k) for k in Report.__slots__ if k != "records"}
        return Report(**{**fields, **self.records, **changes})

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: schema_version first, then the fields, the summary, each record by name, notices and the
        store id."""
        return {
            "schema_version": self.schema_version,
            "article": to_dict(self.article),
            "provenance": to_dict(self.provenance),
            "summary": to_dict(self.summary),
            "findings": to_dict(self.findings),
            **{name: to_dict(items) for name, items in self.records.items()},
            "notices": to_dict(self.notices),
            "id": self.id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        records = {
            r.name: [from_dict(registry.record_type(r), item) for item in data.get(r.name) or []]
            for r in registry.report_records()
        }
        return cls(
            article=from_dict(Article, data["article"]),
            provenance=from_dict(Provenance, data["provenance"]),
            findings=[from_dict(Finding, f) for f in data.get("findings") or []],
            notices=[from_dict(Notice, n) for n in data.get("notices") or []],
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            id=data.get("id"),
            summary=from_dict(Summary, data["summary"]) if data.get("summary") else None,
            **records,
        )


def record_names() -> tuple[str, ...]:
    """The report's record fields, in report order (from the registry)."""
    return tuple(r.name for r in registry.report_records())


def map_spans(obj: Any, fn: Any) -> Any:
    """``obj`` with ``fn`` applied to every Span inside it (records, lists, nested records), in place where it can."""
    if isinstance(obj, Span):
        return fn(obj)
    if isinstance(obj, list):
        return [map_spans(x, fn) for x in obj]
    names = _field_names(type(obj))
    if names is not None:
        for name in names:
            value = getattr(obj, name)
            if isinstance(value, Span | list) or dataclasses.is_dataclass(value):
                setattr(obj, name, map_spans(value, fn))
    return obj


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type), looked up once per type: ``locate`` walks
    every record of every report, and ``dataclasses.fields`` builds its tuple again on each call."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def to_dict(obj: Any) -> Any:
    """Dataclasses to JSON-ready dicts (tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_NESTED: dict[type, dict[str, Any]] = {}


def from_dict(cls: type, data: Any) -> Any:
    """Inverse of :func:`to_dict` for the record types above."""
    import typing

    hints = _NESTED.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _NESTED[cls] = hints
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    import typing

    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for arg in args:
            if arg is type(None):
                continue
            return _coerce(arg, value)
    if origin is list:
        return [_coerce(args[0], v) for v in value]
    if origin is tuple:
        return tuple(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value
