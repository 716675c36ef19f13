"""Export of the trained encoder to ONNX, int8 quantisation, and the shipped model folder (needs the train extra).

The folder (``src/presslint/data/models/presslint-minilm/`` when shipped) holds:
``encoder.int8.onnx`` (input_ids, attention_mask -> hidden, int8 weights by onnxruntime's dynamic quantisation),
``tokenizer.json`` (all-MiniLM-L6-v2's uncased WordPiece, unchanged), ``heads.npz`` (numpy head weights) and
``manifest.json`` (what was trained on what, with which command and seed, file hashes, thresholds, dev scores).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from .train import LAYERS, _torch, run_layers


def full_encoder(base, top_state: dict[str, Any] | None, top: int, *, layers: int = LAYERS):
    """The base BertModel with layers ``layers - top .. layers`` replaced by the fine-tuned ones (state dict keys
    ``top.i.*``); layers above ``layers`` are left unused by :func:`export_onnx`."""
    if top and top_state:
        for i in range(top):
            layer = base.encoder.layer[layers - top + i]
            prefix = f"top.{i}."
            layer.load_state_dict({k[len(prefix) :]: v for k, v in top_state.items() if k.startswith(prefix)})
    base.eval()
    return base


def export_onnx(encoder, path: str | Path, *, layers: int = LAYERS) -> Path:
    """Float ONNX graph of the first ``layers`` layers: (input_ids, attention_mask) int64 [batch, pieces] -> hidden
    float32 [batch, pieces, 384]."""
    torch = _torch()

    class Wrapper(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            # embeddings + layers with an additive float mask (the path training uses), not transformers' mask
            # builder, whose shape arithmetic the tracer would freeze to the example's shape
            hidden = self.model.embeddings(input_ids=input_ids)
            return run_layers(self.model.encoder.layer[:layers], hidden, attention_mask)

    ids = torch.tensor([[101, 7592, 2088, 102, 0], [101, 2023, 2003, 1037, 102]], dtype=torch.int64)
    mask = torch.tensor([[1, 1, 1, 1, 0], [1, 1, 1, 1, 1]], dtype=torch.int64)
    path = Path(path)
    with torch.no_grad():
        torch.onnx.export(
            Wrapper(encoder),
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["hidden"],
            dynamic_axes={"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"}},
            opset_version=17,
            dynamo=False,
        )
    return path


def quantize(float_path: str | Path, int8_path: str | Path) -> Path:
    """onnxruntime dynamic quantisation, per channel: int8 weights for MatMul and the embedding Gathers (per-tensor
    scales moved the encoder's vectors 3x further from the float ones: mean relative error 0.33 vs 0.14)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(float_path), str(int8_path), weight_type=QuantType.QInt8, per_channel=True)
    return Path(int8_path)


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_folder(
    out: str | Path,
    *,
    encoder_int8: str | Path,
    tokenizer: str | Path,
    heads: dict[str, np.ndarray],
    manifest: dict[str, Any],
) -> Path:
    """Write the model folder; the manifest records each file's size and sha256."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if Path(encoder_int8).resolve() != (out / "encoder.int8.onnx").resolve():
        shutil.copyfile(encoder_int8, out / "encoder.int8.onnx")
    if Path(tokenizer).resolve() != (out / "tokenizer.json").resolve():
        shutil.copyfile(tokenizer, out / "tokenizer.json")
    np.savez(out / "heads.npz", **{k: v.astype(np.float32) for k, v in sorted(heads.items())})
    files = {
        name: {"bytes": (out / name).stat().st_size, "sha256": sha256(out / name)}
        for name in ("encoder.int8.onnx", "tokenizer.json", "heads.npz")
    }
    (out / "manifest.json").write_text(json.dumps({**manifest, "files": files}, indent=1) + "\n", encoding="utf-8")
    return out
