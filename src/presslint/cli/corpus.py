"""Corpus commands (`ingest`, `stories`, `story`), registered on the main CLI group by :func:`register`."""

from __future__ import annotations

import json
import sys

import click

from ..errors import E, PresslintError, quoted
from .options import (
    EXIT_ERROR,
    allow_private_option,
    check_format,
    config_option,
    db_option,
    emit,
    safe,
    settings_from,
)
from .options import open_store as _store


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", help="Publication date to assume (YYYY-MM-DD) for articles that have none.")
@config_option
@allow_private_option
@click.option("--no-progress", is_flag=True, help="No progress bar on stderr.")
@click.option("--format", "fmt", default="text", show_default=True, help="Summary as text or json.")
@db_option
def ingest_cmd(inputs, date, config_path, allow_private, no_progress, fmt, db) -> None:
    """Ingest many articles into the store: check each, find syndicated copies, and group them into stories.

    INPUTS are RSS/Atom feeds (.xml, .rss, .atom, or a feed URL), OPML lists of feeds (.opml), URL lists (.txt with
    one URL a line), JSONL, WARC or WARC.gz archives (HTML responses), article files (.txt, .html) and folders of
    any of these. Every fetch goes through the private-address guard.

    Resumable: articles whose text is already in the corpus are skipped, and stories an interrupted run left
    half-done are compared again first. A bad item is recorded in the store's ingest_errors table and the rest go
    on; the failures are counted at the end (exit code 2 when there were any). Failures the store could not record
    (a full disk, a lock held by another process) are printed; a full disk or a damaged store stops the run (what
    was stored stays: run the same command again to resume). Two ingests of the same inputs into one store may run
    at once: each article is added once.
    """
    from ..corpus.batch import ingest

    check_format(fmt, ("text", "json"))
    settings = settings_from(config_path, date=date, allow_private=allow_private or None, db=db)
    with _store(db) as store:
        summary = ingest(inputs, store=store, settings=settings, progress=not no_progress)
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        click.echo(f"ingest: {summary.line()}")
    for failure in summary.unrecorded:  # the store could not keep them: this is their only record
        click.echo(f"error: {quoted(failure['origin'])}: {safe(failure['message'])}", err=True)
    if summary.stopped:
        click.echo(f"error: {safe(summary.stopped)}", err=True)
    if summary.failed or summary.stopped:
        sys.exit(EXIT_ERROR)


@click.command("stories")
@click.option("--since", help="Only stories with an article on or after this date (YYYY-MM-DD).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1), help="How many stories to list.")
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
@db_option
def stories_cmd(since, limit, fmt, db) -> None:
    """List stories, latest first.

    Columns: story id, first and last article date, articles, independent outlets (syndicated copies of one text
    count once), claims corroborated by two or more independent outlets, claims contradicted between outlets, and
    the headline of the earliest article.
    """
    from ..config import parse_date
    from ..corpus.views import list_stories
    from ..report.story import render_stories

    check_format(fmt, ("text", "json"))
    if since:
        since = parse_date(since).isoformat()
    with _store(db) as store:
        stories = list_stories(store, since, limit)
    click.echo(render_stories(stories, fmt), nl=False)


@click.command("story")
@click.argument("story_id", type=int)
@click.option("--format", "fmt", default="text", show_default=True, help="text, json or html.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the story here instead of stdout.")
@db_option
def story_cmd(story_id, fmt, output, db) -> None:
    """Show one story outlet by outlet and claim by claim.

    Each article: its outlet, date, headline, syndication group (syndicated copies count as one source) and the
    counts of its report's findings. Each claim the outlets make: contradicted (both sides quoted with their
    outlets and the reason), corroborated (by how many independent outlets) or single-source. Then the profiles of
    the story's outlets. STORY_ID comes from `presslint stories`.
    """
    from ..corpus.views import story_view
    from ..report.story import render_story

    check_format(fmt, ("text", "json", "html"))
    with _store(db) as store:
        view = story_view(store, story_id)
        if view is None:
            raise PresslintError(E.E710, id=story_id)
    emit(render_story(view, fmt), output)


@click.command("outlets")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=1), help="How many outlets to list.")
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
@db_option
def outlets_cmd(limit, fmt, db) -> None:
    """List outlet profiles from the ingested corpus, most articles first.

    Per outlet: articles, words, anonymous-source rate (share of its sources that are anonymous), loaded-language
    findings (LNG rules) per 1,000 words and findings per 1,000 words. Updated as `presslint ingest` adds articles.
    """
    from ..report.story import render_outlets
    from ..store import corpus as db_queries

    check_format(fmt, ("text", "json"))
    with _store(db) as store:
        profiles = db_queries.outlet_profiles(store, limit=limit)
    click.echo(render_outlets(profiles, fmt), nl=False)


COMMANDS = (ingest_cmd, stories_cmd, story_cmd, outlets_cmd)
