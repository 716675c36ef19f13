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

Limits on import: a file or URL may hold ``IMPORT_FACTOR`` times ``settings.max_bytes`` (E104), JSON may nest at
most MAX_DEPTH levels (E112, never a RecursionError), and a reviewed claim longer than MAX_CLAIM_CHARS is skipped.

Matching cost does not grow with the number of imported fact-checks: each reviewed claim is indexed under its
*signature*, the fewest of its rarest content words of which any sentence that covers MIN_COVERAGE of its words must
contain one (a prefix filter), so a sentence is compared only with the reviewed claims that share a signature word.
In the store the signatures are a table (``store.factchecks``), so a check reads a few rows, not every fact-check.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import E, PresslintError
from ..model import FactCheck, Finding, Report, Span
from ..nlp.claimwords import _STOP, MIN_CONTENT_WORDS, MIN_COVERAGE, content_words, signature
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
MAX_DEPTH = 64  # JSON nesting a ClaimReview file may have (real ones nest under 10 levels)
IMPORT_FACTOR = 20  # a fact-check file may be this many times settings.max_bytes (100 MB by default)
MAX_CLAIM_CHARS = 1000  # a reviewed claim is a sentence or two; longer text is not a claim we can match
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)


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


class _TooDeep(Exception):
    pass


def _walk(obj: Any, depth: int = 0) -> Iterator[dict]:
    if depth > MAX_DEPTH:
        raise _TooDeep()
    if isinstance(obj, list):
        for item in obj:
            yield from _walk(item, depth + 1)
    elif isinstance(obj, dict):
        if "ClaimReview" in _types(obj):
            yield obj
        for key, value in obj.items():
            if key in ("@graph", "review", "reviews", "itemListElement", "item", "mainEntity", "hasPart") or (
                isinstance(value, (list, dict)) and key not in ("reviewRating", "itemReviewed", "author")
            ):
                yield from _walk(value, depth + 1)


def _api_records(obj: Any, depth: int = 0) -> Iterator[FactCheck]:
    """The Google Fact Check Tools API shape: {"claims": [{"text", "claimant", "claimReview": [...]}]}."""
    if depth > MAX_DEPTH:
        raise _TooDeep()
    if isinstance(obj, list):
        for item in obj:
            yield from _api_records(item, depth + 1)
        return
    claims = obj.get("claims", []) if isinstance(obj, dict) else []
    for claim in claims if isinstance(claims, list) else []:
        reviews = claim.get("claimReview", []) if isinstance(claim, dict) else []
        for review in reviews if isinstance(reviews, list) else []:
            if isinstance(review, dict) and isinstance(review.get("url"), str) and isinstance(claim.get("text"), str):
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
    """Every ClaimReview in a parsed JSON(-LD) value. Records without a URL or a reviewed claim are skipped, and so
    are reviewed claims over MAX_CLAIM_CHARS. E112 when the value nests deeper than MAX_DEPTH."""
    try:
        return _parse_claimreviews(data, origin)
    except (_TooDeep, RecursionError) as err:
        raise PresslintError(E.E114, path=origin or "<json>", limit=MAX_DEPTH) from err


def _parse_claimreviews(data: Any, origin: str | None) -> list[FactCheck]:
    out: list[FactCheck] = [fc for fc in _api_records(data) if len(fc.claim_reviewed) <= MAX_CLAIM_CHARS]
    seen = {fc.url for fc in out}
    for obj in _walk(data):
        url, claim = _name(obj.get("url")) or _name(obj.get("@id")), obj.get("claimReviewed")
        if not url or not isinstance(claim, str) or not claim.strip() or url in seen or len(claim) > MAX_CLAIM_CHARS:
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


def _loads(text: str, origin: str) -> Any:
    """json.loads with the nesting limit as a coded error (the C parser itself raises RecursionError near 1,000)."""
    try:
        return json.loads(text)
    except RecursionError as err:
        raise PresslintError(E.E114, path=origin, limit=MAX_DEPTH) from err


def parse_text(text: str, *, origin: str) -> list[FactCheck]:
    """JSON, JSON Lines, or HTML with JSON-LD script blocks."""
    stripped = text.lstrip("\ufeff \t\r\n")
    values: list[Any] = []
    if stripped.startswith("<"):
        for block in _LD_JSON.findall(stripped):
            try:
                values.append(_loads(block, origin))
            except ValueError:
                continue  # one broken block on a page does not hide the others
    else:
        try:
            values.append(_loads(stripped, origin))
        except ValueError as err:
            lines = [line for line in stripped.splitlines() if line.strip()]
            try:
                values.extend(_loads(line, origin) for line in lines)
            except ValueError:
                raise PresslintError(E.E101, path=origin, reason=f"not JSON-LD: {err}") from err
    return parse_claimreviews(values, origin=origin)


def read_claimreviews(locations: Iterable[str], *, settings: Settings | None = None) -> list[FactCheck]:
    """Fact-checks from files and http(s) URLs (fetched with the same guards as articles)."""
    settings = settings or Settings()
    limit = IMPORT_FACTOR * settings.max_bytes
    out: list[FactCheck] = []
    for location in locations:
        location = str(location)
        if location.startswith(("http://", "https://")):
            from ..ingest.url import download

            body, _ctype, _final = download(location, settings=settings.replace(max_bytes=limit))
        else:
            body = _read_file(location, limit)
        out.extend(parse_text(body.decode("utf-8", errors="replace"), origin=location))
    return out


def _read_file(location: str, limit: int) -> bytes:
    path = Path(location)
    if not path.is_file():
        raise PresslintError(E.E108, path=location)
    try:
        size = path.stat().st_size
        if size > limit:
            raise PresslintError(E.E104, path=location, size=size, limit=limit)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as err:
        raise PresslintError(E.E101, path=location, reason=err.strerror or err) from err
    if len(data) > limit:  # grew while we read it
        raise PresslintError(E.E104, path=location, size=f"more than {limit}", limit=limit)
    return data


# ---------------------------------------------------------------- matching


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _names(text: str) -> set[str]:
    # Capitalised runs not at the start of the text: the first word is capitalised anyway.
    return {m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0 and m.group(0).lower() not in _STOP}


def compare(sentence: str, words: set[str], fc: FactCheck, fc_words: set[str]) -> tuple[float, dict] | None:
    """(similarity, evidence) when ``sentence`` makes the reviewed claim of ``fc``, else None."""
    from rapidfuzz import fuzz

    if len(fc_words) < MIN_CONTENT_WORDS:
        return None
    coverage = len(fc_words & words) / len(fc_words)
    if coverage < MIN_COVERAGE:
        return None
    lowered = sentence.lower()
    if _numbers(fc.claim_reviewed) - _numbers(sentence) or any(n not in lowered for n in _names(fc.claim_reviewed)):
        return None  # "40 percent" vs "14 percent", or another person: not the same claim
    score = fuzz.token_set_ratio(lowered, fc.claim_reviewed.lower())
    if score < MIN_SET_RATIO:
        return None
    evidence = {
        "coverage": round(coverage, 2),
        "shared_numbers": sorted(_numbers(fc.claim_reviewed)),
        "shared_names": sorted(_names(fc.claim_reviewed)),
    }
    return score, evidence


class FactCheckIndex:
    """Reviewed claims in memory, indexed by their signatures, so a sentence is compared with few candidates."""

    def __init__(self, factchecks: Iterable[FactCheck]) -> None:
        pairs = [(fc, content_words(fc.claim_reviewed)) for fc in factchecks]
        pairs = [(fc, words) for fc, words in pairs if len(words) >= MIN_CONTENT_WORDS]
        self.factchecks = [fc for fc, _ in pairs]
        self.words = [words for _, words in pairs]
        df = Counter(word for words in self.words for word in words)
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words):
            for word in signature(words, df.__getitem__):
                self.index[word].append(i)

    def __len__(self) -> int:
        return len(self.factchecks)

    def candidates(self, words: set[str]) -> set[int]:
        return {i for word in words for i in self.index.get(word, ())}

    def match(self, sentence: str) -> list[tuple[FactCheck, float, dict[str, Any]]]:
        words = content_words(sentence)
        out = []
        for i in self.candidates(words):
            found = compare(sentence, words, self.factchecks[i], self.words[i])
            if found is not None:
                out.append((self.factchecks[i], *found))
        out.sort(key=lambda x: (-x[1], x[0].url))
        return out


class StoreFactCheckIndex:
    """The store's fact-checks, matched through the signature table: a sentence reads only the rows of reviewed
    claims that share one of its words' signatures (see ``store.factchecks.candidates``)."""

    def __init__(self, store) -> None:
        self.store = store

    def __len__(self) -> int:
        from ..store.factchecks import count_indexed

        return count_indexed(self.store)

    def __bool__(self) -> bool:
        from ..store.factchecks import any_indexed

        return any_indexed(self.store)

    def match(self, sentence: str) -> list[tuple[FactCheck, float, dict[str, Any]]]:
        from ..store.factchecks import candidates

        words = content_words(sentence)
        out = []
        for fc, fc_words in candidates(self.store, words):
            found = compare(sentence, words, fc, fc_words)
            if found is not None:
                out.append((fc, *found))
        out.sort(key=lambda x: (-x[1], x[0].url))
        return out


def find_known_factchecks(report: Report, index: FactCheckIndex | StoreFactCheckIndex) -> list[Finding]:
    """FCK001 findings for the report's claims (pure: no network; the store index reads the store)."""
    if not index:
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


def store_index(store) -> StoreFactCheckIndex:
    """The store's fact-checks as an index (signatures missing for rows an older presslint imported are added)."""
    from ..store.factchecks import ensure_index

    ensure_index(store)
    return StoreFactCheckIndex(store)


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
