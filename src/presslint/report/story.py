"""Story renderers: the story list, one story (text, JSON, a self-contained HTML page), outlet profiles, and a
comparison of reports. They format ``model.corpus`` records; they never compute.

One entry point per kind: ``render_stories``, ``render_story``, ``render_outlets``, ``render_comparison``. Every
output ends with a newline.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..errors import E, PresslintError
from ..model import (
    AlignedClaim,
    OutletProfile,
    Story,
    StoryComparison,
    StoryMember,
    StoryView,
    to_dict,
)

STORY_FORMATS = ("text", "json", "html")
LIST_FORMATS = ("text", "json")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _unknown(fmt: str, choices: tuple[str, ...]) -> PresslintError:
    return PresslintError(E.E303, format=fmt, choices=", ".join(choices))


# ---------------------------------------------------------------- entry points


def render_stories(stories: list[Story], fmt: str = "text") -> str:
    """The story list (``presslint stories``) as text or JSON."""
    if fmt == "text":
        return stories_text(stories)
    if fmt == "json":
        return stories_json(stories)
    raise _unknown(fmt, LIST_FORMATS)


def render_story(view: StoryView, fmt: str = "text") -> str:
    """One story (``presslint story``) as text, JSON or a self-contained HTML page."""
    if fmt == "text":
        return story_text(view)
    if fmt == "json":
        return _dumps(to_dict(view))
    if fmt == "html":
        return story_html(view)
    raise _unknown(fmt, STORY_FORMATS)


def render_outlets(profiles: list[OutletProfile], fmt: str = "text") -> str:
    """Outlet profiles (``presslint outlets``) as a text table or JSON."""
    if fmt == "text":
        return outlets_text(profiles)
    if fmt == "json":
        return _dumps(to_dict(profiles))
    raise _unknown(fmt, LIST_FORMATS)


def render_comparison(comparison: StoryComparison, fmt: str = "text", *, single_source_limit: int = 10) -> str:
    """A comparison of reports (``corpus.compare.compare_story``) as text or JSON."""
    if fmt == "text":
        return comparison_text(comparison, single_source_limit=single_source_limit)
    if fmt == "json":
        return comparison.to_json(indent=2) + "\n"
    raise _unknown(fmt, LIST_FORMATS)


# ---------------------------------------------------------------- text


def stories_json(stories: list[Story]) -> str:
    # "outlets" repeats independent_outlets under the key `presslint stories --format json` has always printed.
    return _dumps([{**to_dict(s), "outlets": s.independent_outlets} for s in stories])


def stories_text(stories: list[Story]) -> str:
    if not stories:
        return "no stories\n"
    lines = [
        (
            f"{'id':>6}  {'first':<10}  {'last':<10}  {'articles':>8}  {'outlets':>7}  {'corrob.':>7}  "
            f"{'contra.':>7}  headline"
        )
    ]
    for r in stories:
        lines.append(
            f"{r.id:>6}  {r.first_date:<10}  {r.last_date:<10}  {r.articles:>8}  {r.independent_outlets:>7}  "
            f"{r.corroborated:>7}  {r.contradicted:>7}  {(r.headline or '(no headline)')[:80]}"
        )
    lines.append(
        "outlets: independent outlets, syndicated copies counted once; corrob./contra.: claims corroborated "
        "by two or more independent outlets / contradicted between outlets"
    )
    return "\n".join(lines) + "\n"


def _counts(m: StoryMember) -> str:
    return f"{m.errors} errors, {m.warnings} warnings, {m.infos} info"


def _group_label(m: StoryMember, view: StoryView) -> str:
    copies = next((g for g in view.syndication if g.group == m.syndication_group_id), None)
    if copies is None:
        return f"text {m.syndication_group_id} (own text)"
    role = "original" if m.canonical else f"copy, {m.similarity:.2f} similar"
    return f"syndication group {m.syndication_group_id} ({role}; {copies.note})"


def story_text(view: StoryView) -> str:
    lines = [
        f"Story {view.id}: {view.headline or '(no headline)'}",
        f"{view.first_date} to {view.last_date} · {view.articles} articles · "
        f"{view.independent_outlets} independent outlets",
    ]
    for g in view.syndication:
        lines.append(f"  syndication group {g.group}: {g.note} ({', '.join(g.outlets)})")
    for outlet in view.outlets:
        lines.append("")
        lines.append(outlet.outlet)
        for m in outlet.articles:
            lines.append(f"  {m.published}  {m.headline or '(no headline)'}")
            lines.append(
                f"    {_group_label(m, view)}; findings: {_counts(m)}; report {m.report_id}; score {m.score:.2f}"
            )
            if m.url or m.origin:
                lines.append(f"    {m.url or m.origin}")
    lines.extend(claims_lines(view.claims))
    if view.profiles:
        lines.append("")
        lines.extend(outlets_text(view.profiles).rstrip("\n").split("\n"))
    return "\n".join(lines) + "\n"


def one_line(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _by_status(claims: list[AlignedClaim], status: str) -> list[AlignedClaim]:
    return [c for c in claims if c.status == status]


def claims_lines(claims: list[AlignedClaim], *, single_source_limit: int = 20) -> list[str]:
    """Aligned claims as text lines, by status."""
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
        lines.append(f"  [{c.alignment_id}] about {', '.join(c.about) or '?'}")
        for side in c.sides:
            lines.append(f"      {side.position}: {', '.join(side.outlets)} ({side.independent} independent)")
        for x in c.conflicts:
            lines.append(f"    - {x.kind}: {x.reason}")
            lines.append(f'        {x.a.outlet}: "{one_line(x.a.text)}"')
            lines.append(f'        {x.b.outlet}: "{one_line(x.b.text)}"')
    if corroborated:
        lines.append("Corroborated")
    for c in corroborated:
        lines.append(
            f"  [{c.alignment_id}] by {c.independent_outlets} independent outlets "
            f'({", ".join(c.outlets)}): "{one_line(c.text)}"'
        )
    if single:
        lines.append("Single-source")
    for c in single[:single_source_limit]:
        lines.append(f'  [{c.alignment_id}] {", ".join(c.outlets)}: "{one_line(c.text)}"')
    if len(single) > single_source_limit:
        lines.append(f"  ... and {len(single) - single_source_limit} more (--format json lists them all)")
    return lines


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def outlets_text(profiles: list[OutletProfile]) -> str:
    """Outlet profiles as a table: articles, anonymous-source rate, loaded language and findings per 1,000 words."""
    if not profiles:
        return "no outlets\n"
    lines = [f"{'outlet':<30} {'articles':>8} {'words':>8} {'anon. rate':>10} {'LNG/1k':>7} {'findings/1k':>11}"]
    for p in profiles:
        lines.append(
            f"{p.outlet[:30]:<30} {p.articles:>8} {p.words:>8} {_rate(p.anonymous_source_rate):>10} "
            f"{p.loaded_language_per_1000_words:>7.2f} {p.findings_per_1000_words:>11.2f}"
        )
    lines.append("anon. rate: share of sources that are anonymous; LNG/1k: loaded-language findings per 1,000 words")
    return "\n".join(lines) + "\n"


def comparison_text(comparison: StoryComparison, *, single_source_limit: int = 10) -> str:
    """A comparison of reports, through the same claim-by-claim lines as a stored story (no article ids)."""
    header = (
        f"Story: {comparison.articles} articles from {comparison.outlets} outlets, "
        f"{comparison.independent_outlets} independent"
    )
    claims = comparison.aligned_claims()
    lines = [header, *claims_lines(claims, single_source_limit=single_source_limit), "", "Outlets"]
    return "\n".join(lines) + "\n" + outlets_text(comparison.profiles)


# ---------------------------------------------------------------- HTML

_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ddd}
.meta{color:#555}.note{background:#f4f4ef;padding:.4rem .6rem;border-left:3px solid #aa8}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .5rem;vertical-align:top}
tr+tr td{border-top:1px solid #eee}.status{font-weight:600}.contradicted{color:#a22}.corroborated{color:#262}
blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.6rem;border-left:3px solid #ccc}"""


def story_html(view: StoryView) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Story {view.id}: {e(view.headline or '')}</title><style>{_CSS}</style></head><body>",
        f"<h1>Story {view.id}: {e(view.headline or '(no headline)')}</h1>",
        f'<p class="meta">{e(view.first_date)} to {e(view.last_date)} · {view.articles} articles · '
        f"{view.independent_outlets} independent outlets</p>",
    ]
    for g in view.syndication:
        parts.append(f'<p class="note">Syndication group {g.group}: {e(g.note)} ({e(", ".join(g.outlets))})</p>')
    for outlet in view.outlets:
        parts.append(
            f"<h2>{e(outlet.outlet)}</h2><table><tr><th>date</th><th>headline</th><th>syndication</th>"
            "<th>findings</th></tr>"
        )
        for m in outlet.articles:
            where = m.url or m.origin or ""
            link = (
                f' <a href="{e(where)}">source</a>'
                if where.startswith(("http://", "https://"))
                else (f' <span class="meta">{e(where)}</span>' if where else "")
            )
            parts.append(
                f"<tr><td>{e(m.published)}</td><td>{e(m.headline or '(no headline)')}{link}</td>"
                f"<td>{e(_group_label(m, view))}</td><td>{e(_counts(m))}</td></tr>"
            )
        parts.append("</table>")
    parts.extend(_claims_html(view.claims))
    if view.profiles:
        parts.append(
            "<h2>Outlet profiles</h2><table><tr><th>outlet</th><th>articles</th><th>anonymous-source rate</th>"
            "<th>loaded language / 1k words</th><th>findings / 1k words</th></tr>"
        )
        for p in view.profiles:
            parts.append(
                f"<tr><td>{e(p.outlet)}</td><td>{p.articles}</td><td>{_rate(p.anonymous_source_rate)}"
                f"</td><td>{p.loaded_language_per_1000_words:.2f}</td>"
                f"<td>{p.findings_per_1000_words:.2f}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _claims_html(claims: list[AlignedClaim]) -> list[str]:
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
            f"[{c.alignment_id}] about {e(', '.join(c.about) or '?')}</p><ul>"
        )
        for side in c.sides:
            parts.append(f"<li>{e(side.position)}: {e(', '.join(side.outlets))} ({side.independent} independent)</li>")
        parts.append("</ul>")
        for x in c.conflicts:
            parts.append(
                f"<p>{e(x.kind)}: {e(x.reason)}</p>"
                f"<blockquote><b>{e(x.a.outlet)}</b>: {e(x.a.text)}</blockquote>"
                f"<blockquote><b>{e(x.b.outlet)}</b>: {e(x.b.text)}</blockquote>"
            )
        parts.append("</div>")
    for c in corroborated:
        parts.append(
            f'<div class="claim"><p><span class="status corroborated">Corroborated</span> '
            f"[{c.alignment_id}] by {c.independent_outlets} independent outlets "
            f"({e(', '.join(c.outlets))})</p><blockquote>{e(c.text)}</blockquote></div>"
        )
    if single:
        parts.append("<h3>Single-source</h3><ul>")
        parts.extend(f"<li>[{c.alignment_id}] <b>{e(', '.join(c.outlets))}</b>: {e(c.text)}</li>" for c in single)
        parts.append("</ul>")
    return parts
