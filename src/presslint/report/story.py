"""Story views: text, JSON and a self-contained HTML page. They only format rows from ``store.corpus``."""

from __future__ import annotations

import html
from collections import OrderedDict

from ..store.corpus import MemberRow, StoryRow


def copies_note(copies: int) -> str:
    return f"{copies} syndicated copies count as one source"


def story_data(story: StoryRow, members: list[MemberRow]) -> dict:
    """The JSON form of one story: the row, members outlet by outlet, and its syndication groups."""
    groups: dict[int, list[MemberRow]] = OrderedDict()
    for m in members:
        groups.setdefault(m.syndication_group_id, []).append(m)
    syndication = [
        {"group": gid, "copies": len(ms), "outlets": sorted({m.outlet for m in ms}), "note": copies_note(len(ms))}
        for gid, ms in groups.items()
        if len(ms) > 1
    ]
    outlets: dict[str, list[dict]] = OrderedDict()
    for m in members:
        outlets.setdefault(m.outlet, []).append(m.to_dict())
    return {
        **story.to_dict(),
        "independent_outlets": story.outlets,
        "syndication": syndication,
        "outlets": [{"outlet": name, "articles": rows} for name, rows in outlets.items()],
    }


def stories_text(rows: list[StoryRow]) -> str:
    if not rows:
        return "no stories\n"
    lines = [
        (
            f"{'id':>6}  {'first':<10}  {'last':<10}  {'articles':>8}  {'outlets':>7}  {'corrob.':>7}  "
            f"{'contra.':>7}  headline"
        )
    ]
    for r in rows:
        lines.append(
            f"{r.id:>6}  {r.first_date:<10}  {r.last_date:<10}  {r.articles:>8}  {r.outlets:>7}  "
            f"{r.corroborated:>7}  {r.contradicted:>7}  {(r.headline or '(no headline)')[:80]}"
        )
    lines.append(
        "outlets: independent outlets, syndicated copies counted once; corrob./contra.: claims corroborated "
        "by two or more independent outlets / contradicted between outlets"
    )
    return "\n".join(lines) + "\n"


def _counts(m: dict) -> str:
    return f"{m['errors']} errors, {m['warnings']} warnings, {m['infos']} info"


def _group_label(m: dict, data: dict) -> str:
    copies = next((g for g in data["syndication"] if g["group"] == m["syndication_group_id"]), None)
    if copies is None:
        return f"text {m['syndication_group_id']} (own text)"
    role = "original" if m["canonical"] else f"copy, {m['similarity']:.2f} similar"
    return f"syndication group {m['syndication_group_id']} ({role}; {copies['note']})"


def story_text(data: dict) -> str:
    lines = [
        f"Story {data['id']}: {data['headline'] or '(no headline)'}",
        f"{data['first_date']} to {data['last_date']} · {data['articles']} articles · "
        f"{data['independent_outlets']} independent outlets",
    ]
    for g in data["syndication"]:
        lines.append(f"  syndication group {g['group']}: {g['note']} ({', '.join(g['outlets'])})")
    for outlet in data["outlets"]:
        lines.append("")
        lines.append(outlet["outlet"])
        for m in outlet["articles"]:
            lines.append(f"  {m['published']}  {m['headline'] or '(no headline)'}")
            lines.append(
                f"    {_group_label(m, data)}; findings: {_counts(m)}; report {m['report_id']}; score {m['score']:.2f}"
            )
            if m["url"] or m["origin"]:
                lines.append(f"    {m['url'] or m['origin']}")
    lines.extend(claims_lines(data.get("claims", [])))
    if data.get("profiles"):
        lines.append("")
        lines.extend(outlets_text(data["profiles"]).rstrip("\n").split("\n"))
    return "\n".join(lines) + "\n"


def _quote(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _by_status(claims: list[dict], status: str) -> list[dict]:
    return [c for c in claims if c["status"] == status]


def claims_lines(claims: list[dict], *, single_source_limit: int = 20) -> list[str]:
    """Aligned claims (the dicts of ``alignments.claim_rows`` / ``views.story_view``) as text lines, by status."""
    contradicted, corroborated = _by_status(claims, "contradicted"), _by_status(claims, "corroborated")
    single = _by_status(claims, "single-source")
    lines = [
        "",
        (
            f"Claims: {len(contradicted)} contradicted, {len(corroborated)} corroborated, "
            f"{len(single)} single-source (independent outlets: syndicated copies and one outlet count once)"
        ),
    ]
    if contradicted:
        lines.append("Contradicted")
    for c in contradicted:
        lines.append(f"  [{c['alignment_id']}] about {', '.join(c['about']) or '?'}")
        for side in c["sides"]:
            lines.append(f"      {side['position']}: {', '.join(side['outlets'])} ({side['independent']} independent)")
        for x in c["conflicts"]:
            lines.append(f"    - {x['kind']}: {x['reason']}")
            lines.append(f'        {x["a"]["outlet"]}: "{_quote(x["a"]["text"])}"')
            lines.append(f'        {x["b"]["outlet"]}: "{_quote(x["b"]["text"])}"')
    if corroborated:
        lines.append("Corroborated")
    for c in corroborated:
        lines.append(
            f"  [{c['alignment_id']}] by {c['independent_outlets']} independent outlets "
            f'({", ".join(c["outlets"])}): "{_quote(c["text"])}"'
        )
    if single:
        lines.append("Single-source")
    for c in single[:single_source_limit]:
        lines.append(f'  [{c["alignment_id"]}] {", ".join(c["outlets"])}: "{_quote(c["text"])}"')
    if len(single) > single_source_limit:
        lines.append(f"  ... and {len(single) - single_source_limit} more (--format json lists them all)")
    return lines


def _rate(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def outlets_text(profiles: list[dict]) -> str:
    """Outlet profiles as a table: articles, anonymous-source rate, loaded language and findings per 1,000 words."""
    if not profiles:
        return "no outlets\n"
    lines = [f"{'outlet':<30} {'articles':>8} {'words':>8} {'anon. rate':>10} {'LNG/1k':>7} {'findings/1k':>11}"]
    for p in profiles:
        lines.append(
            f"{p['outlet'][:30]:<30} {p['articles']:>8} {p['words']:>8} {_rate(p['anonymous_source_rate']):>10} "
            f"{p['loaded_language_per_1000_words']:>7.2f} {p['findings_per_1000_words']:>11.2f}"
        )
    lines.append("anon. rate: share of sources that are anonymous; LNG/1k: loaded-language findings per 1,000 words")
    return "\n".join(lines) + "\n"


_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ddd}
.meta{color:#555}.note{background:#f4f4ef;padding:.4rem .6rem;border-left:3px solid #aa8}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .5rem;vertical-align:top}
tr+tr td{border-top:1px solid #eee}.status{font-weight:600}.contradicted{color:#a22}.corroborated{color:#262}
blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.6rem;border-left:3px solid #ccc}"""


def story_html(data: dict) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Story {data['id']}: {e(data['headline'] or '')}</title><style>{_CSS}</style></head><body>",
        f"<h1>Story {data['id']}: {e(data['headline'] or '(no headline)')}</h1>",
        f'<p class="meta">{e(data["first_date"])} to {e(data["last_date"])} · {data["articles"]} articles · '
        f"{data['independent_outlets']} independent outlets</p>",
    ]
    for g in data["syndication"]:
        parts.append(
            f'<p class="note">Syndication group {g["group"]}: {e(g["note"])} ({e(", ".join(g["outlets"]))})</p>'
        )
    for outlet in data["outlets"]:
        parts.append(
            f"<h2>{e(outlet['outlet'])}</h2><table><tr><th>date</th><th>headline</th><th>syndication</th>"
            "<th>findings</th></tr>"
        )
        for m in outlet["articles"]:
            where = m["url"] or m["origin"] or ""
            link = (
                f' <a href="{e(where)}">source</a>'
                if where.startswith(("http://", "https://"))
                else (f' <span class="meta">{e(where)}</span>' if where else "")
            )
            parts.append(
                f"<tr><td>{e(m['published'])}</td><td>{e(m['headline'] or '(no headline)')}{link}</td>"
                f"<td>{e(_group_label(m, data))}</td><td>{e(_counts(m))}</td></tr>"
            )
        parts.append("</table>")
    parts.extend(_claims_html(data.get("claims", [])))
    if data.get("profiles"):
        parts.append(
            "<h2>Outlet profiles</h2><table><tr><th>outlet</th><th>articles</th><th>anonymous-source rate</th>"
            "<th>loaded language / 1k words</th><th>findings / 1k words</th></tr>"
        )
        for p in data["profiles"]:
            parts.append(
                f"<tr><td>{e(p['outlet'])}</td><td>{p['articles']}</td><td>{_rate(p['anonymous_source_rate'])}"
                f"</td><td>{p['loaded_language_per_1000_words']:.2f}</td>"
                f"<td>{p['findings_per_1000_words']:.2f}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _claims_html(claims: list[dict]) -> list[str]:
    e = html.escape
    contradicted, corroborated = _by_status(claims, "contradicted"), _by_status(claims, "corroborated")
    single = _by_status(claims, "single-source")
    parts = [
        (
            f'<h2>Claims</h2><p class="meta">{len(contradicted)} contradicted, {len(corroborated)} corroborated, '
            f"{len(single)} single-source (syndicated copies and one outlet's articles count as one source)</p>"
        )
    ]
    for c in contradicted:
        parts.append(
            f'<div class="claim"><p><span class="status contradicted">Contradicted</span> '
            f"[{c['alignment_id']}] about {e(', '.join(c['about']) or '?')}</p><ul>"
        )
        for side in c["sides"]:
            parts.append(
                f"<li>{e(side['position'])}: {e(', '.join(side['outlets']))} ({side['independent']} independent)</li>"
            )
        parts.append("</ul>")
        for x in c["conflicts"]:
            parts.append(
                f"<p>{e(x['kind'])}: {e(x['reason'])}</p>"
                f"<blockquote><b>{e(x['a']['outlet'])}</b>: {e(x['a']['text'])}</blockquote>"
                f"<blockquote><b>{e(x['b']['outlet'])}</b>: {e(x['b']['text'])}</blockquote>"
            )
        parts.append("</div>")
    for c in corroborated:
        parts.append(
            f'<div class="claim"><p><span class="status corroborated">Corroborated</span> '
            f"[{c['alignment_id']}] by {c['independent_outlets']} independent outlets "
            f"({e(', '.join(c['outlets']))})</p><blockquote>{e(c['text'])}</blockquote></div>"
        )
    if single:
        parts.append("<h3>Single-source</h3><ul>")
        parts.extend(
            f"<li>[{c['alignment_id']}] <b>{e(', '.join(c['outlets']))}</b>: {e(c['text'])}</li>" for c in single
        )
        parts.append("</ul>")
    return parts
