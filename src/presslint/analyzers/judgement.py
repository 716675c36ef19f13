"""Evaluation written as reporting (LNG014): the writer grading people, opinion or outcomes in their own voice.

The loaded-language rules (``language.py``, ``framing.py``) catch propaganda-strength words: 'heinous', 'thugs',
'the worst betrayal in history'. A fact-checker on mainstream news also flags the milder verdicts a reporter slips
into a news story with no source: 'the mandate is wildly popular', 'a nearly insurmountable lead', 'Clinton has
been cagey about where she stands', 'a titanic lobbying battle'. Each is a judgement (of popularity, of a race, of a
person's candour, of a dispute's size) that reads as a fact. The kinds, each read from the grammar around a word of
``data/language/judgement/lexicon.txt`` (the word alone fires nothing):

* degree: an emotive degree adverb on an adjective ('wildly popular', 'perilously vulnerable', 'woefully
  unprepared'), or a degree adverb with no measure on a word of standing or outcome ('hugely unpopular', 'immensely
  influential'), with no figure, poll or survey in the sentence;
* outcome: a dramatising adjective on a result ('a stunning defeat', 'a humiliating setback'), and a forecast on a
  contest or an effort ('a nearly insurmountable lead', 'her bid is doomed');
* character: a judgement of a person's character tied to a person by the grammar ('Clinton has been cagey', 'the
  hapless mayor', 'the senator deftly sidestepped', 'was bold enough to tout', 'had the gall to', 'a
  Johnny-come-lately to the cause');
* drama: a political or business dispute told as war or melodrama ('a titanic lobbying battle', 'threw a scare into
  the industry', 'a declaration of war by the growers'), only where nothing in the sentence shows real fighting,
  sport, markets or fiction, and a plain contest noun ('the battle for the Senate') never fires.

Everything is the writer's voice test of ``voice``/``language.Context``: nothing inside a quotation, an attributed
statement, a word mentioned, a review or sports report, a first-person aside, a question, a negation or someone's
reported verdict ('criticised as hapless').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Finding, Span
from ..nlp.docview import view
from ..nlp.lexicons import read_lexicon
from .techniques import TECHNIQUE

CODE = "LNG014"
CONFIDENCE = 0.6
Found = tuple[Finding, str]


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, dict[str, str]]  # class -> word or lemma phrase -> what it judges

    def of(self, cls: str) -> dict[str, str]:
        return self.words.get(cls, {})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, dict[str, str]] = {}
    for row in read_lexicon("language/judgement/lexicon.txt"):
        words.setdefault(row[1], {})[row[0].lower()] = row[2].replace(", ", " ")
    return Lexicon(words)


@lru_cache(maxsize=1)
def _idioms() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """(lemmas, what it judges, whether it has a literal sense too) for each idiom."""
    return tuple(
        (tuple(phrase.split()), judges, cls == "idiom-literal-too")
        for cls in ("idiom", "idiom-literal-too")
        for phrase, judges in lexicon().of(cls).items()
    )


# Words of a sentence that carries its own measure: the figure or the poll is the source, and the writer's degree word
# is then the writer's summary of it ('a wildly popular measure, backed by 70 percent in the latest poll').
MEASURE_WORDS = frozenset({"poll", "polls", "survey", "surveys", "percent", "per", "%", "points", "rating", "ratings"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# These kill only a literal sense, in any part of speech ('killed', 'dead').
LITERAL_ANY_POS = frozenset({"killed", "wounded", "dead"})
# A contest noun with one of these is a war or a fixed term, not a figure ('civil war', 'trade war', 'price war').
FIXED_CONTESTS = frozenset({"world", "civil", "proxy", "gang", "trade", "price", "turf", "culture", "class", "bidding"})
COPULAS = frozenset({"be", "seem", "look", "appear", "become", "remain", "prove", "sound"})
# Qualifiers kept in the span: 'a nearly insurmountable lead'.
HEDGES = frozenset({"nearly", "almost", "virtually", "all", "but", "practically", "seemingly"})


def _literal_context(sent, skip: range = range(0)) -> bool:
    """Real fighting, sport, markets or fiction in the sentence: a war figure or a dramatic adjective may be literal
    there or the field's own idiom."""
    literal = lexicon().of("literal-context")
    for t in sent:
        if t.i in skip:
            continue
        lemma = t.lemma_.lower()
        if (lemma in literal or t.lower_ in literal) and (t.pos_ in ("NOUN", "PROPN") or t.lower_ in LITERAL_ANY_POS):
            return True
    return False


def _measured(doc, i: int) -> bool:
    """The sentence of token i or the next one gives a figure, a poll or a source ('according to'); a year or a
    date is no measure."""
    dv = view(doc)
    k = dv.sent_index(i)
    for sent in dv.sents[k : k + 2]:
        for t in sent:
            if t.lower_ in MEASURE_WORDS or _figure(t):
                return True
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                return True
    return False


HEADLINE_SHARED_WORDS = 2


def _headline_backed(doc, i: int, skip: set[int]) -> bool:
    """Token i is in the headline and a body sentence with a poll, a survey or a percentage shares two content words
    with it ('Trump Tweets A Wildly Inaccurate Chart Of Crime Among Black People' and '... only 14 percent were
    committed by black people'): the headline's degree word sums up what the body measures on the same subject."""
    article = getattr(doc._, "pl_article", None)
    if article is None or not article.title_span:
        return False
    start, end = article.title_span
    if not start <= doc[i].idx < end:
        return False
    line = doc.char_span(start, end, alignment_mode="expand")
    title = {t.lower_ for t in line if t.is_alpha and not t.is_stop and t.i not in skip} if line is not None else set()
    lowers = view(doc).lowers  # the body read as strings: no Token per word of every sentence
    for sent in view(doc).sents:
        words = lowers[sent.start : sent.end]
        if sent.start_char < article.body_start or not any(w in MEASURE_WORDS for w in words):
            continue
        if len(title & {w for w in words if w.isalpha()}) >= HEADLINE_SHARED_WORDS:
            return True
    return False


def _figure(tok) -> bool:
    """A number that measures (not a year or a date) or a currency or percent sign."""
    return tok.text in ("$", "€", "£", "%") or (tok.like_num and tok.ent_type_ not in ("DATE", "TIME", "ORDINAL"))


def _third_party(tok, role_nouns: frozenset[str]) -> bool:
    """A person or group other than the writer and reader: a name, a role noun, a third-person pronoun, or a noun
    of people ('the developers', 'the growers')."""
    from .framing import FIRST_SECOND_PERSON, _is_person
    from .framing import _third_party as third

    return third(tok, role_nouns) or (
        tok.pos_ == "NOUN" and tok.lower_ not in FIRST_SECOND_PERSON and _is_person(tok, role_nouns)
    )


def _named_or_role(tok, role_nouns: frozenset[str]) -> bool:
    """A named person or group or a public role ('the hapless mayor', 'the wily Mr. Kane'), not any noun of people
    ('the shrewd investor' is a type, not someone in the news)."""
    from .framing import _third_party as third

    return third(tok, role_nouns) and tok.lower_ not in ("he", "she", "they", "him", "them")


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _predicated_of(tok):
    """The subject an adjective is said of ('Clinton has been cagey', 'her lead looks insurmountable'), or None."""
    if tok.dep_ in ("acomp", "attr", "oprd") and tok.head.lemma_.lower() in COPULAS:
        return _subject(tok.head)
    if tok.dep_ == "ROOT" or (tok.dep_ in ("ccomp", "conj") and tok.pos_ == "ADJ"):
        return _subject(tok)
    return None


def _noun_phrase(tok) -> str:
    """'the mandate', 'expressions of sympathy': the subject with its words, or its head and determiner when that
    runs long."""
    doc = tok.doc
    if tok.right_edge.i - tok.left_edge.i < 6:
        return doc[tok.left_edge.i : tok.right_edge.i + 1].text
    return doc[tok.left_edge.i : tok.i + 1].text


def _with_hedge(doc, first: int) -> int:
    while first > 0 and doc[first - 1].lower_ in HEDGES:
        first -= 1
    return first


def _negated(tok) -> bool:
    from .voice import NEGATIONS

    doc = tok.doc
    sent_start = view(doc).sent_of(tok.i).start
    if any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children)):
        return True
    return any(t.lower_ in NEGATIONS for t in doc[max(sent_start, tok.i - 3) : tok.i])


# ----------------------------------------------------------------------------------------------- the kinds
Hit = tuple[Any, str, str, str]  # span, kind, cue word, message


def _cues(doc, words) -> Iterator[tuple[int, int, str]]:
    """(first token, last token, entry) for each entry of ``words`` in the doc. spaCy splits a hyphenated word
    ('thin-skinned', 'all-out') into its parts and hangs it on the last part: that token carries its grammar."""
    plain = frozenset(w for w in words if "-" not in w)
    hyphenated: dict[str, list[str]] = {}
    for w in words:
        if "-" in w:
            hyphenated.setdefault(w.rsplit("-", 1)[1], []).append(w)
    for i in view(doc).where(lowers=plain | frozenset(hyphenated)):
        low = doc[i].lower_
        if low in plain:
            yield i, i, low
        for entry in hyphenated.get(low, ()):
            n = 2 * entry.count("-")
            if i >= n and doc[i - n : i + 1].text.lower() == entry:
                yield i - n, i, entry


def find_degree(doc, role_nouns: frozenset[str]) -> Iterator[Hit]:
    """'wildly popular', 'perilously vulnerable', 'hugely unpopular': a degree adverb that grades."""
    lex = lexicon()
    emotive, free, standing = lex.of("emotive-degree"), lex.of("measure-free"), lex.of("standing")
    for start, i, low in _cues(doc, frozenset(emotive) | frozenset(free)):
        adv = doc[i]
        head = adv.head
        if adv.dep_ != "advmod" or adv.pos_ != "ADV" or head.i <= i or head.pos_ not in ("ADJ", "ADV"):
            continue
        if head.lower_ in lex.of("emphasis-only"):
            continue  # 'painfully clear', 'painfully apparent': emphasis on how plain a point is, not a grade
        if head.lower_ in lex.of("physical-state"):
            continue  # 'the wildly overgrown greens': what the reporter sees of a place or a thing, not a verdict
        if low in free and head.lower_ not in standing:
            continue  # 'hugely complex': emphasis on a property, not a verdict on standing or outcome
        if low in free and head.dep_ == "amod":
            continue  # "China's hugely popular social network": a background description, not the claim made
        if head.dep_ == "amod" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in _physical():
            continue  # 'a stunningly steep ridge': a landscape, not people, opinion or an outcome
        if _measured(doc, i):
            continue  # 'wildly unpopular. His approval rating dipped into the mid-20s': the figure is given
        if _headline_backed(doc, i, {i, head.i}):
            continue  # 'Trump Tweets A Wildly Inaccurate Chart', the body giving the percentages: the headline sums up
        subject = _predicated_of(head)
        who = _noun_phrase(subject) if subject is not None else "it"
        if subject is not None and subject.left_edge.pos_ not in ("PROPN", "PRON"):
            who = who[:1].lower() + who[1:]  # 'Expressions of sympathy ...' opening the sentence
        plural = subject is not None and (subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "you"))
        about = f"how {head.lower_} {who} {'are' if plural else 'is'}"
        if head.dep_ == "amod" and head.head.i > head.i:
            about = f"how {head.lower_} the {head.head.text} is"
        yield doc[_with_hedge(doc, start) : head.i + 1], "degree", doc[start : i + 1].text, f"judges {about}"


@lru_cache(maxsize=1)
def _physical() -> frozenset[str]:
    from .framing import structures

    return structures().physical_nouns | frozenset({"view", "landscape", "scenery", "sunset", "beach", "mountain"})


def find_outcomes(doc, role_nouns: frozenset[str]) -> Iterator[Hit]:
    """'a stunning defeat', 'the result was humiliating'; 'a nearly insurmountable lead', 'her bid is doomed'."""
    lex = lexicon()
    dramatic, verdicts, grades = lex.of("outcome"), lex.of("verdict"), lex.of("performance")
    outcomes, efforts = lex.of("outcome-noun"), lex.of("endeavour-noun")
    performances = {**outcomes, **lex.of("performance-noun")}
    for start, i, low in _cues(doc, frozenset(dramatic) | frozenset(verdicts) | frozenset(grades)):
        adj = doc[i]
        if adj.pos_ not in ("ADJ", "VERB") or _negated(doc[start]):
            continue
        verdict = low in verdicts
        heads = {**outcomes, **efforts} if verdict else performances if low in grades else outcomes
        noun = None
        if adj.dep_ == "amod" and adj.head.i > i:
            noun = adj.head
            span = doc[_with_hedge(doc, start) : noun.i + 1]
        else:
            noun = _predicated_of(adj)
            if noun is None:
                continue
            span = doc[noun.left_edge.i : adj.i + 1]
        if noun.lemma_.lower() not in heads and not (verdict and _third_party(noun, role_nouns)):
            continue
        if not _political(view(doc).sent_of(i), role_nouns):
            continue  # 'the storm dealt a devastating blow to the farms': damage, not a contest between actors
        if any(_figure(t) for t in noun.subtree):
            continue  # 'a stunning loss of $2 billion': the figure is given, the adjective rides on it
        if verdict and _hindsight(doc, i):
            continue  # "despite his insurmountable lead in 2008": a finished contest, told with hindsight
        if verdict:
            message = f"passes a verdict on the {noun.text} ({verdicts[low]})"
            yield span, "verdict", doc[start : i + 1].text, message
        else:
            kind = "performance" if low in grades else "outcome"
            yield span, kind, doc[start : i + 1].text, f"judges the {noun.text} as {low}"


def _hindsight(doc, i: int) -> bool:
    """The sentence dates itself before the article's year ('in the 2008 primary'): a forecast about a contest that
    is over is the record of how it ended."""
    pubdate = getattr(doc._, "pl_pubdate", None) if doc.has_extension("pl_pubdate") else None
    for t in view(doc).sent_of(i):
        if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text.isdigit():
            if pubdate is None or int(t.text) < pubdate.year:
                return True
    return False


def _nerve(doc, i: int) -> Any | None:
    """'was bold enough to tout' / 'had the gall to say': the person the daring is pinned on, or None."""
    tok = doc[i]
    if tok.pos_ == "ADJ" and i + 2 < len(doc) and doc[i + 1].lower_ == "enough" and doc[i + 2].lower_ == "to":
        return _predicated_of(tok)
    if tok.pos_ == "NOUN" and i >= 2 and doc[i - 1].lower_ == "the" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
        verb = tok.head
        if verb.lemma_.lower() == "have" and tok.dep_ == "dobj":
            return _subject(verb)
    return None


def find_character(doc, role_nouns: frozenset[str]) -> Iterator[Hit]:
    """'Clinton has been cagey', 'the hapless mayor', 'the senator deftly sidestepped', 'bold enough to', 'had the gall
    to', 'a Johnny-come-lately': a person's character judged in the writer's words."""
    from .framing import _about_fiction

    lex = lexicon()
    character, acts, nerve = lex.of("character"), lex.of("character-act"), lex.of("nerve")
    for start, i, low in _cues(doc, frozenset(character) | frozenset(acts) | frozenset(nerve)):
        tok = doc[i]
        cue = doc[start : i + 1].text
        if _negated(doc[start]) or _about_fiction(view(doc).sent_of(i)):
            continue
        if low in nerve:
            person = _nerve(doc, i)
            if person is not None and _third_party(person, role_nouns):
                first, end = (i, i + 2) if tok.pos_ == "ADJ" else (tok.head.i, i + 1)  # 'bold enough', 'had the gall'
                yield doc[first:end], "character", cue, _judges(person, nerve[low])
                continue
        if low in character and (tok.pos_ == "ADJ" or tok.dep_ in ("attr", "acomp")):  # 'cagey' parses as a noun
            person = _predicated_of(tok)
            if person is not None and _third_party(person, role_nouns):
                span = doc[person.left_edge.i : i + 1] if person.i < i else doc[start : i + 1]
                yield span, "character", cue, _judges(person, character[low])
            elif tok.dep_ == "amod" and tok.head.i > i and _named_or_role(tok.head, role_nouns):
                yield doc[start : tok.head.i + 1], "character", cue, _judges(tok.head, character[low])
        elif low in acts and tok.pos_ == "ADV" and tok.dep_ == "advmod" and tok.head.pos_ == "VERB":
            person = _subject(tok.head)
            if person is not None and _third_party(person, role_nouns) and tok.head.tag_ != "VBN":
                first, last = sorted((start, tok.head.i))
                yield doc[first : max(last, i) + 1], "character", cue, _judges(person, acts[low])
    yield from _labels(doc, role_nouns)


def _judges(person, what: str) -> str:
    """'judges Clinton's candour as evasive' from the lexicon's 'the person's candour as evasive'."""
    return "judges " + what.replace("the person's", _owner(person), 1)


def _owner(person) -> str:
    """'Clinton's', 'the mayor's', 'their': the person as the owner of the judged trait."""
    if person.lower_ in ("he", "him"):
        return "his"
    if person.lower_ == "she":
        return "her"
    if person.lower_ in ("they", "them"):
        return "their"
    name = person.text if person.ent_type_ else f"the {person.text}"
    return f"{name}'s".replace("s's", "s'")


def _labels(doc, role_nouns: frozenset[str]) -> Iterator[Hit]:
    """'Sanders is a Johnny-come-lately to the issue', 'the flip-flopper from Ohio'."""
    labels = lexicon().of("label")
    text = view(doc).text
    pattern = r"\b(" + "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True)) + r")s?\b"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        person = _predicated_of(root) if root.dep_ in ("attr", "oprd") else None
        if person is None and root.dep_ == "appos":
            person = root.head
        if person is not None and _third_party(person, role_nouns) and not _negated(root):
            yield span, "character", m.group(1), _judges(person, labels[m.group(1).lower()])


# Collective actors of politics and business that NER does not name ('the industry', 'the firms', 'the lobby').
ACTOR_WORDS = frozenset(
    {"industry", "company", "firm", "lobby", "union", "party", "campaign", "group", "coalition", "sector"}
    | {"administration", "government", "congress", "senate", "parliament", "council", "committee", "board"}
)


def _political(sent, role_nouns: frozenset[str], *, strict: bool = False) -> bool:
    """A person, a group, an organisation, a polity or a collective actor in the sentence: the dispute is between
    actors, not forces of nature. ``strict``: a named one or a public role ('the senator', 'the administration'), not
    any noun of people ('sunbathers bask in the sun')."""
    from .framing import _is_person, structures

    actors = ACTOR_WORDS | structures().actor_nouns | role_nouns
    return any(
        t.ent_type_ in (("PERSON", "ORG", "NORP") if strict else ("PERSON", "ORG", "NORP", "GPE"))
        or (t.pos_ == "NOUN" and (t.lemma_.lower() in actors or (not strict and _is_person(t, role_nouns))))
        for t in sent
    )


def find_drama(doc, role_nouns: frozenset[str]) -> Iterator[Hit]:
    """'a titanic lobbying battle', 'an all-out war over the budget'; 'threw a scare into the industry', 'a
    declaration of war by the growers', 'bask in the sun'."""
    lex = lexicon()
    drama, contests = lex.of("drama"), lex.of("contest-noun")
    for start, i, low in _cues(doc, frozenset(drama)):
        adj = doc[i]
        noun = adj.head
        if adj.dep_ not in ("amod", "compound") or noun.i <= i or noun.lemma_.lower() not in contests:
            continue
        sent = view(doc).sent_of(i)
        if (
            any(c.lower_ in FIXED_CONTESTS for c in noun.children)
            or _literal_context(sent)
            or not _political(sent, role_nouns)
        ):
            continue
        yield doc[start : noun.i + 1], "drama", doc[start : i + 1].text, f"tells {drama[low]}"
    lemmas = [lemma.lower() for lemma in view(doc).column("LEMMA")]
    lowers = view(doc).lowers
    for words, judges, literal_too in _idioms():
        n = len(words)
        for i in view(doc).where(lemmas=frozenset({words[0]})) if n else ():
            if i + n > len(doc) or any(lemmas[i + k] != w and lowers[i + k] != w for k, w in enumerate(words)):
                continue
            sent = view(doc).sent_of(i)
            if _literal_context(sent, skip=range(i, i + n)):
                continue
            if "war" in words and any(t.ent_type_ == "GPE" for t in sent):
                continue  # 'Russia's declaration of war on ...': a state's war may be a real one
            if not _political(sent, role_nouns, strict=literal_too):
                continue  # 'sunbathers bask in the sun', 'blood in the water' off a beach: the literal sense
            yield doc[i : i + n], "drama", doc[i : i + n].text, f"tells {judges}"


KINDS = (find_degree, find_outcomes, find_character, find_drama)
LEADS = {
    "degree": "'{m}' {why} in the writer's own voice; no source, poll or figure is given",
    "outcome": "'{m}' {why} in the writer's own voice; no source is given for that verdict",
    "verdict": "'{m}' {why} in the writer's own voice; no poll, model or source is given",
    "performance": "'{m}' {why} in the writer's own voice; no source is given for that grade",
    "character": "'{m}' {why} in the writer's own voice; no source is given for that judgement",
    "drama": "'{m}' {why}: a dramatising figure in the writer's own voice, not a report of what happened",
}


def in_writers_voice(span, ctx) -> bool:
    """Not quoted or attributed, not a mention, not a review or sports report, not a first-person aside or a
    question, and not someone's verdict the writer reports ('criticised as hapless')."""
    from . import voice

    sent = view(span.doc).sent_of(span.start)
    if ctx.attributed(span) or ctx.mention_not_use(span) or voice.in_review(span):
        return False
    if ctx.text[sent.start_char : sent.end_char].rstrip().endswith("?"):
        return False
    if any(t.lower_ in FIRST_PERSON and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in sent):
        return False
    return not any(voice._denied_or_reported(t) for t in span) and not _held_by_someone(span)


def _held_by_someone(span) -> bool:
    """The words are what a person or group thinks, sees or recognises ('the group recognizes that the planet is on
    a path to catastrophically high temperatures', 'they think the lead is insurmountable'): a clause under a verb
    whose subject is someone, which the reporting-verb lists do not all hold."""
    from .framing import _is_person

    child = span.root
    for anc in span.root.ancestors:
        if child.dep_ == "ccomp" and anc.pos_ == "VERB":
            subject = _subject(anc)
            if subject is not None and (
                subject.ent_type_ in ("PERSON", "ORG", "NORP")
                or subject.lower_ in ("he", "she", "they", "i", "we", "you")
                or _is_person(subject, frozenset())
                or subject.lemma_.lower() in ACTOR_WORDS
            ):
                return True
        child = anc
    return False


def find_evaluation(doc, ctx, role_nouns: frozenset[str]) -> Iterator[Found]:
    """Every LNG014 finding, as (finding, entry) pairs like the other LNG checks."""
    kept: list[Any] = []
    for find in KINDS:
        for span, kind, cue, why in find(doc, role_nouns):
            if any(k.start < span.end and span.start < k.end for k in kept) or not in_writers_voice(span, ctx):
                continue
            kept.append(span)
            yield (
                Finding(
                    CODE,
                    "info",
                    LEADS[kind].format(m=span.text, why=why),
                    Span.of(span),
                    confidence=CONFIDENCE,
                    evidence={
                        "technique": TECHNIQUE[CODE],
                        "matched": span.text,
                        "kind": kind,
                        "cue": cue,
                        "lexicon": f"evaluation: {kind}: {cue.lower()}",
                        "in_quote": False,
                    },
                ),
                f"evaluation: {cue.lower()}",
            )
