"""Terminal report: the header and its one line of notes, the summary, the findings in the report's order (most
severe first, then by position), the check-worthy claims and who is quoted. ``quiet`` prints the findings alone, one
line each. Everything shown comes from the report and its ``summary``; nothing is computed here."""

from __future__ import annotations

from ..errors import quoted
from ..model import Finding, Report, Span, Summary
from ..summary import hidden_note

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
CLAIMS_SHOWN = 10  # the text report lists the most check-worthy claims; JSON and HTML list them all
OTHERS_SHOWN = 8
KIND_LABELS = {"person": "person", "organisation": "organisation", "role": "role, no name", "anonymous": "anonymous"}


def _c(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _words(text: str, limit: int) -> str:
    """``text`` on one line, shortened at a word boundary: for the summary's one-line findings."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + " …"


def _loc(span: Span) -> str:
    return f"{span.line}:{span.column}" if span.line else f"@{span.start}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def render_text(report: Report, *, colour: bool = False, show_sources: bool = True, quiet: bool = False) -> str:
    if quiet:
        return _findings_only(report, colour)
    art, prov = report.article, report.provenance
    summary = report.summary
    out: list[str] = []
    where = quoted(art.origin or art.url or "<text>", 300)  # a file name may hold terminal escapes
    out.append(_c(f"{where}", _BOLD, colour) + (f"  “{_quote(art.title, 80)}”" if art.title else ""))
    meta = []
    if prov.publication_date != "unknown":  # an unknown date is said once, by its notice
        meta.append(f"date {prov.publication_date} ({prov.publication_date_source})")
    if art.byline:
        meta.append(f"by {quoted(art.byline)}")
    if art.outlet:
        meta.append(quoted(art.outlet))
    if meta:
        out.append(_c("  " + " · ".join(meta), _DIM, colour))
    notes = summary.notes if summary is not None else report.notices
    if notes:
        out.append(_c("  notes: " + " · ".join(_note(n.code, n.message) for n in notes), _DIM, colour))
    if summary is not None:
        out.extend(_summary(report, summary, colour))
    out.append("")
    shown = [f for f in report.findings if f.shown]  # decided when the report was finished (summary.mark_shown)
    if shown:
        out.append(_c(f"findings ({len(shown)})", _BOLD, colour))
        for f in shown:
            out.extend(_finding(f, colour))
    else:
        out.append("no findings")
    if note := hidden_note(report.findings):
        out.append(_c(f"  {note}", _DIM, colour))
    if summary is not None and summary.claim_list:
        out.extend(_claims(report, summary, colour))
    if show_sources and summary is not None and (summary.who_is_quoted or summary.other_attributions):
        out.extend(_sources(summary, colour))
    return "\n".join(out) + "\n"


def _note(code: str, message: str) -> str:
    return f"{code} {message.removeprefix(code + ': ')}"


def _head(f: Finding, colour: bool) -> str:
    sev = _c(f"{f.severity:<7}", _COLOURS.get(f.severity, ""), colour)
    return f"{_loc(f.span):>7} {sev} {f.code}"


def _finding(f: Finding, colour: bool) -> list[str]:
    learned = f" (learned, p={f.confidence:.2f})" if f.learned else ""
    lines = [f"  {_head(f, colour)} {f.message}{learned}", _c(f"          “{_quote(f.span.text)}”", _DIM, colour)]
    for rel in f.related:
        lines.append(_c(f"          ↔ {_loc(rel)} “{_quote(rel.text)}”", _DIM, colour))
    return lines


def _summary(report: Report, s: Summary, colour: bool) -> list[str]:
    severities = ", ".join(
        f"{n} {name}" for n, name in ((s.errors, "error"), (s.warnings, "warning"), (s.infos, "info")) if n
    )
    rows = [("reads as", s.genre)] if s.genre else []  # opinion or analysis, with its cues (summary.genre_line)
    rows.append(("findings", f"{s.findings}: {severities}" if s.findings else "none"))
    if s.claims:
        unsourced = f", {s.claims_unsourced} unsourced" if s.claims_unsourced else ""
        rows.append(
            (
                "claims",
                f"{_plural(s.claims, 'check-worthy claim')}, {s.claims_attributed} attributed to a source{unsourced}",
            )
        )
    else:
        rows.append(("claims", "no check-worthy claim found"))
    if s.sources:
        share = f" ({round(100 * s.anonymous_share)}%)" if s.anonymous_share is not None else ""
        rows.append(("sources", f"{_plural(s.sources, 'source')} quoted, {s.anonymous_sources} anonymous{share}"))
    else:
        rows.append(("sources", "nobody is quoted"))
    rows.append(
        (
            "loaded language",
            f"{s.loaded_language_per_1000_words:.1f} per 1,000 words ({_plural(s.loaded_language, 'LNG finding')} "
            f"in {s.words} words)",
        )
    )
    out = ["", _c("summary", _BOLD, colour)]
    out.extend(f"  {label:<16}{value}" for label, value in rows)
    for k, index in enumerate(s.most_serious):
        f = report.findings[index]
        label = "most serious" if k == 0 else ""
        out.append(f"  {label:<14}{_head(f, colour)} {_words(f.message, 90)}")
    return out


def _claims(report: Report, s: Summary, colour: bool) -> list[str]:
    shown = s.claim_list[:CLAIMS_SHOWN]
    title = f"check-worthy claims ({s.claims}, {s.claims_attributed} attributed"
    title += f"; the {len(shown)} most check-worthy)" if len(shown) < s.claims else ")"
    out = ["", _c(title, _BOLD, colour)]
    for line in shown:
        claim = report.claims[line.claim]
        if line.by:
            by = f"{line.by} ({KIND_LABELS.get(line.by_kind or '', 'other')})"
        elif line.sourced:
            by = "attributed"
        else:
            by = _c("unsourced", _COLOURS["warning"], colour)
        out.append(f"  {line.checkworthiness:.2f} {_loc(claim.span):>7}  {by}")
        out.append(_c(f"          “{_quote(claim.span.text)}”", _DIM, colour))
    if len(shown) < s.claims:
        out.append(f"  … {s.claims - len(shown)} more (--format html or json lists them all)")
    return out


def _sources(s: Summary, colour: bool) -> list[str]:
    count = f"{_plural(s.sources, 'source')}, {s.anonymous_sources} anonymous" if s.sources else "nobody named"
    out = ["", _c(f"who is quoted ({count})", _BOLD, colour)]
    for row in s.who_is_quoted:
        name = row.name + (f" — {row.description}" if row.description else "")
        counts = [_plural(len(row.quotes), "statement")] if row.quotes else []
        if row.mentions > len(row.quotes):
            counts.append(_plural(row.mentions, "mention"))
        out.append(f"  {KIND_LABELS.get(row.kind, row.kind):<14} {_quote(name, 70)}  ({', '.join(counts)})")
    if s.other_attributions:
        others = ", ".join(_quote(row.name, 40) for row in s.other_attributions[:OTHERS_SHOWN])
        if len(s.other_attributions) > OTHERS_SHOWN:
            others += f" … {len(s.other_attributions) - OTHERS_SHOWN} more"
        out.append(_c(f"  also attributed to (not a person or organisation): {others}", _DIM, colour))
    return out


def _findings_only(report: Report, colour: bool) -> str:
    """One line a finding, as a linter prints them: ``origin:line:column: severity CODE message``."""
    where = quoted(report.article.origin or report.article.url or "<text>", 300)
    lines = []
    for f in report.findings:
        if not f.shown:
            continue
        sev = _c(f.severity, _COLOURS.get(f.severity, ""), colour)
        place = f"{f.span.line}:{f.span.column}" if f.span.line else f"@{f.span.start}"
        lines.append(f"{where}:{place}: {sev} {f.code} {' '.join(f.message.split())}")
    return "".join(line + "\n" for line in lines)
