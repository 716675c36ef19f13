"""`presslint batch`, `presslint factchecks ...`, `presslint versions`: thin shells over presslint.scale and
presslint.corpus.{claimreview,versions}. ``register(main)`` adds them to the main group."""

from __future__ import annotations

import json

import click

from ..errors import PresslintError
from .options import EXIT_ERROR, allow_private_option, config_option, db_option, error_line, settings_from
from .options import open_store as _store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False), help="Parquet file to write (one row per article)."
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Local worker processes (ignored with --scheduler).",
)
@click.option("--scheduler", help="Address of a running Dask scheduler, e.g. tcp://host:8786.")
@click.option("--partition-size", default=32, show_default=True, type=click.IntRange(min=1), help="Articles per task.")
@click.option("--store", "to_store", is_flag=True, help="Also save every report (and URL versions) in the store.")
@config_option
@click.option("--date", help="Publication date to assume (YYYY-MM-DD) when an article has none.")
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
@db_option
def batch(inputs, out, workers, scheduler, partition_size, to_store, config_path, date, quiet, db) -> None:
    """Check many articles on Dask and write the results to Parquet.

    INPUTS are files, folders, JSONL files or glob patterns (quote them). Each worker process loads the pipeline once
    and runs presslint.check_articles over partitions. Without --scheduler a local cluster of --workers processes is
    started. A bad input or a failed check becomes a row with error_code/error_message; the job goes on.

    Columns: seq, origin, content_hash, title, outlet, url, date, language, words, errors, warnings, infos,
    categories and codes (JSON counts), findings (JSON), error_code, error_message.
    """
    from ..extras import require
    from ..scale.batch import print_progress, run_batch

    require("scale", "presslint batch", "distributed", "pyarrow")
    settings = settings_from(config_path, date=date, store=False)
    store = _store(db) if to_store else None
    try:
        summary = run_batch(
            inputs,
            out,
            settings=settings,
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size,
            store=store,
            progress=None if quiet else print_progress,
        )
    finally:
        if store is not None:
            store.close()
    if not quiet:
        click.echo("", err=True)
    click.echo(
        f"{summary.articles} articles ({summary.failed} failed) in {summary.seconds:.1f} s on "
        f"{summary.workers} workers ({summary.rate:.2f} articles/s) -> {summary.out}"
    )


# -- fact-checks ----------------------------------------------------------------------------------------------------
@click.group()
def factchecks() -> None:
    """Import and list known fact-checks (schema.org ClaimReview); matches show as FCK001 findings."""


@factchecks.command("import")
@click.argument("locations", nargs=-1, required=True)
@allow_private_option
@db_option
def import_cmd(locations, allow_private, db) -> None:
    """Import ClaimReview records from files or URLs.

    Each FILE_OR_URL holds JSON-LD (an array, one object, or an @graph), JSON Lines, an HTML page with
    application/ld+json blocks, or a Fact Check Tools API response. A review already imported (same URL) is updated.
    """
    from ..config import Settings
    from ..corpus.claimreview import read_claimreviews
    from ..store.factchecks import save_factchecks

    total_new = total_updated = 0
    failures = 0
    with _store(db) as store:
        for location in locations:
            try:
                reviews = read_claimreviews([location], settings=Settings(allow_private=allow_private))
            except PresslintError as err:
                failures += 1
                click.echo(error_line(err), err=True)
                continue
            new, updated = save_factchecks(store, reviews)
            total_new, total_updated = total_new + new, total_updated + updated
            click.echo(f"{location}: {len(reviews)} fact-checks ({new} new, {updated} updated)")
    click.echo(f"imported {total_new} new and {total_updated} updated fact-checks")
    if failures:
        raise click.exceptions.Exit(EXIT_ERROR)


@factchecks.command("list")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="How many to list.")
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]), help="text or json."
)
@db_option
def list_cmd(limit, fmt, db) -> None:
    """List imported fact-checks, newest import first."""
    from ..store.factchecks import count_factchecks, load_factchecks

    with _store(db) as store:
        rows = load_factchecks(store, limit=limit)
        total = count_factchecks(store)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no fact-checks imported (see `presslint factchecks import`)")
        return
    for r in rows:
        claim = r.claim_reviewed if len(r.claim_reviewed) <= 90 else r.claim_reviewed[:89] + "…"
        click.echo(f"[{r.rating or '?'}] {claim}\n    {r.author or '?'} — {r.url}")
    click.echo(f"{len(rows)} of {total} shown")


# -- versions -------------------------------------------------------------------------------------------------------
@click.command()
@click.argument("url")
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]), help="text or json."
)
@db_option
def versions(url, fmt, db) -> None:
    """Show how the article at URL changed between the versions seen.

    Versions are recorded when an article with this URL is stored (`presslint batch --store`) with a text not seen
    before. For each pair of consecutive versions: claims added, removed and altered, and correction notices.
    """
    from ..corpus.versions import diff_stored
    from ..report.diff import render_versions
    from ..store.versions import versions as stored_versions

    with _store(db) as store:
        seen = stored_versions(store, url)
        diffs = diff_stored(store, url)
    click.echo(render_versions(url, seen, diffs, fmt), nl=False)


COMMANDS = (batch, factchecks, versions)
