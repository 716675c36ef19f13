"""Propaganda techniques read from sentence structure, not from a list of the words used (issue 11).

The lexicon rules in ``language.py`` catch the labels and phrases we can list; these checks catch the same
techniques in words nobody listed, from how the sentence is built:

* nicknames and coinages (LNG001): a title before a coined surname made of two ordinary words ("Senator
  Sourgrapes") that the article never gives as anyone's real name; an evaluative adjective glued to a person's name
  ("Crooked Hillary"); a contempt metaphor or portmanteau before a group noun ("the lapdog press", "the lamestream
  media").
* labels for opponents (LNG001): a collective noun of contempt after a stance ("the open-borders crowd", "the
  never-Trump brigade"), and conspiracy labels for a hidden power ("the shadow government", "the deep state").
* belittling (LNG002): a person's conduct told as a child's ("threw a little fit", "had a hissy fit", "whined that",
  "his little crusade").
* appeal to fear (LNG005): a fear verb aimed at everyone ("this should frighten every parent", "every voter should
  be terrified", the reader told to "be very afraid") and doom told of a whole "we" ("we are finished", "our country
  will be destroyed") or total loss of everyone ("every saver stands to lose everything").
* insulting evaluation (LNG002): an insulting adjective tied by the grammar to a person ("it was foolish of
  Senator Black to ...", "the mayor's brainless plan", "the senator is clueless"), and motive labels (LNG001): a
  motive-imputing adjective on a political actor ("the xenophobic party").
* ruin forever (LNG005): "a campaign to end national security forever".
* contempt (LNG002): for what a person did ("Bergoglio's cunning reply", "his blatant nod"), for what someone said
  ("the senator ranted", "the minister's latest tirade"), and for someone's standing ("these so-called experts").
  Insult words that also name a shape ("crooked", "slimy") are read in that sense when a downtoner or a body part
  or object is there ("she's a little crooked in the photo", "his crooked smile").
* black-and-white (LNG011): "either we ... or we ...", "it's us or them"; two options with subjects of their own
  whose second is ruin, whoever the actors ("either the council scraps the tax or the high street dies", "either
  Brussels gives in or Britain walks away with nothing"), and the same audience offered a choice whose second option
  is a loss for good, with no 'either' ("we can build it, or we can watch the team leave for good").
* hyperbole (LNG013): a judging superlative over all time, the scope read from a clause on the noun with 'ever' in
  it ("the gravest threat this country has ever faced", "the single most dangerous law ever put before
  Parliament"), and an unbounded comparison by negation ("nobody has ever seen a government this incompetent",
  "there has never been a more corrupt administration").
* an epithet where the first name stands (LNG001): "Senator Flip-Flop Garrison".
* universal doom (LNG005): safety denied to every person ("no family will ever be safe again") and total ruin foretold
  for everyone or what people live by ("the wage rise will destroy every small business", "there will be nothing
  left of our way of life").

Each check reads the parse and bails out when the structure is not there; the word classes it uses (collective
nouns of contempt, fear verbs, doom predicates ...) are closed classes written for presslint from general knowledge
of news and propaganda language (``data/language/structures.json``), never words taken from an article. As with the
lexicon rules, findings inside a quotation or an attributed statement say they are the source's wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Finding, Severity, Span
from ..nlp.docview import view
from ..nlp.lexicons import read_json, read_word_sets
from ..nlp.people import PERSON_SUFFIXES
from .entities import PLACE_PREPOSITIONS
from .techniques import SOURCE_WORDING, TECHNIQUE

# Technique names and messages are shared with language.py (imported lazily there to avoid a cycle).
Found = tuple[Finding, str]


@dataclass(frozen=True)
class Structures:
    titles: frozenset[str]
    surname_endings: frozenset[str]
    neutral_name_adjectives: frozenset[str]
    group_nouns: frozenset[str]
    contempt_modifiers: frozenset[str]
    contempt_collectives: frozenset[str]
    stance_words: frozenset[str]
    crowd_neutral_modifiers: frozenset[str]
    hidden_power_modifiers: frozenset[str]
    hidden_power_heads: frozenset[str]
    parliamentary_shadow: frozenset[str]
    tantrum_nouns: frozenset[str]
    tantrum_verbs: frozenset[str]
    tantrum_modifiers: frozenset[str]
    childish_verbs: frozenset[str]
    undertaking_nouns: frozenset[str]
    fear_verbs: frozenset[str]
    fear_adjectives: frozenset[str]
    everyone_words: frozenset[str]
    collective_first_person: frozenset[str]
    doom_predicates: frozenset[str]
    doom_verbs: frozenset[str]
    total_loss_objects: frozenset[str]
    insult_adjectives: frozenset[str]
    insult_compounds: frozenset[str]
    motive_adjectives: frozenset[str]
    actor_nouns: frozenset[str]
    ruin_verbs: frozenset[str]
    valued_objects: frozenset[str]
    forever_words: frozenset[str]
    # cues that a learned propaganda span is the writer's judgement (analyzers/voice.py)
    evaluative_adjectives: frozenset[str]
    contempt_speech_verbs: frozenset[str]
    judgement_superlatives: frozenset[str]
    contempt_speech_nouns: frozenset[str]
    credential_nouns: frozenset[str]
    contempt_adjectives: frozenset[str]
    physical_sense_insults: frozenset[str]
    review_words: frozenset[str]
    hyperbole_nouns: frozenset[str]
    physical_nouns: frozenset[str]
    onslaught_nouns: frozenset[str]
    policy_nouns: frozenset[str]
    measure_superlatives: frozenset[str]
    harm_adjectives: frozenset[str]


@lru_cache(maxsize=1)
def structures() -> Structures:
    return Structures(**read_word_sets("language/structures.json", lower=True))


PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})
PEOPLE_LABELS = frozenset({"PERSON", "NORP", "ORG"})


def _is_person(tok, role_nouns: frozenset[str]) -> bool:
    """A person or group of people: a name, a pronoun, or a people noun ('the mayor', 'critics', 'the
    councillor')."""
    lemma = tok.lemma_.lower()
    return (
        tok.ent_type_ in PEOPLE_LABELS
        or tok.lower_ in PERSON_PRONOUNS
        or lemma in role_nouns
        or (tok.pos_ == "NOUN" and lemma.endswith(PERSON_SUFFIXES))
    )


def _sentence(doc, i: int):
    return view(doc).sent_of(i)


# ----------------------------------------------------------------------------------------------- nicknames, coinages
INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "est", "ly")


def _known(word: str, dictionary) -> bool:
    """The word or its uninflected base is in the dictionary ('firearms', 'supports', 'highest')."""
    if word in dictionary.words:
        return True
    for suffix in INFLECTIONS:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and (base in dictionary.words or base + "e" in dictionary.words):
            return True
    return False


def _compound_of_words(word: str, dictionary, *, min_part: int = 3, known: bool = False) -> tuple[str, str] | None:
    """'sourgrapes' -> ('sour', 'grapes'): a word that splits into two words (a plural second part counts) and is
    not itself a word, an inflection of one or a known compound written solid ('leftwing' for 'left-wing'), unless
    ``known`` allows those ('Moneybags', 'Flipflop' after a title are nicknames all the same)."""
    low = word.lower().replace("-", "")
    if len(low) < 7 or (not known and _known(low, dictionary)):
        return None
    for cut in range(min_part, len(low) - min_part + 1):
        left, right = low[:cut], low[cut:]
        if not known and (f"{left}-{right}" in dictionary.words or f"{left} {right}" in dictionary.words):
            return None
        right_base = right[:-1] if right.endswith("s") and len(right) >= 4 else right
        if left in dictionary.words and (right in dictionary.words or right_base in dictionary.words):
            return left, right
    return None


def _title_case_line(sent) -> bool:
    """Headlines in title case capitalise every word: capitals there say nothing about names."""
    v = view(sent.doc)  # the doc's token strings, read once per doc: called for many sentences
    texts, alpha = v.texts, v.alpha
    words = [texts[i] for i in range(sent.start, sent.end) if alpha[i] and len(texts[i]) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _surname_shape(second: str) -> bool:
    """English surnames built from two words end in a place or trade word ('Light-foot', 'White-house',
    'Good-man', 'Black-burn'): such a word after a title is more likely a surname than a coinage."""
    return second in structures().surname_endings or second.rstrip("s") in structures().surname_endings


def _named_elsewhere(doc, word: str, at: int) -> bool:
    """The word occurs elsewhere as part of a longer name ('Sheldon Whitehouse'): a real surname, not a coinage."""
    texts = view(doc).texts  # token strings read once; a Token only where the word occurs
    for i in (i for i, t in enumerate(texts) if t == word and i != at and i > 0):
        prev = doc[i - 1]
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.lower_.rstrip(".") not in structures().titles:
            return True
    return False


def find_nicknames(doc, dictionary) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for contemptuous nicknames and coinages."""
    st = structures()
    if not dictionary.words:
        return  # no word list to tell a coinage from a surname: bail out
    v = view(doc)
    # Only tokens that can start one of the shapes: a title, the word before or at the start of a person's name,
    # the word before a group noun.
    starts = set(v.where(lowers=st.titles | {f"{t}." for t in st.titles}))
    for ent in v.ents:
        if ent.label_ == "PERSON":
            starts.update((ent.start - 1, ent.start))
    starts.update(i - 1 for i in v.where(lowers=st.group_nouns, lemmas=st.group_nouns))
    title_case: dict[int, bool] = {}  # per sentence start
    for i in sorted(starts):
        if i < 0 or i + 1 >= len(doc):
            continue
        tok, nxt = doc[i], doc[i + 1]
        sent = _sentence(doc, tok.i)
        if sent.start not in title_case:
            title_case[sent.start] = _title_case_line(sent)
        if title_case[sent.start]:
            continue
        # "Senator Sourgrapes": a title, then one capitalised word (no further name) made of two ordinary words
        if tok.lower_.rstrip(".") in st.titles and nxt.text[:1].isupper() and nxt.is_alpha:
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            epithet = _epithet_before_surname(doc, nxt, dictionary)
            if epithet is not None:
                yield doc[tok.i : epithet.end + 1], "nickname", f"'{epithet.text}' is a common word set before a name"
                continue
            if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
                continue  # "Senator Jane Doe": a name follows
            # both parts four letters or more: a three-letter scrap splits many real surnames (Regal-ado, Good-ale)
            parts = _compound_of_words(nxt.text, dictionary, known=True, min_part=4)
            if parts and not _named_elsewhere(doc, nxt.text, nxt.i) and not _surname_shape(parts[1]):
                yield doc[tok.i : nxt.i + 1], "nickname", f"'{nxt.text}' is made of '{parts[0]}' + '{parts[1]}'"
        # "Crooked Hillary": an evaluative adjective, capitalised mid-sentence, glued to a person's name
        if (  # cheap tests first
            nxt.ent_type_ == "PERSON"
            and tok.text[:1].isupper()
            and tok.lower_ in dictionary.adjectives
            and _evaluative_form(tok.lower_)
            and tok.lower_ not in st.neutral_name_adjectives
            and tok.lower_.rstrip(".") not in st.titles
            and tok.pos_ != "DET"  # 'Every Clinton surrogate': a determiner, whatever its spelling
            # "Embattled Smith resigned" opens a sentence, or a quotation: a capital there says nothing of a name
            and (not (tok.is_sent_start or _opens_quotation(doc, tok)) or _first_name(doc, nxt))
            # a first name that is also a word ("Rusty Jones") is inside the PERSON entity; when the tagger put the
            # adjective there too, the person must be named elsewhere with another first name ("Dana Whitlow")
            and (tok.ent_type_ == "" or _other_first_name(doc, nxt, tok))
            and _person_named_without(doc, nxt, tok)
        ):
            yield doc[tok.i : nxt.i + 1], "nickname", f"the adjective '{tok.text}' is made part of the name"
        # "the lapdog press", "the lamestream media": a contempt metaphor or a portmanteau before a group noun
        group = nxt.lemma_.lower() in st.group_nouns or nxt.lower_ in st.group_nouns
        if group and tok.dep_ in ("compound", "amod") and tok.head.i == nxt.i:
            low = tok.lower_
            if low in st.contempt_modifiers:
                yield doc[tok.i : nxt.i + 1], "coinage", f"'{tok.text}' is a contempt metaphor for a group"
            elif low.isalpha() and tok.ent_type_ == "" and (parts := _compound_of_words(low, dictionary, min_part=4)):
                if parts[0] in STANCE_PREFIXES:
                    continue  # 'antiabortion activists', 'prochoice groups': a prefix of stance, ordinary English
                yield doc[tok.i : nxt.i + 1], "coinage", f"'{tok.text}' is a coinage ('{parts[0]}' + '{parts[1]}')"


def _epithet_before_surname(doc, first, dictionary):
    """'Councillor Crybaby Hollis', 'Senator Flip-Flop Garrison': between a title and a capitalised surname, a
    capitalised common word where a first name stands, when the word is an English compound: hyphenated and listed
    as one word ('flip-flop', 'do-nothing': a hyphenated first name is not a listed word, 'Jean-Pierre',
    'Mary-Kate'), or one listed word made of two ('crybaby' = 'cry' + 'baby', 'turncoat') when the article gives the
    person another first name elsewhere ('Councillor Mark Hollis'): some given names are such words ('Sunshine',
    'Goodwill'). Returns the epithet's span (the surname follows it), or None."""
    if not first.is_alpha or not first.text[:1].isupper() or first.ent_type_ not in ("", "PERSON"):
        return None
    end = first.i
    word = first.lower_
    if end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and doc[end + 2].is_alpha:
        end += 2
        word = f"{first.lower_}-{doc[end].lower_}"
        if word not in dictionary.words or not doc[end].text[:1].isupper():
            return None
    elif word not in dictionary.words or not _compound_of_words(word, dictionary, known=True):
        return None
    surname = doc[end + 1] if end + 1 < len(doc) else None
    if surname is None or surname.pos_ != "PROPN" or not surname.text[:1].isupper() or not surname.is_alpha:
        return None
    if end + 2 < len(doc) and doc[end + 2].pos_ == "PROPN" and doc[end + 2].text[:1].isupper():
        return None  # 'Senator Goodwill Mark Jones': a run of names, whatever the first one
    if end == first.i and not _other_first_name(doc, surname, first):
        return None  # 'Dr Sunshine Mbatha', 'General Stonewall Jackson': one solid word may be a given name
    return doc[first.i : end + 1]


# Prefixes that make a word of stance or kind by plain morphology ('antiabortion', 'procapitalist', 'nonprofit').
STANCE_PREFIXES = frozenset(
    {"anti", "pro", "non", "counter", "post", "pre", "multi", "inter", "trans", "over", "under"}
)

EVALUATIVE_SUFFIXES = ("ed", "y", "ous", "ful", "less", "ish")


def _evaluative_form(word: str) -> bool:
    """The form of an evaluative adjective ('crooked', 'sleepy', 'crazy', 'shifty', 'dangerous'): the tag of a
    capitalised word before a name is unreliable, so the word's own form decides."""
    return word.endswith(EVALUATIVE_SUFFIXES) and len(word) >= 5


def _other_first_name(doc, name_tok, adjective) -> bool:
    """The surname appears elsewhere after another capitalised first name ('Dana Whitlow' / 'Shifty Whitlow')."""
    return any(
        tok.text == name_tok.text
        and tok.i != name_tok.i
        and tok.i > 0
        and doc[tok.i - 1].ent_type_ == "PERSON"
        and doc[tok.i - 1].text[:1].isupper()
        and doc[tok.i - 1].lower_ != adjective.lower_
        for tok in doc
    )


def _opens_quotation(doc, tok) -> bool:
    """The word right after an opening quotation mark (its first word is capitalised like a sentence's)."""
    return tok.i > 0 and doc[tok.i - 1].is_quote and doc[tok.i - 1].is_left_punct and not doc[tok.i - 1].whitespace_


def _first_name(doc, name_tok) -> bool:
    """The name is a person's first name elsewhere ('Hillary' in 'Hillary Clinton'): nicknames glue to first
    names, headline descriptors ('Embattled Smith') to surnames."""
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[0].text == name_tok.text and ent.start != name_tok.i
        for ent in view(doc).ents
    )


def _person_named_without(doc, name_tok, adjective) -> bool:
    """The person the adjective is glued to is named elsewhere without it ('Hillary Clinton', 'Clinton')."""
    for ent in view(doc).ents:
        if ent.label_ != "PERSON" or ent.start <= name_tok.i < ent.end:
            continue
        glued = ent.start > 0 and doc[ent.start - 1].lower_ == adjective.lower_
        if any(t.text == name_tok.text for t in ent) and not glued:
            return True
    return False


# ----------------------------------------------------------------------------------------------- opponent labels
def _stance_modifier(tok, st: Structures) -> bool:
    """A modifier that names a stance: a hyphenated phrase ('open-borders', 'tax-and-spend'), an -ist/-ite word,
    'anti-'/'pro-'/'never-', a listed stance word ('woke', 'globalist'), or a person's name ('the Soros crowd')."""
    low = tok.lower_
    if any(ch.isdigit() for ch in low) or low in st.crowd_neutral_modifiers:
        return False
    if tok.ent_type_ == "PERSON":
        return True
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "CARDINAL", "QUANTITY", "EVENT"):
        return False
    if low.startswith(("anti-", "pro-", "never-")) or low in ("anti", "pro", "never"):
        return True
    if low.endswith(("ist", "ists", "ite", "ites")) and len(low) > 5:
        return True
    return low in st.stance_words


_QUOTE_TEXTS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
# Short words a movement's or a slogan's name keeps in lower case: 'Bernie or Bust', 'Friends of the Earth'.
_NAME_FUNCTION_WORDS = frozenset({"or", "and", "of", "the", "for", "to", "a", "an", "in", "on", "not"})
QUOTED_NAME_MAX_TOKENS = 8


def _quoted_name_before(doc, i: int) -> bool:
    """The words just before token i are a name of two or more words in quotation marks, in title case: 'the "Bernie
    or Bust" crowd', 'the "Never Trump" crowd' name a movement by its own slogan, the newsroom's shorthand for it. A
    stance word in scare quotes ('the "woke" crowd') or a lower-case slogan is no such name."""
    if i == 0 or doc[i - 1].text not in _QUOTE_TEXTS:
        return False
    first = max(view(doc).sent_of(i).start, i - 1 - QUOTED_NAME_MAX_TOKENS)
    opening = next((k for k in range(i - 2, first - 1, -1) if doc[k].text in _QUOTE_TEXTS), None)
    if opening is None:
        return False
    words = [t for t in doc[opening + 1 : i - 1] if t.is_alpha]
    return (
        len(words) >= 2
        and words[0].text[:1].isupper()
        and all(t.text[:1].isupper() or t.lower_ in _NAME_FUNCTION_WORDS for t in words)
    )


# Collective nouns that also name a plot of land: counted or with 'a' they are the land ("a corner lot").
PLOT_NOUNS = frozenset({"lot"})


def _plot_of_land(tok) -> bool:
    """'lot' as land, not a group: counted or with 'a' ('a corner lot', 'two lakefront lots'), in the plural (the
    group 'that lot' has none: 'expand the park-and-ride lots'), or a place something is in ('parked in the
    pay-and-display lot')."""
    return (
        tok.tag_ in ("NNS", "NNPS")
        or (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS)
        or any((c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in tok.children)
    )


def find_opponent_labels(doc) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for "the open-borders crowd" and "the shadow government"."""
    st = structures()
    v = view(doc)
    heads = st.contempt_collectives | st.hidden_power_heads
    candidates = v.where(lowers=heads, lemmas=heads)
    if not candidates:
        return
    text_low = v.text.lower()
    parliamentary = any(f"shadow {w}" in text_low for w in st.parliamentary_shadow)
    for i in candidates:
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < tok.i]
        if lemma in st.contempt_collectives and mods and tok.pos_ == "NOUN" and not tok.ent_type_:
            # the stance may be a hyphenated chain: "open - borders", "never - Trump"
            start = min(c.left_edge.i for c in mods)
            words = doc[start : tok.i]
            hyphenated = any(t.text == "-" for t in words) and not any(t.like_num for t in words)
            if (hyphenated and not any(t.lower_ in st.crowd_neutral_modifiers for t in words)) or any(
                _stance_modifier(t, st) for t in words if not t.is_punct
            ):
                if _quoted_name_before(doc, tok.i):
                    continue  # 'the "Bernie or Bust" crowd': a movement by its own name, in quotation marks
                if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                    continue  # "a crowd of 5,000 pro-government supporters": a number of people, not a label
                if lemma in PLOT_NOUNS and _plot_of_land(tok):
                    continue  # "a golf-course lot", "park-and-ride lots": plots of land; the group is "that lot"
                yield doc[start : tok.i + 1], "opponent-label", f"'{tok.text}' turns a stance into a contemptible group"
        if lemma in st.hidden_power_heads and not parliamentary:
            hidden = next((c for c in mods if c.lower_ in st.hidden_power_modifiers), None)
            if hidden is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                yield doc[hidden.i : tok.i + 1], "conspiracy-label", f"'{hidden.text} {tok.text}' names a hidden power"


# ----------------------------------------------------------------------------------------------- belittling
def _plainly_person(tok, role_nouns: frozenset[str]) -> bool:
    """A person by name, pronoun or role noun ('the chancellor'); not by the -or/-er ending alone ('the reactor')."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRONOUNS or tok.lemma_.lower() in role_nouns


# Tantrum nouns that also name a medical event: 'the patient had a fit'. Only these need a modifier after 'have'.
SEIZURE_NOUNS = frozenset({"fit"})


def find_belittling(doc, role_nouns: frozenset[str]) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for conduct told as a child's: 'threw a little fit', 'whined that', 'his little crusade'."""
    st = structures()
    candidates = view(doc).where(lowers=st.tantrum_nouns | {"little"}, lemmas=st.tantrum_nouns | st.childish_verbs)
    for i in candidates:
        tok = doc[i]
        lemma = tok.lemma_.lower()
        # "threw a (little) fit", "had a hissy fit", "pitched a tantrum"
        if tok.lower_ in st.tantrum_nouns or lemma in st.tantrum_nouns:
            verb = tok.head
            if tok.dep_ not in ("dobj", "attr") or verb.lemma_.lower() not in st.tantrum_verbs:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            modified = any(c.lower_ in st.tantrum_modifiers for c in tok.children) or (
                tok.i > 0 and doc[tok.i - 1].lower_ in st.tantrum_modifiers
            )
            if subject is None or not _is_person(subject, role_nouns):
                continue
            if verb.lemma_.lower() == "have" and not modified:
                if tok.lemma_.lower() in SEIZURE_NOUNS or not _plainly_person(subject, role_nouns):
                    continue  # "had a fit" may be a seizure, "the reactor had a meltdown" an accident
            yield doc[verb.i : tok.i + 1], "belittling", "an adult's reaction told as a child's tantrum"
        # "the senator whined that ...", "critics squealed"
        elif tok.pos_ == "VERB" and lemma in st.childish_verbs:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and _is_person(subject, role_nouns)
                and not any(c.dep_ == "neg" for c in tok.children)
            ):
                yield doc[tok.i : tok.i + 1], "belittling", f"'{tok.text}' tells a complaint as a child's"
        # "his little crusade", "their little stunt"
        elif tok.lower_ == "little" and tok.dep_ == "amod":
            noun = tok.head
            if noun.lemma_.lower() in st.undertaking_nouns and any(
                c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "its") for c in noun.children
            ):
                yield doc[tok.i : noun.i + 1], "belittling", f"'little' belittles someone's {noun.text}"


def find_so_called_credentials(doc) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for 'so-called experts', 'these so-called journalists': 'so-called' before a noun of
    expertise or standing denies people their credentials. Before a term being introduced ('so-called
    superdelegates', 'so-called long COVID', 'the so-called Gang of Eight') it is neutral and not read here."""
    st = structures()
    for i in view(doc).where(lowers=frozenset({"called", "so-called"})):
        tok = doc[i]
        if tok.lower_ == "called" and not (i >= 2 and doc[i - 1].text in ("-", "‐") and doc[i - 2].lower_ == "so"):
            continue
        j = i + 1
        while j < len(doc) and j < i + 3 and doc[j].pos_ == "ADJ":
            j += 1  # "so-called independent experts"
        if j >= len(doc):
            continue
        noun = doc[j]
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in st.credential_nouns or noun.text[:1].isupper():
            continue
        first = i - 2 if tok.lower_ == "called" else i
        yield doc[first : j + 1], "belittling", f"'so-called' denies the {noun.text} their standing"


# ----------------------------------------------------------------------------------------------- contempt for speech
def _speaker(tok, role_nouns: frozenset[str]) -> bool:
    """Someone who can speak: a person, group or organisation the tagger names, a role noun, a personal pronoun
    (not any proper noun: 'the plumes spewed')."""
    return (
        tok.ent_type_ in PEOPLE_LABELS
        or tok.lower_ in ("he", "she", "they")
        or (tok.pos_ == "NOUN" and tok.lemma_.lower() in role_nouns)
    )


def find_contempt_speech(doc, role_nouns: frozenset[str]) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for what someone said told with a verb or noun of contempt: 'the senator ranted about
    taxes', 'Smith spewed insults', 'the minister's latest tirade'. The speaker must be a third party (a name, a
    role noun, he/she/they): 'the crowd sneered' or a volcano that spews ash is no one's speech."""
    st = structures()
    for i in view(doc).where(lowers=st.contempt_speech_nouns, lemmas=st.contempt_speech_verbs):
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.lemma_.lower() in st.contempt_speech_verbs:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None or not _speaker(subject, role_nouns) or _negated(tok):
                continue
            if _title_case_line(_sentence(doc, tok.i)):
                continue  # "Jupiter's Moon Europa Are Spewing Water Vapor": a headline's capitals name no one
            end = tok.i + 1
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.i == tok.i + 1:
                end = obj.i + 1  # "spewed lies"
            yield doc[subject.left_edge.i : end], "contempt-verb", f"'{tok.text}' tells what someone said with contempt"
        elif tok.pos_ == "NOUN" and tok.lower_ in st.contempt_speech_nouns:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or not (owner.lower_ in THIRD_PERSON_POSSESSIVES or _third_party(owner, role_nouns)):
                continue  # "a rant about parking" with no one's name on it is a genre word
            yield (
                doc[owner.left_edge.i : tok.i + 1],
                "contempt-verb",
                f"'{tok.text}' tells someone's words with contempt",
            )


# ----------------------------------------------------------------------------------------------- fear, doom
PEOPLE_NOUNS = frozenset({"child", "parent", "mother", "father", "woman", "man", "person", "family", "citizen"})


def _people_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in PEOPLE_NOUNS or (tok.pos_ == "NOUN" and lemma.endswith(PERSON_SUFFIXES))


def _told_as_a_class(subject, verb) -> bool:
    """'Parents should be terrified': a bare plural of people under 'should', the whole class told what to feel
    (not 'the parents were terrified', a report of some)."""
    return (
        subject.tag_ == "NNS"
        and _people_noun(subject)
        and not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)
        and any(c.dep_ == "aux" and c.lower_ == "should" for c in verb.children)
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def _everyone(tok, st: Structures) -> bool:
    """'every parent', 'all Americans', 'everyone', 'you', 'any voter'."""
    if tok.lower_ in st.everyone_words:
        return True
    return any(c.dep_ in ("det", "predet", "amod") and c.lower_ in ("every", "all", "any") for c in tok.children)


def find_fear(doc) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for fear aimed at everyone and doom told of a collective 'we'."""
    st = structures()
    words = view(doc).where(
        lowers=st.doom_predicates | SAFETY_ADJECTIVES,
        lemmas=st.fear_verbs | st.fear_adjectives | st.doom_verbs | st.doom_predicates | {"lose"},
    )
    yield from _nobody_safe(doc, [i for i in words if doc[i].lower_ in SAFETY_ADJECTIVES], st)
    yield from _ruin_of_all(doc, st)
    # a doom adjective is read from the verb it completes: "we are dead" -> "are"; a fear adjective from itself as
    # well ("be very afraid": the imperative is read from the adjective's own verb)
    heads = {doc[i].head.i if doc[i].dep_ in ("acomp", "attr") else i for i in words}
    heads |= {i for i in words if doc[i].lemma_.lower() in st.fear_adjectives}
    for i in sorted(heads):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in tok.children)
        if negated:
            continue
        # "this should frighten every parent", "it will terrify you"
        if tok.pos_ == "VERB" and lemma in st.fear_verbs:
            target = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if target is not None and (_everyone(target, st) or _told_as_a_class(target, tok)):
                first = min(tok.i, target.left_edge.i)
                yield doc[first : max(tok.i, target.right_edge.i) + 1], "fear", "fear is aimed at everyone"
                continue
        # "every parent should be terrified", "be very afraid"
        if lemma in st.fear_adjectives and tok.dep_ in ("acomp", "ROOT") and tok.head.lemma_ == "be":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            imperative = subject is None and tok.head.tag_ == "VB" and tok.head.i == _sentence(doc, tok.i).start
            if imperative or (subject is not None and _everyone(subject, st) and subject.lower_ != "everyone"):
                span = doc[(subject.left_edge.i if subject is not None else tok.head.i) : tok.i + 1]
                yield span, "fear", "everyone is told to be afraid"
                continue
        # "we are finished", "our country will be destroyed", "we will lose everything"
        subject = _subject(tok)
        if tok.lower_ in SAFETY_ADJECTIVES:  # (not a doom word: only the 'no one will be safe' shape below)
            continue
        if lemma == "lose" and subject is None and tok.dep_ == "xcomp":
            subject = _subject(tok.head)  # "every saver stands to lose everything"
        total_loss = lemma == "lose" and any(
            c.dep_ == "dobj" and c.lower_ in st.total_loss_objects for c in tok.children
        )
        if subject is None or not (_collective_first_person(subject, st) or (total_loss and _everyone(subject, st))):
            continue  # doom of a whole 'we'; total loss of everyone too ("every saver will lose everything")
        doom = None
        if (lemma in st.doom_predicates and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl")) or (
            tok.lower_ in st.doom_predicates and any(c.dep_ == "auxpass" for c in tok.children)
        ):
            doom = tok
        for c in tok.children:
            if c.dep_ in ("acomp", "attr") and c.lower_ in st.doom_predicates:
                doom = c
        if lemma in st.doom_verbs and not any(c.dep_ == "dobj" for c in tok.children):
            doom = tok  # "our towns will perish"; not "we must cease our support" (an act, not ruin)
        if total_loss:
            doom = tok
        if doom is None or any(c.dep_ == "prep" and c.lower_ in ("with", "for") for c in doom.children):
            continue  # "we are done with the talks", "we are finished for the day"
        if tok.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in tok.children
        ):
            continue  # "we lost everything in the flood", "we have lost 18,000 jobs": a loss reported, not foretold
        end = max(doom.i, tok.i)
        for c in doom.children:
            if c.dep_ == "dobj":
                end = max(end, c.right_edge.i)
        yield doc[subject.left_edge.i : end + 1], "doom", "ruin is foretold for a whole 'we'"


# Safety denied to everyone: 'no family will ever be safe again', 'nobody would be safe on these streets'.
SAFETY_ADJECTIVES = frozenset({"safe", "secure"})
FUTURE_MODALS = frozenset({"will", "would", "'ll", "shall", "can", "could"})


def _future(verb) -> bool:
    """The verb is told under a modal of the future or a condition ('will be', 'would destroy', 'could wipe out')."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def _no_one(subject, st: Structures) -> bool:
    """A subject that denies something to every person: 'nobody', 'no one', 'none of us', or 'no' before a person
    or a collective of people ('no family', 'no child', 'no citizen'); not 'no building' (a place can be unsafe)."""
    low = subject.lower_
    if low in NEGATIVE_UNIVERSALS or (low == "none" and any(c.lower_ == "of" for c in subject.children)):
        return True
    if not any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return False
    lemma = subject.lemma_.lower()
    return (
        lemma == "one"
        or subject.lower_ in st.collective_first_person
        or lemma in st.collective_first_person
        or _people_noun(subject)
    )


def _nobody_safe(doc, safe_words: list[int], st: Structures) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for safety denied to everyone in the future: 'no family in this state will ever be safe
    again', 'nobody would be safe on these streets', and for good to all of us: 'our streets will never be safe
    again' ('the pier will never be safe again' is a place's). A present or past fact ('no one was hurt', 'nobody is safe
    until the roof is fixed' is a warning with a condition) is left alone."""
    for i in safe_words:
        safe = doc[i]
        verb = safe.head
        if safe.dep_ != "acomp" or verb.lemma_ != "be" or not _future(verb):
            continue
        if any(c.dep_ == "advcl" and any(m.lower_ in ("until", "unless") for m in c.children) for c in verb.children):
            continue  # 'no one will be safe until the gunman is caught': a warning with its condition
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        negation = [c.lower_ for c in verb.children if c.dep_ == "neg"]
        if subject is None:
            continue
        if not negation and not _no_one(subject, st):
            continue
        if negation and not (negation == ["never"] and _again(verb) and _ours(subject, st)):
            continue  # 'our streets will never be safe again': safety denied to all of us for good
        end = max([safe.i, *(c.i for c in verb.children if c.dep_ == "advmod" and c.lower_ == "again")])
        yield doc[subject.left_edge.i : end + 1], "fear", "safety is denied to everyone"


def _again(verb) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "again" for c in verb.children)


def _ours(subject, st: Structures) -> bool:
    """'we', 'us', or anything of 'ours' ('our streets', 'our children'): the reader's community, not 'the bridge'."""
    return _collective_first_person(subject, st) or any(
        c.dep_ == "poss" and c.lower_ == "our" for c in subject.children
    )


# Verbs of total ruin (not 'end', 'abolish', 'cut': a policy's plain description, 'would end all fees') and what
# people live by: 'the wage rise will destroy every small business', 'would wipe out all our jobs'.
TOTAL_RUIN_VERBS = frozenset({"destroy", "ruin", "wreck", "devastate", "bankrupt", "annihilate", "obliterate", "wipe"})
LIVELIHOOD_NOUNS = frozenset({"business", "firm", "company", "shop", "farm", "job", "livelihood", "family", "saving"})


def _everyone_of(noun, st: Structures) -> bool:
    """'every small business', 'all our jobs', 'all the families': every one of a kind of people or of what people
    live by; not 'every vine' or 'every home on the seafront' (a storm's forecast damage)."""
    universal = any(c.dep_ in ("det", "predet") and c.lower_ in ("every", "all") for c in noun.children)
    lemma = noun.lemma_.lower()
    people = (
        lemma in LIVELIHOOD_NOUNS
        or lemma in st.collective_first_person
        or (noun.pos_ == "NOUN" and lemma.endswith(PERSON_SUFFIXES) and lemma not in ("computer", "container"))
    )
    return universal and people


def _ruin_of_all(doc, st: Structures) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for total ruin foretold for everyone or everything people live by: 'the wage rise will
    destroy every small business in the region', 'there will be nothing left of our way of life'. Only a future or
    a conditional ('will', 'would', 'could'): 'the fire destroyed every shop on the street' reports."""
    v = view(doc)
    for i in v.where(lemmas=TOTAL_RUIN_VERBS):
        verb = doc[i]
        if verb.pos_ != "VERB" or _negated(verb):
            continue
        if not _future(verb):
            continue
        if verb.lemma_.lower() == "wipe" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            continue  # 'wipe the slate': only 'wipe out' ruins
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or not _everyone_of(obj, st):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        start = subject.left_edge.i if subject is not None else verb.i
        yield doc[start : obj.i + 1], "doom", f"ruin is foretold for every {obj.text}"
    # 'there will be nothing left of our way of life'
    for i in v.where(lowers=frozenset({"nothing"})):
        nothing = doc[i]
        verb = nothing.head
        if nothing.dep_ != "attr" or verb.lemma_ != "be" or not any(c.dep_ == "expl" for c in verb.children):
            continue
        if not _future(verb):
            continue
        left = next((c for c in nothing.children if c.dep_ == "acl" and c.lower_ == "left"), None)
        of = next((c for c in left.children if c.dep_ == "prep" and c.lower_ == "of"), None) if left else None
        owned = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owned is not None and _collective_first_person(owned, st):
            first = next((c.i for c in verb.children if c.dep_ == "expl"), nothing.i)
            yield doc[first : owned.right_edge.i + 1], "doom", "ruin is foretold for a whole 'we'"


def _collective_first_person(tok, st: Structures) -> bool:
    """'we', 'us', or a collective owned by 'our' ('our country', 'our children', 'our way of life')."""
    if tok.lower_ in ("we", "us"):
        return True
    return tok.lemma_.lower() in st.collective_first_person and any(
        c.dep_ == "poss" and c.lower_ == "our" for c in tok.children
    )


# ----------------------------------------------------------------------------------------------- insults, motives
# The writer and the reader are no third party: "I was foolish to", "you are clueless" judge no one in the news.
FIRST_SECOND_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
COPULAS = frozenset({"be", "seem", "look", "sound", "appear", "become", "remain"})
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her", "their"})
NOT_PEOPLE = frozenset({"EVENT", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "DATE", "TIME", "LANGUAGE"})


def _third_party(tok, role_nouns: frozenset[str]) -> bool:
    """A person or group other than the writer and reader: a name, a role noun ('the mayor', 'the regulator'), a
    third-person pronoun. Stricter than ``_is_person``: a noun that merely ends like a person noun ('dumb waiter')
    is no one."""
    if tok.lower_ in FIRST_SECOND_PERSON:
        return False
    return (
        tok.ent_type_ in PEOPLE_LABELS
        or (tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_PEOPLE)  # not 'the stupid Crimean War'
        or tok.lower_ in ("he", "she", "they", "him", "them")
        or (tok.pos_ == "NOUN" and tok.lemma_.lower() in role_nouns)
    )


@lru_cache(maxsize=1)
def fiction_words() -> frozenset[str]:
    """Words that show a sentence is about a work of fiction (data/language/literal_senses.json)."""
    senses = read_json("language/literal_senses.json")
    return frozenset(w.lower() for w in (*senses["fiction_heads"], *senses["fiction_context"]))


def _about_fiction(sent) -> bool:
    """'the novel's pompous butler': writing about a work of fiction judges characters, not people in the news."""
    fiction = fiction_words()
    return any(t.lower_ in fiction and t.pos_ in ("NOUN", "PROPN") for t in sent)


def _actor(tok, st: Structures, role_nouns: frozenset[str]) -> bool:
    """A political actor a motive label can be pinned on: a named person, group or organisation, a party, a
    government, an office holder."""
    lemma = tok.lemma_.lower()
    return (
        tok.ent_type_ in PEOPLE_LABELS
        or lemma in st.actor_nouns
        or tok.lower_ in st.actor_nouns
        or (lemma in role_nouns and tok.pos_ == "NOUN")
    )


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))


TIME_NOUNS = frozenset(
    {"day", "week", "weekend", "month", "year", "season", "night", "morning", "schedule", "life", "luck", "ride"}
)
DOWNTONERS = frozenset({"little", "bit", "slightly", "somewhat", "faintly", "mildly", "fairly", "kind", "sort"})


def _physical_sense(tok, st: Structures) -> bool:
    """An insult word that also names a shape or a texture ('crooked', 'slimy', 'lazy') read in that sense: a
    downtoner before it ('a little crooked', 'slightly crooked': a character is not measured so), or a body part or
    an object in its clause ('his crooked smile', 'the frame hangs crooked')."""
    doc = tok.doc
    before = [t.lower_ for t in doc[max(0, tok.i - 2) : tok.i]]
    if any(w in DOWNTONERS for w in before):
        return True
    sent = _sentence(doc, tok.i)
    return any(t.lemma_.lower() in st.physical_nouns and t.pos_ == "NOUN" for t in sent)


# Nouns of violence a possessive may own as the one who suffered it ('his vicious beating', 'her brutal attack'
# told of the victim); with 'on' or 'against' the owner is the one who did it ('his vicious attack on the mayor').
SUFFERED_NOUNS = frozenset({"attack", "assault", "beating", "mauling", "stabbing", "shooting", "injury", "ordeal"})


def _suffered(noun) -> bool:
    return noun.lemma_.lower() in SUFFERED_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ in ("on", "against", "upon") for c in noun.children
    )


def find_insults(doc, role_nouns: frozenset[str]) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for an insulting evaluation tied by the grammar to a person ('it was foolish of Senator
    Black to ...', 'the mayor's brainless plan', 'the senator is clueless', 'the spineless councillors') and a motive
    label pinned on a political actor ('the xenophobic party', 'the party is racist'). The adjective alone ('a
    stupid mistake', 'racist attacks') fires nothing: only the grammar that attaches it to someone."""
    st = structures()
    words = st.insult_adjectives | st.motive_adjectives | st.contempt_adjectives
    # a hyphenated insult ('dim-witted') is three tokens; the parse hangs it on its last part
    compound_ends = frozenset(w.rsplit("-", 1)[1] for w in st.insult_compounds)
    for i in view(doc).where(lowers=words | compound_ends):
        tok = doc[i]
        first = i
        if tok.lower_ not in words:
            if i < 2 or doc[i - 1].text != "-" or f"{doc[i - 2].lower_}-{tok.lower_}" not in st.insult_compounds:
                continue
            first = i - 2
        if tok.pos_ not in ("ADJ", "VERB", "NOUN", "PROPN") or _negated(tok):
            continue
        motive = tok.lower_ in st.motive_adjectives
        # contempt for what someone did ('his blatant lie', 'the senator's cunning reply'): only on a thing owned by
        # a person or 'it was ADJ of X'; on the person ('the ruthless general') or alone it may describe
        of_acts = tok.lower_ in st.contempt_adjectives and tok.lower_ not in st.insult_adjectives
        word = doc[first : i + 1].text
        head = tok.head
        if _about_fiction(_sentence(doc, tok.i)):
            continue
        if tok.lower_ in st.physical_sense_insults and _physical_sense(tok, st):
            continue  # "she's a little crooked in the photo", "his crooked smile": a shape, not a character
        if tok.dep_ in ("amod", "compound") and head.i > tok.i:
            if tok.text[:1].isupper() and not doc[first].is_sent_start:
                continue  # "Defeat Crooked Hillary" (a group's name); nicknames are find_nicknames' to judge
            if motive:
                if _actor(head, st, role_nouns):  # "the xenophobic party", "racist Senator Black"
                    yield doc[first : head.i + 1], "motive-label", f"'{word}' imputes a motive to {head.text}"
                continue
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if of_acts and (head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in TIME_NOUNS):
                continue  # "her insane week", "his absurd schedule": a time told colloquially, not an act judged
            if owner is not None and _suffered(head):
                continue  # "recovering from his vicious attack": the owner may be the one attacked
            if owner is not None and (owner.lower_ in THIRD_PERSON_POSSESSIVES or _third_party(owner, role_nouns)):
                start = owner.left_edge.i  # "the mayor's brainless plan", "his idiotic tweet"
                yield doc[start : head.i + 1], "insult-evaluation", _owner_insulted(word, owner, head)
            elif _third_party(head, role_nouns) and head.lower_ not in THIRD_PERSON_POSSESSIVES and not of_acts:
                yield doc[first : head.i + 1], "insult-evaluation", f"'{word}' insults {head.text}"
            continue
        # "it was foolish of Senator Black to say so", "how spineless of the mayor"
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if not motive and target is not None and _third_party(target, role_nouns):
            how_ = first > 0 and doc[first - 1].lower_ in ("how", "so")
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "expl")), None)
            if how_ or (head.lemma_.lower() in COPULAS and subject is not None and subject.lower_ in ("it", "that")):
                start = first - 1 if how_ else min(subject.i, first) if subject is not None else first
                yield doc[start : target.right_edge.i + 1], "insult-evaluation", f"'{word}' insults {target.text}"
            continue
        if of_acts:
            continue
        if tok.dep_ in ("acomp", "attr", "ROOT") and (tok.dep_ == "ROOT" or head.lemma_.lower() in COPULAS):
            verb = tok if tok.dep_ == "ROOT" else head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            if subject is None or subject.dep_ == "expl":
                continue
            if motive and _actor(subject, st, role_nouns):  # "the party is xenophobic"
                yield doc[subject.left_edge.i : tok.i + 1], "motive-label", f"'{word}' imputes a motive"
            elif not motive and _third_party(subject, role_nouns):  # "Senator Black is clueless"
                yield doc[subject.left_edge.i : tok.i + 1], "insult-evaluation", f"'{word}' insults {subject.text}"


def find_doom_forever(doc) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for ruin forever of something everyone values: 'a campaign to end national security
    forever', 'a bill that would destroy our democracy for good'."""
    st = structures()
    text_low = view(doc).text.lower()
    if not any(w in text_low for w in st.forever_words):
        return
    for i in view(doc).where(lemmas=st.ruin_verbs):
        verb = doc[i]
        if verb.pos_ != "VERB" or _negated(verb):
            continue
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None or obj.lemma_.lower() not in st.valued_objects:
            continue
        sent = _sentence(doc, verb.i)
        window = doc[verb.i : min(sent.end, obj.right_edge.i + 5)]
        found = re.search(_forever_pattern(st.forever_words), window.text.lower())
        if found is None:
            continue
        tail = doc.char_span(window.start_char + found.start(), window.start_char + found.end(), "expand")
        if tail is not None:
            first = min(verb.i, obj.left_edge.i)
            yield doc[first : tail.end], "doom", f"ruin forever is foretold for {obj.text}"


@lru_cache(maxsize=1)
def _forever_pattern(words: frozenset[str]) -> str:
    return r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"


# ----------------------------------------------------------------------------------------------- a policy as war
# Verbs by which a policy is said to be something: 'the scheme is a war on ...', 'amounts to an assault on ...'.
EQUATING_VERBS = frozenset({"be", "amount", "constitute", "represent"})


def _population(tok) -> bool:
    """A class of people: 'working families', 'pensioners', 'the middle class'."""
    from .claims import checkable_lexicon

    low = tok.lemma_.lower()
    return low in checkable_lexicon().population_nouns or (
        low == "class" and any(c.lower_ in ("middle", "working") for c in tok.children)
    )


def _target(noun):
    """What the war or attack is on: the object of its 'on' or 'against', or None."""
    objects = (g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "against") for g in p.children)
    return next((g for g in objects if g.dep_ == "pobj"), None)


def _equated_by(noun):
    """The verb that says its subject is the ``noun``: 'is a war', 'amounts to an assault', 'is nothing less than an
    attack'; not a noun further down ('is a response to the attack on nurses')."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "than" and node.head.head.lower_ in ("less", "short"):
        node = node.head.head  # 'nothing less than an attack': 'less' stands where the noun would
        node = node.head if node.dep_ == "amod" else node
    if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lemma_ == "amount":
        return node.head.head
    if node.dep_ in ("attr", "dobj") and node.head.lemma_.lower() in EQUATING_VERBS:
        return node.head  # ('dobj': 'represents an assault on renters')
    return None


def find_policy_as_war(doc) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for a policy told as violence against a class of people: 'the parking scheme is a war on
    working families', 'the tax amounts to an assault on farmers'. A policy can wage no real war, so the figure is
    loaded whatever the sentence; a war of someone's ('the regime's war on its own people') is not read."""
    st = structures()
    for i in view(doc).where(lemmas=st.onslaught_nouns):
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue
        victim = _target(noun)
        if victim is None or not _population(victim):
            continue
        verb = _equated_by(noun)
        if verb is None or _negated(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in st.policy_nouns:
            continue
        start = min(noun.left_edge.i, noun.i)
        yield doc[start : victim.right_edge.i + 1], "policy-war", f"a {subject.text} told as a {noun.text} on people"


# ----------------------------------------------------------------------------------------------- black-and-white
AUDIENCE = frozenset({"we", "you", "us", "i"})


def _stark(option, st: Structures) -> bool:
    """The option is ruin: a doom verb ('or the high street dies'), a total loss or a doom predicate ('or we lose
    everything', 'or we are finished'), ending with nothing ('or Britain walks away with nothing'), or a loss for
    good ('or we watch the team leave for good')."""
    if any(c.dep_ == "neg" for c in option.children):
        return False
    if option.lemma_.lower() in st.doom_verbs:
        return True
    for c in option.children:
        if c.dep_ in ("dobj", "acomp", "attr") and (
            c.lower_ in st.total_loss_objects or c.lower_ in st.doom_predicates
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("with", "without"):
            if any(g.dep_ == "pobj" and g.lower_ == "nothing" for g in c.children):
                return True
    words = " ".join(t.lower_ for t in option.subtree if t.i >= option.i)
    return re.search(_forever_pattern(st.forever_words), words) is not None


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _second_clause_after_or(doc, either, first):
    """When the parse did not join the two clauses ('Either the council scraps the tax or the high street dies':
    'street' hung on 'tax', 'dies' made a clause of 'scraps'), the verb after 'or' under the first clause, with a
    noun or pronoun of its own between 'or' and it as its subject; else (None, None)."""
    sent = _sentence(doc, either.i)
    or_tok = next((t for t in doc[first.i + 1 : sent.end] if t.lower_ == "or"), None)
    if or_tok is None:
        return None, None
    for verb in doc[or_tok.i + 1 : sent.end]:
        if verb.pos_ != "VERB":
            continue
        if first not in verb.ancestors:
            return None, None
        subject = next((t for t in doc[or_tok.i + 1 : verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        return (verb, subject) if subject is not None else (None, None)
    return None, None


def find_either_or(doc) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for 'either we leave or we lose everything', 'either the council scraps the tax or the high
    street dies', 'we can build it, or we can watch the team leave for good' and 'it's us or them'. Two clauses with
    subjects of their own: both options put to the audience ('either you support the strike or you support the
    bosses'), or the second one ruin, whoever the actors. Options for one actor ('either resign or face a vote') and
    a person weighing their own ('either I sell the farm or I borrow again') are real choices, not a framed
    dilemma."""
    st = structures()
    for i in view(doc).where(lowers=frozenset({"either"})):
        tok = doc[i]
        if tok.dep_ not in ("preconj", "cc", "advmod", "det"):
            continue
        first = tok.head
        if tok.dep_ == "det" and first.dep_ in ("nsubj", "nsubjpass") and first.head.pos_ in ("VERB", "AUX"):
            first = first.head  # 'Either Brussels gives in or ...': the parse hung 'either' on the subject
        alternative = next((c for c in first.children if c.dep_ == "cc" and c.lower_ == "or"), None)
        # the option after 'or', not a step joined to the first option by 'and' ('either we stand up and demand ...,
        # or we hand over the sky')
        second = (
            None
            if alternative is None
            else next((c for c in first.children if c.dep_ == "conj" and c.i > alternative.i), None)
        )
        if second is not None:
            subj_b = _subject(second)
        elif first.pos_ in ("VERB", "AUX"):
            second, subj_b = _second_clause_after_or(doc, tok, first)
        else:
            continue
        subj_a = _subject(first)
        if second is None or subj_a is None or subj_b is None:
            continue  # "either resign or face a vote": options for one actor, not a framed dilemma
        if subj_a.lower_ == subj_b.lower_ == "i":
            continue  # "either I sell the farm or I borrow again": the speaker weighs their own options
        audience = subj_a.lower_ in AUDIENCE and subj_b.lower_ in AUDIENCE
        if audience or _stark(second, st):
            yield _either_span(doc, tok.i, second), "either-or", "two options are presented as the only ones"
    # 'we can build the stadium, or we can watch the team leave for good': no 'either', the same audience twice
    for i in view(doc).where(lowers=frozenset({"or"})):
        cc = doc[i]
        first = cc.head
        if cc.dep_ != "cc" or first.pos_ not in ("VERB", "AUX"):
            continue
        second = next((c for c in first.children if c.dep_ == "conj" and c.i > cc.i), None)
        subj_a = _subject(first)
        subj_b = _subject(second) if second is not None else None
        if second is None or subj_a is None or subj_b is None:
            continue
        if not (subj_a.lower_ == subj_b.lower_ and subj_a.lower_ in ("we", "you")):
            continue
        if any(t.lower_ == "either" for t in doc[subj_a.left_edge.i : first.i]) or not _stark(second, st):
            continue  # the 'either' reading above has it
        yield _either_span(doc, subj_a.left_edge.i, second), "either-or", "two options are presented as the only ones"
    yield from _only_path(doc, st)
    text = view(doc).text
    for m in re.finditer(r"\b(?:us or them|them or us)\b", text, re.IGNORECASE):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            yield span, "us-or-them", "the world is split into two camps"


def _only_path(doc, st) -> Iterator[tuple[Any, str, str]]:
    """'There is only one path for the republic: to continue along the course set by the President, or to throw away
    everything that has been built': a sentence that says there is only one or two of something, then lists after a
    colon two options joined by 'or', one of them ruin (a total loss, a doom word) or both the audience's ('we ... or
    we ...'). A count with no such options ('There are only two candidates: Ruiz and Okafor', 'only one way to find
    out: ask') lists facts, not a dilemma."""
    for i in view(doc).where(lowers=frozenset({"only"})):
        only = doc[i]
        count = only.head if only.head.lower_ in ("one", "two") else None
        noun = count.head if count is not None and count.dep_ == "nummod" else None
        if noun is None or noun.dep_ not in ("attr", "nsubj") or noun.head.lemma_ != "be":
            continue
        if not any(c.dep_ == "expl" and c.lower_ == "there" for c in noun.head.children):
            continue
        sent = noun.sent
        colon = next((t for t in doc[noun.i : sent.end] if t.text in (":", "—", "–")), None)
        if colon is None:
            continue
        for cc in doc[colon.i + 1 : sent.end]:
            if cc.dep_ != "cc" or cc.lower_ != "or" or cc.head.i <= colon.i:
                continue
            first = cc.head
            second = next((c for c in first.children if c.dep_ == "conj" and c.i > cc.i), None)
            if second is None:
                continue
            stark = any(
                (t.lower_ in st.total_loss_objects and t.dep_ in ("dobj", "pobj", "attr"))
                or t.lower_ in st.doom_predicates
                or (t.pos_ == "VERB" and t.lemma_.lower() in st.doom_verbs)
                for t in second.subtree
            )
            subjects = [_subject(v) for v in (first, second)]
            if stark or all(s is not None and s.lower_ in AUDIENCE for s in subjects):
                start = min(c.i for c in noun.head.children if c.dep_ == "expl")
                yield _either_span(doc, start, second), "either-or", "two options are presented as the only ones"
            break


def _either_span(doc, start: int, second):
    end = second.right_edge.i + 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


# ----------------------------------------------------------------------------------------------- hyperbole
HYPERBOLE_SCOPE = (
    re.compile(
        r"^(?:[\w'’-]+ ){0,4}?in (?:(?:all|recorded|modern|human|world|american|our|its|his|her|their|the)\s)*"
        r"(?:[\w'’]+(?:'s|’s) )?history\b",
        re.I,
    ),
    re.compile(
        r"^(?:[\w'’-]+ ){0,4}?(?:the|this) (?:world|country|nation|planet) (?:has|have) ever (?:seen|known)\b", re.I
    ),
    re.compile(r"^(?:[\w'’-]+ ){0,4}?(?:ever|of all time)\b", re.I),
)


# Degree words between the article and a superlative raise it further and bound nothing: 'the single most
# dangerous', 'the very worst', 'the absolute greatest', 'the all-time worst'.
SUPERLATIVE_INTENSIFIERS = frozenset({"single", "very", "absolute", "all-time"})
SUPERLATIVE_OWNERS = frozenset({"the", "his", "her", "their", "its", "our"})


def _judged_noun(doc, i: int, st: Structures):
    """The noun a superlative at token i raises, when the superlative is a judgement, else None. 'worst', 'greatest'
    or 'biggest' before a noun that judges (betrayal, scandal, hoax, president ...); 'most' before an evaluative
    adjective ('most corrupt'), or before a harm adjective on a policy or a judging noun ('the most dangerous law');
    any other superlative that measures no dimension before a judging noun ('the gravest threat'). A record measures
    ('the deadliest storm', 'the largest deal'): no judgement."""
    tok = doc[i]
    if tok.lower_ == "most":
        if i + 1 >= len(doc):
            return None
        nxt = doc[i + 1]
        noun = nxt.head if nxt.head.i > nxt.i and nxt.head.pos_ in ("NOUN", "PROPN") else None
        if nxt.lower_ in st.evaluative_adjectives | st.insult_adjectives | st.contempt_adjectives:
            return noun
        if nxt.lower_ in st.harm_adjectives and noun is not None:
            lemma = noun.lemma_.lower()
            return noun if lemma in st.policy_nouns or lemma in st.hyperbole_nouns else None
        return None
    noun = tok.head if tok.head.i > tok.i and tok.head.pos_ == "NOUN" else None
    if noun is None or noun.lemma_.lower() not in st.hyperbole_nouns:
        return None
    if tok.lower_ in ("worst", "greatest", "biggest"):
        return noun
    if tok.tag_ == "JJS" and tok.lower_ not in st.measure_superlatives and tok.dep_ == "amod":
        return noun
    return None


def _ever_clause(noun):
    """A clause on the noun with 'ever' in it, or None: 'the gravest threat this country has ever faced', 'the most
    dangerous law ever put before Parliament' rank the noun over all time, however many words come between."""
    for clause in noun.children:
        if clause.dep_ in ("relcl", "acl") and clause.i > noun.i:
            if any(c.dep_ == "advmod" and c.lower_ == "ever" for c in clause.children):
                return clause
    return None


def find_hyperbole(doc, dictionary) -> Iterator[tuple[Any, str, str]]:
    """(span, how, why) for a judgement raised to a superlative with no bound: 'the worst betrayal in history', 'the
    most corrupt administration ever', 'the biggest hoax of all time', 'the gravest threat this country has ever
    faced'. A record is not one: 'the deadliest storm in the state's history' measures, and a superlative fires
    only when it judges (``_judged_noun``)."""
    st = structures()
    v = view(doc)
    text = v.text
    tags = v.column("TAG")
    starts = set(v.where(lowers=frozenset({"worst", "greatest", "biggest", "most"})))
    starts.update(i for i, tag in enumerate(tags) if tag == "JJS")
    for i in sorted(starts):
        if i == 0:
            continue
        before = i - 1
        if doc[before].lower_ in SUPERLATIVE_INTENSIFIERS and before > 0:
            before -= 1  # 'the single most dangerous', 'the very worst'
        if doc[before].lower_ not in SUPERLATIVE_OWNERS:
            continue
        noun = _judged_noun(doc, i, st)
        if noun is None or noun.i > i + 4:
            continue
        clause = _ever_clause(noun)
        if clause is not None:
            end = clause.right_edge.i + 1
            while end > clause.i + 1 and doc[end - 1].is_punct:
                end -= 1
            yield doc[before:end], "hyperbole", "a judgement raised to a superlative over all time"
            continue
        tail = text[noun.idx + len(noun.text) :][:80]
        after = tail.lstrip()
        match = next((m for m in (p.match(after) for p in HYPERBOLE_SCOPE) if m), None)
        if match is None:
            continue
        stop = noun.idx + len(noun.text) + (len(tail) - len(after)) + match.end()
        span = doc.char_span(doc[before].idx, stop, alignment_mode="expand")
        if span is None:
            continue
        yield span, "hyperbole", "a judgement raised to a superlative with no bound"
    yield from _unbounded_comparisons(doc, st)


# An unbounded comparison by negation: nobody has ever seen, there has never been, never has ... a thing this bad.
NEGATIVE_UNIVERSALS = frozenset({"nobody", "no-one"})
COMPARISON_VERBS = frozenset({"see", "know", "be", "have", "witness", "meet", "encounter"})
DEGREE_WORDS = frozenset({"this", "so", "more", "as"})


def _negative_universal(verb) -> Any:
    """The word that makes ``verb``'s clause range over everyone or all time, or None: a subject 'nobody' / 'no one',
    'never' with an expletive 'there' ('there has never been'), or 'never' opening the sentence ('Never has ...').
    A person's 'never' ('he had never seen') is one person's experience, not a claim about all time."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in NEGATIVE_UNIVERSALS or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children))
        ):
            return c
    never = next((c for c in verb.children if c.lower_ == "never" and c.dep_ in ("neg", "advmod")), None)
    if never is None:
        return None
    if any(c.dep_ == "expl" for c in verb.children) or never.is_sent_start:
        return never
    return None


def _unbounded_comparisons(doc, st: Structures) -> Iterator[tuple[Any, str, str]]:
    """'Nobody has ever seen a government this incompetent', 'There has never been a more corrupt administration':
    a judging adjective raised by a degree word in a clause that denies anything like it ever existed."""
    judging = st.evaluative_adjectives | st.insult_adjectives | st.contempt_adjectives
    for i in view(doc).where(lowers=judging):
        adj = doc[i]
        if i == 0 or doc[i - 1].lower_ not in DEGREE_WORDS:
            continue
        verb = adj
        for _ in range(3):  # the adjective's noun, then the clause's verb
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in COMPARISON_VERBS:
                break
            if verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in COMPARISON_VERBS:
            continue
        negative = _negative_universal(verb)
        if negative is None or negative.i > i:
            continue
        expletive = next((c.i for c in verb.children if c.dep_ == "expl"), negative.left_edge.i)
        start = min(negative.left_edge.i, expletive)  # 'There has never been ...' from 'There'
        end = max(adj.i, adj.head.i if adj.head.i > adj.i and adj.head.pos_ == "NOUN" else adj.i) + 1
        yield doc[start:end], "hyperbole", "a judgement raised beyond anything ever seen"


# ----------------------------------------------------------------------------------------------- gathering
CHECKS = {  # how -> rule code
    "nickname": "LNG001",
    "coinage": "LNG001",
    "opponent-label": "LNG001",
    "conspiracy-label": "LNG001",
    "belittling": "LNG002",
    "contempt-verb": "LNG002",
    "policy-war": "LNG002",
    "insult-evaluation": "LNG002",
    "motive-label": "LNG001",
    "fear": "LNG005",
    "doom": "LNG005",
    "either-or": "LNG011",
    "us-or-them": "LNG011",
    "hyperbole": "LNG013",
}
CONFIDENCE = {"LNG001": 0.65, "LNG002": 0.6, "LNG005": 0.6, "LNG011": 0.65, "LNG013": 0.6}
SEVERITY: dict[str, Severity] = {
    "LNG001": "warning",
    "LNG002": "info",
    "LNG005": "info",
    "LNG011": "info",
    "LNG013": "info",
}


# Possessive pronouns as the person they stand for, for a message: "his absurd remarks" insults him.
_OWNER_PRONOUNS = {"his": "him", "her": "her", "their": "them", "its": "it", "your": "you"}


def _owner_insulted(word: str, owner, head) -> str:
    """'X' insults the owner of the N, with N a word: when the parse hangs the adjective on a dash or a bracket
    ("Trump's absurd ― and dangerous ― remarks") the noun is looked for past the aside, else the owner is named."""
    noun = head if head.is_alpha else None
    if noun is None:
        doc, depth = head.doc, 0
        for tok in doc[head.i : min(len(doc), head.i + 15)]:
            if tok.is_sent_start and tok.i > head.i:
                break
            if tok.text in ("―", "—", "–", "(", ")") or (tok.text == "-" and tok.whitespace_):
                depth = 1 - depth if tok.text not in "()" else (1 if tok.text == "(" else 0)
                continue
            if depth == 0 and tok.pos_ == "NOUN" and tok.is_alpha and tok.dep_ != "compound":
                noun = tok
                break
    if noun is not None:
        return f"'{word}' insults the owner of the {noun.text}"
    name = _OWNER_PRONOUNS.get(owner.lower_) or " ".join(
        t.text for t in owner.subtree if t.tag_ != "POS" and t.text not in ("'s", "’s", "'", "’")
    )
    return f"'{word}' insults {name}"


def find_structural(doc, ctx, dictionary, role_nouns: frozenset[str]) -> Iterator[Found]:
    """Every structural LNG finding, as (finding, entry) pairs like the lexicon checks ('entry' is the pattern)."""
    hits = [
        *find_nicknames(doc, dictionary),
        *find_opponent_labels(doc),
        *find_belittling(doc, role_nouns),
        *find_contempt_speech(doc, role_nouns),
        *find_so_called_credentials(doc),
        *find_insults(doc, role_nouns),
        *find_doom_forever(doc),
        *find_either_or(doc),
        *find_hyperbole(doc, dictionary),
        *find_fear(doc),
        *find_policy_as_war(doc),
    ]
    kept: list[Any] = []
    for span, how, why in hits:
        if any(k.start <= span.start and span.end <= k.end for k in kept):
            continue  # "we lose everything" inside "either we leave or we lose everything": one finding
        kept.append(span)
        code = CHECKS[how]
        if code in ("LNG001", "LNG002") and ctx.mention_not_use(span):
            continue
        in_quote = ctx.attributed(span)
        message = f"{_LEADS[how].format(m=span.text)}: {why}" + (SOURCE_WORDING if in_quote else "")
        yield (
            Finding(
                code,
                SEVERITY[code],
                message,
                Span.of(span),
                confidence=CONFIDENCE[code],
                evidence={
                    "technique": TECHNIQUE[code],
                    "matched": span.text,
                    "pattern": how,
                    "lexicon": f"structure: {how}",
                    "in_quote": in_quote,
                },
            ),
            f"structure: {how}: {span.text.lower()}",
        )


_LEADS = {
    "nickname": "'{m}' is a mocking nickname",
    "coinage": "'{m}' is a contemptuous coinage",
    "opponent-label": "'{m}' labels opponents",
    "conspiracy-label": "'{m}' is a conspiracy label",
    "belittling": "'{m}' belittles",
    "contempt-verb": "'{m}' is loaded language",
    "policy-war": "'{m}' is loaded language",
    "insult-evaluation": "'{m}' is an insulting evaluation",
    "motive-label": "'{m}' imputes a motive as a label",
    "fear": "'{m}' appeals to fear",
    "doom": "'{m}' appeals to fear",
    "either-or": "'{m}' presents only two options",
    "us-or-them": "'{m}' presents only two sides",
    "hyperbole": "'{m}' exaggerates",
}
