"""Training and scoring examples from the public data folders (numpy only; the readers are the evaluation modules').

An :class:`Example` is one text cut into WordPiece windows, with what each head learns from it: per-piece BIO labels
(attribution, propaganda span identification), labelled piece ranges (propaganda techniques of gold spans, the
check-worthiness of each sentence). Which items are held back is written in ``splits.json`` beside this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .labels import ATTRIBUTION_LABELS, PROPAGANDA_LABELS, TECHNIQUES, piece_labels
from .windows import Pieces, pieces

SPLITS_FILE = Path(__file__).resolve().parent / "splits.json"


@dataclass(slots=True)
class Example:
    task: str  # "attribution", "propaganda" or "checkworthiness"
    key: str
    pieces: Pieces
    labels: np.ndarray | None = None  # one label index per piece (token heads)
    ranges: list[tuple[int, int, int]] = field(default_factory=list)  # (first piece, end piece, label)


def splits() -> dict:
    return json.loads(SPLITS_FILE.read_text("utf-8"))


def piece_range(offsets: np.ndarray, start: int, end: int) -> tuple[int, int] | None:
    """[first, end) of the pieces whose characters overlap [start, end); None when no piece does."""
    inside = np.flatnonzero((offsets[:, 0] < end) & (offsets[:, 1] > start))
    return (int(inside[0]), int(inside[-1]) + 1) if len(inside) else None


def attribution_examples(root: str | Path, split: str, tokenizer: str | Path) -> list[Example]:
    """PolNeAR ``split`` (train or dev): BIO labels of source / cue / content fragments (first annotator's file)."""
    from ..evaluation.attribution import load_split

    items = load_split(root, split)
    docs = pieces([text for _, text, _ in items], tokenizer)
    out = []
    for (name, _, gold), doc in zip(items, docs):
        spans = [(kind, s, e) for kind, frags in gold.items() for f in frags for s, e in f]
        out.append(Example("attribution", name, doc, piece_labels(doc.offsets, spans, ATTRIBUTION_LABELS)))
    return out


def propaganda_examples(root: str | Path, tokenizer: str | Path, *, keep: Iterable[str] | None = None) -> list[Example]:
    """PTC train articles (only ``keep`` ids when given): SI BIO labels, and each TC gold span's technique."""
    from ..evaluation.propaganda import load

    texts, si, tc = load(root)
    ids = sorted(texts) if keep is None else sorted(set(keep) & set(texts))
    docs = pieces([texts[i] for i in ids], tokenizer)
    out = []
    for art, doc in zip(ids, docs):
        labels = piece_labels(doc.offsets, [("propaganda", s, e) for s, e in si.get(art, [])], PROPAGANDA_LABELS)
        ranges = []
        for a, technique, s, e in tc:
            r = piece_range(doc.offsets, s, e) if a == art else None
            if r:
                ranges.append((*r, TECHNIQUES.index(technique)))
        out.append(Example("propaganda", art, doc, labels, ranges))
    return out


def checkthat_documents(root: str | Path, files: Iterable[str] | None = None) -> list[tuple[str, str, list[tuple]]]:
    """(file, text, [(start, end, label, line)]) per CheckThat! file: the sentences joined one per line."""
    from ..evaluation.checkthat import read

    rows = read(root)
    wanted = None if files is None else set(files)
    by_file: dict[str, list[dict]] = {}
    for r in rows:
        if wanted is None or r["file"] in wanted:
            by_file.setdefault(r["file"], []).append(r)
    out = []
    for name in sorted(by_file):
        parts, sents, pos = [], [], 0
        for r in by_file[name]:
            sentence = " ".join(r["text"].split())
            parts.append(sentence)
            sents.append((pos, pos + len(sentence), r["label"], r["line"]))
            pos += len(sentence) + 1
        out.append((name, "\n".join(parts), sents))
    return out


def checkthat_examples(root: str | Path, tokenizer: str | Path, *, files: Iterable[str] | None = None) -> list[Example]:
    """CheckThat! 2019 files as texts of one sentence a line, each sentence's piece range labelled 0/1."""
    documents = checkthat_documents(root, files)
    docs = pieces([text for _, text, _ in documents], tokenizer)
    out = []
    for (name, _, sents), doc in zip(documents, docs):
        ranges = []
        for s, e, label, _ in sents:
            r = piece_range(doc.offsets, s, e)
            if r:
                ranges.append((*r, int(label)))
        out.append(Example("checkworthiness", name, doc, None, ranges))
    return out


def training_examples(
    polnear: str | Path | None, ptc: str | Path | None, checkthat: str | Path | None, tokenizer: str | Path
) -> list[Example]:
    """Everything the shipped models train on: PolNeAR train, PTC minus held-back ids, CheckThat minus held-back files."""
    held = splits()
    out: list[Example] = []
    if polnear:
        out += attribution_examples(polnear, "train", tokenizer)
    if ptc:
        from ..evaluation.propaganda import load

        ids = set(load(ptc)[0]) - set(held["ptc"]["heldback"])
        out += propaganda_examples(ptc, tokenizer, keep=ids)
    if checkthat:
        names = {p.stem for p in _tsv_files(checkthat)} - set(held["checkthat"]["heldback"])
        out += checkthat_examples(checkthat, tokenizer, files=names)
    return out


def _tsv_files(root: str | Path) -> Sequence[Path]:
    root = Path(root)
    if (root / "training").is_dir():
        root = root / "training"
    return sorted(root.glob("*.tsv"))
