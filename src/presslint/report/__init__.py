"""Every renderer: a Report -> text, JSON, HTML (``render``) or ClaimReview JSON-LD (``claimreview``); stories,
outlet profiles and comparisons (``story``); article versions (``diff``). Renderers format; they never compute."""

from __future__ import annotations

FORMATS = ("text", "json", "html")


def render(report, fmt: str, **options) -> str:
    from ..errors import E, PresslintError

    if fmt == "text":
        from .text import render_text

        return render_text(report, **options)
    if fmt == "json":
        from .json import render_json

        return render_json(report)
    if fmt == "html":
        from .html import render_html

        return render_html(report)
    raise PresslintError(E.E303, format=fmt, choices=", ".join(FORMATS))
