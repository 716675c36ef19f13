"""Article versions: when a URL comes back with changed text, say which claims were added, removed or altered.

    >>> diff = diff_versions(old_report, new_report)
    >>> print(presslint.report.diff.render_diff(diff))

Claims (the check-worthy sentences the pipeline found) are aligned by wording similarity (rapidfuzz), best pairs
first; a pair with the same words is unchanged, a pair above ``ALTERED`` is the same claim reworded (its changed
numbers are listed), everything else is removed (old only) or added (new only). A correction or update notice in the new
text ("Correction:", "An earlier version of this article ...") is quoted, and marked new when the old text lacked it.
The versions themselves are kept by ``presslint.store.versions`` (table ``article_versions``); the records
(``VersionDiff``, ``ClaimChange``, ``ArticleVersion``) are in ``presslint.model.corpus``.
"""

from __future__ import annotations

import re

from ..model import ClaimChange, Report, Span, VersionDiff

ALTERED = 60.0  # token_sort_ratio at or above which two claim sentences are one claim reworded
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"\w+")
# Notices editors add when they change a published story; one per line (paragraph).
_NOTICE = re.compile(
    r"^(?:[^\w\n]{0,3})(?:(?:correction|clarification|update|updated|editor'?s note)\b\s*[:.\-—]"
    r"|an earlier version of this (?:article|story|report|post)\b"
    r"|a previous version of this (?:article|story|report|post)\b"
    r"|this (?:article|story|report) (?:has been|was) (?:corrected|updated|amended|changed)\b)",
    re.I | re.M,
)


def correction_notices(text: str) -> list[Span]:
    """Whole lines that begin with a correction or update notice."""
    out = []
    for match in _NOTICE.finditer(text):
        start = match.start()
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        out.append(Span(start, end, text[start:end]))
    return out


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _numbers(text: str) -> list[str]:
    return [n.replace(",", "") for n in _NUMBER.findall(text)]


def align_claims(old: list[Span], new: list[Span]) -> tuple[list[tuple[int, int, float]], list[int], list[int]]:
    """Greedy best-first one-to-one alignment: (old index, new index, score) pairs, unmatched old, unmatched new."""
    from rapidfuzz import fuzz

    scored = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            score = fuzz.token_sort_ratio(a.text, b.text)
            if score >= ALTERED:
                scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_old, used_new, pairs = set(), set(), []
    for score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j, score))
    return (
        sorted(pairs),
        [i for i in range(len(old)) if i not in used_old],
        [j for j in range(len(new)) if j not in used_new],
    )


def _position(change: ClaimChange) -> int:
    """Where a change sits: its new sentence, or the old one for a removal."""
    span = change.new or change.old
    return span.start if span else 0


def diff_versions(old: Report, new: Report, *, old_seen: str | None = None, new_seen: str | None = None) -> VersionDiff:
    """What changed between two reports of the same URL (claims added, removed, altered; correction notices)."""
    notices = correction_notices(new.article.text)
    old_notice_texts = {" ".join(n.text.split()).lower() for n in correction_notices(old.article.text)}
    new_notices = [n for n in notices if " ".join(n.text.split()).lower() not in old_notice_texts]
    notice_spans = notices
    old_claims = [c.span for c in old.claims]
    new_claims = [c.span for c in new.claims if not any(n.overlaps(c.span) for n in notice_spans)]
    pairs, removed, added = align_claims(old_claims, new_claims)
    changes: list[ClaimChange] = []
    unchanged = 0
    for i, j, score in pairs:
        a, b = old_claims[i], new_claims[j]
        if _words(a.text) == _words(b.text):  # one changed word ("five" -> "seven") is a change
            unchanged += 1
            continue
        before, after = _numbers(a.text), _numbers(b.text)
        changes.append(
            ClaimChange(
                "altered",
                a,
                b,
                round(score, 1),
                [n for n in before if n not in after],
                [n for n in after if n not in before],
            )
        )
    changes.extend(ClaimChange("removed", old=old_claims[i]) for i in removed)
    changes.extend(ClaimChange("added", new=new_claims[j]) for j in added)
    changes.sort(key=_position)
    return VersionDiff(
        url=new.article.url or old.article.url,
        old_hash=old.provenance.content_hash,
        new_hash=new.provenance.content_hash,
        old_seen=old_seen,
        new_seen=new_seen,
        title_before=old.article.title,
        title_after=new.article.title,
        changes=changes,
        unchanged=unchanged,
        notices=notices,
        new_notices=new_notices,
    )


def diff_stored(store, url: str, *, settings=None, nlp=None) -> list[VersionDiff]:
    """Diffs between consecutive stored versions of ``url`` (oldest first); each version is checked once."""
    from ..checker import check_articles
    from ..config import Settings
    from ..ingest import from_text
    from ..store.versions import versions

    stored = versions(store, url)
    if len(stored) < 2:
        return []
    settings = settings or Settings(store=False)
    articles = []
    for v in stored:
        article = from_text(v.text, date=v.date)
        article.url = url
        articles.append(article)
    reports = list(check_articles(articles, settings=settings, nlp=nlp))
    return [
        diff_versions(reports[k - 1], reports[k], old_seen=stored[k - 1].seen_at, new_seen=stored[k].seen_at)
        for k in range(1, len(reports))
    ]
