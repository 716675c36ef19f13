"""Headline checks: a yes/no question the body answers "no" (HED001) or never answers (HED002), and a declarative
headline whose numbers, people or main statement the body does not carry (HED003).

The headline is its own sentence (``Article.title_span``). A question headline is read as the statement it asks
about ("Will the strike end?" -> the strike ends); body statements about the same event (related predicate, a shared
name or noun) answer it: same polarity -> yes, opposite polarity or an antonym predicate -> no, hedged -> open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..model import Finding, Span
from ..nlp.blockquotes import block_quotations
from ..nlp.docview import view
from ..nlp.lexicons import expand, read_text
from ..nlp.numberwords import SCALES as WORD_SCALES
from ..nlp.numberwords import cardinals
from ..nlp.semantics import (
    Proposition,
    align,
    doc_propositions,
    headline_words,
    is_yes_no_question,
    lexicon,
    loose_align,
)
from ..rules import Rule
from .sources import quote_spans

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
        "('50 killed' vs '15 people were killed'), a headline figure the body never gives nor comes near ('500 "
        "arrested' over a body that counts no arrests; not a number in a name, 'Boeing 737', nor the count of the "
        "article's own list, '5 things to know'), a plural count far above every count in the body ('Thousands "
        "flee' over 'about 200 residents were evacuated'), a person or organisation named in the headline but never "
        "in the body, or a headline event the body reports the opposite of. Title-cased headlines are not checked "
        "for names because their capitals make names unreliable.",
        "Flood kills 50 in coastal town ... Rescuers said 15 people were killed.",
    ),
    Rule(
        "HED004",
        "headline-stronger-than-body",
        "warning",
        "headline",
        "The headline uses a stronger word than the body for the same people or events.",
        "Fires when the headline calls people or events by a word that carries a judgement or a legal charge "
        "('terrorists', 'massacre', 'riot', 'murdered', 'regime', 'fraud') that the body never uses, while the body "
        "describes them with a milder word from the same row of the project's list ('fighters', 'killings', "
        "'protest', 'killed', 'government', 'irregularities'). A reader who stops at the headline takes away a "
        "charge the reporting does not make. Words in the headline's own quotation marks are someone's words and "
        "are left to HED005, and a strong word the headline denies ('No cure for hay fever') does not fire. Ordinary "
        "headlinese ('slams', 'soars') is not listed.",
        "Terrorists storm border town ... Armed fighters entered the town at dawn, police said.",
    ),
    Rule(
        "HED005",
        "headline-quote-not-in-body",
        "warning",
        "headline",
        "The headline puts quotation marks around words nobody says in the body.",
        "Quotation marks in a headline tell the reader someone said exactly those words. Fires when the quoted "
        "words (allowing case, punctuation, an ellipsis and a word or two trimmed between them) appear in none of "
        "the body's quotations, block quotations set off by a colon or carried over several lines included; the "
        "message says whether the body has them only in its own narration or not at all. A quoted term of up to "
        "three words counts as found when the body uses it anywhere (such scare quotes are LNG004's business), a "
        "one-word quotation one letter away from a word of the body is a pun ('Sinod' for 'synod'), and a "
        "title-cased name the body gives as such ('The 411') is a name, not a quotation.",
        "Mayor calls budget 'a betrayal of the city' ... The mayor said the budget was \"badly flawed\".",
    ),
]

# HED003 numbers
_WORD_NUMBERS = {
    **cardinals(2, 12),
    "dozen": 12,
    **cardinals(20, 50),
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
}
_SCALES = {k: v for k, v in WORD_SCALES.items() if k != "b"}  # a lone 'B' in a headline is a letter ('Plan B')
# '1.5bn', '$33M' and, run together in some copy, '$33million'
_NUMBER = re.compile(r"^[$€£]?(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|tn|thousand|million|billion|trillion)?%?$", re.I)
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


def _value(token: Any, *, in_dates: bool = False) -> set[float]:
    """The number a token gives (with its scale: '1.5bn', '2 million'); none in a date, time or ordinal unless
    ``in_dates`` ('every 72 minutes' gives 72 to a headline's '72')."""
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL") and not in_dates:
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


def _counted(token: Any) -> Any:
    """The word a number belongs to: its head past other numbers ('jobs' in '200 jobs', 'killed' in '50 killed'),
    or, where headlinese made the number the root ('500 arrested in crackdown'), the verb hanging off it; None."""
    head = token.head
    while head.pos_ == "NUM" and head != head.head:
        head = head.head
    if head != token:
        return head
    return next((c for c in token.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def _context(token: Any) -> str | None:
    """The noun or verb a number counts or qualifies, as a lemma: 'killed' in '50 killed', 'jobs' in '200 jobs'."""
    word = _counted(token)
    return word.lemma_.lower() if word is not None and word.pos_ in CONTEXT_POS else None


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
    # Failing that, the first statement that is not a modifier: 'opposing views', 'rising prices', 'a plan backed
    # by' describe a noun; the headline asserts nothing with them.
    return next((p for p in props if sent.doc[p.token].dep_ not in _MODIFIER_DEPS), None)


_MODIFIER_DEPS = frozenset({"amod", "compound", "acl", "nmod", "npadvmod"})


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
            earlier = _earlier_moment(doc, prop)
            if prop.hedge is not None:
                answer, reason = "open", f"hedged by {prop.hedge}"
            elif earlier is not None and alignment.stance == "conflict":
                answer, reason = "open", earlier  # 'had planned to continue his bid' before 'ends bid'
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


# Verbs of a plan or expectation: what someone 'had planned to' or 'intended to' do is a moment before the event.
PLAN_VERBS = frozenset(
    {"plan", "intend", "hope", "expect", "mean", "aim", "want", "vow", "pledge", "promise", "insist"}
)
# Of these, the ones that in the simple past still tell of a plan that did not happen ('planned to continue').
PAST_PLAN_VERBS = frozenset({"plan", "intend", "hope", "expect", "mean", "aim"})


def _past_perfect(token: Any) -> bool:
    """'had planned', 'had continued', 'had been expected': a past perfect, a moment before the one reported."""
    return token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in token.children
    )


def _earlier_moment(doc: Any, prop: Proposition) -> str | None:
    """Why a body statement tells of a moment before the headline's event ('Kasich had planned to continue his
    bid', 'the union had vowed to keep the strike going', 'owners had hoped to keep the mill open', 'the plant had
    run at a loss'), or None. Antonyms across two moments are no contradiction: the plan or the state came first,
    then the event ended it. A statement about now or the future ('he will continue his bid') is not earlier."""
    token = doc[prop.token]
    if _past_perfect(token):
        return f"an earlier state: '{token.text}' in the past perfect"
    node = token
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "conj", "oprd", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in PLAN_VERBS and (_past_perfect(node) or (lemma in PAST_PLAN_VERBS and node.tag_ == "VBD")):
            return f"an earlier plan: '{node.text}'"
        if _past_perfect(node):
            return f"an earlier moment: '{node.text}' in the past perfect"
    return None


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
        if not any(a["answer"] == "open" for a in answers) and _measured_answer(doc, sent, main) is not None:
            return  # 'Is the governor winning over rural voters?' / 'her support among rural voters has climbed
            # from 28 to 41 percent': the body answers with figures, in words our predicates do not pair
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


# Verbs of a measured change: a body that says by how much the question's subject has moved answers it.
CHANGE_VERBS = frozenset(
    {
        "rise", "climb", "grow", "increase", "jump", "surge", "soar", "double", "triple", "gain", "improve",
        "fall", "drop", "decline", "shrink", "narrow", "slip", "sink", "plunge", "halve", "widen", "tumble",
    }
)  # fmt: skip
MEASURED_ANSWER_SENTENCES = 4  # the lede: a question headline's answer comes first, or is not given


def _asked_about(sent: Any) -> set[str]:
    """The words of the noun phrase right after a question's auxiliary ('Is the bakery chain winning ...?' ->
    bakery, chain): its subject, when the parse of the question gives none."""
    words: set[str] = set()
    for tok in sent[1:]:
        if tok.pos_ in ("DET", "ADJ", "NUM") and not words:
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        words |= {tok.lemma_.lower(), tok.lower_}
    return words


def _measured_answer(doc: Any, sent: Any, main: Proposition) -> Any:
    """The body sentence that answers a question headline with figures, or None: among the first body sentences,
    one whose own unhedged, unnegated change verb ('climbed', 'fell', 'doubled') comes with a number and with the
    words the question asks about beyond its subject ('rural voters' in 'Is the governor connecting with rural
    voters?'; every such word, at least one). 'Is the vaccine safe?' is not answered by 'cases rose 20 percent'."""
    subject = {main.subject.head, *main.subject.modifiers} if main.subject is not None else _asked_about(sent)
    asked = {
        t.lemma_.lower()
        for t in sent
        if t.pos_ in ("NOUN", "PROPN", "ADJ")
        and t.is_alpha
        and not t.is_stop
        and t.ent_type_ not in ("DATE", "TIME")
        and t.lemma_.lower() not in subject
        and t.lower_ not in subject
        and t.i != main.token
    }
    if not asked:
        return None
    body_start = _body_start(doc)
    taken = 0
    for body in view(doc).sents:
        if body.start_char < body_start or not body.text.strip():
            continue
        taken += 1
        if taken > MEASURED_ANSWER_SENTENCES:
            return None
        words = {t.lemma_.lower() for t in body}
        if not asked <= words or body.text.rstrip().endswith("?"):
            continue
        for tok in body:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in CHANGE_VERBS:
                continue
            kids = list(tok.children)
            if any(c.dep_ in ("neg", "mark") or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids):
                continue  # 'did not rise', 'if support climbs', 'could double': no figure reported
            if any(t.like_num for t in tok.subtree):
                return body
    return None


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
        if found:
            continue  # the body gives the number
        if not seen_body:
            # the body never counts the same thing: only a figure it never comes near is a claim of the headline's own
            absent = _absent_figure(doc, token, values, body_start)
            if absent is not None:
                yield absent
            continue
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


# Plural counts with no figure ('thousands flee') and the least each can mean.
_VAGUE_COUNTS = {"dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6}


def _vague_count_findings(doc: Any, sent: Any) -> Iterator[Finding]:
    """HED003 for a headline's plural count ('Thousands flee as volcano erupts') over a body that counts the same
    story only far below it ('About 200 residents were evacuated'): no body number reaches half the least the
    count can mean, and no body word counts as many. A chain of counts ('tens of thousands') is left alone."""
    body_start = _body_start(doc)
    for token in sent:
        least = _VAGUE_COUNTS.get(token.lower_)
        if least is None or _in_count_chain(token):
            continue
        body = doc.char_span(body_start, len(_text(doc)), alignment_mode="expand") or ()
        counts = [t for t in body if t.ent_type_ == "CARDINAL" and _value(t)]
        if not counts:
            continue  # the body gives no count to compare with
        if any(_VAGUE_COUNTS.get(t.lower_, 0.0) >= least for t in body):
            continue  # the body says 'thousands' (or more) too
        if any(max(_value(t, in_dates=True), default=0.0) >= least / 2 for t in body):
            continue
        yield Finding(
            "HED003",
            "warning",
            f"The headline says {token.text}; the body's counts ({', '.join(t.text for t in counts[:3])}) are far "
            "smaller.",
            Span.of(token),
            related=[Span.of(view(doc).sent_of(counts[0].i))],
            confidence=0.6,
            evidence={"headline_count": token.text, "body_numbers": [t.text for t in counts[:5]], "least": least},
        )


def _in_count_chain(token: Any) -> bool:
    """'tens of thousands', 'hundreds of thousands', 'thousands upon thousands': the count is a chain."""
    doc = token.doc
    near = [doc[i] for i in (token.i - 2, token.i - 1, token.i + 1, token.i + 2) if 0 <= i < len(doc)]
    return any(t.lower_ in _VAGUE_COUNTS or t.lower_ in ("tens", "hundreds") or t.like_num for t in near)


# Entity labels under which a number is part of a name ('Boeing 737', 'Route 66', 'the G20 summit', 'Covid-19').
_NUMBER_IN_NAME = frozenset({"ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC", "NORP"})


def _absent_figure(doc: Any, token: Any, values: set[float], body_start: int) -> Finding | None:
    """HED003 for a headline figure the body gives nowhere ('500 arrested in crackdown' over a body that says
    'police detained protesters'): no number in the body within the approximate tolerance ('tops $2 billion' over
    '$2.3 billion' is given; a time or a date counts, 'every 72 minutes'), and the headline's figure a sum of money, a
    percentage, a figure in millions or the count of what a verb does, no part of a name nor the count of the article's own content ('5
    things to know', 'these 3 words')."""
    if token.ent_type_ in _NUMBER_IN_NAME or _listed_count(token):
        return None
    scaled = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _SCALES  # '40 million euros'
    if token.ent_type_ not in ("MONEY", "PERCENT") and not scaled and not _counts_an_event(token):
        return None  # 'these 3 words', 'the 1 thing he thinks': a count of the article's own content
    body = doc.char_span(body_start, len(_text(doc)), alignment_mode="expand") or ()
    tolerance = APPROXIMATE_TOLERANCE
    for body_token in body:
        if any(_close(a, b, tolerance) for a in values for b in _value(body_token, in_dates=True)):
            return None
    return Finding(
        "HED003",
        "warning",
        f"The headline says {token.text} ({_context(token)}); the body never gives that figure.",
        Span.of(token),
        confidence=0.6,
        evidence={"headline_number": token.text, "counts": _context(token), "body_numbers": [], "absent": True},
    )


def _counts_an_event(token: Any) -> bool:
    """The number itself counts what a verb does or undergoes: '500 arrested', 'kills 50', 'leaves 300,000 without
    power'; not a number on a noun ('Unleashed 4 Words On Them': the count of a quotation's words)."""
    word = _counted(token)
    return word is not None and word.pos_ == "VERB"


def _listed_count(token: Any) -> bool:
    """'5 things to know', 'Ten reasons why ...': the headline counts the article's own list, which the body sets out
    item by item without the number."""
    head = token.head
    return token.dep_ == "nummod" and any(c.dep_ in ("relcl", "acl") for c in head.children) and token.i == head.i - 1


# Coined names of events and policies ('Brexit', 'Watergate', 'Obamacare', 'Reaganomics'), which the small model
# often tags as a person: the body may tell the event in other words.
_COINED_EVENT = re.compile(r"(?:exit|gate|care|nomics)$", re.I)

# News shorthand for a party or body that the body may only write out in full ('GOP' for Republicans).
_SHORTHAND = {
    "gop": ("republican",),
    "dems": ("democrat",),
    "tories": ("conservative",),
    "tory": ("conservative",),
    "fed": ("federal reserve",),
}


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _own_names(doc: Any) -> set[str]:
    """Words of the article's own outlet and host ('guardian' for The Guardian, theguardian.com): a headline that
    names its own outlet ('The Guardian view on ...') claims nothing about it."""
    article = doc._.pl_article
    if article is None:
        return set()
    names = " ".join(str(x) for x in (article.outlet, article.meta.get("hostname")) if x)
    return {w for w in re.findall(r"[a-z]{3,}", names.lower()) if w not in ("the", "com", "www", "org", "net", "news")}


def _after_separator(doc: Any, ent: Any) -> bool:
    """A name in the last segment of a title after ' | ' ('... a city on the brink | Editorial'): a section label or
    the outlet, not part of the headline's claim."""
    text = _text(doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    return " | " in text[line_start : ent.start_char]


# Idioms named after a figure of legend or a person long gone, as (name, the noun after its possessive).
_EPONYM_IDIOMS = frozenset(
    {("achilles", "heel"), ("pandora", "box"), ("hobson", "choice"), ("murphy", "law"), ("occam", "razor"),
     ("sophie", "choice"), ("buridan", "ass"), ("midas", "touch"), ("damocles", "sword")}
)  # fmt: skip


def _eponym_idiom(doc: Any, ent: Any) -> bool:
    """The name's possessive before the noun of a stock idiom ("Achilles' heel", "Pandora's box")."""
    name = re.sub(r"(?:['’]s?)$", "", ent[-1].lower_)
    nxt = [t for t in doc[ent.end : ent.end + 3] if not t.is_punct and t.lower_ not in ("'s", "’s", "s")]
    return bool(nxt) and (name, nxt[0].lemma_.lower()) in _EPONYM_IDIOMS


def _name_findings(doc: Any, sent: Any) -> Iterator[Finding]:
    title = doc._.pl_article.title_span if getattr(doc._, "pl_article", None) is not None else None
    line = doc.char_span(*title, alignment_mode="expand") if title else None
    if _title_cased(sent) or (line is not None and _title_cased(line)):
        return  # every word capitalised, the model's names are guesses; the whole title decides, not its first piece
    body = _text(doc)[_body_start(doc) :]
    body_lower = body.lower()
    own = _own_names(doc)
    for ent in view(doc).ents:
        if ent.end <= sent.start:
            continue
        if ent.start >= sent.end:
            break
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        if not any(t.text[:1].isupper() for t in ent):
            continue  # "missed attacker's zealotry": a lower-case word the model took for a name
        parts = [t.text for t in ent if t.is_alpha and len(t) >= 3]
        if not parts or {p.lower() for p in parts} & own or _after_separator(doc, ent):
            continue  # the page's own outlet ('The Guardian view on ...') or a section label after '|' ('| Editorial')
        if any(re.search(rf"\b{re.escape(p.lower())}\b", body_lower) for p in parts):
            continue
        acronym = _acronym(ent.text)
        if len(acronym) >= 2 and re.search(rf"\b{re.escape(acronym)}\b", body):
            continue
        if any(re.search(rf"\b{re.escape(full)}", body_lower) for full in _SHORTHAND.get(ent.text.lower(), ())):
            continue  # 'GOP hopefuls' and a body about 'Republican candidates'
        if len(ent) == 1 and _COINED_EVENT.search(ent.text) and not ent.text.isupper():
            continue  # 'Brexit' is an event the body may call 'the vote to leave the EU', not a person
        if len(ent) == 1 and ent.start == sent.start and ent[0].pos_ == "ADJ":
            continue  # 'Smart glasses ...': the line's first capital made the tagger's adjective a name
        if _eponym_idiom(doc, ent):
            continue  # "foreign policy Achilles' heel": an idiom named after a figure of legend, not a person
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


# ---------------------------------------------------------------- HED004 / HED005

NAME_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT"})  # "the Terrorism Act"


@dataclass(frozen=True)
class Escalation:
    entry: str  # the row's first strong form, for the evidence
    strong: tuple[str, ...]
    milder: tuple[str, ...]
    strong_re: re.Pattern[str]
    milder_re: re.Pattern[str]


@lru_cache(maxsize=1)
def escalations() -> list[Escalation]:
    """Rows of ``data/headline/escalation.txt``: strong forms and the milder forms a body uses for the same thing."""
    rows = []
    for line in read_text("headline/escalation.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or "|" not in line:
            continue
        strong, milder = (side.split() for side in line.split("|", 1))
        strong_forms = tuple(f.lower() for w in strong for f in expand(w))
        milder_forms = tuple(f.lower() for w in milder for f in expand(w))
        rows.append(Escalation(strong[0], strong_forms, milder_forms, _word_re(strong_forms), _word_re(milder_forms)))
    return rows


def _word_re(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.IGNORECASE)


def _single_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Single quotation marks used as quotes ('..', ‘..’) inside [start, end), not apostrophes ("Trump's",
    "don’t", "the '90s"): an opening mark after a space or line start before a letter, a closing one after a letter
    or punctuation before a space, punctuation or the line end."""
    spans, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        if ch not in "'‘’":
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None and ch in "'‘" and (before.isspace() or before in '(—–-"“') and after.isalpha():
            open_at = i
        elif (
            open_at is not None
            and ch in "'’"
            and (before.isalnum() or before in ".,!?")
            and not after.isalnum()
            and i - open_at > 1
        ):
            spans.append((open_at, i + 1))
            open_at = None
        if ch == "\n":
            open_at = None
    return spans


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Double- and single-quoted stretches inside [start, end) (headlines often quote with single marks)."""
    double = [(s, e) for s, e in quote_spans(text) if start <= s and e <= end]
    single = [q for q in _single_quote_spans(text, start, end) if not any(s <= q[0] < e for s, e in double)]
    return sorted(double + single)


def _normal(text: str) -> str:
    """Lower case, one kind of apostrophe, words only; a hyphen between words is a space ('doom and despair' is in
    'their doom-and-despair tour')."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\w)[-‐](?=\w)", " ", text)
    return " ".join(re.sub(r"[^\w'\s-]", " ", text).split())


_ARTICLES = frozenset({"a", "an", "the"})


def _headlinese(normal: str) -> str:
    """Without articles: headlines drop them ('judge and jury' quotes 'the judge and the jury')."""
    return " ".join(w for w in normal.split() if w not in _ARTICLES)


def _stronger_findings(doc: Any, start: int, end: int) -> Iterator[Finding]:
    """HED004 for the headline at [start, end)."""
    text = _text(doc)
    body_start = _body_start(doc)
    body = text[body_start:]
    quoted = _quotations(text, start, end)
    v = view(doc)
    for row in escalations():
        match = next(
            (m for m in row.strong_re.finditer(text, start, end) if not any(s <= m.start() < e for s, e in quoted)),
            None,
        )
        if match is None:
            continue
        token = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if token is not None and any(t.ent_type_ in NAME_LABELS for t in token):
            continue  # part of a name: "the Prevention of Terrorism Act", "Riot Games"
        if token is not None and any(_denied(t) for t in token):
            continue  # "No cure for the common cold", "Minister did not lie": the headline denies the strong word
        if row.strong_re.search(body):
            continue  # the body uses the word too: the headline only repeats it
        milder = list(row.milder_re.finditer(body))
        if not milder:
            continue  # nothing in the body to compare with
        words = sorted({m.group().lower() for m in milder})
        sentences = []
        for m in milder:
            span = Span.of(v.sents[v.sent_index_at_char(body_start + m.start())])
            if span not in sentences:
                sentences.append(span)
        yield Finding(
            "HED004",
            "warning",
            f"The headline says '{match.group()}'; the body never does and says {', '.join(repr(w) for w in words[:3])}"
            " instead.",
            Span.between(text, match.start(), match.end()),
            related=sentences[:3],
            confidence=0.65,
            evidence={"headline_word": match.group(), "lexicon": row.entry, "body_words": words},
        )


def _denied(token: Any) -> bool:
    """The word is negated: 'no cure', 'not a fraud', 'did not lie' (a 'no' or 'not' on it or on the verb it
    belongs to)."""
    for node in (token, token.head):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
    return False


# Verbs by which a headline puts a word in someone's mouth ('Mayor calls rival 'traitor'', 'Coach: 'robbed'').
_SPEAKING_LEMMAS = frozenset({"call", "say", "brand", "label", "dub", "term", "slam", "blast", "deride", "tell"})


def _names_a_speaker(doc: Any, start: int, end: int) -> bool:
    """The headline has a verb of saying or calling, or a 'Speaker:' credit before a colon."""
    line = doc.char_span(start, end, alignment_mode="expand")
    if line is None:
        return False
    # (a bare 'Say' is an imperative idiom: "Say 'Adios' To ...")
    return any(
        t.lemma_.lower() in _SPEAKING_LEMMAS and t.tag_ in ("VBZ", "VBD", "VBP", "VBN", "VBG") for t in line
    ) or any(t.text == ":" and t.i > line.start and line.doc[t.i - 1].pos_ == "PROPN" for t in line)


_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "april", "may", "june", "july", "august", "september", "october", "november", "december", "day", "night", "week"}
)  # fmt: skip


def _quote_findings(doc: Any, title_start: int, title_end: int) -> Iterator[Finding]:
    """HED005 for the headline at [title_start, title_end)."""
    text = _text(doc)
    body_start = _body_start(doc)
    headline_quotes = _quotations(text, title_start, title_end)
    if not headline_quotes:
        return
    body_quotes = _quotations(text, body_start, len(text))
    quoted_body = [_headlinese(_normal(text[s + 1 : e - 1])) for s, e in body_quotes]
    quoted_body += [_headlinese(_normal(text[s:e])) for s, e in block_quotations(text) if s >= body_start]
    narration = _headlinese(_normal(text[body_start:]))
    for start, end in headline_quotes:
        inner = _normal(text[start + 1 : end - 1]).strip("'")
        parts = [p for p in re.split(r"\s*(?:\.\.\.|…)\s*", text[start + 1 : end - 1]) if p.strip()]
        parts = [_headlinese(_normal(p)) for p in parts] or [_headlinese(inner)]
        if not inner:
            continue
        raw = text[start + 1 : end - 1].strip(" .,!?;:")
        if raw.istitle() and raw in text[body_start:]:
            continue  # a name or title the body gives as such: 'The 411', 'Alliance to Reclaim Our Schools'
        if len(inner.split()) == 1 and not _names_a_speaker(doc, title_start, title_end):
            continue  # one word in marks ('Caravan', 'Merciful'): a scare quote or a term, no words put in a mouth
        if len(inner.split()) <= TERM_MAX_WORDS and not _names_a_speaker(doc, title_start, title_end):
            quoted = doc.char_span(start + 1, end - 1, alignment_mode="expand")
            if (
                quoted is not None
                and not any(t.pos_ in ("VERB", "AUX") for t in quoted)
                and any(t.like_num or t.ent_type_ in ("DATE", "EVENT") or t.lower_ in _CALENDAR for t in quoted)
            ):
                continue  # the nickname of a day or an event, nobody saying it ('Super Tuesday 2', 'Black Friday')
        if len(inner.split()) <= TERM_MAX_WORDS:
            if all(_contains(narration, part) for part in parts):
                continue  # a term in quotation marks ('sonic attacks', 'fight') that the body uses
            if _wordplay(inner, narration):
                continue  # 'Synod' respelt as a pun in the headline: a coinage, not words put in a mouth
            found_in = None
        elif all(any(_contains(q, part) or _trimmed(part, q) for q in quoted_body) for part in parts):
            continue  # in a body quotation, perhaps with a word or two trimmed ('the X document is' -> 'X is')
        else:
            found_in = "narration" if all(_contains(narration, part) for part in parts) else None
        where = (
            "the body has these words only in its own narration, not in anyone's quotation"
            if found_in
            else "no quotation in the body has these words"
        )
        yield Finding(
            "HED005",
            "warning",
            f"The headline quotes {text[start:end]}, but {where}.",
            Span.between(text, start, end),
            related=[Span.between(text, s, e) for s, e in body_quotes[:3]],
            confidence=0.6 if found_in else 0.7,
            evidence={"quoted": text[start:end], "in_body_narration": bool(found_in), "body_quotes": len(body_quotes)},
        )


# Up to this many words a headline's quotation marks may set off a term rather than quote a sentence ('sonic
# attacks', 'special bond'): found anywhere in the body, it is supported.
TERM_MAX_WORDS = 3
QUOTE_MATCH_MIN = 90  # rapidfuzz partial ratio: a headline quote may trim a word or change its case


# A headline may trim a quotation: up to this many body words dropped between two of the headline's words.
TRIM_MAX_GAP = 2


def _trimmed(needle: str, haystack: str) -> bool:
    """Every word of the headline's quotation appears in the body quotation in the same order, with at most
    TRIM_MAX_GAP words left out between neighbours: 'the plan is the end of the port' quoted as 'plan is the end of
    the port'. Needs four words or more, so that a short phrase cannot be assembled from scattered words."""
    words, hay = needle.split(), haystack.split()
    if len(words) < 4:
        return False
    for first in (i for i, w in enumerate(hay) if w == words[0]):
        pos, ok = first, True
        for word in words[1:]:
            window = hay[pos + 1 : pos + 2 + TRIM_MAX_GAP]
            if word not in window:
                ok = False
                break
            pos = pos + 1 + window.index(word)
        if ok:
            return True
    return False


def _wordplay(inner: str, narration: str) -> bool:
    """A one-word quotation that is one letter away from a word the body uses ('Sinod' for 'synod'): a pun."""
    word = inner.strip("'- ")
    if " " in word or len(word) < 4:
        return False
    return any(len(w) >= 4 and w != word and Levenshtein.distance(w, word) == 1 for w in set(narration.split()))


def _contains(haystack: str, needle: str) -> bool:
    if needle in haystack:
        return True
    return len(needle) >= 8 and len(haystack) >= len(needle) and fuzz.partial_ratio(needle, haystack) >= QUOTE_MATCH_MIN


def find_headline_findings(doc: Any) -> Iterator[Finding]:
    located = _headline_sentence(doc)
    if located is None or _body_start(doc) >= len(_text(doc)):
        return
    index, sent = located
    props = doc_propositions(doc)[index]
    title_start, title_end = doc._.pl_article.title_span
    yield from _stronger_findings(doc, title_start, title_end)
    yield from _quote_findings(doc, title_start, title_end)
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
    yield from _vague_count_findings(doc, sent)
    yield from _name_findings(doc, sent)
    if main is not None and main.hedge is None:
        yield from _statement_findings(doc, sent, main)


def make_component(nlp: Any) -> Any:
    def run(doc: Any) -> dict[str, list]:
        return {"findings": list(find_headline_findings(doc))}

    return run
