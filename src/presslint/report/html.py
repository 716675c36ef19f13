"""Self-contained HTML report: the article with findings highlighted in place and, beside it, the notes on one line,
the summary, the findings (most severe first, then by position), the check-worthy claims and who is quoted.

All article text goes through ``html.escape``; the page loads nothing from outside (inline CSS, no script). What it
shows comes from the report and its ``summary``; nothing is computed here.
"""

from __future__ import annotations

from html import escape

from ..model import Finding, Report, Summary
from ..summary import hidden_note

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1rem 1.5rem;background:#20232a;color:#fff}header h1{font-size:1.1rem;margin:0}
header p{margin:.25rem 0 0;color:#c9d1d9;font-size:.85rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;padding:1.5rem}
article{background:#fff;padding:1rem 1.5rem;border-radius:6px;box-shadow:0 1px 3px #0002;white-space:pre-wrap}
aside{font-size:.9rem}ol{padding-left:1.2rem}li{margin-bottom:.75rem}
mark{background:#fff3bf;border-bottom:2px solid #f08c00;padding:0 1px}
mark.error{background:#ffe3e3;border-color:#e03131}mark.info{background:#e7f5ff;border-color:#1c7ed6}
.sev{font-weight:600;text-transform:uppercase;font-size:.7rem;padding:.05rem .3rem;border-radius:3px;color:#fff}
.sev.error{background:#e03131}.sev.warning{background:#f08c00}.sev.info{background:#1c7ed6}
.quote{color:#495057;font-style:italic}code{font-size:.85rem}.rel{color:#495057}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dee2e6;padding:.25rem;text-align:left}
.notice{color:#495057}
.summary dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}
.summary dt{font-weight:600}.summary dd{margin:0}.summary ol{margin:.2rem 0}.summary li{margin-bottom:.3rem}
.unsourced{color:#c92a2a;font-weight:600}.muted{color:#495057}td.num{text-align:right}
"""
KIND_LABELS = {"person": "person", "organisation": "organisation", "role": "role, no name", "anonymous": "anonymous"}


def _location(span) -> str:
    return f"{span.line}:{span.column}" if span.line else f"@{span.start}"


def _highlight(text: str, findings: list[Finding]) -> str:
    """Article text with non-overlapping <mark>s; where spans overlap, the earlier (then longer) one wins."""
    spans = sorted(
        ((f.span.start, f.span.end, i, f) for i, f in enumerate(findings) if f.shown),
        key=lambda s: (s[0], -(s[1] - s[0])),
    )
    out, pos = [], 0
    for start, end, i, finding in spans:
        if start < pos or end <= start:
            continue
        out.append(escape(text[pos:start]))
        title = escape(f"{finding.code} {finding.message}", quote=True)
        out.append(
            f'<mark id="s{i}" class="{escape(finding.severity)}" title="{title}">'
            f'{escape(text[start:end])}<sup><a href="#f{i}">{i + 1}</a></sup></mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def render_html(report: Report) -> str:
    art, prov = report.article, report.provenance
    summary = report.summary
    title = escape(art.title or art.origin or "Article")
    meta = " · ".join(
        escape(x)
        for x in (
            f"published {prov.publication_date} ({prov.publication_date_source})"
            if prov.publication_date != "unknown"  # an unknown date is said once, by its notice
            else "",
            f"by {art.byline}" if art.byline else "",
            art.outlet or "",
            art.url or art.origin or "",
            f"presslint {prov.presslint_version}, {prov.model_name} {prov.model_version}, config {prov.config_hash}",
        )
        if x
    )
    items = []
    for i, f in enumerate(report.findings):
        if not f.shown:  # decided when the report was finished (learned, below its operating point; --all shows it)
            continue
        related = "".join(
            f'<div class="rel">↔ {escape(_location(r))} <span class="quote">“{escape(r.text)}”</span></div>'
            for r in f.related
        )
        items.append(
            f'<li id="f{i}"><span class="sev {escape(f.severity)}">{escape(f.severity)}</span> '
            f'<code>{escape(f.code)}</code> {escape(f.name)} — <a href="#s{i}">{escape(_location(f.span))}</a>'
            f"<div>{escape(f.message)}{escape(f' (learned, p={f.confidence:.2f})' if f.learned else '')}</div>"
            f'<div class="quote">“{escape(f.span.text)}”</div>{related}</li>'
        )
    notes = summary.notes if summary is not None else report.notices
    notices = (
        '<p class="notice">Notes: '
        + " · ".join(f"{escape(n.code)} {escape(n.message.removeprefix(n.code + ': '))}" for n in notes)
        + "</p>"
        if notes
        else ""
    )
    parts = [notices]
    if summary is not None:
        parts.append(_summary(report, summary))
    note = hidden_note(report.findings)
    more = f'<p class="notice">{escape(note)}</p>' if note else ""
    parts.append(f"<h2>Findings ({len(items)})</h2><ol>{''.join(items)}</ol>{more}")
    if summary is not None:
        parts.append(_claims(report, summary))
        parts.append(_sources(summary))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>presslint: {title}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{title}</h1><p>{meta}</p></header><main>"
        f"<article>{_highlight(art.text, report.findings)}</article>"
        f"<aside>{''.join(parts)}</aside>"
        "</main></body></html>\n"
    )


def _summary(report: Report, s: Summary) -> str:
    severities = ", ".join(
        f"{n} {name}" for n, name in ((s.errors, "error"), (s.warnings, "warning"), (s.infos, "info")) if n
    )
    claims = (
        f"{s.claims} check-worthy, {s.claims_attributed} attributed to a source"
        + (f', <span class="unsourced">{s.claims_unsourced} unsourced</span>' if s.claims_unsourced else "")
        if s.claims
        else "none found"
    )
    share = f" ({round(100 * s.anonymous_share)}%)" if s.anonymous_share is not None else ""
    sources = f"{s.sources} quoted, {s.anonymous_sources} anonymous{share}" if s.sources else "nobody is quoted"
    loaded = (
        f"{s.loaded_language_per_1000_words:.1f} per 1,000 words ({s.loaded_language} LNG "
        f"finding{'' if s.loaded_language == 1 else 's'} in {s.words} words)"
    )
    rows = (
        *((("Reads as", escape(s.genre)),) if s.genre else ()),  # opinion or analysis, with its cues
        ("Findings", f"{s.findings}: {severities}" if s.findings else "none"),
        ("Claims", claims),
        ("Sources", sources),
        ("Loaded language", loaded),
    )
    serious = "".join(
        f'<li><span class="sev {escape(f.severity)}">{escape(f.severity)}</span> <code>{escape(f.code)}</code> '
        f'<a href="#f{i}">{escape(_location(f.span))}</a> {escape(f.message)}</li>'
        for i, f in ((i, report.findings[i]) for i in s.most_serious)
    )
    return (
        '<section class="summary"><h2>Summary</h2><dl>'
        + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
        + "</dl>"
        + (f"<h3>Most serious</h3><ol>{serious}</ol>" if serious else "")
        + "</section>"
    )


def _claims(report: Report, s: Summary) -> str:
    if not s.claim_list:
        return ""
    rows = []
    for line in s.claim_list:
        claim = report.claims[line.claim]
        if line.by:
            by = (
                f'{escape(line.by)} <span class="muted">({escape(KIND_LABELS.get(line.by_kind or "", "other"))})</span>'
            )
        elif line.sourced:
            by = "attributed"
        else:
            by = '<span class="unsourced">unsourced</span>'
        rows.append(
            f'<tr><td class="num">{line.checkworthiness:.2f}</td><td>{escape(_location(claim.span))}</td>'
            f'<td class="quote">“{escape(claim.span.text)}”</td><td>{by}</td></tr>'
        )
    return (
        f"<h2>Check-worthy claims ({s.claims}, {s.claims_attributed} attributed)</h2>"
        "<table><tr><th>score</th><th>where</th><th>claim</th><th>source</th></tr>" + "".join(rows) + "</table>"
    )


def _sources(s: Summary) -> str:
    if not s.who_is_quoted and not s.other_attributions:
        return ""
    rows = "".join(
        f"<tr><td>{escape(r.name)}"
        + (f' <span class="muted">— {escape(r.description)}</span>' if r.description else "")
        + f"</td><td>{escape(KIND_LABELS.get(r.kind, r.kind))}</td>"
        f'<td class="num">{len(r.quotes)}</td><td class="num">{r.mentions}</td></tr>'
        for r in s.who_is_quoted
    )
    table = (
        "<table><tr><th>who</th><th>kind</th><th>statements</th><th>mentions</th></tr>" + rows + "</table>"
        if rows
        else ""
    )
    others = (
        '<p class="muted">Also attributed to (not a person or organisation): '
        + ", ".join(escape(r.name) for r in s.other_attributions)
        + "</p>"
        if s.other_attributions
        else ""
    )
    sources = f"{s.sources} source{'' if s.sources == 1 else 's'}"
    return f"<h2>Who is quoted ({sources}, {s.anonymous_sources} anonymous)</h2>{table}{others}"
