"""`presslint eval attribution` and `presslint eval propaganda`: thin click shells over presslint.evaluation.

Wiring into the `eval` group: ``eval_group.add_command(attribution)`` and ``eval_group.add_command(propaganda)``.
Until then: ``python -m presslint.cli_eval_extra attribution ../shared/data/polnear``.
"""
from __future__ import annotations

import json
from pathlib import Path

import click


def _write_items(out: str | None, summary: dict, items: list) -> None:
    if out:
        Path(out).write_text(json.dumps({"summary": summary, "items": items}, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")


@click.command("attribution")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True,
              help="dev: the 84 dev texts; train: one fold of the committed 5-fold split (rules were developed on "
                   "folds 1-4, so fold 5 is the held-out one).")
@click.option("--fold", type=click.IntRange(1, 5), default=5, show_default=True, help="Train fold to score.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the summary and per-text spans as JSON.")
@click.option("--cache", type=click.Path(file_okay=False), help="Folder for cached parses (default: a temp folder).")
def attribution(data, split, fold, out, cache) -> None:
    """Attribution on PolNeAR: source / cue / content F1 (exact and overlap) against a direct-quote baseline."""
    from .evaluation import attribution as task

    summary, items = task.evaluate(data, split=split, fold=fold, cache_dir=cache)
    for line in task.summary_lines(summary):
        click.echo(line)
    _write_items(out, summary, items)


@click.command("propaganda")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), help="Write the summary and per-article spans as JSON.")
@click.option("--cache", type=click.Path(file_okay=False), help="Folder for cached parses (default: a temp folder).")
@click.option("--rules-only", is_flag=True, help="Rules and baselines only: skip the learned classifiers.")
def propaganda(data, out, cache, rules_only) -> None:
    """Propaganda techniques on PTC: SI span F1 and TC micro-F1 (rules, learned 5-fold CV, baselines)."""
    from .evaluation import propaganda as task

    summary, items = task.evaluate(data, cache_dir=cache, learned=not rules_only)
    for line in task.summary_lines(summary):
        click.echo(line)
    _write_items(out, summary, items)


@click.group()
def main() -> None:
    """Stand-alone entry point until the commands are added to `presslint eval`."""


main.add_command(attribution)
main.add_command(propaganda)

if __name__ == "__main__":
    main()
