"""The ``encoding`` check: the shared encoder inside the spaCy pipeline, once per article, batched across articles.

spaCy hands the component each batch of ``nlp.pipe`` (a ``batched`` check in the registry). For a batch, the
component tokenises every article, runs the encoder over all their windows together (``BATCH_WINDOWS`` windows an
encoder call), and runs each switched-on head once over all the pieces (attribution, propaganda) or all the
sentences (check-worthiness) of the batch. Each doc gets one :class:`LearnedDoc` in ``doc._.pl_learned``; the
sources, language and claims checks read it (an empty record: the heads are off, rules only). Nothing here depends
on which articles share a batch: a window's vectors are the same alone or batched, and the heads work row by row.

Which heads run is the check's options (``attribution``, ``propaganda``, ``checkworthiness``), set from
``[tool.presslint.learned]`` by the ``Checker``. With every head off the model is never loaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from . import LearnedModel
    from .predict import SentenceScore
    from .windows import Pieces


@dataclass(slots=True, eq=False)
class LearnedDoc:
    """The learned heads' view of one doc: its pieces, their vectors, and what each switched-on head computed
    (None for a head that is off)."""

    model: LearnedModel
    pieces: Pieces
    states: np.ndarray  # (pieces, 384) float32
    attribution: np.ndarray | None = None  # (pieces, 7) label probabilities (O, B/I-source, cue, content)
    propaganda: np.ndarray | None = None  # (pieces, 3) label probabilities (O, B/I-propaganda)
    checkworthiness: list[SentenceScore] | None = None  # one per sentence of the doc that has pieces

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def weights(self) -> Any:
        return self.model.weights


def learned_of(doc: Any, head: str) -> LearnedDoc | None:
    """The doc's LearnedDoc when ``head`` ran on it, else None (the head is off, or the doc was never encoded)."""
    items = getattr(doc._, "pl_learned", None) if doc.has_extension("pl_learned") else None
    if not items:
        return None
    item: LearnedDoc = items[0]
    return item if getattr(item, head) is not None else None


def make_component(nlp: Any, *, attribution: bool = True, propaganda: bool = True, checkworthiness: bool = True) -> Any:
    """run_batch(docs) -> [{"learned": [LearnedDoc]}]; the model is loaded on the first batch (not when the
    pipeline is built: a cold ``presslint check`` of one article pays only for what it uses)."""
    heads = {"attribution": attribution, "propaganda": propaganda, "checkworthiness": checkworthiness}
    wanted = tuple(h for h, on in heads.items() if on)
    if not wanted:
        return lambda docs: [{"learned": []} for _ in docs]
    from . import available, load, model_dir

    if not available():
        from ..errors import E, PresslintError

        raise PresslintError(E.E504, name=model_dir().name, folder=model_dir())

    def run_batch(docs: Sequence[Any]) -> list[dict[str, list[Any]]]:
        return [{"learned": [item] if item is not None else []} for item in encode_docs(load(), docs, wanted)]

    def start(docs: Sequence[Any]) -> Callable[[], list[dict[str, list[Any]]]]:
        """Begin the encoder pass over a batch in the background (onnxruntime works without the GIL, so the
        parse and the rule checks go on meanwhile); the returned finish() waits for it and runs the heads."""
        model = load()
        live = [i for i, doc in enumerate(docs) if doc.text.strip()]
        future = _encoder_thread().submit(model.encode, [docs[i].text for i in live])

        def finish() -> list[dict[str, list[Any]]]:
            made = _with_heads(model, docs, live, future.result(), wanted)
            return [{"learned": [item] if item is not None else []} for item in made]

        return finish

    run_batch.start = start  # type: ignore[attr-defined]  # read by nlp.pipeline's batched component
    return run_batch


_EXECUTOR: tuple[int, Any] | None = None  # (pid, the one encoder thread of this process)


def _encoder_thread() -> Any:
    """One background thread per process for the encoder (a forked --jobs worker makes its own: threads do not
    survive a fork). One thread: calls queue in order, and the session's own threads do the parallel work."""
    global _EXECUTOR
    if _EXECUTOR is None or _EXECUTOR[0] != os.getpid():
        from concurrent.futures import ThreadPoolExecutor

        _EXECUTOR = (os.getpid(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslint-encoder"))
    return _EXECUTOR[1]


def encode_docs(model: LearnedModel, docs: Sequence[Any], heads: Sequence[str]) -> list[LearnedDoc | None]:
    """One encoder pass over every doc's windows, then each head once over the whole batch (None for an empty doc)."""
    live = [i for i, doc in enumerate(docs) if doc.text.strip()]
    return _with_heads(model, docs, live, model.encode([docs[i].text for i in live]), heads)


def _with_heads(
    model: LearnedModel, docs: Sequence[Any], live: list[int], encoded: Any, heads: Sequence[str]
) -> list[LearnedDoc | None]:
    """The LearnedDoc of each doc from its encoder output (``live``: the docs that were encoded), heads run."""
    from .heads import one_blas_thread

    made = [LearnedDoc(model, e.pieces, e.states) for e in encoded]
    with one_blas_thread():
        _run_heads(made, encoded, [docs[i] for i in live], model, heads)
    out: list[LearnedDoc | None] = [None] * len(docs)
    for i, item in zip(live, made):
        out[i] = item
    return out


def _run_heads(made: list[LearnedDoc], encoded: Any, docs: Sequence[Any], model: LearnedModel, heads: Sequence[str]):
    from ..nlp.docview import view
    from .predict import PIECE_HEADS, checkworthiness_batch, piece_probabilities

    for head in PIECE_HEADS:
        if head in heads:
            for item, probs in zip(made, piece_probabilities(model.weights, head, [e.states for e in encoded])):
                setattr(item, head, probs)
    if "checkworthiness" in heads:
        sentences = [[(s.start_char, s.end_char) for s in view(doc).sents if s.text.strip()] for doc in docs]
        batch = [(e.pieces, e.states, sents) for e, sents in zip(encoded, sentences)]
        for item, scores in zip(made, checkworthiness_batch(model.weights, batch)):
            item.checkworthiness = scores
