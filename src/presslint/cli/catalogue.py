"""`presslint rules` and `presslint errors`: the rule catalogue and the coded-error catalogue (no NLP needed)."""

from __future__ import annotations

import dataclasses
import json

import click

from .options import check_format, format_option


@click.command("rules")
@click.argument("codes", nargs=-1)
@format_option(("text", "json", "markdown"))
def rules_cmd(codes, fmt) -> None:
    """List the rule catalogue, or explain the given codes.

    CODES are rule codes or prefixes, e.g. `presslint rules SRC001 NUM`. --format markdown gives docs/rules.md.
    """
    from .. import rules

    check_format(fmt, ("text", "json", "markdown"))
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


@click.command("errors")
@click.argument("codes", nargs=-1)
@format_option(("text", "markdown"))
def errors_cmd(codes, fmt) -> None:
    """List the coded errors and warnings, or explain the given codes (e.g. `presslint errors E201`).

    --format markdown gives docs/errors.md.
    """
    from .. import errors

    check_format(fmt, ("text", "markdown"))
    if fmt == "markdown":
        click.echo(errors.render_markdown(), nl=False)
        return
    wanted = {c.upper() for c in codes}
    for entry in errors.entries():
        if wanted and entry.code not in wanted:
            continue
        family = entry.family
        where = f"{family.name}, exit {entry.exit_code}, HTTP {entry.http_status}" if family else "warning"
        hint = f" (CLI: {entry.hints['cli']})" if "cli" in entry.hints else ""
        click.echo(f"{entry.code}  [{where}]  {entry.template}{hint}")


COMMANDS = (rules_cmd, errors_cmd)
