"""Model commands (`train`, `models`), registered on the main CLI group by :func:`register`."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click

from ..errors import E, PresslintError

TASKS = ("all", "attribution", "propaganda", "checkworthiness")


def _default_out() -> Path:
    from ..config import default_home

    return default_home() / "models" / "presslint-minilm"


@click.command("train")
@click.argument("task", type=click.Choice(TASKS))
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--seed", default=0, show_default=True, help="Seed for every random choice (same seed + data = same weights)."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    help="Model folder to write (default: $PRESSLINT_HOME/models/presslint-minilm; use it with PRESSLINT_MODELS).",
)
@click.option(
    "--model",
    "model_folder",
    type=click.Path(exists=True, file_okay=False),
    help="For one head: the model folder whose encoder and other heads to keep (default: the installed model).",
)
@click.option(
    "--layers",
    type=click.IntRange(4, 6),
    help="TASK all: encoder layers kept from the bottom of all-MiniLM-L6-v2 (default 4, as shipped).",
)
@click.option(
    "--top",
    type=click.IntRange(0, 2),
    help="TASK all: fine-tuned top layers of the encoder (default 0, as shipped: heads only on the frozen encoder).",
)
@click.option(
    "--epochs", type=click.IntRange(1, 20), help="Passes over the training data (default: the shipped config's)."
)
@click.option(
    "--work",
    type=click.Path(file_okay=False),
    help="Folder for the base encoder, cached states and checkpoints (a rerun resumes from it).",
)
def train_cmd(task, data, seed, out, model_folder, layers, top, epochs, work) -> None:
    """Rebuild a learned model from public data (needs `pip install presslint[train]`, see docs/models.md).

    TASK all: DATA holds polnear/, ptc-semeval2020/ and checkthat2019/; fine-tunes the shared encoder's top layers
    and trains every head (multi-task), then exports the encoder to ONNX int8. TASK attribution, propaganda or
    checkworthiness: DATA is that data set's folder; retrains that head alone on the existing int8 encoder.
    Held-back items (splits.json) are never trained on. Run it with `nice`: it uses every core it is given.
    """
    from .. import learned
    from ..learned import build

    out_dir = Path(out) if out else _default_out()
    work_dir = Path(work) if work else Path(tempfile.gettempdir()) / f"presslint-train-{os.getuid()}"
    work_dir.mkdir(parents=True, exist_ok=True)

    def progress(message: str) -> None:
        click.echo(message, err=True)

    config = {k: v for k, v in (("layers", layers), ("top", top), ("epochs", epochs)) if v is not None}
    if task == "all":
        folder = build.build_all(data, out_dir, seed=seed, work=work_dir, config=config, progress=progress)
    else:
        source = Path(model_folder) if model_folder else learned.model_dir()
        folder = build.build_head(
            task, data, source, out_dir, seed=seed, work=work_dir, config=config, progress=progress
        )
    click.echo(f"model written to {folder}")


@click.command("models")
@click.option("--card", "card", help="Print the model card of this head (or 'encoder').")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
def models_cmd(card, fmt) -> None:
    """List the installed learned models, their heads, sizes, training data and dev scores (from their cards)."""
    from .. import learned

    folders = [learned.PACKAGE_MODELS / learned.MODEL_NAME]
    if os.environ.get("PRESSLINT_MODELS"):
        folders.insert(0, learned.model_dir())
    rows = []
    for folder in folders:
        manifest_file = folder / "manifest.json"
        if not manifest_file.is_file():
            continue
        manifest = json.loads(manifest_file.read_text("utf-8"))
        cards = sorted((folder / "cards").glob("*.md")) if (folder / "cards").is_dir() else []
        rows.append(
            {
                "folder": str(folder),
                "in_use": folder == learned.model_dir(),
                "name": manifest.get("name"),
                "command": manifest.get("command"),
                "files": manifest.get("files", {}),
                "trained_on": manifest.get("trained_on", {}),
                "dev_scores": manifest.get("dev_scores", {}),
                "thresholds": manifest.get("thresholds", {}),
                "cards": {p.stem: str(p) for p in cards},
            }
        )
    if card:
        for row in rows:
            if row["in_use"] and card in row["cards"]:
                click.echo(Path(row["cards"][card]).read_text("utf-8"), nl=False)
                return
        choices = ", ".join(rows[0]["cards"]) if rows else "none"
        raise PresslintError(E.E311, name=card, choices=choices)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no learned model installed")
        return
    for row in rows:
        size = sum(f["bytes"] for f in row["files"].values()) / 1e6
        click.echo(f"{row['name']}  {row['folder']}{'  (in use)' if row['in_use'] else ''}  {size:.1f} MB")
        click.echo(f"  rebuild: {row['command']}")
        for head, what in row["trained_on"].items():
            scores = " ".join(f"{k}={v}" for k, v in row["dev_scores"].get(head, {}).items())
            click.echo(f"  {head}: {what}")
            if scores:
                click.echo(f"    dev: {scores}")
        if row["cards"]:
            click.echo(f"  cards: {', '.join(row['cards'])} (presslint models --card NAME)")


COMMANDS = (train_cmd, models_cmd)
