"""Contradictions inside one article: two statements about one event with opposite polarity (CON001), and the
same statement told twice (CON002).

Statements come from ``semantics.doc_propositions``; two are about one event only when their predicates are the
same, near-synonyms or antonyms and their subject or object match with nothing (place, date, number, a different
prepositional object) telling them apart. Hedged statements (may, if, whether, hoped to, questions) never count.
A conflict between sources ("X said ... ; Y denied ...") is exactly what CON001 surfaces. Not flagged: a statement
the narrator explicitly corrects ("in fact", "contrary to ..."), or a change over time ("later", "since", "again").
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language

from ..model import Finding, Span
from ..rules import Rule
from .semantics import Alignment, Proposition, align, doc_propositions, lexicon

RULES = [
    Rule(
        "CON001", "contradictory-statements", "warning", "contradictions",
        "Two statements in the article say opposite things about the same event.",
        "Fires when two sentences make statements about the same event (same or antonym predicate, matching subject "
        "or object, no place, date or number telling them apart) with opposite polarity: one says the mission has "
        "ended, another that it continues; one that troops will withdraw, another that they will stay. Each side is "
        "attributed to its source when a quote covers it, so an editor can see whose account conflicts with whose. "
        "Hedged statements (may, if, whether), changes over time (later, since, again) and explicit corrections "
        "(in fact, contrary to) are not flagged.",
        "The ministry said the talks had collapsed. Union leaders said the talks would continue.",
    ),
    Rule(
        "CON002", "repeated-statement", "info", "contradictions",
        "The same statement is told twice in the article.",
        "Fires when two sentences state the same thing (same predicate and polarity, matching subject and object, "
        "most content words shared), for example two sentences both announcing that the same programme has ended. "
        "Repetition pads an article and can make one claim look doubly sourced. A paraphrase followed by the "
        "direct quote it summarises is ordinary news style and is not flagged.",
        "The city council approved the new budget on Tuesday. On Tuesday the council approved the new budget.",
    ),
]

MIN_REPEAT_OVERLAP = 0.6  # share of content words two statements must have in common to count as one told twice
MIN_REPEAT_WORDS = 3  # "he left" twice is not a repeated statement


def _body_propositions(doc: Any) -> list[Proposition]:
    article = getattr(doc._, "pl_article", None)
    body_start = article.body_start if article is not None and article.title_span else 0
    props = []
    for sent_props in doc_propositions(doc):
        props.extend(p for p in sent_props if p.start >= body_start and p.hedge is None)
    return props


def _quote_of(doc: Any, prop: Proposition) -> Any:
    char = doc[prop.token].idx
    for quote in getattr(doc._, "pl_quotes", None) or ():
        if quote.content.start <= char < quote.content.end:
            return quote
    return None


def _attribution(doc: Any, prop: Proposition) -> dict[str, Any] | None:
    """Who makes the statement: the source of the quote that covers it, else the subject of a governing 'said'."""
    quote = _quote_of(doc, prop)
    if quote is not None:
        source = next((s for s in getattr(doc._, "pl_sources", None) or () if s.id == quote.source_id), None)
        if source is not None:
            return {"name": source.name, "kind": source.kind, "quote": quote.kind}
        if quote.speaker is not None:
            return {"name": quote.speaker.text, "kind": "unknown", "quote": quote.kind}
    if prop.speaker:
        return {"name": prop.speaker, "kind": "unknown", "quote": None}
    return None


def _side(doc: Any, prop: Proposition) -> dict[str, Any]:
    return {**prop.describe(), "source": _attribution(doc, prop)}


def _sentence_span(doc: Any, prop: Proposition) -> Span:
    return Span.of(doc[prop.token].sent)


def _shifted(p: Proposition, q: Proposition) -> bool:
    # A change over time ("later", "since") or a correction framed as such ("in fact") is the article telling a
    # story, not contradicting itself (markers are read per sentence in semantics._markers).
    return bool(p.markers or q.markers)


def _conflict_message(left: dict, right: dict, alignment: Alignment) -> str:
    who = ""
    if left["source"] and right["source"] and left["source"]["name"] != right["source"]["name"]:
        who = f" ({left['source']['name']} vs {right['source']['name']})"
    return (f"This statement contradicts an earlier one about the same event{who}: "
            f"'{left['text']}' vs '{right['text']}' ({alignment.reason}).")


def find_contradictions(doc: Any) -> Iterator[Finding]:
    """CON001: pairs of statements about one event with opposite polarity."""
    lex = lexicon()
    props = _body_propositions(doc)
    flagged: set[tuple[int, int]] = set()
    for j, q in enumerate(props):
        for p in props[:j]:
            if p.sent == q.sent or (p.sent, q.sent) in flagged:
                continue
            alignment = align(p, q, lex)
            if alignment is None or alignment.stance != "conflict" or _shifted(p, q):
                continue
            left, right = _side(doc, p), _side(doc, q)
            different_sources = bool(left["source"] and right["source"]
                                     and left["source"]["name"] != right["source"]["name"])
            confidence = 0.7 + 0.1 * (len(alignment.shared) > 1) + 0.1 * different_sources
            flagged.add((p.sent, q.sent))
            yield Finding(
                "CON001", "warning", _conflict_message(left, right, alignment), _sentence_span(doc, q),
                related=[_sentence_span(doc, p)], confidence=round(confidence, 2),
                evidence={"statements": [left, right], "relation": alignment.relation,
                          "reason": alignment.reason, "shared": list(alignment.shared)},
            )


def _overlap(p: Proposition, q: Proposition) -> float:
    if not p.content or not q.content:
        return 0.0
    return len(p.content & q.content) / len(p.content | q.content)


def find_repetitions(doc: Any) -> Iterator[Finding]:
    """CON002: one statement told twice (same predicate and polarity, matching arguments, most words shared)."""
    lex = lexicon()
    props = [p for p in _body_propositions(doc) if len(p.content) >= MIN_REPEAT_WORDS]
    flagged: set[int] = set()
    for j, q in enumerate(props):
        if q.sent in flagged:
            continue
        for p in props[:j]:
            if p.sent == q.sent:
                continue
            alignment = align(p, q, lex)
            if alignment is None or alignment.stance != "agree" or alignment.relation == "antonym":
                continue
            overlap = _overlap(p, q)
            if overlap < MIN_REPEAT_OVERLAP:
                continue
            quote_p, quote_q = _quote_of(doc, p), _quote_of(doc, q)
            direct_p = quote_p is not None and quote_p.kind == "direct"
            direct_q = quote_q is not None and quote_q.kind == "direct"
            if direct_p != direct_q:
                continue  # a paraphrase and the direct quote it summarises
            flagged.add(q.sent)
            yield Finding(
                "CON002", "info", f"This repeats an earlier statement: '{p.text}'.", _sentence_span(doc, q),
                related=[_sentence_span(doc, p)], confidence=round(min(0.9, 0.5 + overlap / 2), 2),
                evidence={"statements": [_side(doc, p), _side(doc, q)], "overlap": round(overlap, 2),
                          "shared_words": sorted(p.content & q.content)},
            )
            break


@Language.factory("presslint_contradictions", default_config={}, requires=["doc.sents"],
                  assigns=["doc._.pl_findings"])
def make_contradictions(nlp: Any, name: str) -> Any:
    def component(doc: Any) -> Any:
        if doc._.pl_findings is None:  # a Doc not made by nlp.prepare_doc
            doc._.pl_findings = []
        doc._.pl_findings.extend(find_contradictions(doc))
        doc._.pl_findings.extend(find_repetitions(doc))
        return doc

    return component
