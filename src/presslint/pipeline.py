"""The library entry points: article(s) in, ``Report`` out. The CLI, web app and Dask jobs all call these."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__, rules
from .config import Settings
from .errors import E, PresslintError, W, notice_code
from .knowledge import kb_off, resolve_kb
from .model import Article, Finding, Notice, Provenance, Report, Span

MIN_WORDS = 30


def content_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError) as err:
        raise PresslintError(E.E304, value=value) from err


def publication_date(article: Article, settings: Settings) -> tuple[dt.date | None, str]:
    if article.date:
        try:
            return parse_date(article.date), "metadata"
        except PresslintError:
            pass
    if settings.date:
        return parse_date(settings.date), "option"
    return None, "unknown"


def check(source: str | Path | Article, *, settings: Settings | None = None, nlp=None) -> Report:
    """Check one article: an ``Article``, raw text, or a path / URL / "-" read through ``presslint.ingest``."""
    settings = settings or Settings()
    if isinstance(source, Article):
        article = source
    elif isinstance(source, Path) or _looks_like_location(source):
        from . import ingest

        article = ingest.read(str(source), settings=settings)
    else:
        from .ingest import from_text

        article = from_text(source)
    return next(iter(check_articles([article], settings=settings, nlp=nlp)))


def _looks_like_location(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    return value == "-" or value.startswith(("http://", "https://")) or Path(value).exists()


def check_articles(
    articles: Iterable[Article], *, settings: Settings | None = None, nlp=None, batch_size: int = 16
) -> Iterator[Report]:
    """Check many articles through one ``nlp.pipe`` stream; yields one ``Report`` per article, in order."""
    from .nlp import load_pipeline, prepare_doc

    settings = settings or Settings()
    nlp = nlp or load_pipeline(settings.analyzers)
    checker = _knowledge_checker(settings)
    pending: list[tuple[Article, dt.date | None, str, list[Notice]]] = []

    def docs() -> Iterator:
        for article in articles:
            pubdate, date_source = publication_date(article, settings)
            notices = _pre_notices(article, pubdate)
            pending.append((article, pubdate, date_source, notices))
            yield prepare_doc(nlp, _skipped_text(article) if _skip(article) else article, pubdate)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article, pubdate, date_source, notices = pending.pop(0)
        if checker is not None and not _skip(article):
            doc._.pl_findings.extend(checker.check(doc))
        elif checker is None and not kb_off(settings):
            notices.append(Notice(notice_code(W.W003), W.W003))
        yield build_report(doc, article, pubdate, date_source, notices, settings)


def _knowledge_checker(settings: Settings):
    """The knowledge checker for this run (opened once), or None when no store or online mode was asked for."""
    kb = resolve_kb(settings)  # --kb, "off", or $PRESSLINT_HOME/kb.sqlite when it exists
    if kb is None:
        return None
    from .knowledge.checks import KnowledgeChecker

    return KnowledgeChecker.open(kb, settings=settings)


def _skip(article: Article) -> bool:
    return bool(article.language and article.language != "en")


def _skipped_text(article: Article) -> Article:
    # Non-English text is not analysed: run the pipeline on nothing so the stream stays in step.
    return dataclasses.replace(article, text="", title_span=None)


def _pre_notices(article: Article, pubdate: dt.date | None) -> list[Notice]:
    notices = [Notice(n["code"], n["message"]) for n in article.meta.get("notices", [])]
    if _skip(article):
        from .ingest.language import language_name

        notices.append(Notice(notice_code(W.W001), W.W001.format(language=language_name(article.language))))
        return notices
    if pubdate is None:
        notices.append(Notice(notice_code(W.W002), W.W002))
    words = len(article.text.split())
    if words < MIN_WORDS:
        notices.append(Notice(notice_code(W.W004), W.W004.format(words=words)))
    return notices


def build_report(
    doc, article: Article, pubdate: dt.date | None, date_source: str, notices: list[Notice], settings: Settings
) -> Report:
    from .nlp import model_identity

    model_name, model_version, model_sha = model_identity()
    provenance = Provenance(
        presslint_version=__version__,
        model_name=model_name,
        model_version=model_version,
        model_sha256=model_sha,
        config_hash=settings.config_hash(),
        publication_date=pubdate.isoformat() if pubdate else "unknown",
        publication_date_source=date_source,
        content_hash=content_hash(article),
        checked_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    )
    report = Report(article=article, provenance=provenance, notices=notices)
    if _skip(article):
        return report
    report.findings = select_findings(doc._.pl_findings or [], settings)
    report.sources = doc._.pl_sources or []
    report.quotes = doc._.pl_quotes or []
    report.claims = doc._.pl_claims or []
    report.quantities = doc._.pl_quantities or []
    report.dates = doc._.pl_dates or []
    report.entities = doc._.pl_entities or []
    return locate(report)


def select_findings(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Apply select/ignore, severity overrides and the confidence floor; fill name/category from the catalogue."""
    catalogue = rules.catalogue()
    enabled = rules.enabled_codes(settings.select, settings.ignore)
    kept: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for finding in findings:
        if finding.code not in catalogue:
            raise RuntimeError(f"analyzer emitted uncatalogued rule code {finding.code}")
        key = (finding.code, finding.span.start, finding.span.end)
        if finding.code not in enabled or finding.confidence < settings.min_confidence or key in seen:
            continue
        seen.add(key)
        rule = catalogue[finding.code]
        finding.name, finding.category = rule.name, rule.category
        finding.severity = settings.severity.get(finding.code, finding.severity or rule.severity)
        kept.append(finding)
    kept.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return kept


class _Locator:
    """Offset -> (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def __call__(self, span: Span) -> Span:
        line = bisect.bisect_right(self.starts, span.start)
        return dataclasses.replace(span, line=line, column=span.start - self.starts[line - 1] + 1)


def locate(report: Report) -> Report:
    """Fill line:column into every span of the report (renderers never compute)."""
    where = _Locator(report.article.text)

    def fix(obj):
        if isinstance(obj, Span):
            return where(obj)
        if isinstance(obj, list):
            return [fix(x) for x in obj]
        if dataclasses.is_dataclass(obj):
            for f in dataclasses.fields(obj):
                value = getattr(obj, f.name)
                if isinstance(value, (Span, list)) or dataclasses.is_dataclass(value):
                    setattr(obj, f.name, fix(value))
        return obj

    for name in ("findings", "sources", "quotes", "claims", "quantities", "dates", "entities"):
        setattr(report, name, fix(getattr(report, name)))
    return report
