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
    say,
    settings_from,
    write,
)

FORMATS = ("text", "json", "html")


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

    Several reports: text reports are concatenated; --format json prints one JSON object for one report and a JSON
    array of objects when there are several; --format html needs -o FOLDER (one file per report).

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
    changes.update(kb="off" if no_kb else kb, store=False if no_store else None)
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
    sink = _Sink(fmt, output, html_dir)
    failures, worst = 0, -1
    with checker:
        for item in checker.check_many(ingest.iter_inputs(inputs, settings=settings), jobs=workers):
            if isinstance(item, Failure):
                failures += 1
                click.echo(error_line(item.error) if item.error else f"error: {item.message}", err=True)
                continue
            for finding in item.findings:
                worst = max(worst, severity_rank(finding.severity))
            sink.add(item)
    sink.close()
    if accepted is not None:
        hidden = checker.hidden
        say(f"{hidden} finding{'s' if hidden != 1 else ''} hidden by baseline {baseline_path}")
    if write_baseline_path:
        written = baselines.write_entries(write_baseline_path, checker.baseline_entries)
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


def _render(report: Any, fmt: str, colour_: bool = False) -> str:
    from ..report import render

    return render(report, fmt, **({"colour": colour_} if fmt == "text" else {}))


class _Sink:
    """Where rendered reports go: stdout or a file (text, json), or html files."""

    def __init__(self, fmt: str, output: str | None, html_dir: Path | None) -> None:
        self.fmt, self.output, self.html_dir = fmt, output, html_dir
        self.colour = fmt == "text" and colour(output)
        self.held: list = []  # json dicts or html pages, written at the end
        self.texts: list[str] = []
        self.names: set[str] = set()
        self.printed = 0

    def add(self, report: Any) -> None:
        if self.fmt == "text":
            text = _render(report, "text", self.colour)
            if self.output:
                self.texts.append(text)
            else:
                click.echo(("\n" if self.printed else "") + text, nl=False)  # a blank line between reports
                self.printed += 1
        elif self.fmt == "json":
            from ..report.json import report_json

            self.held.append(report_json(report))
        elif self.html_dir is not None:
            self.html_dir.mkdir(parents=True, exist_ok=True)
            write(self.html_dir / self._name(report), _render(report, "html"))
        else:
            self.held.append(_render(report, "html"))

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
        if self.fmt == "text":
            if self.output:
                write(self.output, "\n".join(self.texts))
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
            write(self.output, text)
        else:
            click.echo(text, nl=False)


__all__ = ["EXIT_ERROR", "check"]
