"""Learned judgement: one shared encoder, small heads, int8 ONNX on onnxruntime (no torch at run time).

>>> from presslint import learned
>>> [doc] = learned.encode(["Officials said the plan was \\"a disaster\\", according to a statement."])
>>> [(s.kind, s.text) for s in learned.attributions(doc)]           # source / cue / content spans
>>> [(s.technique, s.probability) for s in learned.propaganda(doc)]  # propaganda spans with their technique
>>> [(s.text, s.probability) for s in learned.checkworthiness(doc)]  # P(check-worthy) per sentence

The encoder runs once per text (its windows batched across texts); every head reads the same piece vectors. The
model is loaded lazily, once per process, from the package folder ``data/models/presslint-minilm`` (or
``$PRESSLINT_MODELS/presslint-minilm`` when that is set, e.g. for a model rebuilt with ``presslint train``).
Which heads run is a setting: ``[tool.presslint.learned]`` with ``attribution``, ``propaganda``,
``checkworthiness`` true/false (:func:`enabled_heads`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import labels
from .predict import AttributionSpan, PropagandaSpan, SentenceScore, TechniqueScore
from .windows import Pieces, order_windows, pieces, window_inputs

MODEL_NAME = "presslint-minilm"
PACKAGE_MODELS = Path(__file__).resolve().parent.parent / "data" / "models"
HEADS = ("attribution", "propaganda", "checkworthiness")
# Windows per encoder call. 8, not 16: the vectors are bit-identical either way, the speed the same within noise,
# and onnxruntime keeps the largest call's buffers (16 x 256 pieces of attention scores per layer) for the life of
# the process (measured over 64 articles: +238 MB over the process at 8 against +373 MB at 16).
BATCH_WINDOWS = 8

__all__ = [
    "HEADS",
    "AttributionSpan",
    "EncodedDoc",
    "LearnedModel",
    "PropagandaSpan",
    "SentenceScore",
    "TechniqueScore",
    "attributions",
    "available",
    "checkworthiness",
    "enabled_heads",
    "encode",
    "labels",
    "load",
    "model_dir",
    "propaganda",
    "techniques",
]


@dataclass(slots=True)
class EncodedDoc:
    """One text after the encoder: its pieces and one 384-d vector per piece (float32)."""

    pieces: Pieces
    states: np.ndarray

    @property
    def text(self) -> str:
        return self.pieces.text


def model_dir(name: str = MODEL_NAME) -> Path:
    """The folder the model is read from: ``$PRESSLINT_MODELS/<name>`` when set, else the packaged one."""
    env = os.environ.get("PRESSLINT_MODELS")
    return Path(env) / name if env else PACKAGE_MODELS / name


def available(name: str = MODEL_NAME) -> bool:
    folder = model_dir(name)
    return all((folder / f).is_file() for f in ("encoder.int8.onnx", "tokenizer.json", "heads.npz", "manifest.json"))


_INHERITED_SESSIONS: list[Any] = []  # onnxruntime sessions a forked process inherited (see LearnedModel.session)


def fingerprint(name: str = MODEL_NAME) -> str:
    """The installed model's identity: a hash of its manifest (which holds every weight file's sha256); "missing"
    when it is not installed."""
    if not available(name):
        return "missing"
    return hashlib.sha256((model_dir(name) / "manifest.json").read_bytes()).hexdigest()[:16]


class LearnedModel:
    """The encoder session, tokenizer path, head weights and manifest of one model folder.

    The onnxruntime session is opened on first use and belongs to the process that opened it: a process forked
    after that (``--jobs``) opens its own (a session's thread pool does not survive a fork), so sessions are never
    shared across processes."""

    def __init__(self, folder: str | Path, *, threads: int | None = None):
        self.folder = Path(folder)
        self.manifest: dict[str, Any] = json.loads((self.folder / "manifest.json").read_text("utf-8"))
        with np.load(self.folder / "heads.npz") as data:
            self.weights: dict[str, np.ndarray] = {
                k: np.ascontiguousarray(data[k], dtype=np.float32) for k in data.files
            }
        self.tokenizer = str(self.folder / "tokenizer.json")
        self._threads = threads  # None: PRESSLINT_THREADS (default 2), read when the session opens
        self._session: Any = None
        self._pid = -1  # the process that opened the session
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return str(self.manifest.get("name", self.folder.name))

    @property
    def session(self) -> Any:
        if self._session is None or self._pid != os.getpid():
            if self._pid != os.getpid():
                self._lock = threading.Lock()  # a lock copied by fork may be held by a thread that is not here
                if self._session is not None:
                    # Never free a session copied by fork: its destructor waits on the parent's thread pool,
                    # whose threads do not exist here, and hangs. Kept alive until the process exits.
                    _INHERITED_SESSIONS.append(self._session)
                self._session = None
            with self._lock:
                if self._session is None:
                    import onnxruntime as ort

                    options = ort.SessionOptions()
                    options.log_severity_level = 3
                    # read here, not at load: a --jobs worker forked later sets its own share of the cores
                    options.intra_op_num_threads = self._threads or int(os.environ.get("PRESSLINT_THREADS", "2"))
                    options.inter_op_num_threads = 1
                    # No spinning: between encoder calls spaCy and the analyzers run on the same two cores, and
                    # ORT's idle threads busy-waiting for the next call took CPU from them (measured: a cold
                    # first encode 200 -> 140 ms CPU; see the README's speed table for the throughput).
                    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                    # Memory patterns are planned and kept per input shape, and every batch of windows has its own
                    # length: off, the session's memory stays flat (+173 MB with 8 windows a call against +238).
                    options.enable_mem_pattern = False
                    encoder = self.folder / self.manifest.get("encoder", "encoder.int8.onnx")
                    self._session = ort.InferenceSession(
                        str(encoder), sess_options=options, providers=["CPUExecutionProvider"]
                    )
                    self._pid = os.getpid()
        return self._session

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """One encoder call on a batch of windows: the last hidden state, (windows, length, 384)."""
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def encode(self, texts: Sequence[str], *, batch_windows: int = BATCH_WINDOWS) -> list[EncodedDoc]:
        """Tokenise every text, run the encoder over all their windows (longest first, ``batch_windows`` a batch)
        and give each text its piece vectors. A window's vectors do not depend on the windows batched with it
        (weight-only int8: no activation scale shared across the batch)."""
        docs = pieces(list(texts), self.tokenizer)
        states = [np.zeros((len(d.ids), 384), dtype=np.float32) for d in docs]
        rows = order_windows(docs)
        for b in range(0, len(rows), batch_windows):
            chunk = rows[b : b + batch_windows]
            ids, mask = window_inputs(docs, chunk)
            hidden = self.run(ids, mask)
            for r, (d, _, s, e) in enumerate(chunk):
                states[d][s:e] = hidden[r, 1 : e - s + 1]
        return [EncodedDoc(d, st) for d, st in zip(docs, states)]


@lru_cache(maxsize=2)
def _load(folder: str) -> LearnedModel:
    return LearnedModel(folder)


def load(name: str = MODEL_NAME) -> LearnedModel:
    """The model of ``name`` (loaded once per process; the ONNX session is opened on first use)."""
    folder = model_dir(name)
    if not available(name):
        from ..errors import E, PresslintError

        raise PresslintError(E.E504, name=name, folder=folder)
    return _load(str(folder))


def encode(texts: Sequence[str], *, model: LearnedModel | None = None) -> list[EncodedDoc]:
    """One encoder pass per text (batched across texts); feed the result to every head."""
    return (model or load()).encode(texts)


def _weights(model: LearnedModel | None) -> Mapping[str, np.ndarray]:
    return (model or load()).weights


def attributions(doc: EncodedDoc, *, min_prob: float = 0.0, model: LearnedModel | None = None) -> list[AttributionSpan]:
    from . import predict

    return predict.attributions(doc.pieces, doc.states, _weights(model), min_prob=min_prob)


def propaganda(doc: EncodedDoc, *, min_prob: float = 0.0, model: LearnedModel | None = None) -> list[PropagandaSpan]:
    from . import predict

    return predict.propaganda(doc.pieces, doc.states, _weights(model), min_prob=min_prob)


def techniques(
    doc: EncodedDoc, spans: Sequence[tuple[int, int]], *, model: LearnedModel | None = None
) -> list[TechniqueScore | None]:
    from . import predict

    return predict.techniques(doc.pieces, doc.states, _weights(model), spans)


def checkworthiness(
    doc: EncodedDoc, sentences: Sequence[tuple[int, int]] | None = None, *, model: LearnedModel | None = None
) -> list[SentenceScore]:
    from . import predict

    return predict.checkworthiness(doc.pieces, doc.states, _weights(model), sentences)


def enabled_heads(settings: Any = None) -> tuple[str, ...]:
    """The heads switched on by ``settings.learned`` (a table of head -> bool; every head on by default)."""
    table = getattr(settings, "learned", None) or {}
    return tuple(h for h in HEADS if table.get(h, True))
