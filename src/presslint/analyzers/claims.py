"""Check-worthy claims: body sentences that assert something a fact-checker could verify.

The score is a transparent sum of features (see ``WEIGHTS``): numbers and dates make a sentence checkable, a named
entity with a factual verb, comparisons and causal links add to it; hedges and opinion markers subtract. Questions
and the headline are never claims. Each claim links the quantities and dates it contains (indices into
``doc._.pl_quantities`` / ``doc._.pl_dates``) and the source of an overlapping quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Claim, Span
from ..nlp.docview import view

WEIGHTS = {
    "base": 0.1,
    "quantity": 0.3,
    "date": 0.15,
    "entity_fact": 0.2,
    "comparative": 0.1,
    "causal": 0.2,
    "attribution": 0.05,
    "hedge": -0.15,
    "opinion": -0.25,
}
FACT_ENTITIES = frozenset(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"))
CAUSAL = frozenset(
    (
        "because",
        "cause",
        "caused",
        "causes",
        "due",
        "result",
        "led",
        "leads",
        "blamed",
        "triggered",
        "resulted",
        "owing",
        "thanks",
    )
)
HEDGES = frozenset(
    (
        "may",
        "might",
        "could",
        "reportedly",
        "allegedly",
        "possibly",
        "perhaps",
        "apparently",
        "likely",
        "unlikely",
        "seem",
        "seems",
        "seemed",
        "suggest",
        "suggests",
        "rumoured",
        "rumored",
    )
)
OPINION = frozenset(
    (
        "should",
        "must",
        "ought",
        "believe",
        "think",
        "feel",
        "hope",
        "wish",
        "shameful",
        "disgraceful",
        "wonderful",
        "terrible",
        "outrageous",
        "best",
        "worst",
    )
)
REPORTING = frozenset(("say", "tell", "state", "announce", "report", "confirm", "claim", "add", "according"))
THRESHOLD = 0.3


def _features(sent, n_quantities: int, n_dates: int, quoted: bool, has_entity: bool) -> dict[str, bool]:
    lowers = {t.lower_ for t in sent}
    has_fact_verb = any(
        t.pos_ in ("VERB", "AUX") and t.lemma_ not in ("think", "believe", "feel", "hope") for t in sent
    )
    first_person_opinion = any(t.lower_ in ("i", "we") and t.head.lemma_ in ("think", "believe", "feel") for t in sent)
    return {
        "quantity": n_quantities > 0,
        "date": n_dates > 0,
        "entity_fact": has_entity and has_fact_verb,
        "comparative": any(t.tag_ in ("JJR", "RBR", "JJS", "RBS") for t in sent),
        "causal": bool(lowers & CAUSAL),
        "attribution": quoted or any(t.lemma_ in REPORTING for t in sent),
        "hedge": bool(lowers & HEDGES),
        "opinion": bool(lowers & OPINION) or first_person_opinion,
    }


def score(features: dict[str, bool]) -> float:
    total = WEIGHTS["base"] + sum(WEIGHTS[name] for name, on in features.items() if on)
    return round(min(1.0, max(0.0, total)), 3)


def find_claims(doc, *, threshold: float = THRESHOLD) -> Iterator[Claim]:
    article = doc._.pl_article
    body_start = article.body_start if article is not None else 0
    quantities = doc._.pl_quantities or []
    dates = doc._.pl_dates or []
    quotes = doc._.pl_quotes or []
    # entity starts once, not sent.ents per sentence (that walks the whole doc each time)
    entity_tokens = {e.start for e in view(doc).ents if e.label_ in FACT_ENTITIES}
    for sent in view(doc).sents:
        text = sent.text.strip()
        if sent.end_char <= body_start or len(sent) < 5 or text.endswith("?"):
            continue
        here = Span.of(sent)
        q_idx = [i for i, q in enumerate(quantities) if here.contains(q.span)]
        d_idx = [i for i, d in enumerate(dates) if here.contains(d.span)]
        quote = next((q for q in quotes if q.content.overlaps(here)), None)
        has_entity = any(i in entity_tokens for i in range(sent.start, sent.end))
        features = _features(sent, len(q_idx), len(d_idx), quote is not None, has_entity)
        checkable = (
            features["quantity"]
            or features["date"]
            or features["entity_fact"]
            or features["comparative"]
            or features["causal"]
        )
        value = score(features)
        if not checkable or value < threshold:
            continue
        yield Claim(here, quote.source_id if quote else None, value, q_idx, d_idx)


def make_component(nlp, *, threshold: float = THRESHOLD) -> Any:
    def run(doc) -> dict[str, list]:
        return {"claims": list(find_claims(doc, threshold=threshold))}

    return run
