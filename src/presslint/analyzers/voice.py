"""Structural evidence that a learned propaganda span is the writer's own loaded language (issue 11).

The propaganda head marks many spans, but on its own it is not precise enough to show (``language.
PROPAGANDA_SHOW_AT``). A span it reads as loaded language, name-calling, exaggeration or appeal to fear is more
likely right when the text itself shows why: the words are the writer's (not inside a quotation or an attributed
statement, not a word mentioned or defined), and the span holds a word of judgement the grammar can see -- an
evaluative adjective or adverb of contempt, a superlative with no bound ('the worst ... in history'), an
insult or lexicon word, a verb of contempt for what someone said. :func:`voice_evidence` reads those cues;
``language.learned_language`` shows a learned span from ``language.VOICED_SHOW_AT`` when it has them, a second
operating point measured on PTC articles the head never trained on (eval/learned_language_point.py).

The word classes are closed and general (``data/language/structures.json``: ``evaluative_adjectives``,
``contempt_speech_verbs``, ``judgement_superlatives``), written for presslint from general
knowledge of news and propaganda language; a cue fires nothing on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# The techniques whose evidence is a word of judgement: the ones the writer's voice can carry.
VOICED_TECHNIQUES = frozenset(
    {"Loaded_Language", "Name_Calling,Labeling", "Exaggeration,Minimisation", "Appeal_to_fear-prejudice"}
)


@dataclass(frozen=True)
class Cues:
    evaluative: frozenset[str]  # adjectives and adverbs that judge: 'blatant', 'cunning', 'shamelessly'
    contempt_verbs: frozenset[str]  # lemmas: 'rant', 'screech', 'spew'
    superlatives: frozenset[str]  # judgement superlatives: 'worst', 'greatest', 'most corrupt' is read by shape
    judging_nouns: frozenset[str]  # nouns a superlative judges rather than measures: 'betrayal', 'hoax'
    insults: frozenset[str]  # insult and motive adjectives, lexicon words (one word each)
    abstract_nouns: frozenset[str]  # 'evil' as the moral noun (data/language/literal_senses.json)


def _abstract_nouns() -> frozenset[str]:
    from ..nlp.lexicons import read_json

    return frozenset(w.lower() for w in read_json("language/literal_senses.json")["abstract_nouns"])


@lru_cache(maxsize=1)
def cues() -> Cues:
    from ..nlp.lexicons import expand, read_lexicon
    from .framing import structures

    st = structures()
    # not the contempt metaphors ('lapdog', 'trash', 'rat'): they insult before a group noun, and are plain nouns
    # elsewhere ('he collected trash')
    words = set(st.insult_adjectives | st.motive_adjectives | st.insult_compounds)
    for name in ("loaded.txt", "name_calling.txt", "fear.txt"):
        for row in read_lexicon(f"language/{name}"):
            flags = row[1] if len(row) > 1 else ""
            if "weak" in flags or "state-only" in flags:
                continue  # 'terrorist', 'regime': neutral in much news, no cue on their own
            words.update(form.lower() for form in expand(row[0]) if " " not in form)
    return Cues(
        evaluative=st.evaluative_adjectives,
        abstract_nouns=_abstract_nouns(),
        contempt_verbs=st.contempt_speech_verbs,
        superlatives=st.judgement_superlatives,
        judging_nouns=st.hyperbole_nouns,
        insults=frozenset(words),
    )


def _judging(tok, c: Cues) -> str | None:
    """The kind of judgement a single token carries, or None."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "NOUN" and low in c.abstract_nouns:
        return None  # "deterrence from evil", "the problem of evil": the moral category, no one judged
    if tok.pos_ in ("ADJ", "ADV", "VERB") and (low in c.evaluative or lemma in c.evaluative):
        if tok.pos_ == "ADV" and tok.dep_ == "advmod" and tok.head.pos_ in ("ADJ", "ADV") and tok.head.i > tok.i:
            return None  # 'ridiculously good', 'insanely narrow': a degree, not a verdict; the adjective speaks
        return "evaluative"
    if tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP", "VBZ") and lemma not in c.contempt_verbs:
        return None  # "did not dumb down education": the insult adjective's form used as a verb
    if low in c.insults or (lemma in c.insults and tok.tag_ == "NNS"):  # not 'shaming' read as 'sham'
        return "insult"
    if tok.pos_ == "VERB" and lemma in c.contempt_verbs:
        return "contempt-verb"
    if low in c.superlatives and tok.tag_ in ("JJS", "RBS") and _boundless(tok) and _judges(tok, c):
        return "superlative"
    return None


SCOPE_WORDS = frozenset({"ever", "history", "time", "imaginable", "conceivable"})


def _boundless(tok) -> bool:
    """A superlative with no bound but everything ('the worst betrayal in history', 'the greatest fraud ever'), not
    one bounded by a set ('some of the world's worst conflicts', 'in the worst cases', 'worst-hit')."""
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "‐"):
        return False
    if tok.i >= 3 and doc[tok.i - 3].lower_ == "one" and doc[tok.i - 2].lower_ == "of":
        return False  # "one of the greatest saints": a ranking among many
    sent = tok.sent
    return any(t.lower_ in SCOPE_WORDS for t in doc[tok.i + 1 : min(sent.end, tok.i + 8)])


def _judges(tok, c: Cues) -> bool:
    """The superlative's noun judges ('the worst betrayal'), not measures ('the worst flooding in the city's
    history' is a record)."""
    return tok.head.pos_ == "NOUN" and tok.head.i > tok.i and tok.head.lemma_.lower() in c.judging_nouns


def voice_cues(span) -> list[list[str]]:
    """[[words, kind], ...]: the words of judgement in the span. An intensifier alone is no cue: 'incredibly
    resilient', 'entirely predictable' praise or describe (measured on the held-back PTC fold)."""
    c = cues()
    found: list[list[str]] = []
    for tok in span:
        if _in_a_name(tok):
            continue  # 'the head of Defeat Crooked Hillary': a word of a group's or a work's name, not the writer's
        kind = _judging(tok, c)
        if kind is not None and not _denied_or_reported(tok):
            found.append([tok.text, kind])
    return found


def _in_a_name(tok) -> bool:
    """A capitalised word inside a run of capitalised words mid-sentence: part of a name or title."""
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    doc = tok.doc
    neighbours = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(n.text[:1].isupper() and not n.is_sent_start for n in neighbours)


NEGATIONS = frozenset({"not", "no", "never", "n't", "nor", "hardly"})
# Verbs whose 'as' complement is someone else's verdict: "jokes criticized as racist", "dismissed as absurd".
VERDICT_VERBS = frozenset(
    {"criticize", "criticise", "condemn", "denounce", "describe", "call", "brand", "label", "dismiss", "decry"}
    | {"slam", "blast", "attack", "accuse", "deride", "mock", "portray", "characterize", "characterise", "see"}
)


def _denied_or_reported(tok) -> bool:
    """The word of judgement is denied ('is not some deluded fanatic') or is someone's verdict the writer reports
    ('jokes that were criticized as racist')."""
    doc = tok.doc
    if any(t.lower_ in NEGATIONS for t in doc[max(tok.sent.start, tok.i - 3) : tok.i]):
        return True
    return any(a.lower_ == "as" and a.head.lemma_.lower() in VERDICT_VERBS for a in tok.ancestors)


def voice_evidence(doc, ctx, start: int, end: int) -> dict[str, Any] | None:
    """In the writer's voice and with cues: {"in_quote": False, "cues": [...]}; otherwise the reason it is not
    (a dict with "in_quote" True, or "cues" empty, or "mention" True). None when the span maps to no tokens."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    in_quote = bool(ctx.attributed(span))
    mention = bool(ctx.mention_not_use(span)) or disclaimed(span)
    found = []
    for words, kind in voice_cues(span):
        at = ctx.text.find(words, span.start_char, span.end_char)
        if at >= 0 and ctx.in_quotation(at, at + len(words)):
            continue  # 'as a "human leech"': the word is in someone's quotation, whatever the span around it
        word = doc.char_span(at, at + len(words), alignment_mode="expand") if at >= 0 else None
        if word is not None and len(word) and (ctx.reported(word) or ctx.mention_not_use(word)):
            continue  # 'warn it could harm commerce by painting the state as bigoted', 'he denied as laughable',
            # 'Bigot. Racist.': the word is someone's report, portrayal or verdict, or a word named, not the writer's
        found.append([words, kind])
    return {"in_quote": in_quote, "mention": mention, "genre": in_review(span), "cues": found}


# Verbs by which a writer disowns the claim that follows when negated: 'That's not to suggest that ...', 'This does
# not mean the program failed'.
DISCLAIM_VERBS = frozenset({"suggest", "say", "mean", "imply", "claim", "argue"})


def disclaimed(span) -> bool:
    """The span is the content of a negated verb of claiming ('That's not to suggest that his remarks are making
    people racist'): the writer says the opposite of what the words would claim."""
    for tok in (span[0], span.root):  # the parser may hang a long span's tail ('any more than ...') elsewhere
        for verb in tok.ancestors:
            if verb.lemma_.lower() in DISCLAIM_VERBS and any(c.dep_ == "neg" for c in verb.children):
                return True
    return False


def voiced(evidence: dict[str, Any] | None, technique: str, runner_up: str | None = None) -> bool:
    """The learned span is the writer's own judgement with a word the grammar can see, read by the model as one of
    the voiced techniques (its first or second choice: on one sentence its first is often a weak guess), outside a
    review or a sports report, where evaluation is the genre."""
    return (
        evidence is not None
        and (technique in VOICED_TECHNIQUES or runner_up in VOICED_TECHNIQUES)
        and not evidence["in_quote"]
        and not evidence["mention"]
        and not evidence.get("genre")
        and bool(evidence["cues"])
    )


@lru_cache(maxsize=1)
def _genre_words() -> frozenset[str]:
    from .framing import fiction_words, structures

    return fiction_words() | structures().review_words


def in_review(span) -> bool:
    """The span's sentence is about a work, a dish or a game ('the film is a gorgeous, ridiculous romp', 'the
    striker was woeful'): judging those is what a review or a match report is for."""
    words = _genre_words()
    return any(t.lower_ in words and t.pos_ in ("NOUN", "PROPN") and not _idiom(t) for t in span.sent)


# Genre nouns inside everyday idioms: 'back on track', 'a track record', 'the fast track' say nothing of a song.
_IDIOMS = frozenset({("on", "track"), ("off", "track"), ("fast", "track"), ("track", "record")})


def _idiom(tok) -> bool:
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return (before, tok.lower_) in _IDIOMS or (tok.lower_, after) in _IDIOMS
