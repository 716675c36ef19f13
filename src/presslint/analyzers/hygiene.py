"""Article hygiene: who wrote it, when, whether names are spelled one way throughout, and what extraction left in.

HYG001/HYG002 read the article metadata (``doc._.pl_article``). HYG003 compares the entity mentions found by
``presslint_entities`` through transliteration-insensitive keys (``entities.match_key`` / ``entities.skeleton``):
two spellings fire only when every differing word has the same consonant outline and similar letters, and the two
forms are not two different gazetteer places, a surname and a full name, a plural or a demonym. HYG004 reads the
text's lines for what a page or a news database left behind: a paragraph that is only a photo credit ('Getty
Images', 'AP Photo/Jane Roe') or a layout label ('Advertisement', 'Story continues below', 'ABSTRACT.'), and a
sentence that points at a picture or video above or below, which plain text cannot hold ('watch the video below').
One finding per kind, with all its places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..model import Entity, Finding, Span
from ..nlp.blockquotes import paragraphs
from ..nlp.docview import view
from ..rules import Rule
from .claims import editors_notes
from .entities import gazetteer, match_key, normalize_name, skeleton
from .genre import FULL_NAME
from .translation import code_lines

RULES = [
    Rule(
        "HYG001",
        "missing-byline",
        "info",
        "hygiene",
        "The article names no author.",
        "Readers weigh a report by who wrote it and can hold a named reporter to account; an unsigned news article "
        "(no byline in the metadata, no 'By ...' or 'Written by ...' line at the top or the end of the text, and no "
        "last paragraph naming the writer: a staff bio, a sign-off '— Jane Roe, Associated Press', a contact line) "
        "gives them neither. Agency copy and editorials "
        "are sometimes unsigned on purpose, hence info. Not emitted for empty articles.",
        "An article page whose metadata has no author and whose text starts straight with the headline and body.",
        scope="article",
    ),
    Rule(
        "HYG002",
        "missing-date",
        "info",
        "hygiene",
        "The article carries no publication date.",
        "Without a date a reader cannot tell whether the report is current, and relative dates ('last Thursday', "
        "'two years ago') cannot be resolved, so date checks are weaker. Emitted when the article metadata has no "
        "date and no line under a plain text's headline holds only a date ('March 4, 2025', 'Published: Mar. 4, "
        "2025 at 10:32 a.m.'); a date given only on the command line does not count as the article's own. Not "
        "emitted for empty articles.",
        "A pasted article with a headline and body but no date line or date metadata.",
        scope="article",
    ),
    Rule(
        "HYG003",
        "inconsistent-spelling",
        "warning",
        "hygiene",
        "The same name is spelled two different ways in one article.",
        "Transliterated names drift ('Gaddafi' / 'Qaddafi', 'Muhammad' / 'Mohammed', 'Zelensky' / "
        "'Zelenskyy'); mixing spellings in one article confuses readers and search, and can hide that two people "
        "or places are meant. Fires when two mentions of the same kind have the same consonant outline and similar "
        "letters; it does not fire for a surname next to the full name ('Biden' / 'Joe Biden'), an abbreviation "
        "('US' / 'United States'), different people sharing a surname ('John Smith' / 'Jane Smith'), plurals, "
        "possessives or demonyms ('Iraq' / 'Iraqi'), two different places in the gazetteer ('Guinea' / 'Guyana'), "
        "or a spelling that only the outlet's correction note gives ('Correction: ... She is Lorraine Whitaker, "
        "not Lorraine Whittaker').",
        "Muammar Gaddafi ruled Libya for four decades. Qaddafi was killed in 2011.",
    ),
    Rule(
        "HYG004",
        "extraction-residue",
        "info",
        "hygiene",
        "The text carries residue of the page or database it was taken from.",
        "A paragraph that is only a photo credit ('Getty Images', 'AP Photo/Jane Roe', 'Jane Roe via Getty Images'), "
        "a layout label ('Advertisement', 'Story continues below', 'ABSTRACT.', 'FULL TEXT.') or the name of the "
        "network an embedded post came from ('Twitter.'), an embedded post's markup with nothing inside ('<tweet "
        'tweet-id="..."><tweet/>\'), a sentence pointing at a picture or video above or below '
        "('watch the video below', 'the photo above') that the text does not hold, or the page's own code (style-sheet "
        "rules such as '.bio-text, .twitter-bio {' with their declarations and braces, script lines) shows the copy "
        "was scraped or pasted without editing and that something the writer meant the reader to see is missing. One "
        "finding per kind, with all its places. A credit inside a caption sentence, a wire name alone ('Reuters', a "
        "byline), a network named in a sentence, braces or semicolons in prose and references to text ('see below') "
        "do not fire.",
        "Getty Images",
    ),
]

# Labels that may name the same thing when spaCy disagrees with itself about a name ("Camp Bastion" ORG vs FAC).
PLACE_LIKE = frozenset({"GPE", "LOC", "FAC", "ORG"})
# A quotation mark the model swept into a name ("Donald Trump ''" in copy that quotes with two apostrophes).
_STRAY_QUOTES = re.compile(r"^(?:''|``|[\"“”‘])+\s*|\s+(?:''|``|[\"“”’])+$")
# "pro-Clinton", "anti-Trump", "ex-Obama": a stance or time word built on a name, not another spelling of it.
_NAME_PREFIX = re.compile(r"^(?:pro|anti|ex|non|post|pre|neo|never|mid)[-‐]", re.IGNORECASE)
# Combining forms before a hyphen ("a Franco-German plan", "Sino-Russian ties") are not names of their own.
COMBINING_FORMS = frozenset(
    {
        "anglo",
        "franco",
        "sino",
        "russo",
        "indo",
        "afro",
        "euro",
        "italo",
        "greco",
        "austro",
        "judeo",
        "serbo",
        "turco",
        "hispano",
        "germano",
        "nipo",
        "luso",
        "polono",
    }
)
COMPARED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
DEMONYM_SUFFIXES = ("i", "is", "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish")
# A byline line, at the top of the text or closing it ("Written by Jane Roe", "By Jane Roe; editing by Tom Poe",
# "(Reporting by Jane Roe in Lisbon; Editing by ...)"). The name must start with a capital: "by the river" is no byline.
_BYLINE_LINE = re.compile(
    r"^[ \t(\[]*(?:by|words by|written by|story by|text by|report by|writing by|compiled by|"
    r"(?:additional )?reporting by)\s+(?-i:[A-Z])[\w.'’-]+",
    re.IGNORECASE | re.MULTILINE,
)
BYLINE_WINDOW = 600  # characters at the top and at the end of the text where a byline line is looked for
# The writer named in the article's last paragraph, as web pages end a story: a staff bio ('Jane Roe is a staff
# writer for the Herald.', 'Jane Roe covers transport for the Herald.'), a sign-off ('— Jane Roe, Associated Press')
# or a contact line ('Contact Jane Roe at jroe@herald.example'). A source's last words ('Jane Roe is a nurse') or a
# name alone are no author line.
_AUTHOR_LINE = re.compile(
    rf"^(?:{FULL_NAME}\s+(?:is|was|has\s+been)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:reporter|correspondent|writer|journalist|editor|columnist|contributor)\b"
    rf"|{FULL_NAME}\s+covers\s+[^.]{{3,80}}\s+for\b"
    rf"|[—–]\s*{FULL_NAME}(?:,\s+[A-Z][\w&.’' ]{{1,40}})?\.?$"
    rf"|(?:Contact|Email|Reach)\s+{FULL_NAME}\s+at\s+\S+@\S+)"
)
_LETTERS = re.compile(r"[^\w]|_")


def _anchor(doc: Any) -> Span | None:
    """The headline, or the first sentence when there is none."""
    article = doc._.pl_article
    if article is not None and article.title_span:
        start, end = article.title_span
        return Span.between(article.text, start, end)  # Article.text == Doc.text, without rebuilding it
    for sent in view(doc).sents:
        if sent.text.strip():
            return Span.of(sent)
    return None


def _author_last(text: str) -> bool:
    """The article's last paragraph names its writer (``_AUTHOR_LINE``)."""
    paras = paragraphs(text)
    return len(paras) > 1 and bool(_AUTHOR_LINE.match(text[slice(*paras[-1])].strip()))


def find_missing_metadata(doc: Any) -> Iterator[Finding]:
    article = doc._.pl_article
    if article is None or not article.text.strip():
        return
    anchor = _anchor(doc)
    if anchor is None:
        return
    head, tail = article.text[:BYLINE_WINDOW], article.text[-BYLINE_WINDOW:]
    byline_in_text = _BYLINE_LINE.search(head) or _BYLINE_LINE.search(tail) or _author_last(article.text)
    # an opinion piece signed at its end: the author's bio ('Jane Roe is a professor of ...') or letters' signatures
    signed = any(c.cue in ("bio", "signatures") for g in getattr(doc._, "pl_genre", None) or [] for c in g.cues)
    if not article.byline and not byline_in_text and not signed:
        yield Finding(
            "HYG001",
            "info",
            "The article names no author (no byline)",
            anchor,
            confidence=0.9,
            evidence={"byline": None, "checked": "article metadata and a 'By ...' line at the top or the end"},
        )
    if not article.date:
        yield Finding(
            "HYG002",
            "info",
            "The article carries no publication date",
            anchor,
            confidence=0.9,
            evidence={"date": None, "checked": "article metadata and date lines under the headline"},
        )


# --- HYG003 ------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Form:
    text: str  # the name as written, without 'the', titles or possessive
    key: list[str]  # match_key tokens
    label: str
    first: Entity
    count: int = 1
    places: list[Span] = field(default_factory=list)  # every mention written this way

    @property
    def bucket(self) -> str:
        """Every accepted pair shares the outline of its last word (or its letters without spaces)."""
        return skeleton(self.key[-1])


# Symbols that web pages leave at a name's edge ('Jane Roe • 9 hours ago' in a comment thread): not the name.
_EDGE_SYMBOLS = re.compile(r"^[\s•·|►▪■●◦*~]+|[\s•·|►▪■●◦*~]+$")


_LAST_WORD = re.compile(r"[\s\-‐–]+")


def _name_text(text: str) -> str:
    return _EDGE_SYMBOLS.sub("", _STRAY_QUOTES.sub("", normalize_name(text)))


def _letters(text: str) -> str:
    return _LETTERS.sub("", text).casefold()


def _stem(word: str) -> str:
    for suffix in sorted(DEMONYM_SUFFIXES, key=len, reverse=True):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _token_variant(a: str, b: str, person: bool) -> bool:
    """Two match-key words that are one word transliterated two ways."""
    if a == b:
        return True
    if min(len(a), len(b)) < (5 if person else 3):
        return False  # Jane/June, Ali/Aly: too short to tell a variant from another name
    if a.startswith(b) or b.startswith(a) or _stem(a) == _stem(b):
        return False  # Iraq/Iraqi, Niger/Nigeria, Muhammad/Muhammadu, Kurds/Kurdish
    if a[:-1] == b[:-1] and a[-1] in "aeio" and b[-1] in "aeio":
        return False  # a gendered ending: Latina/Latino, Mario/Maria, Daniela/Daniele are two words, not a slip
    return skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= 65


def spelling_variant(a: _Form, b: _Form, *, min_ratio: float = 65.0) -> float | None:
    """Similarity (0-100) when ``b`` is ``a`` spelled another way, else None."""
    if _letters(a.text) == _letters(b.text):
        return None  # case, hyphens or apostrophes only ("al-Sadr" / "Al Sadr", "Sana'a" / "Sanaa")
    for x, y in ((a, b), (b, a)):
        lx, ly = _letters(x.text), _letters(y.text)
        if ly.startswith(lx) and ly[len(lx) :] in DEMONYM_SUFFIXES:
            return None  # plural or demonym
    if "PERSON" not in (a.label, b.label) and len(a.key) == len(b.key) == 1:
        if _stem(a.key[0]).rstrip("aeiouy") == _stem(b.key[0]).rstrip("aeiouy"):
            return None  # a place and its demonym with the place's final vowel dropped (Ukraine / Ukrainian)
    same_key = a.key == b.key
    if not same_key and not (a.label == b.label or (a.label in PLACE_LIKE and b.label in PLACE_LIKE)):
        return None
    place_a, place_b = gazetteer().get(a.text), gazetteer().get(b.text)
    if place_a is not None and place_b is not None and place_a.canonical != place_b.canonical:
        return None  # two real places (Guinea / Guyana)
    key_a, key_b = " ".join(a.key), " ".join(b.key)
    if len(key_a.replace(" ", "")) < 4 or len(key_b.replace(" ", "")) < 4:
        return None
    similarity = fuzz.ratio(key_a, key_b)
    if same_key or key_a.replace(" ", "") == key_b.replace(" ", ""):
        return similarity
    person = a.label == "PERSON" and b.label == "PERSON"
    ta, tb = a.key, b.key
    if len(ta) != len(tb):
        if not person:
            return None
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        long_ = long_[-len(short) :]  # "Erdogan" against the surname of "Recep Tayyip Erdoğan"
        ta, tb = short, long_
    if len(ta) != len(a.key) or len(tb) != len(b.key):
        similarity = fuzz.ratio(" ".join(ta), " ".join(tb))  # compare the aligned surnames
        if ta == tb:
            # The surname of the longer, spelled alike: only diacritics may differ ("Erdogan" / "Recep Tayyip Erdoğan").
            # Last words split at hyphens too: "T-Swift" is a nickname built on "Swift", not a spelling of it.
            last_a, last_b = _LAST_WORD.split(a.text)[-1], _LAST_WORD.split(b.text)[-1]
            return similarity if _letters(last_a) != _letters(last_b) else None
    if not all(_token_variant(x, y, person) for x, y in zip(ta, tb)):
        return None
    return similarity if similarity >= min_ratio else None


def _forms(entities: list[Entity]) -> list[_Form]:
    forms: dict[tuple[str, str], _Form] = {}
    for ent in entities:
        if ent.label not in COMPARED_LABELS or ent.origin in ("acronym", "role"):
            continue
        text = _name_text(ent.span.text)
        if not text or text.isupper() or any(ch.isdigit() for ch in text) or _NAME_PREFIX.match(text):
            continue
        if "/" in text:
            continue  # a photo credit ('Ron Vining/Twitter', 'Jane Roe/AP'): two names joined, not one spelling
        key = match_key(text).split()
        if not key:
            continue
        existing = forms.get((text, ent.label))
        if existing is not None:
            existing.count += 1
            existing.places.append(ent.span)
        else:
            forms[(text, ent.label)] = _Form(text, key, ent.label, ent, places=[ent.span])
    return sorted(forms.values(), key=lambda f: f.first.span.start)


_CONNECTORS = frozenset({"al", "el", "bin", "ibn", "ben", "abu", "-", "de", "van", "von"})


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


def _untagged_names(doc: Any, entities: list[Entity]) -> list[_Form]:
    """Capitalised word runs the model did not tag ("Zelenskyy", "Abu al-Hasan"): compared with tagged names only."""
    covered = [False] * len(view(doc).text)
    for ent in entities:
        covered[ent.span.start : ent.span.end] = [True] * (ent.span.end - ent.span.start)
    forms: dict[str, _Form] = {}  # one form per spelling, with all its places
    run: list[Any] = []

    def flush() -> None:
        while run and run[-1].lower_ in _CONNECTORS:
            run.pop()
        if run:
            span = doc[run[0].i : run[-1].i + 1]
            text = _name_text(span.text)
            key = match_key(text).split()
            if key and not text.isupper() and not _NAME_PREFIX.match(text):
                if text in forms:
                    forms[text].count += 1
                    forms[text].places.append(Span.of(span))
                else:
                    entity = Entity(Span.of(span), "?", text, "text")
                    forms[text] = _Form(text, key, "?", entity, places=[entity.span])
        run.clear()

    # The doc's token strings, read once (docview): a Token only for the words of a run.
    v = view(doc)
    texts, alpha, idx, lowers, pos = v.texts, v.alpha, v.idx, v.lowers, v.column("POS")
    # A headline in title case capitalises every word ("... On Hillary Clinton's Past"): none of them is a name
    # for that reason alone.
    article = getattr(doc._, "pl_article", None)
    title = article.title_span if article is not None and article.title_span else None
    if title is not None and not _title_case(v.text[title[0] : title[1]]):
        title = None
    for i, word in enumerate(texts):
        capital = alpha[i] and word[:1].isupper() and not covered[idx[i]]
        if capital and title is not None and title[0] <= idx[i] < title[1]:
            capital = False
        if capital and lowers[i] in COMBINING_FORMS and not doc[i].whitespace_ and texts[i + 1] == "-":
            capital = False  # "Franco-German"
        if (capital and pos[i] in ("PROPN", "NOUN")) or (run and lowers[i] in _CONNECTORS and not covered[idx[i]]):
            run.append(doc[i])
        elif run:  # flush() has nothing to do on an empty run
            flush()
    flush()
    return list(forms.values())


def _someones_surname(lone: _Form, other: _Form, surnames: set[str]) -> bool:
    """A single word that is the surname of a person the article names in full, against a known place: the two are
    different things however alike they look ('Gurman' after 'Mark Gurman', and 'Germany'). Against anything else
    the lone word may still be a slip ('Zelenskyy's office' after 'Volodymyr Zelensky')."""
    return (
        len(lone.key) == 1
        and lone.key[0] in surnames
        and other.label not in ("PERSON", "?")
        and gazetteer().get(other.text) is not None
    )


def _lone_surname_mislabelled(a: _Form, b: _Form) -> bool:
    """One form is a full PERSON name, the other a single word tagged ORG that is not a known place."""
    if {a.label, b.label} != {"PERSON", "ORG"}:
        return False
    person, other = (a, b) if a.label == "PERSON" else (b, a)
    return len(person.key) >= 2 and len(other.key) == 1 and gazetteer().get(other.text) is None


def _variation(a: str, b: str) -> frozenset[tuple[str, ...]]:
    """The words two spellings differ in, aligned from the end ("Volodymyr Zelensky" / "Zelenskyy" ->
    {("zelensky", "zelenskyy")}): the same variation in a full name and in the surname alone is one finding."""
    words_a, words_b = [_letters(w) for w in a.split()], [_letters(w) for w in b.split()]
    differ = {tuple(sorted(pair)) for pair in zip(reversed(words_a), reversed(words_b)) if pair[0] != pair[1]}
    return frozenset(differ) or frozenset({tuple(sorted((_letters(a), _letters(b))))})


# Between two items of one list: commas, 'and'/'or' and the other capitalised items ("Barry, Berrien, Calhoun and
# Van Buren counties"); at least one separator.
_LIST_GAP = re.compile(r"(?:\s*(?:,|;|&|\band\b|\bor\b)\s*|\s*[A-Z][\w'’.\-]*\s*)+")
_LIST_REACH = 200  # characters: a list of names longer than this is no longer one list


def _listed_together(text: str, a: list[Span], b: list[Span]) -> bool:
    """Two names written as items of one list are two things, however alike ("Berrien ... and Van Buren counties")."""
    for pa in a:
        for pb in b:
            first, second = (pa, pb) if pa.start < pb.start else (pb, pa)
            gap = text[first.end : second.start]
            if 0 < len(gap) <= _LIST_REACH and _LIST_GAP.fullmatch(gap) and re.search(r",|&|\band\b|\bor\b", gap):
                return True
    return False


def _first_names(forms: list[_Form]) -> dict[str, set[str]]:
    """Surname as spelled -> the first names it is written with in the article's full person names ('Nancy
    Reagan' -> {'reagan': {'nancy'}})."""
    firsts: dict[str, set[str]] = {}
    for form in forms:
        if len(form.key) >= 2 and form.label in ("PERSON", "?"):
            firsts.setdefault(_letters(_LAST_WORD.split(form.text)[-1]), set()).add(form.key[0])
    return firsts


def _two_people(a: _Form, b: _Form, firsts: dict[str, set[str]]) -> bool:
    """Two spellings that the article's full names give to people with other first names: 'Don Regan' and a
    'Reagan' that the article writes as 'Nancy Reagan', or two lone surnames each written with its own first name
    ('Jansen' of Peter Jansen, 'Janssen' of Ole Janssen). A surname standing alone belongs to the full names it is
    spelled like; a variant needs the two to share a first name or one of them to have none in the article."""

    def first_names(form: _Form) -> set[str]:
        if len(form.key) >= 2:
            return {form.key[0]}
        return firsts.get(_letters(form.text), set())

    if len(a.key) >= 2 and len(b.key) >= 2:
        return False  # two full names: spelling_variant compares their first names itself
    mine, theirs = first_names(a), first_names(b)
    return bool(mine) and bool(theirs) and not any(_token_variant(x, y, person=True) for x in mine for y in theirs)


def _only_in(spans: list[Span], regions: list[tuple[int, int]]) -> bool:
    """Every span lies inside one of the (start, end) regions."""
    return all(any(start <= sp.start and sp.end <= end for start, end in regions) for sp in spans)


def find_inconsistent_spellings(doc: Any, *, min_ratio: float = 65.0) -> Iterator[Finding]:
    entities = doc._.pl_entities or []
    forms = _forms(entities)
    untagged = _untagged_names(doc, entities) if forms else []
    reported: set[str] = set()
    pairs: dict[frozenset[tuple[str, ...]], Finding] = {}  # one finding per variation, however often it occurs
    ordered = sorted(forms + untagged, key=lambda f: f.first.span.start)
    places: dict[str, dict[int, Span]] = {}  # spelling -> its places (a name tagged two ways is one spelling)
    for form in ordered:
        for place in form.places or [form.first.span]:
            places.setdefault(form.text, {})[place.start] = place
    firsts = _first_names(ordered)
    notes = editors_notes(view(doc).text)
    # the surnames of people named in full: 'Gurman' after 'Mark Gurman' is that person, not 'Germany' misspelled
    surnames = {f.key[-1] for f in ordered if f.label == "PERSON" and len(f.key) >= 2}
    # words the article also writes in lower case are common words ('the Faith' beside 'faith'), not names
    common = {w for w in view(doc).texts if w.islower()}
    buckets: dict[str, list[_Form]] = {}
    for form in ordered:
        buckets.setdefault(form.bucket, []).append(form)
        buckets.setdefault("".join(form.key), []).append(form)
    for later in ordered:
        if later.text in reported:
            continue
        candidates = buckets[later.bucket] + buckets["".join(later.key)]
        for earlier in sorted(candidates, key=lambda f: f.first.span.start):
            if earlier.first.span.start >= later.first.span.start:
                break
            if earlier.text == later.text or (earlier.label == "?" and later.label == "?"):
                continue
            if _someones_surname(earlier, later, surnames) or _someones_surname(later, earlier, surnames):
                continue
            if any(len(f.key) == 1 and f.text.lower() in common for f in (earlier, later)):
                continue  # 'Faith' / 'Fifth', 'Faith' / 'fiat': a common word capitalised is no name to spell
            if "?" in (earlier.label, later.label):
                label = later.label if earlier.label == "?" else earlier.label  # the untagged one takes the other's
                first = _Form(earlier.text, earlier.key, label, earlier.first, earlier.count)
                second = _Form(later.text, later.key, label, later.first, later.count)
                similarity = spelling_variant(first, second, min_ratio=max(min_ratio, 75.0))
            elif _lone_surname_mislabelled(earlier, later):
                # spaCy often tags a surname standing alone as ORG ("Oyelarin also rejected ..."): compare it as the
                # surname of the full PERSON name it varies.
                first = _Form(earlier.text, earlier.key, "PERSON", earlier.first, earlier.count)
                second = _Form(later.text, later.key, "PERSON", later.first, later.count)
                similarity = spelling_variant(first, second, min_ratio=max(min_ratio, 75.0))
            else:
                similarity = spelling_variant(earlier, later, min_ratio=min_ratio)
            if similarity is None or _listed_together(
                view(doc).text, list(places[earlier.text].values()), list(places[later.text].values())
            ):
                continue
            if _two_people(earlier, later, firsts):
                continue
            if any(_only_in(list(places[f.text].values()), notes) for f in (earlier, later)):
                continue  # 'Correction: ... She is Lorraine Whitaker, not Lorraine Whittaker': the note names the error
            reported.add(later.text)
            pair = _variation(earlier.text, later.text)
            here = [p for text in (earlier.text, later.text) for p in places[text].values()]
            if pair in pairs:
                # "Zelensky" / "Zelenskyy" after "Volodymyr Zelensky" / "Zelenskyy": one variation, told once with
                # all its places
                told = pairs[pair]
                known = {(p.start, p.end) for p in [told.span, *told.related]}
                told.related = sorted(
                    told.related + [p for p in here if (p.start, p.end) not in known], key=lambda p: p.start
                )
                break
            everywhere = sorted((p for p in here if p != later.first.span), key=lambda p: p.start)
            pairs[pair] = Finding(
                "HYG003",
                "warning",
                f"'{later.text}' is spelled '{earlier.text}' elsewhere in the article; use one spelling",
                later.first.span,
                related=everywhere,
                confidence=0.85 if earlier.label == later.label else 0.7,  # "?" = a name the model did not tag
                evidence={
                    "first": earlier.text,
                    "second": later.text,
                    "similarity": round(similarity, 1),
                    "keys": [" ".join(earlier.key), " ".join(later.key)],
                    "labels": [earlier.label, later.label],
                    "counts": [len(places[earlier.text]), len(places[later.text])],
                },
            )
            break
    yield from pairs.values()


# --- HYG004 ------------------------------------------------------------------------------------------------------

# A paragraph that is only a page's or a news database's label (an optional full stop or colon after it).
LAYOUT_LABELS = frozenset(
    {
        "advertisement",
        "advertisements",
        "story continues below",
        "story continues below advertisement",
        "article continues below",
        "article continues below advertisement",
        "continue reading below",
        "continue reading the main story",
        "scroll down for video",
        "scroll to continue with content",
        "video loading",
        "poll loading",
        "view gallery",
        "see all related",
        "image caption",
        "image copyright",
        "media playback is unsupported on your device",
        "skip advertisement",
        "click to enlarge",
        "enlarge this image",
        "abstract",
        "full text",
        "related",
        "related coverage",
        "related stories",
        "related articles",
        "read more",
        "share this article",
    }
)
_LABEL_LINE = re.compile(r"^\W*(.+?)[\s.:…]*$")
# A credit standing alone: 'Getty.', 'Getty Images', 'AP Photo/Jane Roe', '(Photo: John Doe/Reuters)',
# 'Jane Roe/AFP/Getty Images'. A wire name alone ('Reuters', 'AFP') may be a byline, so it needs a photographer
# (a slash) or a 'Photo:' label with it.
_AGENCIES = r"(?:getty images|getty|ap photo|ap images|afp|reuters|epa|shutterstock|istock(?:photo)?|ap)"
_CREDIT_LINE = re.compile(
    r"^\(?(?:(?P<label>(?:file )?(?:photo|photograph|image|picture)s?(?: credit)?|credit)\s*[:|]\s*)?"
    rf"(?:(?P<before>[^\n/()]{{1,40}}?)\s*(?:/|(?P<via>\svia\s))\s*)?(?P<agency>{_AGENCIES})(?:\s*/\s*(?P<after>[^\n/()]{{1,40}}))?"
    r"\s*\)?[.]?$",
    re.IGNORECASE,
)
# A sentence that shows the reader a picture or video the text cannot hold.
_MEDIA = r"(?:videos?|clips?|footage|photos?|photographs?|images?|pictures?|charts?|graphs?|graphics?|maps?|slideshow|gallery|infographic|screenshots?)"
_LOST_MEDIA = re.compile(
    rf"\b(?:(?:the|this|that|these|those)\s+{_MEDIA}\s+(?:above|below)|(?:the|this)\s+above\s+{_MEDIA}"
    r"|watch(?:\s+it)?\s+(?:above|below)"
    # 'Watch a clip of the interview above.': the pointer ends the sentence ('watch the skies above the city' does not)
    rf"|watch\s+(?:the|a|an|this|her|his|their)\s+(?:[\w’'-]+\s+){{0,5}}?(?:above|below)(?=\s*[.:!)]|\s*$))\b",
    re.IGNORECASE,
)


# The name of the network an embedded post came from, left as its own paragraph where the post was ('Twitter.').
_EMBED_LINE = re.compile(r"^(?:twitter|instagram|facebook|youtube|tiktok|vine|tumblr|flickr|vimeo)\.?$", re.IGNORECASE)


# An embedded post's markup with nothing inside ('<tweet tweet-id="669350861383049216"><tweet/>.'): the post is gone.
_EMPTY_POST = re.compile(
    r'^<(tweet|post|blockquote|iframe|embed)\b(?:\s+[\w-]+="[^"<>]*")*\s*/?>\s*(?:</\1\s*>|<\1\s*/>)?\s*[.]?$', re.I
)


def _code_blocks(text: str, body_start: int) -> list[tuple[int, int]]:
    """Runs of code lines (style-sheet rules, script) in the body, each run one place: lines apart only by blank lines
    are one run."""
    blocks: list[tuple[int, int]] = []
    for start, end in code_lines(text, strict=True):
        if start < body_start:
            continue
        if blocks and not text[blocks[-1][1] : start].strip():
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _credit(line: str) -> bool:
    m = _CREDIT_LINE.match(line)
    if m is None:
        return False
    agency = m.group("agency").lower()
    photo_agency = agency.startswith(("getty", "ap photo", "ap images", "shutterstock", "istock"))
    if m.group("via"):
        return photo_agency  # 'Jane Roe via Getty Images'; 'Reporting by Jane Roe via Reuters' is a byline
    return photo_agency or bool(m.group("label") or m.group("before") or m.group("after"))


def find_extraction_residue(text: str, *, body_start: int = 0) -> Iterator[Finding]:
    """Photo credits and layout labels standing as paragraphs, and pointers to pictures or videos the text lacks:
    one finding per kind, its first place as the span and the rest as related spans."""
    kinds: dict[str, list[tuple[int, int]]] = {
        "credit": [], "label": [], "media": [], "embed": [], "post": [], "code": []
    }  # fmt: skip
    for start, end in paragraphs(text):
        line = text[start:end]
        stripped = line.strip()
        place = (start, start + len(line.rstrip()))
        if start >= body_start and len(stripped) <= 200 and _EMPTY_POST.match(stripped):
            kinds["post"].append(place)
            continue
        if start < body_start or len(stripped) > 80:
            continue
        label = _LABEL_LINE.match(stripped)
        if label and label.group(1).lower() in LAYOUT_LABELS:
            kinds["label"].append(place)
        elif _credit(stripped):
            kinds["credit"].append(place)
        elif _EMBED_LINE.match(stripped):
            kinds["embed"].append(place)
    kinds["code"] = _code_blocks(text, body_start)
    for m in _LOST_MEDIA.finditer(text, body_start):
        kinds["media"].append((m.start(), m.end()))
    what = {
        "credit": "a photo credit stands as its own paragraph (the picture is gone)",
        "label": "a page or database label stands as its own paragraph",
        "media": "the text points at a picture or video that it does not hold",
        "embed": "the name of a social network stands alone as a paragraph (an embedded post or a share button is gone)",
        "post": "an embedded post's markup stands with nothing inside it (the post is gone)",
        "code": "the page's style-sheet or script code stands in the text",
    }
    for kind, places in kinds.items():
        if not places:
            continue
        (start, end), rest = places[0], places[1:]
        shown = text[start:end].strip().split("\n")[0].strip()
        more = f", {len(places)} places" if rest else ""
        yield Finding(
            "HYG004",
            "info",
            f"Extraction residue: {what[kind]} ('{shown}'{more})",
            Span.between(text, start, end),
            related=[Span.between(text, s, e) for s, e in rest],
            confidence=0.8,
            evidence={"kind": kind, "matched": [text[s:e] for s, e in places]},
        )


def make_component(nlp: Any, *, min_ratio: float = 65.0) -> Any:
    def run(doc: Any) -> dict[str, list]:
        findings = list(find_missing_metadata(doc))
        if len(doc):
            findings.extend(find_inconsistent_spellings(doc, min_ratio=min_ratio))
            article = doc._.pl_article
            findings.extend(find_extraction_residue(view(doc).text, body_start=article.body_start if article else 0))
        return {"findings": findings}

    return run
