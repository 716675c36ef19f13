"""The second operating point of the learned propaganda spans: writer's-voice spans with a word of judgement.

    .venv/bin/python eval/learned_language_point.py ../shared/data/ptc-semeval2020            # held-back PTC fold
    .venv/bin/python eval/learned_language_point.py ../shared/data/ptc-semeval2020 --train    # PTC train (flattering)

Runs presslint's pipeline (heads on) over the PTC articles the shipped head never trained on (the held-back fold in
learned/splits.json) and prints, by probability threshold, the precision (SemEval SI character credit: the share of
a span's characters inside a gold propaganda span) of the LNG012 spans the product adds: all of them, and the ones
``analyzers/voice.py`` reads as the writer's own judgement (the technique is loaded language, name-calling,
exaggeration or fear; not quoted, attributed or mentioned; a word of judgement in the span). Three precisions: SI
character credit, the share of spans that touch a gold span (what a reader judges: is the flagged passage
propaganda?), and the share whose first cue word lies inside a gold span. language.VOICED_SHOW_AT is the lowest
threshold where the voiced spans that touch a gold span reach 0.8 over at least MIN_SPANS spans (PTC's gold misses
some loaded words, so this is a lower bound; the span boundaries are the model's, so SI credit is lower). Not a
test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)]  # 0.50 .. 0.95
MIN_SPANS = 20


def _cue_in_gold(text: str, f, gold) -> float:
    """1.0 when the first cue word of a voiced span lies inside a gold span (0.0 otherwise or with no cue)."""
    cues = f.evidence.get("voice_cues") or []
    if not cues:
        return 0.0
    word = cues[0][0]
    at = text.find(word, f.span.start, f.span.end)
    if at < 0:
        return 0.0
    from presslint.evaluation import propaganda as P

    return float(P._covered((at, at + len(word)), gold) > 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", help="the PTC folder (train-articles/, train-labels-SI.tsv)")
    parser.add_argument("--train", action="store_true", help="PTC train minus the held-back fold (the head's data)")
    parser.add_argument("--dump", type=argparse.FileType("w"), help="write every LNG012 span as JSONL here")
    args = parser.parse_args()

    from operating_points import _docs

    from presslint.evaluation import propaganda as P
    from presslint.learned.data import splits

    texts, si_gold, _ = P.load(args.data)
    held = set(splits()["ptc"]["heldback"])
    ids = sorted(a for a in texts if (a not in held) == args.train)
    rows = []  # (probability, voiced, technique, credit, finding)
    extra = []  # (the span touches a gold span, its first cue word lies inside one)
    for art, doc in zip(ids, _docs([texts[a] for a in ids], lambda m: print(m, file=sys.stderr))):
        gold = P.merge(si_gold.get(art, []))
        for f in doc._.pl_findings:
            if f.code != "LNG012":
                continue
            credit = P._covered((f.span.start, f.span.end), gold) / max(1, f.span.end - f.span.start)
            touches = float(P._covered((f.span.start, f.span.end), gold) > 0)
            cue_in = _cue_in_gold(doc.text, f, gold)
            rows.append((f.confidence, bool(f.evidence.get("writers_voice")), f.evidence["technique"], credit, f))
            extra.append((touches, cue_in))
            if args.dump:
                args.dump.write(
                    json.dumps(
                        {
                            "article": art,
                            "p": f.confidence,
                            "voiced": f.evidence.get("writers_voice"),
                            "tech": f.evidence["technique"],
                            "span": f.span.text,
                            "cues": f.evidence.get("voice_cues"),
                            "credit": round(credit, 2),
                            "touches": touches,
                            "cue_in_gold": cue_in,
                        }
                    )
                    + "\n"
                )
    print(f"PTC {'train minus the held-back fold' if args.train else 'held-back fold'}: {len(ids)} articles")
    chosen = None
    print("precision: SI character credit / the span touches a gold span / its first cue word is inside one")
    for t in GRID:
        every = [c for p, _, _, c, _ in rows if p >= t]
        voiced = [c for p, v, _, c, _ in rows if p >= t and v]
        touch = [x for (p, v, _, _, _), x in zip(rows, extra) if p >= t and v]
        if not every:
            continue
        pv = statistics.fmean(voiced) if voiced else float("nan")
        pt = statistics.fmean(x[0] for x in touch) if touch else float("nan")
        pc = statistics.fmean(x[1] for x in touch) if touch else float("nan")
        print(
            f"  t={t:.2f}: all {len(every):4d} spans P {statistics.fmean(every):.3f} | "
            f"writer's voice + cue {len(voiced):4d} spans P {pv:.3f} / {pt:.3f} / {pc:.3f}"
        )
        if touch and pt >= 0.8 and len(voiced) >= MIN_SPANS and chosen is None:
            chosen = t
    kinds = Counter()
    right = Counter()
    for p, v, _tech, c, f in rows:
        if v and p >= (chosen or 0.5):
            for _, kind in f.evidence["voice_cues"][:1]:
                kinds[kind] += 1
                right[kind] += c
    print(
        "by first cue (from the chosen point or 0.5): " + ", ".join(f"{k} {right[k]:.1f}/{n}" for k, n in kinds.items())
    )
    print(f"\nCHOSEN voiced_show_at={chosen}")


if __name__ == "__main__":
    main()
