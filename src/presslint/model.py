"""Typed records shared by every part of presslint.

Offsets are character offsets into ``Article.text`` (the extracted, normalised text, headline included), end
exclusive. Records are plain dataclasses so analyzers, renderers, the store and the API all speak one language;
``to_dict``/``from_dict`` give the JSON form documented in ``schema/report.schema.json``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
SourceKind = Literal["named_person", "named_organisation", "role_only", "anonymous", "unknown"]
QuoteKind = Literal["direct", "indirect", "mixed"]


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text. ``line``/``column`` (1-based) are filled in when the report is built."""

    start: int
    end: int
    text: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, obj: Any) -> Span:
        """Span of a spaCy Token or Span (anything with idx/start_char and text)."""
        if hasattr(obj, "start_char"):
            return cls(obj.start_char, obj.end_char, obj.text)
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

    text: str
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
    learned: bool = False  # True when a trained model, not a rule, produced it


@dataclass(slots=True)
class Notice:
    code: str
    message: str


@dataclass(slots=True)
class Provenance:
    presslint_version: str
    model_name: str
    model_version: str
    model_sha256: str
    config_hash: str
    publication_date: str  # ISO date or "unknown"
    publication_date_source: str  # "metadata", "option" or "unknown"
    content_hash: str
    checked_at: str


@dataclass(slots=True)
class Report:
    article: Article
    provenance: Provenance
    findings: list[Finding] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    id: int | None = None  # store id once saved

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return from_dict(cls, data)


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
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value
