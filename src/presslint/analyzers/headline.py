"""Headline checks: a yes/no question the body answers "no" (HED001) or never answers (HED002), and a declarative
headline whose numbers, people or main statement the body does not carry (HED003).

The headline is its own sentence (``Article.title_span``). A question headline is read as the statement it asks
about ("Will the strike end?" -> the strike ends); body statements about the same event (related predicate, a shared
name or noun) answer it: same polarity -> yes, opposite polarity or an antonym predicate -> no, hedged -> open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.language import Language

from ..model import Finding, Span
from ..rules import Rule
from .docview import view
from .semantics import Proposition, align, doc_propositions, headline_words, is_yes_no_question, lexicon, loose_align

RULES = [
    Rule(
        "HED001",
        "question-headline-answered-no",
        "warning",
        "headline",
        "The headline asks a yes/no question that the article's own body answers 'no'.",
        "A question headline invites the reader to expect 'yes' (Betteridge's law). When the body states the "
        "opposite (an antonym predicate, or the same predicate negated) about the same event, the headline misleads "
        "readers who stop at it. The finding shows the headline's proposition, the body sentences that answer it, "
        "and why they count as 'no'.",
        "Will the strike end this week? ... Union leaders said the strike would continue into next month.",
    ),
    Rule(
        "HED002",
        "question-headline-left-open",
        "info",
        "headline",
        "The headline asks a yes/no question that the body neither confirms nor denies.",
        "A question headline that the article never answers raises a possibility without reporting it. Fires when no "
        "body statement about the headline's event is found, or when every such statement is hedged (may, could, if, "
        "whether). Lower confidence when nothing related is found at all.",
        "Is the new vaccine safe? ... Trials are expected to report next year.",
    ),
    Rule(
        "HED003",
        "headline-claim-not-in-body",
        "warning",
        "headline",
        "The headline states something (a number, a person, an event) the body does not support.",
        "Fires conservatively: a number in the headline that the body gives differently for the same thing "
        "('50 killed' vs '15 people were killed'), a person or organisation named in the headline but never in the "
        "body, or a headline event the body reports the opposite of. Title-cased headlines are not checked for "
        "names because their capitals make names unreliable.",
        "Flood kills 50 in coastal town ... Rescuers said 15 people were killed.",
    ),
]

# HED003 numbers
_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUMBER = re.compile(r"^[$€£]?(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|tn)?%?$", re.I)
_APPROXIMATE = frozenset(
    {
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "over",
        "more",
        "than",
        "up",
        "to",
        "roughly",
        "approximately",
        "least",
        "under",
        "fewer",
        "less",
        "dozens",
        "hundreds",
    }
)
EXACT_TOLERANCE = 0.02  # "1.5m" vs "1,512,000"
APPROXIMATE_TOLERANCE = 0.15  # "nearly 50" vs "48"
CONTEXT_POS = frozenset({"NOUN", "VERB"})


def _value(token: Any) -> set[float]:
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return set()
    text = token.lower_
    match = _NUMBER.match(text)
    if match:
        base = float(match.group(1).replace(",", ""))
        suffix = (match.group(2) or "").lower()
    elif text in _WORD_NUMBERS:
        base, suffix = float(_WORD_NUMBERS[text]), ""
    else:
        return set()
    values = {base}
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    scale = _SCALES.get(suffix) or (_SCALES.get(nxt.lower_) if nxt is not None else None)
    if scale:
        values.add(base * scale)
    return values


def _context(token: Any) -> str | None:
    """The word a number counts or qualifies: 'killed' in '50 killed', 'jobs' in '200 jobs'."""
    head = token.head
    while head.pos_ == "NUM" and head != head.head:
        head = head.head
    if head.pos_ in CONTEXT_POS and head != token:
        return head.lemma_.lower()
    return None


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def _title_cased(sent: Any) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) >= 0.6


def _headline_sentence(doc: Any) -> tuple[int, Any] | None:
    article = getattr(doc._, "pl_article", None)
    if article is None or not article.title_span:
        return None
    start, end = article.title_span
    for i, sent in enumerate(view(doc).sents):
        if sent.start_char < end and sent.end_char > start:
            return i, sent
        if sent.start_char >= end:
            break
    return None


def _body_start(doc: Any) -> int:
    return doc._.pl_article.body_start


def _text(doc: Any) -> str:
    return doc._.pl_article.text  # equals doc.text, without re-joining the tokens


def _main(props: list[Proposition], sent: Any) -> Proposition | None:
    root = sent.root
    for p in props:
        token = sent.doc[p.token]
        if token == root or (token.head == root and token.dep_ in ("conj", "acomp", "ccomp", "xcomp")):
            return p
    return props[0] if props else None


def _question_main(props: list[Proposition], sent: Any) -> Proposition | None:
    """The statement a yes/no question asks about. The small model often misparses questions ("Will the strike at
    the port end?" -> 'end' as a noun after 'at'), so when the parse gives no predicate our lexicons know, the last
    lexicon predicate word of the headline is taken, with the headline's words as its arguments."""
    main = _main(props, sent)
    lex = lexicon()
    if main is not None and lex.related(main.predicate):
        return main
    for token in reversed(sent[1:]):
        lemma = token.lemma_.lower()
        predicate = lex.nominals.get(lemma, lemma) if token.pos_ == "NOUN" else lemma
        if token.pos_ in ("VERB", "NOUN", "ADJ", "AUX") and lex.related(predicate):
            negated = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in sent)
            words = sent[1:-1] if sent[-1].is_punct else sent[1:]
            start, end = words.start_char, words.end_char
            return Proposition(
                sent=main.sent if main else 0,
                token=token.i,
                predicate=predicate,
                positive=not negated,
                reasons=("'not'",) if negated else (),
                subject=None,
                object=None,
                preps={},
                places=frozenset(),
                times=frozenset(),
                numbers=frozenset(),
                content=headline_words(sent),
                start=start,
                end=end,
                text=words.text,
                hedge=None,
            )
    return main


# ---------------------------------------------------------------- HED001 / HED002


def _answers(doc: Any, main: Proposition, words: frozenset[str]) -> list[dict[str, Any]]:
    lex = lexicon()
    body_start = _body_start(doc)
    answers = []
    for sent_props in doc_propositions(doc):
        for prop in sent_props:
            if prop.start < body_start:
                continue
            alignment = loose_align(main, prop, words, lex)
            if alignment is None:
                continue
            strict = align(main, prop, lex) is not None
            if prop.hedge is not None:
                answer, reason = "open", f"hedged by {prop.hedge}"
            elif prop.reasons and all("yet to" in r for r in prop.reasons):
                answer, reason = "open", "not yet: " + prop.reasons[0]  # "has yet to approve" answers "not yet"
            else:
                answer = {"conflict": "no", "agree": "yes"}.get(alignment.stance, "open")
                reason = alignment.reason
            answers.append(
                {
                    "answer": answer,
                    "reason": reason,
                    "shared": list(alignment.shared),
                    "score": len(alignment.shared) + 2 * strict,
                    "prop": prop,
                }
            )
    return answers


def _question_findings(doc: Any, sent: Any, main: Proposition) -> Iterator[Finding]:
    answers = _answers(doc, main, headline_words(sent))
    scores = {k: sum(a["score"] for a in answers if a["answer"] == k) for k in ("yes", "no", "open")}
    headline = {"text": sent.text, **main.describe()}

    def related(kind: str) -> tuple[list[Span], list[dict[str, Any]]]:
        chosen = sorted((a for a in answers if a["answer"] == kind), key=lambda a: -a["score"])[:3]
        spans = [Span.of(view(doc).sents[a["prop"].sent]) for a in chosen]
        return spans, [
            {"text": a["prop"].text, "answer": a["answer"], "reason": a["reason"], "shared": a["shared"]}
            for a in chosen
        ]

    if scores["no"] > scores["yes"]:
        spans, evidence = related("no")
        yield Finding(
            "HED001",
            "warning",
            f"The headline asks '{sent.text.strip()}', but the body answers no: '{evidence[0]['text']}' "
            f"({evidence[0]['reason']}).",
            Span.of(sent),
            related=spans,
            confidence=0.8 if scores["yes"] == 0 else 0.6,
            evidence={"headline": headline, "answers": evidence, "scores": scores},
        )
    elif scores["yes"] == 0 and scores["no"] == 0:
        spans, evidence = related("open")
        if evidence:
            message = f"The headline asks '{sent.text.strip()}'; the body only hedges: '{evidence[0]['text']}'."
        else:
            message = f"The headline asks '{sent.text.strip()}'; the body neither confirms nor denies it."
        yield Finding(
            "HED002",
            "info",
            message,
            Span.of(sent),
            related=spans,
            confidence=0.7 if evidence else 0.5,
            evidence={"headline": headline, "answers": evidence, "scores": scores},
        )


# ---------------------------------------------------------------- HED003


def _number_findings(doc: Any, sent: Any) -> Iterator[Finding]:
    body_start = _body_start(doc)
    for token in sent:
        values = _value(token)
        context = _context(token) if values else None
        if not context:
            continue
        approximate = any(t.lower_ in _APPROXIMATE for t in doc[max(sent.start, token.i - 3) : token.i])
        tolerance = APPROXIMATE_TOLERANCE if approximate else EXACT_TOLERANCE
        seen_body: list[tuple[Any, set[float]]] = []
        found = False
        v = view(doc)
        sent_lemmas: dict[int, set[str]] = {}
        for body_token in doc.char_span(body_start, len(_text(doc)), alignment_mode="expand") or ():
            body_values = _value(body_token)
            if not body_values:
                continue
            if any(_close(a, b, tolerance) for a in values for b in body_values):
                found = True
                break
            index = v.sent_index(body_token.i)
            if index not in sent_lemmas:
                sent_lemmas[index] = {t.lemma_.lower() for t in v.sents[index]}
            if context in sent_lemmas[index]:
                seen_body.append((body_token, body_values))
        if found or not seen_body:
            continue  # the body gives the number, or never counts the same thing: nothing to compare
        first = seen_body[0][0]
        yield Finding(
            "HED003",
            "warning",
            f"The headline says {token.text} ({context}); the body gives "
            f"{', '.join(t.text for t, _ in seen_body[:3])} for it and never {token.text}.",
            Span.of(token),
            related=[Span.of(view(doc).sent_of(first.i))],
            confidence=0.7,
            evidence={
                "headline_number": token.text,
                "counts": context,
                "body_numbers": [t.text for t, _ in seen_body[:5]],
                "tolerance": tolerance,
            },
        )


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _name_findings(doc: Any, sent: Any) -> Iterator[Finding]:
    if _title_cased(sent):
        return
    body = _text(doc)[_body_start(doc) :]
    body_lower = body.lower()
    for ent in view(doc).ents:
        if ent.end <= sent.start:
            continue
        if ent.start >= sent.end:
            break
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        parts = [t.text for t in ent if t.is_alpha and len(t) >= 3]
        if not parts:
            continue
        if any(re.search(rf"\b{re.escape(p.lower())}\b", body_lower) for p in parts):
            continue
        acronym = _acronym(ent.text)
        if len(acronym) >= 2 and re.search(rf"\b{re.escape(acronym)}\b", body):
            continue
        kind = "person" if ent.label_ == "PERSON" else "organisation"
        yield Finding(
            "HED003",
            "warning",
            f"The headline names {ent.text}, but the body never mentions this {kind}.",
            Span.of(ent),
            confidence=0.6,
            evidence={"name": ent.text, "label": ent.label_, "searched": parts + ([acronym] if acronym else [])},
        )


def _statement_findings(doc: Any, sent: Any, main: Proposition) -> Iterator[Finding]:
    answers = _answers(doc, main, headline_words(sent))
    against = [a for a in answers if a["answer"] == "no" and a["score"] >= 2]
    if not against or any(a["answer"] == "yes" for a in answers):
        return
    best = max(against, key=lambda a: a["score"])
    yield Finding(
        "HED003",
        "warning",
        f"The headline says '{main.text}', but the body says the opposite: '{best['prop'].text}' ({best['reason']}).",
        Span.of(sent),
        related=[Span.of(view(doc).sents[best["prop"].sent])],
        confidence=0.7,
        evidence={
            "headline": main.describe(),
            "body": best["prop"].describe(),
            "reason": best["reason"],
            "shared": best["shared"],
        },
    )


# Words that open a rhetorical headline question: "Seriously, Senator?", "Really? Another rate rise?"
RHETORICAL_OPENERS = frozenset({"seriously", "really", "honestly", "come", "oh", "wait", "hey", "again", "so", "well"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "ya"})
VOCATIVE_MAX_TOKENS = 4


def rhetorical(sent: Any) -> str | None:
    """Why a question headline is rhetorical rather than a yes/no question about an event, or None: an exclamation
    mark ('?!'), an address to a person ('..., Senator?', 'Are you kidding me?'), or an interjection that opens it
    ('Seriously?', 'Really, Minister?')."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return None
    if any(t.text in ("!", "?!", "!?") or "!" in t.text for t in tokens):
        return "exclamation"
    if any(t.lower_ in SECOND_PERSON for t in tokens):
        return "addresses someone"
    if tokens[0].lower_ in RHETORICAL_OPENERS and len(tokens) > 1 and tokens[1].text in (",", "?", "...", "…"):
        return f"opens with '{tokens[0].text}'"
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if commas:
        tail = [t for t in tokens[commas[-1] + 1 :] if not t.is_punct]
        if 0 < len(tail) <= VOCATIVE_MAX_TOKENS and all(
            t.pos_ == "PROPN" or t.text[:1].isupper() or t.lower_ in ("mr", "mrs", "ms", "dr") for t in tail
        ):
            return "addresses someone"  # "..., Senator?", "..., Mr Prime Minister?"
    return None


def find_headline_findings(doc: Any) -> Iterator[Finding]:
    located = _headline_sentence(doc)
    if located is None or _body_start(doc) >= len(_text(doc)):
        return
    index, sent = located
    props = doc_propositions(doc)[index]
    if sent.text.rstrip().endswith("?") and rhetorical(sent):
        return  # "Seriously, Senator?", "Are you kidding me?!": a jab or an appeal, not a question the body answers
    if is_yes_no_question(sent):
        main = _question_main(props, sent)
        if main is not None:
            yield from _question_findings(doc, sent, main)
        return
    if sent.text.rstrip().endswith("?"):
        return  # an open question ("Why ...?") is answered by the article, not yes or no
    main = _main(props, sent)
    yield from _number_findings(doc, sent)
    yield from _name_findings(doc, sent)
    if main is not None and main.hedge is None:
        yield from _statement_findings(doc, sent, main)


@Language.factory("presslint_headline", default_config={}, requires=["doc.sents"], assigns=["doc._.pl_findings"])
def make_headline(nlp: Any, name: str) -> Any:
    def component(doc: Any) -> Any:
        if doc._.pl_findings is None:  # a Doc not made by nlp.prepare_doc
            doc._.pl_findings = []
        doc._.pl_findings.extend(find_headline_findings(doc))
        return doc

    return component
