"""Product-path evaluation: score what presslint outputs, with nothing trained or cross-validated on the data read.

Two paths, both without any fitting on DATA:

* ``product`` (the default of ``presslint eval TASK DATA``): every item goes through
  ``presslint.check_articles(articles, settings=...)`` -- exactly what ``presslint check`` runs -- and the Report
  (quotes, findings, claims) is scored;
* ``learned``: the shipped learned heads on the same items (:mod:`presslint.learned`), scored at head level, until
  they are wired into ``presslint check`` (then the two paths meet).

Every run ends with one ``RESULT task=... key=value ...`` line, after the baseline and anchor lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..model import Article, Report

Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def article_of(text: str) -> Article:
    """An article whose headline is the first line (PTC, PolNeAR and CheckThat! files start that way)."""
    first = text.find("\n")
    title = text[:first].strip() if first > 0 else None
    return Article(text=text, title=title, title_span=(0, first) if title else None, origin="eval")


def check_texts(texts: Sequence[str], *, settings: Any = None, progress: Progress = _quiet) -> list[Report]:
    """Reports of ``presslint.check_articles`` for each text, in order (no store; default settings otherwise)."""
    import presslint

    from ..config import Settings

    settings = settings or Settings(store=False)
    out = []
    for i, report in enumerate(presslint.check_articles((article_of(t) for t in texts), settings=settings)):
        out.append(report)
        if (i + 1) % 50 == 0:
            progress(f"checked {i + 1}/{len(texts)}")
    return out


def _result(task: str, values: dict[str, float]) -> str:
    return "RESULT task=" + task + "".join(f" {k}={v:.3f}" for k, v in values.items())


def _learned_encode(progress: Progress):
    from .. import learned

    model = learned.load()

    def encode(texts):
        progress(f"learned encoder over {len(texts)} texts")
        return [(d.pieces, d.states) for d in model.encode(texts)]

    return model, encode


# ---------------------------------------------------------------------------------------------------- attribution
def report_attributions(report: Report) -> dict[str, list]:
    """Source / cue / content fragments of a report's quotes (PolNeAR is univocal: nested quotes dropped)."""
    return quote_fragments(report.quotes, report.article.text)


_RELATIVE_RE = re.compile(r"\b(who|which|that)\s+(?:[a-z’']+\s+){0,3}$", re.IGNORECASE)


def relative_pronoun(text: str, quote: Any) -> tuple[tuple[int, int]] | None:
    """The relative pronoun as the source fragment of 'Smith, who said ...': PolNeAR marks the pronoun, presslint's
    speaker is the person it stands for (what the sources table needs); a scoring convention only."""
    speaker, cue = quote.speaker, quote.cue
    if not text or speaker is None or speaker.end > cue.start:
        return None
    m = _RELATIVE_RE.search(text, speaker.end, cue.start)  # 'voters who said', 'the 30 percent of voters who said'
    if m is None or any(ch in text[speaker.end : m.start()] for ch in '.;:!?\n"“”'):
        return None
    return ((m.start(1), m.end(1)),)


def quote_fragments(quotes: list[Any], text: str = "") -> dict[str, list]:
    """Source / cue / content fragments of quotes, a quote nested in another's content dropped (``text``: the
    article text, to score a relative clause's speaker as PolNeAR marks it)."""
    out: dict[str, list] = {"source": [], "cue": [], "content": []}
    contents = [q.content for q in quotes]
    for q in quotes:
        if any(c.start <= q.cue.start and q.cue.end <= c.end for c in contents if c is not q.content):
            continue
        if q.speaker is not None:
            out["source"].append(relative_pronoun(text, q) or ((q.speaker.start, q.speaker.end),))
        out["cue"].append(((q.cue.start, q.cue.end),))
        frags = [(q.content.start, q.content.end)]
        if q.continuation is not None:  # a split quotation is one discontinuous content, as in PolNeAR
            frags.append((q.continuation.start, q.continuation.end))
        out["content"].append(tuple(frags))
    return out


def attribution(
    root: str | Path, *, path: str = "product", split: str = "dev", fold: int | None = None, progress: Progress = _quiet
) -> dict:
    """``fold``: with ``split="train"``, score one fold of the committed 5-fold split (the rules were developed on
    folds 1-4; the learned head trained on all of train)."""
    from . import attribution as A

    items = A.load_split(root, split)
    if split == "train" and fold is not None:
        of = A.folds()
        items = [it for it in items if of.get(it[0]) == fold]
    texts = [t for _, t, _ in items]
    base = [A.baseline_attributions(doc) for _, doc in A.parsed_docs([(n, t) for n, t, _ in items])]
    if path in ("product", "hybrid"):
        preds = [report_attributions(r) for r in check_texts(texts, progress=progress)]
        operating = None
        if path == "hybrid":
            from ..learned import scoring

            model, encode = _learned_encode(progress)
            learned = scoring.attribution_predictions([(n, t) for n, t, _ in items], encode, model.weights)
            preds = [hybrid_attributions(r, m) for r, m in zip(preds, learned)]
    else:
        from ..learned import scoring

        model, encode = _learned_encode(progress)
        preds = scoring.attribution_predictions([(n, t) for n, t, _ in items], encode, model.weights)
        operating = scoring._attribution_points(items, preds)
    ours = A.span_scores((t, g, p) for (_, t, g), p in zip(items, preds))
    baseline = A.span_scores((t, g, p) for (_, t, g), p in zip(items, base))
    return {
        "task": "attribution",
        "path": path,
        "data": str(Path(root) / split) + (f" fold {fold}" if split == "train" and fold is not None else ""),
        "texts": len(items),
        "scores": ours,
        "baseline": baseline,
        "anchor": A.ANCHOR,
        "operating": operating,
    }


HYBRID_MIN_PROB = {"source": 0.75, "cue": 0.75, "content": 0.7}  # the heads' operating points on PolNeAR dev


def hybrid_attributions(rules: dict[str, list], learned: dict[str, list]) -> dict[str, list]:
    """The rules' spans, plus each learned span (probability at its operating point) that overlaps no rule span:
    the rules are precise, the head finds what they miss (phase-2 proposal, measured by ``--path hybrid``)."""
    taken = [(s, e) for kind in ("source", "cue", "content") for frags in rules[kind] for s, e in frags]
    out = {kind: list(rules[kind]) for kind in ("source", "cue", "content")}
    spans = {(sp.start, sp.end): sp for sp in learned["_spans"]}
    for kind in ("source", "cue", "content"):
        for frags in learned[kind]:
            probs = [spans[f].probability for f in frags if f in spans]
            if not probs or min(probs) < HYBRID_MIN_PROB[kind]:
                continue
            if any(s < te and ts < e for s, e in frags for ts, te in taken):
                continue
            out[kind].append(frags)
    return out


def attribution_lines(result: dict) -> list[str]:
    def part(s):
        return (
            f"source exact F1 {s['source_exact']['f1']:.3f}, cue exact F1 {s['cue_exact']['f1']:.3f}, content exact "
            f"F1 {s['content_exact']['f1']:.3f} / overlap F1 {s['content_overlap']['f1']:.3f}"
        )

    s = result["scores"]
    return [
        f"baseline (direct-quote rules, same run) on {result['data']}: {part(result['baseline'])}",
        f"anchor: {result['anchor']}",
        f"attribution, {result['path']} path, on {result['data']} ({result['texts']} texts): {part(s)}",
        _result(
            "attribution",
            {
                "source_exact_f1": s["source_exact"]["f1"],
                "cue_exact_f1": s["cue_exact"]["f1"],
                "content_exact_f1": s["content_exact"]["f1"],
                "content_overlap_f1": s["content_overlap"]["f1"],
            },
        ),
    ]


# ----------------------------------------------------------------------------------------------------- propaganda
def propaganda(root: str | Path, *, path: str = "product", heldback: bool = True, progress: Progress = _quiet) -> dict:
    """SI and TC on PTC; ``heldback`` scores only the held-back articles (the learned models never trained on them)."""
    from ..learned.data import splits
    from . import propaganda as P

    texts, si_gold, tc_rows = P.load(root)
    ids = sorted(set(splits()["ptc"]["heldback"]) & set(texts)) if heldback else sorted(texts)
    tc_rows = [r for r in tc_rows if r[0] in set(ids)]
    gold = {a: si_gold.get(a, []) for a in ids}
    if path == "product":
        from ..analyzers.language import LEARNED_CODE, TECHNIQUE

        # Every LNG finding the JSON report carries: the rules' (technique: the model's naming where it is better,
        # else the rule's) and the learned LNG012 spans, shown or not; ``shown``: what the text report shows.
        found: dict[str, list[tuple[int, int, str]]] = {}
        shown: dict[str, list[tuple[int, int]]] = {}
        for art, report in zip(ids, check_texts([texts[a] for a in ids], progress=progress)):
            lng = [f for f in report.findings if f.code in TECHNIQUE or f.code == LEARNED_CODE]
            found[art] = [(f.span.start, f.span.end, f.evidence.get("technique") or TECHNIQUE[f.code]) for f in lng]
            shown[art] = [(f.span.start, f.span.end) for f in lng if f.shown]
        pred = {a: [(s, e) for s, e, _ in v] for a, v in found.items()}
        tc_pred: list[str | None] = []
        for art, _, s, e in tc_rows:
            hits = Counter(lab for rs, re_, lab in found.get(art, []) if rs < e and s < re_)
            tc_pred.append(hits.most_common(1)[0][0] if hits else P.MAJORITY)
        operating = None
        si_shown = P.si_scores(gold, shown)
    else:
        from ..learned import predict, scoring

        si_shown = None
        model, encode = _learned_encode(progress)
        encoded = dict(zip(ids, encode([texts[a] for a in ids])))
        pred, rows = {}, []
        tc_pred = []
        for art in ids:
            doc, states = encoded[art]
            spans = predict.propaganda(doc, states, model.weights)
            pred[art] = [(sp.start, sp.end) for sp in spans]
            merged = P.merge(gold[art])
            for sp in spans:
                covered = sum(max(0, min(sp.end, e) - max(sp.start, s)) for s, e in merged)
                rows.append((sp.probability, covered / max(1, sp.end - sp.start) >= 0.5))
        for art, _, s, e in tc_rows:
            doc, states = encoded[art]
            tech = predict.techniques(doc, states, model.weights, [(s, e)])[0]
            tc_pred.append(tech.technique if tech else None)
        operating = scoring.operating_points(rows, sum(len(v) for v in gold.values()))
    si = P.si_scores(gold, pred)
    base = P.si_scores(gold, {a: P.baseline_si(texts[a]) for a in ids})
    labels = [r[1] for r in tc_rows]
    return {
        "task": "propaganda",
        "path": path,
        "data": f"{root} ({'held-back ' if heldback else ''}{len(ids)} articles)",
        "si": {"p": si[0], "r": si[1], "f1": si[2]},
        "si_shown": {"p": si_shown[0], "r": si_shown[1], "f1": si_shown[2]} if si_shown else None,
        "tc_micro_f1": P.tc_micro_f1(labels, tc_pred),
        "si_baseline": base[2],
        "tc_baseline": P.tc_micro_f1(labels, [P.MAJORITY] * len(labels)),
        "tc_spans": len(tc_rows),
        "operating": operating,
    }


def propaganda_lines(result: dict) -> list[str]:
    from . import propaganda as P

    si = result["si"]
    return [
        f"baseline (same run): SI intensifier lines F1 {result['si_baseline']:.3f}; TC majority class "
        f"{result['tc_baseline']:.3f}",
        f"anchor: {P.ANCHOR_SI}; {P.ANCHOR_TC}",
        f"propaganda, {result['path']} path, on {result['data']}: SI F1 {si['f1']:.3f} (P {si['p']:.3f} R "
        f"{si['r']:.3f}), TC micro-F1 {result['tc_micro_f1']:.3f} over {result['tc_spans']} gold spans",
        *(
            [
                f"SI of the spans the text report shows by default (learned spans below their operating point "
                f"hidden): F1 {shown['f1']:.3f} (P {shown['p']:.3f} R {shown['r']:.3f})"
            ]
            if (shown := result.get("si_shown"))
            else []
        ),
        _result("propaganda", {"si_f1": si["f1"], "tc_micro_f1": result["tc_micro_f1"]}),
    ]


# ------------------------------------------------------------------------------------------------------ checkthat
def checkthat(root: str | Path, *, path: str = "product", heldback: bool = True, progress: Progress = _quiet) -> dict:
    """MAP over files; each file is checked as one text of one sentence a line."""
    from ..learned.data import checkthat_documents, splits
    from .scoring import mean_average_precision

    files = splits()["checkthat"]["heldback"] if heldback else None
    docs = checkthat_documents(root, files)
    groups = []
    if path == "product":
        for (_, _, sents), report in zip(docs, check_texts([t for _, t, _ in docs], progress=progress)):
            claims = [(c.span.start, c.span.end, c.checkworthiness or 0.0) for c in report.claims]
            scores = [max((p for cs, ce, p in claims if cs < e and s < ce), default=0.0) for s, e, _, _ in sents]
            groups.append((scores, [y for _, _, y, _ in sents]))
    else:
        from ..learned import predict

        model, encode = _learned_encode(progress)
        for (_, _, sents), (doc, states) in zip(docs, encode([t for _, t, _ in docs])):
            found = predict.checkworthiness(doc, states, model.weights, [(s, e) for s, e, _, _ in sents])
            groups.append(([sc.probability for sc in found], [y for _, _, y, _ in sents]))
    rows = [(p, bool(y)) for ps, ys in groups for p, y in zip(ps, ys)]
    from ..learned.scoring import operating_points

    return {
        "task": "checkthat",
        "path": path,
        "data": f"{root} ({'held-back ' if heldback else ''}{len(docs)} files)",
        "files": len(docs),
        "map": mean_average_precision(groups),
        "operating": operating_points(rows, sum(y for _, y in rows)) if path == "learned" else None,
    }


def checkthat_lines(result: dict) -> list[str]:
    from .checkthat import ANCHOR

    return [
        "baseline: none fitted here (the TF-IDF baseline needs training data; see --cv)",
        f"anchor: {ANCHOR}",
        f"checkthat2019, {result['path']} path, MAP over {result['data']}: {result['map']:.3f}",
        _result("checkthat", {"map": result["map"]}),
    ]


# ----------------------------------------------------------------------------------------------------------- babe
def babe(root: str | Path, *, path: str = "product", progress: Progress = _quiet) -> dict:
    """Biased / Non-biased by transfer: nothing is fitted on BABE (AGPL-3.0).

    product: a sentence is Biased when presslint check reports an LNG finding in it. learned: when the propaganda
    head marks a span in it (its own decision rule, fixed on PTC, no threshold chosen on BABE).
    """
    from . import babe as B
    from .scoring import macro_f1, per_class_f1

    rows = B.read(root)
    texts = [r["text"].strip() for r in rows]
    gold = [r["label_bias"] for r in rows]
    if path == "product":
        reports = check_texts(texts, progress=progress)
        biased = [any(f.code.startswith("LNG") for f in r.findings) for r in reports]  # the JSON: learned too
        shown = [any(f.code.startswith("LNG") and f.shown for f in r.findings) for r in reports]
        shown_macro = macro_f1(gold, ["Biased" if b else "Non-biased" for b in shown], B.LABELS)
    else:
        shown_macro = None
        from ..learned import predict

        model, encode = _learned_encode(progress)
        biased = [bool(predict.propaganda(d, s, model.weights)) for d, s in encode(texts)]
    pred = ["Biased" if b else "Non-biased" for b in biased]
    base_words = B.INTENSIFIERS
    base = ["Biased" if base_words & set(t.lower().split()) else "Non-biased" for t in texts]
    return {
        "task": "babe",
        "path": path,
        "data": str(root),
        "sentences": len(texts),
        "macro_f1": macro_f1(gold, pred, B.LABELS),
        "f1": per_class_f1(gold, pred, B.LABELS),
        "baseline_macro_f1": macro_f1(gold, base, B.LABELS),
        "shown_macro_f1": shown_macro,
    }


def babe_lines(result: dict) -> list[str]:
    from .babe import ANCHOR

    return [
        f"baseline (intensifier word list, same run): macro-F1 {result['baseline_macro_f1']:.3f}",
        f"anchor: {ANCHOR}",
        f"babe, {result['path']} path, by transfer (nothing fitted on BABE), {result['sentences']} sentences in "
        f"{result['data']}: macro-F1 {result['macro_f1']:.3f}",
        *(
            [f"macro-F1 from the LNG findings the text report shows by default: {result['shown_macro_f1']:.3f}"]
            if result.get("shown_macro_f1") is not None
            else []
        ),
        _result("babe", {"macro_f1": result["macro_f1"]}),
    ]
