"""Cost of the learned heads: encoder ms/article at batch sizes, against bare spaCy in the same run, RSS, cold load.

    .venv/bin/python benchmarks/learned_speed.py [--n 200] [--batch-windows 1 4 16 32]
    .venv/bin/python benchmarks/learned_speed.py --cold     # fresh process: import + load + first article

Texts are the distinct generated articles of ``benchmarks/throughput.py`` (same generator, same seed). Per batch size
it prints ms per article for the encoder alone (ONNX int8, every window of every article), for all heads on top of
the encoder's vectors, and bare ``nlp.pipe`` on the same texts; then the peak RSS of the process with both loaded.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--batch-windows", type=int, nargs="+", default=[1, 4, 16, 32])
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    if args.cold:
        code = (
            "import time; t=time.perf_counter(); from presslint import learned; m=learned.load(); "
            "d=m.encode(['The minister said the plan had failed.']); learned.attributions(d[0], model=m); "
            "learned.propaganda(d[0], model=m); learned.checkworthiness(d[0], model=m); "
            "print(f'{time.perf_counter()-t:.2f}')"
        )
        runs = [
            float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)
        ]
        print(f"cold import + load + one article through the encoder and every head: {min(runs):.2f} s (best of 3)")
        return

    from throughput import generate

    from presslint import learned
    from presslint.nlp import load_model

    texts = generate(args.n)
    words = sum(len(t.split()) for t in texts)
    before = rss_mb()
    model = learned.load()
    model.encode(texts[:2])  # open the session outside the timings
    print(
        f"{args.n} articles, {words / args.n:.0f} words each on average; RSS {before:.0f} MB before the model, "
        f"{rss_mb():.0f} MB after loading it"
    )
    nlp = load_model()
    list(nlp.pipe(texts[:8]))
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    spacy_ms = (time.perf_counter() - start) * 1000 / len(texts)
    print(f"bare spaCy nlp.pipe (batch 16): {spacy_ms:.1f} ms/article")
    for bw in args.batch_windows:
        start = time.perf_counter()
        docs = model.encode(texts, batch_windows=bw)
        enc_ms = (time.perf_counter() - start) * 1000 / len(texts)
        start = time.perf_counter()
        for d in docs:
            learned.attributions(d, model=model)
            learned.propaganda(d, model=model)
            learned.checkworthiness(d, model=model)
        heads_ms = (time.perf_counter() - start) * 1000 / len(texts)
        windows = sum(len(d.pieces.windows) for d in docs) / len(docs)
        print(
            f"batch {bw:>2} windows: encoder {enc_ms:.1f} ms/article ({windows:.1f} windows each), heads {heads_ms:.1f} "
            f"ms/article; spaCy + learned = {spacy_ms / (spacy_ms + enc_ms + heads_ms):.2f} x bare spaCy speed"
        )
    print(f"peak RSS with spaCy and the learned model loaded: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
