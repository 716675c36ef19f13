"""Contradictions inside one article: two statements about one event with opposite polarity (CON001), and the
same statement told twice (CON002).

Statements come from ``semantics.doc_propositions``; two are about one event only when their predicates are the
same, near-synonyms or antonyms and their subject or object match with nothing (place, date, number, a different
prepositional object) telling them apart. Hedged statements (may, if, whether, hoped to, questions) never count.
A conflict between sources ("X said ... ; Y denied ...") is exactly what CON001 surfaces. Not flagged: a statement
the narrator explicitly corrects ("in fact", "contrary to ..."), a change over time ("later", "since", "again"),
and clauses that state nothing of their own: gerunds and reduced relatives ("tweets shaming X"), infinitives that
are wanted or ordered rather than done ("told him to drop the gun"), "should"/"must", and verbs whose content is a
complement clause ("the poll shows that ...", "the videos do not show whether ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from ..model import Finding, Span
from ..nlp.docview import view
from ..nlp.numberwords import cardinals
from ..nlp.semantics import (
    NESTED_DEPS,
    Alignment,
    Proposition,
    align,
    attributed_align,
    doc_propositions,
    lexicon,
    noun_synonyms,
    repeat_align,
)
from ..rules import Rule
from .sources import quote_spans

RULES = [
    Rule(
        "CON001",
        "contradictory-statements",
        "warning",
        "contradictions",
        "Two statements in the article say opposite things about the same event.",
        "Fires when two sentences make statements about the same event (same or antonym predicate, matching subject "
        "or object, no place, date or number telling them apart) with opposite polarity: one says the talks have "
        "ended, another that they continue; one that the plant will close, another that it will stay open. Each side is "
        "attributed to its source when a quote covers it, so an editor can see whose account conflicts with whose. "
        "Hedged statements (may, if, whether), changes over time (later, since, again) and explicit corrections "
        "(in fact, contrary to) are not flagged; nor are statements whose subject is a bare pronoun (without "
        "coreference it matches no one), that name different parties or nationalities, or that point at 'the latest' "
        "of something.",
        "The ministry said the talks had collapsed. Union leaders said the talks would continue.",
    ),
    Rule(
        "CON002",
        "repeated-statement",
        "info",
        "contradictions",
        "The same statement is told twice in the article.",
        "Fires when two sentences state the same thing (same predicate and polarity, matching subject and object, "
        "most content words shared), for example two sentences both announcing that the same programme has ended. "
        "Repetition pads an article and can make one claim look doubly sourced. A paraphrase followed by the "
        "direct quote it summarises is ordinary news style and is not flagged.",
        "The city council approved the new budget on Tuesday. On Tuesday the council approved the new budget.",
        default=False,  # no finding judged correct on held-out news: docs/precision.md#the-default-set
    ),
]

MIN_REPEAT_OVERLAP = 0.6  # share of content words two statements must have in common to count as one told twice
MIN_REPEAT_WORDS = 3  # "he left" twice is not a repeated statement


# Verbs whose infinitive complement is reported as done or not done ("refused to leave", "continued to fire");
# "voted to approve" reports a decision taken. After any other governor ("ordered him to drop", "chose to file")
# the infinitive is wanted or planned, not stated.
_STATING_GOVERNORS = frozenset(
    {
        "continue",
        "keep",
        "stop",
        "cease",
        "start",
        "begin",
        "resume",
        "fail",
        "refuse",
        "decline",
        "manage",
        "remain",
        "try",
        "vote",
    }
)
_DEONTIC = frozenset({"should", "must", "ought"})  # "X should release them" says what ought to be, not what is
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FACT_NOUNS = frozenset({"fact", "news", "reality", "revelation", "disclosure"})  # "the fact that X" states X
_FUTURE_AUX = frozenset({"will", "would", "'ll", "’ll", "wo", "shall"})


def _finite(verb: Any) -> bool:
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children
    )


# A clause whose subject is a wh-word asks or names something ('what constitutes a search'); it states nothing.
_WH_SUBJECTS = frozenset({"what", "whatever", "which", "whichever"})


def _states_own_content(doc: Any, p: Proposition) -> bool:
    """A finite clause that carries its own content. Gerunds and reduced relatives ("tweets shaming X", "not paying
    taxes") are background to another statement; a verb with a clause or question as complement ("the poll shows
    that ...", "the videos do not show whether ...", "shed light on how ...") has its content in that complement."""
    tok = doc[p.token]
    if tok.pos_ == "NOUN":
        return True  # "no closure took place": the event noun's own clause was checked by semantics
    head = tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd") else tok
    for child in head.children:
        if child.dep_ in ("ccomp", "xcomp", "csubj"):
            return False
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _WH_SUBJECTS:
            return False  # "an inquiry about what violates the rules", "over what constitutes a search": a question
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children):
            return False
        if child.dep_ == "aux" and child.lower_ in _DEONTIC:
            return False
    if head.dep_ == "acl" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() not in _FACT_NOUNS:
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
            return False  # "no belief that a prosecutor would move forward": a belief's content, not a statement
    if head.dep_ == "relcl" and not _set_off(head):
        return False  # "in states where exit polls were conducted": the clause picks out a noun, it states nothing
    if _finite(head):
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in _STATING_GOVERNORS and _finite(head.head)


def _time_frame(doc: Any, p: Proposition) -> str:
    """When a statement places its event: 'future' ("would stay", "will close"), 'ongoing' ("are still counting"),
    'past' ("left", "did not count") or 'other'."""
    tok = doc[p.token]
    head = tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd") else tok
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    progressive = head.tag_ == "VBG" or any(a.tag_ == "VBG" for a in auxes)  # "are counting", "are being counted"
    if progressive and any(a.lemma_ == "be" and a.tag_ in ("VBP", "VBZ") for a in auxes):
        return "ongoing"
    if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return "other"


def _set_off(clause: Any) -> bool:
    """A relative clause between commas or dashes adds a statement ("the plant, which closed in May,"); without them
    it restricts its noun ("the states where polls were conducted")."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text in (",", "(", "—", "–", "-")


# Words that point at whatever is latest where the sentence stands: "her latest win" after two different wins names
# two wins, so the same words twice are not one statement told twice, nor a contradiction.
INDEXICAL = frozenset({"latest", "newest", "next", "previous", "current", "recent", "most-recent"})


def _indexical(p: Proposition) -> bool:
    """The subject or object is pinned by an indexical word before its head noun ('her latest win')."""
    for arg in (p.subject, p.object):
        if arg is None:
            continue
        for word in arg.text.split():
            low = word.strip(".,'\"").lower()
            if low == arg.head or low.rstrip("s") == arg.head:
                break  # only the words before the head: "the stage ... from next spring" is not "the next stage"
            if low in INDEXICAL:
                return True
    return False


def _body_propositions(doc: Any) -> list[Proposition]:
    """The body's own unhedged statements, filtered once per doc (CON001 and CON002 both read them)."""
    cached = doc.user_data.get("presslint.body_propositions")
    if cached is None:
        cached = doc.user_data["presslint.body_propositions"] = _own_statements(doc)
    return cached


def _own_statements(doc: Any) -> list[Proposition]:
    article = getattr(doc._, "pl_article", None)
    body_start = article.body_start if article is not None and article.title_span else 0
    props: list[Proposition] = []
    for sent_props in doc_propositions(doc):
        props.extend(
            p
            for p in sent_props
            if p.start >= body_start
            and p.hedge is None
            and not _indexical(p)
            and _states_own_content(doc, p)
            and not _asked(doc, p)
        )
    return props


def _asked(doc: Any, p: Proposition) -> bool:
    """The statement is part of a question ('"What does that mean, he kept the city safe?" she asked'): a question,
    rhetorical or not, asserts nothing to contradict. The first sentence-closing mark after the verb decides."""
    v = view(doc)  # the doc's token strings and sentence starts, not a Token per word to the sentence's end
    texts, starts = v.texts, v.sent_starts
    after = bisect.bisect_right(starts, p.token)  # the first sentence starting after the verb
    stop = starts[after] if after < len(starts) else len(texts)
    for i in range(p.token + 1, len(texts)):
        if texts[i] in (".", "!", "?") or i == stop:
            return texts[i] == "?"
    return False


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
    return Span.of(view(doc).sents[prop.sent])


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def _different_sources(left: dict, right: dict) -> bool:
    a, b = left["source"], right["source"]
    if not a or not b:
        return False
    x, y = a["name"].casefold(), b["name"].casefold()
    if x in _PRONOUNS or y in _PRONOUNS:
        return False  # 'she' is nobody yet: not a second source against the one named
    return x != y and x not in y and y not in x  # "Darwish" and "Leila Darwish" are one source


def _days_by_sentence(doc: Any) -> dict[int, set[str]]:
    """Day-level dates (resolved by the dates analyzer, "the same day" included) per sentence index."""
    v = view(doc)
    days: dict[int, set[str]] = {}
    for d in getattr(doc._, "pl_dates", None) or ():
        if d.value and d.granularity == "day":
            days.setdefault(v.sent_index_at_char(d.span.start), set()).add(d.value)
    return days


_SAME_TIME = ("the same day", "on the same day", "that same day", "at the same time")


def _link(doc: Any, p: Proposition, q: Proposition, days: dict[int, set[str]]) -> str | None:
    """What ties two differently worded statements to one event: a shared place or named actor, or one day."""
    places = sorted(p.places & q.places)
    if places:
        return f"same place '{places[0]}'"
    names: set[str] = set()
    for a in (p.subject, p.object):
        for b in (q.subject, q.object):
            if a is not None and b is not None and not a.pronoun and not b.pronoun:
                names |= (a.names | ({a.head} if a.names else set())) & (b.names | {b.head})
    if names:
        return f"same actor '{sorted(names)[0]}'"
    shared_days = days.get(p.sent, set()) & days.get(q.sent, set())
    if shared_days:
        return f"same day {sorted(shared_days)[0]}"
    if getattr(doc._, "pl_dates", None):
        return None  # the dates analyzer already resolved "the same day": no shared day means none
    sents = view(doc).sents
    later, earlier = sents[max(p.sent, q.sent)], sents[min(p.sent, q.sent)]
    if any(phrase in later.text.lower() for phrase in _SAME_TIME) and any(t.ent_type_ == "DATE" for t in earlier):
        return "'the same day'"
    return None


def _shifted(p: Proposition, q: Proposition) -> bool:
    # A change over time ("later", "since") or a correction framed as such ("in fact") is the article telling a
    # story, not contradicting itself (markers are read per sentence in semantics._markers).
    return bool(p.markers or q.markers)


def _conflict_message(left: dict, right: dict, alignment: Alignment) -> str:
    who = ""
    if left["source"] and right["source"] and left["source"]["name"] != right["source"]["name"]:
        who = f" ({left['source']['name']} vs {right['source']['name']})"
    return (
        f"This statement contradicts an earlier one about the same event{who}: "
        f"'{left['text']}' vs '{right['text']}' ({alignment.reason})."
    )


def find_contradictions(doc: Any) -> Iterator[Finding]:
    """CON001: pairs of statements about one event with opposite polarity."""
    lex = lexicon()
    props = _body_propositions(doc)
    flagged: set[tuple[int, int]] = set()
    days: dict[int, set[str]] | None = None
    for j, q in enumerate(props):
        for p in props[:j]:
            if p.sent == q.sent or (p.sent, q.sent) in flagged or _shifted(p, q):
                continue
            link = None
            alignment = align(p, q, lex)
            if alignment is None:
                # Differently worded accounts from two sources: a looser alignment, but a link must tie them.
                if lex.relation(p.predicate, q.predicate) is None:
                    continue
                alignment = attributed_align(p, q, lex)
                if alignment is None or alignment.stance != "conflict":
                    continue
                left, right = _side(doc, p), _side(doc, q)
                if not _different_sources(left, right):
                    continue
                days = _days_by_sentence(doc) if days is None else days
                link = _link(doc, p, q, days)
                if link is None:
                    continue
            elif alignment.stance != "conflict":
                continue
            else:
                left, right = _side(doc, p), _side(doc, q)
            different_sources = _different_sources(left, right)
            frames = {_time_frame(doc, p), _time_frame(doc, q)}
            if not different_sources and "past" in frames and frames & {"future", "ongoing"}:
                # "he said Fiorina would stay on top" then the writer's "after Fiorina left"; "the votes are still
                # being counted" then "their vote didn't count": a forecast and its outcome, or two moments, told
                # by one voice. Two sources at odds across tenses ("had collapsed" / "would continue") still count.
                continue
            if not link and len(alignment.shared) < 2 and not (left["source"] or right["source"]):
                # Both in the writer's voice with one shared word: on real news these were a sequence ('detained'
                # then 'released'), another object ('do not review social media' / 'are reviewing all visas') or a
                # change over time, never a contradiction (5 of 5 read on development texts). A source on one
                # side or two shared arguments are needed.
                continue
            confidence = (0.6 if link else 0.7) + 0.1 * (len(alignment.shared) > 1) + 0.1 * different_sources
            flagged.add((p.sent, q.sent))
            evidence = {
                "statements": [left, right],
                "relation": alignment.relation,
                "reason": alignment.reason,
                "shared": list(alignment.shared),
            }
            if link:
                evidence["link"] = link
            yield Finding(
                "CON001",
                "warning",
                _conflict_message(left, right, alignment),
                _sentence_span(doc, q),
                related=[_sentence_span(doc, p)],
                confidence=round(confidence, 2),
                evidence=evidence,
            )


_NUMBER_WORDS = {w: str(n) for w, n in cardinals(1, 12).items()}
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _statement(doc: Any, p: Proposition) -> tuple[frozenset[str], frozenset[str]]:
    """(content words, numbers) of the reported clause, plus the clause that governs it when the predicate is its
    complement ("voted 7-4 to approve the plan"). Near-synonym nouns are folded and number words become digits."""
    synonyms = noun_synonyms()
    token = doc[p.token]
    words: set[str] = set()
    numbers: set[str] = set()
    clause = list(_clause_of(token))
    if token.dep_ == "xcomp" and token.head.pos_ == "VERB" and token.head.lemma_.lower() not in lexicon().report:
        gov = token.head
        clause.append(gov)
        for child in gov.children:
            if child != token and child.dep_ not in NESTED_DEPS:
                clause.extend(child.subtree)
    for t in clause:
        low = t.lower_
        if low in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS[low])
            words.add(_NUMBER_WORDS[low])
        elif t.like_num or any(ch.isdigit() for ch in low):
            found = _DIGITS.findall(low.replace(",", ""))
            numbers.update(found)
            words.update(found)
        elif t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha:
            lemma = t.lemma_.lower()
            if lemma not in lexicon().report:
                words.add(synonyms.get(lemma, lemma))
    return frozenset(words), frozenset(numbers)


def _clause_of(token: Any) -> list[Any]:
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in NESTED_DEPS)
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter statement's words the other one also has."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# Verbs of denial: a sentence with one answers a statement, it does not repeat it.
DENIAL_LEMMAS = frozenset({"deny", "dispute", "reject", "refute", "contest", "rebut"})


def _denies(doc: Any, p: Proposition) -> bool:
    """The proposition's sentence carries a denial ('X denied any link ... and said he merely sold ...')."""
    return any(t.lemma_.lower() in DENIAL_LEMMAS and t.pos_ == "VERB" for t in view(doc).sents[p.sent])


def find_repetitions(doc: Any) -> Iterator[Finding]:
    """CON002: one statement told twice (same predicate and polarity, matching arguments, most words shared)."""
    lex = lexicon()
    props = [p for p in _body_propositions(doc) if len(p.content) >= MIN_REPEAT_WORDS]
    statements: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def statement(p: Proposition) -> tuple[frozenset[str], frozenset[str]]:
        if p.token not in statements:
            statements[p.token] = _statement(doc, p)
        return statements[p.token]

    marks = quote_spans(view(doc).text)

    def quoted(p: Proposition) -> bool:
        """In someone's own words: a direct quote the sources analyzer found, or any stretch in quotation marks
        ('In her words: "We will hire 40 teachers"' has no speech verb but is still the quote)."""
        quote = _quote_of(doc, p)
        if quote is not None and quote.kind == "direct":
            return True
        char = doc[p.token].idx
        return any(s < char < e for s, e in marks)

    flagged: set[int] = set()
    for j, q in enumerate(props):
        if q.sent in flagged:
            continue
        for p in props[:j]:
            if p.sent == q.sent or _shifted(p, q):
                continue
            alignment = repeat_align(p, q, lex)
            if alignment is None:
                continue
            (words_p, numbers_p), (words_q, numbers_q) = statement(p), statement(q)
            if numbers_p and numbers_q and not numbers_p & numbers_q:
                continue  # "won 3-1" / "won 2-0": two results
            shared_words = words_p & words_q
            overlap = _overlap(words_p, words_q)
            if overlap < MIN_REPEAT_OVERLAP or len(shared_words) < MIN_REPEAT_WORDS:
                continue
            if quoted(p) != quoted(q):
                continue  # a paraphrase and the direct quote it summarises
            if _denies(doc, p) != _denies(doc, q):
                continue  # a fact and the person's denial or own account of it: two sides, not one told twice
            flagged.add(q.sent)
            yield Finding(
                "CON002",
                "info",
                f"This repeats an earlier statement: '{p.text}'.",
                _sentence_span(doc, q),
                related=[_sentence_span(doc, p)],
                confidence=round(min(0.9, 0.5 + overlap / 2), 2),
                evidence={
                    "statements": [_side(doc, p), _side(doc, q)],
                    "overlap": round(overlap, 2),
                    "shared_words": sorted(shared_words),
                },
            )
            break


def make_component(nlp: Any) -> Any:
    def run(doc: Any) -> dict[str, list]:
        return {"findings": [*find_contradictions(doc), *find_repetitions(doc)]}

    return run
