"""Known fact-checks: import schema.org ClaimReview records and match article claims against them (FCK001).

    >>> reviews = read_claimreviews(["reviews.jsonld", "https://factchecker.example/feed.json"])
    >>> save_factchecks(store, reviews)                       # presslint.store.factchecks
    >>> findings = match_factchecks(report, store)             # post-step after check()

Readers accept a JSON-LD array, a single object, an ``@graph``, ClaimReviews nested in other objects, HTML pages with
``<script type="application/ld+json">`` blocks, JSON Lines, and the Google Fact Check Tools API shape
(``claims[].claimReview[]``). Matching is conservative: a claim sentence matches a reviewed claim only when the
wording overlaps strongly (rapidfuzz ``token_set_ratio``), most of the reviewed claim's content words are in the
sentence, and its numbers and names are there too. The finding is informational: it says a fact-checker reviewed a
claim like this one and what they concluded, never that the article is wrong.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import E, PresslintError
from ..model import FactCheck, Finding, Report, Span
from ..rules import Rule

RULES = [
    Rule(
        "FCK001",
        "known-fact-check",
        "info",
        "fact-checks",
        "A claim in the article matches a claim a fact-checker has already reviewed.",
        "Fact-checkers publish their verdicts as schema.org ClaimReview records. After `presslint factchecks import`, "
        "each check-worthy sentence is compared with the imported reviewed claims; a match needs strongly "
        "overlapping wording, most of the reviewed claim's content words, and every number and name of the reviewed "
        "claim in the sentence. The finding quotes the reviewed claim, the fact-checker's rating and the review's "
        "URL so an editor can read the verdict. It does not say the article is wrong: the article may be quoting "
        "the claim in order to debunk it.",
        "The mayor said 40 percent of the city's water is lost to leaks. (reviewed by a fact-checker: 'Mostly false')",
    ),
]

MIN_SET_RATIO = 85.0  # token_set_ratio between the sentence and the reviewed claim
MIN_COVERAGE = 0.75  # share of the reviewed claim's content words found in the sentence
MIN_CONTENT_WORDS = 4  # shorter reviewed claims are too generic to match on words
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "no",
        "said",
        "says",
        "say",
        "will",
        "would",
        "can",
        "could",
        "than",
        "then",
        "there",
        "here",
        "about",
        "after",
        "before",
        "over",
        "under",
        "into",
        "more",
        "most",
        "less",
        "very",
        "also",
        "just",
        "only",
    ]
)


# ---------------------------------------------------------------- reading ClaimReview


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("url") or value.get("@id")
    return str(value).strip() if value not in (None, "") else None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _walk(obj: Any) -> Iterator[dict]:
    if isinstance(obj, list):
        for item in obj:
            yield from _walk(item)
    elif isinstance(obj, dict):
        if "ClaimReview" in _types(obj):
            yield obj
        for key, value in obj.items():
            if key in ("@graph", "review", "reviews", "itemListElement", "item", "mainEntity", "hasPart") or (
                isinstance(value, (list, dict)) and key not in ("reviewRating", "itemReviewed", "author")
            ):
                yield from _walk(value)


def _api_records(obj: Any) -> Iterator[FactCheck]:
    """The Google Fact Check Tools API shape: {"claims": [{"text", "claimant", "claimReview": [...]}]}."""
    if isinstance(obj, list):
        for item in obj:
            yield from _api_records(item)
        return
    for claim in obj.get("claims", []) if isinstance(obj, dict) else []:
        for review in claim.get("claimReview", []):
            if review.get("url") and claim.get("text"):
                yield FactCheck(
                    url=review["url"],
                    claim_reviewed=claim["text"],
                    rating=review.get("textualRating"),
                    author=_name(review.get("publisher")),
                    claimant=claim.get("claimant"),
                    date_published=review.get("reviewDate"),
                    language=review.get("languageCode"),
                )


def parse_claimreviews(data: Any, *, origin: str | None = None) -> list[FactCheck]:
    """Every ClaimReview in a parsed JSON(-LD) value. Records without a URL or a reviewed claim are skipped."""
    out: list[FactCheck] = list(_api_records(data))
    seen = {fc.url for fc in out}
    for obj in _walk(data):
        url, claim = _name(obj.get("url")) or _name(obj.get("@id")), obj.get("claimReviewed")
        if not url or not isinstance(claim, str) or not claim.strip() or url in seen:
            continue
        seen.add(url)
        rating = obj.get("reviewRating") or {}
        rating = rating[0] if isinstance(rating, list) and rating else rating
        item = obj.get("itemReviewed") or {}
        item = item[0] if isinstance(item, list) and item else item
        out.append(
            FactCheck(
                url=url,
                claim_reviewed=" ".join(claim.split()),
                rating=_name(rating.get("alternateName") or rating.get("name")) if isinstance(rating, dict) else None,
                rating_value=_number(rating.get("ratingValue")) if isinstance(rating, dict) else None,
                best_rating=_number(rating.get("bestRating")) if isinstance(rating, dict) else None,
                worst_rating=_number(rating.get("worstRating")) if isinstance(rating, dict) else None,
                author=_name(obj.get("author")),
                claimant=_name(item.get("author")) if isinstance(item, dict) else None,
                date_published=_name(obj.get("datePublished")),
                language=_name(obj.get("inLanguage")),
            )
        )
    for fc in out:
        fc.origin = origin
    return out


def parse_text(text: str, *, origin: str) -> list[FactCheck]:
    """JSON, JSON Lines, or HTML with JSON-LD script blocks."""
    stripped = text.lstrip("\ufeff \t\r\n")
    values: list[Any] = []
    if stripped.startswith("<"):
        for block in _LD_JSON.findall(stripped):
            try:
                values.append(json.loads(block))
            except ValueError:
                continue  # one broken block on a page does not hide the others
    else:
        try:
            values.append(json.loads(stripped))
        except ValueError as err:
            lines = [line for line in stripped.splitlines() if line.strip()]
            try:
                values.extend(json.loads(line) for line in lines)
            except ValueError:
                raise PresslintError(E.E101, path=origin, reason=f"not JSON-LD: {err}") from err
    return parse_claimreviews(values, origin=origin)


def read_claimreviews(locations: Iterable[str], *, settings: Settings | None = None) -> list[FactCheck]:
    """Fact-checks from files and http(s) URLs (fetched with the same guards as articles)."""
    settings = settings or Settings()
    out: list[FactCheck] = []
    for location in locations:
        location = str(location)
        if location.startswith(("http://", "https://")):
            from ..ingest.url import download

            body, _ctype, _final = download(location, settings=settings)
            text = body.decode("utf-8", errors="replace")
        else:
            path = Path(location)
            if not path.is_file():
                raise PresslintError(E.E108, path=location)
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError as err:
                raise PresslintError(E.E101, path=location, reason=err.strerror or err) from err
        out.extend(parse_text(text, origin=location))
    return out


# ---------------------------------------------------------------- matching


def _content(text: str) -> list[str]:
    return [w.lower().replace(",", "") for w in _WORD.findall(text) if w.lower() not in _STOP]


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _names(text: str) -> set[str]:
    # Capitalised runs not at the start of the text: the first word is capitalised anyway.
    return {m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0 and m.group(0).lower() not in _STOP}


class FactCheckIndex:
    """Reviewed claims indexed by their rarest content words, so a sentence is compared with few candidates."""

    def __init__(self, factchecks: Iterable[FactCheck]) -> None:
        self.factchecks = [fc for fc in factchecks if len(set(_content(fc.claim_reviewed))) >= MIN_CONTENT_WORDS]
        self.words = [set(_content(fc.claim_reviewed)) for fc in self.factchecks]
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words):
            for word in words:
                self.index[word].append(i)

    def __len__(self) -> int:
        return len(self.factchecks)

    def candidates(self, words: set[str]) -> list[int]:
        hits: dict[int, int] = defaultdict(int)
        for word in words:
            for i in self.index.get(word, ()):
                hits[i] += 1
        return [i for i, n in hits.items() if n / len(self.words[i]) >= MIN_COVERAGE]

    def match(self, sentence: str) -> list[tuple[FactCheck, float, dict[str, Any]]]:
        from rapidfuzz import fuzz

        words = set(_content(sentence))
        numbers, lowered = _numbers(sentence), sentence.lower()
        out = []
        for i in self.candidates(words):
            fc = self.factchecks[i]
            coverage = len(self.words[i] & words) / len(self.words[i])
            if coverage < MIN_COVERAGE:
                continue
            missing_numbers = _numbers(fc.claim_reviewed) - numbers
            missing_names = {n for n in _names(fc.claim_reviewed) if n not in lowered}
            if missing_numbers or missing_names:
                continue  # "40 percent" vs "14 percent", or another person: not the same claim
            score = fuzz.token_set_ratio(sentence.lower(), fc.claim_reviewed.lower())
            if score < MIN_SET_RATIO:
                continue
            out.append(
                (
                    fc,
                    score,
                    {
                        "coverage": round(coverage, 2),
                        "shared_numbers": sorted(_numbers(fc.claim_reviewed)),
                        "shared_names": sorted(_names(fc.claim_reviewed)),
                    },
                )
            )
        out.sort(key=lambda x: -x[1])
        return out


def find_known_factchecks(report: Report, index: FactCheckIndex) -> list[Finding]:
    """FCK001 findings for the report's claims (pure: no store, no network)."""
    if not len(index):
        return []
    rule = RULES[0]
    text = report.article.text
    findings = []
    for claim in report.claims:
        matches = index.match(claim.span.text)
        if not matches:
            continue
        fc, score, evidence = matches[0]
        verdict = f"rated '{fc.rating}'" if fc.rating else "reviewed"
        by = f" by {fc.author}" if fc.author else ""
        findings.append(
            Finding(
                "FCK001",
                rule.severity,
                f'A fact-checker{by} has {verdict} a claim like this one: "{fc.claim_reviewed}"',
                _located(text, claim.span),
                confidence=round(min(1.0, score / 100), 2),
                evidence={
                    "factcheck_url": fc.url,
                    "rating": fc.rating,
                    "rating_value": fc.rating_value,
                    "best_rating": fc.best_rating,
                    "worst_rating": fc.worst_rating,
                    "claim_reviewed": fc.claim_reviewed,
                    "fact_checker": fc.author,
                    "claimant": fc.claimant,
                    "date_published": fc.date_published,
                    "similarity": score,
                    **evidence,
                    "other_matches": [m[0].url for m in matches[1:4]],
                },
                name=rule.name,
                category=rule.category,
            )
        )
    return findings


def _located(text: str, span: Span) -> Span:
    line = text.count("\n", 0, span.start) + 1
    column = span.start - (text.rfind("\n", 0, span.start) + 1) + 1
    return Span(span.start, span.end, span.text, line, column)


_INDEX_CACHE: dict[tuple[str, int, str], FactCheckIndex] = {}


def store_index(store) -> FactCheckIndex:
    """The index of the store's fact-checks, rebuilt only when the table changed."""
    from ..store.factchecks import load_factchecks

    count, latest = store.conn.execute("SELECT count(*), max(imported_at) FROM factchecks").fetchone()
    key = (store.path, count, latest or "")
    index = _INDEX_CACHE.get(key)
    if index is None or store.path == ":memory:":
        index = FactCheckIndex(load_factchecks(store))
        _INDEX_CACHE.clear()
        _INDEX_CACHE[key] = index
    return index


def match_factchecks(report: Report, store) -> list[Finding]:
    """Post-step: FCK001 findings for ``report`` against the fact-checks imported into ``store``.

    Honour the user's rule selection by passing the result through ``pipeline.select_findings``.
    """
    return find_known_factchecks(report, store_index(store))


def make_factcheck_match(store: Any) -> Any:
    """The ``report`` stage of the registry: FCK001 for a report's claims that match the store's fact-checks, or
    None when the store holds none (nothing to match, nothing to pay for)."""
    from ..store.factchecks import count_factchecks

    if not count_factchecks(store):
        return None

    def run(report: Report) -> dict[str, list]:
        return {"findings": match_factchecks(report, store)}

    return run
