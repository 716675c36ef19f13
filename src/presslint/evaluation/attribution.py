"""Attribution on PolNeAR: source / cue / content spans of presslint's extraction against brat gold, with a baseline.

Data: ``DATA/polnear/{train,dev}/text/<name>.txt`` and ``DATA/polnear/{train,dev}/attributions/<name>_<annotator>.ann``
(brat standoff: ``T`` lines with label Source, Cue or Content and character offsets, fragments separated by ``;``).
Sixteen train texts have several annotators' files: we always use **the first file in sorted file-name order**
(one annotator per text, no averaging).

Scoring (:func:`span_scores`), per span type, micro-averaged over texts:

* spans are compared after trimming whitespace, punctuation and quotation marks at each fragment's edges (PolNeAR
  puts the closing period and quotation marks inside some contents and not others; presslint trims them); a
  fragment made only of punctuation (the cue ':' of a headline 'Smith: ...') keeps it;
* **exact**: a predicted span matches a gold span of the same text when their trimmed fragments are identical;
* **overlap**: a predicted span matches a gold span when they share at least one non-trimmed character (for spans on
  token boundaries: at least one token); matching is **one-to-one**, pairs taken greedily by decreasing number of
  shared characters (ties in text order), so one long prediction covering two gold contents counts once;
* duplicates (the same span predicted twice, e.g. one speaker for two cues) count once on each side;
* PolNeAR is univocal (a token belongs to at most one attribution), so an attribution presslint finds nested inside
  another one's content ('"... he said she would win," Smith said') is dropped before scoring, as the annotators
  would not have marked it.

Baseline (same run, :func:`baseline_attributions`): textacy-style direct-quotation rules written for this module
(textacy is not a dependency): a quotation in one line, the nearest speech verb outside quotation marks in the same
sentence as cue, the verb's nominal subject (else the nearest PERSON/ORG entity of the sentence) as source.

Rules in ``analyzers/sources.py`` written while reading PolNeAR train articles are scored on an article-level k-fold
split committed in ``folds/polnear-train-5fold.json``: development used folds 1-4 only; ``--split train`` scores the
held-out fold 5 (``--fold``), ``--split dev`` the 84 dev texts.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .scoring import prf

SPAN_TYPES = ("source", "cue", "content")
FOLDS_FILE = Path(__file__).resolve().parent / "folds" / "polnear-train-5fold.json"
HELD_OUT_FOLD = 5
ANCHOR = "BBC Citron on PARC 3.0 test: source exact 0.820, cue 0.823, content 0.593 exact / 0.833 overlap"
TRIM = " \t\n.,;:!?\"'“”‘’«»()[]—–-"

Fragments = tuple[tuple[int, int], ...]


# ------------------------------------------------------------------------------------------------------ brat reader
@dataclass(frozen=True, slots=True)
class GoldSpan:
    label: str
    fragments: Fragments


def read_ann(text: str) -> list[GoldSpan]:
    """Text-bound annotations of a brat ``.ann`` file (``T`` lines); other lines (E, #, wrapped text) are skipped."""
    out = []
    for line in text.split("\n"):
        if not re.match(r"T\d+\t", line):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        frags = []
        for piece in offsets.split(";"):
            bounds = piece.split()
            if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
                frags.append((int(bounds[0]), int(bounds[1])))
        if frags:
            out.append(GoldSpan(label, tuple(frags)))
    return out


def gold_spans(anns: Iterable[GoldSpan]) -> dict[str, list[Fragments]]:
    """Source / cue / content fragments of one text (other labels such as Attribution or Discuss are dropped)."""
    out: dict[str, list[Fragments]] = {t: [] for t in SPAN_TYPES}
    for ann in anns:
        key = ann.label.lower()
        if key in out:
            out[key].append(ann.fragments)
    return out


def load_split(root: str | Path, split: str) -> list[tuple[str, str, dict[str, list[Fragments]]]]:
    """(name, text, gold) for every text of ``split`` that has an annotation file (first annotator in name order)."""
    base = Path(root) / split
    anns: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        anns.setdefault(name, path)
    items = []
    for txt in sorted((base / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_text("utf-8")
        items.append((txt.stem, text, gold_spans(read_ann(anns[txt.stem].read_text("utf-8")))))
    return items


def folds() -> dict[str, int]:
    """Train text name -> fold number (1-5) from the committed split file."""
    raw = json.loads(FOLDS_FILE.read_text("utf-8"))
    return {name: int(fold) for fold, names in raw["folds"].items() for name in names}


def make_folds(names: Sequence[str], k: int = 5) -> dict[str, list[str]]:
    """The committed split: names ordered by SHA-1, dealt round-robin into k folds (deterministic, article-level)."""
    ordered = sorted(names, key=lambda n: hashlib.sha1(n.encode()).hexdigest())
    return {str(i + 1): sorted(ordered[i::k]) for i in range(k)}


# ---------------------------------------------------------------------------------------------------------- scoring
def normalise(text: str, frags: Fragments) -> Fragments:
    """Fragments with edge whitespace/punctuation/quotation marks trimmed; a fragment that is only punctuation (the
    cue ':' of 'Smith: ...') keeps its punctuation, with whitespace trimmed; empty fragments are dropped."""
    out = []
    for start0, end0 in frags:
        start, end = start0, end0
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if end <= start:
            start, end = start0, end0
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if end > start:
            out.append((start, end))
    return tuple(sorted(out))


def _shared(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match_counts(gold: Sequence[Fragments], pred: Sequence[Fragments], *, overlap: bool) -> tuple[int, int, int]:
    """(tp, fp, fn) of one text with one-to-one matching (spans already normalised; duplicates removed here)."""
    gold = sorted({g for g in gold if g})
    pred = sorted({p for p in pred if p})
    if not overlap:
        tp = len(set(gold) & set(pred))
        return tp, len(pred) - tp, len(gold) - tp
    pairs = sorted(
        ((_shared(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if _shared(g, p) > 0),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    tp = len(used_g)
    return tp, len(pred) - tp, len(gold) - tp


def span_scores(items: Iterable[tuple[str, dict[str, list[Fragments]], dict[str, list[Fragments]]]]) -> dict[str, Any]:
    """Micro P/R/F1 per span type, exact and overlap, over (text, gold, pred) triples."""
    counts = {(t, mode): [0, 0, 0] for t in SPAN_TYPES for mode in ("exact", "overlap")}
    for text, gold, pred in items:
        for t in SPAN_TYPES:
            gold_spans = [normalise(text, f) for f in gold.get(t, [])]
            pred_spans = [normalise(text, f) for f in pred.get(t, [])]
            for mode in ("exact", "overlap"):
                c = match_counts(gold_spans, pred_spans, overlap=mode == "overlap")
                acc = counts[(t, mode)]
                for i in range(3):
                    acc[i] += c[i]
    out: dict[str, Any] = {}
    for (t, mode), (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        out[f"{t}_{mode}"] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}
    return out


# ---------------------------------------------------------------------------------------------------- parsed docs
def parsed_docs(
    texts: Sequence[tuple[str, str]], *, cache_dir: str | Path | None = None, batch_size: int = 8, nlp: Any = None
) -> Iterator[tuple[str, Any]]:
    """(key, Doc) parsed by presslint's bare model (tagger, parser, NER, newline sentences), cached as DocBin files.

    The cache key is the text plus the model identity, so a new model or text re-parses. Default cache:
    ``$TMPDIR/presslint-eval-docs``. Pass ``nlp`` (e.g. the full presslint pipeline) to get docs in its vocab: it
    parses with its presslint components switched off, so the cached parse is the same.
    """
    from spacy.tokens import DocBin

    from ..nlp import load_model, model_identity

    cache = Path(cache_dir) if cache_dir else Path(tempfile.gettempdir()) / "presslint-eval-docs"
    cache.mkdir(parents=True, exist_ok=True)
    ident = "|".join(model_identity()[:2])
    todo: list[tuple[str, str, Path]] = []
    done: dict[str, Any] = {}

    def path_of(text: str) -> Path:
        return cache / (hashlib.sha1((ident + "\0" + text).encode()).hexdigest()[:20] + ".spacy")

    nlp = nlp or load_model()
    for key, text in texts:
        path = path_of(text)
        if path.exists():
            done[key] = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
        else:
            todo.append((key, text, path))
    if todo:
        ours = [n for n in nlp.pipe_names if n.startswith("presslint_") and n != "presslint_newline_sents"]
        with nlp.select_pipes(disable=ours):
            for (key, _, path), doc in zip(todo, nlp.pipe((t for _, t, _ in todo), batch_size=batch_size)):
                bin_ = DocBin(store_user_data=False)
                bin_.add(doc)
                path.write_bytes(bin_.to_bytes())
                done[key] = doc
    for key, _ in texts:
        yield key, done[key]


# --------------------------------------------------------------------------------------------------------- methods
def _frag(start: int, end: int) -> Fragments:
    return ((start, end),)


def presslint_attributions(doc) -> dict[str, list[Fragments]]:
    """presslint's extraction (``analyzers.sources.find_attributions``) as span lists."""
    from ..analyzers.sources import find_attributions

    out: dict[str, list[Fragments]] = {t: [] for t in SPAN_TYPES}
    found = find_attributions(doc)
    contents = [a.quote.content for a in found]
    for att in found:
        q = att.quote
        if any(c.contains(q.cue) for c in contents if c is not q.content):
            continue  # PolNeAR is univocal: an attribution nested in another's content is not annotated
        if q.speaker is not None:
            out["source"].append(_frag(q.speaker.start, q.speaker.end))
        out["cue"].append(_frag(q.cue.start, q.cue.end))
        frags = [(q.content.start, q.content.end)]
        if att.continuation is not None:  # a split quotation is one discontinuous content, as in PolNeAR
            frags.append((att.continuation.start, att.continuation.end))
        out["content"].append(tuple(frags))
    return out


REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "ask",
        "explain",
        "note",
        "argue",
        "write",
        "state",
        "claim",
        "insist",
        "warn",
        "announce",
        "declare",
        "reply",
        "respond",
        "answer",
        "admit",
        "acknowledge",
        "agree",
        "suggest",
        "tweet",
        "report",
        "confirm",
        "deny",
    ]
)
_QUOTE_RE = re.compile(r"[“\"][^“”\"\n]{3,}[”\"]")


def baseline_attributions(doc) -> dict[str, list[Fragments]]:
    """Direct quotations only: quotation + nearest speech verb outside quotes in the sentence + its subject."""
    out: dict[str, list[Fragments]] = {t: [] for t in SPAN_TYPES}
    text = doc.text
    quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    if not quotes:
        return out

    def quoted(pos: int) -> bool:
        return any(s <= pos < e for s, e in quotes)

    for qs, qe in quotes:
        if len(text[qs:qe].split()) < 3:
            continue
        sent = doc.char_span(qs, qe, alignment_mode="expand")
        if sent is None:
            continue
        sent = sent[0].sent
        verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS and not quoted(t.idx)]
        if not verbs:
            continue
        cue = min(verbs, key=lambda t: min(abs(t.idx - qs), abs(t.idx - qe)))
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker = None
        if subj is not None and not quoted(subj.idx):
            speaker = (subj.left_edge.idx, subj.idx + len(subj.text))
        else:
            ents = [e for e in sent.ents if e.label_ in ("PERSON", "ORG") and not quoted(e.start_char)]
            if ents:
                near = min(ents, key=lambda e: abs(e.start_char - cue.idx))
                speaker = (near.start_char, near.end_char)
        if speaker is not None:
            out["source"].append(_frag(*speaker))
        out["cue"].append(_frag(cue.idx, cue.idx + len(cue.text)))
        out["content"].append(_frag(qs, qe))
    return out


# ------------------------------------------------------------------------------------------------------- the command
def evaluate(
    root: str | Path, *, split: str = "dev", fold: int | None = HELD_OUT_FOLD, cache_dir: str | Path | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Summary (presslint and baseline scores) and per-text records for error analysis."""
    items = load_split(root, split)
    if split == "train" and fold is not None:
        assignment = folds()
        items = [it for it in items if assignment.get(it[0]) == fold]
    records, ours, base = [], [], []
    texts = [(name, text) for name, text, _ in items]
    by_name = {name: (text, gold) for name, text, gold in items}
    for name, doc in parsed_docs(texts, cache_dir=cache_dir):
        text, gold = by_name[name]
        pred, bpred = presslint_attributions(doc), baseline_attributions(doc)
        ours.append((text, gold, pred))
        base.append((text, gold, bpred))
        records.append(
            {
                "text": name,
                "gold": _as_text(text, gold),
                "presslint": _as_text(text, pred),
                "baseline": _as_text(text, bpred),
            }
        )
    summary = {
        "task": "attribution",
        "data": f"polnear/{split}" + (f" fold {fold}" if split == "train" and fold else ""),
        "texts": len(items),
        "gold_attributions": sum(len(g["cue"]) for _, _, g in items),
        "presslint": span_scores(ours),
        "baseline": span_scores(base),
        "anchor": ANCHOR,
        "annotator_rule": "first .ann file in sorted name order",
    }
    return summary, records


def _as_text(text: str, spans: dict[str, list[Fragments]]) -> dict[str, list[list[Any]]]:
    return {
        t: [[list(map(list, f)), " … ".join(text[s:e] for s, e in f)] for f in spans.get(t, [])] for t in SPAN_TYPES
    }


def summary_lines(summary: dict[str, Any]) -> list[str]:
    """The baseline line, then the summary line (ending with presslint's source exact F1)."""

    def part(scores):
        return (
            f"source exact F1 {scores['source_exact']['f1']:.3f}, cue exact F1 {scores['cue_exact']['f1']:.3f}, "
            f"content exact F1 {scores['content_exact']['f1']:.3f} / overlap F1 {scores['content_overlap']['f1']:.3f}"
        )

    ours, base = summary["presslint"], summary["baseline"]
    return [
        f"baseline (direct-quote rules, same run) on {summary['data']}: {part(base)}",
        f"attribution on {summary['data']} ({summary['texts']} texts, {summary['gold_attributions']} gold cues; "
        f"anchor {summary['anchor']}): presslint cue exact F1 {ours['cue_exact']['f1']:.3f}, content exact F1 "
        f"{ours['content_exact']['f1']:.3f}, content overlap F1 {ours['content_overlap']['f1']:.3f}, "
        f"source exact F1 {ours['source_exact']['f1']:.3f}",
    ]


def run(
    root: str | Path,
    *,
    split: str = "dev",
    fold: int | None = HELD_OUT_FOLD,
    cache_dir: str | Path | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """What ``presslint eval attribution`` runs: {"summary": ..., "items": [...]}."""
    if progress:
        progress(f"PolNeAR {split}: parsing (cached) and extracting")
    summary_, items = evaluate(root, split=split, fold=fold, cache_dir=cache_dir)
    return {"summary": summary_, "items": items}


def summary(result: dict[str, Any]) -> list[str]:
    return summary_lines(result["summary"])
