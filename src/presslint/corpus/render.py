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
        for gid, ms in groups.items() if len(ms) > 1
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
    lines = [f"{'id':>6}  {'first':<10}  {'last':<10}  {'articles':>8}  {'outlets':>7}  headline"]
    for r in rows:
        lines.append(f"{r.id:>6}  {r.first_date:<10}  {r.last_date:<10}  {r.articles:>8}  {r.outlets:>7}  "
                     f"{(r.headline or '(no headline)')[:80]}")
    lines.append("outlets: independent outlets, syndicated copies counted once")
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
    lines = [f"Story {data['id']}: {data['headline'] or '(no headline)'}",
             f"{data['first_date']} to {data['last_date']} · {data['articles']} articles · "
             f"{data['independent_outlets']} independent outlets"]
    for g in data["syndication"]:
        lines.append(f"  syndication group {g['group']}: {g['note']} ({', '.join(g['outlets'])})")
    for outlet in data["outlets"]:
        lines.append("")
        lines.append(outlet["outlet"])
        for m in outlet["articles"]:
            lines.append(f"  {m['published']}  {m['headline'] or '(no headline)'}")
            lines.append(f"    {_group_label(m, data)}; findings: {_counts(m)}; report {m['report_id']}; "
                         f"score {m['score']:.2f}")
            if m["url"] or m["origin"]:
                lines.append(f"    {m['url'] or m['origin']}")
    return "\n".join(lines) + "\n"


_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ddd}
.meta{color:#555}.note{background:#f4f4ef;padding:.4rem .6rem;border-left:3px solid #aa8}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .5rem;vertical-align:top}
tr+tr td{border-top:1px solid #eee}"""


def story_html(data: dict) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Story {data['id']}: {e(data['headline'] or '')}</title><style>{_CSS}</style></head><body>",
        f"<h1>Story {data['id']}: {e(data['headline'] or '(no headline)')}</h1>",
        f"<p class=\"meta\">{e(data['first_date'])} to {e(data['last_date'])} · {data['articles']} articles · "
        f"{data['independent_outlets']} independent outlets</p>",
    ]
    for g in data["syndication"]:
        parts.append(f"<p class=\"note\">Syndication group {g['group']}: {e(g['note'])} "
                     f"({e(', '.join(g['outlets']))})</p>")
    for outlet in data["outlets"]:
        parts.append(f"<h2>{e(outlet['outlet'])}</h2><table><tr><th>date</th><th>headline</th><th>syndication</th>"
                     "<th>findings</th></tr>")
        for m in outlet["articles"]:
            where = m["url"] or m["origin"] or ""
            link = (f' <a href="{e(where)}">source</a>' if where.startswith(("http://", "https://")) else
                    (f" <span class=\"meta\">{e(where)}</span>" if where else ""))
            parts.append(f"<tr><td>{e(m['published'])}</td><td>{e(m['headline'] or '(no headline)')}{link}</td>"
                         f"<td>{e(_group_label(m, data))}</td><td>{e(_counts(m))}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
