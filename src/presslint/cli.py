"""The command line: a thin shell over the library. Library errors become one-line coded messages, exit code 2."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import PresslintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


class PresslintGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PresslintError as err:
            click.echo(f"error: {err.message}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=PresslintGroup)
@click.version_option(__version__, prog_name="presslint")
def main() -> None:
    """presslint: check news articles for sourcing, numbers, loaded language and contradictions."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, help="text, json or html.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated), e.g. SRC,NUM.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]), help="Exit 1 when a finding is at or above this severity (default: error).")
@click.option("--date", help="Publication date to assume (YYYY-MM-DD) when the article has none.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="A presslint.toml to use.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
def check(inputs, fmt, output, select, ignore, fail_on, date, config_path, allow_private) -> None:
    """Check articles: files, folders, URLs, JSONL, or - for stdin."""
    from . import ingest, rules
    from .config import load_settings
    from .model import severity_rank
    from .pipeline import check_articles, parse_date
    from .report import FORMATS, render

    settings = load_settings(config_path)
    if select:
        settings = settings.replace(select=_split_codes(select))
    if ignore:
        settings = settings.replace(ignore=[*settings.ignore, *_split_codes(ignore)])
    if date:
        parse_date(date)
    settings = settings.replace(date=date, fail_on=fail_on, allow_private=allow_private or None)
    rules.enabled_codes(settings.select, settings.ignore)
    if fmt not in FORMATS:
        from .errors import E

        raise PresslintError(E.E303, format=fmt, choices=", ".join(FORMATS))

    failures = []

    def articles():
        for item in ingest.iter_inputs(inputs, settings=settings):
            if isinstance(item, ingest.IngestFailure):
                failures.append(item)
                click.echo(f"error: {item.message}", err=True)
            else:
                yield item

    worst = -1
    chunks = []
    for report in check_articles(articles(), settings=settings):
        colour = fmt == "text" and output is None and sys.stdout.isatty()
        chunks.append(render(report, fmt, **({"colour": colour} if fmt == "text" else {})))
        for finding in report.findings:
            worst = max(worst, severity_rank(finding.severity))
    text = "\n".join(chunks)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    elif text:
        click.echo(text, nl=False)
    if failures:
        sys.exit(EXIT_ERROR)
    if settings.fail_on != "never" and worst >= severity_rank(settings.fail_on):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command("rules")
@click.argument("codes", nargs=-1)
def rules_cmd(codes) -> None:
    """List the rule catalogue, or explain the given codes."""
    from . import rules

    cat = rules.catalogue()
    chosen = sorted(rules.expand(list(codes))) if codes else list(cat)
    for code in chosen:
        rule = cat[code]
        click.echo(f"{rule.code}  {rule.name}  [{rule.severity}]  {rule.summary}")
        if codes:
            click.echo(f"\n{rule.explanation}\n\nExample: {rule.example}\n")


if __name__ == "__main__":  # pragma: no cover
    main()
