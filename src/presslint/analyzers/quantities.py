"""Quantities: numbers with what they count, and the checks that compare them within one article.

``find_quantity_mentions(doc)`` groups number tokens into quantities ("$3.5 million", "about 40 per cent", "a
third", "dozens"), parses the value and finds the counted noun. The checks are deliberately narrow: two numbers
only conflict when they count the same thing for the same event with the same modifiers and nothing ("at least",
"another", a different date or place, a rising toll) explains the difference; a part only exceeds its whole when the
text ties them explicitly ("of which", "of the", "out of", a list after a colon).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Finding, Quantity, Span
from ..nlp.blockquotes import paragraph_at
from ..nlp.docview import view
from ..nlp.lexicons import read_text
from ..nlp.numberwords import SCALES as WORD_SCALES
from ..nlp.numberwords import cardinals
from ..rules import Rule
from .sources import REPORTING_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

RULES = [
    Rule(
        "NUM001",
        "conflicting-quantities",
        "warning",
        "numbers",
        "The same count for the same event is given two different values.",
        "When an article says '12 people were killed' and later 'the 15 people killed in the attack', a reader cannot "
        "tell which is right. Only exact figures are compared, and only when they count the same noun for the same "
        "verb with the same modifiers and the same subject (a bare pronoun matches no one); bounds ('at least'), "
        "updates ('the toll rose to'), 'another', different dates or places, and a party, organisation or contest "
        "named on one side only ('to win the Labour leadership' / 'to win the leadership') are never flagged.",
        "Gunmen killed 12 people in the market. ... The 15 people killed were buried on Sunday.",
    ),
    Rule(
        "NUM002",
        "part-exceeds-whole",
        "error",
        "numbers",
        "A part is larger than the whole it belongs to.",
        "Text that ties a part to a whole ('of which', 'of the', 'out of', a list after a colon, a percentage of a "
        "population) must keep the part smaller: '400 workers, of which 450 were contractors' or 'seven out of five "
        "voters' is arithmetically impossible, and usually a typo.",
        "The force has 500 soldiers: 300 American and 250 British.",
    ),
]

NUMBER_WORDS = {**cardinals(1, 90), "hundred": 100, "dozen": 12}
SCALES = {**WORD_SCALES, "hundred": 100}
FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}
# Vague plurals: a lower-bound reading, always approximate.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20, "millions": 2e6, "billions": 2e9}
CURRENCY_SYMBOLS = {
    "$": ("$", "dollar"),
    "us$": ("$", "dollar"),
    "£": ("£", "pound"),
    "€": ("€", "euro"),
    "¥": ("¥", "yen"),
}
CURRENCY_WORDS = {
    "dollar": "$",
    "dollars": "$",
    "pound": "£",
    "pounds": "£",
    "euro": "€",
    "euros": "€",
    "yen": "¥",
    "rupees": "₹",
    "rupee": "₹",
    "yuan": "¥",
}
UNITS = {
    "%": "%",
    "percent": "%",
    "per": "%",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "miles": "mi",
    "mile": "mi",
    "kg": "kg",
    "kilograms": "kg",
    "tonnes": "t",
    "tons": "t",
    "metres": "m",
    "meters": "m",
    "hectares": "ha",
    "acres": "acre",
    "barrels": "barrel",
    "mph": "mph",
    "km/h": "km/h",
}
APPROX_WORDS = (
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "approximately",
    "estimated",
    "close to",
    "more than",
    "over",
    "at least",
    "up to",
    "fewer than",
    "less than",
    "under",
    "as many as",
    "just over",
    "just under",
    "upwards of",
    "in excess of",
    "at most",
    "no fewer than",
)
LOWER_BOUNDS = frozenset(
    ("more than", "over", "at least", "just over", "upwards of", "in excess of", "no fewer than", "as many as")
)
# Words that explain two different figures for one thing: updates, additions, comparisons.
PARTITIVE_DETERMINERS = frozenset({"the", "them", "those", "these", "its", "their", "his", "her", "our", "us"})
NUM001_BLOCKERS = frozenset(
    [
        "another",
        "additional",
        "more",
        "further",
        "other",
        "others",
        "total",
        "toll",
        "rose",
        "risen",
        "rise",
        "climbed",
        "climb",
        "increased",
        "increase",
        "jumped",
        "fell",
        "dropped",
        "decreased",
        "up",
        "down",
        "compared",
        "than",
        "each",
        "every",
        "per",
        "average",
        "daily",
        "weekly",
        "annually",
        "including",
        "among",
        "initially",
        "earlier",
        "later",
        "revised",
        "updated",
        "now",
        "least",
        "most",
    ]
)
# Verbs (and their participles as modifiers) that report a count rather than take part in the counted event:
# "confirmed 42 cases" and "listed 37 confirmed cases" both give the tally of cases.
TALLY_VERBS = frozenset(
    [
        "confirm",
        "report",
        "record",
        "list",
        "register",
        "count",
        "tally",
        "show",
        "give",
        "put",
        "log",
        "document",
        "total",
        "number",
    ]
)
DATE_ENTS = frozenset(("DATE", "TIME", "ORDINAL"))
NAME_ENTS = frozenset(("PRODUCT", "LAW", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "ORG"))  # "Boeing 737", "Article 5"


@dataclass(slots=True)
class QuantityMention:
    record: Quantity
    tokens: SpacySpan  # the number words
    noun: Token | None = None  # the counted noun token
    qualifier: str | None = None
    of_noun: Token | None = None  # "40% of voters" -> voters
    sent_index: int = 0
    flags: set[str] = field(default_factory=set)
    record_start: int = 0  # first token of the mention, qualifier included ("more than 4,500")


@lru_cache(maxsize=1)
def population_nouns() -> frozenset[str]:
    text = read_text("numbers/population_nouns.txt")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _digits(text: str) -> float | None:
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


# The words that can open a quantity in find_quantity_mentions besides those starting with a digit: fractions ('a
# third', 'half of'), vague amounts and number words (see _is_number_token).
_MAY_START = frozenset({"a", "one", "two", "three", "half"}) | frozenset(VAGUE) | frozenset(NUMBER_WORDS)


# 'one' in a hyphened idiom counts nothing: 'one-time rivals' (former), 'a one-off payment', 'a one-sided race',
# 'one-on-one talks', 'one-party rule', 'a one-way street', 'a one-stop shop', 'one-size-fits-all'.
_ONE_IDIOM = re.compile(
    r"(?:^|-)one-(?:time|off|offs|sided|on-one|party|way|stop|size|shot|liner|liners|trick|note|horse|upmanship"
    r"|of-a-kind|two|and-done|term|hit)\b|\bone-on-one\b",
    re.IGNORECASE,
)


def _one_idiom(tok) -> bool:
    """The token is a 'one' inside a hyphened idiom that counts nothing ('one-time rivals', 'one-on-one talks')."""
    if tok.lower_ != "one":
        return False
    text = view(tok.doc).text  # cached once per doc (Doc.text joins every token on each call)
    start = tok.idx
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = tok.idx + len(tok.text)
    while end < len(text) and not text[end].isspace():
        end += 1
    word = text[start:end].replace("‐", "-").replace("–", "-")
    return bool(_ONE_IDIOM.search(word))


def _is_number_token(tok) -> bool:
    # (find_quantity_mentions skips words outside _MAY_START that start with no digit: keep the two in step)
    low = tok.lower_
    if tok.ent_type_ in DATE_ENTS or tok.ent_type_ in NAME_ENTS:
        return False
    if _one_idiom(tok):
        return False
    if low in VAGUE or low in NUMBER_WORDS:
        return True
    if not (tok.like_num and re.fullmatch(r"\d[\d,]*(?:\.\d+)?", tok.text)):
        return False
    if re.fullmatch(r"1[89]\d\d|20\d\d", tok.text) and tok.ent_type_ not in (
        "CARDINAL",
        "MONEY",
        "QUANTITY",
        "PERCENT",
    ):
        return False  # a year the model did not label
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and tok.head == prev and prev.ent_type_ not in ("NORP", "GPE"):
        return False  # "Boeing 737", "Article 5"
    return True


def _qualifier(doc, start: int) -> tuple[str | None, int]:
    """The approximation word(s) just before a number, and where they begin."""
    for width in (3, 2, 1):
        lo = start - width
        if lo < 0:
            continue
        words = " ".join(t.lower_ for t in doc[lo:start])
        if words.startswith("an "):
            words = words[3:]
        if words in APPROX_WORDS:
            return words, lo
    return None, start


def _counted_noun(doc, end: int, last):
    """The noun a number counts: '300 police officers' -> officers; 'dozens of people' -> people."""
    if last.dep_ == "nummod" and last.head.pos_ in ("NOUN", "PROPN") and last.head.i >= end:
        return last.head
    i = end
    while (
        i < len(doc)
        and i < end + 4
        and doc[i].pos_ in ("ADJ", "PROPN", "NOUN", "ADV")
        and doc[i].ent_type_ not in DATE_ENTS
    ):
        if doc[i].pos_ == "NOUN" and (i + 1 >= len(doc) or doc[i + 1].pos_ != "NOUN"):
            return doc[i]
        i += 1
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for tok in doc[end + 1 : min(end + 5, len(doc))]:
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj":
                return tok
            if tok.pos_ in ("NUM", "VERB", "PUNCT"):
                break
    return None


def find_quantity_mentions(doc) -> list[QuantityMention]:
    sent_starts = view(doc).sent_starts
    lowers, texts = view(doc).lowers, view(doc).texts
    out: list[QuantityMention] = []
    i = 0
    n = len(doc)
    while i < n:
        # Strings first (docview): a word that opens no fraction, is no number word and starts with no digit is never
        # a number below (_is_number_token), so most words need no Token.
        if not (lowers[i] in _MAY_START or texts[i][:1].isdigit()):
            i += 1
            continue
        tok = doc[i]
        low = tok.lower_
        fraction = None
        if (
            low in ("a", "one", "two", "three")
            and i + 1 < n
            and doc[i + 1].lower_ in FRACTIONS
            and doc[i + 1].ent_type_ not in DATE_ENTS
        ):
            fraction = (1 if low in ("a", "one") else NUMBER_WORDS[low]) * FRACTIONS[doc[i + 1].lower_]
        elif low == "half" and i + 1 < n and doc[i + 1].lower_ in ("of", "the"):
            fraction = 0.5
        if fraction is None and not _is_number_token(tok):
            i += 1
            continue
        start = i
        currency = None
        if start > 0 and doc[start - 1].lower_ in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[doc[start - 1].lower_]
            start -= 1
        if fraction is not None:
            value, end, unit, approx = fraction, i + (1 if low == "half" else 2), "fraction", False
        elif low in VAGUE:
            value, end, unit, approx = VAGUE[low], i + 1, None, True
        else:
            parsed = _digits(tok.text) if tok.text[0].isdigit() else float(NUMBER_WORDS[low])
            if parsed is None:
                i += 1
                continue
            value, end, approx, unit = parsed, i + 1, False, None
            # "two hundred", "3.5 million", "£200m"
            while end < n and doc[end].lower_ in SCALES and (doc[end].lower_ not in ("m", "b", "k") or currency):
                value *= SCALES[doc[end].lower_]
                end += 1
        if end < n and doc[end].lower_ in UNITS and unit is None:
            if doc[end].lower_ == "per" and not (end + 1 < n and doc[end + 1].lower_ == "cent"):
                pass
            else:
                unit = UNITS[doc[end].lower_]
                end += 2 if doc[end].lower_ == "per" else 1
        if currency:
            unit = currency[0]
        elif end < n and doc[end].lower_ in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[doc[end].lower_]
        qualifier, q_start = _qualifier(doc, start)
        span = doc[q_start:end]
        number_span = doc[start:end]
        noun = None
        of_noun = None
        if unit == "%" or unit == "fraction":
            of_noun = _counted_noun(doc, end, doc[end - 1]) if end < n and doc[end].lower_ == "of" else None
        else:
            noun = _counted_noun(doc, end, doc[end - 1])
        counts = None
        if currency:
            counts = currency[1]
        elif unit in CURRENCY_WORDS.values() and end < n and doc[end].lower_ in CURRENCY_WORDS:
            counts = doc[end].lemma_.lower()
        elif noun is not None:
            counts = noun.lemma_.lower()
        elif of_noun is not None:
            counts = of_noun.lemma_.lower()
        sent_index = bisect.bisect_right(sent_starts, start) - 1
        record = Quantity(
            Span.of(span),
            round(value, 3) if unit == "fraction" else value,
            counts,
            unit,
            approx or qualifier is not None,
            sent_index,
        )
        out.append(QuantityMention(record, number_span, noun, qualifier, of_noun, sent_index, record_start=q_start))
        i = max(end, i + 1)
    return out


# ---------------------------------------------------------------- NUM001


def _event_token(noun: Token | None) -> Token | None:
    """The verb a counted noun takes part in: 'killed 12 people' / 'the 12 people killed' -> killed."""
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        return noun.head
    return None


def _event_of(noun: Token) -> str | None:
    verb = _event_token(noun)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    return "tally" if lemma in TALLY_VERBS else lemma  # a reported count, whatever verb reports it


def _modifiers(noun, number_span) -> frozenset[str]:
    return frozenset(
        c.lemma_.lower()
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod", "poss")
        and not (number_span.start <= c.i < number_span.end)
        and c.lemma_.lower() not in TALLY_VERBS  # "37 confirmed cases" counts the same cases as "42 cases"
    )


_CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "relcl"})


def _places(noun: Token) -> frozenset[str]:
    """Places tied to a count of ``noun``: in the counted noun's phrase or the event verb's own clause (not in a clause
    joined to it, where 'Of the 19 people killed, 11 were in Amarante' names where the parts were)."""
    found: set[str] = set()
    roots = [noun]
    verb = _event_token(noun)
    if verb is not None and verb.head != noun and verb not in noun.children:
        roots.append(verb)
    for root in roots:
        stack = [root]
        while stack:
            t = stack.pop()
            if t.ent_type_ in ("GPE", "LOC", "FAC") and t.is_alpha:
                found.add(t.lower_)
            stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
    return frozenset(found)


# Pronouns that stand for people: without coreference a count of "his" delegates is nobody's in particular.
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})
_GROUP_ENTS = frozenset({"NORP", "ORG", "EVENT"})


def _subject_of(noun: Token) -> Token | None:
    """The subject of the verb a count takes part in ('Kemp has 412 delegates' -> Kemp); None for 'it'/'there'."""
    verb = _event_token(noun)
    if verb is None or (verb.i == noun.head.i and noun.dep_ in ("nsubj", "nsubjpass")):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i), None)
    if subj is None or subj.lower_ in ("it", "there", "this", "that", "who", "which"):
        return None
    return subj


def _same_subject(a: Token | None, b: Token | None) -> bool:
    """Two counts may belong to one subject: not two different subjects ('Kemp has 412' / 'Lowry has 230'), and no
    bare pronoun ('he has 412'), which without coreference matches no one. One unstated subject is no difference
    ('Gunmen killed 12 people' / 'the 15 people killed')."""
    if (a is not None and a.lower_ in _PERSONAL) or (b is not None and b.lower_ in _PERSONAL):
        return False
    return a is None or b is None or a.lemma_.lower() == b.lemma_.lower()


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose ('needs 60 votes to pass in the Senate'): part of what the count is for."""
    return clause.dep_ in ("advcl", "relcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def _frame(noun: Token) -> frozenset[str]:
    """The party, organisation or contest a count is tied to ('to win the Labour leadership', 'in the Senate'): names
    in the counted noun's phrase and the event verb's own clause, the subject aside."""
    found: set[str] = set()
    verb = _event_token(noun)
    roots = [noun] + ([verb] if verb is not None and verb.head != noun and verb not in noun.children else [])
    subj = _subject_of(noun)
    skip = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
    for root in roots:
        stack = [root]
        while stack:
            t = stack.pop()
            if t.i not in skip and t.ent_type_ in _GROUP_ENTS and t.is_alpha:
                found.add(t.lower_)
            stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS or _purpose(c))
    return frozenset(found)


def _owned_by_others(m: QuantityMention, others: list[QuantityMention]) -> set[int]:
    """Token indices that belong to the other numbers of the sentence: their qualifiers and the phrase that compares
    them ('up from 29 a week earlier', 'more than 4,500'), so their update words do not block this number."""
    owned: set[int] = set()
    for o in others:
        if o is m:
            continue
        owned.update(range(o.record_start, o.tokens.end))
        node = o.tokens.root
        while (
            node.dep_ in ("pobj", "prep", "quantmod", "npadvmod", "advmod")
            and node.head is not node
            and node.head.pos_ not in ("VERB", "AUX")
            and node.head is not m.noun
        ):
            node = node.head
        if node is not m.noun and not (node.left_edge.i <= m.tokens.start < node.right_edge.i + 1):
            owned.update(range(node.left_edge.i, node.right_edge.i + 1))
    # "up from 40 a week earlier": compares this figure with an older one in the same breath (even when the model
    # reads the older figure as a date); it explains that difference, not a later different figure.
    verb = _event_token(m.noun)
    for t in verb.children if verb is not None else ():
        if t.lower_ in ("up", "down") and any(c.dep_ == "prep" and c.lower_ == "from" for c in t.children):
            owned.update(range(t.left_edge.i, t.right_edge.i + 1))
    # A relative clause describing another noun ("the dashboard, which is updated each afternoon, listed 37 cases")
    # says nothing about this count.
    verb = _event_token(m.noun)
    for holder in verb.children if verb is not None else ():
        for c in holder.children:
            if c.dep_ == "relcl" and holder is not m.noun:
                owned.update(range(c.left_edge.i, c.right_edge.i + 1))
    return owned


_INCIDENT_PLACES = frozenset({"GPE", "LOC", "FAC", "EVENT"})


def _names_in(doc, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """People and places named in [start, end), speakers aside ('Comey said' names who talks, not where or by whom
    people were killed); a person by surname, so 'Dylann Roof' and 'Roof' are one."""
    people: set[str] = set()
    places: set[str] = set()
    for ent in view(doc).ents:
        if not start <= ent.start_char < end:
            continue
        if ent.label_ in _INCIDENT_PLACES:
            places.add(ent.text.lower())
        elif ent.label_ == "PERSON":
            root = ent.root
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in REPORTING_LEMMAS:
                continue
            people.add(ent.text.split()[-1].lower())
    return frozenset(people), frozenset(places)


def _incident_names(doc, char: int) -> tuple[frozenset[str], frozenset[str]]:
    """The people and places of the paragraph a count stands in; a paragraph that names none ('It was painful to the
    families of the nine people who were killed.') continues the one before it."""
    text = doc.text
    start, end = paragraph_at(text, char)
    people, places = _names_in(doc, start, end)
    if not people and not places and start > 1:
        before = text[:start].rstrip("\n")
        people, places = _names_in(doc, paragraph_at(text, len(before) - 1)[0] if before else 0, start)
    return people, places


def _different_incidents(doc, a: QuantityMention, b: QuantityMention) -> bool:
    """Two counts in different paragraphs around different named people and no shared place: an article listing
    several shootings ('three people killed' by one bomber, 'nine' by another gunman), not two figures for one
    event."""
    a_char, b_char = a.record.span.start, b.record.span.start
    if paragraph_at(doc.text, a_char) == paragraph_at(doc.text, b_char):
        return False
    people_a, places_a = _incident_names(doc, a_char)
    people_b, places_b = _incident_names(doc, b_char)
    if places_a & places_b or people_a & people_b:
        return False
    # Different people, not different places: a town named for the parts and a region for the whole ('23 killed in
    # northern Portugal' / 'of the 19 killed, 11 were in Amarante') may be one flood.
    return bool(people_a and people_b)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NOUN_PHRASE_LINKS = frozenset({"pobj", "prep", "appos", "compound"})


def _years(tokens) -> frozenset[str]:
    return frozenset(t.text for t in tokens if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text))


def _event_years(noun: Token) -> frozenset[str]:
    """Years that name the event a count belongs to: in the phrase a relative clause describes ('the 2009 crash of
    Flight 3407 near Buffalo, which killed 50 people'; 'since 2013, when storms killed 40 people') or in the event
    verb's subject ('The 2011 quake killed 185 people')."""
    verb = _event_token(noun)
    if verb is None:
        return frozenset()
    if verb.dep_ == "relcl":
        top = verb.head  # climb the noun phrase the clause hangs on, up to the verb it is an argument of
        while top.dep_ in _NOUN_PHRASE_LINKS and top.head is not top and top.head.pos_ not in ("VERB", "AUX"):
            top = top.head
        clause = range(verb.left_edge.i, verb.right_edge.i + 1)
        return _years(t for t in top.subtree if t.i not in clause)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _years(subj.subtree) if subj is not None else frozenset()


def _another_years_event(sents, a: QuantityMention, a_noun: Token, b: QuantityMention, b_noun: Token) -> bool:
    """One count belongs to an event named by a year the other count's sentence never mentions: 'All 14 people on
    board were killed' and, later, 'the 2009 crash of Flight 3407, which killed 50 people' are two crashes."""
    a_years, b_years = _event_years(a_noun), _event_years(b_noun)
    return bool(b_years - _years(sents[a.sent_index])) or bool(a_years - _years(sents[b.sent_index]))


def find_conflicts(doc, mentions: list[QuantityMention], dates_by_sent: dict[int, set[str]]) -> Iterator[Finding]:
    sents = view(doc).sents
    by_sent: dict[int, list[QuantityMention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent_index, []).append(m)
    keyed: dict[tuple, list[tuple[QuantityMention, Token]]] = {}  # each mention with its counted noun
    for m in mentions:
        r, noun = m.record, m.noun
        if r.counts is None or r.approximate or noun is None or r.unit == "fraction":
            continue
        event = _event_of(noun)
        if event is None:
            continue
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in REPORTING_LEMMAS:
            continue  # "two advisers said", "one adviser said": how many sources tell a thing, not a count of it
        end = m.tokens.end
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in PARTITIVE_DETERMINERS:
            continue  # "Five of the donors": a part of the group, not another count of it
        sent = sents[m.sent_index]
        owned = _owned_by_others(m, by_sent[m.sent_index])
        if any(t.lower_ in NUM001_BLOCKERS and t.i not in owned for t in sent) or sent.text.rstrip().endswith("?"):
            continue
        key = (r.counts, r.unit, event, _modifiers(noun, m.tokens))
        keyed.setdefault(key, []).append((m, noun))
    for key, counted in keyed.items():
        per_sent: dict[int, int] = {}
        for m, _ in counted:
            per_sent[m.sent_index] = per_sent.get(m.sent_index, 0) + 1
        group = [(m, noun) for m, noun in counted if per_sent[m.sent_index] == 1]  # two in a sentence: a list, bail
        for a_i, (a, a_noun) in enumerate(group):
            for b, b_noun in group[a_i + 1 :]:
                if a.record.value == b.record.value or a.sent_index == b.sent_index:
                    continue
                da, db = dates_by_sent.get(a.sent_index, set()), dates_by_sent.get(b.sent_index, set())
                if da and db and da != db:
                    continue  # different days: the figures may both be right
                pa, pb = _places(a_noun), _places(b_noun)
                if pa and pb and not pa & pb:
                    continue
                if key[2] != "tally" and not _same_subject(_subject_of(a_noun), _subject_of(b_noun)):
                    continue  # "Kemp has 412 delegates" / "Lowry has 230" (who reports a tally is another matter)
                if _frame(a_noun) != _frame(b_noun):
                    continue  # "to win the Labour leadership" / "to win the leadership": maybe another contest
                if _different_incidents(doc, a, b):
                    continue
                if _another_years_event(sents, a, a_noun, b, b_noun):
                    continue
                yield Finding(
                    "NUM001",
                    "warning",
                    f"'{b.record.span.text} {b_noun.text}' conflicts with '{a.record.span.text} {a_noun.text}' "
                    f"given earlier for the same event ({key[2]})",
                    b.record.span,
                    related=[a.record.span],
                    confidence=0.7,
                    evidence={
                        "counts": key[0],
                        "event": key[2],
                        "values": [a.record.value, b.record.value],
                        "modifiers": sorted(key[3]),
                    },
                )
                break


# ---------------------------------------------------------------- NUM002


def _comparable(whole: QuantityMention, part: QuantityMention) -> bool:
    return whole.record.unit == part.record.unit and whole.record.unit not in ("%", "fraction")


_SPLIT_THOUSANDS = re.compile(r", \d{3}(?!\d)")


def _split_thousands(whole: QuantityMention) -> bool:
    """'of the 3, 200 sorties': a thousands separator with a stray space cut the whole in two in scraped copy; the
    whole read is '3', so no comparison with it can be trusted."""
    text = view(whole.tokens.doc).text
    return _SPLIT_THOUSANDS.match(text, whole.record.span.end) is not None


def _exceeds(whole: QuantityMention, part_value: float, parts: list[QuantityMention]) -> bool:
    if whole.qualifier in LOWER_BOUNDS or _split_thousands(whole):
        return False
    loose = whole.record.approximate or any(p.record.approximate and p.qualifier not in LOWER_BOUNDS for p in parts)
    return part_value > whole.record.value * (1.5 if loose else 1.0)


def _part_finding(whole: QuantityMention, parts: list[QuantityMention], how: str) -> Finding:
    total = sum(p.record.value for p in parts)
    if len(parts) == 1:
        message = f"The part '{parts[0].record.span.text}' is larger than the whole '{whole.record.span.text}' ({how})"
    else:
        listed = " + ".join(p.record.span.text for p in parts)
        message = f"The parts ({listed} = {total:g}) add up to more than the whole '{whole.record.span.text}' ({how})"
    return Finding(
        "NUM002",
        "error",
        message,
        Span.between(view(whole.tokens.doc).text, parts[0].record.span.start, parts[-1].record.span.end),
        related=[whole.record.span],
        confidence=0.85,
        evidence={"whole": whole.record.value, "parts": [p.record.value for p in parts], "sum": total, "link": how},
    )


def _in_rate(doc, m: QuantityMention) -> bool:
    """The number is one side of an 'N in M' rate ('6 in 10', 'one in five'): a share, not a count."""
    start, end = m.tokens.start, m.tokens.end
    before = start >= 2 and doc[start - 1].lower_ == "in" and _is_number_token(doc[start - 2])
    after = end + 1 < len(doc) and doc[end].lower_ == "in" and _is_number_token(doc[end + 1])
    return before or after


def find_parts_exceeding(doc, mentions: list[QuantityMention]) -> Iterator[Finding]:
    by_sent: dict[int, list[QuantityMention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent_index, []).append(m)
    sents = view(doc).sents
    for sent_index, group in by_sent.items():
        fronted = _fronted_whole(doc, sents[sent_index], group)
        if fronted is not None:
            whole, parts = fronted
            for part in parts:
                if _exceeds(whole, part.record.value, [part]):
                    yield _part_finding(whole, [part], "'Of the ..., N ...' ties the part to the whole")
                    break
        for k, m in enumerate(group):
            end = m.tokens.end
            nxt = doc[end] if end < len(doc) else None
            # "15 of the 12 victims" / "seven out of five voters"
            if nxt is not None and nxt.lower_ in ("of", "out"):
                j = end + (2 if nxt.lower_ == "out" else 1)
                if j < len(doc) and doc[j].lower_ in ("the", "those", "these", "its", "their", "his", "her"):
                    j += 1
                of_whole = next(
                    (
                        w
                        for w in group[k + 1 :]
                        if w.tokens.start == j
                        or (doc[w.tokens.start - 1].lower_ in CURRENCY_SYMBOLS and w.tokens.start - 1 == j)
                    ),
                    None,
                )
                if of_whole is not None and (_in_rate(doc, m) or _in_rate(doc, of_whole)):
                    continue  # "6 in 10 of the 3 in 10 voters": a rate of a rate, not a count of a count
                if (
                    of_whole is not None
                    and _comparable(of_whole, m)
                    and (nxt.lower_ == "out" or doc[end + 1].lower_ != "of")
                ):
                    if _exceeds(of_whole, m.record.value, [m]):
                        yield _part_finding(of_whole, [m], f"'{nxt.text}' ties the part to the whole")
                    continue
            # "120 per cent of the residents"
            if (
                m.record.unit == "%"
                and m.of_noun is not None
                and m.record.value > 100
                and m.qualifier not in ("up to",)
            ) and m.of_noun.lemma_.lower() in population_nouns():
                yield Finding(
                    "NUM002",
                    "error",
                    f"'{m.record.span.text}' of the {m.of_noun.text} is more than all of them",
                    m.record.span,
                    confidence=0.85,
                    evidence={
                        "percent": m.record.value,
                        "of": m.of_noun.lemma_.lower(),
                        "link": "percent of a population",
                    },
                )
            # "400 workers, of which 250 ..." / "500 soldiers: 300 American and 250 British" / "250 of them"
            if m.record.counts is None or m.record.unit in ("%", "fraction"):
                continue
            link, parts = _listed_parts(doc, m, group[k + 1 :])
            if link and parts:
                total = sum(p.record.value for p in parts)
                if _exceeds(m, total, parts):
                    yield _part_finding(m, parts, link)


_LEAD_WORDS = frozenset({"but", "and", "yet", "so"})


def _fronted_whole(doc, sent, group: list[QuantityMention]) -> tuple[QuantityMention, list[QuantityMention]] | None:
    """'Of the 140 homes destroyed, 185 were in Amarante': the whole fronted after 'Of (the)', then the parts as the
    subjects of the clause after the comma."""
    i = sent.start
    while i < sent.end and (doc[i].is_space or doc[i].lower_ in _LEAD_WORDS or doc[i].is_punct):
        i += 1
    if i >= sent.end or doc[i].lower_ != "of":
        return None
    j = i + 1
    if j < sent.end and doc[j].lower_ in ("the", "those", "these", "its", "their"):
        j += 1
    whole = next((m for m in group if m.record_start == j), None)
    if whole is None or whole.noun is None or whole.record.unit in ("%", "fraction"):
        return None
    comma = next((t.i for t in doc[whole.tokens.end : sent.end] if t.text == ","), None)
    if comma is None:
        return None
    parts = [
        m
        for m in group
        if m.tokens.start > comma
        and _comparable(whole, m)
        and m.record.counts in (None, whole.record.counts)
        and m.tokens.root.dep_ in ("nsubj", "nsubjpass", "conj")
        and m.qualifier not in LOWER_BOUNDS
    ]
    return (whole, parts) if parts else None


def _listed_parts(doc, whole: QuantityMention, later: list[QuantityMention]) -> tuple[str | None, list]:
    noun = whole.noun
    j = (noun.i + 1) if noun is not None and noun.i >= whole.tokens.end else whole.tokens.end
    start = j
    while j < len(doc) and j - start < 2 and doc[j].pos_ == "ADV" and doc[j].dep_ == "advmod":
        j += 1  # "deployed 1,200 soldiers there, of which ..."
    if j >= len(doc):
        return None, []
    window = doc[j : min(j + 4, len(doc))].text.lower()
    if re.match(r"^,?\s*of (?:which|whom)\b", window):
        link = "of which"
    elif re.match(r"^\s*[:\u2014\u2013]", window) or re.match(r"^\s*-\s", window):
        link = "a list after the total"
    elif re.match(r"^,?\s*including\b", window):
        link = "including"
    else:
        # "400 workers, 250 of them contractors"
        them = next(
            (
                p
                for p in later
                if p.tokens.end + 1 < len(doc)
                and doc[p.tokens.end].lower_ == "of"
                and doc[p.tokens.end + 1].lower_ in ("them", "whom", "which")
                and p.tokens.start - j <= 3
            ),
            None,
        )
        if them is not None and _comparable(whole, them):
            return "of them", [them]
        return None, []
    parts = []
    for p in later:
        if p.tokens.start < j or not _comparable(whole, p):
            break
        if p.record.counts not in (None, whole.record.counts):
            nationality = p.noun is not None and p.noun.ent_type_ == "NORP"
            if not nationality:
                break
        if link == "including":
            after = doc[p.tokens.end] if p.tokens.end < len(doc) else None
            if after is None or after.ent_type_ != "NORP":
                return None, []  # "including 300 officers and 250 women" may overlap
        parts.append(p)
    if link == "of which" and parts:
        return link, parts if _joined(doc, parts) else parts[:1]
    return (link, parts) if len(parts) >= 2 and _joined(doc, parts) else (None, [])


def _joined(doc, parts: list[QuantityMention]) -> bool:
    """The parts form one list: between them only short stretches with 'and' or commas, no new clause verb."""
    for a, b in itertools.pairwise(parts):
        gap = doc[a.tokens.end : b.tokens.start]
        if len(gap) > 4 or not any(t.lower_ in ("and", ",", ";") for t in gap) or any(t.pos_ == "VERB" for t in gap):
            return False
    return True


def find_quantity_problems(doc, mentions: list[QuantityMention] | None = None) -> Iterator[Finding]:
    mentions = find_quantity_mentions(doc) if mentions is None else mentions
    dates_by_sent: dict[int, set[str]] = {}
    sent_starts = view(doc).sent_start_chars
    for d in doc._.pl_dates or []:
        if d.value:
            dates_by_sent.setdefault(bisect.bisect_right(sent_starts, d.span.start) - 1, set()).add(d.value)
    yield from find_conflicts(doc, mentions, dates_by_sent)
    yield from find_parts_exceeding(doc, mentions)


def find_quantities(doc) -> list[Quantity]:
    return [m.record for m in find_quantity_mentions(doc)]


def make_component(nlp) -> Any:
    def run(doc) -> dict[str, list]:
        mentions = find_quantity_mentions(doc)
        return {"quantities": [m.record for m in mentions], "findings": list(find_quantity_problems(doc, mentions))}

    return run
