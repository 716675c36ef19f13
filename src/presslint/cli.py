"""The command line: a thin shell over the library. Library errors become one-line coded messages, exit code 2.

``docs/cli.md`` is generated from these commands' help by :func:`render_docs`; a test fails when it is stale.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import click

from . import __version__
from .errors import E, PresslintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "html")
BATCH = 16  # inputs looked up in the store, then analysed together, per round


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _say(message: str) -> None:
    click.echo(f"presslint: {message}", err=True)


class PresslintGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PresslintError as err:
            click.echo(f"error: {err.message}", err=True)
            ctx.exit(EXIT_ERROR)


def _check_format(fmt: str, choices: tuple[str, ...] = FORMATS) -> None:
    if fmt not in choices:
        raise PresslintError(E.E303, format=fmt, choices=", ".join(choices))


def _colour(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _write(path: str | Path, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as err:
        raise PresslintError(E.E307, path=path, reason=err) from err


def _render(report, fmt: str, colour: bool = False) -> str:
    from .report import render

    return render(report, fmt, **({"colour": colour} if fmt == "text" else {}))


db_option = click.option(
    "--db", type=click.Path(dir_okay=False), help="SQLite store to use (default: $PRESSLINT_HOME/presslint.db)."
)


@click.group(cls=PresslintGroup)
@click.version_option(__version__, prog_name="presslint")
def main() -> None:
    """presslint: check news articles for sourcing, numbers, loaded language and contradictions."""


# -- check ----------------------------------------------------------------------------------------------------------
@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, help="text, json or html.")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the report here instead of stdout (html: a folder for several reports).",
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated), e.g. SRC,NUM.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error", "never"]),
    help="Exit 1 when a finding is at or above this severity (default: error).",
)
@click.option("--date", help="Publication date to assume (YYYY-MM-DD) when the article has none.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="A presslint.toml to use.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
@click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Hide findings recorded in this baseline file."
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file.",
)
@click.option("--kb", help="Knowledge store for KB checks: a path, or 'online' (Wikidata with a local cache).")
@click.option("--no-store", is_flag=True, help="Neither look up nor save reports in the store.")
@db_option
def check(
    inputs,
    fmt,
    output,
    select,
    ignore,
    fail_on,
    date,
    config_path,
    allow_private,
    baseline_path,
    write_baseline_path,
    kb,
    no_store,
    db,
) -> None:
    """Check articles: files, folders, URLs, JSONL, or - for stdin.

    Several reports: text reports are concatenated; --format json prints one JSON object for one report and a JSON
    array of objects when there are several; --format html needs -o FOLDER (one file per report).

    A report is stored and re-used: re-checking the same text with the same presslint version, configuration and
    publication date prints the stored report without analysing again.

    Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 a usage or input error (the other
    inputs of a batch are still checked and printed).
    """
    from . import baseline as baselines
    from .config import load_settings
    from .model import Report, severity_rank
    from .pipeline import parse_date

    settings = load_settings(config_path)
    if select:
        settings = settings.replace(select=_split_codes(select))
    if ignore:
        settings = settings.replace(ignore=[*settings.ignore, *_split_codes(ignore)])
    if date:
        parse_date(date)
    settings = settings.replace(date=date, fail_on=fail_on, allow_private=allow_private or None, db=db, kb=kb)
    if no_store:
        settings = settings.replace(store=False)
    settings.config_hash()  # raises E301 on an unknown rule code, before any work
    _check_format(fmt)
    html_dir = Path(output) if fmt == "html" and output and _is_folder(output) else None
    if fmt == "html" and html_dir is None and _several(inputs):
        raise PresslintError(E.E306, count="Several")
    accepted = baselines.load(baseline_path) if baseline_path else None

    sink = _Sink(fmt, output, html_dir)
    failures, hidden, worst, to_baseline = 0, 0, -1, []
    for item in _reports(inputs, settings):
        if not isinstance(item, Report):  # an IngestFailure
            failures += 1
            click.echo(f"error: {item.message}", err=True)
            continue
        report = item
        if write_baseline_path:
            to_baseline.extend(baselines.entries(report))
        if accepted is not None:
            kept, n = accepted.split(report)
            hidden += n
            report = dataclasses.replace(report, findings=kept)
        for finding in report.findings:
            worst = max(worst, severity_rank(finding.severity))
        sink.add(report)
    sink.close()
    if accepted is not None:
        _say(f"{hidden} finding{'s' if hidden != 1 else ''} hidden by baseline {baseline_path}")
    if write_baseline_path:
        written = baselines.write_entries(write_baseline_path, to_baseline)
        _say(f"wrote {written} finding{'s' if written != 1 else ''} to baseline {write_baseline_path}")
    if failures:
        sys.exit(EXIT_ERROR)
    if settings.fail_on != "never" and worst >= severity_rank(settings.fail_on):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _is_folder(output: str) -> bool:
    return Path(output).is_dir() or output.endswith(("/", os.sep))


def _several(inputs: tuple[str, ...]) -> bool:
    """True when the inputs surely give more than one report (known before reading them)."""
    return len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _reports(inputs: tuple[str, ...], settings) -> Iterator:
    """Reports (stored ones re-used, new ones analysed and saved one by one) and IngestFailures, in input order."""
    from . import ingest
    from .pipeline import check_articles, content_hash, publication_date
    from .store import open_store

    store = open_store(settings) if settings.store else None
    config_hash = settings.config_hash()
    factchecks = _factcheck_matcher(store, settings)
    try:
        for chunk in _chunks(ingest.iter_inputs(inputs, settings=settings), BATCH):
            slots, todo = [], []
            for item in chunk:
                if isinstance(item, ingest.IngestFailure):
                    slots.append(item)
                    continue
                stored = None
                if store is not None:
                    pubdate, _ = publication_date(item, settings)
                    stored = store.find(
                        content_hash(item), __version__, config_hash, pubdate.isoformat() if pubdate else "unknown"
                    )
                if stored is not None:
                    stored.article = item  # same text; show where it was read from this time
                    slots.append(stored)
                else:
                    slots.append(None)
                    todo.append(item)
            fresh = check_articles(todo, settings=settings) if todo else iter(())
            for slot in slots:
                if slot is None:
                    slot = next(fresh)
                    if store is not None:
                        store.save(slot)  # committed now: a later failure loses nothing already checked
                if factchecks is not None and not isinstance(slot, ingest.IngestFailure):
                    factchecks(slot)
                yield slot
    finally:
        if store is not None:
            store.close()


def _factcheck_matcher(store, settings):
    """Known fact-checks (FCK001) are matched afresh on every run, stored reports included, because the imported
    fact-checks change over time; None when the store holds none."""
    if store is None:
        return None
    from .corpus.claimreview import match_factchecks
    from .pipeline import select_findings
    from .store.factchecks import count_factchecks

    if not count_factchecks(store):
        return None

    def add(report) -> None:
        extra = select_findings(match_factchecks(report, store), settings)
        report.findings = sorted(report.findings + extra, key=lambda f: (f.span.start, f.span.end, f.code))

    return add


class _Sink:
    """Where rendered reports go: stdout or a file (text, json), or html files."""

    def __init__(self, fmt: str, output: str | None, html_dir: Path | None) -> None:
        self.fmt, self.output, self.html_dir = fmt, output, html_dir
        self.colour = fmt == "text" and _colour(output)
        self.held: list = []  # json dicts or html pages, written at the end
        self.texts: list[str] = []
        self.names: set[str] = set()
        self.printed = 0

    def add(self, report) -> None:
        if self.fmt == "text":
            text = _render(report, "text", self.colour)
            if self.output:
                self.texts.append(text)
            else:
                click.echo(("\n" if self.printed else "") + text, nl=False)  # a blank line between reports
                self.printed += 1
        elif self.fmt == "json":
            from .report.json import report_json

            self.held.append(report_json(report))
        elif self.html_dir is not None:
            self.html_dir.mkdir(parents=True, exist_ok=True)
            _write(self.html_dir / self._name(report), _render(report, "html"))
        else:
            self.held.append(_render(report, "html"))

    def _name(self, report) -> str:
        origin = report.article.origin or report.article.url or "stdin"
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(origin.rstrip("/")).stem if origin != "-" else "stdin").strip("-.")
        stem, name, n = stem or "report", "", 1
        while not name or name in self.names:
            name = f"{stem}.html" if n == 1 else f"{stem}-{n}.html"
            n += 1
        self.names.add(name)
        return name

    def close(self) -> None:
        if self.fmt == "text":
            if self.output:
                _write(self.output, "\n".join(self.texts))
            return
        if self.html_dir is not None or not self.held:
            return
        if self.fmt == "json":
            data = self.held[0] if len(self.held) == 1 else self.held
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        elif len(self.held) > 1:
            raise PresslintError(E.E306, count=len(self.held))
        else:
            text = self.held[0]
        if self.output:
            _write(self.output, text)
        else:
            click.echo(text, nl=False)


# -- rules ----------------------------------------------------------------------------------------------------------
@main.command("rules")
@click.argument("codes", nargs=-1)
@click.option("--format", "fmt", default="text", show_default=True, help="text, json or markdown (docs/rules.md).")
def rules_cmd(codes, fmt) -> None:
    """List the rule catalogue, or explain the given codes.

    CODES are rule codes or prefixes, e.g. `presslint rules SRC001 NUM`.
    """
    from . import rules

    _check_format(fmt, ("text", "json", "markdown"))
    cat = rules.catalogue()
    chosen = sorted(rules.expand(list(codes))) if codes else list(cat)
    if fmt == "markdown":
        click.echo(rules.render_markdown(chosen), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps([dataclasses.asdict(cat[c]) for c in chosen], ensure_ascii=False, indent=2))
        return
    for code in chosen:
        rule = cat[code]
        click.echo(f"{rule.code}  {rule.name}  [{rule.severity}]  {rule.summary}")
        if codes:
            click.echo(f"\n{rule.explanation}\n\nExample: {rule.example}\n")


# -- store commands -------------------------------------------------------------------------------------------------
def _store(db: str | None):
    from .config import Settings
    from .store import open_store

    return open_store(Settings(db=db))


@main.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="How many reports to list.")
@click.option(
    "--offset", default=0, show_default=True, type=click.IntRange(min=0), help="Skip this many newest reports."
)
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
@db_option
def history(limit, offset, fmt, db) -> None:
    """List stored reports, newest first.

    Columns: report id, date checked (UTC), findings as errors/warnings/info, title and origin.
    """
    _check_format(fmt, ("text", "json"))
    with _store(db) as store:
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
        title = (r.title or "(no title)")[:60]
        click.echo(f"{r.id:>5}  {r.created_at[:16].replace('T', ' '):<16}  {counts:<9}  {title} — {r.origin or '-'}")


@main.command()
@click.argument("report_id")
@click.option("--format", "fmt", default="text", show_default=True, help="text, json or html.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@db_option
def show(report_id, fmt, output, db) -> None:
    """Print a stored report again.

    REPORT_ID comes from `presslint history`.
    """
    _check_format(fmt)
    with _store(db) as store:
        report = store.get(report_id)
    text = _render(report, fmt, fmt == "text" and _colour(output))
    if fmt == "json":
        text += "\n"
    if output:
        _write(output, text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("key")
@db_option
def forget(key, db) -> None:
    """Delete a stored article and all its reports.

    KEY is a report id (from `presslint history`) or the article's content hash, or a prefix of at least six
    characters of it.
    """
    with _store(db) as store:
        deleted = store.forget(key)
    click.echo(f"deleted the article and its {deleted} report{'s' if deleted != 1 else ''}")


# -- generated docs -------------------------------------------------------------------------------------------------
DOCS_HEADER = """# presslint command line

This page is generated from the commands' help by `presslint.cli.render_docs()`; do not edit it by hand.
Regenerate it with:

```sh
.venv/bin/python -c "from presslint.cli import render_docs; print(render_docs(), end='')" > docs/cli.md
```
"""


def render_docs() -> str:
    """Markdown reference of every command, from click's own help (fixed width, so the output is stable)."""
    parts = [DOCS_HEADER]
    root = click.Context(main, info_name="presslint", terminal_width=100, max_content_width=100)
    parts.append(f"## presslint\n\n```text\n{main.get_help(root)}\n```\n")
    for name in main.list_commands(root):
        command = main.get_command(root, name)
        if command is None or command.hidden:
            continue
        ctx = click.Context(command, info_name=name, parent=root, terminal_width=100, max_content_width=100)
        parts.append(f"## presslint {name}\n\n```text\n{command.get_help(ctx)}\n```\n")
    return "\n".join(parts)


# Sub-command groups live in their own modules (each imports its heavy dependencies lazily).
from .cli_corpus import register as _register_corpus  # noqa: E402
from .cli_eval import eval_group as _eval  # noqa: E402
from .cli_kb import kb as _kb  # noqa: E402
from .cli_scale import register as _register_scale  # noqa: E402
from .cli_web import serve as _serve  # noqa: E402

main.add_command(_kb)
main.add_command(_serve)
main.add_command(_eval)
_register_corpus(main)
_register_scale(main)
from .cli_models import register as _register_models  # noqa: E402

_register_models(main)

if __name__ == "__main__":  # pragma: no cover
    main()
