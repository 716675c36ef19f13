"""How the shipped learned heads are combined with the rules in `presslint check`, chosen on training data only.

    .venv/bin/python eval/operating_points.py attribution ../shared/data/polnear [--limit N]  # PolNeAR train (840 texts)
    .venv/bin/python eval/operating_points.py propaganda ../shared/data/ptc-semeval2020  # PTC train minus fold 5
    .venv/bin/python eval/operating_points.py checkworthiness ../shared/data/checkthat2019  # the 14 trained-on files

Each command runs presslint's pipeline (heads on) over the data the heads were trained on -- never the held-out
data (PolNeAR dev, the held-back PTC fold, the 5 held-back CheckThat! files), which `presslint eval` scores -- and
prints the measurements the product's settings were read from:

* attribution: precision and recall of the attributions the head adds to the rules' (a cue with its content and
  source, none touching a rule attribution), by threshold per span type (source and cue exact, content overlap),
  and the product's F1 on the same texts at each point; the chosen point is the lowest thresholds whose added spans
  keep precision >= 0.8 for every type (sources.LEARNED_MIN).
* propaganda: precision (SemEval SI character credit) of the spans the model adds where no LNG rule fired, by
  probability threshold (language.PROPAGANDA_SHOW_AT: the lowest threshold with precision >= 0.8 over at least
  MIN_SPANS spans, if any), and,
  on the rule spans that overlap a gold span, how often the rule's own technique and the model's are right, per
  rule code (language.MODEL_NAMES_TECHNIQUE).
* checkworthiness: MAP of the claims list ranked by w x head + (1 - w) x rules, with sentences the rules pass over
  listed from a head probability (claims.LEARNED_WEIGHT, LEARNED_ADD_FROM).

Training data flatters a model, so the precision read here is an upper bound; the held-out scores are in
docs/evaluation.md. Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

GRID = [round(0.3 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95
MIN_SPANS = 30  # an operating point read from fewer spans is noise (0.95: 2 spans)


def _docs(texts, progress, **heads):
    """Docs through the product's pipeline (as `presslint check` reads an eval text: first line the headline)."""
    from presslint.checker import pipeline_options
    from presslint.config import Settings
    from presslint.evaluation.product import article_of
    from presslint.nlp import load_pipeline, prepare_doc

    nlp = load_pipeline(pipeline_options(Settings(store=False, learned=heads)))
    start = time.perf_counter()
    for i, doc in enumerate(nlp.pipe((prepare_doc(nlp, article_of(t), None) for t in texts), batch_size=16)):
        if (i + 1) % 50 == 0:
            progress(f"{i + 1}/{len(texts)} texts ({time.perf_counter() - start:.0f} s)")
        yield doc


# ---------------------------------------------------------------------------------------------------- attribution
def attribution(root: str, progress, limit: int | None = None) -> None:
    from presslint.analyzers.sources import _Quotes, find_attributions, learned_attributions
    from presslint.evaluation import attribution as A
    from presslint.learned.pipe import learned_of

    items = A.load_split(root, "train")[:limit]
    rows = []  # per text: gold, rule predictions, candidates
    for (_, text, gold), doc in zip(items, _docs([t for _, t, _ in items], progress)):
        index = _Quotes(doc)
        rules = find_attributions(doc, index=index)
        learned = learned_of(doc, "attribution")
        floor = {"source": 0.0, "cue": 0.0, "content": 0.0}
        cands = learned_attributions(doc, learned, rules, index=index, min_prob=floor) if learned else []
        rows.append((text, gold, _fragments(rules), cands))
    base = A.span_scores((t, g, r) for t, g, r, _ in rows)
    # Each candidate span judged once against the gold spans no rule span already matches.
    judged = []
    for text, gold, rule, cands in rows:
        norm = {k: {A.normalise(text, f) for f in gold[k]} for k in ("source", "cue", "content")}
        ruled = {k: {A.normalise(text, f) for f in rule[k]} for k in ("source", "cue")}
        free_content = [f for f in gold["content"] if not any(_touch(f, r) for r in rule["content"])]
        for att in cands:
            q, probs = att.quote, att.learned
            frags = ((q.content.start, q.content.end),) + (
                ((att.continuation.start, att.continuation.end),) if att.continuation else ()
            )
            judged.append(
                {
                    "cue": probs["cue"],
                    "content": probs["content"],
                    "source": probs.get("speaker"),
                    "cue_ok": (n := A.normalise(text, ((q.cue.start, q.cue.end),))) in norm["cue"]
                    and n not in ruled["cue"],
                    "source_ok": q.speaker is not None
                    and (m := A.normalise(text, ((q.speaker.start, q.speaker.end),))) in norm["source"]
                    and m not in ruled["source"],
                    "content_ok": any(_touch(frags, f) for f in free_content),
                    "content_exact": A.normalise(text, frags) in norm["content"],
                }
            )
    print(
        f"PolNeAR train: {len(rows)} texts (first in name order), {len(judged)} candidate attributions the rules missed"
    )
    print(_line("rules alone", base))
    gold_n = {k: base[f"{k}_exact"]["tp"] + base[f"{k}_exact"]["fn"] for k in ("source", "cue", "content")}

    def added(tc: float, tk: float, ts: float):
        kept = [j for j in judged if j["cue"] >= tc and j["content"] >= tk]
        src = [j for j in kept if j["source"] is not None and j["source"] >= ts]
        return kept, src

    def f1(tp, pred, gold):
        p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0

    print("\ncue / content thresholds: added cues (precision exact), added contents (precision overlap), product F1")
    best = None
    for tc in GRID:
        for tk in GRID:
            kept, _ = added(tc, tk, 1.0)
            if not kept:
                continue
            pc = sum(j["cue_ok"] for j in kept) / len(kept)
            pk = sum(j["content_ok"] for j in kept) / len(kept)
            cue_f1 = f1(
                base["cue_exact"]["tp"] + sum(j["cue_ok"] for j in kept),
                base["cue_exact"]["tp"] + base["cue_exact"]["fp"] + len(kept),
                gold_n["cue"],
            )
            content_f1 = f1(
                base["content_overlap"]["tp"] + sum(j["content_ok"] for j in kept),
                base["content_overlap"]["tp"] + base["content_overlap"]["fp"] + len(kept),
                base["content_overlap"]["tp"] + base["content_overlap"]["fn"],
            )
            ok = pc >= 0.8 and pk >= 0.8
            if tc in (0.5, 0.6, 0.7, 0.75, 0.8, 0.9) and tk in (0.5, 0.6, 0.7, 0.8, 0.9):
                print(
                    f"  cue>={tc:.2f} content>={tk:.2f}: {len(kept):5d} added, cue P {pc:.3f}, content P {pk:.3f}; "
                    f"product cue F1 {cue_f1:.3f}, content overlap F1 {content_f1:.3f}{'' if ok else '  (P < 0.8)'}"
                )
            if ok and (best is None or cue_f1 + content_f1 > best[0]):
                best = (cue_f1 + content_f1, tc, tk, pc, pk, len(kept))
    if best is None:
        print("no cue/content threshold pair reaches precision 0.8 on both")
        return
    _, tc, tk, pc, pk, n = best
    print(f"chosen cue >= {tc}, content >= {tk}: {n} added, cue P {pc:.3f}, content P {pk:.3f}")
    print("\nsource threshold (with that cue/content point): added sources, precision exact, product source F1")
    chosen_s = None
    for ts in GRID:
        _, src = added(tc, tk, ts)
        if not src:
            continue
        ps = sum(j["source_ok"] for j in src) / len(src)
        sf1 = f1(
            base["source_exact"]["tp"] + sum(j["source_ok"] for j in src),
            base["source_exact"]["tp"] + base["source_exact"]["fp"] + len(src),
            gold_n["source"],
        )
        print(f"  source>={ts:.2f}: {len(src):5d} added, P {ps:.3f}, product source exact F1 {sf1:.3f}")
        if ps >= 0.8 and chosen_s is None:
            chosen_s = ts
    print(f"\nCHOSEN attribution source={chosen_s} cue={tc} content={tk} (sources.LEARNED_MIN)")


def _fragments(atts) -> dict[str, list]:
    """The rules' attributions as the product reports them (nested ones dropped, PolNeAR is univocal)."""
    from presslint.evaluation.product import quote_fragments

    return quote_fragments([a.quote for a in atts])


def _touch(a, b) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _line(label: str, s: dict) -> str:
    return (
        f"{label}: source exact F1 {s['source_exact']['f1']:.3f} (P {s['source_exact']['p']:.3f}), cue exact F1 "
        f"{s['cue_exact']['f1']:.3f}, content exact F1 {s['content_exact']['f1']:.3f}, content overlap F1 "
        f"{s['content_overlap']['f1']:.3f} (P {s['content_overlap']['p']:.3f})"
    )


# ----------------------------------------------------------------------------------------------------- propaganda
def propaganda(root: str, progress) -> None:
    from presslint.evaluation import propaganda as P
    from presslint.learned import predict
    from presslint.learned.data import splits
    from presslint.learned.pipe import learned_of

    texts, si_gold, tc_rows = P.load(root)
    ids = sorted(set(texts) - set(splits()["ptc"]["heldback"]))
    tc_by = {}
    for art, label, s, e in tc_rows:
        tc_by.setdefault(art, []).append((s, e, label))
    learned_rows = []  # (probability, precision credit)
    pred_rules: dict[str, list] = {}
    pred_model: dict[str, list] = {}
    pred_model_all: dict[str, list] = {}
    naming = Counter()  # (code, "rule"/"model") -> right
    naming_n = Counter()
    for art, doc in zip(ids, _docs([texts[a] for a in ids], progress)):
        rules = [f for f in doc._.pl_findings if f.code.startswith("LNG") and not f.learned]
        pred_rules[art] = [(f.span.start, f.span.end) for f in rules]
        learned = learned_of(doc, "propaganda")
        spans = predict.propaganda(learned.pieces, learned.states, learned.weights, probs=learned.propaganda)
        gold = P.merge(si_gold.get(art, []))
        pred_model_all[art] = [(sp.start, sp.end, sp.probability) for sp in spans]
        kept = [sp for sp in spans if not any(sp.start < f.span.end and f.span.start < sp.end for f in rules)]
        pred_model[art] = [(sp.start, sp.end, sp.probability) for sp in kept]
        for sp in kept:
            learned_rows.append((sp.probability, P._covered((sp.start, sp.end), gold) / max(1, sp.end - sp.start)))
        for f in rules:
            labels = [lab for s, e, lab in tc_by.get(art, []) if s < f.span.end and f.span.start < e]
            if not labels or "model_technique" not in f.evidence:
                continue
            naming_n[f.code] += 1
            naming[(f.code, "rule")] += f.evidence["rule_technique"] in labels
            naming[(f.code, "model")] += f.evidence["model_technique"] in labels
    gold = {a: si_gold.get(a, []) for a in ids}
    print(f"PTC train minus the held-back fold: {len(ids)} articles")
    si = P.si_scores(gold, pred_rules)
    print(f"rules alone: SI F1 {si[2]:.3f} (P {si[0]:.3f} R {si[1]:.3f})")
    print("\nlearned spans where no LNG rule fired, kept from probability t: precision (SI credit), product SI")
    chosen = None
    for t in [0.0, *GRID]:
        kept = [c for p, c in learned_rows if p >= t]
        if not kept:
            continue
        precision = statistics.fmean(kept)
        both = {a: pred_rules[a] + [(s, e) for s, e, p in pred_model[a] if p >= t] for a in ids}
        si = P.si_scores(gold, both)
        print(f"  t={t:.2f}: {len(kept):5d} spans, P {precision:.3f}; rules + these: SI F1 {si[2]:.3f} (P {si[0]:.3f})")
        if precision >= 0.8 and chosen is None and len(kept) >= MIN_SPANS:
            chosen = t
    both = {a: pred_rules[a] + [(s, e) for s, e, _ in pred_model_all[a]] for a in ids}
    si = P.si_scores(gold, both)
    print(f"rules + every model span (overlapping ones kept too): SI F1 {si[2]:.3f}")
    print("\nrule spans overlapping a gold span: the rule's technique vs the model's, right / spans")
    for code in sorted(naming_n):
        n = naming_n[code]
        r, m = naming[(code, "rule")], naming[(code, "model")]
        print(f"  {code}: rule {r}/{n} ({r / n:.2f}), model {m}/{n} ({m / n:.2f}){'  -> model' if m > r else ''}")
    model_codes = sorted(c for c in naming_n if naming[(c, "model")] > naming[(c, "rule")])
    print(f"\nCHOSEN propaganda show_at={chosen} model_names_technique={model_codes}")


# ------------------------------------------------------------------------------------------------ checkworthiness
def checkworthiness(root: str, progress) -> None:
    from presslint.analyzers.claims import find_claims
    from presslint.evaluation.scoring import mean_average_precision
    from presslint.learned.data import _tsv_files, checkthat_documents, splits
    from presslint.learned.pipe import learned_of

    held = set(splits()["checkthat"]["heldback"])
    files = [p.stem for p in _tsv_files(root) if p.stem not in held]
    docs = checkthat_documents(root, files)
    per_file = []  # (sentences [(start, end, label)], eligible [(start, end, rule value, selected, head p)])
    for (_, _, sents), doc in zip(docs, _docs([t for _, t, _ in docs], progress)):
        learned = learned_of(doc, "checkworthiness")
        scores = {(s.start, s.end): s.probability for s in learned.checkworthiness} if learned else {}
        selected = {(c.span.start, c.span.end) for c in find_claims(doc)}
        eligible = []
        for c in find_claims(doc, learned=scores, add_from=0.0):
            where = (c.span.start, c.span.end)
            eligible.append((*where, c.checkworthiness or 0.0, where in selected, scores.get(where)))
        per_file.append(([(s, e, y) for s, e, y, _ in sents], eligible))
    print(f"CheckThat! 2019 training files the head trained on: {len(per_file)}")

    def map_at(weight: float, add_from: float | None) -> float:
        groups = []
        for sents, eligible in per_file:
            claims = []
            for s, e, value, selected, p in eligible:
                if not selected and (p is None or add_from is None or p < add_from):
                    continue
                claims.append((s, e, value if p is None else weight * p + (1 - weight) * value))
            scores = [max((v for cs, ce, v in claims if cs < e and s < ce), default=0.0) for s, e, _ in sents]
            groups.append((scores, [y for _, _, y in sents]))
        return mean_average_precision(groups)

    print(f"rules alone (weight 0, no sentence added): MAP {map_at(0.0, None):.3f}")
    best = None
    for add_from in [None, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0]:
        cells = []
        for weight in [round(0.1 * i, 1) for i in range(11)]:
            value = map_at(weight, add_from)
            cells.append(f"{value:.3f}")
            if best is None or value > best[0] + 1e-9:
                best = (value, weight, add_from)
        print(f"  add_from={add_from!s:>4}: MAP for weight 0.0 .. 1.0: {' '.join(cells)}")
    print(f"\nCHOSEN checkworthiness weight={best[1]} add_from={best[2]} (MAP {best[0]:.3f} on training files)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=["attribution", "propaganda", "checkworthiness"])
    parser.add_argument("data", help="the task's data folder (polnear, ptc-semeval2020, checkthat2019)")
    parser.add_argument("--limit", type=int, help="attribution: only the first N training texts (time on 2 cores)")
    args = parser.parse_args()
    start = time.perf_counter()

    def progress(message: str) -> None:
        print(f"[{time.perf_counter() - start:5.0f}s] {message}", file=sys.stderr)

    if args.task == "attribution":
        attribution(str(Path(args.data)), progress, args.limit)
    else:
        {"propaganda": propaganda, "checkworthiness": checkworthiness}[args.task](str(Path(args.data)), progress)


if __name__ == "__main__":
    main()
