"""`presslint history`, `show` and `forget`: the store of checked reports (no NLP needed)."""

from __future__ import annotations

import json

import click

from ..errors import quoted
from .options import check_format, colour, db_option, emit, format_option, open_store


@click.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="How many reports to list.")
@click.option(
    "--offset", default=0, show_default=True, type=click.IntRange(min=0), help="Skip this many newest reports."
)
@format_option(("text", "json"))
@db_option
def history(limit, offset, fmt, db) -> None:
    """List stored reports, newest first.

    Columns: report id, date checked (UTC), findings as errors/warnings/info, title and origin.
    """
    check_format(fmt, ("text", "json"))
    with open_store(db) as store:
        rows = store.history(limit=limit, offset=offset)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no stored reports")
        return
    click.echo(f"{'id':>5}  {'checked':<16}  {'E/W/I':<9}  title — origin")
    for r in rows:
        counts = f"{r.errors}/{r.warnings}/{r.infos}"
        title = quoted((r.title or "(no title)")[:60])  # a title or file name may hold a terminal escape
        click.echo(
            f"{r.id:>5}  {r.created_at[:16].replace('T', ' '):<16}  {counts:<9}  {title} — {quoted(r.origin or '-')}"
        )


@click.command()
@click.argument("report_id")
@format_option(("text", "json", "html"))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@db_option
def show(report_id, fmt, output, db) -> None:
    """Print a stored report again.

    REPORT_ID comes from `presslint history`.
    """
    from ..report import render

    check_format(fmt, ("text", "json", "html"))
    with open_store(db) as store:
        report = store.get(report_id)
    text = render(report, fmt, **({"colour": colour(output)} if fmt == "text" else {}))
    emit(text + "\n" if fmt == "json" else text, output)


@click.command()
@click.argument("key")
@db_option
def forget(key, db) -> None:
    """Delete a stored article and all its reports.

    KEY is a report id (from `presslint history`) or the article's content hash, or a prefix of at least six
    characters of it. An article of the ingested corpus also leaves its story, syndication group and outlet profile:
    their counts are worked out again from the remaining articles, and the claims of its story are compared again
    (which loads the NLP pipeline when the story still has several independent outlets).
    """
    from ..corpus.maintenance import forget as forget_article

    with open_store(db) as store:
        deleted = forget_article(store, key)
    click.echo(f"deleted the article and its {deleted} report{'s' if deleted != 1 else ''}")


COMMANDS = (history, show, forget)
