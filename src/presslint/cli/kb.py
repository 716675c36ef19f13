"""`presslint kb ...`: build and inspect the local Wikidata knowledge store. A thin shell over presslint.knowledge."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import DocumentedGroup

FULL_DUMP_ENTITIES = 110_000_000  # items in latest-all.json, for the extrapolation line

kb_option = click.option(
    "--kb",
    "kb_path",
    type=click.Path(dir_okay=False),
    help="Knowledge store to use (default: $PRESSLINT_HOME/kb.sqlite).",
)


def _kb_path(kb_path: str | None) -> Path:
    from ..config import default_home

    return Path(kb_path) if kb_path else default_home() / "kb.sqlite"


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


@click.group(cls=DocumentedGroup)
def kb() -> None:
    """Build and inspect the local Wikidata knowledge store used by the KB checks."""


@kb.command("import")
@click.argument("dump", type=click.Path(dir_okay=False))
@kb_option
@click.option(
    "--profile",
    "profile_name",
    default="news",
    show_default=True,
    type=click.Choice(["news", "people", "orgs", "places", "events", "all"]),
    help="Which entities to keep (positions held are always kept).",
)
@click.option("--min-sitelinks", type=click.IntRange(min=0), help="Override every group's sitelink threshold.")
@click.option("--types", multiple=True, help="Also keep items with this P31 class (QID; repeatable).")
@click.option(
    "--workers",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Parser processes (0: one per core but one).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Stop after reading this many entities (resume later).")
@click.option("--resume", is_flag=True, help="Continue an unfinished import of the same dump.")
@click.option("--no-fill", is_flag=True, help="Skip the second pass that adds positions named by kept people.")
@click.option(
    "--classes",
    "classes_path",
    type=click.Path(dir_okay=False),
    help="Class table from `presslint kb classes` (default: $PRESSLINT_HOME/classes.json when present).",
)
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
def import_cmd(
    dump, kb_path, profile_name, min_sitelinks, types, workers, limit, resume, no_fill, classes_path, quiet
) -> None:
    """Import a Wikidata JSON dump into the knowledge store.

    DUMP is Wikidata's JSON dump (latest-all.json), plain, .gz or .bz2.

    The dump is streamed; progress and entities/s go to stderr. The import commits its position every 20,000 lines:
    after a crash or --limit, run the same command with --resume. Re-running a finished import does nothing.
    """
    from ..config import default_home
    from ..knowledge.classes import load_class_table
    from ..knowledge.dump import default_workers, import_dump, missing_references
    from ..knowledge.profile import get_profile
    from ..knowledge.store import KnowledgeBase

    profile = get_profile(profile_name).with_overrides(
        min_sitelinks=min_sitelinks, types=tuple(t.upper() for t in types)
    )
    table_path = Path(classes_path) if classes_path else default_home() / "classes.json"
    if classes_path or table_path.is_file():
        profile = profile.with_classes(load_class_table(table_path))
    store = KnowledgeBase(_kb_path(kb_path))

    def progress(state, fraction, rate):
        if not quiet:
            what = (
                f"read {state.seen:,}, kept {state.kept:,}"
                if state.phase == "main"
                else f"fill pass: added {state.filled:,}"
            )
            click.echo(f"\r{what}, {rate:,.0f} entities/s, {fraction:.0%} of the file   ", nl=False, err=True)

    try:
        result = import_dump(
            dump,
            store,
            profile=profile,
            workers=workers or default_workers(),
            limit=limit,
            resume=resume,
            fill=not no_fill,
            progress=progress if sys.stderr.isatty() else None,
        )
        state = result.state
        if not quiet and sys.stderr.isatty():
            click.echo("", err=True)
        if result.status == "already":
            click.echo(f"{dump} is already imported into {store.path} ({state.kept:,} entities kept); nothing to do")
            return
        size = store.stats()["bytes"]
        missing = missing_references(store)
        click.echo(
            f"read {result.seen_this_run:,} entities in {result.seconds:.1f} s ({result.rate:,.0f} entities/s); "
            f"kept {state.kept:,} of {state.seen:,}, {state.filled:,} positions added by the fill pass"
            + (f", {state.bad_lines} bad lines skipped" if state.bad_lines else "")
        )
        for line, reason in state.bad_samples[:5]:
            click.echo(f"  bad line {line:,}: {reason}", err=True)
        if profile.classes_built:
            click.echo(f"classes: subclass table of {profile.classes_built}")
        if result.status == "limit":
            click.echo(f"stopped at --limit after line {state.lines:,}; continue with --resume")
        elif missing:
            click.echo(f"{len(missing):,} positions named by kept entities are not in the dump", err=True)
        if result.rate > 0 and state.seen:
            share = state.kept / state.seen
            click.echo(
                f"store {_size(size)}; at this rate the full dump (~{FULL_DUMP_ENTITIES / 1e6:.0f}M entities) takes "
                f"~{_duration(FULL_DUMP_ENTITIES / result.rate)} and keeps ~{FULL_DUMP_ENTITIES * share / 1e6:.1f}M "
                f"entities (~{_size(size / max(store.stats()['entities'], 1) * FULL_DUMP_ENTITIES * share)}) "
                "if its mix matches this file"
            )
    finally:
        store.close()


@kb.command()
@click.argument("qids", nargs=-1, required=True)
@kb_option
@click.option("--endpoint", default=None, help="MediaWiki API endpoint (default: https://www.wikidata.org/w/api.php).")
@click.option("--refresh", is_flag=True, help="Fetch again even when already stored.")
def fetch(qids, kb_path, endpoint, refresh) -> None:
    """Fetch entities by QID from the Wikidata API into the knowledge store.

    Example: `presslint kb fetch Q42 Q5`. Polite by default: at most 5 requests/s, maxlag, retries on 429/5xx.
    """
    from ..knowledge.online import ENDPOINT, OnlineKnowledgeBase, WikidataClient

    bad = [q for q in qids if not (q[:1] in "Qq" and q[1:].isdigit())]
    if bad:
        raise click.BadParameter(f"not a QID: {', '.join(bad)}", param_hint="QIDS")
    online = OnlineKnowledgeBase(_kb_path(kb_path), client=WikidataClient(endpoint or ENDPOINT))
    try:
        fetched = online.fetch(qids, refresh=refresh)
        for qid in qids:
            record = online.store.entity(qid.upper())
            if record is None:
                click.echo(f"{qid.upper()}  (missing on Wikidata)")
            else:
                click.echo(f"{record.qid}  {record.label or '-'} — {record.description or ''}".rstrip(" —"))
        click.echo(f"{len(fetched)} fetched, {len(qids) - len(fetched)} already stored", err=True)
    finally:
        online.close()


@kb.command()
@kb_option
def stats(kb_path) -> None:
    """Show counts of entities, names and statements, the size on disk, and imports."""
    from ..errors import E, PresslintError
    from ..knowledge.store import KnowledgeBase

    path = _kb_path(kb_path)
    if not path.is_file():
        raise PresslintError(E.E605, path=path, reason="no such file (build one with `presslint kb build`)")
    store = KnowledgeBase(path, readonly=True)
    try:
        counts = store.stats()
        imports = [k for (k,) in store.db.execute("SELECT key FROM meta WHERE key LIKE 'import:%'")]
        click.echo(f"entities    {counts['entities']:,}")
        click.echo(f"names       {counts['names']:,}")
        click.echo(f"statements  {counts['statements']:,}")
        click.echo(f"size        {_size(path.stat().st_size)}")
        for (key,) in store.db.execute("SELECT key FROM meta WHERE key LIKE 'build:query:%' ORDER BY key"):
            run = store.get_meta(key)
            click.echo(f"query       {run['name']}: {run['items']:,} items, run {run['run_at']} on {run['endpoint']}")
        for key in imports:
            state = store.get_meta(key)
            click.echo(
                f"import      {state['dump']}: {state['phase']}, kept {state['kept']:,} of {state['seen']:,} "
                f"({state['profile']['name']} profile)"
            )
    finally:
        store.close()


@kb.command()
@click.argument("name")
@kb_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1), help="How many candidates to show.")
@click.option("--online", is_flag=True, help="Ask the Wikidata API first (results cached in the store).")
def lookup(name, kb_path, limit, online) -> None:
    """Show candidate entities for a name, as the linker sees them.

    Each candidate: QID, label, description, and the alias or short name that matched when it is not the label.
    Matching ignores case, diacritics, Arabic articles and common transliteration variants
    ("Kazemi"/"Kadhimi", "Mackenzie"/"McKenzie").
    """
    from ..errors import E, PresslintError
    from ..knowledge.online import OnlineKnowledgeBase
    from ..knowledge.store import KnowledgeBase

    path = _kb_path(kb_path)
    store: OnlineKnowledgeBase | KnowledgeBase
    if online:
        store = OnlineKnowledgeBase(path)
        local = store.store  # its cache: the records the search just fetched, read without asking the API again
    elif not path.is_file():
        raise PresslintError(E.E605, path=path, reason="no such file (build one with `presslint kb build`)")
    else:
        store = local = KnowledgeBase(path, readonly=True)
    try:
        found = store.candidates(name, limit=limit)
        if not found:
            click.echo(f"no candidates for '{name}'")
            return
        for cand in found:
            record = local.entity(cand.qid)
            description = (record.description if record else None) or ""
            click.echo(f"{cand.qid:<12} {cand.label or '-'} — {description}".rstrip(" —"))
            if cand.matched != cand.label:
                click.echo(f"{'':<12} matched {cand.kind} '{cand.matched}'")
    finally:
        store.close()


@kb.command()
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False),
    help="Where to write the table (default: $PRESSLINT_HOME/classes.json, which `kb import` then uses).",
)
def classes(dump, out_path) -> None:
    """Build the class table (every subclass of the kept classes, via P279) from a Wikidata dump.

    Real entities are typed with narrow classes ("province of Iran", "unified combatant command"); with the table,
    `kb import` keeps them by their class instead of only by their sitelink count. One pass over the dump; only lines
    with a P279 statement are decoded. The table records its date, and each import records the table's date.
    """
    from ..config import default_home
    from ..knowledge.classes import build_class_table, save_class_table

    table = build_class_table(dump)
    out = Path(out_path) if out_path else default_home() / "classes.json"
    save_class_table(table, out)
    sizes = ", ".join(f"{g} +{len(ids):,}" for g, ids in table["groups"].items())
    click.echo(f"{table['classes_with_parents']:,} classes read; subclasses per group: {sizes}; written to {out}")


def _clients(endpoint, api_endpoint, rate):
    from ..knowledge.build import SPARQL_ENDPOINT, SparqlClient
    from ..knowledge.online import ENDPOINT, WikidataClient

    return SparqlClient(endpoint or SPARQL_ENDPOINT), WikidataClient(api_endpoint or ENDPOINT, rate=rate)


def _say(quiet: bool):
    def progress(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    return progress


@kb.command()
@kb_option
@click.option("--query", "query_names", multiple=True, help="Run only this query (a name from --list; repeatable).")
@click.option(
    "--set",
    "query_set",
    default="full",
    show_default=True,
    type=click.Choice(["core", "full"]),
    help="core: heads of state and government, countries, capitals, cities, organisations, armed forces, wars; "
    "full adds ministers, commanders, units, elections, parties.",
)
@click.option("--list", "list_only", is_flag=True, help="List the queries with their expected size and cost; run none.")
@click.option(
    "--limit", type=click.IntRange(min=1), help="Fetch at most this many entities this run (run again to go on)."
)
@click.option("--no-fill", is_flag=True, help="Skip fetching what the entities reference (run `kb fill` later).")
@click.option("--endpoint", help="SPARQL endpoint (default: https://query.wikidata.org/sparql).")
@click.option("--api", "api_endpoint", help="MediaWiki API endpoint (default: https://www.wikidata.org/w/api.php).")
@click.option("--rate", default=2.0, show_default=True, type=click.FloatRange(min=0.1), help="API requests per second.")
@click.option(
    "--query-interval",
    default=2.0,
    show_default=True,
    type=click.FloatRange(min=0.0),
    help="Seconds between SPARQL queries.",
)
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
def build(
    kb_path, query_names, query_set, list_only, limit, no_fill, endpoint, api_endpoint, rate, query_interval, quiet
) -> None:
    """Build a compact news store from the Wikidata Query Service (the default store: $PRESSLINT_HOME/kb.sqlite).

    Runs the SPARQL queries kept in presslint (presslint/data/kb_queries/*.rq: heads of state and government,
    ministers, military commanders and units, armed forces, international organisations and alliances, wars and
    operations, elections, countries and capitals, major cities, parties), then fetches each entity with
    wbgetentities (50 per request) and what they reference. Each query and its date are recorded in the store.
    Polite (User-Agent, one SPARQL query every 2 s, retries with backoff honouring Retry-After) and resumable: run the
    same command again after a stop.
    """
    from ..knowledge.build import build as run_build
    from ..knowledge.build import estimate, fill, load_queries
    from ..knowledge.store import KnowledgeBase

    queries = load_queries(query_names, query_set=query_set)
    if list_only:
        for q in queries:
            click.echo(f"{q.name:<34} {q.set:<5} ~{q.expect:>7,} items  {q.what}")
        cost = estimate(queries)
        click.echo(
            f"estimate (from the expected counts, not measured): ~{cost['entities']:,.0f} entities, "
            f"~{cost['requests']:,.0f} requests, ~{cost['minutes']:.0f} min, store ~{_size(cost['store_bytes'])}"
        )
        return
    sparql, api = _clients(endpoint, api_endpoint, rate)
    sparql.interval = query_interval
    store = KnowledgeBase(_kb_path(kb_path))
    try:
        result = run_build(store, queries, sparql=sparql, api=api, limit=limit, progress=_say(quiet))
        filled = None if no_fill or limit else fill(store, api=api, progress=_say(quiet))
        pending = store.get_meta("build", {}).get("pending", 0)
        click.echo(
            f"queries run {len(result.queries_run)}, already run {len(result.queries_skipped)}; "
            f"{result.fetched:,} entities fetched"
            + (f", {filled.fetched:,} referenced entities filled" if filled else "")
            + (f", {result.missing:,} missing on Wikidata" if result.missing else "")
            + (f", {len(result.bad)} malformed skipped" if result.bad else "")
            + f"; {result.requests + (filled.requests if filled else 0):,} requests in "
            f"{_duration(result.seconds + (filled.seconds if filled else 0))}; store {_size(store.stats()['bytes'])}"
        )
        for bad in result.bad[:5]:
            click.echo(f"  malformed: {bad}", err=True)
        if pending:
            click.echo(f"{pending:,} entities still to fetch: run the same command again")
    finally:
        store.close()


@kb.command("fill")
@kb_option
@click.option("--api", "api_endpoint", help="MediaWiki API endpoint (default: https://www.wikidata.org/w/api.php).")
@click.option("--rate", default=2.0, show_default=True, type=click.FloatRange(min=0.1), help="API requests per second.")
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
def fill_cmd(kb_path, api_endpoint, rate, quiet) -> None:
    """Fetch what the stored entities reference and the store lacks (offices held, countries, citizenships,
    administrative parents, official languages), with wbgetentities in batches of 50."""
    from ..knowledge.build import fill
    from ..knowledge.store import KnowledgeBase

    _, api = _clients(None, api_endpoint, rate)
    store = KnowledgeBase(_kb_path(kb_path))
    try:
        result = fill(store, api=api, progress=_say(quiet))
        click.echo(f"{result.fetched:,} referenced entities fetched in {result.requests:,} requests")
    finally:
        store.close()
