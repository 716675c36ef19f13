"""Training of the shared encoder and its heads (needs the ``train`` extra: torch, transformers, onnx).

Design (what 2 shared CPU cores allow): the base encoder is all-MiniLM-L6-v2. Its lower ``6 - top`` layers stay
frozen, so their output for every training window is computed once and cached (``cache_states``); the top ``top``
layers are fine-tuned jointly for all tasks (multi-task: batches of the tasks alternate in a seeded random order)
together with one small head per task. ``top = 0`` trains the heads alone on the frozen encoder.
At inference the whole encoder (frozen lower layers + fine-tuned top layers) runs once per window, exported to ONNX
and quantised to int8 (:mod:`.export`); the heads are small numpy matrices.

Heads (each an MLP: Linear -> GELU (tanh) -> Linear, applied to the encoder's piece vectors):
* attribution: 7 BIO labels (source / cue / content) per piece;
* propaganda: 3 BIO labels per piece (span identification);
* technique: the 14 PTC techniques of a span, from [mean, first, last] of its piece vectors;
* checkworthiness: P(check-worthy) of a sentence, from the mean of its piece vectors.

Determinism: one seed drives torch, the shuffles and the dropout masks; torch runs with deterministic algorithms and a
fixed thread count, so the same seed and data give the same weights up to float summation order.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .data import Example
from .labels import ATTRIBUTION_LABELS, PROPAGANDA_LABELS, TECHNIQUES
from .windows import CLS_ID, PAD_ID, SEP_ID

HIDDEN = 384
LAYERS = 6
THREADS = 2


@dataclass
class Config:
    seed: int = 0
    # The defaults are the shipped model's: all-MiniLM-L6-v2 cut after its 4th layer, frozen, heads trained 4 epochs
    # (docs/models.md says why: fine-tuning did not fit the shared 2 cores). layers=6, top=2 is the fine-tuned design.
    layers: int = 4  # encoder layers used, from the bottom
    top: int = 0  # fine-tuned top layers of the encoder (0 = frozen encoder, heads only)
    epochs: int = 4
    batch_windows: int = 8
    lr_encoder: float = 5e-5
    lr_heads: float = 1e-3
    weight_decay: float = 0.01
    head_hidden: int = 256
    dropout: float = 0.1
    task_weights: tuple = (("attribution", 1.0), ("propaganda", 1.0), ("checkworthiness", 1.0))
    cw_pos_weight: float = 4.0
    checkpoint_every: int = 100  # optimisation steps


def _torch():
    import torch

    torch.set_num_threads(THREADS)
    return torch


def seed_all(seed: int) -> None:
    import random

    torch = _torch()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def base_model(path: str | Path):
    """all-MiniLM-L6-v2 as a transformers BertModel with eager attention (masks passed as additive floats)."""
    from transformers import BertModel

    model = BertModel.from_pretrained(str(path), attn_implementation="eager")
    model.eval()
    return model


def additive_mask(mask):
    torch = _torch()
    return (1.0 - mask[:, None, None, :].to(torch.float32)) * torch.finfo(torch.float32).min


def run_layers(layers, hidden, mask):
    ext = additive_mask(mask)
    for layer in layers:
        out = layer(hidden, attention_mask=ext)
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden


def window_batch(examples: Sequence[Example], rows: Sequence[tuple[int, int]]):
    """input ids and mask for (example index, window index) rows, [CLS]/[SEP] added, padded to the longest."""
    lengths = [examples[e].pieces.windows[w][1] - examples[e].pieces.windows[w][0] for e, w in rows]
    width = max(lengths) + 2
    ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for r, (e, w) in enumerate(rows):
        s, t = examples[e].pieces.windows[w]
        ids[r, 0], ids[r, 1 : t - s + 1], ids[r, t - s + 1] = CLS_ID, examples[e].pieces.ids[s:t], SEP_ID
        mask[r, : t - s + 2] = 1
    return ids, mask


def cache_states(
    examples: Sequence[Example],
    model,
    *,
    top: int,
    cache_file: str | Path | None = None,
    batch: int = 16,
    progress: Callable[[str], None] = print,
) -> list[list[np.ndarray]]:
    """Per example, per window: the float16 output of the frozen lower ``6 - top`` layers for the window's pieces
    with [CLS] first and [SEP] last (the top layers attend to them too). Cached in ``cache_file`` (an .npz keyed by a hash of the windows), so a rerun reads it."""
    torch = _torch()
    key = hashlib.sha256()
    for ex in examples:
        key.update(ex.pieces.ids.tobytes())
        key.update(np.asarray(ex.pieces.windows).tobytes())
    key.update(f"top={top}".encode())
    digest = key.hexdigest()[:16]
    if cache_file and Path(cache_file).exists():
        data = np.load(cache_file, allow_pickle=False)
        if str(data["digest"]) == digest:
            flat = data["states"]
            out, pos = [], 0
            for ex in examples:
                per = []
                for s, t in ex.pieces.windows:
                    per.append(flat[pos : pos + t - s + 2])
                    pos += t - s + 2
                out.append(per)
            return out
    rows = sorted(
        ((e, w) for e, ex in enumerate(examples) for w in range(len(ex.pieces.windows))),
        key=lambda r: -(examples[r[0]].pieces.windows[r[1]][1] - examples[r[0]].pieces.windows[r[1]][0]),
    )
    unset = np.zeros((0, HIDDEN), np.float16)  # every (example, window) slot is in ``rows`` and overwritten below
    states: list[list[np.ndarray]] = [[unset] * len(ex.pieces.windows) for ex in examples]
    lower = model.encoder.layer[: LAYERS - top]
    start = time.monotonic()
    with torch.no_grad():
        for b in range(0, len(rows), batch):
            chunk = rows[b : b + batch]
            ids, mask = window_batch(examples, chunk)
            hidden = model.embeddings(input_ids=torch.from_numpy(ids))
            hidden = run_layers(lower, hidden, torch.from_numpy(mask)).numpy()
            for r, (e, w) in enumerate(chunk):
                s, t = examples[e].pieces.windows[w]
                states[e][w] = hidden[r, : t - s + 2].astype(np.float16)
            if b // batch % 50 == 0:
                progress(f"cached {b + len(chunk)}/{len(rows)} windows ({time.monotonic() - start:.0f}s)")
    if cache_file:
        flat = np.concatenate([s for per in states for s in per]) if rows else np.zeros((0, HIDDEN), np.float16)
        Path(cache_file).parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache_file, digest=np.array(digest), states=flat)
    return states


# ------------------------------------------------------------------------------------------------------ the network
HEAD_SHAPES = {
    "attribution": (HIDDEN, len(ATTRIBUTION_LABELS)),
    "propaganda": (HIDDEN, len(PROPAGANDA_LABELS)),
    "technique": (3 * HIDDEN, len(TECHNIQUES)),
    "checkworthiness": (HIDDEN, 1),
}


def build_net(base, cfg: Config):
    """The fine-tuned top layers (copies of the base model's) and the heads."""
    import copy

    torch = _torch()
    nn = torch.nn

    def mlp(d_in: int, d_out: int):
        return nn.Sequential(
            nn.Dropout(cfg.dropout),
            nn.Linear(d_in, cfg.head_hidden),
            nn.GELU(approximate="tanh"),
            nn.Dropout(cfg.dropout),
            nn.Linear(cfg.head_hidden, d_out),
        )

    class Net(nn.Module):  # type: ignore[name-defined]  # torch (train extra) is imported when called: no stub here
        def __init__(self):
            super().__init__()
            layers = base.encoder.layer[cfg.layers - cfg.top : cfg.layers] if cfg.top else []
            self.top = nn.ModuleList([copy.deepcopy(layer) for layer in layers])
            self.heads = nn.ModuleDict({name: mlp(i, o) for name, (i, o) in HEAD_SHAPES.items()})

        def encode(self, states, mask):
            return run_layers(self.top, states, mask) if len(self.top) else states

    return Net()


def head_arrays(net) -> dict[str, np.ndarray]:
    """The heads as the numpy arrays :mod:`.heads` reads (``<head>.w1/b1/w2/b2``, float32)."""
    out = {}
    for name, seq in net.heads.items():
        first, second = seq[1], seq[4]
        out[f"{name}.w1"] = first.weight.detach().numpy().T.astype(np.float32).copy()
        out[f"{name}.b1"] = first.bias.detach().numpy().astype(np.float32).copy()
        out[f"{name}.w2"] = second.weight.detach().numpy().T.astype(np.float32).copy()
        out[f"{name}.b2"] = second.bias.detach().numpy().astype(np.float32).copy()
    return out


def _padded(states: Sequence[np.ndarray]):
    torch = _torch()
    width = max(len(s) for s in states)
    x = np.zeros((len(states), width, HIDDEN), dtype=np.float32)
    mask = np.zeros((len(states), width), dtype=np.int64)
    for i, s in enumerate(states):
        x[i, : len(s)] = s
        mask[i, : len(s)] = 1
    return torch.from_numpy(x), torch.from_numpy(mask)


def _in_window(ranges, s: int, t: int) -> list[tuple[int, int, int]]:
    """Ranges clipped to window [s, t), as positions in the window with [CLS] at 0."""
    out = []
    for a, b, label in ranges:
        a2, b2 = max(a, s), min(b, t)
        if b2 > a2:
            out.append((a2 - s + 1, b2 - s + 1, label))
    return out


def batch_loss(net, examples: Sequence[Example], states, rows: Sequence[tuple[int, int]], cfg: Config):
    """Loss of one batch of windows of one task (the task's heads only)."""
    torch = _torch()
    f = torch.nn.functional
    task = examples[rows[0][0]].task
    x, mask = _padded([states[e][w] for e, w in rows])
    h = net.encode(x, mask)
    weight = dict(cfg.task_weights)[task]
    loss = torch.zeros(())
    if task in ("attribution", "propaganda"):
        labels = np.full(mask.shape, -100, dtype=np.int64)
        for r, (e, w) in enumerate(rows):
            s, t = examples[e].pieces.windows[w]
            piece_labels = examples[e].labels
            assert piece_labels is not None
            labels[r, 1 : t - s + 1] = piece_labels[s:t]
        logits = net.heads[task](h)
        loss = loss + f.cross_entropy(logits.reshape(-1, logits.shape[-1]), torch.from_numpy(labels).reshape(-1))
    if task in ("propaganda", "checkworthiness"):
        feats, targets = [], []
        for r, (e, w) in enumerate(rows):
            s, t = examples[e].pieces.windows[w]
            for a, b, label in _in_window(examples[e].ranges, s, t):
                piece = h[r, a:b]
                if task == "propaganda":
                    feats.append(torch.cat([piece.mean(0), piece[0], piece[-1]]))
                else:
                    feats.append(piece.mean(0))
                targets.append(label)
        if feats:
            stacked = torch.stack(feats)
            if task == "propaganda":
                loss = loss + f.cross_entropy(net.heads["technique"](stacked), torch.tensor(targets))
            else:
                logit = net.heads["checkworthiness"](stacked).squeeze(-1)
                pos = torch.tensor(cfg.cw_pos_weight)
                loss = loss + f.binary_cross_entropy_with_logits(
                    logit, torch.tensor(targets, dtype=torch.float32), pos_weight=pos
                )
    return weight * loss


def epoch_batches(examples: Sequence[Example], cfg: Config, epoch: int) -> list[list[tuple[int, int]]]:
    """This epoch's batches: each task's windows shuffled and chunked, then all batches shuffled together (the tasks
    alternate in a seeded random order, in proportion to their data)."""
    rng = np.random.default_rng([cfg.seed, epoch])
    batches = []
    for task in sorted({ex.task for ex in examples}):
        rows = [(e, w) for e, ex in enumerate(examples) if ex.task == task for w in range(len(ex.pieces.windows))]
        order = rng.permutation(len(rows))
        rows = [rows[i] for i in order]
        batches += [rows[i : i + cfg.batch_windows] for i in range(0, len(rows), cfg.batch_windows)]
    order = rng.permutation(len(batches))
    return [batches[i] for i in order]


def fit(
    examples: Sequence[Example],
    states,
    base,
    cfg: Config,
    *,
    checkpoint: str | Path | None = None,
    progress: Callable[[str], None] = print,
):
    """Multi-task training; resumes from ``checkpoint`` when it holds a run of the same config. Returns the net."""
    torch = _torch()
    seed_all(cfg.seed)
    net = build_net(base, cfg)
    heads = [p for n, p in net.named_parameters() if n.startswith("heads.")]
    encoder = [p for n, p in net.named_parameters() if not n.startswith("heads.")]
    groups = [{"params": heads, "lr": cfg.lr_heads}]
    if encoder:
        groups.append({"params": encoder, "lr": cfg.lr_encoder})
    opt = torch.optim.AdamW(groups, weight_decay=cfg.weight_decay)
    per_epoch = len(epoch_batches(examples, cfg, 0))
    total = per_epoch * cfg.epochs
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min(1.0, (step + 1) / warm) * max(0.0, (total - step) / max(1, total - warm))
    )
    done = 0
    ident = json.dumps(asdict(cfg), sort_keys=True, default=list)
    if checkpoint and Path(checkpoint).exists():
        state = torch.load(checkpoint, weights_only=False)
        if state["config"] == ident:
            net.load_state_dict(state["net"])
            opt.load_state_dict(state["opt"])
            sched.load_state_dict(state["sched"])
            torch.set_rng_state(state["rng"])
            done = state["step"]
            progress(f"resumed at step {done}/{total}")
    start, running = time.monotonic(), []
    net.train()
    for epoch in range(cfg.epochs):
        for i, rows in enumerate(epoch_batches(examples, cfg, epoch)):
            step = epoch * per_epoch + i
            if step < done:
                continue
            loss = batch_loss(net, examples, states, rows, cfg)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            running.append(float(loss.detach()))
            if (step + 1) % 50 == 0:
                progress(
                    f"epoch {epoch + 1} step {step + 1}/{total} loss {np.mean(running[-50:]):.4f} "
                    f"({time.monotonic() - start:.0f}s)"
                )
            if checkpoint and (step + 1) % cfg.checkpoint_every == 0:
                _save_checkpoint(checkpoint, net, opt, sched, step + 1, ident)
    if checkpoint:
        _save_checkpoint(checkpoint, net, opt, sched, total, ident)
    net.eval()
    return net


def _save_checkpoint(path, net, opt, sched, step: int, ident: str) -> None:
    torch = _torch()
    tmp = Path(str(path) + ".tmp")
    torch.save(
        {
            "net": net.state_dict(),
            "opt": opt.state_dict(),
            "sched": sched.state_dict(),
            "rng": torch.get_rng_state(),
            "step": step,
            "config": ident,
        },
        tmp,
    )
    tmp.replace(path)


def final_states(net, examples: Sequence[Example], states, *, batch: int = 16) -> list[np.ndarray]:
    """Per example: the fine-tuned encoder's output for every piece (windows joined, [CLS]/[SEP] dropped), float32."""
    torch = _torch()
    out = []
    with torch.no_grad():
        for e, ex in enumerate(examples):
            parts = []
            for b in range(0, len(ex.pieces.windows), batch):
                ws = list(range(b, min(b + batch, len(ex.pieces.windows))))
                x, mask = _padded([states[e][w] for w in ws])
                h = net.encode(x, mask).numpy()
                for r, w in enumerate(ws):
                    s, t = ex.pieces.windows[w]
                    parts.append(h[r, 1 : t - s + 1])
            out.append(np.concatenate(parts) if parts else np.zeros((0, HIDDEN), np.float32))
    return out


CACHE_TOP = 2  # the cached states are the output of layer 6 - CACHE_TOP; runs with top < CACHE_TOP lift them


def lift_states(base, states, *, top: int, layers: int = LAYERS, progress: Callable[[str], None] = print):
    """Run the frozen layers between the cache (layer 6 - CACHE_TOP) and layer ``layers - top`` once, per window."""
    torch = _torch()
    if layers - top < LAYERS - CACHE_TOP:
        raise ValueError(f"the cache holds layer {LAYERS - CACHE_TOP}: layers - top must be at least that")
    frozen = base.encoder.layer[LAYERS - CACHE_TOP : layers - top]
    if not len(frozen):
        return states
    out = []
    start = time.monotonic()
    with torch.no_grad():
        for i, per in enumerate(states):
            lifted = []
            for s in per:
                x = torch.from_numpy(s.astype(np.float32))[None]
                mask = torch.ones(1, len(s), dtype=torch.int64)
                lifted.append(run_layers(frozen, x, mask)[0].numpy().astype(np.float16))
            out.append(lifted)
            if i % 200 == 0:
                progress(f"frozen layers over {i}/{len(states)} texts ({time.monotonic() - start:.0f}s)")
    return out
