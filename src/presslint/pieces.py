"""Long texts in pieces: split an article between paragraphs, check each piece, merge the records back.

A text over ``Settings.piece_chars`` characters is cut at the last line break before each limit (or, when that
leaves a piece less than half full, after a sentence, else at a space) and every piece goes through the pipeline on its own, so time and
memory grow linearly with the text and stay bounded per piece. The merge shifts every span by its piece's offset and
renumbers what points across records (source ids, claim -> quantity/date indexes, sentence numbers). Judgements
about the whole article (rules with ``scope="article"``: no byline, a single source) are kept from the first piece
only; comparisons between distant parts (contradictions, repetition) only look within a piece, which the report
says in a notice (W009).
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import Any

from . import rules
from .model import Article, Finding, Span, map_spans


@dataclass(slots=True)
class Part:
    offset: int  # where the piece starts in the article text
    findings: list[Finding]
    records: dict[str, list[Any]]
    sentences: int  # sentences in the piece (Quantity.sentence counts them)


def split(article: Article, size: int) -> list[tuple[int, Article]]:
    """(offset, piece article) pairs covering ``article.text`` exactly; one pair when it is short enough."""
    text = article.text
    if len(text) <= size:
        return [(0, article)]
    cuts, pos = [0], 0
    while len(text) - pos > size:
        # After the last line break of the window (a piece ends with its paragraph), unless that leaves the piece
        # less than half full (a headline alone, one giant paragraph): then after a sentence, else at a space.
        half = pos + size // 2
        cut = text.rfind("\n", half, pos + size) + 1
        if cut <= half:
            cut = text.rfind(". ", half, pos + size) + 2
        if cut <= half:
            cut = text.rfind(" ", half, pos + size) + 1
        if cut <= half:
            cut = pos + size
        cuts.append(cut)
        pos = cut
    cuts.append(len(text))
    out = []
    for k, (start, end) in enumerate(itertools.pairwise(cuts)):
        first = k == 0
        piece = dataclasses.replace(
            article,
            text=text[start:end],
            title=article.title if first else None,
            title_span=article.title_span if first and article.title_span and article.title_span[1] <= end else None,
            meta={**article.meta, "piece": k},
        )
        out.append((start, piece))
    return out


def _shifted(offset: int) -> Any:
    return lambda span: dataclasses.replace(span, start=span.start + offset, end=span.end + offset)


def merge(parts: list[Part]) -> tuple[list[Finding], dict[str, list[Any]]]:
    """One article's findings and records from its pieces' (in order)."""
    if len(parts) == 1:
        return parts[0].findings, parts[0].records
    catalogue = rules.catalogue()
    findings: list[Finding] = []
    records: dict[str, list[Any]] = {name: [] for name in parts[0].records}
    sources = quantities = dates = sentences = 0
    for k, part in enumerate(parts):
        shift = _shifted(part.offset)
        for finding in part.findings:
            rule = catalogue.get(finding.code)
            if k and rule is not None and rule.scope == "article":
                continue
            findings.append(map_spans(finding, shift))
        for name, items in part.records.items():
            for item in items:
                item = map_spans(item, shift)
                if name == "sources":
                    item.id += sources
                elif name in ("quotes", "claims") and item.source_id is not None:
                    item.source_id += sources
                if name == "claims":
                    item.quantities = [i + quantities for i in item.quantities]
                    item.dates = [i + dates for i in item.dates]
                if name == "quantities" and item.sentence is not None:
                    item.sentence += sentences
                records[name].append(item)
        sources += len(part.records.get("sources", []))
        quantities += len(part.records.get("quantities", []))
        dates += len(part.records.get("dates", []))
        sentences += part.sentences
    return findings, records


__all__ = ["Part", "Span", "merge", "split"]
