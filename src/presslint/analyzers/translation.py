"""Signs of machine translation that hurt an article's reliability (MTA001-MTA003, all info).

Policies, so a reader can predict what fires:

* MTA001 duplicated-word: the same word twice in a row ("the the", "in in") in one sentence. Grammatical doubles
  stay quiet: "had had", "that that", "her her" ("gave her her keys"), intensifiers ("very very", "many many"),
  pseudo-clefts ("what it is is", "what they do do"), a particle then the same preposition ("logged on on
  Monday", parsed as a particle), proper names ("Duran Duran", "Bora Bora"), an acronym then the word it spells ("IS is", "the WHO who") and a word before its own hyphenated
  compound ("in in-store sales").
* MTA002 broken-punctuation: a space before , ; : . ! ?; orphan or doubled punctuation (", ." ",," ". ,"); a comma
  followed by a capitalised function word mid-sentence (", Has been"); a bracket or quotation mark that is never
  closed (or closed without being opened), reading the whole text; a curly quotation mark turned the wrong way
  (”Yes”); two sentences run together with no space after the full stop ("chassis.Many") or after a closing
  quotation mark ('voters!”After', two quotations glued: 'born.”“Your'), or with neither stop nor space inside one
  word ('raised in the United StatesIn an interview': only a common sentence-opening word after a plain word, so
  camel-case names and brands such as 'LinkedIn', 'iPhone' or 'DeSantis' stay quiet); each of these three told once
  with all its places. Headlines in title case,
  abbreviations ("Inc.,", "Flint, Mich.,"), ellipses, list markers ("1)"), straight and curly marks mixed in one
  quote ("Yes,” she said), quotes that carry on into the next paragraph and lines of script left in scraped copy
  ('google_ad_width = 468; ...') are left alone.
* MTA003 literal-translation: calques and tautologies from the curated lexicon ``data/translation/calques.txt``
  (each with the natural English and why), uncountable nouns made plural, "since 3 years", "in the year of
  2020", and verbs with their own cognate noun as object ("decided a decision", "announced an announcement") from
  ``data/translation/cognates.txt``. Fine English such as "in this regard", "make a visit", "take a decision" is
  never flagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Finding, Span
from ..nlp.blockquotes import embedded_posts
from ..nlp.docview import view
from ..nlp.lexicons import expand, read_lexicon
from ..rules import Rule

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

    from ..nlp.anchored import AnchoredMatcher

CATEGORY = "translation"

RULES = [
    Rule(
        "MTA001",
        "duplicated-word",
        "info",
        CATEGORY,
        "The same word appears twice in a row.",
        "'the the' or 'in in' is a typing or machine-translation slip that signals unedited copy. Grammatical "
        "doubles ('had had', 'that that', 'gave her her keys', 'what it is is') and names ('Duran Duran') do "
        "not fire.",
        "Officials said the the talks would resume on Monday.",
    ),
    Rule(
        "MTA002",
        "broken-punctuation",
        "info",
        CATEGORY,
        "Punctuation is misplaced in a way typical of machine-translated or unedited text.",
        "A space before a comma or full stop, orphan or doubled marks (', .'), a capitalised word after a comma "
        "mid-sentence (', Has been'), a bracket or quotation mark that is never closed, or sentences run together "
        "with no space after a full stop or closing quotation mark ('voters!”After') or inside one word ('the United "
        "StatesIn an interview') suggest the text was not edited after translation or was pasted from a page. "
        "Camel-case names ('LinkedIn', 'McDonald', 'iPhone') are not split. Abbreviations ('Inc.,'), ellipses (the spaced ' . . . ' of newspaper style too), "
        "title-case headlines, speech opened after 'said,' without quotation marks ('And he said, Because ...') and "
        "quotations that run on into the next paragraph do not fire.",
        "The minister arrived in Cairo , where he met his counterpart.",
    ),
    Rule(
        "MTA003",
        "literal-translation",
        "info",
        CATEGORY,
        "A calque or redundancy typical of literal machine translation.",
        "Phrases such as 'mutual cooperation', 'return back', 'from its side', 'discussed about', "
        "'since 3 years', plural uncountable nouns ('informations') and a verb with its own cognate object "
        "('decided a decision') read as word-for-word translation. The finding suggests the natural English. "
        "Idiomatic English ('in this regard', 'take a decision', 'without naming names') does not fire.",
        "The two countries agreed to strengthen their mutual cooperation in the field of energy.",
    ),
]

ALLOWED_DOUBLES = {
    "had",
    "that",
    "her",
    "very",
    "really",
    "many",
    "far",
    "bye",
    "no",
    "so",
    "ha",
    "blah",
    "knock",
    "tut",
    "chop",
    "boo",
    "choo",
    "hush",
    "pooh",
    "yada",
    "ho",
    "oh",
    "tsk",
    "la",
    "yeah",
    "wow",
    "hey",
    "bang",
    "beep",
}
CLEFT_DOUBLES = {"is", "was", "do", "does", "did"}  # "what it is is", "what they do do"
ABBREVIATIONS = {
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "st",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "etc",
    "vs",
    "no",
    "nos",
    "approx",
    "dept",
    "govt",
    "est",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "bros",
    "plc",
    "ag",
    "sa",
    "llc",
    "am",
    "pm",
    "al",
    "cf",
    "ibid",
    "op",
    "fig",
    "vol",
    "ed",
    "eds",
    "rev",
    "hon",
    "gov",
    "sen",
    "rep",
}
# AP-style state and province abbreviations and address words: "Flint, Mich., on Tuesday", "Bob Corker, R-Tenn.,".
ABBREVIATIONS |= {
    "ala",
    "ariz",
    "ark",
    "calif",
    "colo",
    "conn",
    "del",
    "fla",
    "ga",
    "ill",
    "ind",
    "kan",
    "kans",
    "ky",
    "la",
    "md",
    "mass",
    "mich",
    "minn",
    "miss",
    "mo",
    "mont",
    "neb",
    "nev",
    "okla",
    "ore",
    "pa",
    "tenn",
    "tex",
    "vt",
    "va",
    "wash",
    "wis",
    "wyo",
    "ont",
    "que",
    "alta",
    "sask",
    "ave",
    "blvd",
    "rd",
    "univ",
    "assn",
    "adm",
    "maj",
    "cmdr",
    "supt",
    "esq",
    "ret",
    "gens",
    "reps",
    "sens",
    "pres",
}
# Function words that never start a new capitalised item after a comma in running text.
FUNCTION_WORDS = {
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "this",
    "these",
    "those",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "of",
    "as",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "our",
    "also",
    "not",
    "said",
    "says",
    "while",
    "where",
    "when",
    "after",
    "before",
    "since",
    "because",
    "did",
    "does",
    "do",
    "into",
    "than",
    "then",
    "there",
}
_SPACE_BEFORE = re.compile(r"(?<=[A-Za-z0-9)\]”’\"]) +([,;:!?]|\.(?!\.))(?=\s|$|[\"”’)])", re.M)
_ORPHAN = re.compile(r"[,;:] *[,;:.!?](?!\.)|\. +[,;:]|(?<![.\s])\.[,;:](?![.\w])|(?<![.\s])\.\.(?!\.)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Two sentences run together with no space: "a redesigned chassis.Many analysts" (paragraphs joined when copy was
# scraped or pasted). A lower-case word of three letters or more, a full stop, a capitalised word; the whole
# space-free token is checked so web addresses, e-mail, file and code names ('Amazon.com', 'node.Js') stay quiet.
_RUN_ON_STOP = re.compile(r"(?<![\w.@/-])[a-z]{3,}\.([A-Z][a-z]{2,})\b(?![.@/-]\w)")
_DOMAIN_WORDS = frozenset({"com", "net", "org", "gov", "edu", "info", "biz", "mil", "int", "html", "php", "aspx"})
_MARK_OR_LINE = re.compile(r"[\n()\[\]“”\"]")
QUOTES = frozenset('“”"')
# An HTML-like tag left in copy; a quoted attribute value may run over a line ('tweet-date="March 9, 2016\n">').
_MARKUP = re.compile(r'<[A-Za-z][\w-]*(?:\s+[\w-]+="[^"<>]*")+\s*/?>|<[A-Za-z/][^<>\n]*>')
# Script left in scraped copy ('google_ad_width = 468;', '(function(d, s, id) { var js ...'): a line with code
# punctuation ({ } or an HTML comment mark or a 'var'/'function' keyword) and statement structure (two ';' or
# two '=') is not prose, so its quotes and brackets are not the writer's punctuation.
_CODE_MARK = re.compile(r"[{}]|<!--|-->|\b(?:var|function|return|typeof)\b")
_LINE = re.compile(r"[^\n]+")
_BEFORE_OPENING = frozenset("([{—–-/")
_AFTER_CLOSING = frozenset(".,;:!?)]}—–-…'’")
_LIST_MARKER = re.compile(r"^\s*\w{1,2}$")
_MEASURE = re.compile(r"(?:^|[\s(])\d+(?:[.'’]\d+)?$")  # a bare number before '"': feet and inches, not a hashtag
PAIRS = {"(": ")", "[": "]", "“": "”"}
CLOSERS = {v: k for k, v in PAIRS.items()}


@dataclass(frozen=True)
class Calque:
    phrase: str
    natural: str
    why: str


@lru_cache(maxsize=1)
def calques() -> dict[str, Calque]:
    table = {}
    for row in read_lexicon("translation/calques.txt"):
        phrase, natural, why = ([*row, "", ""])[:3]
        for form in expand(phrase):
            table[form.lower()] = Calque(phrase, natural, why)
    return table


@lru_cache(maxsize=1)
def cognates() -> dict[str, str]:
    """verb lemma -> its cognate noun lemma."""
    return {row[0]: row[1] for row in read_lexicon("translation/cognates.txt")}


@dataclass
class Matchers:
    calques: PhraseMatcher
    patterns: AnchoredMatcher


def build_matchers(nlp: Language) -> Matchers:
    from spacy.matcher import PhraseMatcher

    from ..nlp.anchored import AnchoredMatcher

    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases.add("CALQUE", [nlp.make_doc(form) for form in calques()])
    patterns = AnchoredMatcher(nlp.vocab)  # both patterns start with a plain word: run only where one occurs
    units = {"IN": ["years", "months", "weeks", "days", "decades", "hours"]}
    patterns.add("SINCE_DURATION", [[{"LOWER": "since"}, {"LIKE_NUM": True}, {"LOWER": units}]])
    patterns.add(
        "YEAR_OF", [[{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "year"}, {"LOWER": "of"}, {"SHAPE": "dddd"}]]
    )
    return Matchers(phrases, patterns)


# --- MTA001 ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def phrasal_verbs() -> frozenset[str]:
    return frozenset(" ".join(row[0].lower().split()) for row in read_lexicon("translation/phrasal_verbs.txt"))


def _particle_then_preposition(tok, nxt) -> bool:
    """'did the senator in in 2012', 'gave in in the end': the first word is the particle of a phrasal verb (the
    parser often calls it a preposition without an object), the second a preposition with its own object."""
    if any(c.dep_ == "pobj" for c in tok.children) or not any(c.dep_ == "pobj" for c in nxt.children):
        return False
    verb = tok.head
    return verb.pos_ in ("VERB", "AUX") and verb.i < tok.i and f"{verb.lemma_.lower()} {tok.lower_}" in phrasal_verbs()


def find_duplicated_words(doc) -> Iterator[Finding]:
    lowers = view(doc).lowers  # compare strings first: a Token only where a word repeats
    for i in range(len(lowers) - 1):
        if lowers[i] != lowers[i + 1]:
            continue
        tok, nxt = doc[i], doc[i + 1]
        if not (tok.is_alpha and nxt.is_alpha and tok.whitespace_ == " "):
            continue
        if nxt.is_sent_start or tok.lower_ in ALLOWED_DOUBLES or tok.pos_ == "INTJ":
            continue  # 'tsk tsk', 'bye bye': an interjection doubled on purpose
        if (len(tok.text) > 1 and tok.text.isupper()) != (len(nxt.text) > 1 and nxt.text.isupper()):
            continue  # an acronym and the word it spells: "IS is now", "the WHO who"
        if tok.i > 0 and doc[tok.i - 1].text in ("-", "‐") and not doc[tok.i - 1].whitespace_:
            continue  # the end of a hyphenated word, then the word again: "a sit-in in the square"
        if len(tok.text) == 1 and tok.lower_ not in ("a", "i"):
            continue  # "x x" kisses in a sign-off, "A B C" lists: letters, not a doubled word
        if tok.lower_ in CLEFT_DOUBLES and any(t.lower_ == "what" for t in doc[max(0, tok.i - 5) : tok.i]):
            continue
        if tok.dep_ == "prt" or _particle_then_preposition(tok, nxt):
            continue
        if nxt.text[:1].isupper() and (tok.text[:1].islower() or tok.lower_ not in FUNCTION_WORDS):
            continue  # a name or title starts ("Duran Duran", "published in In These Times"); "The The" is a slip
        if not nxt.whitespace_ and nxt.i + 1 < len(doc) and (doc[nxt.i + 1].text == "-" or not doc[nxt.i + 1].is_punct):
            continue  # the second is part of a longer written word: "your group does doesn't", "a sit-in in-house"
        span = doc[tok.i : nxt.i + 1]
        yield Finding(
            "MTA001",
            "info",
            f"the word '{tok.lower_}' is repeated ('{span.text}')",
            Span.of(span),
            confidence=0.8,
            evidence={"matched": span.text, "word": tok.lower_},
        )


# --- MTA002 ----------------------------------------------------------------------------------------------------


def _is_abbreviation(text: str, pos: int) -> bool:
    """The word ending at pos is an abbreviation ("Inc", "U.S", single letter), so a period there is legitimate."""
    match = _WORD_BEFORE.search(text[max(0, pos - 20) : pos])
    if not match:
        return False
    word = match.group(1)
    return "." in word or len(word) == 1 or word.lower() in ABBREVIATIONS or word.isupper()


def _title_case_line(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) / len(words) > 0.6


def _broken(kind: str, message: str, text: str, start: int, end: int, **extra) -> Finding:
    return Finding(
        "MTA002",
        "info",
        message,
        Span.between(text, start, end),
        confidence=0.75,
        evidence={"kind": kind, "matched": text[start:end], **extra},
    )


# Emoticons and emoji-like marks in quoted messages and posts: ':)', ':-(', ';-)', ":'(", ':]', '<3', '^_^'. They stand
# alone (a space, quotation mark or line edge on both sides), so '(see note 8)' and 'Plan:)' are not read as faces.
_EMOTICON = re.compile(
    r"""(?:(?<=^)|(?<=[\s"“”'‘’(]))(?:[:;][-'^o~]?['"]?[()\[\]DPpOo3/\\|*@]|<3|\^_?\^|[xX]-?D)(?=$|[\s"“”'’.,!?)])""",
    re.M,
)


# The spaced ellipsis of AP and newspaper style: "the system . . . that is what" (three or four spaced dots).
_SPACED_ELLIPSIS = re.compile(r" ?\.(?: \.){2,}")


def mask_ellipses(text: str) -> str:
    """The text with spaced ellipses (' . . . ') replaced by letters of the same length: a house style, not a space
    before a full stop."""
    return _SPACED_ELLIPSIS.sub(lambda m: "e" * len(m.group()), text)


# Verbs that introduce speech without quotation marks in older and scriptural style: "And he said, Because ...".
SPEECH_LEMMAS = frozenset({"say", "saith", "ask", "answer", "reply", "cry", "shout", "speak", "spake", "respond"})


ARCHAIC = frozenset({"unto", "ye", "thee", "thou", "thy", "thine", "hath", "doth", "saith", "shalt", "behold", "lo"})


def _scriptural_speech(doc, verb) -> bool:
    """A speech verb before the comma in scriptural or old narrative style: the sentence opens with 'And'/'Then' or
    uses archaic forms ('And he said, Because ...', 'Thus saith the Lord, Behold ...'). 'The mayor said, The bridge
    ...' in modern prose is still a fault."""
    if verb.lemma_.lower() not in SPEECH_LEMMAS and verb.lower_ not in SPEECH_LEMMAS:
        return False
    sent = verb.sent
    return sent[0].lower_ in ("and", "then") or any(t.lower_ in ARCHAIC for t in sent)


def _speech_in_a_quote(verb, before: str) -> bool:
    """A speech verb before the comma, inside a quotation still open on the line: the speaker voices words of their
    own or imagined ones, and their capital opens that speech."""
    if verb.lemma_.lower() not in SPEECH_LEMMAS and verb.lower_ not in SPEECH_LEMMAS:
        return False
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Style-sheet residue a page leaves in its text: a rule's selector line ('.bio-text, .twitter-bio {', '@media screen
# and (max-width: 600px) {', 'div.caption img {'), its declarations ('text-align: center;', 'width:100%;') and its
# closing brace ('}', '}.'). A selector names a class or id ('.x', '#x'), an at-rule or an HTML element.
_CSS_TAGS = (
    r"(?:html|body|div|span|p|a|img|ul|ol|li|h[1-6]|table|tr|td|th|section|article|header|footer|nav|aside|figure"
    r"|figcaption|iframe|blockquote|button|input|label|form|strong|em|i|b|small|sup|sub|br|hr|pre|code|svg)"
)
_CSS_SIMPLE = (
    rf"(?:[.#]-?[A-Za-z_][\w-]*|{_CSS_TAGS}\b|\*)(?:[.#:]{{1,2}}-?[A-Za-z_][\w-]*(?:\([^()\n]*\))?|\[[^\]\n]*\])*"
)
_CSS_SELECTOR = rf"{_CSS_SIMPLE}(?:\s*[,>+~]\s*{_CSS_SIMPLE}|\s+{_CSS_SIMPLE})*"
_CSS_OPEN = re.compile(
    rf"^\s*(?:@[a-z-]+\b[^{{}}\n]*|{_CSS_SELECTOR})\s*\{{(?P<rest>[^{{}}\n]*)(?P<close>\}}[.;]?)?\s*$"
)
_CSS_DECLARATION = re.compile(r"^\s*-?[a-z][a-z-]*\s*:\s*[^;{}\n]+;\s*$|^\s*-?[a-z][a-z-]*\s*:\s*[^;{}\n]+?(?=\s*\})")
_CSS_CLOSE = re.compile(r"^\s*\}[.;]?\s*$|^[^{}\n]*;\s*\}[.;]?\s*$")
# A script line: a brace, an HTML comment mark or a declaration ('var x =', 'function f(') with two or more ';' or '='.
_SCRIPT_SHAPE = re.compile(r"[{}]|<!--|-->|\bvar\s+\w+\s*=|\bfunction\s*\w*\s*\(")


def _script_line(line: str, *, strict: bool) -> bool:
    mark = _SCRIPT_SHAPE if strict else _CODE_MARK
    return bool(mark.search(line)) and (line.count(";") >= 2 or line.count("=") >= 2)


def code_lines(text: str, *, strict: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each line of code residue a page left in the text: style-sheet rules (a selector line with its
    brace, the declarations inside, the closing brace) and script lines. ``strict`` asks more of a script line (a
    brace, an HTML comment or a 'var'/'function' declaration, not only 'return' or 'typeof')."""
    out: list[tuple[int, int]] = []
    depth = 0
    for line in _LINE.finditer(text):
        code = line.group()
        if not code.strip():
            continue
        opening = _CSS_OPEN.match(code)
        if opening:
            depth = 0 if opening.group("close") else depth + 1
        elif depth and (_CSS_DECLARATION.match(code) or _CSS_CLOSE.match(code)):
            depth -= code.count("}")
            depth = max(depth, 0)
        elif not _script_line(code, strict=strict):
            depth = 0  # prose: whatever block was open has ended
            continue
        out.append((line.start(), line.end()))
    return out


def mask_code_lines(text: str) -> str:
    """The text with lines of script or style-sheet residue blanked (same length, so offsets stay)."""
    lines = code_lines(text)
    if not lines:
        return text
    chars = list(text)
    for start, end in lines:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def mask_emoticons(text: str) -> str:
    """The text with emoticons replaced by letters of the same length, so offsets stay and their brackets and colons
    are not read as punctuation."""
    return _EMOTICON.sub(lambda m: "e" * len(m.group()), text)


def find_spacing_and_orphans(text: str) -> Iterator[Finding]:
    for m in _SPACE_BEFORE.finditer(text):
        yield _broken("space-before-punctuation", f"space before '{m.group(1)}'", text, m.start(), m.end())
    for m in _ORPHAN.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        yield _broken("orphan-punctuation", f"misplaced punctuation '{m.group()}'", text, m.start(), m.end())
    run_on = [
        m
        for m in _RUN_ON_STOP.finditer(text)
        if m.group(1).lower() not in _DOMAIN_WORDS
        and not re.search(r"www|:", text[text.rfind(" ", 0, m.start()) + 1 : m.end()], re.I)
    ]
    if run_on:  # one habit of the copy: told once, with all its places
        first, *rest = run_on
        places = f" ({len(run_on)} places)" if rest else ""
        finding = _broken(
            "no-space-after-stop", f"no space after the full stop{places}", text, first.start(), first.end()
        )
        finding.related = [Span.between(text, m.start(), m.end()) for m in rest]
        yield finding


# A dash with a space on one side only ('everything they've got— right', 'schools —alternatives') and a hyphen
# followed by a space ('the U.S.- Mexico border', 'so- called': a compound split, a print line break or a dash typed
# as a hyphen). A suspended hyphen ('pre- and post-war', 'third- through eighth-grade') is English.
_ONE_SIDED_DASH = re.compile(
    r"(?<=[A-Za-z0-9.,!?’”\"])—(?= [A-Za-z])|(?<=[A-Za-z0-9,]) [—–](?=[A-Za-z])"
    r"|(?<=[A-Za-z.])-(?= (?!(?:and|or|to|nor|through|but|versus|vs|than|&)\b)[A-Za-z])"
)


_POST_CREDIT_AFTER = re.compile(r"[—–-] ?[^\n()]{1,60}\(@\w+\)")


def find_dash_spacing(text: str, posts: tuple[tuple[int, int], ...] = ()) -> Iterator[Finding]:
    """Dashes and hyphens spaced on one side only, told once with all their places (one habit of the copy). A post
    quoted as posted ('pic.twitter.com/x— Name (@handle)') is its author's."""
    places = []
    for m in _ONE_SIDED_DASH.finditer(text):
        dash = m.end() - 1  # the dash itself (a match may start at the space before it)
        if any(a <= dash < b for a, b in posts):
            continue
        if _POST_CREDIT_AFTER.match(text, dash):
            continue  # '...allowed to.....— Donald J. Trump (@realDonaldTrump)': a post's credit line
        word_before = re.search(r"(\w*)\W*$", text[max(0, dash - 30) : dash])
        word_after = re.match(r"\W*(\w*)", text[dash + 1 : dash + 31])
        if word_before and word_after and word_before.group(1).lower() == word_after.group(1).lower():
            continue  # 'I- I think', 'we— we tried': a stammer written down
        line_start = text.rfind("\n", 0, dash) + 1
        line_end = text.find("\n", dash) if "\n" in text[dash:] else len(text)
        start = max(line_start, text.rfind(" ", 0, dash - 1 if text[dash - 1] == " " else dash) + 1)
        after = text.find(" ", dash + 2)
        places.append((start, min(line_end, after if after >= 0 else len(text))))
    yield from _grouped("dash-spacing", "a dash or hyphen with a space on one side only", text, places)


# Two sentences run together inside one word, with neither full stop nor space: "raised in the United StatesIn an
# interview" (paragraphs joined when copy was scraped). Only a tail that commonly opens a sentence is split off, and
# only after a head that is itself a plain word (a lower-case run of three letters or more, capitalised or not), so
# names and brands written in camel case ('McDonald', 'iPhone', 'YouTube', 'PowerPoint', 'LeBron', 'DeSantis') and
# hashtags, handles, addresses and code ('#FeelTheBern', '@NowThis', 'item=liveNow') stay quiet.
SENTENCE_OPENERS = frozenset(
    {
        "The",
        "In",
        "He",
        "She",
        "They",
        "We",
        "But",
        "After",
        "This",
        "That",
        "These",
        "Those",
        "When",
        "While",
        "His",
        "Their",
        "An",
        "As",
        "At",
        "For",
        "If",
        "However",
        "Meanwhile",
        "Although",
        "Though",
        "Since",
        "Before",
        "During",
        "According",
        "Earlier",
        "Later",
        "Yet",
        "There",
        "Then",
        "What",
        "Some",
        "Many",
        "Most",
        "Two",
        "Three",
        "Despite",
        "Instead",
        "Today",
        "Yesterday",
        "Last",
    }
)
_RUN_TOGETHER = re.compile(
    r"(?<![^\s\"“‘'(\[])([A-Z]?[a-z]{3,})(" + "|".join(sorted(SENTENCE_OPENERS)) + r")(?=[\s,:;]|$)", re.M
)
# Camel-case names whose second part is a sentence-opening word; any word written this way twice is a name too.
CAMEL_NAMES = frozenset({"linkedin", "checkin", "signin", "login", "plugin", "walkin", "drivein", "tunein", "optin"})


def find_run_together(text: str) -> Iterator[Finding]:
    """A word and the next sentence's first word written as one ('countyIn an interview'): one finding with all its
    places, as it is one habit of the copy."""
    scan = _MARKUP.sub(lambda tag: " " * len(tag.group()), text)
    places = []
    for m in _RUN_TOGETHER.finditer(scan):
        word = m.group()
        if word.lower() in CAMEL_NAMES or m.group(1).capitalize() in SENTENCE_OPENERS:
            continue  # 'LinkedIn'; 'NowThis': two openers are a name
        if len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", scan)) > 1:
            continue  # written the same way twice: a name ('MoveOn'), not a slip
        places.append((m.start(), m.end(), m.group(1), m.group(2)))
    if not places:
        return
    head, tail = places[0][2:]
    yield from _grouped(
        "run-together",
        f"two sentences run together with no full stop or space: '{head}{tail}' reads as '{head}. {tail}'",
        text,
        [(s, e) for s, e, _, _ in places],
    )


# A UTF-8 lead byte read as Latin-1/cp1252 ('Ã', 'â') followed by a continuation byte read the same way ('©', '€',
# '™'): the mark of mojibake, checked before ftfy is asked (curly quotes and accents alone never match).
_MOJIBAKE_PAIR = re.compile(
    "\\S*[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]\\S*"
)


def find_mojibake(text: str) -> Iterator[Finding]:
    """Text decoded with the wrong character set ('FranÃ§ois', 'donâ€™t'): one finding with all its places, since
    it is one fault of the copy. ftfy (Apache-2.0) judges what is mis-decoded and gives the repaired form; a word
    that is merely accented ('São', 'café') is not."""
    candidates = list(_MOJIBAKE_PAIR.finditer(text))
    if not candidates:
        return
    from ftfy import fix_encoding  # only for text that may be mis-decoded: keeps a cold start fast
    from ftfy.badness import is_bad

    places: list[tuple[int, int, str | None]] = []
    for m in candidates:
        start, end = m.start(), m.end()
        if start >= 2 and text[start - 1] == " " and "\u00c2" <= text[start - 2] <= "\u00f4":
            start = text.rfind(" ", 0, start - 1) + 1  # 'naÃ ̄vetÃ©': a mangled byte pair split by a space
        word = text[start:end]
        if is_bad(word):
            repaired = fix_encoding(word)
            if repaired == word:
                continue
            damaged = is_bad(repaired) or any(unicodedata.category(c) == "Mn" for c in repaired)
            places.append((start, end, None if damaged else repaired))  # past repair: say what it is, not a guess
    if not places:
        return
    (start, end, fixed), rest = places[0], places[1:]
    more = f" ({len(places)} places)" if rest else ""
    repair = f"; it should read '{fixed}'" if fixed else ""
    finding = _broken(
        "mojibake", f"'{text[start:end]}' is mis-decoded text (mojibake){repair}{more}", text, start, end, fixed=fixed
    )
    finding.related = [Span.between(text, s, e) for s, e, _ in rest]
    yield finding


# A quoted sentence that opens a sentence and runs straight into its attribution with no comma: '“The caucus is a
# battle of niches” Grubbs said.' News style puts a comma (or ? !) inside the closing mark.
_QUOTE_NO_COMMA = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))[“\"][^”\"\n]{12,}?[A-Za-z0-9]([”\"]) "
    r"(?:(?:[A-Z][\w.'’-]+ ){1,3}|(?:he|she|they) )(?:said|says|told|added|wrote|asked|explained|continued)\b",
    re.M,
)


def find_quote_without_comma(text: str) -> Iterator[Finding]:
    for m in _QUOTE_NO_COMMA.finditer(text):
        words = m.group()[1 : m.start(1) - m.start()].split()
        if len(words) < 4 or all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3):
            continue  # a title in quotation marks ('“The Big Short” Director Adam McKay said'), not a sentence
        end = m.end(1)
        yield _broken(
            "no-comma-before-attribution",
            "no comma before the closing quotation mark ahead of the attribution",
            text,
            end - 2,
            end,
        )


def find_capital_after_comma(doc, text: str, title_span: tuple[int, int] | None) -> Iterator[Finding]:
    # Words of the people the article names: "Will" is a modal, and George Will's surname.
    names = {w for ent in view(doc).ents if ent.label_ == "PERSON" for w in ent.text.split()}
    texts, lowers = view(doc).texts, view(doc).lowers
    for i in range(1, len(texts)):
        # strings first: a Token only for a function word after a comma
        if texts[i - 1] != "," or not texts[i].istitle() or lowers[i] not in FUNCTION_WORDS:
            continue
        tok, prev = doc[i], doc[i - 1]
        if tok.is_sent_start:
            continue
        if title_span and title_span[0] <= tok.idx < title_span[1]:
            continue
        if tok.i >= 2 and _scriptural_speech(doc, doc[tok.i - 2]):
            continue  # "And the Lord said, Because ...": speech opened without quotation marks, as scripture does
        line_start = text.rfind("\n", 0, tok.idx) + 1
        if tok.i >= 2 and _speech_in_a_quote(doc[tok.i - 2], text[line_start : tok.idx]):
            continue  # '"Would we have said, It's hard, so I'll walk away?"': a speaker voicing imagined words
        line_end = text.find("\n", tok.idx)
        if _title_case_line(text[line_start : line_end if line_end >= 0 else len(text)]):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.ent_type_ or (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()):
            continue  # ", The Guardian reported", ", In Cold Blood"
        if tok.text in names or tok.pos_ == "PROPN":
            continue  # ", Will wrote": the columnist George Will, named elsewhere in the article
        following = [t for t in doc[tok.i + 1 : tok.i + 5] if t.is_alpha]
        if sum(t.text[:1].isupper() for t in following) >= 2:
            continue  # "a memoir, In the Country We Love": a title in title case
        yield _broken(
            "capital-after-comma",
            f"capitalised '{tok.text}' after a comma mid-sentence",
            text,
            prev.idx,
            tok.idx + len(tok.text),
        )


# An enumerator inside a sentence: "1)" or "b)" after a space, colon or bracket.
_INLINE_MARKER = re.compile(r"(?:^|[\s:;(])(\d{1,2}|[a-z])$")


def _inline_enumerator(text: str, line_start: int, i: int) -> bool:
    """Whether the ')' at i ends an item label inside a sentence: '1)' after a colon or semicolon, or the next
    label of a series already begun on the line ('... 1) A and 2) B'); not '1 to 8)'."""
    m = _INLINE_MARKER.search(text[max(line_start, i - 4) : i])
    if m is None:
        return False
    label, before = m.group(1), text[line_start : i - len(m.group(1))].rstrip()
    if text[i - len(label) - 1 : i - len(label)] == "(":
        return False  # '(6)' closes its own bracket: a tiebreak score '7-6 (6)' or '(b)', not a label after '(5)'
    if label in ("1", "a"):
        # after a colon, at the line's start, or a series that goes on ('Clinton 1) registers ..., 2) realizes')
        line_end = text.find("\n", i)
        rest = text[i + 1 : line_end if line_end >= 0 else len(text)]
        return (
            before.endswith((":", ";"))
            or not before
            or re.search(rf"(?:^|[\s,;]){'2' if label == '1' else 'b'}\)", rest) is not None
        )
    previous = str(int(label) - 1) if label.isdigit() else chr(ord(label) - 1)
    return re.search(rf"(?:^|[\s:;(]){previous}\)", text[line_start : i - len(label)]) is not None


def find_unbalanced(text: str) -> Iterator[Finding]:
    """Brackets and double quotes that close nothing, or are never closed, read through the whole text.

    The text is read as one stream because quotations and even brackets run across lines in scraped copy; an
    opener at the start of a paragraph while a quote is open is the convention for a quote that continues.
    Straight, curly and wrongly turned quotation marks are one kind of mark whose direction is read from the
    characters around it: scraped copy often mixes '"' with '”', which is untidy but balanced. A curly mark turned
    the wrong way ('”' opening a quote) is reported once, as that, and then counted as the mark it stands for. A
    paragraph opening with the other style of mark while a quote is open starts a nested quote, not a continuation.
    """
    stack: list[tuple[str, int]] = []
    glued: list[int] = []
    line_start = 0
    scan = _MARKUP.sub(lambda tag: " " * len(tag.group()), text)  # '<tweet author="...">' residue is not prose
    for m in _MARK_OR_LINE.finditer(scan):
        i, ch = m.start(), m.group()
        if ch == "\n":
            line_start = i + 1
            continue
        if ch in QUOTES:
            facing = _quote_facing(text, i, line_start)
            if facing is None and ch == '"' and stack and stack[-1][0] == "“" and not text[i - 1].isdigit():
                facing = "close"  # 'audiences,"Katie Packer said': wedged between words, a mark closes the open quote
            if (
                facing is None
                and ch == '"'
                and text[i + 1 : i + 2].isalpha()
                and (text[i - 1].isalpha() or text[i - 1] in ".,;:!?")
                and not any(opener == "“" for opener, _ in stack)
            ):
                # 'the authorities."We were deceived', 'waxed poetic about"joint operations': with no quote open a
                # mark wedged before a word opens one; the space before it is missing
                yield _broken("no-space", "no space before the opening quotation mark", text, i - 1, i + 1)
                facing = "open"
            if facing is None and ch == '"' and _number_ends_quote(text, i, line_start, stack):
                facing = "close"
            if facing is None:
                continue  # '"' after a digit (5'10") or between spaces with no quote open: cannot say which way
            if facing == "close" and text[i - 1 : i] in _QUOTE_END and _glued_after(text, i):
                glued.append(i)  # 'so do voters!”After his rally', 'born.”“Your facts': the space is missing
            if ch in "“”" and facing != ("open" if ch == "“" else "close"):
                right = "“" if facing == "open" else "”"
                yield _broken(
                    "wrong-direction", f"'{ch}' {facing}s a quotation; it should be '{right}'", text, i, i + 1
                )
            ch = "“" if facing == "open" else "”"
        if ch in PAIRS:
            if (
                ch == "“"
                and stack
                and stack[-1][0] == "“"
                and not _visible(text[line_start:i])
                and (text[stack[-1][1]] == '"') == (text[i] == '"')
            ):
                stack.pop()  # a continued quotation: the new paragraph reopens it with the same style of mark
            stack.append((ch, i))
        elif ch in CLOSERS:
            if ch == ")" and (
                _LIST_MARKER.match(text[line_start:i])
                or text[i - 1 : i] in (":", ";")
                or _inline_enumerator(text, line_start, i)
            ):
                continue  # "1)" list marker, at a line's start or inline ("two reasons: 1) ... and 2) ..."), ":)"
            if stack and stack[-1][0] == CLOSERS[ch]:
                stack.pop()
            elif not any(opener == CLOSERS[ch] for opener, _ in stack):
                yield _broken("unbalanced", f"'{text[i]}' closes nothing", text, i, i + 1)
                if ch == "”" and text[i - 1 : i] in (",", ":") and text[i + 1 : i + 2] == " ":
                    # 'He says,” there are ...”': a quotation opened with the closing mark; read on as opened, so
                    # the real closing mark at its end is not reported too
                    stack.append(("“", i))
            else:  # something opened inside was never closed: report it and close up to the match
                while stack and stack[-1][0] != CLOSERS[ch]:
                    _opener, at = stack.pop()
                    yield _broken("unbalanced", f"'{text[at]}' is never closed", text, at, at + 1)
                stack.pop()
    for _opener, at in stack:
        yield _broken("unbalanced", f"'{text[at]}' is never closed", text, at, at + 1)
    yield from _grouped(
        "no-space-after-quote",
        "no space after the closing quotation mark",
        text,
        [(i, i + 2) for i in glued],
    )


# A quotation ends on one of these before its closing mark ('voters!”', 'wrong,”').
_QUOTE_END = frozenset(".!?,")


def _glued_after(text: str, i: int) -> bool:
    """The closing mark at i is followed at once by a capitalised word or an opening curly mark: the next sentence or
    quotation starts with no space ('voters!”After', 'born.”“Your'). A lower-case letter ('”s') is left alone."""
    after = text[i + 1 : i + 3]
    return bool(after) and (after[0] == "“" or (after[0].isupper() and after[0].isalpha()))


def _grouped(kind: str, message: str, text: str, places: list[tuple[int, int]]) -> Iterator[Finding]:
    """One finding for one habit of the copy, with all its places: the first as the span, the rest as related."""
    if not places:
        return
    (start, end), rest = places[0], places[1:]
    more = f" ({len(places)} places)" if rest else ""
    finding = _broken(kind, f"{message}{more}", text, start, end)
    finding.related = [Span.between(text, s, e) for s, e in rest]
    yield finding


_FEET_INCHES = re.compile(r"\d[’'′]\d{1,2}$")


def _visible(chunk: str) -> bool:
    """The chunk holds something besides white space and invisible format characters (a U+202A direction mark a page
    pasted before a paragraph's opening quotation mark). Stops at the first such character: it is asked of each line's
    text before every quotation mark, which rebuilt in full was quadratic in the line."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in chunk)


def _number_ends_quote(text: str, i: int, line_start: int, stack: list[tuple[str, int]]) -> bool:
    """A straight mark after a number closes a quotation opened earlier on the line ('would "consider 69" if asked')
    when the marks after it on the line pair up among themselves; an inch mark inside a quote ('"a 12" record," he
    said') leaves them odd."""
    if not (text[i - 1].isdigit() and stack and stack[-1][0] == "“"):
        return False
    opened = stack[-1][1]
    if opened < line_start or text[opened] != '"':
        return False
    line_end = text.find("\n", i)
    return text[i + 1 : line_end if line_end >= 0 else len(text)].count('"') % 2 == 0


def _quote_facing(text: str, i: int, line_start: int) -> str | None:
    """'open' or 'close' for a double quotation mark at i, read from its neighbours; None when they cannot say."""
    before = text[i - 1] if i > line_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if i == line_start or not _visible(text[line_start:i]):
        return "open"  # a paragraph that starts with a quotation mark opens a quote, whichever way it is turned
    if text[i] in "”″" and _FEET_INCHES.search(text, max(line_start, i - 8), i):
        return None  # '6’2”': an inch mark after feet, not a closing quotation mark
    if before.isdigit() and text[i] == '"' and _MEASURE.search(text[line_start:i]):
        return None  # inches: 5'10", a 12" record ('#Trump2016"' ends a hashtag: read on)
    if (
        (text[i] != "“" or after != " ")
        and before == " "
        and i >= 2
        and text[i - 2] in ",.?!'’"
        and (after.isspace() or i + 1 == len(text))
    ):
        # ",' " he said": a nested quote closed with a space between the marks (house style); at a line's end even
        # a '“' closes ("‘Merry Christmas!’ “"). An opening curly mark with spaces round it inside a line (', “ you
        # have') keeps its own direction.
        return "close"
    opens = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
    if opens and closes and before in _BEFORE_OPENING and after in "'‘":
        return "open"  # '—"\'Flesh and Bone\' star ...,"': after a dash, before a nested quote's mark, it opens
    if opens == closes:
        return {"“": "open", "”": "close"}.get(text[i])  # a curly mark keeps its own direction when unclear
    return "open" if opens else "close"


# --- MTA003 ----------------------------------------------------------------------------------------------------


def _literal(span, natural: str, why: str, entry: str) -> Finding:
    message = f"'{span.text}' reads as a literal translation"
    if natural:
        message += f"; natural English: '{natural}'"
    return Finding(
        "MTA003",
        "info",
        message,
        Span.of(span),
        confidence=0.7,
        evidence={"matched": span.text, "lexicon": entry, "natural": natural, "why": why},
    )


def _time_or_amount(tok) -> bool:
    return tok.like_num or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT")


def find_literal_translations(doc, matchers: Matchers) -> Iterator[Finding]:
    table = calques()
    for _, start, end in matchers.calques(doc):
        span = doc[start:end]
        calque = table[span.text.lower()]
        if len(span) == 1 and span[0].pos_ not in ("NOUN", "PROPN"):
            continue  # uncountable plurals are nouns
        if span[-1].lower_ == "side" and end < len(doc) and doc[end].lower_ == "of":
            continue  # 'from her side of the ledger', 'from his side of the aisle': a real side, not 'for her part'
        if end < len(doc) and doc[end].text in ("-", "‐") and not span[-1].whitespace_:
            continue  # 'fired from his part-time job': the phrase ends inside a hyphenated word
        if len(span) > 1 and span[-1].lower_ in ("on", "about") and end < len(doc) and _time_or_amount(doc[end]):
            continue  # 'emphasized on Friday that', 'discussed about 20 proposals': a date or an amount follows
        yield _literal(span, calque.natural, calque.why, calque.phrase)
    for match_id, start, end in matchers.patterns(doc):
        span = doc[start:end]
        if doc.vocab.strings[match_id] == "SINCE_DURATION":
            if end < len(doc) and doc[end].lower_ == "ago":
                span = doc[start : end + 1]
            yield _literal(
                span,
                f"for {doc[start + 1].text} {doc[start + 2].text}",
                "calque of 'depuis' / 'seit' / 'mundhu': 'since' needs a point in time",
                "since <duration>",
            )
        else:
            yield _literal(
                span, f"in {doc[end - 1].text}", "'the year of' before a year is a calque", "in the year of <year>"
            )
    pairs = cognates()
    for i in view(doc).where(lemmas=frozenset(pairs)):  # a few tokens, not every Token
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        noun = pairs[tok.lemma_]
        for obj in tok.children:
            if obj.dep_ != "dobj" or obj.lemma_ != noun:
                continue
            span = doc[min(tok.i, obj.left_edge.i) : obj.i + 1]
            yield _literal(
                span, tok.text, "the verb already says what its cognate object says", f"{tok.lemma_} | {noun}"
            )


_RELATIVE = frozenset({"which", "whom"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
_RESUMPTIVE = frozenset({"it", "him", "her", "them"})
# Verbs that take two objects: "the book which he gave him" is fine English.
_DITRANSITIVE = frozenset(
    {
        "give",
        "send",
        "show",
        "offer",
        "tell",
        "lend",
        "hand",
        "bring",
        "owe",
        "teach",
        "pay",
        "promise",
        "sell",
        "buy",
        "write",
        "ask",
        "cost",
        "grant",
        "award",
        "deny",
        "leave",
        "get",
    }
)


def find_resumptive_pronouns(doc) -> Iterator[Finding]:
    """ "the club which he described it as ...": a relative clause that repeats its object as a pronoun, the
    resumptive pronoun that Arabic, Persian, Hebrew and other languages require and English forbids."""
    lowers = view(doc).lowers  # the doc's lower-case strings: a Token only at 'which'/'whom' + a subject pronoun
    for i in range(len(doc) - 3):
        if lowers[i] not in _RELATIVE or lowers[i + 1] not in _SUBJECT_PRONOUNS:
            continue
        tok = doc[i]
        j = tok.i + 2
        while j < len(doc) - 1 and j - tok.i <= 5 and doc[j].pos_ in ("AUX", "PART", "ADV"):
            j += 1  # "which they had been searching it for"
        verb, obj = doc[j], doc[j + 1]
        if verb.pos_ != "VERB" or obj.lower_ not in _RESUMPTIVE or verb.lemma_ in _DITRANSITIVE:
            continue
        span = doc[tok.i : obj.i + 1]
        yield _literal(
            span,
            " ".join(t.text for t in doc[tok.i : obj.i]),
            "a resumptive pronoun repeats the relative pronoun's noun, as Arabic or Persian grammar requires",
            "which <subject> <verb> it",
        )


def find_translation_artefacts(doc, matchers: Matchers) -> list[Finding]:
    article = getattr(doc._, "pl_article", None)
    title_span = article.title_span if article is not None else None
    text = view(doc).text
    findings = list(find_duplicated_words(doc))
    # ':)' in a quoted text message is not a stray bracket, nor '"' in a leftover ad script a quotation mark
    plain = mask_ellipses(mask_emoticons(mask_code_lines(text)))
    posts = embedded_posts(text)  # a tweet's '..' or ' !' is its author's, quoted as posted
    findings += [
        f for f in find_spacing_and_orphans(plain) if not any(a <= f.span.start and f.span.end <= b for a, b in posts)
    ]
    findings += find_capital_after_comma(doc, text, title_span)
    findings += find_unbalanced(plain)
    findings += find_mojibake(text)
    findings += find_quote_without_comma(plain)
    findings += find_literal_translations(doc, matchers)
    findings += find_resumptive_pronouns(doc)
    findings += find_run_together(plain)  # after the older kinds, so a new kind never hides one of theirs
    findings += find_dash_spacing(plain, posts)
    kept: list[Finding] = []
    for finding in findings:  # one finding per place and rule: ". ," is one problem, not two
        if not any(k.code == finding.code and k.span.overlaps(finding.span) for k in kept):
            kept.append(finding)
    return kept


def make_component(nlp) -> Any:
    matchers = build_matchers(nlp)

    def run(doc) -> dict[str, list]:
        return {"findings": list(find_translation_artefacts(doc, matchers))}

    return run
