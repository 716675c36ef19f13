"""Time and memory of one article as it grows, up to the ``max_chars`` limit: the whole `presslint check` process.

    .venv/bin/python benchmarks/long_texts.py [--sizes 5000,25000,100000,400000,1500000] [--rounds 3]

Each text is distinct paragraphs (recombined from the fixtures as ``throughput.py`` makes them) joined into one
article of about the given size; a text over ``piece_chars`` (50,000) is checked in pieces. For each size the
command runs ``--rounds`` times in a fresh process; the line gives the median wall time, the seconds each further
100,000 characters cost since the previous size (flat when time grows linearly; start-up is paid once) and the peak
RSS of the process (polled every 20 ms). Above the limit the
article is refused at once with E112; the last line shows that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from throughput import _cli, generate  # noqa: E402

PUBDATE = "2024-06-30"


def long_text(chars: int) -> str:
    paragraphs: list[str] = []
    size, seed = 0, 0
    while size < chars:
        for text in generate(20, seed=100 + seed):
            for para in text.split("\n\n")[1:]:
                paragraphs.append(para)
                size += len(para) + 2
                if size >= chars:
                    break
            if size >= chars:
                break
        seed += 1
    return "A long report on the harbour works\n\n" + "\n\n".join(paragraphs)


def run_once(path: Path, home: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one `presslint check` process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*_cli(), "check", str(path), "--no-store", "--no-kb", "--format", "json", "--date", PUBDATE],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PRESSLINT_HOME": home},
    )
    peak = 0
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    return seconds, peak / 2**20, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000,25000,100000,400000,1500000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"`presslint check FILE` (whole process, models on, no store), {args.rounds} rounds per size")
    previous: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as home:
        for chars in [*sizes, 1_600_000]:
            path = Path(home) / f"long-{chars}.txt"
            text = long_text(chars)
            path.write_text(text, encoding="utf-8")
            runs = [run_once(path, home) for _ in range(args.rounds)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            codes = sorted({r[2] for r in runs})
            # Start-up (imports, model loading) is paid once; the growth between sizes is what must stay linear.
            per = 100_000 * (seconds - previous[1]) / (len(text) - previous[0]) if previous else float("nan")
            if len(text) <= 1_500_000:
                previous = (len(text), seconds)
            note = "refused (E112, over max_chars)" if codes == [2] and len(text) > 1_500_000 else f"exit {codes}"
            print(
                f"{len(text):>9,} characters: median {seconds:6.1f} s (min {min(r[0] for r in runs):.1f}, "
                f"max {max(r[0] for r in runs):.1f}), {per:5.2f} s per 100,000 more characters, peak RSS {peak:6.0f} MB"
                f"  {note}"
            )


if __name__ == "__main__":
    main()
