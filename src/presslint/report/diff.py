"""Article-version renderers: what changed between the versions of one URL (``presslint versions``). They format
``model.corpus`` records (``ArticleVersion``, ``VersionDiff``); ``corpus.versions`` computes the diffs.

One entry point: ``render_versions``; ``render_diff`` is the text of one diff. Every output ends with a newline.
"""

from __future__ import annotations

import json

from ..errors import E, PresslintError
from ..model import ArticleVersion, VersionDiff, to_dict
from .story import one_line

FORMATS = ("text", "json")


def render_versions(url: str, versions: list[ArticleVersion], diffs: list[VersionDiff], fmt: str = "text") -> str:
    """The versions seen at ``url`` (oldest first) and the diffs between consecutive ones, as text or JSON."""
    if fmt == "text":
        return versions_text(url, versions, diffs)
    if fmt == "json":
        return versions_json(url, versions, diffs)
    raise PresslintError(E.E303, format=fmt, choices=", ".join(FORMATS))


def versions_json(url: str, versions: list[ArticleVersion], diffs: list[VersionDiff]) -> str:
    # A version's text is left out: the diffs quote what changed, and texts can be long.
    seen = [{k: v for k, v in to_dict(version).items() if k != "text"} for version in versions]
    data = {"url": url, "versions": seen, "diffs": [d.to_dict() for d in diffs]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def versions_text(url: str, versions: list[ArticleVersion], diffs: list[VersionDiff]) -> str:
    if not versions:
        return f"no versions stored for {url}\n"
    lines = [f"{len(versions)} version{'s' if len(versions) != 1 else ''} of {url}"]
    lines.extend(f"  {v.seen_at}  {v.content_hash[:12]}  {v.title or '(no title)'}" for v in versions)
    out = "\n".join(lines) + "\n"
    return out + "".join("\n" + render_diff(diff) for diff in diffs)


def render_diff(diff: VersionDiff) -> str:
    lines = [
        f"{diff.url or '(no URL)'}: {diff.old_hash[:12]} ({diff.old_seen or '?'}) -> "
        f"{diff.new_hash[:12]} ({diff.new_seen or '?'})"
    ]
    if diff.title_before != diff.title_after:
        lines.append(f'  headline: "{diff.title_before}" -> "{diff.title_after}"')
    lines.append(
        f"  {len(diff.added)} claims added, {len(diff.removed)} removed, {len(diff.altered)} altered, "
        f"{diff.unchanged} unchanged"
    )
    for notice in diff.notices:
        mark = "new " if notice in diff.new_notices else ""
        lines.append(f'  {mark}notice: "{one_line(notice.text)}"')
    for change in diff.changes:
        if change.kind == "altered" and change.old and change.new:
            lines.append(f"  ~ altered ({change.similarity or 0:.0f}% alike)")
            lines.append(f'      before: "{one_line(change.old.text)}"')
            lines.append(f'      after:  "{one_line(change.new.text)}"')
            if change.numbers_before or change.numbers_after:
                lines.append(
                    f"      numbers: {', '.join(change.numbers_before) or '-'} -> "
                    f"{', '.join(change.numbers_after) or '-'}"
                )
        elif change.kind == "removed" and change.old:
            lines.append(f'  - removed: "{one_line(change.old.text)}"')
        elif change.new:
            lines.append(f'  + added:   "{one_line(change.new.text)}"')
    if not diff.changes and not diff.new_notices:
        lines.append("  no claim changed (the text changed elsewhere)")
    return "\n".join(lines) + "\n"
