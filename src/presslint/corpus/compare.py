"""Cross-outlet comparison of one story: which claims several outlets make, which they contradict, which one alone.

    >>> comparison = compare_story(reports, syndication={hash_a: 1, hash_b: 1})
    >>> print(presslint.report.story.render_comparison(comparison, "text"))

A pure function over ``Report``s (the claims, quantities, dates, entities and sources the pipeline found). Each claim
sentence is re-parsed on its own (spaCy parser only, no presslint components) so ``analyzers.semantics`` can read
its predicate and polarity. Two claims from different articles are about the same thing when:

* a quantity counts the same thing ("workers") under the same verb ("killed") in both: equal values agree, different
  exact values contradict (an approximate value, "more than 80", never contradicts);
* a date is attached to the same event verb in both at the same granularity: different values contradict;
* their propositions align strictly (``semantics.align``: related predicates, matching subject or object, nothing that
  tells two events apart): same polarity agrees, opposite polarity contradicts;
* or their wording is nearly the same (a copy).

Aligned claims are grouped (connected pairs), and each group is marked ``contradicted`` (both sides quoted with
their outlets), ``corroborated`` (two or more independent outlets) or ``single-source``. Independence: syndicated
copies (``syndication``: content hash -> group, e.g. from ``corpus.dedup``; near-identical bodies otherwise) and
articles of the same outlet count once. When in doubt a pair is left unaligned: a claim wrongly called
single-source costs less than a contradiction that is not one. The records (``StoryComparison``, ``ComparedClaim``,
``ClaimRef`` ...) are in ``presslint.model.corpus``.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..model import (
    CONTRADICTED,
    CORROBORATED,
    SINGLE,
    ClaimRef,
    ClaimSide,
    ClaimStatus,
    ComparedClaim,
    ComparedConflict,
    ConflictKind,
    OutletProfile,
    Report,
    StoryComparison,
)
from ..nlp import semantics

COPY_RATIO = 90  # rapidfuzz ratio of two bodies above which they are one text (syndicated copies)
SAME_WORDING = 88  # token_sort_ratio of two claim sentences above which they say the same thing
APPROX_TOLERANCE = 0.1  # relative gap under which "about 300" and "310" agree
MAX_COPY_SCAN = 400  # the fallback copy detection is quadratic; above this, pass ``syndication``
_NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


# ---------------------------------------------------------------- claim facts


@dataclass(slots=True)
class _Facts:
    index: int  # article index
    ref: ClaimRef
    text: str
    names: frozenset[str]
    content: frozenset[str]
    numbers: list[tuple[str, float, bool, str | None]]  # (counts, value, approximate, governing verb)
    dates: list[tuple[str, str, str | None]]  # (value, granularity, governing verb)
    props: list[semantics.Proposition]


def outlet_name(report: Report) -> str:
    """The outlet an article counts for: its outlet name, else its URL's host, else its origin, else 'unknown'."""
    article = report.article
    if article.outlet and article.outlet.strip():
        return " ".join(article.outlet.split())
    for url in (article.url, article.origin):
        host = urlsplit(url or "").hostname
        if host:
            return host.removeprefix("www.")
    return article.origin or "unknown"


@lru_cache(maxsize=1)
def _default_nlp() -> Any:
    from ..nlp import load_pipeline

    return load_pipeline()


def _parse(text: str, nlp: Any) -> Any:
    """Parser and NER only: the presslint components expect article context a lone sentence does not have."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("presslint_") or name == "presslint_newline_sents":
            doc = proc(doc)
    return doc


def _governing_verb(doc: Any, start: int) -> str | None:
    token = next((t for t in doc if t.idx <= start < t.idx + max(1, len(t.text))), None)
    for _ in range(5):
        if token is None:
            return None
        if token.pos_ in ("VERB", "AUX") and token.lemma_ != "be":
            return semantics._key(token, semantics.lexicon())
        if token.head == token:
            return None
        token = token.head
    return None


def _facts(index: int, report: Report, outlet: str, nlp: Any) -> list[_Facts]:
    lex = semantics.lexicon()
    out = []
    for claim in report.claims:
        span = claim.span
        doc = _parse(span.text, nlp)
        names = {e.normalized.lower() for e in report.entities if span.contains(e.span)}
        names |= {e.text.lower() for e in doc.ents if e.label_ not in _NUMBER_LABELS | semantics.TIME_LABELS}
        content = frozenset(
            t.lemma_.lower()
            for t in doc
            if t.pos_ in semantics.CONTENT_POS and not t.is_stop and t.is_alpha and t.lemma_.lower() not in lex.report
        )
        numbers = []
        for i in claim.quantities:
            q = report.quantities[i]
            numbers.append((q.counts, q.value, q.approximate, _governing_verb(doc, q.span.start - span.start)))
        dates = []
        for i in claim.dates:
            d = report.dates[i]
            if d.value and not d.note:
                dates.append((d.value, d.granularity or "", _governing_verb(doc, d.span.start - span.start)))
        props = [p for i, sent in enumerate(doc.sents) for p in semantics.sentence_propositions(sent, i, lex)]
        ref = ClaimRef(outlet, report.provenance.content_hash, span, report.article.origin, report.article.url)
        out.append(_Facts(index, ref, span.text, frozenset(names), content, numbers, dates, props))
    return out


_FACTS_CACHE: OrderedDict[tuple, list[_Facts]] = OrderedDict()
FACTS_CACHE_SIZE = 1024  # articles; a story recompared as members join re-parses only its new members


def _cached_facts(index: int, report: Report, outlet: str, nlp: Any) -> list[_Facts]:
    """``_facts`` memoised per (text, config, outlet, origin, pipeline): re-parsing claims is the costly part."""
    prov = report.provenance
    key = (
        prov.content_hash,
        prov.config_hash,
        prov.presslint_version,
        outlet,
        report.article.origin,
        report.article.url,
        id(nlp),
    )
    cached = _FACTS_CACHE.get(key)
    if cached is None:
        cached = _facts(0, report, outlet, nlp)
        _FACTS_CACHE[key] = cached
        if len(_FACTS_CACHE) > FACTS_CACHE_SIZE:
            _FACTS_CACHE.popitem(last=False)
    else:
        _FACTS_CACHE.move_to_end(key)
    # Fresh records per call: the comparison numbers articles and sets positions on copies of the refs.
    return [dataclasses.replace(f, index=index, ref=dataclasses.replace(f.ref)) for f in cached]


# ---------------------------------------------------------------- comparing two claims


@dataclass(slots=True)
class _Link:
    agree: list[str] = field(default_factory=list)  # what they agree on
    conflicts: list[tuple[ConflictKind, str, str, str, str]] = field(default_factory=list)  # kind, what, a, b, reason


def _related_verbs(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    relation = semantics.lexicon().relation(a, b)
    return relation in ("same", "synonym")


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _same_topic(a: _Facts, b: _Facts) -> bool:
    """Shared names, or several shared content words: the floor under every comparison."""
    return bool(a.names & b.names) or len(a.content & b.content) >= 3


def compare_claims(a: _Facts, b: _Facts) -> _Link | None:
    if not _same_topic(a, b):
        return None
    link = _Link()
    report_verbs = semantics.lexicon().report
    for counts, value, approx, verb in a.numbers:
        if counts is None or verb in report_verbs:
            continue
        for counts2, value2, approx2, verb2 in b.numbers:
            if counts2 != counts or not _related_verbs(verb, verb2):
                continue
            what = f"{counts} ({verb})" if verb else counts
            gap = abs(value - value2) / max(abs(value), abs(value2), 1e-9)
            if value == value2 or ((approx or approx2) and gap <= APPROX_TOLERANCE):
                link.agree.append(what)
            elif not (approx or approx2):
                link.conflicts.append(
                    (
                        "number",
                        what,
                        f"{_fmt(value)} {counts}",
                        f"{_fmt(value2)} {counts2}",
                        f"{_fmt(value)} vs {_fmt(value2)} {counts} ({verb or 'same context'})",
                    )
                )
    for day, gran, verb in a.dates:
        if verb is None or verb in report_verbs:
            continue
        for day2, gran2, verb2 in b.dates:
            if gran != gran2 or not _related_verbs(verb, verb2):
                continue
            if day == day2:
                link.agree.append(f"{verb} on {day}")
            elif not (day.startswith(day2) or day2.startswith(day)):
                link.conflicts.append(("date", verb, day, day2, f"'{verb}' dated {day} vs {day2}"))
    lex = semantics.lexicon()
    for p in a.props:
        for q in b.props:
            if p.hedge or q.hedge:
                continue
            alignment = semantics.align(p, q, lex)
            if alignment is None:
                continue
            if alignment.stance == "conflict":
                pa = "affirms" if p.positive else "denies"
                pb = "affirms" if q.positive else "denies"
                link.conflicts.append(
                    ("polarity", p.predicate, f"{pa} '{p.text}'", f"{pb} '{q.text}'", alignment.reason)
                )
            elif alignment.stance == "agree":
                link.agree.append(p.predicate)
    if not link.agree and not link.conflicts:
        from rapidfuzz import fuzz

        if fuzz.token_sort_ratio(a.text, b.text) >= SAME_WORDING:
            link.agree.append("same wording")
    return link if (link.agree or link.conflicts) else None


# ---------------------------------------------------------------- independence


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)


def near_copies(reports: list[Report]) -> dict[str, Hashable]:
    """Fallback syndication: content hash -> group number, joining articles whose bodies are near-identical."""
    from rapidfuzz import fuzz

    bodies = [r.article.text[r.article.body_start :] for r in reports]
    groups = UnionFind()
    if len(reports) <= MAX_COPY_SCAN:
        for i in range(len(reports)):
            for j in range(i + 1, len(reports)):
                if fuzz.ratio(bodies[i], bodies[j], score_cutoff=COPY_RATIO):
                    groups.union(i, j)
    return {r.provenance.content_hash: groups.find(i) for i, r in enumerate(reports)}


def _independence(reports: list[Report], outlets: list[str], syndication: Mapping[str, Hashable] | None) -> list[str]:
    """Per article, a label shared by every article it does not count apart from (copies, the same outlet)."""
    copies = syndication if syndication is not None else near_copies(reports)
    union = UnionFind()
    for i, report in enumerate(reports):
        group = copies.get(report.provenance.content_hash)
        if group is not None:
            union.union(("article", i), ("group", group))
        union.union(("article", i), ("outlet", outlets[i].lower()))
    roots = [union.find(("article", i)) for i in range(len(reports))]
    names: dict[Hashable, str] = {}
    for i, root in enumerate(roots):
        names.setdefault(root, outlets[i])
    return [names[root] for root in roots]


# ---------------------------------------------------------------- the comparison


def compare_story(
    reports: list[Report], *, syndication: Mapping[str, Hashable] | None = None, nlp: Any = None
) -> StoryComparison:
    """Align the claims of several articles about one story and mark each corroborated, contradicted or
    single-source; profile each outlet. ``syndication`` maps content hash -> copy group (None: detect copies)."""
    nlp = nlp or _default_nlp()
    outlets = [outlet_name(r) for r in reports]
    labels = _independence(reports, outlets, syndication)
    facts = [f for i, r in enumerate(reports) for f in _cached_facts(i, r, outlets[i], nlp)]
    groups = UnionFind()
    links: dict[tuple[int, int], _Link] = {}
    for i, a in enumerate(facts):
        groups.find(i)
        for j in range(i + 1, len(facts)):
            b = facts[j]
            if a.index == b.index:
                continue
            link = compare_claims(a, b)
            if link is not None:
                links[(i, j)] = link
                groups.union(i, j)
    members: dict[Hashable, list[int]] = defaultdict(list)
    for i in range(len(facts)):
        members[groups.find(i)].append(i)
    claims = [_aligned(idxs, facts, links, labels) for idxs in members.values()]
    order = {CONTRADICTED: 0, CORROBORATED: 1, SINGLE: 2}
    claims.sort(key=lambda c: (order[c.status], -c.independent_outlets, c.members[0].outlet, c.members[0].span.start))
    for number, claim in enumerate(claims, 1):
        claim.id = number
    return StoryComparison(
        articles=len(reports),
        outlets=len({o.lower() for o in outlets}),
        independent_outlets=len(set(labels)),
        syndication={r.provenance.content_hash: labels[i] for i, r in enumerate(reports)},
        claims=claims,
        profiles=profiles(reports, outlets),
    )


def _aligned(
    idxs: list[int], facts: list[_Facts], links: dict[tuple[int, int], _Link], labels: list[str]
) -> ComparedClaim:
    # One member per article: several sentences of one article joining a group add nothing.
    seen_articles: dict[int, int] = {}
    for i in idxs:
        seen_articles.setdefault(facts[i].index, i)
    chosen = sorted(seen_articles.values())
    refs = {i: dataclasses.replace(facts[i].ref) for i in chosen}
    conflicts: list[ComparedConflict] = []
    about: list[str] = []
    seen: set[tuple[str, str, frozenset[str]]] = set()
    positions: dict[int, str] = {}
    for (i, j), link in links.items():
        if i not in refs or j not in refs:
            continue
        about.extend(w for w in link.agree if w not in about)
        for kind, what, a_value, b_value, reason in link.conflicts:
            if what not in about:
                about.append(what)
            pos_a, pos_b = (
                (a_value, b_value) if kind != "polarity" else (a_value.split(" ", 1)[0], b_value.split(" ", 1)[0])
            )
            positions.setdefault(i, pos_a)
            positions.setdefault(j, pos_b)
            key = (kind, what, frozenset({pos_a, pos_b}))
            if key in seen:
                continue  # the same disagreement is quoted once; ``sides`` lists every outlet on each side
            seen.add(key)
            conflicts.append(ComparedConflict(kind, what, refs[i], refs[j], a_value, b_value, reason))
    members = [refs[i] for i in chosen]
    independent = len({labels[facts[i].index] for i in chosen})
    sides: list[ClaimSide] = []
    status: ClaimStatus
    if conflicts:
        status = CONTRADICTED
        # Members the conflicts did not place hold the position of the copy or outlet they go with.
        by_label = {labels[facts[i].index]: p for i, p in positions.items()}
        by_position: dict[str, list[int]] = defaultdict(list)
        for i in chosen:
            position = positions.get(i) or by_label.get(labels[facts[i].index])
            refs[i].position = position
            if position:
                by_position[position].append(i)
        for position, holders in by_position.items():
            sides.append(
                ClaimSide(
                    position, [facts[i].ref.outlet for i in holders], len({labels[facts[i].index] for i in holders})
                )
            )
        sides.sort(key=lambda s: (-s.independent, s.position))
    elif independent >= 2:
        status = CORROBORATED
    else:
        status = SINGLE
    return ComparedClaim(0, status, about, members, independent, conflicts, sides)


def profiles(reports: list[Report], outlets: list[str] | None = None) -> list[OutletProfile]:
    """Per outlet: anonymous-source rate, loaded-language and findings per 1,000 words."""
    outlets = outlets or [outlet_name(r) for r in reports]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for outlet, report in zip(outlets, reports):
        t = totals[outlet]
        t["articles"] += 1
        t["words"] += len(report.article.text.split())
        t["sources"] += len(report.sources)
        t["anonymous"] += sum(s.kind == "anonymous" for s in report.sources)
        t["loaded"] += sum(f.code.startswith("LNG") for f in report.findings)
        t["findings"] += len(report.findings)
    out = []
    for outlet, t in sorted(totals.items()):
        per_k = 1000 / t["words"] if t["words"] else 0.0
        out.append(
            OutletProfile(
                outlet=outlet,
                articles=t["articles"],
                words=t["words"],
                sources=t["sources"],
                anonymous_sources=t["anonymous"],
                anonymous_source_rate=round(t["anonymous"] / t["sources"], 3) if t["sources"] else None,
                loaded_language=t["loaded"],
                loaded_language_per_1000_words=round(t["loaded"] * per_k, 2),
                findings=t["findings"],
                findings_per_1000_words=round(t["findings"] * per_k, 2),
            )
        )
    return out
