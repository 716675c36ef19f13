"""Terminal report: findings grouped by category, each with its location and the quoted span."""

from __future__ import annotations

from collections import defaultdict

from ..errors import quoted
from ..model import Report

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _c(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(report: Report, *, colour: bool = False, show_sources: bool = True) -> str:
    art, prov = report.article, report.provenance
    out: list[str] = []
    where = quoted(art.origin or art.url or "<text>", 300)  # a file name may hold terminal escapes
    out.append(_c(f"{where}", _BOLD, colour) + (f"  “{_quote(art.title, 80)}”" if art.title else ""))
    meta = [f"date {prov.publication_date} ({prov.publication_date_source})"]
    if art.byline:
        meta.append(f"by {quoted(art.byline)}")
    if art.outlet:
        meta.append(quoted(art.outlet))
    out.append(_c("  " + " · ".join(meta), _DIM, colour))
    for notice in report.notices:
        out.append(_c(f"  note {notice.message}", _DIM, colour))
    groups: dict[str, list] = defaultdict(list)
    for finding in report.findings:
        groups[finding.category or finding.code.rstrip("0123456789")].append(finding)
    for category, findings in groups.items():
        out.append("")
        out.append(_c(f"{category} ({len(findings)})", _BOLD, colour))
        for f in findings:
            loc = f"{f.span.line}:{f.span.column}" if f.span.line else f"@{f.span.start}"
            sev = _c(f"{f.severity:<7}", _COLOURS.get(f.severity, ""), colour)
            out.append(f"  {loc:>7} {sev} {f.code} {f.message}")
            out.append(_c(f"          “{_quote(f.span.text)}”", _DIM, colour))
            for rel in f.related:
                rloc = f"{rel.line}:{rel.column}" if rel.line else f"@{rel.start}"
                out.append(_c(f"          ↔ {rloc} “{_quote(rel.text)}”", _DIM, colour))
    if show_sources and report.sources:
        out.append("")
        out.append(_c(f"who is quoted ({len(report.sources)} sources)", _BOLD, colour))
        for s in report.sources:
            out.append(f"  {s.kind:<19} {s.name}" + (f"  ({len(s.mentions)} mentions)" if len(s.mentions) > 1 else ""))
    counts = defaultdict(int)
    for f in report.findings:
        counts[f.severity] += 1
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s]) or "no findings"
    out.append("")
    out.append(f"{len(report.findings)} findings ({summary})" if report.findings else "no findings")
    return "\n".join(out) + "\n"
