"""What kind of piece the article is: news, opinion (op-ed, column, editorial, letter, review) or analysis.

Several rules judge news conventions (one source for a whole story, an unnamed holder of a view, a word of
judgement): in a signed opinion piece the writer is the source and judging is the genre, so those findings are false
alarms there (``summary.mark_shown`` hides them by default, with the reason). Precision matters most here: a news
story read as opinion would hide real findings. So the call rests on structure, never on the tone of the words:

- what the page says (``summary.is_opinion``: '/opinion/' in the URL, 'Opinion:' or '| Editorial' in the title, an
  'Opinion' category; and the page's own type when the HTML ingest read it: JSON-LD ``OpinionNewsArticle`` /
  ``AnalysisNewsArticle`` / ``ReviewNewsArticle``, ``article:section``);
- a genre label heading the piece: the headline's 'Opinion:', 'Op-Ed:', 'Letter:', 'Editorial:', 'Column:',
  'Analysis:', 'Review:', 'Satire:' or a first body line that is only the label ('LETTERS.', 'News analysis',
  'SATIRE': form 'satire', whose invented sources ``summary.mark_shown`` does not judge);
- a disclaimer ('The views expressed are the author's own', 'His opinions are his own');
- an author's bio as the last paragraph ('Jane Roe is a professor of history at ...', 'is the author of ...') for a
  name the article has not met before (a source's description is not a bio; a reporter's is news);
- readers' letters signed one after another (a paragraph that is only a name, twice or more);
- the writer's own first person singular ('I', 'my') outside quotations and attributed statements, sustained over
  several paragraphs, with an opinion verb in it ('I think', 'I believe') or the reader addressed ('you').

Signatures or the first person alone never make the call: each needs a second cue (below, ``_decide``); a bio does,
as a news story does not end on who a person it never mentioned is, and a reporter's bio is excluded. The
word 'analysis' in a sentence ('Analysis shows that ...') is no label: only a label heading the piece counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model import Genre, GenreCue, GenreKind, Span
from ..nlp.blockquotes import paragraphs
from ..nlp.docview import view

# Genre labels heading a piece -> (kind, form). Lower case, without punctuation.
LABELS: dict[str, tuple[GenreKind, str | None]] = {
    "opinion": ("opinion", None),
    "opinions": ("opinion", None),
    "op-ed": ("opinion", "op-ed"),
    "oped": ("opinion", "op-ed"),
    "guest opinion": ("opinion", "op-ed"),
    "guest column": ("opinion", "column"),
    "guest essay": ("opinion", "op-ed"),
    "commentary": ("opinion", "column"),
    "comment": ("opinion", "column"),
    "column": ("opinion", "column"),
    "viewpoint": ("opinion", None),
    "point of view": ("opinion", None),
    "my view": ("opinion", "column"),
    "my turn": ("opinion", "column"),
    "our view": ("opinion", "editorial"),
    "editorial": ("opinion", "editorial"),
    "editorials": ("opinion", "editorial"),
    "letter": ("opinion", "letter"),
    "letters": ("opinion", "letter"),
    "letter to the editor": ("opinion", "letter"),
    "letters to the editor": ("opinion", "letter"),
    "your say": ("opinion", "letter"),
    "review": ("opinion", "review"),
    "film review": ("opinion", "review"),
    "book review": ("opinion", "review"),
    "music review": ("opinion", "review"),
    "theater review": ("opinion", "review"),
    "theatre review": ("opinion", "review"),
    "restaurant review": ("opinion", "review"),
    "satire": ("opinion", "satire"),  # the outlet says none of it is reported: its sources and quotes are invented
    "analysis": ("analysis", None),
    "news analysis": ("analysis", None),
}
_LABEL_ALT = "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True))
# 'Opinion: ...', 'OP-ED | ...', 'Analysis — ...' heading the headline (a label then a separator and more words).
_HEAD_LABEL = re.compile(rf"^\s*({_LABEL_ALT})\s*(?::|\||—|–|-\s)\s*\S", re.IGNORECASE)
# A line that is only the label ('LETTERS.', 'News analysis'), or the label with a byline ('Opinion by Jane Roe').
_LINE_LABEL = re.compile(rf"^\s*({_LABEL_ALT})\s*[.:]?\s*(?:by\s+[A-Z].{{0,60}})?$", re.IGNORECASE)

# schema.org types (JSON-LD @type) and page sections the HTML ingest keeps in Article.meta.
PAGE_TYPES: dict[str, tuple[GenreKind, str | None]] = {
    "opinionnewsarticle": ("opinion", None),
    "reviewnewsarticle": ("opinion", "review"),
    "review": ("opinion", "review"),
    "criticreview": ("opinion", "review"),
    "analysisnewsarticle": ("analysis", None),
}

_DISCLAIMER = re.compile(
    r"\b(?:the\s+)?(?:views|opinions)\s+expressed\b"
    r"|\b(?:his|her|their|my|the author's|the writer's)\s+(?:views|opinions)\s+are\s+(?:his|her|their|my)\s+own\b"
    r"|\b(?:views|opinions)\s+are\s+(?:his|her|their|my|the author's|the writer's)\s+own\b"
    r"|\bboard\s+of\s+contributors\b|\bcontributing\s+(?:columnist|opinion\s+writer)\b",
    re.IGNORECASE,
)

# A full name as a paragraph opens with it: two to four capitalised words ('Jane Roe', 'Ann B. Lee-Smith').
FULL_NAME = r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+"
# 'Jane Roe is a professor of ...', 'Tom Poe, a former ambassador, is the author of ...': a short last paragraph that
# opens with a name (two to four capitalised words) and says who the person is.
# The predicate says who the person is: 'is a/an/the ...', 'is director of', 'teaches', 'served as' (not 'is getting
# into the spirit': a source's doing).
_BIO = re.compile(
    rf"^({FULL_NAME})"
    r"(?:,\s+[^,]{3,80},)?\s+(?:(?:is|was|has\s+been)\s+(?:(?:a|an|the)\s|[A-Za-z-]+\s+(?:of|at|for)\s)"
    r"|served\s+as|teaches|writes\s+(?:about|on|a)\b)"
)
# A bio of the reporter says the piece is news ('Jane Roe is a reporter for ...', '... contributed to this report').
_REPORTER = re.compile(
    r"\b(?:reporter|correspondent|writer|journalist|photographer|freelance|editor|bureau\s+chief|covers|"
    r"contributed|reporting)\b",
    re.IGNORECASE,
)
MAX_BIO_WORDS = 60
# What a contributor's bio says the person is, within the words after the verb.
_BIO_NOUN = re.compile(
    r"\b(?:professor|author|fellow|director|president|founder|co-founder|chair|chairman|chairwoman|member|historian|"
    r"lawyer|attorney|economist|scholar|researcher|analyst|executive|ceo|lecturer|teacher|pastor|rabbi|physician|"
    r"doctor|consultant|strategist|commentator|columnist|contributor|retired|former|senior|emeritus|dean|head|"
    r"student|veteran|adviser|advisor|partner|principal|scientist|expert)\b",
    re.IGNORECASE,
)
# Words that open a sentence before a name ('But Carol Sanders, who works for ..., is'): no bio.
_NOT_NAMES = frozenset({"but", "and", "so", "yet", "still", "now", "then", "meanwhile", "however", "when", "as", "the"})
_SAYS = re.compile(r"\b(?:said|says|told|added)\b")  # a source's last word, not a bio
# A letter's signature: a paragraph that is only a name, maybe with a place ('Don Roe.', '— Ann Lee, Tulsa, Okla.').
# Two to four capitalised name words, not a section head in capitals ('TOP STORIES.').
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][a-z][\w'’-]*)"
_SIGNATURE = re.compile(rf"^[—–-]?\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:,\s+[A-Z][\w. ]{{1,30}}){{0,2}}\.?$")
# A transcript's speaker label ('Q:', 'TRUMP:', 'Mr. Roe:'): its first person is the speaker's, not the writer's.
_SPEAKER_LABEL = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s*){1,3}:")

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
READER = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# Verbs of opinion after 'I' ('I think', 'I believe'): the writer arguing, not a reporter placing themself in a scene.
OPINION_VERBS = frozenset(
    {"think", "believe", "feel", "argue", "suspect", "doubt", "fear", "hope", "wish", "suggest", "contend", "submit"}
)
# Sustained first person: in at least this many sentences over this many paragraphs and this share of the body's.
MIN_FIRST_PERSON_SENTENCES = 4
MIN_FIRST_PERSON_PARAGRAPHS = 3
MIN_FIRST_PERSON_SHARE = 0.12
MIN_SIGNATURES = 2
# A column's writer speaks from the start; a first person that only begins further down is someone quoted at length.
EARLY_PARAGRAPHS = 3


def _label(text: str) -> tuple[GenreKind, str | None] | None:
    return LABELS.get(" ".join(text.lower().split()))


def _page_cues(article: Any) -> Iterable[tuple[GenreKind, str | None, GenreCue]]:
    """What the page says about the piece: its URL, title or category (summary.is_opinion), its schema.org type,
    its section."""
    from ..summary import is_opinion

    if is_opinion(article):
        yield "opinion", None, GenreCue("page", "the page files it as opinion (URL, title or category)")
    for kind in article.meta.get("page_types") or []:
        found = PAGE_TYPES.get(str(kind).strip().lower())
        if found:
            yield found[0], found[1], GenreCue("page", f"the page's type is {kind}")
    section = str(article.meta.get("section") or "").strip()
    found = _label(section)
    if found:
        yield found[0], found[1], GenreCue("page", f"the page's section is '{section}'")


def _bio(text: str, para: tuple[int, int], before: str) -> GenreCue | None:
    words = text[para[0] : para[1]]
    if len(words.split()) > MAX_BIO_WORDS or _REPORTER.search(words) or _SAYS.search(words):
        return None
    match = _BIO.match(words.strip())
    if match is None:
        return None
    said = words.strip()[match.end(1) : match.end() + 60]  # the words after the name
    if not (match.group().endswith(("teaches", "served as")) or _BIO_NOUN.search(said)):
        return None  # 'Tom Poe, who owns the bakery, is the third generation to run it': a kicker, not a bio
    name = match.group(1).split()
    surname = name[-1].rstrip(".")
    if len(name) < 2 or name[0].lower() in _NOT_NAMES or re.search(rf"\b{re.escape(surname)}\b", before):
        return None  # a source described again at the end, or no full name: not the writer's bio
    at = para[0] + words.index(words.strip())
    return GenreCue("bio", "the last paragraph is the author's bio", Span.between(text, at, para[1]))


def _voice_counts(doc: Any, body_start: int, paras: list[tuple[int, int]]) -> dict[str, Any]:
    """Sentences in the writer's voice (outside quotations, attributed statements and transcript lines) with the
    first person singular, with 'I' + an opinion verb, addressing the reader; the paragraphs they sit in; and
    whether the first person opens the piece (in its first EARLY_PARAGRAPHS paragraphs, not in a block quotation
    that a paragraph ending with a colon introduces: 'her note made her intentions clear:')."""
    from .sources import quote_spans

    v = view(doc)
    text = v.text
    covered = quote_spans(text)
    covered += [(q.content.start, q.content.end) for q in getattr(doc._, "pl_quotes", None) or []]
    covered.sort()
    lowers, idx, lemmas = v.lowers, v.idx, v.column("LEMMA")

    def quoted(char: int) -> bool:
        return any(s <= char < e for s, e in covered)

    first: list[int] = []
    opinion: list[int] = []
    reader: list[int] = []
    paragraphs: set[int] = set()
    body = 0
    early = False
    for n, sent in enumerate(v.sents):
        start = sent.start_char
        if start < body_start or not v.text_of(sent).strip():
            continue
        body += 1
        line_start = text.rfind("\n", 0, start) + 1
        if _SPEAKER_LABEL.match(text[line_start : line_start + 40]):
            continue
        has_first = has_reader = has_opinion = False
        for i in range(sent.start, sent.end):
            word = lowers[i]
            if word not in FIRST_PERSON and word not in READER:
                continue
            if word == "i" and v.texts[i] != "I":
                continue
            if quoted(idx[i]):
                continue
            if word in FIRST_PERSON:
                has_first = True
                if word == "i" and i + 1 < sent.end and lemmas[i + 1] in OPINION_VERBS:
                    has_opinion = True
            else:
                has_reader = True
        if has_first:
            first.append(n)
            paragraphs.add(line_start)
            number = next((k for k, p in enumerate(paras) if p[0] == line_start), None)
            if number is not None and number < EARLY_PARAGRAPHS:
                before = text[paras[number - 1][0] : paras[number - 1][1]].rstrip() if number else ""
                early = early or not before.endswith(":")
        if has_opinion:
            opinion.append(n)
        if has_reader:
            reader.append(n)
    return {
        "first": first,
        "opinion": opinion,
        "reader": reader,
        "paragraphs": len(paragraphs),
        "body": body,
        "early": early,
    }


def detect_genre(doc: Any) -> Genre:
    """The piece's genre with the cues it rests on (``Genre.kind`` 'news' and no cues when nothing says
    otherwise)."""
    v = view(doc)
    text = v.text
    article = doc._.pl_article
    body_start = article.body_start if article is not None else 0
    strong: list[tuple[GenreKind, str | None, GenreCue]] = []
    if article is not None:
        headline = text[article.title_span[0] : article.title_span[1]] if article.title_span else ""
        labelled = _HEAD_LABEL.match(headline)
        # the headline's own label is told once, as a label (summary.is_opinion reads the title too)
        strong.extend(c for c in _page_cues(article) if not (labelled and c[2].note.startswith("the page files")))
        if m := labelled:
            kind, form = LABELS[" ".join(m.group(1).lower().split())]
            at = article.title_span[0] if article.title_span else 0
            cue = GenreCue("label", f"the headline opens with '{m.group(1)}'", Span.between(text, at, at + m.end(1)))
            strong.append((kind, form, cue))
    paras = paragraphs(text, body_start)
    for para in paras[:2]:
        line = text[para[0] : para[1]]
        if m := _LINE_LABEL.match(line):
            kind, form = LABELS[" ".join(m.group(1).lower().split())]
            cue = GenreCue("label", f"the piece is headed '{line.strip()}'", Span.between(text, *para))
            strong.append((kind, form, cue))
    for para in paras[:2] + paras[-3:]:
        if m := _DISCLAIMER.search(text, para[0], para[1]):
            cue = GenreCue("disclaimer", "a line says the views are the writer's own", Span.between(text, *m.span()))
            strong.append(("opinion", "column" if "contribut" in m.group().lower() else None, cue))
            break
    bio = None
    for para in reversed(paras[-2:]):
        if len(paras) > 2 and (bio := _bio(text, para, text[body_start : para[0]])):
            break
    people = [  # names in full: 'Seriously Kapo' (an adverb in front) is no signature; 'Ochieng-Walsh' is one name
        (e.start_char, e.end_char)
        for e in v.ents
        if e.label_ == "PERSON" and all(t.pos_ == "PROPN" or _name_hyphen(t, e) for t in e)
    ]
    signatures = [p for p in paras[1:] if len(text[p[0] : p[1]]) < 60 and _signature(text, p, people)]
    if strong:
        kind, form, _ = strong[0]
        form = form or next((f for k, f, _ in strong if k == kind and f), None)
        cues = [c for k, _, c in strong if k == kind][:4]
        if kind == "opinion" and bio is not None:
            cues.append(bio)  # the piece is signed at its end (HYG001 reads it)
        if kind == "opinion" and len(signatures) >= MIN_SIGNATURES:
            cues.append(_signed(text, signatures))
        elif kind == "opinion" and signatures and signatures[-1] in paras[-2:]:
            # one letter or column signed at its end ('Ann Lee' then 'Westfield'): the label says whose words they are
            cues.append(GenreCue("signatures", "signed with a name at its end", Span.between(text, *signatures[-1])))
        return Genre(kind, form, cues)
    return _decide(doc, text, body_start, bio, signatures)


# Titles that may stand before a signature's name ('Bishop Robert Morlino', 'Dr. Ann Lee').
SIGNATURE_TITLES = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "rev.", "prof.", "sen.", "rep.", "gov.", "bishop", "father", "sister", "most"}
)


def _signature(text: str, para: tuple[int, int], people: list[tuple[int, int]]) -> bool:
    """A paragraph that is only a person's name, maybe after a title and before a place: the whole name is a PERSON
    the NER found ('Don Grath.', '— Ann Lee, Tulsa'), not a subhead ('Bottom Line') or a short sentence ('Seriously
    Kapo.')."""
    line = text[para[0] : para[1]]
    if not _SIGNATURE.match(line.strip()):
        return False
    name = line.split(",")[0].strip(" .—–-")
    at = para[0] + line.index(name)
    for start, end in people:
        if at <= start and end == at + len(name):
            return all(w.lower() in SIGNATURE_TITLES for w in text[at:start].split())
    return False


def _name_hyphen(token: Any, ent: Any) -> bool:
    """A hyphen joining two parts of a double-barrelled name ('Ochieng-Walsh'), with no space on either side."""
    return (
        token.text in ("-", "‐")
        and ent.start < token.i < ent.end - 1
        and not token.whitespace_
        and not token.nbor(-1).whitespace_
    )


def _signed(text: str, signatures: list[tuple[int, int]]) -> GenreCue:
    return GenreCue("signatures", f"{len(signatures)} letters signed with a name", Span.between(text, *signatures[0]))


def _decide(doc: Any, text: str, body_start: int, bio: GenreCue | None, signatures: list[tuple[int, int]]) -> Genre:
    """Without a label: the weaker cues, each needing a second one."""
    cues: list[GenreCue] = []
    counts = _voice_counts(doc, body_start, paragraphs(text, body_start))
    first, opinion, reader = counts["first"], counts["opinion"], counts["reader"]
    sustained = (
        counts["early"]
        and len(first) >= MIN_FIRST_PERSON_SENTENCES
        and counts["paragraphs"] >= MIN_FIRST_PERSON_PARAGRAPHS
        and len(first) >= MIN_FIRST_PERSON_SHARE * max(counts["body"], 1)
    )
    voice = GenreCue(
        "first_person", f"the writer says 'I' in {len(first)} of {counts['body']} sentences, outside quotations"
    )
    if len(signatures) >= MIN_SIGNATURES and (first or reader):
        cues.append(_signed(text, signatures))
        cues.append(voice if first else GenreCue("reader", "the writer addresses the reader ('you')"))
        return Genre("opinion", "letter", cues)
    if bio is not None:  # a contributor's bio for a name the article never met: a signed op-ed
        cues.append(bio)
        if first:
            cues.append(voice)
        return Genre("opinion", "op-ed", cues)
    if sustained and (opinion or reader):
        cues.append(voice)
        if opinion:
            cues.append(GenreCue("opinion_verb", f"'I' with a verb of opinion in {len(opinion)} sentences"))
        if reader:
            cues.append(GenreCue("reader", f"the writer addresses the reader ('you') in {len(reader)} sentences"))
        return Genre("opinion", "column", cues)
    return Genre("news", None, [])


def make_component(nlp: Any) -> Any:
    def run(doc: Any) -> dict[str, list]:
        return {"genre": [detect_genre(doc)]}

    return run
