"""`presslint check`: a thin shell over ``presslint.Checker`` — read inputs, print reports, set the exit code."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import E, PresslintError
from .options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    allow_private_option,
    check_format,
    colour,
    config_option,
    db_option,
    error_line,
    format_option,
    safe,
    say,
    settings_from,
    write,
)

FORMATS = ("text", "json", "jsonl", "html")


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@format_option(FORMATS)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the report here instead of stdout (html: a folder for several reports).",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Text format: print the findings only, one line each (PATH:LINE:COLUMN: severity CODE message), with no "
    "header, summary, claims or sources.",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also show learned findings below their operating point (precision < 0.8 where measured) and loaded-language "
    "findings on a quoted source's own words; the JSON always has them, with shown=false.",
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated), e.g. SRC,NUM.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error", "never"]),
    help="Exit 1 when a finding is at or above this severity (default: error).",
)
@click.option("--date", help="Publication date to assume (YYYY-MM-DD) when the article has none.")
@config_option
@allow_private_option
@click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Hide findings recorded in this baseline file."
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file.",
)
@click.option(
    "--kb",
    help="Knowledge store for KB checks: a path, or 'online' (Wikidata with a local cache); "
    "default: $PRESSLINT_HOME/kb.sqlite when it exists.",
)
@click.option("--no-kb", is_flag=True, help="Skip the knowledge checks.")
@click.option("--no-store", is_flag=True, help="Neither look up nor save reports in the store.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes for a batch (default: one per core; 1 checks in this process).",
)
@db_option
def check(
    inputs,
    fmt,
    output,
    quiet,
    show_all,
    select,
    ignore,
    fail_on,
    date,
    config_path,
    allow_private,
    baseline_path,
    write_baseline_path,
    kb,
    no_kb,
    no_store,
    jobs,
    db,
) -> None:
    """Check articles: files, folders, URLs, JSONL, or - for stdin.

    Several reports: text reports are concatenated; --format json prints one JSON object for one input and a JSON
    array when the inputs are several (a folder, several files, a JSONL file); --format jsonl prints one report per
    line; --format html needs -o FOLDER (one file per report). Each report is written as soon as it is checked.

    A report is stored and re-used: re-checking the same text with the same presslint version, configuration and
    publication date prints the stored report without analysing again. A folder or JSONL file is analysed by one
    worker process per core (--jobs); the reports come out in input order, the same as with --jobs 1.

    Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 a usage or input error (the other
    inputs of a batch are still checked and printed).
    """
    from .. import baseline as baselines
    from .. import ingest
    from ..checker import Checker, default_jobs
    from ..model import Failure, severity_rank

    settings = settings_from(config_path)
    changes: dict[str, Any] = {"date": date, "fail_on": fail_on, "allow_private": allow_private or None, "db": db}
    changes.update(kb="off" if no_kb else kb, store=False if no_store else None, show_all=show_all or None)
    if select:
        changes["select"] = _split_codes(select)
    if ignore:
        changes["ignore"] = [*settings.ignore, *_split_codes(ignore)]
    settings = settings.replace(**changes)
    check_format(fmt, FORMATS)
    html_dir = Path(output) if fmt == "html" and output and _is_folder(output) else None
    if fmt == "html" and html_dir is None and _several(inputs):
        raise PresslintError(E.E306, count="Several")
    accepted = baselines.load(baseline_path) if baseline_path else None

    from ..store import open_store

    store = open_store(settings) if settings.store else None
    checker = Checker(settings, store=store, baseline=accepted, collect_baseline=bool(write_baseline_path))
    workers = jobs or (default_jobs() if _several(inputs) or _is_batch_file(inputs) else 1)
    sink = _Sink(fmt, output, html_dir, several=_several(inputs) or _is_batch_file(inputs), quiet=quiet)
    failures, worst = 0, -1
    try:
        with checker:
            for item in checker.check_many(ingest.iter_inputs(inputs, settings=settings), jobs=workers):
                if isinstance(item, Failure):
                    failures += 1
                    click.echo(error_line(item.error) if item.error else f"error: {safe(item.message)}", err=True)
                    continue
                for notice in item.notices:  # the report is here, but something failed on the way (the store)
                    if notice.code.startswith("E"):
                        failures += 1
                        click.echo(f"error: {safe(notice.message)}", err=True)
                for finding in item.findings:
                    if finding.shown:  # a hidden learned finding does not set the exit code
                        worst = max(worst, severity_rank(finding.severity))
                sink.add(item)
    finally:
        sink.close()
    if accepted is not None and not quiet:
        hidden = checker.hidden
        say(f"{hidden} finding{'s' if hidden != 1 else ''} hidden by baseline {baseline_path}")
    if write_baseline_path:
        written = baselines.write_entries(write_baseline_path, checker.baseline_entries)
        if not quiet:
            say(f"wrote {written} finding{'s' if written != 1 else ''} to baseline {write_baseline_path}")
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


def _is_batch_file(inputs: tuple[str, ...]) -> bool:
    return any(i.lower().endswith(".jsonl") for i in inputs)


def _render(report: Any, fmt: str, colour_: bool = False, quiet: bool = False) -> str:
    from ..report import render

    return render(report, fmt, **({"colour": colour_, "quiet": quiet} if fmt == "text" else {}))


class _Sink:
    """Where rendered reports go, each as soon as it is checked (a batch that stops half-way keeps what it printed):
    text and JSON Lines to stdout or a file, JSON as one object (one input) or an array written item by item, HTML
    to a file (one report) or one file per report in a folder."""

    def __init__(self, fmt: str, output: str | None, html_dir: Path | None, several: bool, quiet: bool = False) -> None:
        self.fmt, self.output, self.html_dir, self.several, self.quiet = fmt, output, html_dir, several, quiet
        self.colour = fmt == "text" and colour(output)
        self.names: set[str] = set()
        self.count = 0
        self.stream: Any = None
        if html_dir is None:
            try:
                self.stream = open(output, "w", encoding="utf-8") if output else None  # noqa: SIM115
            except OSError as err:
                raise PresslintError(E.E307, path=output, reason=err) from err

    def _out(self, text: str) -> None:
        if self.stream is not None:
            self.stream.write(text)
            self.stream.flush()
        else:
            click.echo(text, nl=False)

    def add(self, report: Any) -> None:
        first = self.count == 0
        self.count += 1
        if self.fmt == "text" and self.quiet:
            self._out(_render(report, "text", self.colour, quiet=True))  # one line a finding, nothing between
        elif self.fmt == "text":
            self._out(("" if first else "\n") + _render(report, "text", self.colour))  # a blank line between reports
        elif self.fmt in ("json", "jsonl"):
            from ..report.json import report_json

            if self.fmt == "jsonl":
                self._out(json.dumps(report_json(report), ensure_ascii=False) + "\n")
            elif self.several:
                body = json.dumps(report_json(report), ensure_ascii=False, indent=2).replace("\n", "\n  ")
                self._out(("[\n  " if first else ",\n  ") + body)
            else:
                self._out(json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n")
        elif self.html_dir is not None:
            self.html_dir.mkdir(parents=True, exist_ok=True)
            write(self.html_dir / self._name(report), _render(report, "html"))
        elif first:
            self._out(_render(report, "html"))
        else:  # a JSONL file turned out to hold several articles
            raise PresslintError(E.E306, count=self.count)

    def _name(self, report: Any) -> str:
        origin = report.article.origin or report.article.url or "stdin"
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(origin.rstrip("/")).stem if origin != "-" else "stdin").strip("-.")
        stem, name, n = stem or "report", "", 1
        while not name or name in self.names:
            name = f"{stem}.html" if n == 1 else f"{stem}-{n}.html"
            n += 1
        self.names.add(name)
        return name

    def close(self) -> None:
        if self.fmt == "json" and self.several:
            self._out("\n]\n" if self.count else "[]\n")
        if self.stream is not None:
            self.stream.close()
