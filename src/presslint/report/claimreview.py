"""schema.org ClaimReview JSON-LD for the findings that are verdicts on a claim.

Only knowledge checks (KB0xx: the text disagrees with Wikidata) and contradictions (CON001: the article disagrees
with itself) judge a claim; the other rules describe how it is written, so they get no ClaimReview. A report with no
verdicts gives an empty list. It formats a report; it computes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Report
from .json import report_json

VERDICT_PREFIXES = ("KB",)
VERDICT_CODES = frozenset({"CON001"})


def is_verdict(code: str) -> bool:
    return code in VERDICT_CODES or code.startswith(VERDICT_PREFIXES)


def claim_reviews(report: Report | Mapping[str, Any], *, report_url: str | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per verdict finding of ``report`` (a Report, or its JSON form as the API serves it)."""
    if isinstance(report, Report):
        report = report_json(report)
    article = report.get("article", {})
    provenance = report.get("provenance", {})
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if article.get("url"):
        appearance["url"] = article["url"]
    if article.get("origin"):
        appearance["identifier"] = article["origin"]
    if article.get("title"):
        appearance["headline"] = article["title"]
    if article.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    if article.get("date"):
        appearance["datePublished"] = article["date"]
    reviews = []
    for finding in report.get("findings", []):
        if not is_verdict(finding["code"]):
            continue
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": finding["span"]["text"],
            "datePublished": (provenance.get("checked_at") or "")[:10] or None,
            "author": {
                "@type": "Organization",
                "name": "presslint",
                "description": f"presslint {provenance.get('presslint_version', '')} automated check".strip(),
            },
            "reviewRating": {
                "@type": "Rating",
                "alternateName": finding["message"],
                "name": f"{finding['code']} {finding.get('name', '')}".strip(),
            },
            "itemReviewed": {"@type": "Claim", "appearance": appearance},
        }
        if report_url:
            review["url"] = report_url
        reviews.append({k: v for k, v in review.items() if v is not None})
    return reviews
