"""Article body extraction on the Zyte article-extraction-benchmark layout.

``DATA_PATH/ground-truth.json`` maps a page id to ``{"articleBody": ..., "url": ...}``; ``DATA_PATH/html/<id>.html.gz``
holds the page. presslint's method: :func:`presslint.ingest.from_html`, body only (the headline line it puts on top
is left out: ``Article.text[Article.body_start:]``). Baseline: plain ``trafilatura.extract`` with comments off.
Score: precision/recall/F1 over 4-word shingle multisets (:func:`scoring.extraction_scores`, as the benchmark's
``evaluate.py``). A page presslint rejects (E106: no article text) counts as an empty extraction.
"""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

from .scoring import extraction_scores, shingle_counts

ANCHOR = "anchor trafilatura 0.958"


def read(path: str | Path) -> list[dict]:
    root = Path(path)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        file = root / "html" / f"{page_id}.html.gz"
        if not file.exists():
            file = root / "html" / f"{page_id}.html"
        raw = gzip.decompress(file.read_bytes()) if file.suffix == ".gz" else file.read_bytes()
        pages.append(
            {
                "id": page_id,
                "url": item.get("url"),
                "expected": item.get("articleBody") or "",
                "html": raw.decode("utf-8", errors="replace"),
            }
        )
    return pages


def presslint_body(html: str, url: str | None = None) -> str:
    from ..errors import PresslintError
    from ..ingest import from_html

    try:
        article = from_html(html, url=url)
    except PresslintError:
        return ""
    return article.text[article.body_start :].strip()


def trafilatura_body(html: str, url: str | None = None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def evaluate(path: str | Path, *, limit: int | None = None, progress=lambda msg: None) -> dict:
    folder = Path(path).resolve()
    pages = read(folder)[:limit] if limit else read(folder)
    progress(f"{len(pages)} pages from {folder}")
    items, ours, base = [], [], []
    seconds = {"presslint": 0.0, "baseline": 0.0}
    for page in pages:
        started = time.perf_counter()
        mine = presslint_body(page["html"], page["url"])
        middle = time.perf_counter()
        theirs = trafilatura_body(page["html"], page["url"])
        seconds["presslint"] += middle - started
        seconds["baseline"] += time.perf_counter() - middle
        c_mine, c_base = shingle_counts(mine, page["expected"]), shingle_counts(theirs, page["expected"])
        ours.append(c_mine)
        base.append(c_base)
        items.append(
            {
                "id": page["id"],
                "url": page["url"],
                "presslint": extraction_scores([c_mine]),
                "baseline": extraction_scores([c_base]),
                "presslint_chars": len(mine),
                "baseline_chars": len(theirs),
                "expected_chars": len(page["expected"]),
            }
        )
    return {
        "task": "extraction",
        "data": str(folder),
        "trafilatura": _trafilatura_version(),
        "ms_per_page": {k: round(1000 * v / max(1, len(pages)), 1) for k, v in seconds.items()},
        "pages": len(pages),
        "baseline": dict(zip("prf", extraction_scores(base))),
        "presslint": dict(zip("prf", extraction_scores(ours))),
        "items": items,
    }


def _trafilatura_version() -> str:
    from importlib.metadata import version

    return version("trafilatura")


def summary(result: dict) -> list[str]:
    b, o = result["baseline"], result["presslint"]
    ms = result.get("ms_per_page", {})
    ratio = o["f"] / b["f"] if b["f"] else float("nan")
    return [
        f"extraction data: {result.get('data', '?')} ({result['pages']} pages)",
        f"extraction baseline trafilatura.extract {result.get('trafilatura', '')}: precision {b['p']:.3f} "
        f"recall {b['r']:.3f} F1 {b['f']:.3f} ({ms.get('baseline', 0):.0f} ms/page)",
        f"extraction presslint (ingest.from_html): precision {o['p']:.3f} recall {o['r']:.3f} F1 {o['f']:.3f} "
        f"({ms.get('presslint', 0):.0f} ms/page)",
        f"extraction shingle F1 ({result['pages']} pages): baseline trafilatura {b['f']:.3f} | {ANCHOR} | "
        f"presslint {o['f']:.3f} (ratio to baseline {ratio:.3f})",
        f"RESULT task=extraction f1={o['f']:.3f}",
    ]
