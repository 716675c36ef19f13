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
    pages = read(path)[:limit] if limit else read(path)
    folder = str(path)
    progress(f"{len(pages)} pages")
    items, ours, base = [], [], []
    for page in pages:
        mine, theirs = presslint_body(page["html"], page["url"]), trafilatura_body(page["html"], page["url"])
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
        "data": folder,
        "pages": len(pages),
        "baseline": dict(zip("prf", extraction_scores(base))),
        "presslint": dict(zip("prf", extraction_scores(ours))),
        "items": items,
    }


def summary(result: dict) -> list[str]:
    b, o = result["baseline"], result["presslint"]
    return [
        f"extraction baseline trafilatura.extract: precision {b['p']:.3f} recall {b['r']:.3f} F1 {b['f']:.3f}",
        f"extraction shingle F1 ({result['pages']} pages in {result.get('data', '?')}; presslint precision "
        f"{o['p']:.3f} recall {o['r']:.3f}): baseline trafilatura {b['f']:.3f} | {ANCHOR} | presslint {o['f']:.3f}",
        f"RESULT task=extraction f1={o['f']:.3f}",
    ]
