"""``presslint eval``: measured accuracy on public datasets (a thin shell over :mod:`presslint.evaluation`).

By default a command scores the product: every item of DATA_PATH goes through ``presslint.check_articles`` (what
``presslint check`` runs; nothing is trained or cross-validated on DATA_PATH), or with ``--path learned`` through the
shipped learned heads. It prints the baseline and anchor lines, a summary naming the folder read, and one closing
``RESULT task=... key=value`` line. The earlier studies that train inside the run (cross-validation) stay behind
``--cv``; they need scikit-learn (``pip install presslint[eval]``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from ..errors import E, PresslintError

data_path = click.argument("data_path", type=click.Path(exists=True))
out_option = click.option("--out", type=click.Path(dir_okay=False), help="Write per-item results (JSON) here.")
quiet_option = click.option("--quiet", is_flag=True, help="No progress messages on stderr.")


def _run(task: str, out: str | None, quiet: bool, run) -> None:
    from ..extras import require

    require("eval", "presslint eval", "sklearn")
    from importlib import import_module

    module = import_module(f"presslint.evaluation.{task}")
    start = time.monotonic()

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"[{time.monotonic() - start:5.0f}s] {message}", err=True)

    result = run(module, progress)
    for line in module.summary(result):
        click.echo(line)
    progress(f"done in {time.monotonic() - start:.0f}s")
    if out:
        Path(out).write_text(json.dumps(result, indent=1, ensure_ascii=False, default=_plain), encoding="utf-8")


def _product(name: str, out: str | None, quiet: bool, run) -> None:
    """Run a product-path evaluation (:mod:`presslint.evaluation.product`) and print its lines, RESULT last."""
    from ..evaluation import product

    start = time.monotonic()

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"[{time.monotonic() - start:5.0f}s] {message}", err=True)

    result = run(product, progress)
    progress(f"done in {time.monotonic() - start:.0f}s")
    if out:
        Path(out).write_text(json.dumps(result, indent=1, ensure_ascii=False, default=_plain), encoding="utf-8")
    for line in getattr(product, f"{name}_lines")(result):
        click.echo(line)


cv_option = click.option(
    "--cv", is_flag=True, help="Run the earlier study instead: methods trained inside DATA_PATH by cross-validation."
)
path_option = click.option(
    "--path",
    "eval_path",
    type=click.Choice(["product", "learned"]),
    default="product",
    show_default=True,
    help="product: what `presslint check` outputs; learned: the shipped learned heads scored directly.",
)
heldback_option = click.option(
    "--all-items",
    is_flag=True,
    help="Score every item, not only those held back from the learned models' training (splits.json).",
)


def _plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(type(value).__name__)


@click.group("eval")
def eval_group() -> None:
    """Measure accuracy on public datasets (PolNeAR, PTC, CheckThat! 2019, BABE, FNC-1, article extraction).

    By default a command scores the product on DATA_PATH: what `presslint check` outputs (or the shipped learned
    heads with --path learned), with nothing trained on DATA_PATH, and ends with one `RESULT task=...` line. --cv runs
    the earlier studies that train inside the run by cross-validation (BABE, AGPL-3.0, never leaves a saved model).
    Data paths point at the shared data folders (e.g. ../shared/data/polnear); nothing is copied or saved except the
    --out file.
    """


@eval_group.command("fnc1")
@data_path
@out_option
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds, grouped by Body ID.")
@click.option("--limit", type=int, help="Use only this many bodies (random, seeded) for a quick run.")
@cv_option
@quiet_option
def fnc1_command(data_path, out, folds, limit, cv, quiet) -> None:
    """FNC-1 headline-body stance (study only, --cv): relative score of the structured model vs a TF-IDF cosine
    baseline, trained by cross-validation inside DATA_PATH.

    presslint ships no stance model (FNC-1 states no licence for its data, see docs/models.md), so `presslint check`
    has no stance output to score and there is no product path yet. DATA_PATH holds dev_stances.csv and
    dev_bodies.csv.
    """
    if not cv:
        raise PresslintError(
            E.E310,
            task="fnc1",
            reason="presslint ships no headline-body stance model (no licence grant for FNC-1 data; see docs/models.md)",
        )
    _run("fnc1", out, quiet, lambda m, p: m.evaluate(data_path, folds=folds, limit=limit, progress=p))


@eval_group.command("babe")
@data_path
@out_option
@click.option("--folds", default=5, show_default=True, help="With --cv: cross-validation folds, grouped by sentence.")
@cv_option
@path_option
@quiet_option
def babe_command(data_path, out, folds, cv, eval_path, quiet) -> None:
    """BABE biased sentences, macro-F1 by transfer: a sentence is Biased when presslint reports loaded language
    (LNG) in it, or with --path learned when the propaganda head marks a span. Nothing is fitted on BABE (AGPL-3.0).

    --cv: the earlier study (MiniLM + learned token lexicon + word/char TF-IDF, trained by 5-fold CV inside BABE).
    DATA_PATH is the babe folder (its *.csv, ';'-separated) or one CSV file.
    """
    if cv:
        _run("babe", out, quiet, lambda m, p: m.evaluate(data_path, folds=folds, progress=p))
        return
    _product("babe", out, quiet, lambda m, p: m.babe(data_path, path=eval_path, progress=p))


@eval_group.command("checkthat")
@data_path
@out_option
@cv_option
@path_option
@heldback_option
@quiet_option
def checkthat_command(data_path, out, cv, eval_path, all_items, quiet) -> None:
    """CheckThat! 2019 Task 1 check-worthiness: MAP over files of the sentences ranked by the product's claim
    check-worthiness (or with --path learned, the learned head's probability). Scores the 5 files held back from
    training (splits.json) unless --all-items.

    --cv: the earlier study (claims features + embeddings, leave-one-file-out logistic regression).
    DATA_PATH is the checkthat2019 folder (or its training/ folder of .tsv files).
    """
    if cv:
        _run("checkthat", out, quiet, lambda m, p: m.evaluate(data_path, progress=p))
        return
    _product(
        "checkthat", out, quiet, lambda m, p: m.checkthat(data_path, path=eval_path, heldback=not all_items, progress=p)
    )


@eval_group.command("extraction")
@data_path
@out_option
@click.option("--limit", type=int, help="Score only the first N pages.")
@quiet_option
def extraction_command(data_path, out, limit, quiet) -> None:
    """Article body extraction: shingle F1 of presslint's HTML ingest vs plain trafilatura.

    DATA_PATH has the Zyte article-extraction-benchmark layout: ground-truth.json and html/<id>.html.gz.
    """
    _run("extraction", out, quiet, lambda m, p: m.evaluate(data_path, limit=limit, progress=p))


@eval_group.command("clustering")
@data_path
@out_option
@click.option(
    "--folds", default=5, show_default=True, help="Cross-validation folds (threshold choice), grouped by Body ID."
)
@quiet_option
def clustering_command(data_path, out, folds, quiet) -> None:
    """FNC-1 story clustering: related/unrelated AUC and F1 of the story-membership score; purity, inverse purity
    and B-cubed F1 of the incremental clustering of related headlines (Body ID as the story).

    DATA_PATH holds dev_stances.csv and dev_bodies.csv.
    """
    _run("clustering", out, quiet, lambda m, p: m.evaluate(data_path, folds=folds, progress=p))


cache_option = click.option(
    "--cache",
    type=click.Path(file_okay=False),
    help="Folder for cached spaCy parses (default: a folder in the temp dir).",
)


@eval_group.command("attribution")
@data_path
@out_option
@click.option(
    "--split",
    type=click.Choice(["dev", "train"]),
    default="dev",
    show_default=True,
    help="dev: the 84 dev texts; train: one fold of the committed 5-fold split.",
)
@click.option(
    "--fold",
    type=click.IntRange(1, 5),
    default=5,
    show_default=True,
    help="With --split train: the fold to score (rules were developed on folds 1-4; 5 is held out).",
)
@cache_option
@cv_option
@path_option
@click.option(
    "--hybrid",
    is_flag=True,
    help="Score the phase-2 proposal: the product's quotes plus learned spans that no rule span overlaps.",
)
@quiet_option
def attribution_command(data_path, out, split, fold, cache, cv, eval_path, hybrid, quiet) -> None:
    """PolNeAR attribution: source / cue / content F1 (exact and overlap) of the quotes in presslint's reports (or
    with --path learned, of the attribution head's spans) vs a direct-quotation baseline, on the dev texts.

    --cv: the earlier study (the sources analyzer's extraction on a parse, --split/--fold).
    DATA_PATH is the polnear folder (train/ and dev/, each with text/ and attributions/).
    """
    if cv:
        _run(
            "attribution",
            out,
            quiet,
            lambda m, p: m.run(data_path, split=split, fold=fold, cache_dir=cache, progress=p),
        )
        return
    path = "hybrid" if hybrid else eval_path
    _product(
        "attribution", out, quiet, lambda m, p: m.attribution(data_path, path=path, split=split, fold=fold, progress=p)
    )


@eval_group.command("propaganda")
@data_path
@out_option
@click.option("--rules-only", is_flag=True, help="With --cv: rules and baselines only, no CV classifiers.")
@cache_option
@cv_option
@path_option
@heldback_option
@quiet_option
def propaganda_command(data_path, out, rules_only, cache, cv, eval_path, all_items, quiet) -> None:
    """PTC (SemEval-2020 Task 11): span identification F1 of the LNG findings in presslint's reports and technique
    micro-F1 on the gold spans (or with --path learned, the propaganda and technique heads). Scores the articles held
    back from training (splits.json) unless --all-items.

    --cv: the earlier study (rules and 5-fold CV classifiers over all articles).
    DATA_PATH is the ptc-semeval2020 folder (train-articles/, train-labels-SI.tsv, train-labels-TC.tsv).
    """
    if cv:
        _run(
            "propaganda", out, quiet, lambda m, p: m.run(data_path, cache_dir=cache, learned=not rules_only, progress=p)
        )
        return
    _product(
        "propaganda",
        out,
        quiet,
        lambda m, p: m.propaganda(data_path, path=eval_path, heldback=not all_items, progress=p),
    )


if __name__ == "__main__":  # pragma: no cover
    eval_group(sys.argv[1:])
