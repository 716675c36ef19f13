"""Typed records of the corpus: many articles, the stories they form, and what the store keeps about them.

Two families:

* What the store keeps and the CLI, the web API and the renderers read: ``Story`` (a line of ``presslint stories``),
  ``StoryView`` (``presslint story``: the story with its ``SyndicationGroup``s, its ``StoryMember``s outlet by outlet
  in ``OutletArticles``, its ``AlignedClaim``s and its outlets' ``OutletProfile``s), ``ArticleVersion``,
  ``HistoryRow``, ``IngestErrorRow`` and ``FactCheck``. An ``AlignedClaim`` holds its members (``ClaimText``), the
  positions the outlets take when it is contradicted (``ClaimSide``) and each disagreement (``Conflict`` with two
  ``ConflictSide``s).
* What ``corpus.compare.compare_story`` finds over ``Report``s before anything is stored: a ``StoryComparison`` of
  ``ComparedClaim``s whose members are ``ClaimRef``s (a claim sentence of one report, by content hash) and whose
  disagreements are ``ComparedConflict``s. ``StoryComparison.aligned_claims`` gives them in the stored shape.
  ``ClaimSide`` and ``OutletProfile`` serve both families. ``VersionDiff`` is what changed between two versions.

Outlets are corpus outlet keys (the lower-cased outlet name, else the URL's host). Offsets (``start``/``end``) index
the member article's text. The JSON form of a record is ``model.to_dict(record)``: its field names are the keys.
The web API uses these classes as its response models: a field's ``metadata=_describe(...)`` is what the OpenAPI
document says about it; ``#`` comments are notes for readers of the code.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Final, Literal

from .article import Span

ClaimStatus = Literal["corroborated", "contradicted", "single-source"]
ConflictKind = Literal["number", "date", "polarity"]
ChangeKind = Literal["added", "removed", "altered"]
CORROBORATED: Final = "corroborated"
CONTRADICTED: Final = "contradicted"
SINGLE: Final = "single-source"


def _describe(text: str) -> dict[str, str]:
    """Field metadata pydantic reads as the field's description (the OpenAPI document's words for it)."""
    return {"description": text}


# ---------------------------------------------------------------- stories, as stored


@dataclass(slots=True)
class Story:
    """Articles from several outlets about one event, as ``presslint stories`` lists them."""

    id: int
    first_date: str  # ISO date of its earliest article
    last_date: str
    headline: str | None  # the earliest article's headline
    articles: int = field(metadata=_describe("Member articles, syndicated copies included."))
    independent_outlets: int = field(
        metadata=_describe(
            "Outlets that reported it independently: syndicated copies and one outlet's articles count once."
        )
    )
    corroborated: int = field(
        metadata=_describe("Aligned claims two or more independent outlets make, as of the last article that joined.")
    )
    contradicted: int = field(metadata=_describe("Aligned claims the outlets disagree on."))
    single_source: int = field(metadata=_describe("Aligned claims one independent outlet alone makes."))


@dataclass(slots=True)
class StoryMember:
    """One article of a story, with its syndication group and the counts of its report's findings."""

    article_id: int
    report_id: int | None
    outlet: str
    published: str  # ISO publication date (the day it was ingested when the article had none)
    headline: str | None
    url: str | None
    origin: str | None
    syndication_group_id: int
    group_members: int = field(metadata=_describe("Copies of this text in the whole store."))
    canonical: bool = field(metadata=_describe("This member is its syndication group's first (original) copy."))
    similarity: float = field(metadata=_describe("Estimated Jaccard similarity to the group's original copy."))
    score: float = field(metadata=_describe("Its membership score when it joined the story."))
    joined_at: str
    errors: int
    warnings: int
    infos: int


@dataclass(slots=True)
class SyndicationGroup:
    """Copies of one text in a story (a wire story and the outlets that ran it): they count as one source."""

    group: int  # syndication group id (StoryMember.syndication_group_id)
    copies: int
    outlets: list[str]
    note: str  # "3 syndicated copies count as one source"


@dataclass(slots=True)
class OutletArticles:
    outlet: str
    articles: list[StoryMember]


# ---------------------------------------------------------------- aligned claims, as stored


@dataclass(slots=True)
class ClaimText:
    """One member of an aligned claim: a claim sentence of one article."""

    article_id: int | None = field(
        metadata=_describe("The article's store id (null only in a comparison made outside the store).")
    )
    outlet: str
    start: int = field(metadata=_describe("Offset into the member article's text."))
    end: int
    text: str
    position: str | None = field(
        default=None,
        metadata=_describe("What it asserts where its claim is contradicted, e.g. '4 worker' or 'denies'."),
    )


@dataclass(slots=True)
class ConflictSide:
    """One side of a disagreement: the sentence and the value it gives."""

    article_id: int | None  # None only in a comparison made outside the store
    outlet: str
    start: int
    end: int
    text: str
    value: str  # "6 worker", "2025-03-11", "denies 'the company ordered ...'"


@dataclass(slots=True)
class Conflict:
    kind: ConflictKind
    what: str  # what the two disagree about ("worker (kill)", "order")
    reason: str  # "4 vs 6 worker (kill)"
    a: ConflictSide
    b: ConflictSide


@dataclass(slots=True)
class ClaimSide:
    """A position outlets take on a contradicted claim."""

    position: str  # "4 worker", "affirms", "denies", a date
    outlets: list[str]
    independent: int = field(metadata=_describe("Independent outlets holding this position."))


@dataclass(slots=True)
class AlignedClaim:
    """Claims several articles of a story make about the same thing, lined up across outlets."""

    alignment_id: int  # its number within the story, in display order
    status: ClaimStatus
    independent_outlets: int = field(
        metadata=_describe("Outlets making it independently: syndicated copies and one outlet count once.")
    )
    outlets: list[str]  # the members' outlets, sorted
    about: list[str]  # what ties the members together (counted thing, predicate, shared names)
    text: str  # the first member's sentence
    members: list[ClaimText]
    sides: list[ClaimSide] = field(
        default_factory=list, metadata=_describe("Contradicted claims: the outlets on each side.")
    )
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(slots=True)
class OutletProfile:
    """How an outlet writes: its counts and rates over the articles seen (one story's, or the whole store's)."""

    outlet: str
    articles: int
    words: int
    sources: int
    anonymous_sources: int
    anonymous_source_rate: float | None = field(
        metadata=_describe("Share of its sources that are anonymous; null without sources.")
    )
    loaded_language: int  # LNG findings
    loaded_language_per_1000_words: float
    findings: int
    findings_per_1000_words: float
    updated_at: str | None = None  # when the store's running totals last changed; None in a comparison


@dataclass(slots=True)
class StoryView(Story):
    """One story outlet by outlet and claim by claim (``presslint story``, ``GET /api/v1/stories/{id}``)."""

    syndication: list[SyndicationGroup] = field(metadata=_describe("Syndication groups with more than one copy."))
    outlets: list[OutletArticles]  # members outlet by outlet
    claims: list[AlignedClaim] = field(
        default_factory=list, metadata=_describe("Contradicted first, then corroborated, then single-source.")
    )
    profiles: list[OutletProfile] = field(
        default_factory=list, metadata=_describe("Store-wide profiles of the story's outlets.")
    )


# ---------------------------------------------------------------- a comparison of reports, before the store


@dataclass(slots=True)
class ClaimRef:
    """One claim sentence of one article."""

    outlet: str
    content_hash: str
    span: Span
    origin: str | None = None
    url: str | None = None
    position: str | None = None  # what it asserts where its group disagrees ("4 worker", "affirms", "2025-03-11")


@dataclass(slots=True)
class ComparedConflict:
    kind: ConflictKind
    what: str  # what the two disagree about ("worker (kill)", "order")
    a: ClaimRef
    b: ClaimRef
    a_value: str
    b_value: str
    reason: str


@dataclass(slots=True)
class ComparedClaim:
    id: int
    status: ClaimStatus
    about: list[str]  # what ties the members together (counted thing, predicate, shared names)
    members: list[ClaimRef]
    independent_outlets: int  # syndicated copies and the same outlet count once
    conflicts: list[ComparedConflict] = field(default_factory=list)
    sides: list[ClaimSide] = field(default_factory=list)  # filled when contradicted

    @property
    def text(self) -> str:
        return self.members[0].span.text


@dataclass(slots=True)
class StoryComparison:
    articles: int
    outlets: int
    independent_outlets: int
    syndication: dict[str, str]  # content hash -> independence group label
    claims: list[ComparedClaim]
    profiles: list[OutletProfile]

    def by_status(self, status: str) -> list[ComparedClaim]:
        return [c for c in self.claims if c.status == status]

    def aligned_claims(self, article_ids: Mapping[str, int] | None = None) -> list[AlignedClaim]:
        """The claims in the shape the store keeps; ``article_ids`` maps content hash -> store id (None: no ids)."""
        ids = article_ids or {}

        def member(ref: ClaimRef) -> ClaimText:
            span = ref.span
            return ClaimText(ids.get(ref.content_hash), ref.outlet, span.start, span.end, span.text, ref.position)

        def side(ref: ClaimRef, value: str) -> ConflictSide:
            return ConflictSide(
                ids.get(ref.content_hash), ref.outlet, ref.span.start, ref.span.end, ref.span.text, value
            )

        return [
            AlignedClaim(
                alignment_id=c.id,
                status=c.status,
                independent_outlets=c.independent_outlets,
                outlets=sorted({m.outlet for m in c.members}),
                about=list(c.about),
                text=c.text,
                members=[member(m) for m in c.members],
                sides=[ClaimSide(s.position, sorted(set(s.outlets)), s.independent) for s in c.sides],
                conflicts=[
                    Conflict(x.kind, x.what, x.reason, side(x.a, x.a_value), side(x.b, x.b_value)) for x in c.conflicts
                ],
            )
            for c in self.claims
        ]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


# ---------------------------------------------------------------- versions of one URL


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """A distinct text seen at one URL."""

    url: str
    content_hash: str
    seen_at: str
    title: str | None
    date: str | None
    text: str


@dataclass(slots=True)
class ClaimChange:
    kind: ChangeKind
    old: Span | None = None
    new: Span | None = None
    similarity: float | None = None
    numbers_before: list[str] = field(default_factory=list)  # numbers only in the old sentence
    numbers_after: list[str] = field(default_factory=list)  # numbers only in the new sentence


@dataclass(slots=True)
class VersionDiff:
    url: str | None
    old_hash: str
    new_hash: str
    old_seen: str | None
    new_seen: str | None
    title_before: str | None
    title_after: str | None
    changes: list[ClaimChange]
    unchanged: int  # claims in both versions, same wording
    notices: list[Span]  # correction / update notices in the new version
    new_notices: list[Span]  # ... that the old version did not have

    @property
    def added(self) -> list[ClaimChange]:
        return [c for c in self.changes if c.kind == "added"]

    @property
    def removed(self) -> list[ClaimChange]:
        return [c for c in self.changes if c.kind == "removed"]

    @property
    def altered(self) -> list[ClaimChange]:
        return [c for c in self.changes if c.kind == "altered"]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


# ---------------------------------------------------------------- the store's reports, ingest errors and fact-checks


@dataclass(frozen=True, slots=True)
class HistoryRow:
    id: int
    created_at: str
    title: str | None
    origin: str | None
    content_hash: str
    presslint_version: str
    config_hash: str
    errors: int
    warnings: int
    infos: int

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class IngestErrorRow:
    """An input ``presslint ingest`` could not read or check (the run went on without it)."""

    id: int
    origin: str  # the file, URL, feed item or archive record
    code: str  # presslint error code
    message: str
    created_at: str


@dataclass(slots=True)
class FactCheck:
    url: str
    claim_reviewed: str
    rating: str | None = None  # reviewRating.alternateName
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    author: str | None = None  # the fact-checking organisation
    claimant: str | None = None  # itemReviewed.author
    date_published: str | None = None
    language: str | None = None
    origin: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
