"""Sentence semantics shared by the headline and contradiction analyzers: who does what, and whether it is asserted.

No inference model is used. A statement ("proposition") is read from the dependency parse: a predicate (verb lemma,
predicate adjective, or an event noun such as "withdrawal" in "no withdrawal took place"), its polarity (negation,
"no" determiners, "has yet to", negating governors such as "denied that ..."), its subject and object, and the
places, times and numbers that pin it to one event. Two propositions are compared only when their predicates are the
same, near-synonyms or antonyms in our lexicons (``data/semantics``) and their arguments line up; when something does
not line up the comparison bails out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .docview import view
from .lexicons import read_text

# Entity labels that pin a statement to one place, time or amount: different values mean different events.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod"})
# Clause-bound children whose subtree is a statement of its own, not part of this one.
NESTED_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "xcomp", "cc", "csubj"})
# Dependency links a negation or hedge travels up along (complements, objects, prepositional attachments).
GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "pobj", "prep", "acl", "nsubj", "nsubjpass", "attr", "oprd"})
CONDITIONAL_MARKS = frozenset({"if", "whether", "unless"})
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "go", "come", "become", "seem"})
# Verbs of staying that are copulas with a complement ("manufacturing remains the largest employer", "stayed calm"):
# they say what something still is, not that it stays where it is, so they are no antonym of leaving or moving.
COPULAR_STATE_VERBS = frozenset({"remain", "stay"})
# Sentence-initial auxiliaries of a yes/no question.
QUESTION_AUX = frozenset(
    {
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "did",
        "does",
        "do",
        "can",
        "could",
        "should",
        "has",
        "have",
        "had",
        "may",
        "might",
        "must",
        "shall",
        "isn't",
        "aren't",
        "won't",
        "didn't",
        "doesn't",
        "can't",
    }
)
NEGATIVE_SUBJECTS = frozenset({"nobody", "nothing", "none", "neither"})
GENERIC_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "own"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    antonyms: frozenset[tuple[str, str]]
    synonyms: frozenset[tuple[str, str]]
    nominals: dict[str, str]  # event noun -> predicate ("withdrawal" -> "withdraw")
    flip: frozenset[str]  # governors that negate their complement
    hedge: frozenset[str]  # governors and modals that leave it open
    report: frozenset[str]  # attribution verbs
    occur: frozenset[str]  # "take place", "happen": assert their event-noun subject
    words: frozenset[str] = frozenset()  # every predicate with a synonym or antonym

    def relation(self, a: str, b: str) -> str | None:
        """ "same", "synonym", "antonym" or None (unrelated, or both synonym and antonym in different senses)."""
        if a == b:
            return "same"
        pair = (a, b)
        ant, syn = pair in self.antonyms, pair in self.synonyms
        if ant and not syn:
            return "antonym"
        if syn and not ant:
            return "synonym"
        return None

    def related(self, a: str) -> bool:
        return a in self.words


def _lines(name: str) -> Iterable[str]:
    for line in read_text(f"semantics/{name}").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield line


def _pairs(name: str, antonyms: set, synonyms: set) -> None:
    for line in _lines(name):
        left, _, right = line.partition("|")
        sides = [left.split(), right.split()]
        for side, other in (sides, sides[::-1]):
            for a in side:
                antonyms.update((a, b) for b in other if a != b)
                synonyms.update((a, b) for b in side if a != b)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    antonyms: set[tuple[str, str]] = set()
    synonyms: set[tuple[str, str]] = set()
    _pairs("antonyms.txt", antonyms, synonyms)
    _pairs("adjectives.txt", antonyms, synonyms)
    nominals = dict(line.split()[:2] for line in _lines("nominalisations.txt"))
    kinds: dict[str, set[str]] = {"flip": set(), "hedge": set(), "report": set(), "occur": set()}
    for line in _lines("negation.txt"):
        kind, *listed = line.split()
        kinds[kind].update(listed)
    vocabulary = frozenset(a for a, _ in antonyms) | frozenset(a for a, _ in synonyms)
    return Lexicon(
        frozenset(antonyms),
        frozenset(synonyms),
        nominals,
        **{k: frozenset(v) for k, v in kinds.items()},
        words=vocabulary,
    )


@dataclass(frozen=True, slots=True)
class Argument:
    """A subject or object: its head word, the words that narrow it ("fuel" in "fuel tax"), its text."""

    head: str
    modifiers: frozenset[str]
    text: str
    pronoun: bool = False
    names: frozenset[str] = frozenset()  # the modifiers that are names ("apple" in "Apple shares")


@dataclass(slots=True)
class Proposition:
    """One statement of the article: predicate, polarity and the arguments that pin it to an event."""

    sent: int  # index of the sentence in doc.sents
    token: int  # doc index of the predicate word
    predicate: str  # canonical predicate ("withdraw", "pull_out", "safe")
    positive: bool
    reasons: tuple[str, ...]  # why it is negative ("'not'", "'denied' governs it", "'no withdrawal'")
    subject: Argument | None
    object: Argument | None
    preps: dict[str, str]  # preposition -> head of its object ("in" -> "tokyo")
    places: frozenset[str]
    times: frozenset[str]
    numbers: frozenset[str]
    content: frozenset[str]  # content lemmas of the clause
    start: int  # character span of the clause
    end: int
    text: str
    hedge: str | None = None  # why the statement is left open (modal, condition, question, "hoped to")
    speaker: str | None = None  # subject of a governing attribution verb ("officials" in "officials said ...")
    markers: frozenset[str] = field(default_factory=frozenset)  # time-shift / correction words in the sentence
    tense: str = "present"  # "past", "present" or "future"
    universal: frozenset[str] = frozenset()  # prepositions whose object is quantified by all/every ("in all stations")
    infinitive: bool = False  # "(the need for troops) to leave": wanted, planned or agreed, not reported as done
    actors: frozenset[str] = frozenset()  # names that say who acts ("British" troops, a "US" withdrawal)
    progressive: bool = False  # "jobs are moving out": a change under way, not a completed one
    groups: frozenset[str] = frozenset()  # parties, nationalities in the clause ("the Democratic primary")
    passive: bool = False  # "rates are raised": the subject is what is acted on, not who acts

    @property
    def polarity(self) -> str:
        return "positive" if self.positive else "negative"

    def describe(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "predicate": self.predicate,
            "polarity": self.polarity,
            "reasons": list(self.reasons),
            "hedge": self.hedge,
        }


# ---------------------------------------------------------------- reading propositions from the parse


def _key(token: Any, lex: Lexicon) -> str:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "advmod") and child.i == token.i + 1:  # "pulled out of", "stepped down"
            phrasal = f"{lemma}_{child.lower_}"
            if lex.related(phrasal) or phrasal in lex.flip or phrasal in lex.occur:
                return phrasal
        if child.dep_ == "dobj" and lemma == "take" and child.lower_ == "place":
            return "take_place"
    if token.pos_ == "NOUN" and lemma in lex.nominals:
        return lex.nominals[lemma]
    return lemma


def _argument(token: Any) -> Argument:
    if token.pos_ == "PRON":
        return Argument(token.lower_, frozenset(), token.text, pronoun=True)
    modifiers, names = set(), set()
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            for t in child.subtree:
                if t.pos_ in CONTENT_POS and (t.pos_ == "PROPN" or not t.is_stop) and t.lower_ not in GENERIC_WORDS:
                    modifiers.add(t.lemma_.lower())
                    if t.pos_ == "PROPN" or t.ent_type_:
                        names.add(t.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            modifiers.update(t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "PROPN"))
    if token.ent_type_ and token.pos_ == "PROPN":  # a multi-word name counts as one head ("Bank of England")
        ent = _entity(token)
        head = ent.text.lower()
        modifiers -= {t.lemma_.lower() for t in ent}
    else:
        head = _singular(token.lemma_.lower())
    # Span text, never doc.text: Doc.text re-joins the whole document on every access.
    return Argument(
        head,
        frozenset(modifiers),
        token.doc[token.left_edge.i : token.right_edge.i + 1].text,
        names=frozenset(names & modifiers),
    )


def _entity(token: Any) -> Any:
    """The entity span around a token, from IOB tags (doc.ents rebuilds every span on each access)."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _singular(word: str) -> str:
    # The tagger sometimes reads a capitalised plural as a name and leaves it unlemmatised ("Shareholders").
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _subject(token: Any, depth: int = 0) -> Any:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            if child.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                return token.head  # "Nigeria, which does not border the DRC": the subject is what 'which' stands for
            return child if child.dep_ != "expl" else None
    # "troops refused to leave" / "prices rose and then fell": the subject sits on the governing verb.
    if depth < 2 and token.dep_ in ("xcomp", "conj") and token.head != token:
        return _subject(token.head, depth + 1)
    return None


def _object(token: Any) -> Any:
    for child in token.children:
        if child.dep_ in ("dobj", "attr", "oprd") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    return None


def _clause_tokens(token: Any) -> list[Any]:
    """The predicate's own clause: its subtree less nested statements."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in NESTED_DEPS or c == token)
    out.sort(key=lambda t: t.i)
    return out


def _negations(head: Any) -> list[str]:
    reasons = []
    for child in head.children:
        if child.dep_ == "neg":
            reasons.append(f"'{child.text}'")
        elif child.dep_ == "advmod" and child.lower_ == "never":
            reasons.append("'never'")
        elif child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            reasons.append("'no longer'")
    return reasons


def _no_determiner(noun: Any) -> bool:
    return noun.lower_ in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _governors(head: Any, lex: Lexicon, reasons: list[str]) -> tuple[str | None, str | None]:
    """Walk up from the clause to the verbs that govern it; flip polarity, note hedges and the speaker."""
    hedge = speaker = None
    node = head
    for _ in range(6):
        if node.dep_ == "conj" and node.head.dep_ in ("ccomp", "xcomp"):
            node = node.head  # "said that A and that B": B shares A's governor, not A's own negation
            continue
        if node.dep_ not in GOVERNED_DEPS or node.head == node:
            break
        dep, gov = node.dep_, node.head
        lemma = gov.lemma_.lower()
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            hedge = hedge or f"'{next(c.text for c in node.children if c.lower_ in CONDITIONAL_MARKS)}'"
        if dep in ("ccomp", "xcomp", "dobj", "acl") and gov.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            gov_negated = bool(_negations(gov))
            if lemma in lex.flip or _key(gov, lex) in lex.flip:
                reasons.append(f"'{gov.text}' governs it")
                if gov_negated:  # "did not deny that ..." asserts nothing either way
                    hedge = hedge or f"not '{gov.text}'"
            elif lemma in ("have", "be") and dep == "xcomp" and any(c.lower_ == "yet" for c in gov.children):
                reasons.append(f"'{gov.text} yet to'")
            elif lemma in lex.hedge or (gov_negated and lemma in lex.report):
                hedge = hedge or f"'{gov.text}'"
            if lemma in lex.report and speaker is None:
                subj = _subject(gov)
                if subj is not None:
                    speaker = _argument(subj).text
        node = gov
    if speaker is None:
        speaker = _root_speaker(head, lex)
    return hedge, speaker


def _root_speaker(head: Any, lex: Lexicon) -> str | None:
    """The subject of a sentence-root attribution verb whose subtree holds the clause. The small model often hangs a
    reported clause on a noun ("told Radio Norte the same day that no offer had been received" -> a relative clause
    of "day"), which breaks the ccomp chain although the verb still reports it."""
    root = view(head.doc).sent_of(head.i).root
    if root == head or root.lemma_.lower() not in lex.report or not (root.left_edge.i <= head.i <= root.right_edge.i):
        return None
    node = head
    for _ in range(8):  # the clause must not sit under a nested statement of its own ("who said ... that")
        if node == root:
            break
        if node.dep_ in ("advcl", "csubj", "parataxis") and node.head == root:
            return None
        node = node.head
    subj = _subject(root)
    return _argument(subj).text if subj is not None and subj.i < head.i else None


_FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})


def _tense(head: Any) -> str:
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes) or (head.dep_ == "xcomp" and head.head.lemma_ == "go"):
        return "future"
    if head.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have") for a in auxes):
        return "past"
    return "present"


def _progressive(head: Any) -> bool:
    return head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)


def _trend_and_state(relation: str, p: Proposition, q: Proposition) -> bool:
    """A change under way and a state that still holds, both in the present ("jobs are moving out of Ohio" / "most
    jobs remain in Ohio"): a trend does not contradict the state it is eroding."""
    return relation == "antonym" and p.tense == q.tense == "present" and p.progressive != q.progressive


def _modal_hedge(head: Any, lex: Lexicon, question: bool) -> str | None:
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in lex.hedge:
            if (
                question and child.i == view(head.doc).sent_of(head.i).start
            ):  # "Could X happen?" asks, it does not hedge
                continue
            return f"'{child.text}'"
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return f"'{child.text}'"
    return None


_SHIFT_WORDS = frozenset(
    {
        "later",
        "subsequently",
        "since",
        "again",
        "now",
        "previously",
        "earlier",
        "initially",
        "originally",
        "eventually",
        "afterwards",
        "then",
        "meanwhile",
        "formerly",
        "once",
    }
)
_CORRECTION_PHRASES = (
    "in fact",
    "actually",
    "contrary to",
    "correction",
    "incorrectly",
    "erroneously",
    "mistakenly",
    "earlier version",
    "was wrong",
    "falsely",
)


# A change of state: "X no longer owns Y" tells that X once did, so a sentence saying X owns Y may be about before.
_SHIFT_PHRASES = ("no longer", "any longer", "anymore")


def _markers(sent: Any) -> frozenset[str]:
    v = view(sent.doc)  # the doc's strings, read once (docview), not a Token per word of each sentence
    lowers = v.lowers
    found = {lowers[i] for i in range(sent.start, sent.end) if lowers[i] in _SHIFT_WORDS}
    low = v.text_of(sent).lower()
    found.update(p for p in _CORRECTION_PHRASES if p in low)
    found.update(p for p in _SHIFT_PHRASES if p in low)
    return frozenset(found)


def _anchor(token: Any, lex: Lexicon) -> tuple[str, Any, Any, Any] | None:
    """(predicate, clause head for polarity, subject token, object token) when ``token`` states something."""
    pos, dep, lemma = token.pos_, token.dep_, token.lemma_.lower()
    if pos == "VERB" or (dep == "ROOT" and pos in ("NOUN", "VERB") and any(c.dep_ == "aux" for c in token.children)):
        key = _key(token, lex)
        if key in lex.report or lemma in LIGHT_VERBS:
            return None  # attribution and light verbs state nothing of their own
        if lemma in COPULAR_STATE_VERBS and any(c.dep_ in ("attr", "acomp", "oprd") for c in token.children):
            return (
                None  # "remains the largest employer", "stayed calm": a state, not staying put (its adjective is read)
            )
        if (
            key in lex.occur
            and not lex.related(key)
            and (
                _names_event(token, lex)
                or key == "take_place"
                or any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
            )
        ):
            return None  # "no withdrawal took place": the event noun carries the statement
        has_complement = any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        if has_complement and (
            key in lex.flip
            or key in lex.hedge
            or key in lex.occur
            or key
            in (
                "continue",
                "keep",
                "stop",
                "cease",
                "start",
                "begin",
                "plan",
                "decide",
                "agree",
                "promise",
                "pledge",
                "vow",
                "intend",
                "aim",
                "need",
                "have",
            )
        ):
            return None  # the complement carries the statement
        return key, token, _subject(token), _object(token)
    if pos == "ADJ" and dep in ("acomp", "oprd", "ROOT"):
        head = token.head if dep != "ROOT" else token
        subj = _subject(head) if dep == "acomp" else _object(head) if dep == "oprd" else _subject(token)
        return lemma, head, subj, None
    if pos == "NOUN" and lemma in lex.nominals:
        noun = token
        holder = token.head if dep == "compound" else token  # "evacuation operation"
        gov = holder.head
        gkey = _key(gov, lex)
        if holder.dep_ in ("nsubj", "nsubjpass") and gkey in lex.occur:
            reasons_head = gov
        elif holder.dep_ == "attr" and gov.lemma_ == "be" and any(c.dep_ == "expl" for c in gov.children):
            reasons_head = gov  # "there has been no withdrawal": existence asserts (or with 'no' denies) the event
        elif holder.dep_ == "dobj" and (
            gkey in lex.flip
            or gkey in lex.report
            or gkey in lex.occur
            or gkey in ("order", "complete", "approve", "block")
        ):
            reasons_head = holder
        else:
            return None
        of_obj = next(
            (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        return lex.nominals[lemma], reasons_head, of_obj, None
    return None


def _names_event(token: Any, lex: Lexicon) -> bool:
    """An occurrence verb whose subject or object is an event noun we know ("the withdrawal was completed")."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            nouns = [child] + [c for c in child.children if c.dep_ == "compound"]
            if any(n.pos_ == "NOUN" and n.lemma_.lower() in lex.nominals for n in nouns):
                return True
    return False


def _actors(token: Any, subj: Any) -> frozenset[str]:
    names: set[str] = set()
    if subj is not None and subj.pos_ != "PRON":
        if subj.pos_ == "PROPN" or subj.ent_type_:
            names.add(subj.lower_)
        names.update(
            c.lower_
            for c in subj.children
            if c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_)
        )
    if token.pos_ == "NOUN":  # "the US withdrawal", "Britain's pullout"
        names.update(
            c.lower_
            for c in token.children
            if c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_)
        )
    return frozenset(names)


UNIVERSAL_WORDS = frozenset({"all", "every", "each"})


def _universal(pobj: Any) -> bool:
    """ "all 1,240 polling stations", "every district": the object covers the whole set."""
    for child in pobj.children:
        if child.lower_ in UNIVERSAL_WORDS and child.dep_ in ("det", "predet", "amod", "nummod"):
            return True
        if child.dep_ == "nummod" and any(g.lower_ in UNIVERSAL_WORDS for g in child.children):
            return True
    return False


def _anchors(
    sent: Any, lex: Lexicon, candidates: list[int] | None = None
) -> list[tuple[Any, tuple[str, Any, Any, Any]]]:
    """``candidates`` (sorted token indices, from ``_anchor_candidates``) limits the tokens read to those that can
    anchor; None reads every token of the sentence."""
    if candidates is None:
        tokens: Iterable[Any] = sent
    else:
        doc = sent.doc
        lo, hi = bisect.bisect_left(candidates, sent.start), bisect.bisect_left(candidates, sent.end)
        tokens = (doc[i] for i in candidates[lo:hi])
    return [(token, anchored) for token in tokens if (anchored := _anchor(token, lex)) is not None]


def _anchor_candidates(doc: Any) -> list[int]:
    """Indices of the doc's verbs, nouns and adjectives: ``_anchor`` is None for every other part of speech, and
    reading the POS array once spares making a Token (and reading its tags) for each of the other words."""
    from spacy.attrs import POS
    from spacy.parts_of_speech import ADJ, NOUN, VERB

    if not len(doc):
        return []
    wanted = {int(ADJ), int(NOUN), int(VERB)}
    return [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos in wanted]


def sentence_propositions(
    sent: Any, sent_index: int, lex: Lexicon | None = None, *, question: bool = False, anchors: list | None = None
) -> list[Proposition]:
    """Every proposition of one sentence. ``question=True`` reads a headline question as the statement it asks
    about ("Will the talks end?" -> talks end, positive) instead of hedging it. ``anchors`` (from ``_anchors``,
    possibly filtered) limits the work to those predicates."""
    lex = lex or lexicon()
    doc = sent.doc
    if anchors is None:
        anchors = _anchors(sent, lex)
    if not anchors:
        return []
    is_question = view(doc).text_of(sent).rstrip().endswith("?")
    markers = _markers(sent)
    props = []
    for token, anchored in anchors:
        predicate, head, subj, obj = anchored
        reasons = _negations(head)
        if head != token:
            reasons += _negations(token)
        if token.pos_ == "NOUN" and (
            _no_determiner(token) or (token.dep_ == "compound" and _no_determiner(token.head))
        ):
            reasons.append("'no' " + token.text)
        elif subj is not None and _no_determiner(subj) and token.pos_ != "NOUN":
            reasons.append(f"'{subj.text}' subject" if subj.lower_ in NEGATIVE_SUBJECTS else f"'no {subj.text}'")
        hedge, speaker = _governors(head, lex, reasons)
        hedge = hedge or _modal_hedge(head, lex, question)
        if is_question and not question:
            hedge = hedge or "question"
        clause = _clause_tokens(head)
        while clause and (clause[0].dep_ in ("mark", "punct", "cc") or clause[0].lower_ == "that"):
            clause.pop(0)
        while clause and clause[-1].dep_ == "punct":
            clause.pop()
        if not clause:
            continue
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        places, times, numbers, preps, universal = set(), set(), set(), {}, set()
        groups: set[str] = set()
        covered: set[int] = set()  # tokens inside an "all/every" object: its count names the whole set
        for t in clause:
            if t.dep_ == "prep" and (t.head == head or t.head == obj):  # "found weapons in the car"
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    preps[t.lower_] = pobj.lemma_.lower()
                    if _universal(pobj):
                        universal.add(t.lower_)
                        covered.update(range(pobj.left_edge.i, pobj.right_edge.i + 1))
        for t in clause:
            label = t.ent_type_
            if label in PLACE_LABELS:
                if t.is_alpha and not t.is_stop:
                    places.add(t.lower_)
            elif label in TIME_LABELS:
                times.add(t.lower_)
            elif label in NUMBER_LABELS and t.like_num and t.i not in covered:
                numbers.add(t.lower_.replace(",", ""))
            elif label == "NORP" and t.is_alpha:
                groups.add(t.lower_)
        content = frozenset(
            t.lemma_.lower()
            for t in clause
            if t.pos_ in CONTENT_POS and not t.is_stop and t.lemma_.lower() not in lex.report
        )
        props.append(
            Proposition(
                sent=sent_index,
                token=token.i,
                predicate=predicate,
                positive=len(reasons) % 2 == 0,
                reasons=tuple(reasons),
                subject=_argument(subj) if subj is not None else None,
                object=_argument(obj) if obj is not None else None,
                preps=preps,
                places=frozenset(places),
                times=frozenset(times),
                numbers=frozenset(numbers),
                content=content,
                start=start,
                end=end,
                text=doc[clause[0].i : clause[-1].i + 1].text,
                hedge=hedge,
                speaker=speaker,
                markers=markers,
                tense=_tense(head),
                universal=frozenset(universal),
                infinitive=any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children),
                actors=_actors(token, subj),
                progressive=_progressive(head),
                groups=frozenset(groups),
                passive=subj is not None and subj.dep_ == "nsubjpass",
            )
        )
    return props


def doc_propositions(doc: Any) -> list[list[Proposition]]:
    """Propositions per sentence, computed once per Doc and shared by the analyzers."""
    cached = doc.user_data.get("presslint.propositions")
    if cached is None:
        lex = lexicon()
        title = getattr(doc._, "pl_article", None)
        title_span = title.title_span if title is not None else None
        sents = view(doc).sents
        candidates = _anchor_candidates(doc)
        anchors = [_anchors(sent, lex, candidates) for sent in sents]
        # A statement is only ever compared with one whose predicate is the same or related in the lexicons: a
        # predicate that occurs once and has no relative cannot pair, so its full reading is skipped (most verbs).
        counts: dict[str, int] = {}
        for found in anchors:
            for _, anchored in found:
                counts[anchored[0]] = counts.get(anchored[0], 0) + 1
        cached = []
        for i, sent in enumerate(sents):
            is_title = title_span is not None and sent.start_char < title_span[1] and sent.end_char > title_span[0]
            kept = anchors[i] if is_title else [a for a in anchors[i] if counts[a[1][0]] > 1 or lex.related(a[1][0])]
            cached.append(sentence_propositions(sent, i, lex, question=is_title, anchors=kept))
        doc.user_data["presslint.propositions"] = cached
    return cached


# ---------------------------------------------------------------- comparing two propositions


@dataclass(frozen=True, slots=True)
class Alignment:
    relation: str  # "same", "synonym", "antonym"
    stance: str  # "conflict", "agree", "neutral"
    shared: tuple[str, ...]  # what ties the two to one event (argument heads)
    reason: str  # plain words: "antonyms 'end' / 'continue'", "negation 'not'"


_OWN = re.compile(r"\b(?:its|their|his|her|our|my|your)\s+own\b", re.I)


def _compare(a: Argument | None, b: Argument | None) -> str:
    """ "match", "clash" or "unknown" for two arguments."""
    if a is None or b is None or a.pronoun or b.pronoun:
        return "unknown"
    if a.head != b.head:
        return "clash"
    if bool(_OWN.search(a.text)) != bool(_OWN.search(b.text)):
        return "clash"  # 'its own networks' vs 'a network run by an agency': someone's own thing is not any other
    if a.modifiers <= b.modifiers or b.modifiers <= a.modifiers:
        return "match"
    return "clash"  # "Apple shares" vs "Microsoft shares"


def _proper(arg: Argument) -> bool:
    """The argument's head is written as a name ('Clinton', 'Mr. Regalado'), not a common noun."""
    return any(word[:1].isupper() and word.strip(".,").lower() == arg.head for word in arg.text.split())


# Pronouns that stand for people: without coreference they say nothing about who acts.
PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me"}
    # 'both of whom', 'each of them', 'some of whom': a share of people the sentence names elsewhere
    | {"both", "each", "either", "neither", "none", "all", "some", "many", "most", "several", "few", "who", "whom"}
)


def _pronoun_for_a_name(a: Argument | None, b: Argument | None) -> bool:
    """One side's actor is a bare pronoun: with no coreference the two cannot be read as one actor ('Clinton won six
    states' / 'he did not win any states' may be about two people; 'they will not back him' / 'she would back him'
    are two voters). 'it' is only refused against a name ('the plant ... it' is the common thing-reference)."""
    for x, y in ((a, b), (b, a)):
        if x is None or y is None or not x.pronoun:
            continue
        if x.head in PERSONAL_PRONOUNS or (not y.pronoun and _proper(y)):
            return True
    return False


def stance(relation: str, p: Proposition, q: Proposition) -> str:
    if relation == "antonym":
        if p.positive and q.positive:
            return "conflict"
        return "agree" if p.positive != q.positive else "neutral"
    return "conflict" if p.positive != q.positive else "agree"


def _reason(relation: str, p: Proposition, q: Proposition) -> str:
    if relation == "antonym":
        return f"antonyms '{p.predicate}' / '{q.predicate}'"
    neg = p if not p.positive else q
    return f"'{neg.predicate}' negated by " + ", ".join(neg.reasons) if neg.reasons else "same predicate"


def _roles(p: Proposition, q: Proposition) -> tuple[str, str, tuple[str, ...]]:
    """How the two statements' actors and things compare ("match", "clash", "unknown"), and the heads that matched.
    A passive subject is what is acted on: against an active clause with an object ('it would cut demand' / 'when
    rates are raised') it is compared with that object, and the active subject with nobody. An active clause with no
    object keeps the plain comparison ('the plant was closed' / 'the plant did not close' are one event)."""
    if p.passive != q.passive:
        active, passive = (q, p) if p.passive else (p, q)
        if active.object is not None:
            thing = _compare(active.object, passive.subject)
            return "unknown", thing, (active.object.head,) if thing == "match" else ()
    subj, obj = _compare(p.subject, q.subject), _compare(p.object, q.object)
    shared = tuple(a.head for a, m in ((p.subject, subj), (p.object, obj)) if m == "match" and a is not None)
    return subj, obj, shared


# Prepositions that say the opposite of each other: 'not born on American soil' and 'born outside the country'
# agree, as do 'did not train with its captain' and 'trained without its captain'; read by polarity alone they
# would be a conflict. The two objects may be worded differently ('soil' / 'country'), so only the prepositions
# are compared.
_OPPOSITE_PREPS = (
    (frozenset({"in", "on", "at", "inside", "within"}), frozenset({"outside"})),
    (frozenset({"with"}), frozenset({"without"})),
)


def _opposite_preps(p: Proposition, q: Proposition) -> bool:
    return any(
        (a & p.preps.keys() and b & q.preps.keys()) or (b & p.preps.keys() and a & q.preps.keys())
        for a, b in _OPPOSITE_PREPS
    )


def align(p: Proposition, q: Proposition, lex: Lexicon | None = None) -> Alignment | None:
    """Strict alignment: related predicates, a matching subject or object, nothing that tells two events apart."""
    lex = lex or lexicon()
    relation = lex.relation(p.predicate, q.predicate)
    if relation is None or _opposite_preps(p, q):
        return None
    subj, obj, shared = _roles(p, q)
    if "clash" in (subj, obj) or "match" not in (subj, obj):
        return None
    if _pronoun_for_a_name(p.subject, q.subject):
        return None
    if relation != "antonym" and {p.tense, q.tense} == {"past", "future"}:
        return None  # "had not provided funding" then "would provide funding": two moments, not one claim
    if _trend_and_state(relation, p, q):
        return None
    for mine, theirs in ((p.places, q.places), (p.times, q.times), (p.numbers, q.numbers), (p.groups, q.groups)):
        if mine and theirs and not mine & theirs:
            return None  # "in Tokyo" vs "in London", "on Monday" vs "on Friday"
    if _negated_universal(p, q) or _negated_universal(q, p):
        return None  # "not done in all of them" does not deny "done in two"
    subset = False
    for prep, head in p.preps.items():
        if prep in q.preps and q.preps[prep] != head:
            if _covers(p, q, prep) or _covers(q, p, prep):
                subset = True  # "in all stations" covers "in three districts"
                continue
            return None  # "in the car" vs "in the house"
    result = stance(relation, p, q)
    if subset and (relation == "antonym" or result != "conflict"):
        return None  # only "done everywhere" vs "not done in some of them" is a clash; a part never repeats the whole
    return Alignment(relation, result, shared, _reason(relation, p, q))


def _negated_universal(p: Proposition, q: Proposition) -> bool:
    return not p.positive and q.positive and any(prep not in q.universal for prep in p.universal)


def _covers(whole: Proposition, part: Proposition, prep: str) -> bool:
    """``whole`` asserts its predicate for every member ("completed in all stations") and ``part`` denies it for
    some ("not completed in three districts")."""
    return prep in whole.universal and prep not in part.universal and whole.positive and not part.positive


def attributed_align(p: Proposition, q: Proposition, lex: Lexicon | None = None) -> Alignment | None:
    """Alignment of two statements attributed to different sources, which news style writes with different words for
    one event ("the firm is leaving the market" / "no withdrawal from the market has taken place"): related predicates and nothing
    that tells the two apart, while a pronoun or a missing subject is allowed. The caller must also find a link
    (a shared place or actor, the same day) before reading it as one event."""
    lex = lex or lexicon()
    relation = lex.relation(p.predicate, q.predicate)
    if relation is None or p.infinitive or q.infinitive or _opposite_preps(p, q):
        return None
    subj, obj, shared = _roles(p, q)
    if "clash" in (subj, obj):
        return None  # two different actors or things (a pronoun or a missing subject is "unknown", not a clash)
    if _pronoun_for_a_name(p.subject, q.subject):
        return None
    if p.actors and q.actors and not p.actors & q.actors:
        return None  # "British firms were leaving" / "no German withdrawal"
    if _negated_universal(p, q) or _negated_universal(q, p):
        return None
    if relation != "antonym" and {p.tense, q.tense} == {"past", "future"}:
        return None
    if _trend_and_state(relation, p, q):
        return None
    for mine, theirs in ((p.places, q.places), (p.times, q.times), (p.numbers, q.numbers), (p.groups, q.groups)):
        if mine and theirs and not mine & theirs:
            return None
    for prep, head in p.preps.items():
        if prep in q.preps and q.preps[prep] != head and not (_covers(p, q, prep) or _covers(q, p, prep)):
            return None
    return Alignment(relation, stance(relation, p, q), shared, _reason(relation, p, q))


@lru_cache(maxsize=1)
def noun_synonyms() -> dict[str, str]:
    """Noun -> canonical member of its near-synonym set (``data/semantics/nouns.txt``)."""
    out: dict[str, str] = {}
    for line in _lines("nouns.txt"):
        words = line.split()
        for w in words:
            out.setdefault(w, words[0])
    return out


def _canon(word: str) -> str:
    return noun_synonyms().get(word, word)


def _loose_compare(a: Argument | None, b: Argument | None) -> str:
    """Like ``_compare`` but for one statement told twice: the second telling often drops or swaps a modifier
    ("the EU-funded rail project" / "the bloc's rail project"), but never names another owner."""
    if a is None or b is None or a.pronoun or b.pronoun:
        return "unknown"
    if _canon(a.head) != _canon(b.head):
        return "clash"
    mods_a, mods_b = frozenset(map(_canon, a.modifiers)), frozenset(map(_canon, b.modifiers))
    if mods_a <= mods_b or mods_b <= mods_a:
        return "match"
    if (a.names - b.modifiers) and (b.names - a.modifiers):
        return "clash"  # "Apple's new phones" / "Samsung's new phones"
    shared = mods_a & mods_b
    return "match" if shared and 2 * len(shared) >= min(len(mods_a), len(mods_b)) else "clash"


def repeat_align(p: Proposition, q: Proposition, lex: Lexicon | None = None) -> Alignment | None:
    """Alignment for one statement told twice: same or synonym predicate, same polarity, arguments compatible."""
    lex = lex or lexicon()
    relation = lex.relation(p.predicate, q.predicate)
    if relation not in ("same", "synonym") or p.positive != q.positive:
        return None
    subj, obj = _loose_compare(p.subject, q.subject), _loose_compare(p.object, q.object)
    if "clash" in (subj, obj) or "match" not in (subj, obj):
        return None
    if _pronoun_for_a_name(p.subject, q.subject):
        return None  # "she'll win the caucus" / "Sanders won the caucus": maybe two people
    if p.tense != q.tense and "future" in (p.tense, q.tense):
        return None  # "would drink the best water" (a promise) and "drink this water every day" are two statements
    for mine, theirs in ((p.places, q.places), (p.times, q.times), (p.groups, q.groups)):
        if mine and theirs and not mine & theirs:
            return None
    for prep, head in p.preps.items():
        if prep in q.preps and _canon(q.preps[prep]) != _canon(head):
            return None
    shared = tuple(a.head for a, m in ((p.subject, subj), (p.object, obj)) if m == "match" and a is not None)
    return Alignment(relation, "agree", shared, "same statement")


def loose_align(
    headline: Proposition, body: Proposition, headline_words: frozenset[str], lex: Lexicon | None = None
) -> Alignment | None:
    """Headline alignment: headlines compress, so a related predicate plus any shared name or noun is enough,
    unless the subjects plainly clash and nothing else is shared."""
    lex = lex or lexicon()
    relation = lex.relation(headline.predicate, body.predicate)
    if relation is None:
        return None
    if _compare(headline.object, body.object) == "clash":
        return None  # "approve the plan" vs "approve the design"
    words = headline_words - {headline.predicate, body.predicate}
    body_words = set(body.content) | ({body.subject.head} if body.subject else set())
    if body.subject:
        body_words |= body.subject.modifiers
    shared = tuple(sorted(words & body_words))
    if not shared:
        return None
    return Alignment(relation, stance(relation, headline, body), shared, _reason(relation, headline, body))


def headline_words(sent: Any) -> frozenset[str]:
    """Nouns, names and adjectives of a headline, lower-cased lemmas (names also as written)."""
    words = set()
    for t in sent:
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.is_alpha and not t.is_stop:
            words.add(t.lemma_.lower())
            words.add(t.lower_)
    return frozenset(words)


def is_yes_no_question(sent: Any) -> bool:
    text = sent.text.strip()
    return text.endswith("?") and len(sent) > 2 and sent[0].lower_ in QUESTION_AUX
