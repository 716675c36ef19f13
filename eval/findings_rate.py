"""Findings per 1,000 words on news texts, overall and per rule code; optionally a sample to judge by hand.

    .venv/bin/python eval/findings_rate.py ../shared/data/polnear [--split dev] [--limit N]
    .venv/bin/python eval/findings_rate.py ../shared/data/polnear --sample 50 --seed 0 --out sample.jsonl
    .venv/bin/python eval/findings_rate.py ../shared/data/polnear --texts docs/precision-heldout-texts.json \
        [--ptc ../shared/data/ptc-semeval2020] --sample 50 --seed 2026 --out sample.jsonl

Layout read: DATA_PATH/<split>/text/<name>.txt (headline, blank line, paragraphs) and DATA_PATH/metadata.tsv
(filename, publication_date, author, wire, ...), used for each article's date and byline (the wire service when no
author is named). The first line is passed as the headline, without the full stop PolNeAR adds to it; a news
database's "ABSTRACT. ... FULL TEXT." preamble (NYT texts) is dropped. The .ann
attribution files are not used here. PolNeAR is political news from 2016 (many outlets, wire copy included), so the
rate says how noisy presslint is on ordinary news; the JSONL sample is for a human to mark each finding right or
wrong.

--texts reads a fixed list instead of a whole split: a JSON object with "polnear_dev" and "polnear_train" (PolNeAR
file names of that split, read as above) and "ptc_train" (PTC article ids, read from PTC/train-articles/article<ID>.txt: title line, blank line,
one sentence a line; the first line is the headline, and PTC has no byline or date) and "zyte" (page ids of the Zyte
article-extraction benchmark, read from ZYTE/html/<id>.html.gz through presslint's own HTML extraction, with the
page's URL from ground-truth.json: what `presslint check page.html` reads, byline and date included) and "fnc1" (Body
IDs of FNC/dev_bodies.csv: a news body with no headline, byline or date, checked as a pasted body is). Every text goes through
``presslint.check_articles`` with the default settings and no store: the checker and rule selection that
``presslint check`` uses, so the findings are what a user is shown.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CONTEXT_CHARS = 160


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def load_articles(root: Path, split: str, limit: int | None = None, names: list[str] | None = None):
    """PolNeAR texts of a split (all of them, or the given file names in that order) as Articles."""
    folder = root / split / "text"
    if not folder.is_dir():
        sys.exit(f"no texts at {folder} (expected DATA_PATH/<split>/text/*.txt)")
    meta = read_metadata(root)
    if names is not None:
        paths = [folder / name for name in names]
        if missing := [p.name for p in paths if not p.is_file()]:
            sys.exit(f"{len(missing)} listed PolNeAR texts not in {folder}: {', '.join(missing[:5])}")
    else:
        paths = sorted(folder.glob("*.txt"))
    for path in paths[:limit] if limit else paths:
        yield polnear_article(path, meta.get(path.stem, {}))


def polnear_article(path: Path, row: dict[str, str]):
    from presslint.ingest import from_text

    date = row.get("publication_date") or None
    title, body = split_headline(path.read_text(encoding="utf-8"))
    return from_text(drop_abstract(body), origin=str(path), title=title, date=date, byline=byline_of(row))


def ptc_articles(root: Path, ids: list[str]):
    """PTC articles by id: the first line is the title (PTC's layout), the rest the body; no byline, no date."""
    folder = root / "train-articles"
    paths = [folder / f"article{art}.txt" for art in ids]
    if missing := [p.name for p in paths if not p.is_file()]:
        sys.exit(f"{len(missing)} listed PTC articles not in {folder}: {', '.join(missing[:5])}")
    for path in paths:
        yield ptc_article(path)


def ptc_article(path: Path):
    from presslint.ingest import from_text

    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    return from_text(body.lstrip("\n"), origin=str(path), title=first.strip() or None)


def zyte_articles(root: Path, ids: list[str]):
    """Real web pages by id, extracted as `presslint check page.html` extracts them (a page with no article text is
    skipped and counted on stderr, as the CLI would report E106 and go on)."""
    import gzip

    from presslint.errors import PresslintError
    from presslint.ingest import from_html

    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page in ids:
        path = root / "html" / f"{page}.html.gz"
        if not path.is_file():
            sys.exit(f"listed Zyte page not in {root / 'html'}: {path.name}")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        try:
            yield from_html(html, url=truth.get(page, {}).get("url"), origin=str(path))
        except PresslintError as err:
            print(f"skipped {path.name}: {err}", file=sys.stderr)


def fnc1_articles(root: Path, ids: list[str]):
    """FNC-1 bodies by Body ID: the body alone, as a user pasting it would check it (FNC-1 keeps no headline of its
    own: its headlines are other outlets' claims paired with the body)."""
    from presslint.ingest import from_text

    csv.field_size_limit(1 << 30)
    path = root / "dev_bodies.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    if missing := [i for i in ids if i not in bodies]:
        sys.exit(f"{len(missing)} listed FNC-1 bodies not in {path}: {', '.join(missing[:5])}")
    for body_id in ids:
        yield from_text(bodies[body_id], origin=f"{path}#{body_id}")


def listed_articles(
    listing: Path,
    polnear: Path,
    ptc: Path,
    zyte: Path | None = None,
    limit: int | None = None,
    fnc1: Path | None = None,
):
    """The texts a --texts file names: its Zyte pages, its PolNeAR dev and train texts, its PTC articles, then its
    FNC-1 bodies."""
    listed = json.loads(listing.read_text(encoding="utf-8"))
    pages = [str(page) for page in listed.get("zyte", [])]
    if pages and zyte is None:
        sys.exit("the list names Zyte pages: give --zyte")
    articles = list(zyte_articles(zyte, pages)) if zyte is not None and pages else []
    articles += [
        article
        for split in ("dev", "train")
        if listed.get(f"polnear_{split}")
        for article in load_articles(polnear, split, names=list(listed[f"polnear_{split}"]))
    ]
    articles += ptc_articles(ptc, [str(art) for art in listed.get("ptc_train", [])])
    if listed.get("fnc1"):
        if fnc1 is None:
            sys.exit("the list names FNC-1 bodies: give --fnc1")
        articles += fnc1_articles(fnc1, [str(body) for body in listed["fnc1"]])
    return articles[:limit] if limit else articles


def split_headline(raw: str) -> tuple[str, str]:
    """The first line is always the headline here. PolNeAR ends it with a full stop (or a cut-off "; ") that the
    outlet's headline did not have; left on, presslint would read the headline as the lede's first sentence."""
    first, _, body = raw.partition("\n")
    title = first.strip()
    if title.endswith((".", ";")) and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title, body.lstrip("\n")


# A news database's record around the article (PolNeAR's NYT texts): an "ABSTRACT." line, the abstract (a summary
# that often copies a body sentence), then "FULL TEXT." before the article itself.
_ABSTRACT = re.compile(r"^ABSTRACT\.[ \t]*\n.*?^FULL TEXT\.[ \t]*\n+", re.M | re.S)


def drop_abstract(body: str) -> str:
    """The body without the database's ABSTRACT ... FULL TEXT. preamble: the abstract is not the outlet's text, and
    left in, presslint reads its copy of a body sentence as a statement told twice (as the headline's added stop,
    it is the corpus's layout, not the article)."""
    return _ABSTRACT.sub("", body, count=1)


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


def run(articles_in: Iterable[Any], genres: list[dict] | None = None):
    """Check the articles with the product's checker and default settings: (articles, words, per code, records,
    words and findings per corpus); each article's genre call appended to ``genres`` when given."""
    import presslint
    from presslint import Settings

    words = 0
    by_corpus: dict[str, Counter[str]] = {}
    per_code: Counter[str] = Counter()
    records: list[dict] = []
    articles = 0
    for report in presslint.check_articles(articles_in, settings=Settings(store=False), jobs=1):
        articles += 1
        text = report.article.text
        genre = (getattr(report, "genre", None) or [None])[0]  # None: a presslint without the genre check
        if genres is not None:
            genres.append(
                {
                    "file": Path(report.article.origin or "?").name,
                    "title": report.article.title,
                    "kind": genre.kind if genre else None,
                    "form": genre.form if genre else None,
                    "cues": [c.note for c in genre.cues] if genre else [],
                    "shown": sum(f.shown for f in report.findings),
                    "hidden": [f.code for f in report.findings if not f.shown],
                }
            )
        words += len(text.split())
        tally = by_corpus.setdefault(corpus_of(report.article.origin), Counter())
        # What a user is shown: learned findings below their operating point stay in the JSON only (--all).
        shown = [f for f in report.findings if f.shown]
        tally.update(articles=1, words=len(text.split()), findings=len(shown))
        for f in shown:
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
    return articles, words, per_code, records, by_corpus


def corpus_of(origin: str | None) -> str:
    """Which data set a text came from: Zyte pages are .html.gz, PTC keeps articles in train-articles/, PolNeAR in
    text/."""
    if origin and origin.endswith(".html.gz"):
        return "zyte"
    if origin and "dev_bodies.csv#" in origin:
        return "fnc1"
    return "ptc" if origin and Path(origin).parent.name == "train-articles" else "polnear"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_path", type=Path, help="PolNeAR folder, e.g. ../shared/data/polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument(
        "--texts",
        type=Path,
        help="JSON list of texts to read instead of a split: PolNeAR dev names and PTC train ids "
        "(e.g. docs/precision-heldout-texts.json)",
    )
    parser.add_argument(
        "--ptc", type=Path, help="PTC folder for --texts (default: ptc-semeval2020 beside the PolNeAR folder)"
    )
    parser.add_argument("--zyte", type=Path, help="Zyte folder for --texts (default: zyte beside the PolNeAR folder)")
    parser.add_argument("--fnc1", type=Path, help="FNC-1 folder for --texts (default: fnc1 beside the PolNeAR folder)")
    parser.add_argument(
        "--sample-skip",
        default="",
        help="codes left out of the --sample draw, comma-separated (e.g. HYG001,HYG002 on corpora that keep no byline)",
    )
    parser.add_argument("--limit", type=int, help="only the first N texts (quick runs)")
    parser.add_argument("--sample", type=int, help="write N randomly sampled findings as JSONL for human judging")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="JSONL file for --sample (default: stdout)")
    parser.add_argument("--all-findings", type=Path, help="also write every finding as JSONL here (outside the repo)")
    parser.add_argument(
        "--genres", type=Path, help="also write each article's genre call (news, opinion, analysis) as JSONL here"
    )
    args = parser.parse_args(argv)

    if args.texts:
        ptc = args.ptc or args.data_path.parent / "ptc-semeval2020"
        zyte = args.zyte or args.data_path.parent / "zyte"
        fnc1 = args.fnc1 or args.data_path.parent / "fnc1"
        source = listed_articles(args.texts, args.data_path, ptc, zyte, args.limit, fnc1)
        label = args.texts.name
    else:
        source = load_articles(args.data_path, args.split, args.limit)
        label = args.split
    genres: list[dict] | None = [] if args.genres else None
    articles, words, per_code, records, by_corpus = run(source, genres)
    if args.genres and genres is not None:
        args.genres.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in genres), encoding="utf-8")
        calls = Counter(g["kind"] for g in genres)
        print("genres: " + ", ".join(f"{kind} {n}" for kind, n in sorted(calls.items(), key=str)))
    total = sum(per_code.values())
    per_k = 1000 / words if words else 0.0
    print(f"{label}: {articles} articles, {words:,} words, {total} findings = {total * per_k:.2f} per 1,000 words")
    if len(by_corpus) > 1:
        for name, t in sorted(by_corpus.items()):
            rate = 1000 * t["findings"] / t["words"] if t["words"] else 0.0
            print(f"  {name}: {t['articles']} articles, {t['words']:,} words, {t['findings']} findings = {rate:.2f}")
    for code, count in sorted(per_code.items()):
        print(f"  {code:8s} {count:6d}  {count * per_k:6.2f} per 1,000 words")
    if args.all_findings:
        args.all_findings.write_text(
            "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records), encoding="utf-8"
        )
    if args.sample:
        skip = {code.strip() for code in args.sample_skip.split(",") if code.strip()}
        pool = [r for r in records if r["code"] not in skip]
        sample = random.Random(args.seed).sample(pool, k=min(args.sample, len(pool)))
        lines = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in sample)
        if args.out:
            args.out.write_text(lines, encoding="utf-8")
            print(f"wrote {len(sample)} sampled findings to {args.out}")
        else:
            sys.stdout.write(lines)
    print(
        f"SUMMARY findings_rate texts={label} articles={articles} words={words} "
        f"per1000={total * per_k:.2f} codes={len(per_code)}"
    )


if __name__ == "__main__":
    main()
