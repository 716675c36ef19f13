"""Self-contained HTML report: the article with findings highlighted in place and listed beside it.

All article text goes through ``html.escape``; the page loads nothing from outside (inline CSS, no script).
"""

from __future__ import annotations

from html import escape

from ..model import Finding, Report

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
"""


def _location(span) -> str:
    return f"{span.line}:{span.column}" if span.line else f"@{span.start}"


def _highlight(text: str, findings: list[Finding]) -> str:
    """Article text with non-overlapping <mark>s; where spans overlap, the earlier (then longer) one wins."""
    spans = sorted(
        ((f.span.start, f.span.end, i, f) for i, f in enumerate(findings)), key=lambda s: (s[0], -(s[1] - s[0]))
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
    title = escape(art.title or art.origin or "Article")
    meta = " · ".join(
        escape(x)
        for x in (
            f"published {prov.publication_date} ({prov.publication_date_source})",
            f"by {art.byline}" if art.byline else "",
            art.outlet or "",
            art.url or art.origin or "",
            f"presslint {prov.presslint_version}, {prov.model_name} {prov.model_version}, config {prov.config_hash}",
        )
        if x
    )
    items = []
    for i, f in enumerate(report.findings):
        related = "".join(
            f'<div class="rel">↔ {escape(_location(r))} <span class="quote">“{escape(r.text)}”</span></div>'
            for r in f.related
        )
        items.append(
            f'<li id="f{i}"><span class="sev {escape(f.severity)}">{escape(f.severity)}</span> '
            f'<code>{escape(f.code)}</code> {escape(f.name)} — <a href="#s{i}">{escape(_location(f.span))}</a>'
            f'<div>{escape(f.message)}</div><div class="quote">“{escape(f.span.text)}”</div>{related}</li>'
        )
    sources = "".join(
        f"<tr><td>{escape(s.name)}</td><td>{escape(s.kind.replace('_', ' '))}</td><td>{len(s.mentions)}</td></tr>"
        for s in report.sources
    )
    notices = "".join(f'<p class="notice">{escape(n.message)}</p>' for n in report.notices)
    source_table = (
        f"<h2>Sources</h2><table><tr><th>who</th><th>kind</th><th>mentions</th></tr>{sources}</table>"
        if sources
        else ""
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>presslint: {title}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{title}</h1><p>{meta}</p></header><main>"
        f"<article>{_highlight(art.text, report.findings)}</article>"
        f"<aside>{notices}<h2>Findings ({len(report.findings)})</h2><ol>{''.join(items)}</ol>{source_table}</aside>"
        "</main></body></html>\n"
    )
