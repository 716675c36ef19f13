"""Findings per 1,000 words on the PolNeAR news texts, overall and per rule code; optionally a sample to judge by hand.

    .venv/bin/python eval/findings_rate.py ../shared/data/polnear [--split dev] [--limit N]
    .venv/bin/python eval/findings_rate.py ../shared/data/polnear --sample 50 --seed 0 --out sample.jsonl

Layout read: DATA_PATH/<split>/text/<name>.txt (headline, blank line, paragraphs) and DATA_PATH/metadata.tsv
(filename, publication_date, author, wire, ...), used for each article's date and byline (the wire service when no
author is named). The first line is passed as the headline, without the full stop PolNeAR adds to it. The .ann
attribution files are not used here. PolNeAR is political news from 2016 (many outlets, wire copy included), so the
rate says how noisy presslint is on ordinary news; the JSONL sample is for a human to mark each finding right or
wrong.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

CONTEXT_CHARS = 160


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def load_articles(root: Path, split: str, limit: int | None = None):
    from presslint.ingest import from_text

    folder = root / split / "text"
    if not folder.is_dir():
        sys.exit(f"no texts at {folder} (expected DATA_PATH/<split>/text/*.txt)")
    meta = read_metadata(root)
    paths = sorted(folder.glob("*.txt"))[:limit] if limit else sorted(folder.glob("*.txt"))
    for path in paths:
        row = meta.get(path.stem, {})
        date = row.get("publication_date") or None
        title, body = split_headline(path.read_text(encoding="utf-8"))
        yield from_text(body, origin=str(path), title=title, date=date, byline=byline_of(row))


def split_headline(raw: str) -> tuple[str, str]:
    """The first line is always the headline here. PolNeAR ends it with a full stop (or a cut-off "; ") that the
    outlet's headline did not have; left on, presslint would read the headline as the lede's first sentence."""
    first, _, body = raw.partition("\n")
    title = first.strip()
    if title.endswith((".", ";")) and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title, body.lstrip("\n")


def byline_of(row: dict[str, str]) -> str | None:
    """The author, else the wire service credited (AP, Reuters...): wire copy carries the agency as its byline."""
    for key in ("author", "wire"):
        value = (row.get(key) or "").strip()
        if value and value not in ("None", "NA"):
            return value
    return None


def sentence_context(text: str, start: int, end: int) -> str:
    """The line (a paragraph: sentences never cross lines) around the span, trimmed to CONTEXT_CHARS each side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left, right = max(line_start, start - CONTEXT_CHARS), min(line_end, end + CONTEXT_CHARS)
    return ("…" if left > line_start else "") + text[left:right] + ("…" if right < line_end else "")


def run(root: Path, split: str, limit: int | None, batch_size: int):
    import presslint
    from presslint import Settings

    words = 0
    per_code: Counter[str] = Counter()
    records: list[dict] = []
    articles = 0
    for report in presslint.check_articles(
        load_articles(root, split, limit), settings=Settings(store=False), batch_size=batch_size
    ):
        articles += 1
        text = report.article.text
        words += len(text.split())
        for f in report.findings:
            per_code[f.code] += 1
            records.append(
                {
                    "code": f.code,
                    "name": f.name,
                    "severity": f.severity,
                    "message": f.message,
                    "span": f.span.text,
                    "start": f.span.start,
                    "end": f.span.end,
                    "related": [r.text for r in f.related],
                    "confidence": f.confidence,
                    "context": sentence_context(text, f.span.start, f.span.end),
                    "file": Path(report.article.origin or "?").name,
                    "evidence": f.evidence,
                }
            )
    return articles, words, per_code, records


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_path", type=Path, help="PolNeAR folder, e.g. ../shared/data/polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, help="only the first N texts (quick runs)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--sample", type=int, help="write N randomly sampled findings as JSONL for human judging")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="JSONL file for --sample (default: stdout)")
    args = parser.parse_args(argv)

    articles, words, per_code, records = run(args.data_path, args.split, args.limit, args.batch_size)
    total = sum(per_code.values())
    per_k = 1000 / words if words else 0.0
    print(f"{args.split}: {articles} articles, {words:,} words, {total} findings = {total * per_k:.2f} per 1,000 words")
    for code, count in sorted(per_code.items()):
        print(f"  {code:8s} {count:6d}  {count * per_k:6.2f} per 1,000 words")
    if args.sample:
        sample = random.Random(args.seed).sample(records, k=min(args.sample, len(records)))
        lines = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in sample)
        if args.out:
            args.out.write_text(lines, encoding="utf-8")
            print(f"wrote {len(sample)} sampled findings to {args.out}")
        else:
            sys.stdout.write(lines)
    print(
        f"SUMMARY findings_rate split={args.split} articles={articles} words={words} "
        f"per1000={total * per_k:.2f} codes={len(per_code)}"
    )


if __name__ == "__main__":
    main()
