"""Story clustering on FNC-1 dev: `python eval/clustering.py ../shared/data/fnc1 [--json OUT]`.

Prints one summary line per metric (see presslint.evaluation.clustering). Not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from presslint.evaluation import clustering


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", help="folder with dev_stances.csv and dev_bodies.csv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", help="write the full result here")
    args = parser.parse_args()
    start = time.perf_counter()
    result = clustering.evaluate(args.data, folds=args.folds, progress=lambda m: print(m, file=sys.stderr))
    for line in clustering.summary(result):
        print(line)
    print(f"({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=2)


if __name__ == "__main__":
    main()
